"""Expression rules: user rules written in TOML as an ``expression`` over a ``for_each`` subject.

A rule such as::

    [[rules]]
    id = "PR901"
    name = "small-indicator-weight"
    category = "score"
    severity = "warning"
    for_each = "indicator"
    expression = "weight is None or weight >= min_weight"
    found = "weight"
    [rules.params.min_weight]
    type = "decimal"
    default = 5

is compiled once (:mod:`perfrules.rules.expr`: parsed, checked against the
sandbox, names and attributes validated) and evaluated for each subject. The
expression states what must hold; a subject for which it is false gets a
finding. A subject for which it cannot be evaluated (a field it uses is
absent, so arithmetic meets ``None``) is skipped: guard with ``defined(x)``
or ``x is None or …`` to make absence a finding.

Names available: the subject's fields (money and percentages read as
Decimal), the rule's parameters, and ``report`` (the ``[report]`` table),
``budget``, ``lines``, ``indicators``, ``claims``, ``evaluation``,
``narrative``; for lines also ``parent`` and ``children``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from perfrules.document import model
from perfrules.document.figures import Money, Percent
from perfrules.rules.engine import Context
from perfrules.rules.expr import model_attributes
from perfrules.rules.findings import Hit, render_arg
from perfrules.rules.pack import Rule

__all__ = ["ATTRIBUTES", "expression_check", "names_for"]

_GLOBALS = ("report", "budget", "lines", "indicators", "claims", "evaluation", "narrative")

_SUBJECT_CLASS: dict[str, type] = {
    "indicator": model.Indicator,
    "line": model.Line,
    "budget": model.Budget,
    "claim": model.Claim,
    "report": model.ReportInfo,
}


def _field_names(*classes: type) -> set[str]:
    names: set[str] = set()
    for cls in classes:
        names.update(f.name for f in attrs.fields(cls))
    return names


#: Attribute names an expression may use: the fields of model and value objects
#: (money and percentages read as Decimal, so their own fields are never reached).
ATTRIBUTES: frozenset[str] = model_attributes()


def names_for(rule: Rule) -> tuple[str, ...]:
    """The names an expression of ``rule`` may use."""
    subject = rule.for_each or "report"
    fields = _field_names(_SUBJECT_CLASS[subject])
    extra = ("parent", "children") if subject == "line" else ()
    return tuple(sorted({*fields, *_GLOBALS, *extra, *rule.params}))


def _plain(value: Any) -> Any:
    """How a field reads inside an expression: money and percentages as Decimal, enums as text."""
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, Percent):
        return value.value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def _fields_of(obj: Any) -> dict[str, Any]:
    return {f.name: _plain(getattr(obj, f.name)) for f in attrs.fields(type(obj))}


def _subjects(ctx: Context, subject: str) -> Iterator[tuple[Any, str, str, dict[str, Any]]]:
    """(object, about, path, extra names) for each subject of a report."""
    report = ctx.report
    if subject == "indicator":
        for i, ind in enumerate(report.indicators):
            yield ind, ind.key, f"indicators[{i}]", {}
    elif subject == "line":
        for i, line in enumerate(report.lines):
            found = ctx.lines_by_id.get(line.parent) if line.parent is not None else None
            parent = found[1] if found is not None else None
            kids = [k for _, k in ctx.children.get(line.id, [])]
            yield line, f"line:{line.id}", f"lines[{i}]", {"parent": parent, "children": kids}
    elif subject == "budget":
        if report.budget is not None:
            yield report.budget, "budget", "budget", {}
    elif subject == "claim":
        for i, claim in enumerate(report.claims):
            yield claim, claim.about, f"claims[{i}]", {}
    else:
        yield report.report, "report", "report", {}


def expression_check(rule: Rule) -> Callable[[Context, Mapping[str, Any]], Iterator[Hit]]:
    """Compile ``rule``'s expression (and its ``found``/``expected``) into a kind function.

    Raises :class:`~perfrules.errors.ExpressionError` when an expression is
    not in the language or breaks the sandbox.
    """
    from perfrules.rules.expr import ExpressionEvalError, compile_expression

    assert rule.expression is not None
    names = names_for(rule)
    test = compile_expression(rule.expression, names, ATTRIBUTES, where="expression")
    found = compile_expression(rule.found, names, ATTRIBUTES, where="found") if rule.found else None
    expected = (
        compile_expression(rule.expected, names, ATTRIBUTES, where="expected")
        if rule.expected
        else None
    )
    subject = rule.for_each or "report"
    about_template = rule.about

    def _value(expr: Any, env: Mapping[str, Any]) -> Decimal | str | None:
        if expr is None:
            return None
        try:
            v = _plain(expr.evaluate(env))
        except ExpressionEvalError:
            return None
        if v is None or isinstance(v, (Decimal, str)):
            return v
        if isinstance(v, int) and not isinstance(v, bool):
            return Decimal(v)
        return render_arg(v)

    def run(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
        report = ctx.report
        base = {
            "report": report.report,
            "budget": report.budget,
            "lines": list(report.lines),
            "indicators": list(report.indicators),
            "claims": list(report.claims),
            "evaluation": report.evaluation,
            "narrative": report.narrative,
            **params,
        }
        for obj, about, path, extra in _subjects(ctx, subject):
            env = {**base, **_fields_of(obj), **extra}
            try:
                ok = test.evaluate(env)
            except ExpressionEvalError:
                continue
            if ok:
                continue
            args = tuple(
                (k, v)
                for k, v in env.items()
                if isinstance(v, (str, int)) or v is None or hasattr(v, "as_tuple")
            )
            if about_template:
                try:
                    about = about_template.format_map(
                        {k: v for k, v in env.items() if isinstance(v, str)}
                    )
                except (KeyError, ValueError, IndexError):
                    about = about_template
            yield Hit(
                about, path, expected=_value(expected, env), found=_value(found, env), args=args
            )

    return run
