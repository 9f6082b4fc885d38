"""The typed vocabulary of targets and actuals (年初目标值 / 实际完成值).

Reports write targets and actuals in many ways: ``"≥12篇"``, ``"不少于200人次"``,
``"2种以上"``, ``"40余篇"``, ``"12月底完成"``, ``"是"``. The parser in
:mod:`perfrules.document.valueparse` turns each into one of the small classes below and
keeps the text as written in ``raw``; anything it does not understand becomes
:class:`Unparsed` rather than a guess.

``raw`` does not take part in equality, so ``"50万页以上"`` and ``"≥50万页"``
parse to equal values. Numbers are :class:`~decimal.Decimal` and keep the
exponent they were written with (``"8.20"`` has two decimals; ``"3万"`` is
``3E+4``).
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Union

import attrs

__all__ = [
    "Approx",
    "Comparison",
    "Op",
    "Qualitative",
    "Quantity",
    "Timing",
    "TimingKind",
    "Unparsed",
    "Value",
]


class Op(str, enum.Enum):
    """A comparison operator of a target, in its ASCII spelling."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "="

    @property
    def upward(self) -> bool:
        """True for ≥ and >: more is better."""
        return self in (Op.GE, Op.GT)

    @property
    def downward(self) -> bool:
        """True for ≤ and <: less is better."""
        return self in (Op.LE, Op.LT)

    @property
    def symbol(self) -> str:
        """The symbol reports use: ≥ > ≤ < =."""
        return _SYMBOLS[self]


_SYMBOLS = {Op.GE: "≥", Op.GT: ">", Op.LE: "≤", Op.LT: "<", Op.EQ: "="}


class Approx(str, enum.Enum):
    """How an approximate actual qualifies its number."""

    MORE = "more"  # 40余篇, 3万余人次: a little more than the number
    ABOUT = "about"  # 约95%: about the number


@attrs.frozen
class Comparison:
    """A target with an operator: ``≥12篇``, ``不少于200人次``, ``≤95.81万元``, ``2种以上``."""

    op: Op
    value: Decimal
    unit: str = ""
    raw: str | None = attrs.field(default=None, eq=False)


@attrs.frozen
class Quantity:
    """A number with a unit and no operator: ``1849人``, ``100%``, ``40余篇`` (approx=MORE)."""

    value: Decimal
    unit: str = ""
    approx: Approx | None = None
    raw: str | None = attrs.field(default=None, eq=False)


class TimingKind(str, enum.Enum):
    """What a time target or actual says."""

    DATE = "date"  # 12月底完成, 10月完成, 2024年12月31日前: a (partial) calendar date
    ON_SCHEDULE = "on_schedule"  # 按计划时间完成
    TIMELY = "timely"  # 及时


@attrs.frozen
class Timing:
    """A time target or actual.

    For ``DATE``: ``year`` may be None (the report's year is meant), ``day``
    None means the end of the month when ``month`` is given. ``by`` is True when
    the text says "by/before" (``前``, ``底``, ``之前``).
    """

    kind: TimingKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    by: bool = False
    raw: str | None = attrs.field(default=None, eq=False)


@attrs.frozen
class Qualitative:
    """A qualitative value: 是/否, 达成/部分达成/未达成, 完成/未完成, 好/较好/一般/差, 有效/明显.

    ``family`` groups words that answer the same question (``yes_no``,
    ``achievement``, ``completion``, ``rating``, ``effect``); ``rank`` orders
    them within the family (higher is better, 0 is the worst) and ``top`` is the
    family's best rank, so values of different families can be compared by
    ``rank / top``. ``word`` is the canonical word (``是``, ``达成``, ``部分达成``…).
    """

    family: str
    word: str
    rank: int
    top: int
    raw: str | None = attrs.field(default=None, eq=False)

    @property
    def positive(self) -> bool:
        """True for the family's best answer (是, 达成, 完成, 好, 有效)."""
        return self.rank == self.top


@attrs.frozen
class Unparsed:
    """A value perfrules does not understand; rules report it with its raw text."""

    raw: str


Value = Union[Comparison, Quantity, Timing, Qualitative, Unparsed]  # noqa: UP007 (a runtime alias cattrs dispatches on)
