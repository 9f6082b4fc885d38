"""The over-budget check: the executed amount against the budget on the profile's basis.

A hit only when the executed amount's lowest value is above the basis's
highest value at written precision (``Money.bounds``), so rounding never
makes a finding.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.document.figures import Money
from perfrules.messages import Message
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips
from perfrules.rules.kinds._budget import basis, basis_name

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    executed: Money
    basis: Money
    #: The basis's name (年初预算数 / 调整后预算数).
    basis_name: Message


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    b = _slips.budget(ctx)
    base = basis(ctx)
    if b is None or b.executed is None or base is None:
        return
    exact = ctx.integers_exact
    if b.executed.bounds(exact)[0] <= base.bounds(exact)[1]:
        return
    yield Hit(
        "budget.executed",
        "budget.executed",
        expected=base.amount,
        found=b.executed.amount,
        args=Args(
            executed=b.executed, basis=base, basis_name=basis_name(ctx.profile.execution_basis)
        ),
    )
