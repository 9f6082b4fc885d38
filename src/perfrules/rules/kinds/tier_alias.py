"""The tier-alias check: a first-level tier written under an accepted alias of its canonical name.

Reads the report's indicator system (``_tiers.tier_system``, built once per report); scoring already treats the
alias as its canonical tier, so a hit here changes no score.
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

    name: str | None
    canonical: str | None


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    if not tier_flags(ctx).alias:
        return  # no node of the tree can give a hit (_tiers.TierFlags)
    indicators = ctx.report.indicators
    for index, place in enumerate(ctx.shared(tier_system).placements):
        if place.tier1_alias:
            ind = indicators[index]
            canonical = place.tier1.name
            yield Hit(
                ind.key,
                f"indicators[{index}].tier1",
                expected=canonical,
                found=ind.tier1,
                args=Args(name=ind.tier1, canonical=canonical),
            )
