"""Unmet-targets section: when a target was missed, 未完成绩效目标及原因 is not "无".

If any indicator misses its target, the report's section on unmet targets
(``narrative.unmet_targets``) must say so; leaving it out or writing 无 states
the opposite of the data.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._narrative import empty

ARGS = ("names", "written")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    narrative = ctx.report.narrative
    text = narrative.unmet_targets if narrative is not None else None
    if not empty(text):
        return
    missed = [ctx.report.indicators[s.index].name for s in ctx.sheet.indicators if s.met is False]
    if not missed:
        return
    names = "、".join(missed)
    yield Hit(
        "narrative.unmet_targets",
        "narrative.unmet_targets" if text is not None else "narrative",
        expected=names,
        found=text if text is not None else None,
        args=(("names", names), ("written", text if text is not None else "—")),
    )
