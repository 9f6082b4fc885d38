"""Indicator units: a target and its actual are stated in the same unit.

``100`` against ``1314名``, or ``12期`` against ``24次``, cannot be compared
with confidence: either the unit was left out or two different things are
being counted. 万 and 亿 prefixes are folded (``50万页`` = ``500000页``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.document.units import canonical
from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._indicators import number

ARGS = ("name", "target_unit", "actual_unit")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    for i, ind in enumerate(ctx.report.indicators):
        t, a = number(ind.target), number(ind.actual)
        if t is None or a is None:
            continue
        tu, au = canonical(t[0], t[1])[1], canonical(a[0], a[1])[1]
        if tu != au:
            yield Hit(
                ind.key,
                f"indicators[{i}].target",
                expected=t[1] or None,
                found=a[1] or None,
                args=(
                    ("name", ind.name),
                    ("target_unit", t[1] or "—"),
                    ("actual_unit", a[1] or "—"),
                ),
            )
