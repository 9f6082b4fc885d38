"""Corrections that survive re-extraction: an overrides file naming values by stable address and what they replace.

``report.overrides.toml``::

    [[override]]
    about = "budget.adjustment"          # budget.<key>, report.<key>, line:<id>.<field>,
    value = -748464.41                   # indicator:<id or name>.<field>, evaluation.<key>,
    reason = "调整预算 is a reduction"     # narrative.<key>
                                         # was = …: the value extraction wrote (absent: none)
    [[override]]
    about = "indicator:新增志愿者人数.target"
    was = "100"
    value = "100人"

Re-extracting applies each override whose ``was`` is still what extraction
reads; one whose ``was`` no longer matches (the report changed, or the reader
improved) is reported as stale and not applied, so a correction never hides
a changed figure. ``remove = true`` takes a value out.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from perfrules.document.convert import type_problem
from perfrules.document.source import read_toml, toml_lines
from perfrules.document.textfile import read_settings
from perfrules.errors import DocumentError, Problem
from perfrules.extract.assemble import Entry, Part

__all__ = ["Outcome", "Override", "apply_overrides", "read_overrides"]

_MISSING: Any = object()


@attrs.frozen
class Override:
    """One correction: the address of a value, what it replaces (``was``), and the new value."""

    about: str
    value: Any = None
    was: Any = None
    has_was: bool = False
    remove: bool = False
    reason: str = ""
    line: int | None = None
    file: str | None = None


@attrs.frozen
class Outcome:
    """What became of an override: applied, or stale (and why)."""

    override: Override
    applied: bool
    detail: str = ""


def read_overrides(path: str | Path) -> tuple[Override, ...]:
    """Read an overrides file; a malformed one is a DocumentError with file, key path and line."""
    name, text = read_settings(path, DocumentError)
    data = read_toml(text, name, DocumentError)
    lines = toml_lines(text)
    problems: list[Problem] = []
    out: list[Override] = []
    unknown = [k for k in data if k != "override"]
    problems.extend(Problem("unknown-key", k, lines.get(k), name, {"key": k}) for k in unknown)
    items = data.get("override", [])
    if not isinstance(items, list):
        problems.append(
            Problem("type", "override", lines.get("override"), name, _type("array", items))
        )
        items = []
    for i, item in enumerate(items):
        where = f"override[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem("type", where, lines.get(where), name, _type("table", item)))
            continue
        for key in item:
            if key not in ("about", "value", "was", "remove", "reason"):
                problems.append(
                    Problem(
                        "unknown-key",
                        f"{where}.{key}",
                        lines.get(f"{where}.{key}"),
                        name,
                        {"key": key},
                    )
                )
        about = item.get("about")
        if not isinstance(about, str) or not about.strip():
            problems.append(
                Problem(
                    "missing-key" if about is None else "empty",
                    f"{where}.about",
                    lines.get(where),
                    name,
                )
            )
            continue
        remove = item.get("remove", False)
        if not isinstance(remove, bool):
            problems.append(
                Problem(
                    "type",
                    f"{where}.remove",
                    lines.get(f"{where}.remove"),
                    name,
                    _type("boolean", remove),
                )
            )
            continue
        if "value" not in item and not remove:
            problems.append(Problem("missing-key", f"{where}.value", lines.get(where), name))
            continue
        out.append(
            Override(
                about.strip(),
                item.get("value"),
                item.get("was"),
                "was" in item,
                remove,
                str(item.get("reason", "")),
                lines.get(where),
                name,
            )
        )
    if problems:
        raise DocumentError(problems)
    return tuple(out)


def _type(expected: str, found: object) -> dict[str, object]:
    return dict(type_problem(expected, found, "").params)


def _address(part: Part) -> list[str]:
    """The addresses of a part: ``budget``, ``line:basic``, ``indicator:<id>`` and ``indicator:<name>``."""
    keys = {e.key: e.value for e in part.entries}
    if part.name == "lines":
        return [f"line:{keys.get('id')}"]
    if part.name == "indicators":
        return [f"indicator:{keys['id']}"] if "id" in keys else [f"indicator:{keys.get('name')}"]
    if part.name in ("report", "budget", "evaluation", "narrative"):
        return [part.name]
    return []


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, Decimal)) and isinstance(b, (int, Decimal)):
        return Decimal(a) == Decimal(b)
    return bool(a == b)


def _shown(value: Any) -> str:
    """A value as a message shows it: texts quoted, numbers as written (``5558080.00``)."""
    return repr(value) if isinstance(value, str) else str(value)


def apply_overrides(
    parts: list[Part], overrides: Sequence[Override]
) -> tuple[list[Part], list[Outcome]]:
    """``parts`` with the overrides applied, and the outcome of each."""
    outcomes: list[Outcome] = []
    parts = list(parts)
    for ov in overrides:
        owner, sep, field = ov.about.rpartition(".")
        found = None
        for k, part in enumerate(parts):
            if sep and owner in _address(part):
                found = k
                break
        if found is None:
            outcomes.append(
                Outcome(ov, False, f"{owner or ov.about} names nothing in this extraction")
            )
            continue
        part = parts[found]
        current = next((e for e in part.entries if e.key == field), None)
        if ov.has_was and (current is None or not _same(current.value, ov.was)):
            now = "nothing" if current is None else _shown(current.value)
            outcomes.append(
                Outcome(ov, False, f"was {_shown(ov.was)}, but extraction now reads {now}")
            )
            continue
        if not ov.has_was and current is not None:
            outcomes.append(
                Outcome(
                    ov,
                    False,
                    f"extraction now reads {_shown(current.value)} (the override gives no `was`)",
                )
            )
            continue
        where = f"{Path(ov.file).name}:{ov.line}" if ov.file else "override"
        note = f"override ({where}){': ' + ov.reason if ov.reason else ''}"
        entries = [e for e in part.entries if e.key != field]
        if not ov.remove:
            origin = current.origin if current is not None else None
            was = f"; extraction read {_shown(current.value)}" if current is not None else ""
            entries.append(Entry(field, ov.value, origin, note + was))
        parts[found] = attrs.evolve(part, entries=tuple(entries))
        outcomes.append(Outcome(ov, True))
    return parts, outcomes
