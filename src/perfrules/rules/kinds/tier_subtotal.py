"""The tier-subtotal check: a stated ``evaluation.tier_scores`` entry that is not the sum of its rows.

The verdict is the scorer's (``TierSubtotal.matches``: the stated rows'
sum at the profile's rounding, tiers matched by canonical name); the hit
names the tier as the report wrote it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    tier: str
    stated: Decimal | None
    sum: Decimal | None


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for t in _slips.sheet(ctx).tiers:
        if t.matches is False:
            key = t.stated_key or t.tier
            yield Hit(
                f"evaluation.tier_scores.{key}",
                f"evaluation.tier_scores.{key}",
                expected=t.stated_sum,
                found=t.stated,
                args=Args(tier=key, stated=t.stated, sum=t.stated_sum),
            )
