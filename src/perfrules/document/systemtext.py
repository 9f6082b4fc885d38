"""The indicator system as indented text lines: each tier as written → canonical, its weight, stated and recomputed subtotals.

What ``perfrules score`` can print under its table, from an
:class:`~perfrules.document.system.IndicatorSystem` and, when scored, the
sheet's recomputed subtotals (:attr:`perfrules.ScoreSheet.recomputed_by_tier`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from perfrules.document.system import IndicatorSystem
from perfrules.messages.document import SYSTEM

__all__ = ["system_lines"]


def _figure(value: Decimal | None) -> str:
    return "—" if value is None else format(value, "f")


def _title(name: str | None, written: tuple[str, ...], untiered: str) -> str:
    if name is None:
        return untiered
    if not written or written == (name,):
        return name
    return f"{'、'.join(written)} → {name}"


def system_lines(
    system: IndicatorSystem,
    recomputed: Mapping[str | None, Decimal] | None = None,
    lang: str = "zh",
) -> list[str]:
    """The tree as indented text lines: name as written → canonical, weight, stated, recomputed.

    One line per first-level node (its recomputed subtotal from ``recomputed``,
    keyed by node name, e.g. :meth:`perfrules.ScoreSheet.recomputed_by_tier`),
    then one indented line per second-level node with its indicators' numbers (1-based).
    ``lang`` is ``zh`` or ``en``.
    """
    words = {key: entry.template(lang) for key, entry in SYSTEM.items()}
    sep = words["separator"]
    out: list[str] = []
    for t in system.tiers:
        title = _title(t.name, t.written, words["untiered1"])
        notes = [words["unknown"]] if t.unknown else []
        notes += [words["execution"]] if t.execution else []
        line = [title + (f" ({sep.join(notes)})" if notes else "")]
        line.append(f"{words['weight']} {_figure(t.weight)}")
        key = f" ({t.stated_key})" if t.stated_key not in (None, t.name) else ""
        line.append(f"{words['stated']} {_figure(t.stated)}{key}")
        if recomputed is not None:
            line.append(f"{words['recomputed']} {_figure(recomputed.get(t.name))}")
        out.append("  ".join(line))
        for s in t.tiers:
            notes = [words["unknown"]] if s.unknown else []
            if s.misplaced:
                notes.append(words["misplaced"].format(home="、".join(s.homes)))
            title = _title(s.name, s.written, words["untiered2"])
            indices = ", ".join(str(i + 1) for i in s.indices)  # as a person counts rows
            out.append(
                "  "
                + "  ".join(
                    [
                        title + (f" ({sep.join(notes)})" if notes else ""),
                        f"{words['weight']} {_figure(s.weight)}",
                        f"{words['indicators']} {indices}",
                    ]
                )
            )
    return out
