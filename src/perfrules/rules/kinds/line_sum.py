"""Line sums: a line's children add up to it (budget and executed, separately).

For every line with children, and for each figure (``budget``, ``executed``)
that the line and all its children state, the children's sum must match the
line's figure within written precision. A mismatch that disappears when one
figure is read in the other money unit is reported by the unit-slip rule
instead (one mistake, one finding).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._lines import FIGURE_ZH, analyse

ARGS = ("label", "figure", "figure_zh", "total", "sum", "parts")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    for rel in ctx.shared(analyse).relations:
        if rel.holds or rel.slip is not None or not rel.about.startswith("line:"):
            continue
        total = rel.total.money
        computed = rel.sum()
        yield Hit(
            rel.about,
            rel.path,
            expected=computed,
            found=total.amount,
            args=(
                ("label", rel.label),
                ("figure", rel.total.key),
                ("figure_zh", FIGURE_ZH.get(rel.total.key, rel.total.key)),
                ("total", total),
                ("sum", computed),
                ("parts", " + ".join(str(p.money) for p in rel.parts)),
            ),
        )
