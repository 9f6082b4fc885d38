"""Shared reading of indicators: the numbers of a target and an actual, in comparable units, and their explanations."""

from __future__ import annotations

import re
from decimal import Decimal

from attrs import AttrsInstance

from perfrules.document.figures import exponent_of, half_ulp
from perfrules.document.model import Indicator
from perfrules.document.tolerance import Interval
from perfrules.document.units import canonical
from perfrules.document.values import Approx, Comparison, Op, Quantity, Value
from perfrules.rules.findings import Hit, render_arg
from perfrules.rules.kinds._narrative import empty

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
    if approx is Approx.MORE:
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
