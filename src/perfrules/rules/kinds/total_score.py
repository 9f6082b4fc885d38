"""The total-score check: a stated total that is not the sum of the stated parts.

The verdict is the scorer's (``TotalScore.sum_matches``: indicator scores
plus the execution score when weighted, at the profile's rounding).
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

    stated: Decimal | None
    sum: Decimal | None


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    total = _slips.sheet(ctx).total
    if total.sum_matches is False:
        yield Hit(
            "evaluation.score",
            "evaluation.score",
            expected=total.stated_sum,
            found=total.stated,
            args=Args(stated=total.stated, sum=total.stated_sum),
        )
