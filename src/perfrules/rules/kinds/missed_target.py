"""The missed-target check: a target the score sheet judges missed, with no deviation reason.

Whether a target is met is the scorer's verdict (``IndicatorScore.met``), so
the rules and the score sheet never disagree. A reason is any written
``deviation_reason`` (not blank, not 无: ``_indicators.given``). The national
self-evaluation form has one column for both, 偏差原因分析及改进措施, so a
reason without a separate improvement measure is not this kind's hit (the
``missed_measure`` kind's, a lesser one); when the measure is missing too,
the message says so. The hit's path is ``deviation_reason``.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.document.values import Value
from perfrules.messages import Message
from perfrules.messages import kinds as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._indicators import given, indicator_hit, verdicts

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    target: Value | None
    actual: Value | None
    #: 偏差原因, or 偏差原因和改进措施 when no measure is given either.
    missing: Message


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for s in verdicts(ctx).missed:  # the rows whose target is judged missed
        ind = indicators[s.index]
        if given(ind.deviation_reason):
            continue
        measure = given(ind.improvement)
        yield indicator_hit(
            ind,
            s.index,
            "deviation_reason",
            Args(
                name=ind.name,
                target=ind.target,
                actual=ind.actual,
                missing=msg.DeviationReason() if measure else msg.ReasonAndMeasure(),
            ),
        )
