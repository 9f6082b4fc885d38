"""The low-execution check: a rate below the profile's threshold without a stated reason.

Silent unless the profile sets ``execution_reason_below``. The rate is the
stated one when given, else executed ÷ the profile's basis (``_budget.basis``);
a reason is any non-blank ``budget.deviation_reason``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.tolerance import midpoint_ratio
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips
from perfrules.rules.kinds._budget import basis

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    rate: Decimal
    threshold: Decimal


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    b = _slips.budget(ctx)
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
        args=Args(rate=rate, threshold=threshold),
    )
