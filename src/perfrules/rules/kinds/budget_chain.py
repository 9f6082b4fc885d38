"""The budget-chain check: the initial budget plus the adjustment against the adjusted budget.

Skipped unless all three figures are stated. The sum is compared as an
interval (``tolerance.sum_interval``) at the figures' written precision, with
``ctx.integers_exact`` deciding whether whole amounts are exact; the message
gives the sum of the amounts as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.figures import Money
from perfrules.document.tolerance import sum_interval, within
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips
from perfrules.rules.kinds._budget import chain_adds_up

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    initial: Money
    adjustment: Money
    adjusted: Money
    sum: Decimal


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    if chain_adds_up(ctx):
        return  # the exact sum is inside both intervals
    budget = _slips.budget(ctx)
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
        args=Args(
            initial=budget.initial,
            adjustment=budget.adjustment,
            adjusted=budget.adjusted,
            sum=computed,
        ),
    )
