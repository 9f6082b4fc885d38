"""The uncomparable-values check: a target and an actual of kinds that cannot be compared.

The verdict is the scorer's: an indicator it could not judge for the reason
``mismatch`` (a number against a qualitative word, ``≥90%`` against ``达成``;
a time target against a number) or ``no-date`` (a time target and a time
actual without dates to compare, ``按计划时间完成`` against ``10月完成``).
Targets and actuals in different units are the ``indicator_units`` kind's,
unreadable or missing values the ``indicator_unreadable`` and
``indicator_values`` kinds'. The message names what each value is.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.document.values import Comparison, Qualitative, Quantity, Timing, TimingKind, Value
from perfrules.messages import Message
from perfrules.messages import kinds as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._indicators import UNCOMPARABLE, indicator_hit, verdicts

Params = NoParams  # this kind takes no parameters

#: The scorer's reasons this kind reports.
REASONS = UNCOMPARABLE


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    target: Value | None
    actual: Value | None
    #: What each value is, in words: 数值, 定性表述, 日期, 未写明日期的时间表述.
    target_kind: Message
    actual_kind: Message
    #: The scorer's reason code: ``mismatch`` or ``no-date``.
    reason: str


def described(value: Value | None) -> Message:
    """What a value is, for a message."""
    if isinstance(value, (Comparison, Quantity)):
        return msg.ANumber()
    if isinstance(value, Qualitative):
        return msg.AQualitativeWord()
    if isinstance(value, Timing):
        if value.kind is TimingKind.DATE and (value.month is not None or value.year is not None):
            return msg.ADate()
        return msg.ATimeWithoutDate()
    return msg.UnreadableText()


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for s in verdicts(ctx).uncomparable:  # the rows whose reason is one of REASONS
        ind = indicators[s.index]
        yield indicator_hit(
            ind,
            s.index,
            "actual",
            Args(
                name=ind.name,
                target=ind.target,
                actual=ind.actual,
                target_kind=described(ind.target),
                actual_kind=described(ind.actual),
                reason=s.reason or "",
            ),
        )
