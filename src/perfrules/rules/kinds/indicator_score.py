"""The indicator-score check: a stated score that differs from the profile's recomputation.

The verdict and the formula are the scorer's (``IndicatorScore.matches``,
``formula``), at the profile's rounding; qualitative indicators are judged
by the ``qualitative_band`` kind and scores out of range by
``indicator_score_range``, so neither is a hit here.
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
    recomputed: Decimal | None
    formula: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for s in verdicts(ctx).mismatched:  # matches is False and in_range is not
        ind = indicators[s.index]
        yield Hit(
            ind.key,
            f"indicators[{s.index}].score",
            expected=s.recomputed,
            found=s.stated,
            args=Args(name=ind.name, stated=s.stated, recomputed=s.recomputed, formula=s.formula),
        )
