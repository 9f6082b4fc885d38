"""Rule packs: rules as data, read from TOML.

A rule pack is a TOML file with a ``[pack]`` table and ``[[rules]]`` entries.
Each rule has a stable id (``PR`` and three digits, never reused), a category
from :data:`~perfrules.rules.findings.CATEGORIES`, a default severity, message
templates in Chinese and English, documentation (what, why, source, a passing
and a failing example) and typed parameters with defaults. Its check is either
a built-in *kind* (a module in :mod:`perfrules.rules.kinds`) or an ``expression`` in
the expression language (:mod:`perfrules.rules.expr`) evaluated ``for_each`` subject.

Packs are validated completely as data when they load (:mod:`perfrules.rules.packspec`):
every problem is reported with its file, line and rule id, never as a
traceback. A rule's kind is code, found and checked against the rule when
rules are linked (:mod:`perfrules.rules.link`); each rule keeps its
:class:`Origin` so that those problems are located the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from perfrules.document.convert import structure, type_problem
from perfrules.document.source import Source, nearest, read_toml, toml_lines
from perfrules.document.textfile import read_settings
from perfrules.errors import Problem, RulePackError
from perfrules.resources import rules_dir
from perfrules.rules.exprnames import SUBJECTS
from perfrules.rules.findings import Severity, Templates
from perfrules.rules.packspec import (
    PARAM_TYPES,
    ParamValue,
    RuleSpec,
    check_present,
    check_range,
    check_rule,
    param_value,
)

__all__ = [
    "PARAM_TYPES",
    "SUBJECTS",
    "Origin",
    "Param",
    "Rule",
    "RuleDoc",
    "RulePack",
    "builtin_packs",
    "builtin_rules",
    "load_pack",
    "loads_pack",
]


@attrs.frozen
class Param:
    """A typed rule parameter with its default, documentation and (numbers) the range it may take."""

    type: str
    default: ParamValue
    doc: str = ""
    min: ParamValue | None = None
    max: ParamValue | None = None
    doc_zh: str = ""

    def value(self, given: object) -> ParamValue:
        """``given`` as this parameter's value: of its type, within its range (raises ``BadValue``)."""
        return check_range(param_value(self.type, given), self.min, self.max)


@attrs.frozen
class Origin:
    """Where a rule was written: the text of its file (lines are found on demand) and its key path."""

    source: Source
    path: str  # ``rules[3]``


@attrs.frozen
class RuleDoc:
    """A rule's documentation: what it checks, why, why its severity, how to fix, its source, examples.

    Each prose field (:data:`~perfrules.rules.packspec.DOC_FIELDS`) has a
    Chinese twin ``<field>_zh``; :meth:`text` picks one by language.
    """

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

    def text(self, field: str, lang: str) -> tuple[str, str]:
        """``field`` in ``lang`` (``en``, else Chinese) as ``(text, language it is in)``.

        When the rule gives it only in the other language, that text is
        returned with its language; ``("", lang)`` when it gives neither.
        """
        en, zh = getattr(self, field).strip(), getattr(self, f"{field}_zh").strip()
        first, second = ((en, "en"), (zh, "zh")) if lang == "en" else ((zh, "zh"), (en, "en"))
        if first[0]:
            return first
        if second[0]:
            return second
        return "", "en" if lang == "en" else "zh"


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
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)

    def in_force(self, year: int) -> bool:
        """True when the rule applies to reports of budget year ``year``."""
        return self.years is None or self.years[0] <= year <= self.years[1]

    def locate(self, problem: Problem) -> Problem:
        """``problem``, its path relative to this rule, placed where the rule was written.

        The path goes under the rule's key path, the line is looked up in its
        file, and the problem names the rule and its file (a rule built in
        Python, without an origin, keeps the relative path).
        """
        problem = attrs.evolve(
            problem, rule=problem.rule or self.id, file=problem.file or self.pack or None
        )
        if self.origin is None:
            return problem
        path = f"{self.origin.path}.{problem.path}" if problem.path else self.origin.path
        return attrs.evolve(problem, path=path, line=problem.line or self.origin.source.line(path))


@attrs.frozen
class RulePack:
    """A file of rules."""

    id: str
    title: str
    rules: tuple[Rule, ...]
    file: str = ""


def _to_rule(spec: RuleSpec, file: str, origin: Origin | None) -> Rule:
    params = {
        n: Param(
            p.type,
            param_value(p.type, p.default),
            p.doc,
            None if p.min is None else param_value(p.type, p.min),
            None if p.max is None else param_value(p.type, p.max),
            doc_zh=p.doc_zh,
        )
        for n, p in spec.params.items()
    }
    return Rule(
        id=spec.id,
        name=spec.name,
        category=spec.category,
        severity=Severity(spec.severity),
        title=Templates(spec.title.zh, spec.title.en),
        message=Templates(spec.message.zh, spec.message.en),
        doc=RuleDoc(**attrs.asdict(spec.doc)),
        kind=spec.kind,
        expression=spec.expression,
        for_each=spec.for_each,
        about=spec.about,
        found=spec.found,
        expected=spec.expected,
        params=params,
        years=(spec.years[0], spec.years[1]) if spec.years else None,
        pack=file,
        origin=origin,
    )


def structure_rules(
    data: Any, path: str, file: str, text: str | None
) -> tuple[list[Rule], list[Problem]]:
    """Rules from the ``rules`` array of a parsed pack or configuration (with problems found).

    Each rule remembers its :class:`Origin` (``text`` is the file's), so that
    problems found later, when it is linked, name its file, key path and line.
    """
    problems: list[Problem] = []
    rules: list[Rule] = []
    if not isinstance(data, list):
        return rules, [type_problem("array", data, path)]
    source = Source(text, "toml", file) if text is not None else None
    for i, item in enumerate(data):
        here = f"{path}[{i}]"
        rid = item.get("id") if isinstance(item, Mapping) else None
        spec, found = structure(item, RuleSpec, here)
        if spec is None:
            if isinstance(item, Mapping):  # the values that are there are judged too
                found += [_under(here, p) for p in check_present(item)]
            problems.extend(
                attrs.evolve(p, rule=p.rule or (rid if isinstance(rid, str) else None))
                for p in found
            )
            continue
        found = [_under(here, p) for p in check_rule(spec)]
        problems.extend(found)
        if not found:
            rules.append(_to_rule(spec, file, Origin(source, here) if source else None))
    return rules, problems


def _under(prefix: str, problem: Problem) -> Problem:
    """``problem`` with its path (relative to a rule) put under ``prefix``."""
    return attrs.evolve(problem, path=f"{prefix}.{problem.path}" if problem.path else prefix)


@attrs.frozen
class _PackHead:
    id: str
    title: str = ""


def _finish(problems: list[Problem], file: str, text: str | None) -> RulePackError:
    lines = toml_lines(text) if text is not None else {}

    def line_of(path: str) -> int | None:
        return nearest(lines, path)

    return RulePackError(p.at(file, line_of) for p in problems)


def loads_pack(text: str, file: str = "<rules>") -> RulePack:
    """Parse and validate a rule pack from TOML text."""
    text = text.removeprefix("\ufeff")  # a byte-order mark is not part of the TOML
    data = read_toml(text, file, RulePackError)
    problems: list[Problem] = []
    head: _PackHead | None = None
    if "pack" not in data:
        problems.append(Problem("missing-key", "pack"))
    elif not isinstance(data["pack"], Mapping):
        problems.append(type_problem("table", data["pack"], "pack"))
    else:
        head, bad = structure(data["pack"], _PackHead, "pack")
        problems.extend(bad)
    for key in data:
        if key not in ("pack", "rules"):
            problems.append(Problem("unknown-key", key, params={"key": key}))
    rules, more = structure_rules(data.get("rules", []), "rules", file, text)
    problems.extend(more)
    seen: dict[str, Rule] = {}
    for rule in rules:
        first = seen.setdefault(rule.id, rule)
        if first is not rule:
            where = first.origin.path if first.origin is not None else rule.id
            problems.append(
                rule.locate(
                    Problem("duplicate-id", "id", params={"found": rule.id, "first": where})
                )
            )
    if problems:
        raise _finish(problems, file, text)
    assert head is not None
    return RulePack(head.id, head.title, tuple(rules), file)


def load_pack(path: str | Path) -> RulePack:
    """Read and validate the rule pack at ``path``."""
    name, text = read_settings(path, RulePackError)
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
