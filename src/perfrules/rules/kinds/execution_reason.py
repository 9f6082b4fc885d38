"""Execution reason: a low execution rate needs a stated reason (预算执行率偏离原因).

Applies when the profile sets a threshold (``execution_reason_below``, e.g.
90% in Sichuan's rules) and the rate — the stated one, or else the one
computed on the profile's basis — is below it, while ``budget.deviation_reason``
is absent or empty.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.document.tolerance import midpoint_ratio
from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._budget import basis

ARGS = ("rate", "threshold")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    b = ctx.report.budget
    threshold = ctx.profile.execution_reason_below
    if b is None or threshold is None or (b.deviation_reason or "").strip():
        return
    if b.execution_rate is not None:
        rate = b.execution_rate.value
    else:
        base = basis(ctx)
        if b.executed is None or base is None:
            return
        computed = midpoint_ratio(b.executed.amount, base.amount)
        if computed is None:
            return
        rate = computed
    if rate >= threshold:
        return
    yield Hit(
        "budget.execution_rate",
        "budget.execution_rate",
        expected=threshold,
        found=rate,
        args=(("rate", rate), ("threshold", threshold)),
    )
