"""Shared reading of indicators: the numbers of a target and an actual, in comparable units, and their explanations.

:func:`reading` reads every indicator's cells once per check for the kinds
that judge the cells themselves (``indicator_values``, ``indicator_unreadable``,
``indicator_units``, ``completion_rate``), :func:`verdicts` sorts the score
sheet's rows once for the kinds that judge its verdicts; each kind then walks
only the few rows that can be its hits.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from attrs import AttrsInstance

from perfrules.document.figures import exponent_of, half_ulp
from perfrules.document.model import Indicator
from perfrules.document.tolerance import Interval
from perfrules.document.units import canonical
from perfrules.document.values import Approx, Comparison, Op, Quantity, Unparsed, Value
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit, render_arg
from perfrules.rules.kinds._narrative import empty
from perfrules.scoring.cells import read_value, read_values

if TYPE_CHECKING:
    from perfrules.scoring.indicatorscore import IndicatorScore

_ZERO = Decimal(0)
_NUMERIC = (Comparison, Quantity)
#: Enum members read once: an attribute of an Enum class costs several times a global's.
_GE, _GT, _MORE = Op.GE, Op.GT, Approx.MORE

#: The scorer's reasons for a target and an actual that cannot be compared (``indicator_uncomparable``).
UNCOMPARABLE = frozenset({"mismatch", "no-date"})
#: The scorer's reasons that leave met or missed unknown because of the values (``unjudged_full_score``).
UNJUDGED = UNCOMPARABLE | {
    "units",
    "unreadable-target",
    "unreadable-actual",
    "no-target",
    "no-actual",
}

#: Words that announce what will be done about a deviation: 改进措施, 下一步, 今后将加强….
_MEASURE = re.compile(
    r"改进|整改|措施|下一步|今后|下一?年度?|明年|将(?:进一步|继续|加强|加大|加快|提前|及时|积极|做好|完善)"
    r"|进一步|加强|加大|加快|提前|督促"
)


def indicator_hit(ind: Indicator, index: int, field: str, args: AttrsInstance) -> Hit:
    """A hit about indicator ``index``'s ``field``, its target expected and its actual found."""
    return Hit(
        ind.key,
        f"indicators[{index}].{field}",
        expected=render_arg(ind.target),
        found=render_arg(ind.actual),
        args=args,
    )


def number(v: Value | None) -> tuple[Decimal, str, Op | None, Approx | None] | None:
    """(value, unit, operator, approximation) of a numeric target or actual; None otherwise."""
    if isinstance(v, Comparison):
        return v.value, v.unit, v.op, None
    if isinstance(v, Quantity):
        return v.value, v.unit, None, v.approx
    return None


def interval(value: Decimal, approx: Approx | None = None, unit: str = "") -> Interval:
    """The interval a written number stands for.

    ``40余`` is [40, 50); a whole count (``8场``, ``1849人``) is exact, as whole
    money is; a percentage or a decimal keeps its written precision (``86%`` is
    [85.5, 86.5]).
    """
    if approx is _MORE:
        step = Decimal(1).scaleb(exponent_of(value.normalize())) if value else Decimal(1)
        return value, value + step
    exponent = exponent_of(value)
    if exponent >= 0 and approx is None and unit and unit != "%":
        return value, value
    h = half_ulp(exponent)
    return value - h, value + h


def comparable(
    target: Value | None, actual: Value | None
) -> tuple[Decimal, Decimal, Op | None, str, Approx | None] | None:
    """Target and actual values in the same unit (万 folded), with the target's operator.

    None when either is not numeric or their units differ. A bare number on one
    side takes the other side's unit (``100`` against ``1314名``).
    """
    t, a = number(target), number(actual)
    if t is None or a is None:
        return None
    tv, tu = canonical(t[0], t[1])
    av, au = canonical(a[0], a[1])
    if tu and au and tu != au:
        return None
    return tv, av, t[2], tu or au, a[3]


def given(text: str | None) -> bool:
    """True when an explanation is written: not absent, blank or 无 (``_narrative.empty``)."""
    return not empty(text)


def states_measure(text: str | None) -> bool:
    """True when a deviation reason also says what will be done (下一步将…, 加强…, 改进措施…).

    The national form has one column, 偏差原因分析及改进措施, so a reason often
    carries its measure in the same text.
    """
    return text is not None and _MEASURE.search(text) is not None


class Reading(NamedTuple):
    """The indicators whose cells may be a hit, each list in document order.

    ``missing``: (index, indicator, target left out, actual left out) when a
    cell is left out as the scorer reads it (``scoring.cells.read_value``);
    ``unreadable``: (index, indicator, field, value) for each target, actual
    and mid-year value read as ``Unparsed``, fields in the form's order;
    ``units``: (index, indicator) whose numeric target and actual write
    different units (equal units fold alike, so only these can differ once
    folded); ``rated``: (index, indicator) with a stated completion rate and a
    numeric target and actual.
    """

    missing: list[tuple[int, Indicator, bool, bool]]
    unreadable: list[tuple[int, Indicator, str, Unparsed]]
    units: list[tuple[int, Indicator]]
    rated: list[tuple[int, Indicator]]


def _read(ctx: Context) -> Reading:
    missing: list[tuple[int, Indicator, bool, bool]] = []
    unreadable: list[tuple[int, Indicator, str, Unparsed]] = []
    units: list[tuple[int, Indicator]] = []
    rated: list[tuple[int, Indicator]] = []
    for i, ind in enumerate(ctx.report.indicators):
        target = ind.target
        actual = ind.actual
        t, a = read_values(ind)  # read_value of each, short when both are written out
        if t is None or a is None:
            missing.append((i, ind, t is None, a is None))
        # read_value returns an Unparsed value only when given one, as it is; a value's
        # class is one of the vocabulary's (none has subclasses), so type() tells it
        if type(t) is Unparsed:
            unreadable.append((i, ind, "target", t))
        if type(a) is Unparsed:
            unreadable.append((i, ind, "actual", a))
        midyear = ind.midyear
        if midyear is not None and type(midyear) is Unparsed:
            m = read_value(midyear, None, target=False)
            if type(m) is Unparsed:
                unreadable.append((i, ind, "midyear", m))
        if isinstance(target, _NUMERIC) and isinstance(actual, _NUMERIC):
            if target.unit != actual.unit:
                units.append((i, ind))
            if ind.completion_rate is not None:
                rated.append((i, ind))
    return Reading(missing, unreadable, units, rated)


def reading(ctx: Context) -> Reading:
    """The report's indicators read once per check (:class:`Reading`)."""
    return ctx.shared(_read)


class Verdicts(NamedTuple):
    """The score sheet's rows that may be a hit, each list in document order.

    ``uncomparable``: the reason is one of :data:`UNCOMPARABLE`;
    ``unjudged_full``: one of :data:`UNJUDGED`, with full marks stated (a
    stated score equal to a positive weight); ``missed``: the target is
    judged missed; ``upward``: a completion ratio of an upward target (an
    upward operator, or a bare number scored as ``ge``); ``out_of_range``:
    ``in_range`` is False; ``mismatched``: ``matches`` is False, in range;
    ``off_band``: ``in_band`` is False, in range.
    """

    uncomparable: list[IndicatorScore]
    unjudged_full: list[IndicatorScore]
    missed: list[IndicatorScore]
    upward: list[IndicatorScore]
    out_of_range: list[IndicatorScore]
    mismatched: list[IndicatorScore]
    off_band: list[IndicatorScore]


def _sort(ctx: Context) -> Verdicts:
    v = Verdicts([], [], [], [], [], [], [])
    uncomparable, unjudged_full, missed, upward, out_of_range, mismatched, off_band = v
    for s in ctx.sheet.indicators:
        reason = s.reason
        stated = s.stated
        weight = s.weight
        if reason is not None and reason in UNJUDGED:
            if reason in UNCOMPARABLE:
                uncomparable.append(s)
            if weight is not None and stated is not None and weight > _ZERO and stated == weight:
                unjudged_full.append(s)
        if s.met is False:
            missed.append(s)
        if s.ratio is not None:
            op = s.op
            # op.upward, by identity: ≥ and > (enum members are singletons)
            if (op is _GE or op is _GT) if op is not None else s.method == "ge":
                upward.append(s)
        if stated is None:
            continue  # in_range, in_band and matches are None without a stated score
        if weight is not None and not _ZERO <= stated <= weight:
            out_of_range.append(s)  # in_range is False
        elif (band := s.band) is not None:
            # in_band is None without a weight, else the band's verdict; matches is None
            # for a qualitative row
            if weight is not None and not band.contains(stated, weight):
                off_band.append(s)
        else:
            recomputed = s.recomputed
            # a stated score equal to the recomputed one, which is rounded to the profile's
            # precision, is unchanged at that precision: matches is True, nothing to round
            if recomputed is not None and stated != recomputed and s.matches is False:
                mismatched.append(s)
    return v


def verdicts(ctx: Context) -> Verdicts:
    """The score sheet's rows sorted once per check (:class:`Verdicts`)."""
    return ctx.shared(_sort)


def _weighted(ctx: Context) -> bool:
    # a loop rather than any(): no generator on the hot path
    for ind in ctx.report.indicators:  # noqa: SIM110
        if ind.weight is not None:
            return True
    return False


def weighted(ctx: Context) -> bool:
    """True when some indicator states a weight (else there is no recomputed total to compare with)."""
    return ctx.shared(_weighted)
