"""Shared helpers for the budget-execution kinds: the basis of the execution rate, slips undone."""

from __future__ import annotations

from perfrules.document.figures import Money
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
