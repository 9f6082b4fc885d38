"""The missed-target check: a target the score sheet judges missed, without reason or measure.

Whether a target is met is the scorer's verdict (``IndicatorScore.met``), so
the rules and the score sheet never disagree. The hit's path is the first
missing field (``deviation_reason``, then ``improvement``).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.document.values import Value
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit, render_arg
from perfrules.rules.kinds import NoParams

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    target: Value | None
    actual: Value | None
    missing_zh: str
    missing_en: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
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
            args=Args(
                name=ind.name,
                target=ind.target,
                actual=ind.actual,
                missing_zh="和".join(m[0] for m in missing),
                missing_en=" and ".join(m[1] for m in missing),
            ),
        )
