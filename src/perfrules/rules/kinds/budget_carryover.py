"""Carry-over: 调整后预算数 − 全年执行数 = 年末结转结余.

Checked when the carry-over, the executed amount and a budget (the adjusted
budget, or else initial + adjustment) are stated. A carry-over larger or
smaller than what was left unspent is worth a look: either a figure is wrong
or the carry-over includes money from outside the year's budget, which the
report should say.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.document.tolerance import within
from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("budget", "executed", "carryover", "unspent")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    b = ctx.report.budget
    if b is None or b.carryover is None or b.executed is None:
        return
    exact = ctx.integers_exact
    if b.adjusted is not None:
        lo, hi = b.adjusted.bounds(exact)
        base = b.adjusted.amount
    elif b.initial is not None and b.adjustment is not None:
        (l1, h1), (l2, h2) = b.initial.bounds(exact), b.adjustment.bounds(exact)
        lo, hi = l1 + l2, h1 + h2
        base = b.initial.amount + b.adjustment.amount
    else:
        return
    elo, ehi = b.executed.bounds(exact)
    unspent = (lo - ehi, hi - elo)
    if within(unspent, b.carryover.bounds(exact)):
        return
    left = base - b.executed.amount
    yield Hit(
        "budget.carryover",
        "budget.carryover",
        expected=left,
        found=b.carryover.amount,
        args=(
            ("budget", base),
            ("executed", b.executed),
            ("carryover", b.carryover),
            ("unspent", left),
        ),
    )
