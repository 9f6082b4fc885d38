"""Weights: the indicators' weights plus the execution weight add up to the profile's total (100).

Only checked when at least one indicator states a weight.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("weights", "expected")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    total = ctx.sheet.total
    if not any(ind.weight is not None for ind in ctx.report.indicators):
        return
    if not total.weights_match:
        yield Hit(
            "indicators",
            "indicators",
            expected=total.expected_weights,
            found=total.weights,
            args=(("weights", total.weights), ("expected", total.expected_weights)),
        )
