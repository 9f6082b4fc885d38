"""The carry-over check: the stated carry-over against the budget left unspent.

Skipped unless the carry-over, the executed amount and a budget are stated;
the budget is the adjusted one, else initial + adjustment (not the profile's
basis: what is carried over is what the year's appropriation left). The
unspent amount is an interval of the figures' written precision.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.figures import Money
from perfrules.document.tolerance import within
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    budget: Decimal
    executed: Money
    carryover: Money
    unspent: Decimal


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    b = _slips.budget(ctx)
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
        args=Args(budget=base, executed=b.executed, carryover=b.carryover, unspent=left),
    )
