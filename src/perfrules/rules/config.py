"""Configuration: which rules run, how severe they are, with which parameters and profile.

A ``perfrules.toml`` (found from the working directory upward, or named
explicitly) looks like::

    profile = "sichuan"            # scoring profile for every report checked
    select = ["chain", "PR010"]    # rule ids or categories; default: all
    ignore = ["PR074"]             # rule ids or categories to leave out
    packs = ["region-rules.toml"]  # more rule packs, relative to this file
    money_integers_exact = true    # money written as a whole number is exact

    [severity]
    PR041 = "error"

    [params.PR041]
    ratio = 150

    [[rules]]                      # new rules, same schema as a rule pack
    id = "PR901"
    ...

Every key is validated as data, against the rules the configuration knows
(the built-in packs, its own packs and inline rules): a typo is an error, as
is a selection that leaves no rule to run. Every problem is reported at
once, each with its file, key path and line. Whether the rules' kinds exist
and fit them is decided when the rules are compiled
(:func:`perfrules.rules.engine.compile_rules`), not here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from perfrules.document.convert import BadValue, structure
from perfrules.document.source import nearest, read_toml, toml_lines
from perfrules.document.textfile import read_settings
from perfrules.errors import ConfigError, Problem, RulePackError
from perfrules.messages import rules as msg
from perfrules.rules.findings import CATEGORIES, Severity
from perfrules.rules.pack import Rule, builtin_rules, load_pack, structure_rules
from perfrules.rules.packspec import ParamValue, invalid

__all__ = [
    "CONFIG_NAME",
    "Config",
    "check_config",
    "find_config",
    "known_rules",
    "load_config",
    "loads_config",
]

#: The file name :func:`find_config` looks for.
CONFIG_NAME = "perfrules.toml"

_SEVERITIES = tuple(s.value for s in Severity)


@attrs.frozen(eq=False)
class Config:
    """A validated configuration; build it with :func:`load_config` or directly.

    ``select``/``ignore`` hold rule ids or categories; ``severity`` and
    ``params`` change built-in rules; ``rules`` adds rules (from ``packs`` and
    inline ``[[rules]]``); ``profile`` chooses the scoring profile.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = attrs.field(factory=dict)
    params: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    rules: tuple[Rule, ...] = ()
    profile: str | None = None
    money_integers_exact: bool = True
    file: str | None = None

    def with_changes(self, **changes: Any) -> Config:
        """A copy with some fields replaced (e.g. ``select`` from the command line)."""
        return attrs.evolve(self, **changes)

    def selects(self, rule: Rule) -> bool:
        """True when ``rule`` runs under this configuration (selected and not ignored)."""
        chosen = _matches(rule, self.select) if self.select else True
        return chosen and not _matches(rule, self.ignore)

    def severity_of(self, rule: Rule) -> Severity:
        """The rule's severity under this configuration."""
        wanted = self.severity.get(rule.id, rule.severity.value)
        return Severity(wanted) if wanted in _SEVERITIES else rule.severity

    def param_values(self, rule: Rule) -> dict[str, ParamValue]:
        """The rule's parameter values: its defaults, with this configuration's values typed in."""
        values = {name: param.default for name, param in rule.params.items()}
        for name, value in self.params.get(rule.id, {}).items():
            if name in rule.params:
                try:
                    values[name] = rule.params[name].value(value)
                except BadValue:
                    continue  # reported by check_config
        return values


def _matches(rule: Rule, selectors: tuple[str, ...]) -> bool:
    return rule.id in selectors or rule.category in selectors or "ALL" in selectors


def known_rules(config: Config) -> tuple[dict[str, Rule], list[Problem]]:
    """Every rule ``config`` knows by id: the built-in ones and its own (a repeated id is a problem)."""
    known: dict[str, Rule] = dict(builtin_rules())
    problems: list[Problem] = []
    for rule in config.rules:
        first = known.setdefault(rule.id, rule)
        if first is not rule:
            problem = Problem(
                "duplicate-id", "id", params={"found": rule.id, "first": first.pack or "built-in"}
            )
            problems.append(rule.locate(problem))
    return known, problems


def check_config(config: Config, known: Mapping[str, Rule]) -> list[Problem]:
    """What is wrong with ``config``'s selection, severities and parameters, given the ``known`` rules.

    Paths are key paths of the configuration file; a selection that leaves no
    rule is reported only when nothing else is wrong.
    """
    problems = [
        *_check_selectors(config.select, known, "select"),
        *_check_selectors(config.ignore, known, "ignore"),
    ]
    problems += _check_severities(config.severity, known)
    for rid, values in config.params.items():
        if rid not in known:
            problems.append(invalid(f"params.{rid}", msg.NoRule(rule=rid)))
            continue
        problems += _check_params(known[rid], values, f"params.{rid}")
    if not problems and not any(config.selects(rule) for rule in known.values()):
        problems.append(invalid("select", msg.NothingSelected()))
    return problems


def _check_severities(
    severity: Mapping[str, str], known: Mapping[str, Rule] | None = None
) -> list[Problem]:
    """Severities naming no rule (when ``known`` is given) or no severity."""
    problems = []
    for rid, sev in severity.items():
        if known is not None and rid not in known:
            problems.append(invalid(f"severity.{rid}", msg.NoRule(rule=rid)))
        elif sev not in _SEVERITIES:
            problems.append(
                Problem(
                    "choice",
                    f"severity.{rid}",
                    params={"found": sev, "choices": ", ".join(_SEVERITIES)},
                )
            )
    return problems


def _check_selectors(
    selectors: tuple[str, ...], known: Mapping[str, Rule], key: str
) -> list[Problem]:
    return [
        invalid(f"{key}[{i}]", msg.NotASelector(selector=sel))
        for i, sel in enumerate(selectors)
        if sel != "ALL" and sel not in known and sel not in CATEGORIES
    ]


def _check_params(rule: Rule, values: Mapping[str, Any], key: str) -> list[Problem]:
    problems = []
    for name, value in values.items():
        declared = rule.params.get(name)
        if declared is None:
            choices = ", ".join(rule.params) or "none"
            problems.append(
                invalid(f"{key}.{name}", msg.NoParameter(rule=rule.id, name=name, choices=choices))
            )
            continue
        try:
            declared.value(value)
        except BadValue as exc:
            problems.append(Problem(exc.code, f"{key}.{name}", params=exc.params))
    return problems


@attrs.frozen
class _ConfigSpec:
    select: list[str] = attrs.field(factory=list)
    ignore: list[str] = attrs.field(factory=list)
    severity: dict[str, str] = attrs.field(factory=dict)
    params: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    packs: list[str] = attrs.field(factory=list)
    rules: list[Any] = attrs.field(factory=list)
    profile: str | None = None
    money_integers_exact: bool = True


def loads_config(text: str, file: str = CONFIG_NAME, base: Path | None = None) -> Config:
    """Parse and validate a configuration from TOML text; ``packs`` resolve against ``base``.

    Raises :class:`~perfrules.errors.ConfigError` with every problem found:
    of the configuration itself, of its packs (in their own files) and of its
    inline rules.
    """
    text = text.removeprefix("\ufeff")  # a byte-order mark is not part of the TOML
    data = read_toml(text, file, ConfigError)
    lines: dict[str, int] = {}

    def here(problems: list[Problem]) -> list[Problem]:
        """Problems of this file, with its name and their lines (the text is scanned once, if ever)."""
        if problems and not lines:
            lines.update(toml_lines(text))
        return [p.at(file, lambda path: nearest(lines, path)) for p in problems]

    spec, bad = structure(data, _ConfigSpec)
    if spec is None:
        if isinstance(data.get("rules"), list):  # the inline rules' problems show in the same run
            bad += structure_rules(data["rules"], "rules", file, text)[1]
        raise ConfigError(here(bad))
    problems: list[Problem] = []
    rules: list[Rule] = []
    for i, pack in enumerate(spec.packs):
        try:
            rules.extend(load_pack((base or Path(file).parent) / pack).rules)
        except RulePackError as exc:  # its problems are located in the pack's file
            problems += exc.problems
            problems += here([invalid(f"packs[{i}]", msg.PackInvalid(pack=pack))])
    inline, more = structure_rules(spec.rules, "rules", file, text)
    problems += here(more)
    config = Config(
        select=tuple(spec.select),
        ignore=tuple(spec.ignore),
        severity=dict(spec.severity),
        params={k: dict(v) for k, v in spec.params.items()},
        rules=(*rules, *inline),
        profile=spec.profile,
        money_integers_exact=spec.money_integers_exact,
        file=file,
    )
    complete = not problems  # with rules that failed to load, their ids would look unknown
    known, more = known_rules(config)
    problems += more
    if complete:
        problems += here(check_config(config, known))
    else:  # what does not depend on the rules that failed: the severities' values
        problems += here(_check_severities(config.severity))
    if problems:
        raise ConfigError(problems)
    return config


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate the configuration file at ``path``."""
    name, text = read_settings(path, ConfigError)
    return loads_config(text, name, Path(name).parent)


def find_config(
    start: str | os.PathLike[str] | None = None, names: Sequence[str] = (CONFIG_NAME,)
) -> Path | None:
    """The nearest ``perfrules.toml`` in ``start`` (default: the working directory) or above it."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in names:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None
