"""Tier aliases: a first-level tier written under another accepted name (效果指标 for 效益指标).

Accepted, and scored as the canonical tier, but reported for information so
that forms converge on the regulation's names.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._tiers import tier_system

ARGS = ("name", "canonical")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for index, place in enumerate(ctx.shared(tier_system).placements):
        if place.tier1_alias:
            ind = indicators[index]
            canonical = place.tier1.name
            yield Hit(
                ind.key,
                f"indicators[{index}].tier1",
                expected=canonical,
                found=ind.tier1,
                args=(("name", ind.tier1), ("canonical", canonical)),
            )
