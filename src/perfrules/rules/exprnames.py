"""What an expression rule may say: the subjects it runs over, the names it reads, its compiled form.

Rule packs validate an expression rule when it loads (its expressions
compile, its message names only what is bound) and the expression rules'
runtime (:mod:`perfrules.rules.exprrules`) evaluates it; both take the names
and the compilation from here, so the two cannot disagree, and a rule's
expressions are compiled once (the result is kept, keyed by its text and
names).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from perfrules.document import model
from perfrules.errors import ExpressionError, Problem

if TYPE_CHECKING:
    from perfrules.rules.expr import Expression

__all__ = ["GLOBALS", "SUBJECTS", "compile_rule_expressions", "names_for"]

#: Subjects an expression rule may iterate over (``for_each``), with the model class of each.
SUBJECT_CLASSES: dict[str, type] = {
    "report": model.ReportInfo,
    "budget": model.Budget,
    "line": model.Line,
    "indicator": model.Indicator,
    "claim": model.Claim,
}
SUBJECTS: tuple[str, ...] = tuple(SUBJECT_CLASSES)

#: Names bound for every subject: the report's parts.
GLOBALS = ("report", "budget", "lines", "indicators", "claims", "evaluation", "narrative")


def names_for(subject: str, params: Iterable[str]) -> tuple[str, ...]:
    """The names an expression over ``subject`` may read: its fields, the report's parts, the parameters."""
    fields = {f.name for f in attrs.fields(SUBJECT_CLASSES[subject])}
    extra = ("parent", "children") if subject == "line" else ()
    return tuple(sorted({*fields, *GLOBALS, *extra, *params}))


def compile_rule_expressions(
    expression: str, found: str | None, expected: str | None, names: tuple[str, ...]
) -> tuple[Expression, Expression | None, Expression | None]:
    """A rule's expressions compiled against ``names``: what must hold, what is found, what expected.

    Raises :class:`~perfrules.errors.ExpressionError`; each problem's path is
    the rule's key (``expression``, ``found``, ``expected``).
    """
    # Each is compiled even when one before it fails, so that every problem shows at once.
    compiled: list[Expression | None] = []
    problems: list[Problem] = []
    for source, where in ((expression, "expression"), (found, "found"), (expected, "expected")):
        try:
            wanted = source if where == "expression" else source or None
            compiled.append(None if wanted is None else _compile(wanted, names, where))
        except ExpressionError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ExpressionError(problems)
    test, found_expr, expected_expr = compiled
    assert test is not None
    return test, found_expr, expected_expr


@functools.lru_cache(maxsize=256)
def _compile(source: str, names: tuple[str, ...], where: str) -> Expression:
    # Imported on first use, for start-up cost: the built-in rules have no
    # expressions, so checking with them never loads the expression language.
    from perfrules.rules.expr import compile_expression, model_attributes

    return compile_expression(source, names, model_attributes(), where=where)
