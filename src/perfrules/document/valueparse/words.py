"""The words of targets and actuals: text normalisation, operators, units, multipliers, Chinese numerals.

Everything :mod:`~perfrules.document.valueparse.parse` reads a value with and
:mod:`~perfrules.document.valueparse.render` writes one with, as data:
which words are comparisons (``不少于`` is ≥), which suffixes include the
number (``以上``), which units begin with a multiplier (``万元``), the
qualitative answers and schedule words, the reading of Chinese numerals
(``二十五``, ``一百零五``; colloquial shorthand is refused, never guessed) and of
the years a title names (:func:`year_of`: ``二〇二二年度`` is 2022).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from decimal import Decimal

from perfrules.document.values import Op, TimingKind

__all__ = [
    "CN_NUMBER_UNITS",
    "CN_NUMERAL_CHARS",
    "COMPOUND_UNITS",
    "MULTIPLIERS",
    "NUMERAL_UNIT_PREFIXES",
    "OPS_ALT",
    "PREFIX_OPS",
    "QUALITATIVE",
    "RENDER_MULTIPLIERS",
    "SCHEDULE",
    "SUFFIXES",
    "SUFFIX_APPROX",
    "SUFFIX_OPS",
    "SUFFIX_TUPLE",
    "YEAR_CN_DIGITS",
    "ZERO_NOUNS",
    "alternation",
    "cn_int",
    "normalise",
    "shift",
    "small_int",
    "year_of",
    "years_in",
]

# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

_TRANS: dict[int, int | None] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII
_TRANS.update(
    {
        0x3000: 0x20,  # ideographic space
        0x00A0: 0x20,  # no-break, figure, thin and narrow no-break spaces (1 200 as thousands)
        0x2007: 0x20,
        0x2009: 0x20,
        0x202F: 0x20,
        ord("〜"): ord("~"),  # wave dash, as full-width ～ becomes ~
        ord("≧"): ord("≥"),
        ord("≦"): ord("≤"),
        ord("⩾"): ord("≥"),
        ord("⩽"): ord("≤"),
        ord("﹥"): ord(">"),
        ord("﹤"): ord("<"),
        ord("﹦"): ord("="),
        ord("﹪"): ord("%"),
        ord("−"): ord("-"),
        0x200B: None,  # zero-width space / joiners / BOM
        0x200C: None,
        0x200D: None,
        0xFEFF: None,
    }
)

# Whitespace is dropped unless it separates two digits: "1 849" is read only as a thousands
# separator (groups of three), so "1 2" stays unreadable instead of becoming 12.
_SPACES = re.compile(r"\s+(?![0-9])|(?<![0-9])\s+")


def normalise(text: str) -> str:
    """``text`` with full-width and look-alike characters made plain, spaces dropped but between digits."""
    text = text.translate(_TRANS)
    if not text.isprintable() or " " in text:
        text = _SPACES.sub("", text)
    return text


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

_GE, _GT, _LE, _LT, _EQ = Op.GE, Op.GT, Op.LE, Op.LT, Op.EQ

#: Operators written before the number.
PREFIX_OPS: dict[str, Op] = {
    "≥": _GE,
    ">=": _GE,
    "大于等于": _GE,
    "大于或等于": _GE,
    "至少": _GE,
    "最少": _GE,
    "达到": _GE,
    "达": _GE,
    ">": _GT,
    "大于": _GT,
    "超过": _GT,
    "高于": _GT,
    "多于": _GT,
    "≤": _LE,
    "<=": _LE,
    "小于等于": _LE,
    "小于或等于": _LE,
    "至多": _LE,
    "最多": _LE,
    "<": _LT,
    "小于": _LT,
    "低于": _LT,
    "少于": _LT,
    "=": _EQ,
    "等于": _EQ,
}
for _modal in ("", "得", "应", "能", "可", "宜"):
    for _word in ("少于", "低于", "小于"):
        PREFIX_OPS["不" + _modal + _word] = _GE
    for _word in ("超过", "高于", "大于", "多于"):
        PREFIX_OPS["不" + _modal + _word] = _LE
del _modal, _word

#: Operators written after the number and unit; they include the number.
SUFFIX_OPS: dict[str, Op] = {
    "及以上": _GE,
    "以上": _GE,
    "及以下": _LE,
    "以下": _LE,
    "以内": _LE,
    "之内": _LE,
}
#: Suffixes that make a quantity approximate.
SUFFIX_APPROX = "左右"
SUFFIXES = sorted([*SUFFIX_OPS, SUFFIX_APPROX], key=len, reverse=True)
SUFFIX_TUPLE = tuple(SUFFIXES)


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


OPS_ALT = alternation(PREFIX_OPS)

#: Units that begin with 万/亿 but are units, not a multiplier and a unit.
COMPOUND_UNITS = ("万元", "亿元", "万页")
#: Multipliers and their powers of ten.
MULTIPLIERS = {"万": 4, "亿": 8, "万亿": 12}
RENDER_MULTIPLIERS = ((4, "万"), (8, "亿"), (12, "万亿"))

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
#: Year digits: 〇 is often typed as the circle ○ (二○二二年).
_YEAR_DIGITS = {**_CN_DIGITS, "○": 0}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = frozenset(_CN_DIGITS) | frozenset(_CN_UNITS) | {"万", "亿"}
#: Units that may begin with a numeral character.
NUMERAL_UNIT_PREFIXES = (
    *COMPOUND_UNITS,
    "千米",
    "千克",
    "千瓦",
    "千伏",
    "千帕",
    "千卡",
    "千字",
    "百分点",
)

#: Units accepted after a Chinese numeral ("十二篇"); other words after one are unreadable,
#: so that "三献" or "十大工程" do not become quantities.
CN_NUMBER_UNITS = frozenset(
    [
        "人", "人次", "名", "户", "篇", "期", "次", "场", "场次", "种", "个", "份", "人份", "所",
        "家", "项", "台", "辆", "平方米", "万页", "万元", "亿元", "元", "%", "天", "日", "月",
        "个月", "年", "周", "小时", "分", "分钟", "批", "批次", "本", "册", "处", "件", "座", "支",
        "只", "套", "间", "条", "位", "例", "起", "班", "课时", "学时", "篇次", "期次", "人日",
        "个百分点",
    ]
)  # fmt: skip


#: Qualitative words: (family, canonical word, rank, top) by every spelling accepted.
QUALITATIVE: dict[str, tuple[str, str, int, int]] = {}
for _family, _top, _words in (
    ("yes_no", 1, (("否",), ("是",))),
    (
        "achievement",
        2,
        (
            ("未达成", "未达成年度指标且效果较差", "未达成预期指标且效果较差", "未达成年度指标",
             "未达成预期指标"),
            ("部分达成", "部分达成年度指标并具有一定效果", "部分达成预期指标并具有一定效果",
             "部分达成年度指标", "部分达成预期指标"),
            ("达成", "达成年度指标", "达成预期指标", "达成年度目标", "达成预期目标", "全部达成",
             "已达成"),
        ),
    ),
    ("completion", 1, (("未完成",), ("完成", "已完成", "全部完成"))),
    # the grade words of 财预〔2020〕10号 (优/良/中/差) and of four-band schemes
    # (优秀/良好/一般/较差) are the same four ranks as 好/较好/一般/差
    ("rating", 3, (("差", "较差"), ("一般", "中", "中等"), ("较好", "良", "良好"),
                   ("好", "优", "优秀"))),
    # no target asks for more than 满意: 非常满意 is the top rank, written 满意
    ("satisfaction", 2, (("不满意",), ("基本满意", "较满意", "比较满意"),
                         ("满意", "非常满意", "很满意", "十分满意"))),
    # meeting a standard: 合格 and 达标 answer the same question
    ("pass", 2, (("不合格", "未达标", "不达标"), ("基本合格", "基本达标"),
                 ("合格", "达标", "已达标"))),
    (
        "effect",
        1,
        (
            ("无效", "不明显", "不显著", "效果不明显", "效果不显著"),
            ("有效", "明显", "显著", "效果明显", "效果显著", "成效明显", "成效显著"),
        ),
    ),
):  # fmt: skip
    for _rank, _spellings in enumerate(_words):  # ranks count up from the worst answer
        for _text in _spellings:
            QUALITATIVE[_text] = (_family, _spellings[0], _rank, _top)
del _family, _top, _words, _rank, _spellings, _text

#: What 零 or 无 may stand before to say "none of them" (零事故, 无投诉): the count zero.
ZERO_NOUNS = frozenset(
    [
        "事故", "安全事故", "责任事故", "安全责任事故", "重大事故", "投诉", "有效投诉", "差错",
        "失误", "伤亡", "违规", "违纪", "违法违纪",
    ]
)  # fmt: skip

SCHEDULE: dict[str, TimingKind] = {
    "按计划时间完成": TimingKind.ON_SCHEDULE,
    "按计划完成": TimingKind.ON_SCHEDULE,
    "按计划": TimingKind.ON_SCHEDULE,
    "按时完成": TimingKind.ON_SCHEDULE,
    "按时": TimingKind.ON_SCHEDULE,
    "按期完成": TimingKind.ON_SCHEDULE,
    "按期": TimingKind.ON_SCHEDULE,
    "及时": TimingKind.TIMELY,
    "及时完成": TimingKind.TIMELY,
}


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def shift(d: Decimal, power: int) -> Decimal:
    """``d`` times 10**power, exactly, keeping the coefficient (3 -> 3E+4)."""
    if not power:
        return d
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    return Decimal((sign, digits, exponent + power))


def cn_int(text: str) -> int | None:
    """A Chinese numeral below 10000 (十二, 二十五, 一百零五, 两千); None if malformed.

    Colloquial shorthand such as 一百五 (150, not 105) is refused rather than guessed.
    """
    if text in ("零", "〇"):
        return 0
    total = 0
    digit = -1
    digit_char = ""
    last_unit = 10000
    zero = False
    for ch in text:
        unit = _CN_UNITS.get(ch)
        if unit is None:
            value = _CN_DIGITS[ch]
            if value == 0:
                if digit != -1 or zero or total == 0:
                    return None
                zero = True
                continue
            if digit != -1:
                return None
            digit, digit_char = value, ch
            continue
        if unit >= last_unit:
            return None
        if digit == -1:
            if unit != 10 or total or zero:
                return None
            digit = 1  # 十二
        elif digit_char == "两" and unit == 10:
            return None
        if zero and unit * 10 >= last_unit:
            return None  # 零 must stand for a skipped place
        total += digit * unit
        last_unit, digit, digit_char, zero = unit, -1, "", False
    if digit != -1:
        if total and (digit_char == "两" or (last_unit > 10 and not zero)):
            return None
        total += digit
    elif zero:
        return None
    return total


def small_int(text: str) -> int:
    """A month, day or year written in digits or Chinese numerals (-1 if unreadable)."""
    if text.isascii():
        return int(text)
    if len(text) == 4 and all(c in _YEAR_DIGITS for c in text):
        return int("".join(str(_YEAR_DIGITS[c]) for c in text))  # 二〇二四, 二○二四
    value = cn_int(text)
    return -1 if value is None else value


# --------------------------------------------------------------------------
# Years
# --------------------------------------------------------------------------

#: Chinese year digits, with the circle ○ that is often typed for 〇.
YEAR_CN_DIGITS = "〇○零一二三四五六七八九"


@functools.cache
def _years() -> re.Pattern[str]:
    d = YEAR_CN_DIGITS
    return re.compile(
        rf"(?<![0-9])((?:19|20)[0-9]{{2}})\s*年|(?<![{d}])((?:一九|二[〇○零])[{d}]{{2}})\s*年"
    )


def years_in(text: str) -> tuple[int, ...]:
    """Every year from 1900 to 2099 that ``text`` writes before 年, in order.

    Years are read in digits (``2022年度``, full-width ``２０２２年``) and in Chinese
    digits (``二〇二二年度``, ``二零二二年``, ``二○二二年``); a longer run of digits
    (``12022年``) is not a year.
    """
    return tuple(
        int(m[1]) if m[1] is not None else small_int(m[2])
        for m in _years().finditer(text.translate(_TRANS))
    )


def year_of(text: str) -> int | None:
    """The first year ``text`` writes (a title names its budget year first), or None.

    ``year_of("二〇二二年度部门整体支出绩效自评报告") == 2022``; see :func:`years_in`.
    """
    found = years_in(text)
    return found[0] if found else None
