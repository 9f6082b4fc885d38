"""The score-inflation check: a stated total above the total recomputed under the profile.

The verdict is the scorer's (``TotalScore.inflated``, None while a part
cannot be recomputed); silent when no indicator states a weight, since then
there is no recomputed total to compare with.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips
from perfrules.rules.kinds._indicators import weighted

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    stated: Decimal | None
    recomputed: Decimal


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    if not weighted(ctx):
        return  # nothing was weighted, so there is no recomputed total to compare with
    total = _slips.sheet(ctx).total
    if total.inflated:
        yield Hit(
            "evaluation.score",
            "evaluation.score",
            expected=total.recomputed,
            found=total.stated,
            args=Args(stated=total.stated, recomputed=total.recomputed),
        )
