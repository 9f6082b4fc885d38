"""Grade inflation: the stated grade is not better than the grade of the recomputed total.

Only judged when every part of the total could be recomputed and the report
weights its indicators at all (a grade with no scoring is PR121's). The message
gives both grades.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("grade", "recomputed", "earned")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    if not any(ind.weight is not None for ind in ctx.report.indicators):
        return  # nothing was weighted, so there is no recomputed total to compare with
    g = ctx.sheet.grade
    if g.inflated:
        yield Hit(
            "evaluation.grade",
            "evaluation.grade",
            expected=g.of_recomputed.word,
            found=g.stated,
            args=(
                ("grade", g.stated),
                ("recomputed", g.recomputed_score),
                ("earned", g.of_recomputed.word),
            ),
        )
