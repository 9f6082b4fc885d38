"""The tiers-present check: a first-level tier the profile requires that no indicator is under.

Silent for a report without indicators (the ``indicators_present`` kind's
case). Tiers are compared by their canonical names in the report's indicator
system (``_tiers.tier_system``), so aliases count.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._tiers import tier_system

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    tier: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    if not indicators:
        return
    system = ctx.shared(tier_system)
    for tier in ctx.profile.required_tiers:
        node = system.tier(tier)
        if node is None or not node.indices:
            yield Hit(f"tier:{tier}", "indicators", expected=tier, args=Args(tier=tier))
