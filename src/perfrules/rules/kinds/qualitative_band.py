"""Qualitative bands: a qualitative indicator's score falls in the band of its level.

Qualitative indicators (是/否, 达成/部分达成/未达成 …) are scored by band of the
weight: 达成 80–100%, 部分达成 60–80%, 未达成 0–60% nationally (the profile's
``qualitative`` bands). A stated score outside the band of the actual's level
is a finding.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("name", "stated", "low", "high", "level")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for s in ctx.sheet.indicators:
        if s.in_band is False and s.in_range is not False:
            ind = indicators[s.index]
            points = s.band_points
            assert points is not None and s.band is not None
            yield Hit(
                ind.key,
                f"indicators[{s.index}].score",
                expected=f"{points[0]:f}–{points[1]:f}",
                found=s.stated,
                args=(
                    ("name", ind.name),
                    ("stated", s.stated),
                    ("low", points[0]),
                    ("high", points[1]),
                    ("level", s.band.word),
                ),
            )
