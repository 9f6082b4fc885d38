"""Unknown tiers: an indicator's 一级指标 or 二级指标 is not in the taxonomy.

The taxonomy (``rules/taxonomy/tiers.toml``) lists the first-level tiers in
force for the report's year (成本指标 only from 2021, 财预〔2021〕101号) with
their second-level tiers and accepted aliases. A name outside it is a typo or
a made-up tier, and scoring cannot give the indicator its tier's weight.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._tiers import tier_system

ARGS = ("level", "name")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for index, place in enumerate(ctx.shared(tier_system).placements):
        ind = indicators[index]
        if ind.tier1 and not place.tier1.known:
            yield Hit(
                ind.key,
                f"indicators[{index}].tier1",
                found=ind.tier1,
                args=(("level", "tier1"), ("name", ind.tier1)),
            )
        if place.tier2.unknown:
            yield Hit(
                ind.key,
                f"indicators[{index}].tier2",
                found=ind.tier2,
                args=(("level", "tier2"), ("name", ind.tier2)),
            )
