"""The qualitative-band check: a qualitative indicator's score outside the band of its level.

The band and its points are the scorer's (``IndicatorScore.band``,
``band_points``: the profile's share of the weight); scores out of range are
the ``indicator_score_range`` kind's.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._indicators import verdicts

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    stated: Decimal | None
    low: Decimal
    high: Decimal
    level: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for s in verdicts(ctx).off_band:  # in_band is False and in_range is not
        ind = indicators[s.index]
        points = s.band_points
        assert points is not None and s.band is not None
        yield Hit(
            ind.key,
            f"indicators[{s.index}].score",
            expected=f"{points[0]:f}–{points[1]:f}",
            found=s.stated,
            args=Args(
                name=ind.name,
                stated=s.stated,
                low=points[0],
                high=points[1],
                level=s.band.word,
            ),
        )
