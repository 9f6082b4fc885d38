"""The unknown-tier check: a 一级指标 or 二级指标 that the taxonomy does not know for the report's year.

Reads the report's indicator system (``_tiers.tier_system``, built once per report): a first-level tier is
unknown when it is not in force for the year, a second-level one when the
taxonomy has no such name or alias. One hit per unknown level; the message
names the level in the form's words (一级指标, 二级指标).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.messages import Message
from perfrules.messages import kinds as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._tiers import tier_flags, tier_system

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    #: The document key: ``tier1`` or ``tier2``.
    level: str
    name: str | None
    #: The level on the form: 一级指标 / 二级指标, first-level / second-level tier.
    level_name: Message


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    if not tier_flags(ctx).unknown:
        return  # no node of the tree can give a hit (_tiers.TierFlags)
    indicators = ctx.report.indicators
    for index, place in enumerate(ctx.shared(tier_system).placements):
        ind = indicators[index]
        if ind.tier1 and not place.tier1.known:
            yield Hit(
                ind.key,
                f"indicators[{index}].tier1",
                found=ind.tier1,
                args=Args(
                    level="tier1",
                    name=ind.tier1,
                    level_name=msg.FirstTier(),
                ),
            )
        if place.tier2.unknown:
            yield Hit(
                ind.key,
                f"indicators[{index}].tier2",
                found=ind.tier2,
                args=Args(
                    level="tier2",
                    name=ind.tier2,
                    level_name=msg.SecondTier(),
                ),
            )
