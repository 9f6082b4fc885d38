"""The grade-without-score check: a stated grade with no total score to read it from.

The verdict is the scorer's (``GradeResult.without_score``).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    grade: str | None


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    g = _slips.sheet(ctx).grade
    if g.without_score:
        yield Hit("evaluation.grade", "evaluation.grade", found=g.stated, args=Args(grade=g.stated))
