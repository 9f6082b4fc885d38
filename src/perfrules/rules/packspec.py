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
from perfrules.messages import Message
from perfrules.messages import rules as msg
from perfrules.rules.exprnames import GLOBALS, SUBJECTS, compile_rule_expressions, names_for
from perfrules.rules.findings import CATEGORIES, Severity
from perfrules.rules.templates import check_template, template_fields

__all__ = [
    "DOC_FIELDS",
    "PARAM_CLASSES",
    "PARAM_TYPES",
    "ParamValue",
    "RuleSpec",
    "check_present",
    "check_range",
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
    """A rule's ``doc`` table: English bodies, their Chinese twins (``*_zh``), and the examples."""

    what: str
    why: str
    source: str
    passing: str = ""
    failing: str = ""
    fix: str = ""
    severity_why: str = ""
    what_zh: str = ""
    why_zh: str = ""
    fix_zh: str = ""
    severity_why_zh: str = ""
    source_zh: str = ""


#: The prose fields of ``doc`` with a Chinese twin ``<field>_zh``, in the order they are shown.
DOC_FIELDS: tuple[str, ...] = ("what", "why", "severity_why", "fix", "source")

_CJK = re.compile(r"[\u3400-\u9fff]")


@attrs.frozen
class ParamSpec:
    type: str
    default: Any
    doc: str = ""
    min: Any = None
    max: Any = None
    doc_zh: str = ""


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


def check_range(value: ParamValue, low: ParamValue | None, high: ParamValue | None) -> ParamValue:
    """``value`` when it lies within ``[low, high]`` (either may be None: unbounded), else BadValue."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        below = low is not None and value < low  # type: ignore[operator]
        above = high is not None and value > high  # type: ignore[operator]
        if below or above:
            raise BadValue("param-range", found=str(value), range=bounds(low, high))
    return value


def bounds(low: ParamValue | None, high: ParamValue | None) -> Message:
    """The range ``[low, high]`` in words (either may be None: unbounded; not both)."""
    if low is not None and high is not None:
        return msg.Between(low=low, high=high)
    if low is not None:
        return msg.AtLeast(low=low)
    return msg.AtMost(high=high)


def invalid(path: str, detail: Message, rule: str | None = None) -> Problem:
    """An ``invalid`` problem whose detail is a message of the catalogue."""
    return Problem("invalid", path, params={"detail": detail}, rule=rule)


def check_rule(spec: RuleSpec) -> list[Problem]:
    """Everything wrong with one rule that its data shows (paths relative to the rule)."""
    head = _check_head(spec.id, spec.name, spec.category, spec.severity)
    problems = [*head, *_check_check(spec)]
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
        if param.doc_zh and not _CJK.search(param.doc_zh):
            problems.append(
                invalid(
                    f"params.{name}.doc_zh",
                    msg.NotChinese(key=f"params.{name}.doc_zh", field=f"params.{name}.doc"),
                )
            )
        problems += _check_param_range(name, param)
        try:
            check_range(
                param_value(param.type, param.default),
                _bound(param.type, param.min),
                _bound(param.type, param.max),
            )
        except BadValue as exc:
            params_ok = False
            problems.append(Problem(exc.code, f"params.{name}.default", params=exc.params))
    problems += _check_templates(spec, params_ok)
    problems += _check_doc(spec.doc)
    return [attrs.evolve(p, rule=spec.id) for p in problems]


def _bound(ptype: str, value: Any) -> ParamValue | None:
    """A parameter's ``min`` or ``max`` as its type reads it (None: not given, or not valid)."""
    if value is None or ptype not in ("decimal", "integer"):
        return None
    try:
        return param_value(ptype, value)
    except BadValue:
        return None


def _check_param_range(name: str, param: ParamSpec) -> Iterable[Problem]:
    """A parameter's ``min`` and ``max``: numbers of its type (decimal, integer only), min ≤ max."""
    for key in ("min", "max"):
        value = getattr(param, key)
        if value is None:
            continue
        if param.type not in ("decimal", "integer"):
            yield invalid(f"params.{name}.{key}", msg.BoundsForNumbers(key=key, type=param.type))
            continue
        try:
            param_value(param.type, value)
        except BadValue as exc:
            yield Problem(exc.code, f"params.{name}.{key}", params=exc.params)
    low, high = _bound(param.type, param.min), _bound(param.type, param.max)
    if low is not None and high is not None and low > high:  # type: ignore[operator]
        yield invalid(f"params.{name}.max", msg.MaxBelowMin(high=high, low=low))


def _check_head(
    rid: str | None, name: str | None, category: str | None, severity: str | None
) -> Iterable[Problem]:
    """The rule's id, name, category and severity (None: not given, or not text)."""
    if rid is not None and not RULE_ID.match(rid):
        yield Problem("rule-id", "id", params={"found": rid})
    if name is not None and not NAME.match(name):
        yield invalid("name", msg.RuleName(name=name))
    if category is not None and category not in CATEGORIES:
        yield Problem(
            "choice", "category", params={"found": category, "choices": ", ".join(CATEGORIES)}
        )
    if severity is not None and severity not in [s.value for s in Severity]:
        yield Problem(
            "choice", "severity", params={"found": severity, "choices": "error, warning, info"}
        )


def _check_doc(doc: DocSpec) -> Iterable[Problem]:
    """The prose of ``doc``: nothing given blank, and Chinese where a ``*_zh`` field is given."""
    for field in DOC_FIELDS:
        for key in (field, f"{field}_zh"):
            text = getattr(doc, key)
            required = key in ("what", "why", "source")
            if not text.strip() and (text or required):
                yield invalid(f"doc.{key}", msg.BlankDoc())
            elif key.endswith("_zh") and text.strip() and not _CJK.search(text):
                yield invalid(f"doc.{key}", msg.NotChinese(key=f"doc.{key}", field=f"doc.{field}"))


def check_present(item: Mapping[str, Any]) -> list[Problem]:
    """What :func:`check_rule` can say of a rule table that does not structure (a key missing …).

    Only the keys that are there and are text are judged (id, name, category,
    severity, for_each, parameter types), so that one run reports every
    invalid value next to the missing keys; paths are relative to the rule.
    """

    def text(key: str, table: Mapping[str, Any] = item) -> str | None:
        value = table.get(key)
        return value if isinstance(value, str) else None

    problems = list(_check_head(text("id"), text("name"), text("category"), text("severity")))
    for_each = text("for_each")
    if for_each is not None and for_each not in SUBJECTS:
        problems.append(
            Problem(
                "choice", "for_each", params={"found": for_each, "choices": ", ".join(SUBJECTS)}
            )
        )
    params = item.get("params")
    if isinstance(params, Mapping):
        for name, param in params.items():
            ptype = text("type", param) if isinstance(param, Mapping) else None
            if ptype is not None and ptype not in PARAM_TYPES:
                problems.append(
                    Problem(
                        "choice",
                        f"params.{name}.type",
                        params={"found": ptype, "choices": ", ".join(PARAM_TYPES)},
                    )
                )
    return problems


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
            problem = check_template(f"{which}.{lang}", template, allowed)
            if problem is not None:
                yield problem
    if spec.about is not None:  # the subject's own fields and the parameters, as text
        own = None
        if usable is not None:
            own = frozenset(names_for(str(spec.for_each), spec.params)) - {
                *GLOBALS,
                "parent",
                "children",
            }
        problem = check_template("about", spec.about, own)
        if problem is not None:
            yield problem
