"""Score inflation: the stated total is not above the recomputed total.

The recomputed total is the sum of the profile's recomputed indicator scores
and execution score. Only judged when every part could be recomputed (the
total is not partial) and when the report weights its indicators at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("stated", "recomputed")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    if not any(ind.weight is not None for ind in ctx.report.indicators):
        return  # nothing was weighted, so there is no recomputed total to compare with
    total = ctx.sheet.total
    if total.inflated:
        yield Hit(
            "evaluation.score",
            "evaluation.score",
            expected=total.recomputed,
            found=total.stated,
            args=(("stated", total.stated), ("recomputed", total.recomputed)),
        )
