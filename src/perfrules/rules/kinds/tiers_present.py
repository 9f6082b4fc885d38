"""Tiers present: every first-level tier (一级指标) the profile requires has an indicator.

The profile lists the required tiers (nationally 产出指标 and 效益指标; 满意度指标
may be left out where it is hard to measure, and its weight moved to the
others). Aliases count for their tier (效果指标 is 效益指标). Not checked when
the report has no indicators at all (that is the indicators-present rule's
finding), nor for indicators that state no tier.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._tiers import tier_system

ARGS = ("tier",)


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    if not indicators:
        return
    system = ctx.shared(tier_system)
    for tier in ctx.profile.required_tiers:
        node = system.tier(tier)
        if node is None or not node.indices:
            yield Hit(f"tier:{tier}", "indicators", expected=tier, args=(("tier", tier),))
