"""Stated figures: money and percentages that remember how they were written.

A figure written ``12.95`` stands for every value that rounds to it,
[12.945, 12.955] (XBRL Calculations 1.1, round-to-nearest). Money written as a
whole number (``10`` or ``"10万元"``) is exact by default, because reports
write ``10万元`` for 10.00; percentages keep their written precision even when
whole (``86%`` stands for [85.5, 86.5]). Tolerances everywhere in perfrules
come from these intervals, never from a fixed epsilon.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from perfrules._frozen import builder

__all__ = [
    "MONEY_UNITS",
    "Money",
    "Percent",
    "exponent_of",
    "half_ulp",
    "parse_money",
    "parse_percent",
]

#: Money units and their size in 元, as powers of ten.
MONEY_UNITS: dict[str, int] = {"元": 0, "万元": 4, "亿元": 8}

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－＋", "0123456789.,%-+")
_NUMBER = re.compile(r"\s*([+-]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(.*?)\s*\Z", re.S)


def exponent_of(value: Decimal) -> int:
    """``value.as_tuple().exponent`` of a finite Decimal, read from its text (no digit tuple built)."""
    text = str(value)
    if "E" in text or not text[-1].isdigit():  # exponent notation, or not finite
        return int(value.as_tuple().exponent)
    dot = text.find(".")
    return 0 if dot < 0 else dot + 1 - len(text)


def half_ulp(exponent: int) -> Decimal:
    """Half a unit in the last written place of a figure with this exponent."""
    h = _HALF_ULPS.get(exponent)
    return h if h is not None else Decimal(5).scaleb(exponent - 1)


_HALF_ULPS = {e: Decimal(5).scaleb(e - 1) for e in range(-24, 25)}


def _split_number(text: str) -> tuple[Decimal, str] | None:
    """``"6,306,545.19元"`` -> (Decimal("6306545.19"), "元"); None when there is no leading number."""
    m = _NUMBER.match(text.translate(_FULLWIDTH))
    if m is None:
        return None
    sign, whole, frac, rest = m.groups()
    return Decimal(sign + whole.replace(",", "") + (frac or "")), rest


@attrs.frozen
class Money:
    """An amount of money as stated: its value in the report's unit and its written precision.

    ``amount`` is in the report's ``money_unit``; ``exponent`` is the exponent of
    the last written digit expressed in that unit (``"1.12元"`` in a 万元 report
    is 0.000112 with exponent -6); ``exact`` is true when it was written as a
    whole number; ``unit`` is the unit it was written in and ``raw`` the text
    when it was given as a string (kept so that documents round-trip).
    """

    amount: Decimal
    exponent: int
    exact: bool
    unit: str
    raw: str | None = attrs.field(default=None, eq=False)

    def bounds(self, integers_exact: bool = True) -> tuple[Decimal, Decimal]:
        """The interval of values this written figure stands for."""
        amount = self.amount
        if self.exact and integers_exact:
            return amount, amount
        h = _HALF_ULPS.get(self.exponent)  # half_ulp, without the call
        if h is None:
            h = half_ulp(self.exponent)
        return amount - h, amount + h

    @property
    def has_unit(self) -> bool:
        """True when the figure was written with a unit of its own (``"500元"``), not as a bare number."""
        if self.raw is None:
            return False
        parts = _split_number(self.raw)
        return parts is not None and parts[1] != ""

    def rescaled(self, power: int) -> Money:
        """This figure as if it had been written in a unit 10**power times larger."""
        return _Money(
            self.amount.scaleb(power), self.exponent + power, self.exact, self.unit, self.raw
        )

    def __str__(self) -> str:
        return self.raw if self.raw is not None else f"{self.amount}{self.unit}"


@attrs.frozen
class Percent:
    """A percentage as stated (``92.84`` means 92.84%), with its written precision."""

    value: Decimal
    raw: str | None = attrs.field(default=None, eq=False)

    @property
    def exponent(self) -> int:
        """Exponent of the last written digit (``86`` -> 0, ``91.35`` -> -2)."""
        return exponent_of(self.value)

    def bounds(self) -> tuple[Decimal, Decimal]:
        """The interval this written percentage stands for (always its written precision)."""
        value = self.value
        exponent = exponent_of(value)
        h = _HALF_ULPS.get(exponent)  # half_ulp, without the call
        if h is None:
            h = half_ulp(exponent)
        return value - h, value + h

    def __str__(self) -> str:
        return self.raw if self.raw is not None else f"{self.value}%"


#: The figures at the cost of mutable objects (see :mod:`perfrules._frozen`): a report has dozens.
_Money, _Percent = builder(Money), builder(Percent)


def parse_money(value: Decimal | str, report_unit: str) -> Money | None:
    """A money figure from a bare number (in ``report_unit``) or a string with its own unit.

    Returns None when ``value`` is a string that is not money (no number, or a
    unit that is not 元/万元/亿元).
    """
    shift = MONEY_UNITS[report_unit]
    if isinstance(value, Decimal):
        exp = exponent_of(value)
        return _Money(value, exp, exp >= 0, report_unit)
    parts = _split_number(value)
    if parts is None:
        return None
    number, unit = parts
    unit = unit or report_unit
    if unit not in MONEY_UNITS:
        return None
    exp = exponent_of(number)
    power = MONEY_UNITS[unit] - shift
    amount = number.scaleb(power) if power else number
    return _Money(amount, exp + power, exp >= 0, unit, value)


def parse_percent(value: Decimal | str) -> Percent | None:
    """A percentage from a bare number (already in percent) or a string such as ``"91.35%"``."""
    if isinstance(value, Decimal):
        return _Percent(value)
    parts = _split_number(value)
    if parts is None or parts[1] not in ("%", ""):
        return None
    return _Percent(parts[0], value)
