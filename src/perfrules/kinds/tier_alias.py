"""Tier aliases: a first-level tier written under another accepted name (效果指标 for 效益指标).

Accepted, and scored as the canonical tier, but reported for information so
that forms converge on the regulation's names.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.engine import Context
from perfrules.findings import Hit
from perfrules.taxonomy import taxonomy

ARGS = ("name", "canonical")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    tax = taxonomy()
    for i, ind in enumerate(ctx.report.indicators):
        if ind.tier1 and tax.is_alias(ind.tier1):
            canonical = tax.canonical_tier1(ind.tier1)
            yield Hit(
                ind.key,
                f"indicators[{i}].tier1",
                expected=canonical,
                found=ind.tier1,
                args=(("name", ind.tier1), ("canonical", canonical)),
            )
