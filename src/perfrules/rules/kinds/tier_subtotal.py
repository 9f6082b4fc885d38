"""Tier subtotals: a stated subtotal (``evaluation.tier_scores``) equals the sum of its indicators' stated scores.

Compared at the profile's rounding. Tiers are matched by canonical name
(效果指标 counts as 效益指标).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("tier", "stated", "sum")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    for t in ctx.sheet.tiers:
        if t.matches is False:
            key = t.stated_key or t.tier
            yield Hit(
                f"evaluation.tier_scores.{key}",
                f"evaluation.tier_scores.{key}",
                expected=t.stated_sum,
                found=t.stated,
                args=(("tier", key), ("stated", t.stated), ("sum", t.stated_sum)),
            )
