"""Reading a target or actual (text, number or ``{op, value, unit}`` table) as a typed value.

:func:`parse_value` is the entry point; :func:`parse_text` reads text (cached:
reports repeat their values) and never raises, giving
:class:`~perfrules.document.values.Unparsed` for what it does not understand.
The grammar is the regular expressions below over the words of
:mod:`~perfrules.document.valueparse.words`.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Mapping
from decimal import Decimal

from perfrules.document.valueparse.forms import rare_form
from perfrules.document.valueparse.words import (
    CN_NUMBER_UNITS,
    CN_NUMERAL_CHARS,
    COMPOUND_UNITS,
    MULTIPLIERS,
    NUMERAL_UNIT_PREFIXES,
    OPS_ALT,
    PREFIX_OPS,
    QUALITATIVE,
    SCHEDULE,
    SUFFIX_APPROX,
    SUFFIX_OPS,
    SUFFIX_TUPLE,
    SUFFIXES,
    YEAR_CN_DIGITS,
    alternation,
    cn_int,
    normalise,
    shift,
    small_int,
)
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

__all__ = ["parse_text", "parse_value"]

# --------------------------------------------------------------------------
# Grammar
# --------------------------------------------------------------------------


def _lazy(pattern: str) -> Callable[[], re.Pattern[str]]:
    """``pattern``, compiled on first use: most values never need it, and compiling costs start-up."""
    return functools.cache(lambda: re.compile(pattern))


_UNIT_CHARS = _lazy(r"(?:[^\W\d_]|[%‰/°℃²³㎡·])*")
_UNIT_BAD = _lazy(
    alternation(
        [*PREFIX_OPS, *SUFFIX_OPS, SUFFIX_APPROX, "余", "多", "约", "完成", "前", "底", "末", "第"]
    )
)

# Words that must not appear in descriptive text skipped before a comparison: negations,
# changes and relative comparisons, "per", ordinals, approximations, before/after.
_LEAD_BAD = _lazy(
    r"不|未|非|没|否|禁|勿|无(?!偿)|较|同比|环比|相比|比上|比去|增长|增加|增幅|涨幅|降幅|减少|下降|降低"
    r"|上升|提高|提升|每|均|第|约|余|近|前|后"
)
_LEAD = _lazy(r"[\u4e00-\u9fff、]+?(?=" + OPS_ALT + r"|[0-9])")
_OP_AT_START = _lazy(OPS_ALT)

# Thousands are separated by commas or by single spaces (1,849 and 1 849), never a mix. The
# plain number comes first (the common case); it may not stop before a separator and a digit.
_NUMBER = (
    r"[0-9]+(?![, ][0-9])(?:\.[0-9]+)?"
    r"|[0-9]{1,3}(?:(?:,[0-9]{3})+|(?: [0-9]{3})+)(?:\.[0-9]+)?"
)
_CORE = re.compile(
    r"(?P<about>大约|约)?"
    r"(?P<op>" + OPS_ALT + r")?"
    r"(?P<sign>[-+])?"
    r"(?P<pct>百分之)?"
    r"(?:(?P<an>" + _NUMBER + r")|(?P<cn>[零〇一二两三四五六七八九十百千]+))"
    r"(?P<yu1>[余多])?"
    r"(?P<mult>万亿|万|亿)?"
    r"(?P<yu2>[余多])?"
    r"(?P<rest>[^\s0-9]*)"
)
_PLAIN_NUMBER = _lazy(r"(?P<sign>[-+])?(?P<an>" + _NUMBER + r")")

_CN_SMALL = r"[0-9]{1,2}|[一二三四五六七八九十]{1,4}"
_YEAR = r"(?:(?P<y>[0-9]{4}|[" + YEAR_CN_DIGITS + r"]{4})年)"
_TIMING = re.compile(
    r"(?:于|在)?" + _YEAR + r"?(?P<m>" + _CN_SMALL + r")月(?:(?P<d>" + _CN_SMALL + r")[日号])?"
    r"(?P<end>底|末)?(?P<before>前|之前|以前)?(?P<done>完成)?"
)
_YEAR_END = _lazy(
    r"(?:于|在)?(?:本|当)?(?:" + _YEAR + r"|年)度?(?:(?:底|末)(?:前|之前|以前)?|内)(?:完成)?"
)
_MAX_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# --------------------------------------------------------------------------
# Parsing text
# --------------------------------------------------------------------------


def _unit_ok(unit: str, chinese_number: bool) -> bool:
    if not unit or unit in CN_NUMBER_UNITS:  # the common units pass every check below
        return True
    if chinese_number:
        return unit in CN_NUMBER_UNITS
    if unit[0] in CN_NUMERAL_CHARS and not unit.startswith(NUMERAL_UNIT_PREFIXES):
        return False
    return _UNIT_CHARS().fullmatch(unit) is not None and _UNIT_BAD().search(unit) is None


def _timing(text: str, raw: str) -> Timing | None:
    m = _TIMING.fullmatch(text)
    if m is None:
        m = _YEAR_END().fullmatch(text)
        if m is None:
            return None
        year = None if m["y"] is None else small_int(m["y"])
        if year is not None and year < 1000:
            return None
        return Timing(TimingKind.DATE, year, 12, None, True, raw)
    y, d, end, before = m["y"], m["d"], m["end"], m["before"]
    if y is None and d is None and end is None and before is None and m["done"] is None:
        return None  # "10月" alone is a quantity of months
    if end is not None and d is not None:
        return None
    month = small_int(m["m"])
    if not 1 <= month <= 12:
        return None
    year = None
    if y is not None:
        year = small_int(y)
        if year < 1000:
            return None
    day = None
    if d is not None:
        day = small_int(d)
        limit = _MAX_DAYS[month - 1] if year is None else calendar.monthrange(year, month)[1]
        if not 1 <= day <= limit:
            return None
    return Timing(TimingKind.DATE, year, month, day, end is not None or before is not None, raw)


def _amount(m: re.Match[str], raw: str, lead: bool) -> Comparison | Quantity | None:
    """Build a comparison or quantity from a :data:`_CORE` match; None if it does not hold up."""
    about_word, op_word, sign, pct, an, cn, yu1, mult, yu2, unit = m.groups()
    if an is not None:
        value = Decimal(an if an.isdigit() else an.replace(",", "").replace(" ", ""))
    else:
        n = 100 if cn == "百" and pct is not None else cn_int(cn)  # 百分之百
        if n is None:
            return None
        value = Decimal(n)
    if sign == "-":
        value = value.copy_negate()
    more = yu1 is not None or yu2 is not None
    if more and yu1 is not None and yu2 is not None:
        return None
    if mult is not None:
        if yu2 is None and (mult + unit).startswith(COMPOUND_UNITS):
            unit = mult + unit  # 42万页, 30余万元: the unit, not a multiplier
        else:
            value = shift(value, MULTIPLIERS[mult])
    op = None if op_word is None else PREFIX_OPS[op_word]
    about = about_word is not None
    if unit.endswith(SUFFIX_TUPLE):
        for suffix in SUFFIXES:
            if unit.endswith(suffix):
                unit = unit[: -len(suffix)]
                if suffix == SUFFIX_APPROX:
                    about = True
                else:
                    suffix_op = SUFFIX_OPS[suffix]
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
def parse_text(raw: str) -> Value:
    text = normalise(raw)
    if not text:
        return Unparsed(raw)
    q = QUALITATIVE.get(text)
    if q is not None:
        return Qualitative(*q, raw=raw)
    kind = SCHEDULE.get(text)
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
    lead = None if _OP_AT_START().match(text) else _LEAD().match(text)
    if lead is not None and _LEAD_BAD().search(lead.group()) is None:
        m = _CORE.fullmatch(text, lead.end())
        if m is not None and m["about"] is None:
            result = _amount(m, raw, lead=True)
            if result is not None:
                return result
    rare = rare_form(text, raw)
    if rare is not None:
        return rare
    # 100%完成, 完成100%: the share of the work done
    core = text[:-2] if text.endswith("完成") else text[2:] if text.startswith("完成") else ""
    m = _CORE.fullmatch(core) if core else None
    if m is not None:
        done = _amount(m, raw, lead=False)
        if done is not None and done.unit == "%":
            return done
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
        m = _PLAIN_NUMBER().fullmatch(normalise(value))
        if m is None:
            raise ValueError(f"{what} must be a number, got {value!r}")
        d = Decimal(m["an"].replace(",", "").replace(" ", ""))
        return d.copy_negate() if m["sign"] == "-" else d
    raise ValueError(f"{what} must be a number, got {type(value).__name__}")


def _table_op(op: object) -> Op:
    if isinstance(op, Op):
        return op
    if isinstance(op, str):
        text = normalise(op)
        found = PREFIX_OPS.get(text) or SUFFIX_OPS.get(text)
        if found is not None:
            return found
    raise ValueError(f"unknown comparison operator {op!r}: use one of >=, >, <=, <, =")


def _table_unit(unit: object) -> tuple[int, str]:
    """(power of ten, unit) for a table's unit: "万人次" is 10**4 人次, "万元" stays a unit."""
    if not isinstance(unit, str):
        raise ValueError(f"a value table's 'unit' must be a string, got {type(unit).__name__}")
    text = normalise(unit)
    power = 0
    if not text.startswith(COMPOUND_UNITS):
        for word in ("万亿", "万", "亿"):
            if text.startswith(word):
                power, text = MULTIPLIERS[word], text[len(word) :]
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
    value = shift(value, power)
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
        return parse_text(raw)
    if isinstance(raw, bool):
        raise TypeError("a boolean is not a target or actual value")
    if isinstance(raw, str):
        return parse_text(str(raw))
    if isinstance(raw, (int, Decimal)):
        return Quantity(_number(raw, "a number"), "")
    if isinstance(raw, Mapping):
        return _parse_table(raw)
    raise ValueError(
        f"a target or actual must be text, a number or a table, got {type(raw).__name__}"
    )
