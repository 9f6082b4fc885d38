"""Evaluation present: the report states its total score (自评得分) and grade (评价等级).

A self-evaluation ends in a score and a grade; a report that states neither,
or only one of them, leaves the reviewer to compute it. Reported once, naming
what is missing. A grade stated with no score is left to the grade rules
(PR121), so that one omission gives one finding.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("missing_zh", "missing_en")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    ev = ctx.report.evaluation
    has_score = ev is not None and ev.score is not None
    has_grade = ev is not None and bool((ev.grade or "").strip())
    if has_grade and not has_score:
        return  # a grade with no score: the grade rules' finding (PR121)
    missing = []
    if not has_score:
        missing.append(("总得分", "total score"))
    if not has_grade:
        missing.append(("评价等级", "grade"))
    if missing:
        yield Hit(
            "evaluation",
            "evaluation",
            args=(
                ("missing_zh", "、".join(m[0] for m in missing)),
                ("missing_en", " and ".join(m[1] for m in missing)),
            ),
        )
