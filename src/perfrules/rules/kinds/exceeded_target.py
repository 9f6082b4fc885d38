"""Far-exceeded targets: an actual far above its target states why.

When an indicator's actual reaches the profile's over-achievement ratio of
its target (``exceeded_ratio``: 130% by default and in Guangxi's rules), the
target was probably set too low or the actual is wrong; the report must give a
偏差原因 (``deviation_reason``). Applies to "more is better" targets (≥, >,
bare numbers). The rule's ``ratio`` parameter (percent) overrides the
profile's threshold; 0 keeps the profile's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit, render_arg

ARGS = ("name", "target", "actual", "ratio", "threshold")

_PERCENT = Decimal(100)
_QUANTUM = Decimal("0.01")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    override = params.get("ratio") or 0
    ratio_limit = Decimal(override) / _PERCENT if override else ctx.profile.exceeded_ratio
    threshold = (ratio_limit * _PERCENT).normalize()
    for s in ctx.sheet.indicators:
        if s.ratio is None or s.ratio < ratio_limit or (s.op is None and s.method != "ge"):
            continue
        if s.op is not None and not s.op.upward:
            continue
        ind = indicators[s.index]
        if (ind.deviation_reason or "").strip():
            continue
        ratio = (s.ratio * _PERCENT).quantize(_QUANTUM)
        yield Hit(
            ind.key,
            f"indicators[{s.index}].deviation_reason",
            expected=render_arg(ind.target),
            found=render_arg(ind.actual),
            args=(
                ("name", ind.name),
                ("target", ind.target),
                ("actual", ind.actual),
                ("ratio", ratio),
                ("threshold", threshold),
            ),
        )
