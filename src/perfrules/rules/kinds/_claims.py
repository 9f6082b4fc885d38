"""Shared reading of claims: what a claim's ``about`` points at, and whether two statements agree.

Agreement allows for written forms that mean the same: ``50万页以上`` and
``≥50万页`` are the same target; ``40余篇`` (40 and some) agrees with 40 or 42
but not with 50; ``95.81万元`` agrees with ``958,100元``; numbers agree when
their written-precision intervals overlap.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from perfrules.document.figures import MONEY_UNITS, Money, Percent, exponent_of, half_ulp
from perfrules.document.model import BUDGET_FIGURES, Claim, Indicator
from perfrules.document.tolerance import Gap, Interval, value_gap, within
from perfrules.document.units import canonical
from perfrules.document.values import (
    Approx,
    Comparison,
    Qualitative,
    Quantity,
    Timing,
    Unparsed,
    Value,
)
from perfrules.messages import Message
from perfrules.messages import kinds as msg
from perfrules.messages.document import Text
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit, render_arg
from perfrules.rules.kinds._lines import figure_name

_ALMOST_ONE = Decimal("0.9999")
INDICATOR_FIELDS = ("target", "actual", "midyear", "weight", "score", "completion_rate")
LINE_FIELDS = ("budget", "executed", "share")
BUDGET_FIELDS = BUDGET_FIGURES


def find_indicator(ctx: Context, ref: str) -> tuple[int, Indicator] | None:
    """The indicator a claim names by id or by name."""
    indicators = ctx.report.indicators
    for i, ind in enumerate(indicators):
        if ind.id == ref:
            return i, ind
    for i, ind in enumerate(indicators):
        if ind.name == ref:
            return i, ind
    return None


def _leaf_count(ctx: Context, kind: str) -> int:
    """Lines of ``kind`` with no child of the same kind (a group row is not counted twice)."""
    count = 0
    for line in ctx.report.lines:
        if line.kind.value != kind:
            continue
        kids = ctx.children.get(line.id, [])
        if not any(k.kind.value == kind for _, k in kids):
            count += 1
    return count


#: One claim as the claim kinds read it (:func:`readings`): its index, the claim,
#: the figure it repeats (None when its ``about`` names nothing the document
#: states), whether the two agree, and the difference of a claim that agrees
#: only by rounding (None when there is none to report).
Reading = tuple[int, Claim, Any, bool, Decimal | None]


def readings(ctx: Context) -> tuple[Reading, ...]:
    """Every claim but ``all_targets_met``, in order, read once per check (``ctx.shared``).

    ``claim_subject`` reports the claims without a figure, ``claim_mismatch``
    those that disagree with theirs, ``claim_rounding`` those whose agreement
    needs rounding (:func:`agree`, then :func:`claim_gap`).
    """
    out: list[Reading] = []
    for i, claim in enumerate(ctx.report.claims):
        about = claim.about
        if about == "all_targets_met":
            continue
        stated = stated_figure(ctx, about)
        if stated is None:
            out.append((i, claim, None, False, None))
            continue
        value = claim.value
        if _repeats(ctx, stated, value):
            out.append((i, claim, stated, True, None))
        elif agree(ctx, stated, value):
            gap = claim_gap(ctx, stated, value)
            difference = None if gap is None or gap[0].agrees else abs(gap[1])
            out.append((i, claim, stated, True, difference))
        else:
            out.append((i, claim, stated, False, None))
    return tuple(out)


def _repeats(ctx: Context, stated: Any, claim: Value | bool) -> bool:
    """True when a claim is the stated figure's very number (in the report's unit) or value.

    Such a claim agrees (:func:`agree`: its interval and the figure's both
    hold that number; :func:`values_agree` of two equal values) and agrees
    as written (:func:`claim_gap`: equal numbers are equal at any place; it
    compares no targets or actuals), so neither needs computing. False says
    nothing.
    """
    kind = type(stated)
    if kind is Comparison:  # an indicator's target or actual, repeated: operator, number, unit
        return type(claim) is Comparison and bool(claim == stated)
    if type(claim) is not Quantity:
        return False
    if kind is Quantity:
        return bool(claim == stated)
    if claim.approx is not None:
        return False
    number = claim.value
    if kind is Money:
        report_unit = ctx.report.report.money_unit
        unit = claim.unit or report_unit
        if unit == report_unit:
            return bool(number == stated.amount)
        if unit not in MONEY_UNITS:
            return False
        return bool(number.scaleb(MONEY_UNITS[unit] - MONEY_UNITS[report_unit]) == stated.amount)
    if kind is Percent:
        return claim.unit in ("%", "") and bool(number == stated.value)
    if kind is Decimal or kind is int:  # a score (any unit: agree reads none), a count, a year
        return bool(number == stated)
    return False


def claim_hit(
    index: int, claim: Claim, stated: str, claimed: str, args: attrs.AttrsInstance
) -> Hit:
    """A hit about claim ``index``'s value: the document's figure expected, the claim's found."""
    return Hit(claim.about, f"claims[{index}].value", expected=stated, found=claimed, args=args)


def stated_figure(ctx: Context, about: str) -> Any:
    """The figure a claim's ``about`` names, or None when it names nothing the document states."""
    report = ctx.report
    if about.startswith("budget."):
        key = about[7:]
        budget = report.budget
        return getattr(budget, key) if budget is not None and key in BUDGET_FIELDS else None
    if about.startswith("indicator:"):
        ref, _, key = about[10:].rpartition(".")
        found = find_indicator(ctx, ref) if key in INDICATOR_FIELDS else None
        return None if found is None else getattr(found[1], key)
    if about.startswith("line:"):
        ref, _, key = about[5:].rpartition(".")
        if key in LINE_FIELDS:
            entry = ctx.lines_by_id.get(ref)
            return None if entry is None else getattr(entry[1], key)
        return None
    evaluation = report.evaluation
    if about == "evaluation.score":
        return evaluation.score if evaluation is not None else None
    if about == "evaluation.grade":
        return evaluation.grade if evaluation is not None else None
    if about == "count:indicators":
        return len(report.indicators)
    if about.startswith("count:lines:"):
        return _leaf_count(ctx, about[12:])
    if about == "report.year":
        return report.report.year
    return None


def _number(v: Value) -> tuple[Decimal, str, Approx | None] | None:
    if isinstance(v, Quantity):
        return v.value, v.unit, v.approx
    if isinstance(v, Comparison):
        return v.value, v.unit, None
    return None


def _interval(value: Decimal, approx: Approx | None, exact: bool = False) -> Interval:
    if approx is Approx.MORE:  # "40余": 40 and some, below the next step (50)
        step = Decimal(1).scaleb(exponent_of(value.normalize())) if value else Decimal(1)
        return value, value + step * _ALMOST_ONE
    if exact:
        return value, value
    h = half_ulp(exponent_of(value))
    if approx is Approx.ABOUT:
        h = max(h, abs(value) / 20)  # 约: within 5%
    return value - h, value + h


def _money_interval(v: Value, report_unit: str) -> Interval | None:
    n = _number(v)
    if n is None:
        return None
    value, unit, approx = n
    unit = unit or report_unit
    if unit not in MONEY_UNITS:
        return None
    power = MONEY_UNITS[unit] - MONEY_UNITS[report_unit]
    exact = exponent_of(value) >= 0 and approx is None
    lo, hi = _interval(value, approx, exact)
    return lo.scaleb(power), hi.scaleb(power)


def agree(ctx: Context, stated: Any, claim: Value | bool) -> bool:
    """True when a claim's value says the same as the stated figure."""
    if isinstance(claim, bool):
        return stated is claim
    if isinstance(stated, Money):
        iv = _money_interval(claim, ctx.report.report.money_unit)
        return iv is not None and within(iv, stated.bounds(ctx.integers_exact))
    if isinstance(stated, Percent):
        n = _number(claim)
        return (
            n is not None and n[1] in ("%", "") and within(_interval(n[0], n[2]), stated.bounds())
        )
    if isinstance(stated, int):
        n = _number(claim)
        return n is not None and within(
            _interval(n[0], n[2], exact=n[2] is None), (Decimal(stated), Decimal(stated))
        )
    if isinstance(stated, Decimal):
        n = _number(claim)
        if n is None:
            return False
        h = half_ulp(exponent_of(stated))
        return within(_interval(n[0], n[2]), (stated - h, stated + h))
    if isinstance(stated, str):
        text = claim.raw if claim.raw is not None else ""
        if text.strip() == stated.strip():
            return True
        a, b = ctx.profile.band_of_word(stated.strip()), ctx.profile.band_of_word(text.strip())
        return a is not None and a == b
    return values_agree(stated, claim)


def values_agree(a: Value, b: Value) -> bool:
    """True when two targets or actuals say the same thing."""
    if isinstance(a, Qualitative) and isinstance(b, Qualitative):
        return a.family == b.family and a.rank == b.rank
    if isinstance(a, Timing) and isinstance(b, Timing):
        years_agree = a.year is None or b.year is None or a.year == b.year
        return a.kind == b.kind and years_agree and (a.month, a.day) == (b.month, b.day)
    if isinstance(a, Unparsed) or isinstance(b, Unparsed):
        return render_arg(a).strip() == render_arg(b).strip()
    na, nb = _number(a), _number(b)
    if na is None or nb is None:
        return False
    if isinstance(a, Comparison) and isinstance(b, Comparison) and a.op != b.op:
        return False
    va, ua = canonical(na[0], na[1])
    vb, ub = canonical(nb[0], nb[1])
    if ua != ub:
        return False
    if not (na[2] or nb[2]):
        return va == vb
    ia = _interval(va, na[2]) if na[2] else (va, va)
    ib = _interval(vb, nb[2]) if nb[2] else (vb, vb)
    return within(ia, ib)


def _place(value: Decimal, exact: bool) -> int | None:
    return None if exact else int(value.as_tuple().exponent)


def claim_gap(ctx: Context, stated: Any, claim: Value | bool) -> tuple[Gap, Decimal] | None:
    """How a number claim compares with the figure it repeats, and their difference as written.

    Only plain numbers (no 约, 余 or comparison) of money, percentages and
    scores are compared: the gap is at the coarser written place, the
    difference (stated − claimed, money in the report's unit) exact. None for
    anything else.
    """
    if isinstance(claim, bool) or not isinstance(claim, Quantity) or claim.approx is not None:
        return None
    value, unit = claim.value, claim.unit
    if isinstance(stated, Money):
        report_unit = ctx.report.report.money_unit
        unit = unit or report_unit
        if unit not in MONEY_UNITS:
            return None
        power = MONEY_UNITS[unit] - MONEY_UNITS[report_unit]
        exp = int(value.as_tuple().exponent)
        claimed = value.scaleb(power)
        mine = None if stated.exact and ctx.integers_exact else stated.exponent
        theirs = None if exp >= 0 else exp + power
        gap = value_gap(stated.amount, mine, claimed, theirs, True)
        return gap, stated.amount - claimed
    if isinstance(stated, Percent) and unit in ("%", ""):
        gap = value_gap(stated.value, stated.exponent, value, _place(value, False), True)
        return gap, stated.value - value
    if isinstance(stated, Decimal) and unit == "":
        gap = value_gap(stated, _place(stated, False), value, _place(value, False), True)
        return gap, stated - value
    return None


def described(ctx: Context, about: str) -> Message:
    """The figure a claim's ``about`` names, in words (指标“X”的年初目标值), or ``about`` as it is."""
    named: dict[str, Message] = {
        "target": msg.Target(),
        "actual": msg.Actual(),
        "midyear": msg.Midyear(),
    }
    if about.startswith("indicator:"):
        name, _, key = about[len("indicator:") :].rpartition(".")
        entry = msg.INDICATOR_FIGURES.get(key)
        figure = named.get(key) or (entry() if entry is not None else None)
        if figure is not None:
            return msg.IndicatorFigureSubject(name=name, figure=figure)
    if about.startswith("line:"):
        ref, _, key = about[len("line:") :].rpartition(".")
        if ref in ctx.lines_by_id and key in ("budget", "executed"):
            label = ctx.lines_by_id[ref][1].label
            return msg.LineFigureSubject(label=label, figure=figure_name(key))
    if about.startswith("budget.") and about[len("budget.") :] in msg.FIGURES:
        return msg.BudgetFigureSubject(figure=figure_name(about[len("budget.") :]))
    if about == "evaluation.score":
        return msg.TotalScore()
    if about == "evaluation.grade":
        return msg.Grade()
    return Text(text=about)
