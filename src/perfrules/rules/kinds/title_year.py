"""The title-year check: a year written in the title that is not ``report.year``.

Years are four digits (19xx, 20xx) followed by 年, full-width digits
included; the first year that differs gives the one hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    title: str
    title_year: int
    year: int


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    info = ctx.report.report
    if not info.title:
        return
    for m in _YEAR.finditer(info.title.translate(_FULLWIDTH)):
        year = int(m.group(1))
        if year != info.year:
            yield Hit(
                "report.title",
                "report.title",
                expected=str(info.year),
                found=str(year),
                args=Args(title=info.title, title_year=year, year=info.year),
            )
            return
