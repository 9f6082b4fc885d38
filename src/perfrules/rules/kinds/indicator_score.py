"""Indicator scores: a stated score equals the profile's recomputation at its rounding.

Recomputed per the profile (≥/>: full marks when met, else actual ÷ target ×
weight; ≤/<: the profile's strategy; =: full marks only when equal; time
targets by date), rounded (two decimals, half-up, by default) before
comparison — so a stated 9 against a recomputed 8.62 is a finding: forms often
round scores up to whole points. Qualitative indicators are judged by band
(PR102) instead; unscorable indicators are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("name", "stated", "recomputed", "formula")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for s in ctx.sheet.indicators:
        if s.matches is False and s.in_range is not False:
            ind = indicators[s.index]
            yield Hit(
                ind.key,
                f"indicators[{s.index}].score",
                expected=s.recomputed,
                found=s.stated,
                args=(
                    ("name", ind.name),
                    ("stated", s.stated),
                    ("recomputed", s.recomputed),
                    ("formula", s.formula),
                ),
            )
