"""The rarer written forms of targets and actuals, tried only when the main grammar has failed.

:func:`rare_form` reads what :mod:`~perfrules.document.valueparse.parse`'s
regular grammar does not: a quarter (``第四季度完成``), a percentage range that
ends at 100% (``95%-100%``) and "none of them" (``零事故``, ``无``). It runs
only for text the grammar has refused, so the common path pays nothing for
it. Each form and why it reads as it does is listed in
:mod:`perfrules.document.valueparse`.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from perfrules.document.valueparse.words import YEAR_CN_DIGITS, ZERO_NOUNS, small_int
from perfrules.document.values import Comparison, Op, Timing, TimingKind

__all__ = ["rare_form"]

_QUARTER_MONTHS = {"1": 3, "2": 6, "3": 9, "4": 12, "一": 3, "二": 6, "三": 9, "四": 12}
_ZERO = Decimal(0)


@functools.cache
def _quarter() -> re.Pattern[str]:
    # 第四季度, 四季度末前, 2024年第4季度内完成; never 第四季度前 (before it, or by its end?)
    return re.compile(
        rf"(?:于|在)?(?:(?P<y>[0-9]{{4}}|[{YEAR_CN_DIGITS}]{{4}})年度?)?第?(?P<q>[1-4一二三四])季度"
        r"(?:(?:末|底)(?:前|之前|以前)?|内)?(?:完成)?"
    )


@functools.cache
def _range() -> re.Pattern[str]:
    # 95%-100%, 95-100%, 95%～100%, 95%至100%: only ranges that end at 100%
    return re.compile(r"(?P<lo>[0-9]+(?:\.[0-9]+)?)%?(?:-|~|–|—|至|到)100(?:\.0+)?%")


def _quarter_timing(text: str, raw: str) -> Timing | None:
    m = _quarter().fullmatch(text)
    if m is None:
        return None
    year = None
    if m["y"] is not None:
        year = small_int(m["y"])
        if year < 1000:
            return None
    return Timing(TimingKind.DATE, year, _QUARTER_MONTHS[m["q"]], None, True, raw)


def rare_form(text: str, raw: str) -> Comparison | Timing | None:
    """``text`` (normalised) read as one of the rarer forms, with ``raw`` kept; None otherwise.

    - ``第N季度`` and ``四季度`` (with 末/底/内/完成 and a year) are by the end of the
      quarter's last month: ``第四季度完成`` is by 12月底. ``4季度`` alone never gets
      here: the grammar reads it as a count of quarters, as ``10月`` is of months.
    - A percentage range that ends at 100% (``95%-100%``) is its lower bound,
      ``≥95%``: a rate cannot pass 100%, so the two say the same. Other ranges
      (``90%-95%``, ``10-20人``) are not one comparison and stay unparsed.
    - ``零事故``, ``无投诉`` and ``无`` alone are the count zero, ``=0`` without a
      unit (so that it compares with ``0起`` or ``0次``): as a target, none is
      allowed; as an actual, none happened (or nothing was done).
    """
    if "季度" in text:
        return _quarter_timing(text, raw)
    if text == "无" or (text[0] in "零无" and text[1:] in ZERO_NOUNS):
        return Comparison(Op.EQ, _ZERO, "", raw)
    if text.endswith("%"):
        m = _range().fullmatch(text)
        if m is not None:
            low = Decimal(m["lo"])
            if low <= 100:
                return Comparison(Op.GE, low, "%", raw)
    return None
