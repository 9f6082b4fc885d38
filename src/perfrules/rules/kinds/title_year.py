"""The title-year check: a year written in the title that is not ``report.year``.

Years are read as :func:`perfrules.document.valueparse.years_in` reads them:
four digits (19xx, 20xx) before 年, full-width digits included, or Chinese
digits (``二〇二二年度``, ``二零二二年``); the first year that differs gives the one hit.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.document.valueparse import years_in
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    title: str
    title_year: int
    year: int


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    info = ctx.report.report
    title = info.title
    if not title:
        return
    # Every year read ends at a 年, so a title without one names no year, and a
    # title whose only 年 follows this year's four digits names this year or
    # none (those digits leave no room for another): no hit, nothing to parse.
    count = title.count("年")
    if count == 0:
        return
    if count == 1:
        at = title.find("年")
        if at >= 4 and title[at - 4 : at] == str(info.year):
            return
    for year in years_in(title):
        if year != info.year:
            yield Hit(
                "report.title",
                "report.title",
                expected=str(info.year),
                found=str(year),
                args=Args(title=title, title_year=year, year=info.year),
            )
            return
