"""Linking: a rule joined to the code of its check, with its parameters typed once.

A rule names a kind (:mod:`perfrules.rules.kinds`) or carries expressions
(:mod:`perfrules.rules.exprrules`). :func:`link` finds the kind, checks that
the rule's ``params`` declarations are exactly the kind's ``Params`` fields
with their types and that its message names only the kind's ``Args`` fields,
builds the one ``Params`` object its check receives, and returns the check
with it bound. Every problem is located in the rule's file (key path, line,
rule id) and returned, never raised, so a caller can report all at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from perfrules.errors import PerfrulesError, Problem
from perfrules.messages import rules as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import Kind, kind, names
from perfrules.rules.pack import Rule
from perfrules.rules.packspec import BASE_FIELDS, ParamValue, invalid
from perfrules.rules.templates import check_template

__all__ = ["Check", "KindCheck", "Linked", "link"]

#: A rule's check with its parameters bound: the hits it finds in one report.
Check = Callable[[Context], Iterator[Hit]]
#: A kind's check: the hits it finds in one report with one rule's parameters.
KindCheck = Callable[[Context, Any], Iterator[Hit]]


@attrs.frozen
class Linked:
    """A rule ready to run: its typed parameters and its check (parameters bound)."""

    rule: Rule
    #: The kind's ``Params`` object; for an expression rule, its values by name.
    params: object
    run: Check
    after_waivers: bool = False
    #: For a kind's rule, the kind's check: ``run(ctx)`` is ``kind_check(ctx, params)``.
    kind_check: KindCheck | None = attrs.field(default=None, eq=False, repr=False)


def link(rule: Rule, values: Mapping[str, ParamValue]) -> tuple[Linked | None, list[Problem]]:
    """``rule`` linked with parameter ``values`` (its defaults, as configured), or its problems."""
    if rule.kind is not None:
        found = kind(rule.kind)
        if found is None:
            problem = Problem(
                "choice", "kind", params={"found": rule.kind, "choices": ", ".join(names())}
            )
            return None, [rule.locate(problem)]
        return _link_kind(rule, found, values)
    if rule.expression is None:
        problem = invalid("", msg.KindOrExpression())
        return None, [rule.locate(problem)]
    return _link_expression(rule, values)


def _link_kind(
    rule: Rule, found: Kind, values: Mapping[str, ParamValue]
) -> tuple[Linked | None, list[Problem]]:
    problems = [rule.locate(p) for p in _disagreements(rule, found)]
    if problems:
        return None, problems
    params = found.params(**{name: values[name] for name in found.param_types})
    check = found.check

    def run(ctx: Context) -> Iterator[Hit]:
        return check(ctx, params)

    return Linked(rule, params, run, found.after_waivers, check), []


def _disagreements(rule: Rule, found: Kind) -> Iterator[Problem]:
    """Where the rule's parameters and message do not fit its kind (paths relative to the rule)."""
    takes = found.param_types
    listed = ", ".join(f"{n} ({t})" for n, t in takes.items()) or "none"
    for name, param in rule.params.items():
        if name not in takes:
            yield invalid(
                f"params.{name}", msg.KindNoParameter(kind=found.name, name=name, listed=listed)
            )
        elif param.type != takes[name]:
            detail = msg.KindParameterType(
                kind=found.name, name=name, takes=takes[name], type=param.type
            )
            yield invalid(f"params.{name}.type", detail)
    for name, ptype in takes.items():
        if name not in rule.params:
            yield invalid("params", msg.KindNeedsParameter(kind=found.name, name=name, type=ptype))
    usable = BASE_FIELDS | found.fields
    for lang in ("zh", "en"):
        problem = check_template(f"message.{lang}", rule.message.get(lang), usable)
        if problem is not None:
            yield problem


def _link_expression(
    rule: Rule, values: Mapping[str, ParamValue]
) -> tuple[Linked | None, list[Problem]]:
    # Imported only for a rule that has expressions, for start-up cost: checking
    # with the built-in rules never loads the expression language.
    from perfrules.rules.exprrules import expression_check

    templates = [
        *((f"message.{lang}", rule.message.get(lang)) for lang in ("zh", "en")),
        *((("about", rule.about),) if rule.about is not None else ()),
    ]
    plain = [check_template(which, text, None) for which, text in templates]
    problems = [rule.locate(p) for p in plain if p is not None]  # a Rule made in Python
    if problems:
        return None, problems
    params = dict(values)
    try:
        run = expression_check(rule, params)
    except PerfrulesError as exc:  # ExpressionError: where in the rule, and what
        return None, [rule.locate(p) for p in exc.problems]
    return Linked(rule, params, run), []
