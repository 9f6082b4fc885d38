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
finding. A subject for which it cannot be evaluated because a value it
reads is absent (arithmetic meets ``None``, an index is past the end of a
list) is skipped: guard with ``defined(x)`` or ``x is None or …`` to make
absence a finding. Any other failure (a type mismatch, a division by zero,
an overflow, a limit) is the rule's fault and is never passed over: the
check records one ``rule-failed`` problem per rule and report in
:attr:`Context.failures <perfrules.rules.context.Context.failures>`, naming
the first subject it failed for, the reason, and how many more failed.

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

from perfrules.document.figures import Money, Percent
from perfrules.errors import Problem
from perfrules.messages import rules as msg
from perfrules.rules.context import Context
from perfrules.rules.expr import Expression, ExpressionEvalError
from perfrules.rules.exprnames import compile_rule_expressions, names_for
from perfrules.rules.findings import Hit, clip, render_arg
from perfrules.rules.pack import Rule
from perfrules.rules.packspec import ParamValue

__all__ = ["expression_check"]


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


class _Rendered(Mapping[str, str]):
    """The names of an evaluation as text, for an ``about`` template (rendered when asked for)."""

    def __init__(self, env: Mapping[str, Any]) -> None:
        self.env = env

    def __getitem__(self, name: str) -> str:
        value = self.env[name]
        return "" if value is None else clip(render_arg(value), "en")

    def __iter__(self) -> Iterator[str]:
        return iter(self.env)

    def __len__(self) -> int:
        return len(self.env)


class _Failures:
    """The evaluation failures of one rule over one report: the first, and how many."""

    def __init__(self) -> None:
        self.first: tuple[str, ExpressionEvalError] | None = None
        self.count = 0

    def add(self, path: str, exc: ExpressionEvalError) -> None:
        if exc.missing:  # an absent value: the subject is skipped, by design
            return
        self.count += 1
        if self.first is None:
            self.first = (path, exc)

    def problem(self, rule: Rule, ctx: Context) -> Problem | None:
        """The ``rule-failed`` problem, located in the report (None when nothing failed)."""
        if self.first is None:
            return None
        path, exc = self.first
        origin = rule.pack or "<rules>"
        if rule.origin is not None:
            line = rule.origin.source.line(rule.origin.path)
            origin = f"{origin}:{line}" if line else origin
        more = self.count - 1
        source = ctx.report.source
        return Problem(
            "rule-failed",
            path,
            line=source.line(path) if source is not None and path else None,
            file=source.file if source is not None else None,
            rule=rule.id,
            params={
                "key": exc.where or "expression",
                "origin": origin,
                "detail": exc.message,
                "more": (msg.MoreFailedMany if more > 1 else msg.MoreFailed)(more=more)
                if more
                else "",
            },
        )


def _value(
    expr: Expression | None, env: Mapping[str, Any], path: str, failures: _Failures
) -> Decimal | str | None:
    """The value ``expr`` gives a finding (``found`` or ``expected``), None when it has none."""
    if expr is None:
        return None
    try:
        v = _plain(expr.evaluate(env))
    except ExpressionEvalError as exc:
        failures.add(path, exc)
        return None
    if v is None or isinstance(v, (Decimal, str)):
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        return Decimal(v)
    return render_arg(v)


def expression_check(
    rule: Rule, params: Mapping[str, ParamValue]
) -> Callable[[Context], Iterator[Hit]]:
    """Compile ``rule``'s expressions (once: the compiled form is shared) into its check.

    ``params`` are the rule's parameter values, bound as names. Raises
    :class:`~perfrules.errors.ExpressionError` when an expression is not in
    the language or breaks the sandbox.
    """
    assert rule.expression is not None
    subject = rule.for_each or "report"
    test, found, expected = compile_rule_expressions(
        rule.expression, rule.found, rule.expected, names_for(subject, rule.params)
    )
    about_template = rule.about
    bound = dict(params)

    def run(ctx: Context) -> Iterator[Hit]:
        report = ctx.report
        base = {
            "report": report.report,
            "budget": report.budget,
            "lines": list(report.lines),
            "indicators": list(report.indicators),
            "claims": list(report.claims),
            "evaluation": report.evaluation,
            "narrative": report.narrative,
            **bound,
        }
        failures = _Failures()
        for obj, about, path, extra in _subjects(ctx, subject):
            env = {**base, **_fields_of(obj), **extra}
            try:
                ok = test.evaluate(env)
            except ExpressionEvalError as exc:
                failures.add(path, exc)
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
                    about = about_template.format_map(_Rendered(env))
                except (KeyError, ValueError, IndexError):  # a Rule made in Python, unchecked
                    about = about_template
            yield Hit(
                about,
                path,
                expected=_value(expected, env, path, failures),
                found=_value(found, env, path, failures),
                args=args,
            )
        problem = failures.problem(rule, ctx)
        if problem is not None:
            ctx.failures.append(problem)

    return run
