"""Shared helpers for the budget-execution kinds: the basis of the execution rate, slips undone.

Whether the stated rate agrees with the profile's basis as written and
whether the budget chain adds up exactly settle the rate, rounding and chain
kinds in the common case.
"""

from __future__ import annotations

from perfrules.document.figures import Money
from perfrules.document.tolerance import agrees_as_written
from perfrules.messages import Message
from perfrules.messages.document import Text
from perfrules.messages.reasons import BASES as BASES_NAMED
from perfrules.rules.context import Context
from perfrules.rules.kinds._slips import budget

BASES = ("adjusted", "initial")


def basis_name(which: str) -> Message:
    """The name of the basis ``which`` (``adjusted``, ``initial``) in a message."""
    entry = BASES_NAMED.get(which)
    return entry() if entry is not None else Text(text=which)


def basis(ctx: Context, which: str | None = None) -> Money | None:
    """The budget figure the execution rate is measured against (the profile's basis by default).

    The adjusted basis falls back, as scoring does, to initial + adjustment and
    then to the initial budget when the adjusted budget is not stated. A
    budget figure found to be a unit slip is read as it is meant (``_slips``).
    """
    b = budget(ctx)
    if b is None:
        return None
    name = which or ctx.profile.execution_basis
    if name == "initial" or b.adjusted is not None:
        return b.initial if name == "initial" else b.adjusted
    if b.initial is not None and b.adjustment is not None:
        i, a = b.initial, b.adjustment
        return Money(i.amount + a.amount, min(i.exponent, a.exponent), i.exact and a.exact, i.unit)
    return b.initial


def rate_agrees(ctx: Context) -> bool:
    """True when the stated rate is executed ÷ the profile's basis as written (``agrees_as_written``).

    Then it fits within precision and not by rounding only: neither
    ``execution_rate`` nor ``rate_rounding`` can find anything in it (shared
    per check: the division is dearer than sharing).
    """
    return ctx.shared(_rate_agrees)


def _rate_agrees(ctx: Context) -> bool:
    b = budget(ctx)
    if b is None or b.execution_rate is None or b.executed is None:
        return False
    base = basis(ctx)
    return base is not None and agrees_as_written(
        b.execution_rate, b.executed, base, ctx.integers_exact
    )


def chain_adds_up(ctx: Context) -> bool:
    """True when initial + adjustment is exactly the adjusted budget as written.

    The exact sum lies inside every interval and agrees at any place: neither
    ``budget_chain`` nor ``sum_rounding`` can find anything in the chain.
    """
    b = budget(ctx)
    return (
        b is not None
        and b.initial is not None
        and b.adjustment is not None
        and b.adjusted is not None
        and b.initial.amount + b.adjustment.amount == b.adjusted.amount
    )
