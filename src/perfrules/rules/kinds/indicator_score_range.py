"""The score-range check: an indicator's stated score below 0 or above its weight.

The verdict is the scorer's (``IndicatorScore.in_range``), compared exactly
as stated; other score kinds skip an indicator out of range, so it gives one
finding.
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
    score: Decimal | None
    weight: Decimal | None


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for s in verdicts(ctx).out_of_range:  # the rows whose in_range is False
        ind = indicators[s.index]
        yield Hit(
            ind.key,
            f"indicators[{s.index}].score",
            expected=s.weight,
            found=s.stated,
            args=Args(name=ind.name, score=s.stated, weight=s.weight),
        )
