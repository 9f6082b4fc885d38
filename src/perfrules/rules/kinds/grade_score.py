"""The grade-score check: a stated grade that is not the grade the stated score earns.

The verdict and the earned band are the scorer's (``GradeResult.matches``,
``of_stated_score``: the profile's bands and synonyms).
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

    grade: str | None
    score: Decimal | None
    earned: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    g = _slips.sheet(ctx).grade
    if g.matches is False and g.of_stated_score is not None:
        yield Hit(
            "evaluation.grade",
            "evaluation.grade",
            expected=g.of_stated_score.word,
            found=g.stated,
            args=Args(grade=g.stated, score=g.stated_score, earned=g.of_stated_score.word),
        )
