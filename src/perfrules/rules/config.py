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

Every key is validated: a typo is an error, as is a selection that leaves no
rule to run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import ClassValidationError

from perfrules.document.convert import BadValue, converter, walk_errors
from perfrules.document.source import read_toml, toml_lines
from perfrules.errors import ConfigError, Problem
from perfrules.rules.pack import Rule, load_pack, structure_rules

__all__ = ["CONFIG_NAME", "Config", "find_config", "load_config", "loads_config"]

#: The file name :func:`find_config` looks for.
CONFIG_NAME = "perfrules.toml"


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
    """Parse and validate a configuration from TOML text; ``packs`` resolve against ``base``."""
    data = read_toml(text, file, ConfigError)
    problems: list[Problem] = []
    try:
        spec = converter.structure(data, _ConfigSpec)
    except (ClassValidationError, BadValue, TypeError, ValueError, KeyError) as exc:
        problems.extend(walk_errors(exc, ""))
        spec = None
    rules: list[Rule] = []
    if spec is not None:
        for i, pack in enumerate(spec.packs):
            path = (base or Path(file).parent) / pack
            try:
                rules.extend(load_pack(path).rules)
            except ConfigError:
                raise
            except Exception as exc:  # RulePackError: keep its own file and lines
                from perfrules.errors import PerfrulesError

                if isinstance(exc, PerfrulesError):
                    raise ConfigError(
                        [
                            *exc.problems,
                            Problem(
                                "invalid",
                                f"packs[{i}]",
                                file=file,
                                params={
                                    "detail": f"rule pack {pack} is invalid",
                                    "detail_zh": f"规则包 {pack} 有误",
                                },
                            ),
                        ]
                    ) from None
                raise
        inline, more = structure_rules(spec.rules, "rules", file, text)
        rules.extend(inline)
        problems.extend(more)
    if problems:
        lines = toml_lines(text)
        raise ConfigError(
            p.at(file, lambda path: lines.get(path) or lines.get(path.split(".")[0]))
            for p in problems
        )
    assert spec is not None
    config = Config(
        select=tuple(spec.select),
        ignore=tuple(spec.ignore),
        severity=dict(spec.severity),
        params={k: dict(v) for k, v in spec.params.items()},
        rules=tuple(rules),
        profile=spec.profile,
        money_integers_exact=spec.money_integers_exact,
        file=file,
    )
    from perfrules.rules.engine import compile_rules

    compile_rules(config)  # validates selectors, severities, params, expressions now
    return config


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate the configuration file at ``path``."""
    name = os.fspath(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([Problem("unreadable", file=name, params={"detail": str(exc)})]) from None
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
