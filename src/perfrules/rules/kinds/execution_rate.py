"""Execution rate: 预算执行率 = 全年执行数 ÷ 预算数 (the profile's basis).

The basis is the profile's: the adjusted budget (调整后预算数) nationally, the
initial budget including carry-over on Hubei's form. The stated rate holds
when some values inside the executed amount's and the basis's written
intervals give a ratio inside the stated rate's interval. When the stated
rate matches the other basis instead, the message says so: the report
followed a different form's definition.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.document.tolerance import midpoint_ratio, percent_matches
from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._budget import BASES, BASIS_NAMES, basis

ARGS = ("executed", "basis", "basis_zh", "basis_en", "computed", "stated", "note_zh", "note_en")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    b = ctx.report.budget
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
        args=(
            ("executed", b.executed),
            ("basis", base),
            ("basis_zh", zh),
            ("basis_en", en),
            ("computed", computed),
            ("stated", b.execution_rate),
            ("note_zh", note_zh),
            ("note_en", note_en),
        ),
    )
