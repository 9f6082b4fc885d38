"""The adjustment-reason check: a non-zero mid-year adjustment without a stated reason.

Silent unless the profile sets ``adjustment_reason_required``. The adjustment
is the stated one, else adjusted − initial when both are stated; a reason is
any non-blank ``budget.adjustment_reason``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    adjustment: Decimal


def check(ctx: Context, params: Params) -> Iterator[Hit]:
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
    yield Hit("budget.adjustment", "budget.adjustment", found=amount, args=Args(adjustment=amount))
