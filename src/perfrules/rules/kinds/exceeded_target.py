"""The exceeded-target check: an actual far above its target, without a deviation reason.

The achieved ratio is the scorer's (``IndicatorScore.ratio``); only upward
targets count (an upward operator, or a bare number scored as ``ge``). The
threshold is the ``ratio`` parameter (percent) or, when it is 0, the
profile's ``exceeded_ratio``. A reason is any written ``deviation_reason``
(not blank, not 无: ``_indicators.given``).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.values import Value
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._indicators import given, indicator_hit, verdicts

_PERCENT = Decimal(100)
_QUANTUM = Decimal("0.01")


@attrs.frozen
class Params:
    """The parameters a rule of this kind sets."""

    ratio: Decimal


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    target: Value | None
    actual: Value | None
    ratio: Decimal
    threshold: Decimal


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    ratio_limit = params.ratio / _PERCENT if params.ratio else ctx.profile.exceeded_ratio
    threshold = (ratio_limit * _PERCENT).normalize()
    for s in verdicts(ctx).upward:  # the rows with a ratio and an upward target
        assert s.ratio is not None
        if s.ratio < ratio_limit:
            continue
        ind = indicators[s.index]
        if given(ind.deviation_reason):
            continue
        ratio = (s.ratio * _PERCENT).quantize(_QUANTUM)
        yield indicator_hit(
            ind,
            s.index,
            "deviation_reason",
            Args(
                name=ind.name,
                target=ind.target,
                actual=ind.actual,
                ratio=ratio,
                threshold=threshold,
            ),
        )
