"""The completion-rate check: a stated 完成率 against actual and target.

Target and actual are made comparable by ``_indicators.comparable`` (units
folded; None when not numeric or in different units); a downward operator
(≤, <) inverts the ratio. The ratio of the written intervals
(``tolerance.ratio_interval``) must meet the stated rate's interval.

A rate that is the comparable values' own ratio rounded half-up to its
written place passes at once: that ratio lies inside the ratio interval
(every written interval holds its value, and rounding is monotonic) and
inside the rate's interval, so the two meet (the common case).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.figures import Percent
from perfrules.document.tolerance import midpoint_ratio, ratio_interval, rounds_to, within
from perfrules.document.values import Op
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._indicators import comparable, interval, number, reading

Params = NoParams  # this kind takes no parameters

_LE, _LT = Op.LE, Op.LT
_ZERO = Decimal(0)


def _as_written(rate: Decimal, num: Decimal, den: Decimal) -> bool:
    """True when ``rate`` is ``num ÷ den × 100`` rounded half-up at its written place (see above)."""
    return num >= _ZERO and den > _ZERO and rounds_to(rate, num, den)


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    stated: Percent
    computed: Decimal | None
    formula: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    # only stated rates of a numeric target and actual (_indicators.reading)
    for i, ind in reading(ctx).rated:
        assert ind.completion_rate is not None
        c = comparable(ind.target, ind.actual)
        if c is None:
            continue
        target, actual, op, unit, approx = c
        downward = op is _LE or op is _LT  # op.downward, by identity (enum members are singletons)
        num, den = (target, actual) if downward else (actual, target)
        if _as_written(ind.completion_rate.value, num, den):
            continue
        num_i = interval(target, None, unit) if downward else interval(actual, approx, unit)
        den_i = interval(actual, approx, unit) if downward else interval(target, None, unit)
        ratio = ratio_interval(num_i, den_i)
        if ratio is None or within(ratio, ind.completion_rate.bounds()):
            continue
        computed = midpoint_ratio(num, den)
        t, a = number(ind.target), number(ind.actual)
        assert t is not None and a is not None
        written = (f"{t[0]:f}{t[1]}", f"{a[0]:f}{a[1]}")
        formula = f"{written[0]} ÷ {written[1]}" if downward else f"{written[1]} ÷ {written[0]}"
        yield Hit(
            ind.key,
            f"indicators[{i}].completion_rate",
            expected=computed,
            found=ind.completion_rate.value,
            args=Args(
                name=ind.name, stated=ind.completion_rate, computed=computed, formula=formula
            ),
        )
