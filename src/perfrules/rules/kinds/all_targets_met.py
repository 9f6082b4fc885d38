"""The all-targets-met check: an ``all_targets_met = true`` claim against the data and the prose.

The evidence is, first, the indicators the scorer judges missed, else a
statement of an unmet target in the unmet-targets or problems section
(``_narrative.names_unmet``); one hit per such claim.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._narrative import names_unmet

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    evidence_zh: str
    evidence_en: str
    claim_source: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
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
            args=Args(evidence_zh=zh, evidence_en=en, claim_source=claim.source or "—"),
        )
