"""Consistency of stated figures, with tolerance from their written precision.

Following XBRL Calculations 1.1 (round-to-nearest), each stated figure stands
for an interval; a sum or ratio is inconsistent only when no choice of values
inside the inputs' intervals reproduces the stated figure. There is no fixed
epsilon anywhere: ``12.95`` is [12.945, 12.955], money written as a whole
number is exact (unless the configuration says the source rounds to whole
units), and a percentage keeps its written precision even when whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from perfrules.document.figures import Money, Percent

__all__ = ["Interval", "ratio_interval", "sum_interval", "within"]

Interval = tuple[Decimal, Decimal]
_HUNDRED = Decimal(100)


def sum_interval(parts: Iterable[Money], integers_exact: bool = True) -> Interval:
    """The interval of values the sum of these stated figures can take."""
    lo = hi = Decimal(0)
    for part in parts:
        a, b = part.bounds(integers_exact)
        lo += a
        hi += b
    return lo, hi


def within(a: Interval, b: Interval) -> bool:
    """True when the two intervals share at least one value."""
    return a[0] <= b[1] and b[0] <= a[1]


def ratio_interval(numerator: Interval, denominator: Interval) -> Interval | None:
    """The interval of ``numerator / denominator × 100`` (percent); None if the denominator may be ≤ 0."""
    if denominator[0] <= 0 or numerator[1] < 0:
        return None
    low = max(numerator[0], Decimal(0))
    return low * _HUNDRED / denominator[1], numerator[1] * _HUNDRED / denominator[0]


def percent_matches(stated: Percent, numerator: Interval, denominator: Interval) -> bool | None:
    """Whether a stated percentage can be ``numerator / denominator``; None when it cannot be judged."""
    ratio = ratio_interval(numerator, denominator)
    if ratio is None:
        return None
    return within(stated.bounds(), ratio)


def midpoint_ratio(numerator: Decimal, denominator: Decimal, places: int = 2) -> Decimal | None:
    """``numerator / denominator × 100`` rounded half-up to ``places`` (for messages)."""
    if not denominator:
        return None
    return (numerator * _HUNDRED / denominator).quantize(Decimal(1).scaleb(-places))
