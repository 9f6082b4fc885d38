"""Writing a typed target or actual back as canonical text that parses to the same value.

:func:`render_value` writes ``≥12篇``, ``3万余人次``, ``约95%``, ``12月底``;
a positive Decimal exponent is kept through 万/亿/万亿 only where the
rendering, parsed back by :func:`~perfrules.document.valueparse.parse.parse_text`,
gives the same value with the same exponent.
"""

from __future__ import annotations

from perfrules.document.valueparse.parse import parse_text
from perfrules.document.valueparse.words import RENDER_MULTIPLIERS, shift
from perfrules.document.values import (
    Approx,
    Comparison,
    Qualitative,
    Quantity,
    Timing,
    TimingKind,
    Value,
)

__all__ = ["render_value"]

# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------


def _render_amount(v: Comparison | Quantity) -> str:
    if isinstance(v, Comparison):
        prefix, yu = v.op.symbol, ""
    else:
        prefix = "约" if v.approx is Approx.ABOUT else ""
        yu = "余" if v.approx is Approx.MORE else ""
    value, unit = v.value, v.unit
    plain = f"{prefix}{value:f}{yu}{unit}"
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent <= 0:
        return plain
    # A positive exponent (3E+4) survives a round trip only through 万/亿/万亿. Whether
    # "<number><multiplier>[余]<unit>" reads back that way depends on the unit (3E+4 元 is
    # not "3万元", which is 3 万元), so the candidate is checked by parsing it; otherwise
    # the digits are written out, which keeps the value but not the exponent.
    for power, word in RENDER_MULTIPLIERS:
        if exponent <= power:
            candidate = f"{prefix}{shift(value, -power):f}{word}{yu}{unit}"
            back = parse_text(candidate)
            if (
                isinstance(back, (Comparison, Quantity))
                and back == v
                and back.value.as_tuple().exponent == exponent
            ):
                return candidate
            break
    return plain


def _render_timing(v: Timing) -> str:
    if v.kind is TimingKind.ON_SCHEDULE:
        return "按计划时间完成"
    if v.kind is TimingKind.TIMELY:
        return "及时"
    year = "" if v.year is None else f"{v.year}年"
    if v.month is None:
        return f"{year or '年'}底" if v.by else f"{year}完成"
    if v.day is not None:
        return f"{year}{v.month}月{v.day}日{'前' if v.by else ''}"
    return f"{year}{v.month}月{'底' if v.by else '完成'}"


def render_value(v: Value) -> str:
    """Canonical text for a value: ``≥12篇``, ``3万余人次``, ``约95%``, ``12月底``, ``是``.

    ``parse_value(render_value(v)) == v`` for every value :func:`parse_value`
    produces, and the Decimal exponent survives where the notation can carry it:
    exponents up to 0 always, positive ones (up to 12) through 万/亿/万亿 unless
    the multiplier would merge with the unit (``3E+4`` 元 is written ``30000元``,
    because ``3万元`` is 3 万元; with 余 it is ``3万余元``).
    """
    if isinstance(v, (Comparison, Quantity)):
        return _render_amount(v)
    if isinstance(v, Timing):
        return _render_timing(v)
    if isinstance(v, Qualitative):
        return v.word
    return v.raw
