"""Misplaced tiers: a 二级指标 filed under a 一级指标 it does not belong to.

E.g. 服务对象满意度指标 under 效益指标: in merged table cells the satisfaction
row often ends up under the benefit tier. The taxonomy says which first-level
tier each second-level tier belongs to; the indicator is then scored with the
wrong tier's weight.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.engine import Context
from perfrules.findings import Hit
from perfrules.taxonomy import taxonomy

ARGS = ("tier1", "tier2", "home")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    tax = taxonomy()
    for i, ind in enumerate(ctx.report.indicators):
        if not ind.tier1 or not ind.tier2:
            continue
        tier1 = tax.canonical_tier1(ind.tier1)
        homes = tax.homes(tax.canonical_tier2(ind.tier2) or "")
        if homes and tier1 not in homes and tax.tier1(ind.tier1) is not None:
            home = "、".join(sorted(homes))
            yield Hit(
                ind.key,
                f"indicators[{i}].tier2",
                expected=home,
                found=ind.tier1,
                args=(("tier1", ind.tier1), ("tier2", ind.tier2), ("home", home)),
            )
