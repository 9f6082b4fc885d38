"""Execution over budget: 全年执行数 must not exceed the budget it is measured against.

Spending more than the budget (the profile's basis) is either a wrong figure
or spending without appropriation; either way a reviewer asks. Compared at
written precision: only an executed amount above every value the budget
figure can stand for is flagged.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._budget import BASIS_NAMES, basis

ARGS = ("executed", "basis", "basis_zh", "basis_en")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    b = ctx.report.budget
    base = basis(ctx)
    if b is None or b.executed is None or base is None:
        return
    exact = ctx.integers_exact
    if b.executed.bounds(exact)[0] <= base.bounds(exact)[1]:
        return
    zh, en = BASIS_NAMES[ctx.profile.execution_basis]
    yield Hit(
        "budget.executed",
        "budget.executed",
        expected=base.amount,
        found=b.executed.amount,
        args=(("executed", b.executed), ("basis", base), ("basis_zh", zh), ("basis_en", en)),
    )
