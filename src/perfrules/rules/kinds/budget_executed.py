"""The executed-amount check: a budget block that states an execution rate or score but no executed amount.

The execution rate (预算执行率) and its score are computed from the executed
amount (全年执行数); a block that states either without it cannot be checked
and is incomplete. Only ``budget.executed`` counts: an executed figure on a
line below the block (基本支出, 项目支出) is a part, not the block's total.
One hit per report, its path at the missing ``budget.executed``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.figures import Percent
from perfrules.messages import Both, Message
from perfrules.messages import kinds as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    rate: Percent | None
    score: Decimal | None
    #: What the block states instead, in words: 执行率 95.66%、执行得分 9.57.
    stated: Message


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    b = ctx.report.budget
    if b is None or b.executed is not None:
        return
    rate, score = b.execution_rate, b.execution_score
    if rate is None and score is None:
        return
    stated: list[Message] = []
    if rate is not None:
        stated.append(msg.StatedRate(rate=rate))
    if score is not None:
        stated.append(msg.StatedScore(score=format(score, "f")))
    yield Hit(
        "budget.executed",
        "budget.executed",
        found=rate.value if rate is not None else score,
        args=Args(rate=rate, score=score, stated=Both(parts=tuple(stated))),
    )
