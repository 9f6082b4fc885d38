"""The misplaced-tier check: a 二级指标 under a 一级指标 the taxonomy does not put it under.

Reads the report's indicator system (``_tiers.tier_system``, built once per report); judged only when the tier2
has a home in the taxonomy and the tier1 is known, so unknown names stay the
``tier_unknown`` kind's.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._tiers import tier_flags, tier_system

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    tier1: str | None
    tier2: str | None
    home: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    if not tier_flags(ctx).misplaced:
        return  # no node of the tree can give a hit (_tiers.TierFlags)
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
            args=Args(tier1=ind.tier1, tier2=ind.tier2, home=home),
        )
