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
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips
from perfrules.rules.kinds._budget import BASES, BASIS_NAMES, basis

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    executed: Money
    basis: Money
    basis_zh: str
    basis_en: str
    computed: Decimal | None
    stated: Percent
    note_zh: str
    note_en: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
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
    note_zh = note_en = ""
    for other in BASES:
        if other == name:
            continue
        alt = basis(ctx, other)
        if alt is not None and percent_matches(
            b.execution_rate, b.executed.bounds(exact), alt.bounds(exact)
        ):
            zh, en = BASIS_NAMES[other]
            note_zh = f"；所报执行率与按{zh}（{alt}）计算的结果一致，口径与本配置方案不同"
            note_en = f"; the stated rate matches the {en} ({alt}) instead, a different basis from this profile's"
    computed = midpoint_ratio(b.executed.amount, base.amount)
    zh, en = BASIS_NAMES[name]
    yield Hit(
        "budget.execution_rate",
        "budget.execution_rate",
        expected=computed,
        found=b.execution_rate.value,
        args=Args(
            executed=b.executed,
            basis=base,
            basis_zh=zh,
            basis_en=en,
            computed=computed,
            stated=b.execution_rate,
            note_zh=note_zh,
            note_en=note_en,
        ),
    )
