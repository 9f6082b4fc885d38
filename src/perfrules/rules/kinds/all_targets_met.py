""" "All targets met" statements: a claim that every target was met agrees with the data.

A report that states all targets were completed (an ``all_targets_met = true``
claim, e.g. 整体绩效目标均完成) while an indicator misses its target, or while
its own unmet-targets or problems section says a target was not reached
(未达到 / 未完成 …, not negated as in 无未完成绩效目标), contradicts itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._narrative import names_unmet

ARGS = ("evidence_zh", "evidence_en", "claim_source")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    report = ctx.report
    claims = [
        (i, c)
        for i, c in enumerate(report.claims)
        if c.about == "all_targets_met" and c.value is True
    ]
    if not claims:
        return
    missed = [report.indicators[s.index].name for s in ctx.sheet.indicators if s.met is False]
    narrative = report.narrative
    if missed:
        zh = "指标未完成：" + "、".join(missed)
        en = "indicators missed their targets: " + ", ".join(missed)
    elif narrative is not None and (
        names_unmet(narrative.unmet_targets) or names_unmet(narrative.problems)
    ):
        zh = "报告自述有目标未完成"
        en = "the report's own text says a target was not met"
    else:
        return
    for i, claim in claims:
        yield Hit(
            "all_targets_met",
            f"claims[{i}].value",
            expected="false",
            found="true",
            args=(("evidence_zh", zh), ("evidence_en", en), ("claim_source", claim.source or "—")),
        )
