"""Tolerance from written precision (document/tolerance.py): intervals, sums and ratios.

A figure written ``12.95`` stands for [12.945, 12.955]; a sum or ratio is
inconsistent only when no values inside its inputs' intervals reproduce the
stated figure. The properties: figures rounded from true values always agree
with the rounded true total (and ratio), at any precision each is written
with; a total off by more than all the rounding can explain never does.
"""

from __future__ import annotations

import os
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfrules.document.figures import Money, Percent, parse_money, parse_percent
from perfrules.document.tolerance import (
    agrees_as_written,
    midpoint_ratio,
    percent_matches,
    ratio_gap,
    ratio_interval,
    sum_gap,
    sum_interval,
    value_gap,
    within,
)

D = Decimal


def money(text: str, unit: str = "万元") -> Money:
    parsed = parse_money(text if text[-1] in "元" else D(text), unit)
    assert parsed is not None
    return parsed


def percent(text: str) -> Percent:
    parsed = parse_percent(D(text))
    assert parsed is not None
    return parsed


# --- examples from the seeds ------------------------------------------------------------------


def test_written_precision_is_the_interval() -> None:
    assert money("12.95").bounds() == (D("12.945"), D("12.955"))
    assert money("10").bounds() == (D(10), D(10))  # whole money is exact by default
    assert money("10").bounds(integers_exact=False) == (D("9.5"), D("10.5"))
    assert money("1.12元").bounds() == (D("0.0001115"), D("0.0001125"))
    assert percent("86").bounds() == (D("85.5"), D("86.5"))  # a whole percent is not exact


def test_sums_hold_within_written_precision() -> None:
    """屈原: 11.83 + 1.12 = 12.95 holds; 11.83 + 1.1 can be 12.95; 11.83 + 1.0 cannot."""
    basic = money("12.95").bounds()
    assert within(sum_interval([money("11.83"), money("1.12")]), basic)
    assert within(sum_interval([money("11.83"), money("1.1")]), basic)
    assert not within(sum_interval([money("11.83"), money("1.0")]), basic)
    # 鹿泉: 4.26 + 1.623924 + 0.19 = 6.073924 is not 6.03
    parts = [money("4.26"), money("1.623924"), money("0.19")]
    assert sum_interval(parts) == (D("6.0639235"), D("6.0839245"))
    assert not within(sum_interval(parts), money("6.03").bounds())


def test_whole_amounts_are_exact_unless_configured() -> None:
    """100 − 5 against 95.4: exact whole figures miss it; figures rounded to whole units reach it."""
    parts = [money("100"), money("-5")]
    assert not within(sum_interval(parts), money("95.4").bounds())
    assert within(sum_interval(parts, integers_exact=False), money("95.4").bounds())


def test_ratio_interval_and_percent_matches() -> None:
    """乌鲁木齐: 85.58 ÷ 89.46 = 95.663% agrees with 95.66% and 95.7%, not with 95.86%."""
    executed, adjusted = money("85.58").bounds(), money("89.46").bounds()
    low, high = ratio_interval(executed, adjusted) or (D(0), D(0))
    assert low < D("95.663") < high and high - low < D("0.03")
    assert percent_matches(percent("95.66"), executed, adjusted) is True
    assert percent_matches(percent("95.7"), executed, adjusted) is True
    assert percent_matches(percent("95.86"), executed, adjusted) is False


def test_ratios_that_cannot_be_judged() -> None:
    """A denominator that may be zero or negative, or a negative numerator: no verdict."""
    assert ratio_interval((D(1), D(2)), (D(0), D(1))) is None
    assert ratio_interval((D(1), D(2)), (D(-1), D(1))) is None
    assert ratio_interval((D(-2), D(-1)), (D(1), D(2))) is None
    assert percent_matches(percent("0"), (D(0), D(0)), (D(0), D(0))) is None
    # a numerator that may be below zero counts from zero
    assert ratio_interval((D(-1), D(1)), (D(2), D(4))) == (D(0), D(50))


def test_within_is_closed_and_symmetric() -> None:
    assert within((D(1), D(2)), (D(2), D(3))) and within((D(2), D(3)), (D(1), D(2)))
    assert not within((D(1), D(2)), (D("2.000001"), D(3)))
    assert within((D(1), D(5)), (D(2), D(3)))  # one inside the other


@pytest.mark.parametrize(
    ("numerator", "denominator", "places", "expected"),
    [
        ("188.44", "202.98", 2, "92.84"),
        ("85.58", "89.46", 2, "95.66"),
        ("1.12", "12.95", 2, "8.65"),  # 8.6486… rounds half-up
        ("1", "8", 1, "12.5"),
        ("1", "0", 2, None),
    ],
)
def test_midpoint_ratio_for_messages(
    numerator: str, denominator: str, places: int, expected: str | None
) -> None:
    got = midpoint_ratio(D(numerator), D(denominator), places)
    assert got == (None if expected is None else D(expected))
    if got is not None:
        assert got.as_tuple().exponent == -places


def test_figures_agree_at_the_coarser_written_place() -> None:
    """98.40 = 90.20 + 8.20; 6.07 = 6.073924 to the cent; 12.9 = 12.93 to one decimal."""
    assert sum_gap(money("98.40"), [money("90.20"), money("8.20")]).agrees
    assert sum_gap(money("6.07"), [money("4.26"), money("1.623924"), money("0.19")]).agrees
    assert sum_gap(money("12.9"), [money("11.83"), money("1.1")]).agrees
    assert sum_gap(money("98.41"), [money("90.2"), money("8.2")]).agrees  # parts to 0.1
    assert sum_gap(money("10.05"), [money("10.00"), money("500元")]).agrees


def test_one_cent_apart_holds_only_by_rounding() -> None:
    """98.41 against 90.20 + 8.20 and 106.41 against 106.40: the intervals meet, the figures differ."""
    gap = sum_gap(money("98.41"), [money("90.20"), money("8.20")])
    assert gap.holds and not gap.agrees and gap.by_rounding_only
    assert (gap.difference, gap.place) == (D("0.01"), -2)
    claim = value_gap(D("106.41"), -2, D("106.40"), -2, True)
    assert claim.by_rounding_only and claim.difference == D("0.01")
    beyond = sum_gap(money("6.03"), [money("4.26"), money("1.623924"), money("0.19")])
    assert not beyond.holds and not beyond.by_rounding_only  # the sum rule's error
    # whole amounts are exact: 10 against 4.55 + 5.5 = 10.05 differs at one decimal
    assert sum_gap(money("10"), [money("4.55"), money("5.5")]).by_rounding_only


def test_ratio_gap_divides_the_figures_as_written() -> None:
    """28.45 ÷ 30.00 = 94.833%: 94.83 agrees, 94.84 only by rounding, 95.86 not at all."""
    executed, adjusted = money("28.45"), money("30.00")
    assert (ratio_gap(percent("94.83"), executed, adjusted) or _NO).agrees
    near = ratio_gap(percent("94.84"), executed, adjusted) or _NO
    assert near.by_rounding_only and near.difference == D("0.01")
    assert not (ratio_gap(percent("95.86"), executed, adjusted) or _NO).holds
    assert (ratio_gap(percent("8.65"), money("1.12"), money("12.95")) or _NO).agrees
    assert ratio_gap(percent("1"), money("1"), money("0")) is None


_NO = value_gap(D(1), None, D(0), None, False)


# --- properties ---------------------------------------------------------------------------------

#: Examples per property; PERFRULES_PROPERTY_EXAMPLES raises them for a thorough local run.
SETTINGS = settings(
    max_examples=int(os.environ.get("PERFRULES_PROPERTY_EXAMPLES", "100")), deadline=None
)
TRUE_VALUES = st.decimals(min_value=0, max_value=10**6, places=6, allow_nan=False)
MODES = st.sampled_from([ROUND_HALF_UP, ROUND_HALF_EVEN])


def _written(value: Decimal, places: int, mode: str) -> Money:
    """A true value as a report writes it: rounded to ``places`` decimals (in 万元)."""
    return money(str(value.quantize(D(1).scaleb(-places), rounding=mode)))


@SETTINGS
@given(
    st.lists(st.tuples(TRUE_VALUES, st.integers(1, 4)), min_size=1, max_size=12),
    st.integers(1, 4),
    MODES,
)
def test_rounded_parts_always_hold_against_the_rounded_total(
    parts: list[tuple[Decimal, int]], total_places: int, mode: str
) -> None:
    """Each part and the total rounded on their own, to any decimals: the sum still holds."""
    written = [_written(value, places, mode) for value, places in parts]
    total = _written(sum((v for v, _ in parts), D(0)), total_places, mode)
    assert within(sum_interval(written), total.bounds())


@SETTINGS
@given(
    st.lists(st.tuples(TRUE_VALUES, st.integers(0, 3)), min_size=1, max_size=8),
    st.integers(0, 3),
)
def test_rounded_to_whole_units_holds_when_integers_are_not_exact(
    parts: list[tuple[Decimal, int]], total_places: int
) -> None:
    """Figures rounded to whole 万元 too, when the configuration says the source rounds them."""
    written = [_written(value, places, ROUND_HALF_UP) for value, places in parts]
    total = _written(sum((v for v, _ in parts), D(0)), total_places, ROUND_HALF_UP)
    assert within(sum_interval(written, False), total.bounds(False))


@SETTINGS
@given(
    st.lists(st.tuples(TRUE_VALUES, st.integers(1, 4)), min_size=1, max_size=12),
    st.integers(1, 4),
    st.integers(2, 50),
)
def test_a_total_off_by_more_than_rounding_never_holds(
    parts: list[tuple[Decimal, int]], total_places: int, steps: int
) -> None:
    """Move the total further than every half-unit of rounding together: the sum fails."""
    written = [_written(value, places, ROUND_HALF_UP) for value, places in parts]
    low, high = sum_interval(written)
    unit = D(1).scaleb(-total_places)
    slack = high - low + unit  # all the parts' rounding, and the total's own
    stated = sum((m.amount for m in written), D(0)) + slack + unit * steps
    total = money(str(stated.quantize(unit, rounding=ROUND_HALF_UP)))
    assert not within(sum_interval(written), total.bounds())


@SETTINGS
@given(
    TRUE_VALUES,
    st.decimals(min_value=1, max_value=10**6, places=6, allow_nan=False),
    st.integers(1, 4),
    st.integers(1, 4),
    st.integers(0, 3),
)
def test_a_rate_of_rounded_figures_holds_against_the_rounded_true_rate(
    part: Decimal, whole: Decimal, part_places: int, whole_places: int, rate_places: int
) -> None:
    """执行率 = 执行数 ÷ 预算数, each rounded on its own: the stated rate still agrees."""
    a, b = _written(part, part_places, ROUND_HALF_UP), _written(whole, whole_places, ROUND_HALF_UP)
    rate = (part * 100 / whole).quantize(D(1).scaleb(-rate_places), rounding=ROUND_HALF_UP)
    assert percent_matches(Percent(rate), a.bounds(), b.bounds()) is True


@SETTINGS
@given(
    st.lists(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False), min_size=1),
    st.sampled_from([-1, 1]),
)
def test_a_total_one_unit_off_its_parts_holds_only_by_rounding(
    parts: list[Decimal], sign: int
) -> None:
    """Parts and total written to the cent, the total one cent off their sum: never silent agreement."""
    written = [money(str(p.quantize(D("0.01")))) for p in parts]
    exact = sum((m.amount for m in written), D(0))
    assert sum_gap(money(str(exact)), written).agrees
    off = sum_gap(money(str(exact + sign * D("0.01"))), written)
    assert off.by_rounding_only and abs(off.difference) == D("0.01")


def test_agrees_as_written_settles_only_a_rate_equal_to_its_figures() -> None:
    """The cheap test: the ratio of the amounts rounded to the stated place, over a denominator above 0."""
    assert agrees_as_written(percent("91.73"), money("1164.83"), money("1269.88"))
    assert not agrees_as_written(percent("91.74"), money("1164.83"), money("1269.88"))
    assert not agrees_as_written(
        percent("94.84"), money("28.45"), money("30.00")
    )  # by rounding only
    assert agrees_as_written(percent("94.83"), money("28.45"), money("30.00"))
    assert not agrees_as_written(percent("0"), money("0"), money("0"))  # cannot be judged
    assert not agrees_as_written(percent("-50"), money("-1"), money("2"))  # numerator below 0
    near_zero = Money(D("0.4"), 0, False, "万元")  # [-0.1, 0.9]: the ratio cannot be judged
    assert not agrees_as_written(percent("100"), near_zero, near_zero)
    assert agrees_as_written(percent("100"), money("0.004"), money("0.004"))
    assert agrees_as_written(
        percent("50"), money("1"), money("2"), False
    )  # 2 stands for [1.5, 2.5]


WRITTEN = st.decimals(min_value=-10, max_value=10**4, places=3, allow_nan=False)


@SETTINGS
@given(WRITTEN, WRITTEN, st.integers(0, 4), st.booleans(), st.booleans(), st.integers(-3, 3))
def test_agrees_as_written_implies_both_full_tests_pass(
    a: Decimal, b: Decimal, places: int, exact: bool, stated_near: bool, off: int
) -> None:
    """When the cheap test says yes, percent_matches passes and ratio_gap agrees; the rounded ratio says yes."""
    part, whole = money(str(a)), money(str(b))
    if stated_near and b:
        unit = D(1).scaleb(-places)
        stated = Percent(
            (part.amount * 100 / whole.amount).quantize(unit, ROUND_HALF_UP) + off * unit
        )
    else:
        stated = Percent((a * 7).quantize(D(1).scaleb(-places)))
    fast = agrees_as_written(stated, part, whole, exact)
    if fast:
        assert percent_matches(stated, part.bounds(exact), whole.bounds(exact)) is True
        gap = ratio_gap(stated, part, whole, exact)
        assert gap is not None and gap.agrees
    if stated_near and off == 0 and a >= 0 and whole.bounds(exact)[0] > 0:
        assert fast
