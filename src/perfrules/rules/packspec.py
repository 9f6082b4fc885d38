"""The TOML shape of a rule and the checks of one rule as data, before it becomes a :class:`Rule`.

A rule table is structured into :class:`RuleSpec` through the one converter,
then :func:`check_rule` finds everything wrong with it that the data alone
shows: id, name, category, severity, the choice of ``kind`` or
``expression``, years, parameter types and defaults, template syntax, and,
for expression rules, that the expressions compile and the message names
only what is bound. Whether a ``kind`` exists and agrees with the rule is
decided where kinds are linked (:mod:`perfrules.rules.link`), not here.

Problem paths are relative to the rule (``category``, ``params.ratio.type``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from perfrules.document.convert import BadValue
from perfrules.errors import ExpressionError, Problem
from perfrules.messages import Message, template_names
from perfrules.messages import rules as msg
from perfrules.rules.exprnames import SUBJECTS, compile_rule_expressions, names_for
from perfrules.rules.findings import CATEGORIES, Severity

__all__ = [
    "PARAM_CLASSES",
    "PARAM_TYPES",
    "ParamValue",
    "RuleSpec",
    "check_rule",
    "param_value",
    "template_fields",
]

RULE_ID = re.compile(r"PR\d{3}\Z")
NAME = re.compile(r"[a-z][a-z0-9-]*\Z")

#: A parameter's value: what the declared types read as.
ParamValue = Decimal | int | bool | str

#: Parameter types a rule may declare, with the Python type of their values.
PARAM_CLASSES: Mapping[str, type] = {
    "decimal": Decimal,
    "integer": int,
    "boolean": bool,
    "string": str,
}
PARAM_TYPES: tuple[str, ...] = tuple(PARAM_CLASSES)

#: The fields every message template may use, whatever the rule's check.
BASE_FIELDS = frozenset({"expected", "found", "about"})


@attrs.frozen
class TextSpec:
    zh: str
    en: str


@attrs.frozen
class DocSpec:
    what: str
    why: str
    source: str
    passing: str = ""
    failing: str = ""


@attrs.frozen
class ParamSpec:
    type: str
    default: Any
    doc: str = ""


@attrs.frozen
class RuleSpec:
    """A ``[[rules]]`` table as written, with its types checked."""

    id: str
    name: str
    category: str
    severity: str
    title: TextSpec
    message: TextSpec
    doc: DocSpec
    kind: str | None = None
    expression: str | None = None
    for_each: str | None = None
    about: str | None = None
    found: str | None = None
    expected: str | None = None
    params: dict[str, ParamSpec] = attrs.field(factory=dict)
    years: list[int] | None = None


def param_value(ptype: str, value: Any) -> ParamValue:
    """A parameter value checked against its declared type (raises ``BadValue``)."""
    if ptype == "decimal" and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Decimal(value)
    if ptype == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if ptype == "boolean" and isinstance(value, bool):
        return value
    if ptype == "string" and isinstance(value, str):
        return value
    raise BadValue("invalid", detail=msg.ParamType(type=ptype, value=value))


def template_fields(template: str) -> frozenset[str]:
    """The field names a ``str.format`` template uses (raises ``ValueError`` when malformed)."""
    return template_names(template)


def invalid(path: str, detail: Message, rule: str | None = None) -> Problem:
    """An ``invalid`` problem whose detail is a message of the catalogue."""
    return Problem("invalid", path, params={"detail": detail}, rule=rule)


def unknown_fields(which: str, fields: Iterable[str], usable: Iterable[str]) -> Problem | None:
    """The problem of a template (``message.zh``) using ``fields`` outside ``usable``, if any."""
    allowed = set(usable)
    unknown = sorted(set(fields) - allowed)
    if not unknown:
        return None
    names = ", ".join(sorted(allowed)) or "none"
    return invalid(which, msg.UnknownFields(fields=", ".join(unknown), available=names))


def check_rule(spec: RuleSpec) -> list[Problem]:
    """Everything wrong with one rule that its data shows (paths relative to the rule)."""
    problems = [*_check_head(spec), *_check_check(spec)]
    if spec.years is not None and (len(spec.years) != 2 or spec.years[0] > spec.years[1]):
        problems.append(invalid("years", msg.BadYears()))
    params_ok = True
    for name, param in spec.params.items():
        if param.type not in PARAM_TYPES:
            params_ok = False
            problems.append(
                Problem(
                    "choice",
                    f"params.{name}.type",
                    params={"found": param.type, "choices": ", ".join(PARAM_TYPES)},
                )
            )
            continue
        try:
            param_value(param.type, param.default)
        except BadValue as exc:
            params_ok = False
            problems.append(Problem(exc.code, f"params.{name}.default", params=exc.params))
    problems += _check_templates(spec, params_ok)
    return [attrs.evolve(p, rule=spec.id) for p in problems]


def _check_head(spec: RuleSpec) -> Iterable[Problem]:
    if not RULE_ID.match(spec.id):
        yield Problem("rule-id", "id", params={"found": spec.id})
    if not NAME.match(spec.name):
        yield invalid("name", msg.RuleName(name=spec.name))
    if spec.category not in CATEGORIES:
        yield Problem(
            "choice", "category", params={"found": spec.category, "choices": ", ".join(CATEGORIES)}
        )
    if spec.severity not in [s.value for s in Severity]:
        yield Problem(
            "choice", "severity", params={"found": spec.severity, "choices": "error, warning, info"}
        )


def _check_check(spec: RuleSpec) -> Iterable[Problem]:
    """The rule's check: exactly one of a kind and an expression, with only its own keys."""
    if (spec.kind is None) == (spec.expression is None):
        yield invalid("", msg.KindOrExpression())
    if spec.expression is not None and spec.for_each not in SUBJECTS:
        yield Problem(
            "choice", "for_each", params={"found": spec.for_each, "choices": ", ".join(SUBJECTS)}
        )
    if spec.kind is not None:
        for key in ("for_each", "about", "found", "expected"):
            if getattr(spec, key) is not None:
                yield invalid(key, msg.ExpressionOnly(key=key))


def _check_templates(spec: RuleSpec, params_ok: bool) -> Iterable[Problem]:
    """Template syntax; for an expression rule also its fields and its expressions."""
    usable: frozenset[str] | None = None
    if spec.kind is None and spec.expression is not None and spec.for_each in SUBJECTS:
        names = names_for(spec.for_each, spec.params)
        usable = BASE_FIELDS | frozenset(names)
        if params_ok:
            try:
                compile_rule_expressions(spec.expression, spec.found, spec.expected, names)
            except ExpressionError as exc:
                yield from exc.problems
    for which in ("title", "message"):
        allowed = frozenset() if which == "title" else usable
        for lang in ("zh", "en"):
            template = getattr(getattr(spec, which), lang)
            try:
                fields = template_fields(template)
            except ValueError as exc:
                yield invalid(f"{which}.{lang}", msg.BadTemplate(error=exc))
                continue
            problem = (
                None if allowed is None else unknown_fields(f"{which}.{lang}", fields, allowed)
            )
            if problem is not None:
                yield problem
