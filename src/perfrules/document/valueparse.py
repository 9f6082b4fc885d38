"""Read and write targets and actuals (年初目标值 / 实际完成值) as typed values.

:func:`parse_value` turns what a report writes in a target or actual cell --
``"≥12篇"``, ``"不少于200人次"``, ``"2种以上"``, ``"3万余人次"``, ``"12月底完成"``,
``"是"``, a bare number, or a table ``{op, value, unit}`` -- into one of the
classes of :mod:`perfrules.document.values`. Anything it does not understand becomes
:class:`~perfrules.document.values.Unparsed`: the parser never guesses and never raises
for text.

:func:`render_value` writes a value back in canonical form (``≥12篇``,
``3万余人次``, ``约95%``, ``12月底``), such that parsing the rendering gives an
equal value with the same Decimal exponent wherever the notation can express it.

Reading conventions (see also the tests, which list every form in the seeds):

* ``以上`` / ``以下`` / ``以内`` include the number (≥ / ≤), as in Chinese legal
  usage; ``达到`` and ``达`` mean ≥, ``超过`` and ``高于`` mean >, ``低于`` means <.
* A number with no operator is a :class:`~perfrules.document.values.Quantity`; what a
  bare target means (≥ or =) is left to the rules.
* ``万`` and ``亿`` after a number are multipliers (``3万人次`` is ``3E+4`` 人次),
  except in the units ``万元``, ``亿元`` and ``万页``; ``余`` between them decides
  (``3万余元`` is more than ``3E+4`` 元, ``30余万元`` more than 30 万元).
* Descriptive words before the value (``面积不低于100平方米``,
  ``社区居民宣传500人次以上``) are skipped only when the rest is a comparison (an
  operator before or after the number) and the words hold no negation, change,
  "per", ordinal or approximation word (不, 增长, 每, 第, 约 …); otherwise the text
  is unparsed.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal

from perfrules.document.values import (
    Approx,
    Comparison,
    Op,
    Qualitative,
    Quantity,
    Timing,
    TimingKind,
    Unparsed,
    Value,
)

__all__ = ["parse_value", "render_value"]

# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

_TRANS: dict[int, int | None] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII
_TRANS.update(
    {
        0x3000: 0x20,  # ideographic space
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

# Whitespace is dropped unless it separates two digits ("1 849" stays unreadable).
_SPACES = re.compile(r"\s+(?![0-9])|(?<![0-9])\s+")


def _normalise(text: str) -> str:
    text = text.translate(_TRANS)
    if not text.isprintable() or " " in text:
        text = _SPACES.sub("", text)
    return text


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

_GE, _GT, _LE, _LT, _EQ = Op.GE, Op.GT, Op.LE, Op.LT, Op.EQ

#: Operators written before the number.
_PREFIX_OPS: dict[str, Op] = {
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
        _PREFIX_OPS["不" + _modal + _word] = _GE
    for _word in ("超过", "高于", "大于", "多于"):
        _PREFIX_OPS["不" + _modal + _word] = _LE
del _modal, _word

#: Operators written after the number and unit; they include the number.
_SUFFIX_OPS: dict[str, Op] = {
    "及以上": _GE,
    "以上": _GE,
    "及以下": _LE,
    "以下": _LE,
    "以内": _LE,
    "之内": _LE,
}
#: Suffixes that make a quantity approximate.
_SUFFIX_APPROX = "左右"
_SUFFIXES = sorted([*_SUFFIX_OPS, _SUFFIX_APPROX], key=len, reverse=True)
_SUFFIX_TUPLE = tuple(_SUFFIXES)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_OPS_ALT = _alternation(_PREFIX_OPS)

#: Units that begin with 万/亿 but are units, not a multiplier and a unit.
_COMPOUND_UNITS = ("万元", "亿元", "万页")
#: Multipliers and their powers of ten.
_MULTIPLIERS = {"万": 4, "亿": 8, "万亿": 12}
_RENDER_MULTIPLIERS = ((4, "万"), (8, "亿"), (12, "万亿"))

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
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMERAL_CHARS = frozenset(_CN_DIGITS) | frozenset(_CN_UNITS) | {"万", "亿"}
#: Units that may begin with a numeral character.
_NUMERAL_UNIT_PREFIXES = (
    *_COMPOUND_UNITS,
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
_CN_NUMBER_UNITS = frozenset(
    [
        "人", "人次", "名", "户", "篇", "期", "次", "场", "场次", "种", "个", "份", "人份", "所",
        "家", "项", "台", "辆", "平方米", "万页", "万元", "亿元", "元", "%", "天", "日", "月",
        "个月", "年", "周", "小时", "分", "分钟", "批", "批次", "本", "册", "处", "件", "座", "支",
        "只", "套", "间", "条", "位", "例", "起", "班", "课时", "学时", "篇次", "期次", "人日",
        "个百分点",
    ]
)  # fmt: skip

_UNIT_CHARS = re.compile(r"(?:[^\W\d_]|[%‰/°℃²³㎡·])*")
_UNIT_BAD = re.compile(
    _alternation(
        [*_PREFIX_OPS, *_SUFFIX_OPS, _SUFFIX_APPROX, "余", "多", "约", "完成", "前", "底", "末"]
    )
)

# Words that must not appear in descriptive text skipped before a comparison: negations,
# changes and relative comparisons, "per", ordinals, approximations, before/after.
_LEAD_BAD = re.compile(
    r"不|未|非|没|否|禁|勿|无(?!偿)|较|同比|环比|相比|比上|比去|增长|增加|增幅|涨幅|降幅|减少|下降|降低"
    r"|上升|提高|提升|每|均|第|约|余|近|前|后"
)
_LEAD = re.compile(r"[\u4e00-\u9fff、]+?(?=" + _OPS_ALT + r"|[0-9])")
_OP_AT_START = re.compile(_OPS_ALT)

_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_CORE = re.compile(
    r"(?P<about>大约|约)?"
    r"(?P<op>" + _OPS_ALT + r")?"
    r"(?P<sign>[-+])?"
    r"(?P<pct>百分之)?"
    r"(?:(?P<an>" + _NUMBER + r")|(?P<cn>[零〇一二两三四五六七八九十百千]+))"
    r"(?P<yu1>[余多])?"
    r"(?P<mult>万亿|万|亿)?"
    r"(?P<yu2>[余多])?"
    r"(?P<rest>[^\s0-9]*)"
)
_PLAIN_NUMBER = re.compile(r"(?P<sign>[-+])?(?P<an>" + _NUMBER + r")")

_CN_SMALL = r"[0-9]{1,2}|[一二三四五六七八九十]{1,4}"
_YEAR = r"(?:(?P<y>[0-9]{4}|[〇零一二三四五六七八九]{4})年)"
_TIMING = re.compile(
    r"(?:于|在)?" + _YEAR + r"?(?P<m>" + _CN_SMALL + r")月(?:(?P<d>" + _CN_SMALL + r")[日号])?"
    r"(?P<end>底|末)?(?P<before>前|之前|以前)?(?P<done>完成)?"
)
_YEAR_END = re.compile(r"(?:于|在)?(?:" + _YEAR + r"|年)(?:(?:底|末)(?:前|之前|以前)?|内)(?:完成)?")
_MAX_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

#: Qualitative words: (family, canonical word, rank, top) by every spelling accepted.
_QUALITATIVE: dict[str, tuple[str, str, int, int]] = {}
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
    ("rating", 3, (("差",), ("一般",), ("较好",), ("好",))),
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
            _QUALITATIVE[_text] = (_family, _spellings[0], _rank, _top)
del _family, _top, _words, _rank, _spellings, _text

_SCHEDULE: dict[str, TimingKind] = {
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


def _shift(d: Decimal, power: int) -> Decimal:
    """``d`` times 10**power, exactly, keeping the coefficient (3 -> 3E+4)."""
    if not power:
        return d
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    return Decimal((sign, digits, exponent + power))


def _cn_int(text: str) -> int | None:
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


def _small_int(text: str) -> int:
    """A month, day or year written in digits or Chinese numerals (-1 if unreadable)."""
    if text.isascii():
        return int(text)
    if len(text) == 4 and all(c in _CN_DIGITS for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))  # 二〇二四
    value = _cn_int(text)
    return -1 if value is None else value


# --------------------------------------------------------------------------
# Parsing text
# --------------------------------------------------------------------------


def _unit_ok(unit: str, chinese_number: bool) -> bool:
    if not unit or unit in _CN_NUMBER_UNITS:  # the common units pass every check below
        return True
    if chinese_number:
        return unit in _CN_NUMBER_UNITS
    if unit[0] in _CN_NUMERAL_CHARS and not unit.startswith(_NUMERAL_UNIT_PREFIXES):
        return False
    return _UNIT_CHARS.fullmatch(unit) is not None and _UNIT_BAD.search(unit) is None


def _timing(text: str, raw: str) -> Timing | None:
    m = _TIMING.fullmatch(text)
    if m is None:
        m = _YEAR_END.fullmatch(text)
        if m is None:
            return None
        year = None if m["y"] is None else _small_int(m["y"])
        if year is not None and year < 1000:
            return None
        return Timing(TimingKind.DATE, year, 12, None, True, raw)
    y, d, end, before = m["y"], m["d"], m["end"], m["before"]
    if y is None and d is None and end is None and before is None and m["done"] is None:
        return None  # "10月" alone is a quantity of months
    if before is not None and d is None and end is None:
        return None  # "12月前": before December, or by its end? Not guessed.
    if end is not None and d is not None:
        return None
    month = _small_int(m["m"])
    if not 1 <= month <= 12:
        return None
    year = None
    if y is not None:
        year = _small_int(y)
        if year < 1000:
            return None
    day = None
    if d is not None:
        day = _small_int(d)
        limit = _MAX_DAYS[month - 1] if year is None else calendar.monthrange(year, month)[1]
        if not 1 <= day <= limit:
            return None
    return Timing(TimingKind.DATE, year, month, day, end is not None or before is not None, raw)


def _amount(m: re.Match[str], raw: str, lead: bool) -> Comparison | Quantity | None:
    """Build a comparison or quantity from a :data:`_CORE` match; None if it does not hold up."""
    about_word, op_word, sign, pct, an, cn, yu1, mult, yu2, unit = m.groups()
    if an is not None:
        value = Decimal(an.replace(",", "") if "," in an else an)
    else:
        n = 100 if cn == "百" and pct is not None else _cn_int(cn)  # 百分之百
        if n is None:
            return None
        value = Decimal(n)
    if sign == "-":
        value = value.copy_negate()
    more = yu1 is not None or yu2 is not None
    if more and yu1 is not None and yu2 is not None:
        return None
    if mult is not None:
        if yu2 is None and (mult + unit).startswith(_COMPOUND_UNITS):
            unit = mult + unit  # 42万页, 30余万元: the unit, not a multiplier
        else:
            value = _shift(value, _MULTIPLIERS[mult])
    op = None if op_word is None else _PREFIX_OPS[op_word]
    about = about_word is not None
    if unit.endswith(_SUFFIX_TUPLE):
        for suffix in _SUFFIXES:
            if unit.endswith(suffix):
                unit = unit[: -len(suffix)]
                if suffix == _SUFFIX_APPROX:
                    about = True
                else:
                    suffix_op = _SUFFIX_OPS[suffix]
                    if op is not None and op is not suffix_op:
                        return None  # e.g. 超过10人以上: > and ≥ at once
                    op = suffix_op
                break
    if pct is not None:
        if unit or mult is not None or more:
            return None
        unit = "%"
    if not _unit_ok(unit, cn is not None):
        return None
    if op is not None:
        if about or more:
            return None
        return Comparison(op, value, unit, raw)
    if lead or (about and more):
        return None
    approx = Approx.ABOUT if about else Approx.MORE if more else None
    return Quantity(value, unit, approx, raw)


@functools.lru_cache(maxsize=4096)
def _parse_text(raw: str) -> Value:
    text = _normalise(raw)
    if not text:
        return Unparsed(raw)
    q = _QUALITATIVE.get(text)
    if q is not None:
        return Qualitative(*q, raw=raw)
    kind = _SCHEDULE.get(text)
    if kind is not None:
        return Timing(kind, raw=raw)
    if "月" in text or "年" in text:
        timing = _timing(text, raw)
        if timing is not None:
            return timing
    m = _CORE.fullmatch(text)
    if m is not None:
        result = _amount(m, raw, lead=False)
        if result is not None:
            return result
    # Descriptive words before an explicit comparison: 面积不低于100平方米.
    # (Never when the text starts with an operator: 超过10人以上 must not skip 超过.)
    lead = None if _OP_AT_START.match(text) else _LEAD.match(text)
    if lead is not None and _LEAD_BAD.search(lead.group()) is None:
        m = _CORE.fullmatch(text, lead.end())
        if m is not None and m["about"] is None:
            result = _amount(m, raw, lead=True)
            if result is not None:
                return result
    return Unparsed(raw)


# --------------------------------------------------------------------------
# Parsing numbers and tables
# --------------------------------------------------------------------------

#: Numbers given as numbers (not text) must have exponents within these bounds, which keeps
#: their rendering short; the loader applies its own, tighter limits first.
_MAX_EXPONENT = 100


def _number(value: object, what: str) -> Decimal:
    """An int, Decimal or plain numeric string as a finite Decimal; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(f"{what} must be a number, not a boolean")
    if isinstance(value, int):
        if value.bit_length() > 3 * _MAX_EXPONENT:
            raise ValueError(f"{what} is out of range")
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{what} {value} is not a finite number")
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        if not -_MAX_EXPONENT <= exponent <= _MAX_EXPONENT or value.adjusted() > _MAX_EXPONENT:
            raise ValueError(f"{what} {value} is out of range")
        return value
    if isinstance(value, float):
        raise ValueError(
            f"{what} must not be a float: give a Decimal or a string to keep its written precision"
        )
    if isinstance(value, str):
        m = _PLAIN_NUMBER.fullmatch(_normalise(value))
        if m is None:
            raise ValueError(f"{what} must be a number, got {value!r}")
        d = Decimal(m["an"].replace(",", ""))
        return d.copy_negate() if m["sign"] == "-" else d
    raise ValueError(f"{what} must be a number, got {type(value).__name__}")


def _table_op(op: object) -> Op:
    if isinstance(op, Op):
        return op
    if isinstance(op, str):
        text = _normalise(op)
        found = _PREFIX_OPS.get(text) or _SUFFIX_OPS.get(text)
        if found is not None:
            return found
    raise ValueError(f"unknown comparison operator {op!r}: use one of >=, >, <=, <, =")


def _table_unit(unit: object) -> tuple[int, str]:
    """(power of ten, unit) for a table's unit: "万人次" is 10**4 人次, "万元" stays a unit."""
    if not isinstance(unit, str):
        raise ValueError(f"a value table's 'unit' must be a string, got {type(unit).__name__}")
    text = _normalise(unit)
    power = 0
    if not text.startswith(_COMPOUND_UNITS):
        for word in ("万亿", "万", "亿"):
            if text.startswith(word):
                power, text = _MULTIPLIERS[word], text[len(word) :]
                break
    if not _unit_ok(text, chinese_number=False):
        raise ValueError(f"unit {unit!r} is not understood")
    return power, text


def _parse_table(table: Mapping[str, object]) -> Comparison | Quantity:
    unknown = [key for key in table if key not in ("op", "value", "unit")]
    if unknown:
        names = ", ".join(repr(k) for k in unknown)
        raise ValueError(f"unknown key(s) {names} in a value table: expected op, value, unit")
    if "value" not in table:
        raise ValueError("a value table needs a 'value'")
    value = _number(table["value"], "a value table's 'value'")
    power, unit = _table_unit(table.get("unit", ""))
    value = _shift(value, power)
    if "op" not in table or table["op"] is None:
        return Quantity(value, unit)
    return Comparison(_table_op(table["op"]), value, unit)


def parse_value(raw: str | int | Decimal | Mapping[str, object]) -> Value:
    """Read a target or actual as written.

    Text never raises: what is not understood becomes :class:`Unparsed` with the
    text as written; every other result keeps it in ``raw`` as well. An ``int``
    or ``Decimal`` is a unitless :class:`Quantity` (``raw`` None). A table
    ``{op, value, unit}`` (``op`` optional: without it the value is a Quantity)
    raises ``ValueError`` with an English message when it is malformed, as do
    non-finite or out-of-range numbers and values of other types. ``bool`` is
    not a value here and raises ``TypeError``.
    """
    if type(raw) is str:
        return _parse_text(raw)
    if isinstance(raw, bool):
        raise TypeError("a boolean is not a target or actual value")
    if isinstance(raw, str):
        return _parse_text(str(raw))
    if isinstance(raw, (int, Decimal)):
        return Quantity(_number(raw, "a number"), "")
    if isinstance(raw, Mapping):
        return _parse_table(raw)
    raise ValueError(
        f"a target or actual must be text, a number or a table, got {type(raw).__name__}"
    )


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
    for power, word in _RENDER_MULTIPLIERS:
        if exponent <= power:
            candidate = f"{prefix}{_shift(value, -power):f}{word}{yu}{unit}"
            back = _parse_text(candidate)
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
