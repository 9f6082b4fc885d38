"""The unknown-grade check: a stated grade that is none of the profile's grade words or synonyms.

The verdict is the scorer's (``GradeResult.known``); the message lists the
profile's words band by band, each followed by its synonyms.
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
    words: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    g = _slips.sheet(ctx).grade
    if g.known is False:
        words = "、".join(w for band in ctx.profile.bands for w in (band.word, *band.synonyms))
        yield Hit(
            "evaluation.grade",
            "evaluation.grade",
            expected=words,
            found=g.stated,
            args=Args(grade=g.stated, words=words),
        )
