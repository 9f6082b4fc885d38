"""Misplaced tiers: a 二级指标 filed under a 一级指标 it does not belong to.

E.g. 服务对象满意度指标 under 效益指标: in merged table cells the satisfaction
row often ends up under the benefit tier. The taxonomy says which first-level
tier each second-level tier belongs to; the indicator is then scored with the
wrong tier's weight.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._tiers import tier_system

ARGS = ("tier1", "tier2", "home")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for index, place in enumerate(ctx.shared(tier_system).placements):
        if not place.tier2.misplaced:
            continue
        ind = indicators[index]
        home = "、".join(place.tier2.homes)
        yield Hit(
            ind.key,
            f"indicators[{index}].tier2",
            expected=home,
            found=ind.tier1,
            args=(("tier1", ind.tier1), ("tier2", ind.tier2), ("home", home)),
        )
