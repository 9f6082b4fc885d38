"""Missed targets: an indicator whose actual misses its target states a reason and a measure.

Judged by the profile's scoring (≥/> met when the actual reaches the target;
≤/< when it stays below; = when equal; time targets by date; qualitative
values by level). A missed target needs both a 偏差原因 (``deviation_reason``)
and an 改进措施 (``improvement``); the message names what is missing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit, render_arg

ARGS = ("name", "target", "actual", "missing_zh", "missing_en")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for s in ctx.sheet.indicators:
        if s.met is not False:
            continue
        ind = indicators[s.index]
        missing = []
        if not (ind.deviation_reason or "").strip():
            missing.append(("偏差原因", "deviation reason"))
        if not (ind.improvement or "").strip():
            missing.append(("改进措施", "improvement measure"))
        if not missing:
            continue
        yield Hit(
            ind.key,
            f"indicators[{s.index}]."
            + ("deviation_reason" if missing[0][0] == "偏差原因" else "improvement"),
            expected=render_arg(ind.target),
            found=render_arg(ind.actual),
            args=(
                ("name", ind.name),
                ("target", ind.target),
                ("actual", ind.actual),
                ("missing_zh", "和".join(m[0] for m in missing)),
                ("missing_en", " and ".join(m[1] for m in missing)),
            ),
        )
