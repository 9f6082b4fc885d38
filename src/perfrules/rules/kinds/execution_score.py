"""Execution score: the stated budget-execution score equals rate × weight, capped at the weight.

The execution weight is the profile's (10 nationally, 20 on Hubei's form) or
the report's own ``budget.execution_weight``; the rate is on the profile's
basis. The stated score may follow either the computed or the stated rate; it
is compared at the profile's rounding.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("stated", "recomputed", "formula")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    ex = ctx.sheet.execution
    if ex.matches is False:
        yield Hit(
            "budget.execution_score",
            "budget.execution_score",
            expected=ex.recomputed,
            found=ex.stated,
            args=(("stated", ex.stated), ("recomputed", ex.recomputed), ("formula", ex.formula)),
        )
