"""Budget chain: 年初预算数 + 年中调整数 = 调整后预算数.

Checked when all three figures are stated. The sum holds when some values
inside the figures' written-precision intervals add up (money written as a
whole number is exact).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.document.tolerance import sum_interval, within
from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("initial", "adjustment", "adjusted", "sum")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    budget = ctx.report.budget
    if (
        budget is None
        or budget.initial is None
        or budget.adjustment is None
        or budget.adjusted is None
    ):
        return
    total = sum_interval((budget.initial, budget.adjustment), ctx.integers_exact)
    if within(total, budget.adjusted.bounds(ctx.integers_exact)):
        return
    computed = budget.initial.amount + budget.adjustment.amount
    yield Hit(
        "budget.adjusted",
        "budget.adjusted",
        expected=computed,
        found=budget.adjusted.amount,
        args=(
            ("initial", budget.initial),
            ("adjustment", budget.adjustment),
            ("adjusted", budget.adjusted),
            ("sum", computed),
        ),
    )
