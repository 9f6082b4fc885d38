"""Consistency of stated figures, with tolerance from their written precision.

Following XBRL Calculations 1.1 (round-to-nearest), each stated figure stands
for an interval; a sum or ratio is inconsistent only when no choice of values
inside the inputs' intervals reproduces the stated figure. There is no fixed
epsilon anywhere: ``12.95`` is [12.945, 12.955], money written as a whole
number is exact (unless the configuration says the source rounds to whole
units), and a percentage keeps its written precision even when whole.

Holding within rounding is not the same as agreeing as written. Two figures
*agree* when they are equal at the coarser of their written places (98.40
and 98.4 agree; 6.07 and 4.26 + 1.623924 + 0.19 = 6.073924 agree, 6.073924
rounding to 6.07). Figures that differ at that place but whose intervals
still meet (106.41 against 106.40, 98.41 against 90.20 + 8.20 = 98.40) hold
only if rounding is assumed: :func:`sum_gap`, :func:`ratio_gap` and
:func:`value_gap` give that difference, so a rule can report it as what it
is — a one-cent disagreement between figures written to the cent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import attrs

from perfrules.document.figures import Money, Percent, half_ulp

__all__ = [
    "Gap",
    "Interval",
    "agrees_as_written",
    "ratio_gap",
    "ratio_interval",
    "rounds_to",
    "sum_gap",
    "sum_interval",
    "value_gap",
    "within",
]

Interval = tuple[Decimal, Decimal]
_HUNDRED = Decimal(100)
_ZERO = Decimal(0)


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


def agrees_as_written(
    stated: Percent, numerator: Money, denominator: Money, integers_exact: bool = True
) -> bool:
    """True when ``stated`` is ``numerator ÷ denominator`` of the written figures, rounded to its place.

    A cheap test that settles the common case: when it is True, both
    :func:`percent_matches` over the figures' intervals and :func:`ratio_gap`
    (which then agrees) pass the stated percentage; False says nothing. It
    holds for a numerator ≥ 0 over a denominator whose interval is above 0:
    the ratio of the amounts lies inside the ratio's interval (rounding is
    monotonic) and, rounding half-up to the stated value, inside the stated
    percentage's interval (of a percentage of at most 27 digits, as every
    loaded one is).
    """
    a = numerator.amount
    d = denominator.amount
    if a < _ZERO or d <= _ZERO:
        return False
    if (
        not (denominator.exact and integers_exact)
        # d ≥ 10**d.adjusted() > half a unit of any place at or below its leading digit
        and d.adjusted() < denominator.exponent
        and d - half_ulp(denominator.exponent) <= _ZERO
    ):
        return False
    return rounds_to(stated.value, a, d)


def rounds_to(value: Decimal, numerator: Decimal, denominator: Decimal) -> bool:
    """True when ``value`` is ``numerator ÷ denominator × 100`` rounded half-up at its written place.

    The denominator must not be 0. False as well when the ratio has more
    digits than the context holds (the interval tests then decide).
    """
    try:  # quantizing to the value's exponent is rounding at its written place
        return (numerator * _HUNDRED / denominator).quantize(value, ROUND_HALF_UP) == value
    except InvalidOperation:
        return False


def midpoint_ratio(numerator: Decimal, denominator: Decimal, places: int = 2) -> Decimal | None:
    """``numerator / denominator × 100`` rounded half-up to ``places`` (for messages)."""
    if not denominator:
        return None
    return (numerator * _HUNDRED / denominator).quantize(Decimal(1).scaleb(-places))


@attrs.frozen
class Gap:
    """How a stated figure compares with what it must equal, at the coarser written place.

    ``holds``: some values inside the written intervals agree (the rules'
    verdict). ``difference``: stated − computed, both rounded half-up to
    ``place`` (the exponent of the coarser written last digit; None when both
    sides are exact): zero when they agree as written.
    """

    holds: bool
    difference: Decimal
    place: int | None

    @property
    def agrees(self) -> bool:
        """Equal as written, at the coarser written place."""
        return self.difference == 0

    @property
    def by_rounding_only(self) -> bool:
        """Different as written, yet within what rounding of the written figures allows."""
        return self.holds and self.difference != 0


def _at(value: Decimal, place: int | None) -> Decimal:
    return value if place is None else value.quantize(Decimal(1).scaleb(place), ROUND_HALF_UP)


def value_gap(
    stated: Decimal, stated_place: int | None, other: Decimal, other_place: int | None, holds: bool
) -> Gap:
    """The gap between two figures written to ``stated_place`` and ``other_place`` (None: exact)."""
    places = [p for p in (stated_place, other_place) if p is not None]
    place = max(places) if places else None
    return Gap(holds, _at(stated, place) - _at(other, place), place)


def _place(money: Money, integers_exact: bool) -> int | None:
    """The written place of a money figure; None for a whole amount read as exact."""
    return None if money.exact and integers_exact else money.exponent


def sum_gap(total: Money, parts: Sequence[Money], integers_exact: bool = True) -> Gap:
    """``total`` against the sum of ``parts``, compared at the coarsest written place among them."""
    holds = within(sum_interval(parts, integers_exact), total.bounds(integers_exact))
    part_places = [p for p in (_place(m, integers_exact) for m in parts) if p is not None]
    amount = sum((m.amount for m in parts), Decimal(0))
    return value_gap(
        total.amount,
        _place(total, integers_exact),
        amount,
        max(part_places) if part_places else None,
        holds,
    )


def ratio_gap(
    stated: Percent, numerator: Money, denominator: Money, integers_exact: bool = True
) -> Gap | None:
    """A stated percentage against ``numerator ÷ denominator`` of the figures as written.

    The ratio is computed exactly from the written figures and rounded to the
    stated percentage's written place; None when it cannot be judged.
    """
    ok = percent_matches(
        stated, numerator.bounds(integers_exact), denominator.bounds(integers_exact)
    )
    if ok is None or not denominator.amount:
        return None
    ratio = numerator.amount * _HUNDRED / denominator.amount
    return Gap(ok, stated.value - _at(ratio, stated.exponent), stated.exponent)
