"""The evaluation-present check: a report that states no total score, no grade, or neither.

One hit naming what is missing. A grade stated without a score is no hit
here: it is the ``grade_no_score`` kind's, so that one omission gives one
finding.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.messages import Both, Message
from perfrules.messages import kinds as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    #: What the evaluation does not state (总得分, 评价等级).
    missing: Message


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    ev = ctx.report.evaluation
    has_score = ev is not None and ev.score is not None
    has_grade = ev is not None and bool((ev.grade or "").strip())
    if has_grade and not has_score:
        return  # a grade with no score: the grade_no_score kind's finding
    missing: list[Message] = []
    if not has_score:
        missing.append(msg.TotalScore())
    if not has_grade:
        missing.append(msg.Grade())
    if missing:
        yield Hit(
            "evaluation",
            "evaluation",
            args=Args(missing=Both(parts=tuple(missing))),
        )
