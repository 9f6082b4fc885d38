"""Shared helpers for the budget-execution kinds: the basis of the execution rate."""

from __future__ import annotations

from perfrules.engine import Context
from perfrules.figures import Money

BASES = ("adjusted", "initial")
BASIS_NAMES = {
    "adjusted": ("调整后预算数", "adjusted budget"),
    "initial": ("年初预算数", "initial budget"),
}


def basis(ctx: Context, which: str | None = None) -> Money | None:
    """The budget figure the execution rate is measured against (the profile's basis by default)."""
    b = ctx.report.budget
    if b is None:
        return None
    name = which or ctx.profile.execution_basis
    if name == "initial":
        return b.initial
    return b.adjusted if b.adjusted is not None else None
