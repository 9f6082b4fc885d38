"""Title year: every year written in the title equals ``report.year``.

A report's title names the budget year it evaluates (``2024年度部门整体支出绩效
自评报告``). A title year that differs from the year the report evaluates is a
copy of last year's template or a wrong year in the data — e.g. a title of
2024 over a text that evaluates 2023.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("title", "title_year", "year")

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
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
                args=(("title", info.title), ("title_year", year), ("year", info.year)),
            )
            return


_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
