"""Rule packs: rules as data, read from TOML.

A rule pack is a TOML file with a ``[pack]`` table and ``[[rules]]`` entries.
Each rule has a stable id (``PR`` and three digits, never reused), a category
from :data:`~perfrules.rules.findings.CATEGORIES`, a default severity, message
templates in Chinese and English, documentation (what, why, source, a passing
and a failing example) and typed parameters with defaults. Its check is either
a built-in *kind* (a module in :mod:`perfrules.rules.kinds`) or an ``expression`` in
the expression language (:mod:`perfrules.rules.expr`) evaluated ``for_each`` subject.

Packs are validated completely when they load: every problem is reported with
its file, line and rule id, never as a traceback.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import ClassValidationError, IterableValidationError

from perfrules.document.convert import BadValue, converter, walk_errors
from perfrules.document.source import nearest, read_toml, toml_lines
from perfrules.errors import Problem, RulePackError
from perfrules.resources import rules_dir
from perfrules.rules.findings import CATEGORIES, Severity, Templates

__all__ = [
    "PARAM_TYPES",
    "SUBJECTS",
    "Param",
    "Rule",
    "RuleDoc",
    "RulePack",
    "builtin_packs",
    "builtin_rules",
    "load_pack",
    "loads_pack",
]

RULE_ID = re.compile(r"PR\d{3}\Z")
NAME = re.compile(r"[a-z][a-z0-9-]*\Z")

#: Parameter types a rule may declare, and what values they take.
PARAM_TYPES = ("decimal", "integer", "boolean", "string")

#: Subjects an expression rule may iterate over (``for_each``).
SUBJECTS = ("report", "budget", "line", "indicator", "claim")


@attrs.frozen
class Param:
    """A typed rule parameter with its default and documentation."""

    type: str
    default: Decimal | int | bool | str
    doc: str = ""


@attrs.frozen
class RuleDoc:
    """A rule's documentation: what it checks, why, where the rule comes from, and examples."""

    what: str
    why: str
    source: str
    passing: str = ""
    failing: str = ""


@attrs.frozen
class Rule:
    """One rule, as read from a pack (before configuration changes it)."""

    id: str
    name: str
    category: str
    severity: Severity
    title: Templates
    message: Templates
    doc: RuleDoc
    kind: str | None = None
    expression: str | None = None
    for_each: str | None = None
    about: str | None = None  # expression rules: template of the finding's subject
    found: str | None = None  # expression rules: expression giving the value found
    expected: str | None = None  # expression rules: expression giving the value expected
    params: Mapping[str, Param] = attrs.field(factory=dict)
    years: tuple[int, int] | None = None
    pack: str = ""

    def in_force(self, year: int) -> bool:
        """True when the rule applies to reports of budget year ``year``."""
        return self.years is None or self.years[0] <= year <= self.years[1]


@attrs.frozen
class RulePack:
    """A file of rules."""

    id: str
    title: str
    rules: tuple[Rule, ...]
    file: str = ""


# --- the TOML schema, structured through the one converter --------------------------


@attrs.frozen
class _TextSpec:
    zh: str
    en: str


@attrs.frozen
class _DocSpec:
    what: str
    why: str
    source: str
    passing: str = ""
    failing: str = ""


@attrs.frozen
class _ParamSpec:
    type: str
    default: Any
    doc: str = ""


@attrs.frozen
class _RuleSpec:
    id: str
    name: str
    category: str
    severity: str
    title: _TextSpec
    message: _TextSpec
    doc: _DocSpec
    kind: str | None = None
    expression: str | None = None
    for_each: str | None = None
    about: str | None = None
    found: str | None = None
    expected: str | None = None
    params: dict[str, _ParamSpec] = attrs.field(factory=dict)
    years: list[int] | None = None


@attrs.frozen
class _PackHead:
    id: str
    title: str = ""


@attrs.frozen
class _PackSpec:
    pack: _PackHead
    rules: list[_RuleSpec] = attrs.field(factory=list)


def _param_value(ptype: str, value: Any) -> Decimal | int | bool | str:
    """A parameter value checked against its declared type."""
    if ptype == "decimal" and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Decimal(value)
    if ptype == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if ptype == "boolean" and isinstance(value, bool):
        return value
    if ptype == "string" and isinstance(value, str):
        return value
    raise BadValue(
        "invalid",
        detail=f"expected a {ptype}, found {value!r}",
        detail_zh=f"应为 {ptype}，实际为 {value!r}",
    )


def _fields(template: str) -> set[str]:
    names = set()
    for _, field, _, _ in string.Formatter().parse(template):
        if field is not None:
            names.add(re.split(r"[.\[]", field, maxsplit=1)[0])
    return names


def _problem(path: str, en: str, zh: str, rule: str | None = None) -> Problem:
    return Problem("invalid", path, params={"detail": en, "detail_zh": zh}, rule=rule)


def _check_rule(spec: _RuleSpec, path: str) -> Iterable[Problem]:
    """Semantic checks of one rule beyond its types."""
    rid = spec.id
    if not RULE_ID.match(spec.id):
        yield Problem("rule-id", f"{path}.id", params={"found": spec.id}, rule=rid)
    if not NAME.match(spec.name):
        yield _problem(
            f"{path}.name",
            f"rule name {spec.name!r} must be lower-case words joined by '-'",
            f"规则名 {spec.name!r} 应为以 - 连接的小写单词",
            rid,
        )
    if spec.category not in CATEGORIES:
        yield Problem(
            "choice",
            f"{path}.category",
            params={"found": spec.category, "choices": ", ".join(CATEGORIES)},
            rule=rid,
        )
    if spec.severity not in [s.value for s in Severity]:
        yield Problem(
            "choice",
            f"{path}.severity",
            params={"found": spec.severity, "choices": "error, warning, info"},
            rule=rid,
        )
    if (spec.kind is None) == (spec.expression is None):
        yield _problem(
            path,
            "a rule needs exactly one of 'kind' or 'expression'",
            "规则必须且只能有 kind 或 expression 之一",
            rid,
        )
    if spec.expression is not None and spec.for_each not in SUBJECTS:
        yield Problem(
            "choice",
            f"{path}.for_each",
            params={"found": spec.for_each, "choices": ", ".join(SUBJECTS)},
            rule=rid,
        )
    if spec.kind is not None:
        from perfrules.rules.kinds import KINDS

        if spec.kind not in KINDS:
            yield Problem(
                "choice",
                f"{path}.kind",
                params={"found": spec.kind, "choices": ", ".join(sorted(KINDS))},
                rule=rid,
            )
        for key in ("for_each", "about", "found", "expected"):
            if getattr(spec, key) is not None:
                yield _problem(
                    f"{path}.{key}",
                    f"'{key}' belongs to expression rules",
                    f"{key} 仅用于表达式规则",
                    rid,
                )
    if spec.years is not None and (len(spec.years) != 2 or spec.years[0] > spec.years[1]):
        yield _problem(
            f"{path}.years",
            "years must be [first, last] with first ≤ last",
            "years 应为 [起始年, 终止年]",
            rid,
        )
    for name, param in spec.params.items():
        if param.type not in PARAM_TYPES:
            yield Problem(
                "choice",
                f"{path}.params.{name}.type",
                params={"found": param.type, "choices": ", ".join(PARAM_TYPES)},
                rule=rid,
            )
            continue
        try:
            _param_value(param.type, param.default)
        except BadValue as exc:
            yield Problem(exc.code, f"{path}.params.{name}.default", params=exc.params, rule=rid)
    allowed = _template_names(spec)
    for key in ("zh", "en"):
        for which in ("title", "message"):
            template = getattr(getattr(spec, which), key)
            try:
                fields = _fields(template)
            except ValueError as exc:
                yield _problem(
                    f"{path}.{which}.{key}", f"bad template: {exc}", f"模板有误：{exc}", rid
                )
                continue
            usable = set() if which == "title" else allowed
            if usable is None:
                continue
            unknown = sorted(fields - usable)
            if unknown:
                names = ", ".join(sorted(usable)) or "none"
                yield _problem(
                    f"{path}.{which}.{key}",
                    f"unknown template field(s) {', '.join(unknown)}; available: {names}",
                    f"模板中的字段 {', '.join(unknown)} 不存在；可用：{names}",
                    rid,
                )


def _template_names(spec: _RuleSpec) -> set[str] | None:
    """The fields a rule's message may use; None when the rule's check is unknown."""
    base = {"expected", "found", "about", *spec.params}
    if spec.kind is not None:
        from perfrules.rules.kinds import KINDS, kind_args

        return {*base, *kind_args(spec.kind)} if spec.kind in KINDS else None
    if spec.for_each not in SUBJECTS:
        return None
    from perfrules.rules.exprrules import names_for

    try:
        return {*base, *names_for(_to_rule(spec, ""))}
    except BadValue:  # a bad parameter default, reported on its own
        return None


def _to_rule(spec: _RuleSpec, file: str) -> Rule:
    params = {
        n: Param(p.type, _param_value(p.type, p.default), p.doc) for n, p in spec.params.items()
    }
    return Rule(
        id=spec.id,
        name=spec.name,
        category=spec.category,
        severity=Severity(spec.severity),
        title=Templates(spec.title.zh, spec.title.en),
        message=Templates(spec.message.zh, spec.message.en),
        doc=RuleDoc(
            spec.doc.what, spec.doc.why, spec.doc.source, spec.doc.passing, spec.doc.failing
        ),
        kind=spec.kind,
        expression=spec.expression,
        for_each=spec.for_each,
        about=spec.about,
        found=spec.found,
        expected=spec.expected,
        params=params,
        years=(spec.years[0], spec.years[1]) if spec.years else None,
        pack=file,
    )


def structure_rules(
    data: Any, path: str, file: str, text: str | None
) -> tuple[list[Rule], list[Problem]]:
    """Rules from the ``rules`` array of a parsed pack or configuration (with problems found)."""
    problems: list[Problem] = []
    rules: list[Rule] = []
    if not isinstance(data, list):
        return rules, [
            Problem(
                "type",
                path,
                params={
                    "expected": "array",
                    "expected_zh": "数组",
                    "found": type(data).__name__,
                    "found_zh": type(data).__name__,
                },
            )
        ]
    for i, item in enumerate(data):
        here = f"{path}[{i}]"
        rid = item.get("id") if isinstance(item, Mapping) else None
        try:
            spec = converter.structure(item, _RuleSpec)
        except (
            ClassValidationError,
            IterableValidationError,
            BadValue,
            TypeError,
            ValueError,
            KeyError,
        ) as exc:
            problems.extend(
                attrs.evolve(p, rule=p.rule or (rid if isinstance(rid, str) else None))
                for p in walk_errors(exc, here)
            )
            continue
        found = list(_check_rule(spec, here))
        problems.extend(found)
        if not found:
            rules.append(_to_rule(spec, file))
    return rules, problems


def _finish(problems: list[Problem], file: str, text: str | None) -> RulePackError:
    lines = toml_lines(text) if text is not None else {}

    def line_of(path: str) -> int | None:
        return nearest(lines, path)

    return RulePackError(p.at(file, line_of) for p in problems)


def loads_pack(text: str, file: str = "<rules>") -> RulePack:
    """Parse and validate a rule pack from TOML text."""
    data = read_toml(text, file, RulePackError)
    problems: list[Problem] = []
    head: _PackHead | None = None
    if not isinstance(data.get("pack"), Mapping):
        problems.append(Problem("missing-key", "pack"))
    else:
        try:
            head = converter.structure(data["pack"], _PackHead)
        except (ClassValidationError, BadValue, TypeError, ValueError, KeyError) as exc:
            problems.extend(walk_errors(exc, "pack"))
    for key in data:
        if key not in ("pack", "rules"):
            problems.append(Problem("unknown-key", key, params={"key": key}))
    rules, more = structure_rules(data.get("rules", []), "rules", file, text)
    problems.extend(more)
    seen: dict[str, int] = {}
    for i, rule in enumerate(rules):
        if rule.id in seen:
            problems.append(
                Problem(
                    "duplicate-id",
                    f"rules[{i}].id",
                    params={"found": rule.id, "first": f"rules[{seen[rule.id]}]"},
                    rule=rule.id,
                )
            )
        seen.setdefault(rule.id, i)
    if problems:
        raise _finish(problems, file, text)
    assert head is not None
    return RulePack(head.id, head.title, tuple(rules), file)


def load_pack(path: str | Path) -> RulePack:
    """Read and validate the rule pack at ``path``."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(
            [Problem("unreadable", file=name, params={"detail": str(exc)})]
        ) from None
    return loads_pack(text, name)


@cache
def builtin_packs() -> tuple[RulePack, ...]:
    """The rule packs shipped with perfrules (``rules/*.toml``), in file-name order."""
    return tuple(load_pack(p) for p in sorted(rules_dir().glob("*.toml")))


@cache
def builtin_rules() -> Mapping[str, Rule]:
    """Every built-in rule by id."""
    out: dict[str, Rule] = {}
    for pack in builtin_packs():
        for rule in pack.rules:
            if rule.id in out:
                raise RulePackError(
                    [
                        Problem(
                            "duplicate-id",
                            file=pack.file,
                            params={"found": rule.id, "first": out[rule.id].pack},
                            rule=rule.id,
                        )
                    ]
                )
            out[rule.id] = rule
    return dict(sorted(out.items()))
