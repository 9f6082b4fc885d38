"""The filing-date check: ``filled_on`` outside the years after the budget year.

Acceptable is year + 1 to year + ``years_after`` (the parameter), compared
by calendar year; the expected value is written as a date range.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit


@attrs.frozen
class Params:
    """The parameters a rule of this kind sets."""

    years_after: int


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    filled_on: str
    year: int
    earliest: str
    latest: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    info = ctx.report.report
    filled = info.filled_on
    if filled is None:
        return
    latest = info.year + params.years_after
    if info.year < filled.year <= latest:
        return
    yield Hit(
        "report.filled_on",
        "report.filled_on",
        expected=f"{info.year + 1}-01-01..{latest}-12-31",
        found=filled.isoformat(),
        args=Args(
            filled_on=filled.isoformat(),
            year=info.year,
            earliest=f"{info.year + 1}-01-01",
            latest=f"{latest}-12-31",
        ),
    )
