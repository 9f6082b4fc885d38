"""Score range: an indicator's stated score lies between 0 and its weight (分值).

A score above the weight gives the indicator more than it is worth; a negative
score is not a score. Compared exactly, as stated.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("name", "score", "weight")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for s in ctx.sheet.indicators:
        if s.in_range is False:
            ind = indicators[s.index]
            yield Hit(
                ind.key,
                f"indicators[{s.index}].score",
                expected=s.weight,
                found=s.stated,
                args=(("name", ind.name), ("score", s.stated), ("weight", s.weight)),
            )
