"""The grade-inflation check: a stated grade better than the grade of the recomputed total.

The verdict is the scorer's (``GradeResult.inflated``, None while a part of
the total cannot be recomputed); silent when no indicator states a weight (a
grade with no scoring is the ``grade_no_score`` kind's).
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

    grade: str | None
    recomputed: Decimal
    earned: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    if not weighted(ctx):
        return  # nothing was weighted, so there is no recomputed total to compare with
    g = _slips.sheet(ctx).grade
    if g.inflated:
        yield Hit(
            "evaluation.grade",
            "evaluation.grade",
            expected=g.of_recomputed.word,
            found=g.stated,
            args=Args(grade=g.stated, recomputed=g.recomputed_score, earned=g.of_recomputed.word),
        )
