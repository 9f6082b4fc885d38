"""Texts as the interpreter reads them, figures found in them, and spans traced back to the original.

A reader's :class:`~perfrules.extract.layout.Text` is normalised (NFKC);
:func:`reading` goes one step further for matching: traditional characters
simplified (character for character), and spaces dropped except between two
ASCII letters or digits (``95.81 万元`` reads ``95.81万元``, ``2024 年 4 月`` reads
``2024年4月``). The result is a Text over the same original, so every match
still has its place (:func:`traced`) and its text as written (:func:`written`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation

import attrs

from perfrules.document.provenance import Traced
from perfrules.extract.layout import Text

__all__ = ["Figure", "figures", "number", "reading", "traced", "written"]


def reading(text: Text, simplify: Mapping[int, int]) -> Text:
    """``text`` for matching: simplified, spaces dropped except between ASCII letters or digits."""
    s = text.text.translate(simplify) if simplify else text.text
    if " " not in s:
        return text.derive(s, text.offsets) if s != text.text else text
    chars: list[str] = []
    offsets: list[int] = []
    n = len(s)
    for i, ch in enumerate(s):
        if ch == " ":
            before = chars[-1] if chars else ""
            j = i + 1
            while j < n and s[j] == " ":
                j += 1
            after = s[j] if j < n else ""
            if not (_word(before) and _word(after)) or (chars and chars[-1] == " "):
                continue
        chars.append(ch)
        offsets.append(text.offsets[i])
    return text.derive("".join(chars), tuple(offsets))


def _word(ch: str) -> bool:
    return bool(ch) and ch.isascii() and (ch.isalnum() or ch in "._-")


def traced(text: Text, start: int, end: int) -> Traced:
    """Where ``text[start:end]`` stands in the original, with the original text behind it."""
    return Traced(text.place_at(start), text.source(start, end))


def written(text: Text, start: int, end: int, simplify: Mapping[int, int] | None = None) -> str:
    """``text[start:end]`` as the report wrote it (simplified), without markup or line breaks, stripped."""
    out = text.written(start, end)
    if simplify:
        out = out.translate(simplify)
    return out.strip(" \t\u3000\r\n")


_NUMBER = r"(?<![\d.,])[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])"
_FIGURE = re.compile(
    "(?P<number>" + _NUMBER + r")(?P<unit>万亿元|亿元|万元|元|%|‰|[^\W\d_]{0,3})", re.UNICODE
)
_MONEY = ("元", "万元", "亿元", "万亿元")


@attrs.frozen
class Figure:
    """A number found in a text: its span (number and unit) in the reading, its value and unit."""

    start: int
    end: int
    value: Decimal
    unit: str
    digits: str  # the number as it reads, without thousands separators

    @property
    def money(self) -> bool:
        """True for an amount of money (元, 万元, 亿元)."""
        return self.unit in _MONEY

    @property
    def percent(self) -> bool:
        """True for a percentage."""
        return self.unit == "%"


def number(digits: str) -> Decimal | None:
    """A number as written (``6,306,545.19``) as a Decimal keeping its written exponent."""
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def figures(text: str) -> Iterator[Figure]:
    """Every number in ``text`` with the unit written after it (money units and % whole, else up to 3 letters).

    Numbers inside dates (``2024年4月15日``, ``2024.4.15``), years (``2024年``)
    and document numbers (``〔2019〕8号``) are not figures.
    """
    for m in _FIGURE.finditer(text):
        digits, unit = m.group("number"), m.group("unit")
        if unit not in _MONEY and unit != "%":
            unit = _count_unit(unit)
        start, end = m.start(), m.start("unit") + len(unit)
        if _in_date(text, m.start(), m.end("number"), unit):
            continue
        value = number(digits)
        if value is None:
            continue
        yield Figure(start, end, value, unit, digits.replace(",", ""))


_COUNT_UNITS = (
    "人次", "人份", "户次", "场次", "平方米", "个月", "小时", "分钟", "课时", "学时", "批次", "期次",
    "人", "名", "户", "篇", "期", "次", "场", "种", "个", "份", "所", "家", "项", "台", "辆", "天",
    "日", "周", "分", "批", "本", "册", "处", "件", "座", "支", "只", "套", "间", "条", "位", "例",
    "起", "班", "辆", "张", "吨", "米", "公里", "千米", "亩", "棵", "株", "页", "元",
)  # fmt: skip


def _count_unit(letters: str) -> str:
    for unit in sorted(_COUNT_UNITS, key=len, reverse=True):
        if letters.startswith(unit):
            return unit
    return ""


def _in_date(text: str, start: int, end: int, unit: str) -> bool:
    after = text[end : end + 1]
    before = text[start - 1 : start] if start else ""
    digits = text[start:end].lstrip("+-")
    if before and after and before in "〔[【(" and after in "〕]】)" and len(digits) == 4:
        return True  # 〔2019〕
    if after == "年" and len(digits) == 4 and "." not in digits:
        return True
    if after in ("月", "日", "号") or (after == "." and before == "."):
        return unit == "" or unit in ("月", "日", "号")
    if before == "年" and after in ("月",):
        return True
    if re.match(r"\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}", text[start:]) and len(digits) >= 4:
        return True
    return (
        bool(before)
        and before in ".-/"
        and bool(re.match(r"\d{1,2}[.\-/]\d{1,2}(?!\d)", text[start:]))
    )
