"""The execution-rate check: the stated rate against executed ÷ budget on the profile's basis.

The basis comes from ``_budget.basis`` (the profile's, with the adjusted
budget's fallbacks). ``tolerance.percent_matches`` decides at written
precision; None (nothing to compare) is no finding. When the stated rate
fits the other basis of ``_budget.BASES``, the note arguments say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.figures import Money, Percent
from perfrules.document.tolerance import midpoint_ratio, percent_matches
from perfrules.messages import Message
from perfrules.messages import kinds as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips
from perfrules.rules.kinds._budget import BASES, basis, basis_name, rate_agrees

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    executed: Money
    basis: Money
    #: The basis's name (年初预算数 / 调整后预算数).
    basis_name: Message
    computed: Decimal | None
    stated: Percent
    #: The other basis the stated rate matches, when it does.
    note: Message | str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    if rate_agrees(ctx):
        return  # agrees as written: percent_matches passes it too
    b = _slips.budget(ctx)
    if b is None or b.execution_rate is None or b.executed is None:
        return
    exact = ctx.integers_exact
    name = ctx.profile.execution_basis
    base = basis(ctx)
    if base is None:
        return
    ok = percent_matches(b.execution_rate, b.executed.bounds(exact), base.bounds(exact))
    if ok is None or ok:
        return
    note: Message | str = ""
    for other in BASES:
        if other == name:
            continue
        alt = basis(ctx, other)
        if alt is not None and percent_matches(
            b.execution_rate, b.executed.bounds(exact), alt.bounds(exact)
        ):
            note = msg.OtherBasis(basis=basis_name(other), amount=alt)
    computed = midpoint_ratio(b.executed.amount, base.amount)
    yield Hit(
        "budget.execution_rate",
        "budget.execution_rate",
        expected=computed,
        found=b.execution_rate.value,
        args=Args(
            executed=b.executed,
            basis=base,
            basis_name=basis_name(name),
            computed=computed,
            stated=b.execution_rate,
            note=note,
        ),
    )
