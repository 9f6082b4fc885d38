"""Scoring profiles loaded from TOML: built-ins and files, the ``extends`` chain merged, each profile for one report year.

A profile (``rules/profiles/<id>.toml``) says everything :mod:`perfrules.scoring.scorer`
and the score rules need to recompute a report's scores and grade the way a
set of regulations does: the grade bands (等级), the tier weights (一级指标权重)
and what happens to an absent tier, the budget-execution part (预算执行率: its
basis, weight and cap), how each kind of indicator is scored, the qualitative
bands (定性指标分档), the deviation thresholds that call for a stated reason,
and the rounding. A region is added by writing a file, not Python. The
schema is in :mod:`perfrules.scoring.spec`, the objects a profile becomes in
:mod:`perfrules.scoring.model`.

A profile may ``extends`` another: tables merge key by key (the extending
file wins), arrays replace the parent's whole array, and ``sources``
accumulate. Every key is validated (:mod:`perfrules.scoring.validation`); a
typo, a wrong type, a band that leaves a gap, an unknown parent or a cycle of
``extends`` is a :class:`~perfrules.errors.ProfileError` naming the file, the
key path and the line. A profile, and each of its tiers, may carry
``years = [first, last]`` (or ``[first]``, open-ended) of report years in
force; loading a profile for a year outside its range (or outside the range
of a profile it extends) is a clear error.

Which profile scores a report is decided in one place, :func:`resolve_profile`:
the explicit choices in order of precedence, else the report's own
``report.profile``, else ``national``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from perfrules.document.convert import structure
from perfrules.document.model import Report
from perfrules.document.source import nearest, read_toml, toml_lines
from perfrules.document.textfile import read_settings
from perfrules.errors import Problem, ProfileError
from perfrules.messages import scoring as msg
from perfrules.resources import rules_dir
from perfrules.scoring.model import Profile
from perfrules.scoring.spec import NAME, OWN, TABLES, ProfileSpec, build, span, year_range
from perfrules.scoring.validation import check, check_weights, check_years, invalid

__all__ = [
    "DEFAULT_PROFILE",
    "Profile",
    "available_profiles",
    "load_profile",
    "loads_profile",
    "profiles_dir",
    "resolve_profile",
]

#: The profile a report is scored by when nothing names one.
DEFAULT_PROFILE = "national"


@attrs.frozen
class _Layer:
    """One profile file as read: its name, text, raw data and validated spec."""

    file: str
    text: str
    data: dict[str, Any]
    spec: ProfileSpec
    _lines: dict[str, int] = attrs.field(factory=dict, eq=False, repr=False)

    def line(self, path: str) -> int | None:
        """The line where ``path`` (or its nearest parent) starts in this file."""
        if not self._lines:
            self._lines.update(toml_lines(self.text))
        return nearest(self._lines, path)


def _error(
    problems: Iterable[Problem], layer: _Layer | None = None, file: str | None = None
) -> ProfileError:
    if layer is not None:
        return ProfileError(p.at(layer.file, layer.line) for p in problems)
    return ProfileError(p.at(file) for p in problems)


def profiles_dir() -> Path:
    """The folder of the built-in profiles (``rules/profiles``)."""
    return rules_dir() / "profiles"


def _read(path: Path) -> tuple[str, str]:
    return read_settings(path, ProfileError)


def _parse_layer(text: str, file: str) -> _Layer:
    """Parse one profile file and validate its keys and types (before merging)."""
    data = read_toml(text, file, ProfileError)
    layer = _Layer(file, text, data, ProfileSpec())
    spec, bad = structure(data, ProfileSpec)
    if spec is None:
        raise _error(bad, layer)
    problems = []
    for key in ("id", "title"):
        if getattr(spec, key) is None:
            problems.append(Problem("missing-key", key))
    if spec.id is not None and not NAME.match(spec.id):
        problems.append(invalid("id", msg.ProfileId(id=spec.id)))
    problems.extend(check_years(spec.years, "years"))
    if problems:
        raise _error(problems, layer)
    return attrs.evolve(layer, spec=spec)


def _extends_path(name: str, here: str | None) -> Path | None:
    """The file ``extends = name`` refers to: a path relative to the extending file, or a built-in."""
    if name.endswith(".toml") or "/" in name or os.sep in name:
        path = Path(name)
        if not path.is_absolute() and here is not None:
            path = Path(here).parent / path
        return path
    if here is not None:
        sibling = Path(here).parent / f"{name}.toml"
        # a file may extend the built-in of its own name (a local "national.toml")
        if sibling.is_file() and sibling.resolve() != Path(here).resolve():
            return sibling
    if not NAME.match(name):
        return None
    builtin = profiles_dir() / f"{name}.toml"
    return builtin if builtin.is_file() else None


def _chain(first: _Layer) -> list[_Layer]:
    """The layer and every layer it extends, nearest first; detects unknown parents and cycles."""
    chain = [first]
    seen = {str(Path(first.file).resolve()) if not first.file.startswith("<") else first.file}
    layer = first
    while layer.spec.extends is not None:
        here = None if layer.file.startswith("<") else layer.file
        path = _extends_path(layer.spec.extends, here)
        if path is None or not path.is_file():
            known = ", ".join(_builtin_ids())
            raise _error(
                [invalid("extends", msg.ExtendsNothing(extends=layer.spec.extends, known=known))],
                layer,
            )
        key = str(path.resolve())
        if key in seen:
            cycle = " → ".join([*(Path(x.file).stem for x in chain), path.stem])
            raise _error(
                [invalid("extends", msg.ExtendsCycle(cycle=cycle))],
                layer,
            )
        seen.add(key)
        file, text = _read(path)
        layer = _parse_layer(text, file)
        chain.append(layer)
    return chain


def _merge(chain: list[_Layer]) -> tuple[dict[str, Any], dict[str, _Layer]]:
    """Merge the layers' raw data (farthest first) and remember which layer set each key."""
    merged: dict[str, Any] = {}
    origin: dict[str, _Layer] = {}
    sources: list[str] = []
    for layer in reversed(chain):
        for key, value in layer.data.items():
            if key in OWN:
                continue
            if key == "sources":
                sources.extend(s for s in value if s not in sources)
                origin[key] = layer
            elif key in TABLES and isinstance(value, Mapping):
                table = merged.setdefault(key, {})
                for sub, item in value.items():
                    table[sub] = item
                    origin[f"{key}.{sub}"] = layer
            else:
                merged[key] = value
                origin[key] = layer
    leaf = chain[0]
    for key in OWN:
        if key in leaf.data:
            merged[key] = leaf.data[key]
            origin[key] = leaf
    merged.pop("extends", None)
    merged["sources"] = sources
    return merged, origin


def _origin_of(path: str, origin: Mapping[str, _Layer], leaf: _Layer) -> _Layer:
    return nearest(origin, path) or leaf


def _from_layer(leaf: _Layer, year: int | None) -> Profile:
    chain = _chain(leaf)
    merged, origin = _merge(chain)
    spec, bad = structure(merged, ProfileSpec)
    if spec is None:
        raise ProfileError(
            p.at(_origin_of(p.path, origin, leaf).file, _origin_of(p.path, origin, leaf).line)
            for p in bad
        )
    problems = list(check(spec, merged))
    if not problems:
        profile = build(spec, [x.spec for x in chain], chain[0].file, year)
        # blame the key, of those that decide the sum, set nearest to the file loaded
        depth = {id(x): i for i, x in enumerate(chain)}
        blame = min(
            ("tiers", "execution.weight", "total"),
            key=lambda k: depth.get(id(origin[k]), len(chain)) if k in origin else len(chain),
        )
        problems = list(check_weights(profile, blame))
        if not problems and profile.years is not None and profile.years[0] > profile.years[1]:
            spans = "; ".join(
                f"{x.spec.id}: {span(r)}"
                for x in chain
                if (r := year_range(x.spec.years)) is not None
            )
            raise ProfileError(
                [invalid("years", msg.YearsDisjoint(spans=spans)).at(leaf.file, leaf.line)]
            )
        if year is not None and not problems and not profile.in_force(year):
            assert profile.years is not None
            years = span(profile.years)
            # name the file whose own years exclude the year
            culprit = next(
                (
                    x
                    for x in chain
                    if (r := year_range(x.spec.years)) is not None and not r[0] <= year <= r[1]
                ),
                leaf,
            )
            raise ProfileError(
                [
                    invalid("years", msg.NotInForce(id=profile.id, years=years, year=year)).at(
                        culprit.file, culprit.line
                    )
                ]
            )
    if problems:
        raise ProfileError(
            p.at(_origin_of(p.path, origin, leaf).file, _origin_of(p.path, origin, leaf).line)
            for p in problems
        )
    return profile


def loads_profile(text: str, file: str = "<profile>", year: int | None = None) -> Profile:
    """Parse and validate a profile from TOML text (``extends`` resolves relative to ``file``)."""
    text = text.removeprefix("\ufeff")  # a byte-order mark is not part of the TOML
    return _from_layer(_parse_layer(text, file), year)


def _builtin_ids() -> list[str]:
    try:
        return sorted(p.stem for p in profiles_dir().glob("*.toml"))
    except OSError:
        return []


@cache
def _builtin_layer(name: str) -> _Layer:
    """A built-in profile file as read and validated, once (every year's profile starts from it)."""
    path = profiles_dir() / f"{name}.toml"
    if not NAME.match(name) or not path.is_file():
        known = ", ".join(_builtin_ids())
        raise ProfileError([Problem("choice", "profile", params={"found": name, "choices": known})])
    file, text = _read(path)
    return _parse_layer(text.removeprefix("\ufeff"), file)


@cache
def _load_builtin(name: str, year: int | None) -> Profile:
    layer = _builtin_layer(name)
    profile = _from_layer(layer, year)
    if profile.id != name:
        raise ProfileError(
            [
                invalid("id", msg.BuiltinId(id=profile.id, name=name)).at(
                    layer.file, toml_lines(layer.text).get("id")
                )
            ]
        )
    return profile


def _is_path(name: str) -> bool:
    return name.endswith(".toml") or "/" in name or os.sep in name


def load_profile(name_or_path: str | os.PathLike[str], year: int | None = None) -> Profile:
    """The profile named ``name_or_path`` (a built-in id or a ``.toml`` file), for report ``year``.

    Built-ins are loaded once per (id, year) and cached; a file path is read
    every time. ``year`` None gives the latest rules and skips the year check.
    Raises :class:`~perfrules.errors.ProfileError` for an unknown name, a
    malformed file, or a year the profile is not in force for.
    """
    if isinstance(year, bool) or (year is not None and not isinstance(year, int)):
        raise ProfileError([invalid("", msg.YearInteger(year=year))])
    if isinstance(name_or_path, str) and not _is_path(name_or_path):
        return _load_builtin(name_or_path, year)
    file, text = _read(Path(name_or_path))
    return loads_profile(text, file, year)


def available_profiles() -> list[Profile]:
    """Every built-in profile (latest rules), ordered by id."""
    return [_load_builtin(name, None) for name in _builtin_ids()]


def resolve_profile(report: Report, *choices: Profile | str | os.PathLike[str] | None) -> Profile:
    """The profile ``report`` is judged by: the first of ``choices`` given, else its own, else ``national``.

    ``choices`` come in order of precedence (say, a command-line option, then
    the configuration's ``profile``); None and empty names are skipped. A
    :class:`~perfrules.scoring.model.Profile` is used as it is; a built-in id or
    a profile file is loaded for the report's year (:func:`load_profile`).
    """
    year = report.report.year
    for choice in choices:
        if isinstance(choice, Profile):
            return choice
        if choice:
            return load_profile(choice, year)
    return load_profile(report.report.profile or DEFAULT_PROFILE, year)
