"""Filing date: ``filled_on`` falls after the end of the budget year and within the next year.

A self-evaluation of budget year *Y* can only be written once *Y* has ended,
and is due during year *Y*+1. A report dated inside its own budget year (or
earlier) was filled with a wrong year or copied from an earlier report; one
dated more than a year late is out of time. The latest acceptable year is a
parameter (``years_after``, default 1).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("filled_on", "year", "earliest", "latest")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    info = ctx.report.report
    filled = info.filled_on
    if filled is None:
        return
    latest = info.year + int(params.get("years_after", 1))
    if info.year < filled.year <= latest:
        return
    yield Hit(
        "report.filled_on",
        "report.filled_on",
        expected=f"{info.year + 1}-01-01..{latest}-12-31",
        found=filled.isoformat(),
        args=(
            ("filled_on", filled.isoformat()),
            ("year", info.year),
            ("earliest", f"{info.year + 1}-01-01"),
            ("latest", f"{latest}-12-31"),
        ),
    )
