"""Adjustment reason: a mid-year budget adjustment needs a stated reason (预算调整原因).

Applies only under profiles that require it (``adjustment_reason_required``,
e.g. Sichuan's), when the adjustment is non-zero — stated, or implied by
different initial and adjusted budgets — and ``budget.adjustment_reason`` is
absent or empty.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("adjustment",)


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    b = ctx.report.budget
    if (
        b is None
        or not ctx.profile.adjustment_reason_required
        or (b.adjustment_reason or "").strip()
    ):
        return
    if b.adjustment is not None:
        amount = b.adjustment.amount
    elif b.initial is not None and b.adjusted is not None:
        amount = b.adjusted.amount - b.initial.amount
    else:
        return
    if not amount:
        return
    yield Hit(
        "budget.adjustment", "budget.adjustment", found=amount, args=(("adjustment", amount),)
    )
