"""An Excel cell's value as the sheet shows it: numbers through their number format, dates as text.

Excel stores a number as a binary float and shows it through the cell's
number format. :func:`cell_text` reproduces the shown text without float
arithmetic: the float's shortest decimal form (``repr``: the digits Excel
wrote) becomes a :class:`~decimal.Decimal`, which is rounded half away from
zero to the format's places.

- ``General`` (and any format this module does not render: fractions,
  scientific, conditions) shows the number to Excel's 15 significant digits,
  without trailing zeros: ``202.98``, ``1849``, ``0.3`` for
  0.30000000000000004;
- digit formats (``0``, ``0.00``, ``#,##0.00``, ``0.00%``, ``0.00"万元"``,
  ``[Red]``, ``_)`` padding, two or three ``;`` sections) are rendered;
- a date, a time or both show through their format when it is made of
  ``y m d h s`` and literals (``yyyy"年"m"月"d"日"`` → ``2024年4月15日``),
  else (the locale's short date, month names) as ISO ``2024-04-15``;
- booleans show as ``TRUE``/``FALSE``, text as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["cell_text", "format_number"]

_BRACKET = re.compile(r"\[[^\]]*\]")
_CURRENCY = re.compile(r"\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]")


def cell_text(value: object, number_format: str | None) -> str:
    """The text a cell holding ``value`` shows under ``number_format``."""
    fmt = number_format or "General"
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        try:
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            return str(value)
        if not number.is_finite():
            return str(value)
        return format_number(number, fmt)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return _format_date(value, fmt)
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def _general(number: Decimal) -> str:
    """The number to 15 significant digits, no exponent, no trailing zeros."""
    if number == 0:
        return "0"
    digits = number.adjusted() + 1
    places = max(0, 15 - digits)
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _sections(fmt: str) -> list[str]:
    """The ``;``-separated sections of a format, quotes and escapes respected."""
    sections, current, quoted, escaped = [], [], False, False
    for ch in fmt:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            current.append(ch)
            escaped = True
        elif ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch == ";" and not quoted:
            sections.append("".join(current))
            current = []
        else:
            current.append(ch)
    sections.append("".join(current))
    return sections


def _tokens(section: str) -> list[tuple[str, str]] | None:
    """A number section as (kind, text) tokens: ``lit`` or ``num`` (the digit pattern)."""
    section = _CURRENCY.sub(lambda m: '"' + m.group(1) + '"', section)
    if re.search(r"\[[<>=]", section):
        return None  # a condition
    section = _BRACKET.sub("", section)
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            tokens.append(("lit", section[i + 1 : end]))
            i = end + 1
            continue
        if ch == "\\" and i + 1 < len(section):
            tokens.append(("lit", section[i + 1]))
            i += 2
            continue
        if ch in "_*" and i + 1 < len(section):
            i += 2  # padding and fill: no visible character
            continue
        if ch in "0#?.,%":
            tokens.append(("num", ch))
        elif ch in "eE/@":
            return None  # scientific, fraction, text: shown as General
        else:
            tokens.append(("lit", ch))
        i += 1
    return tokens


def format_number(number: Decimal, fmt: str) -> str:
    """``number`` shown under Excel number format ``fmt``."""
    sections = _sections(fmt)
    negative = number < 0
    if negative and len(sections) >= 2 and sections[1].strip():
        section, sign, number = sections[1], "", -number
    elif number == 0 and len(sections) >= 3 and sections[2].strip():
        section, sign = sections[2], ""
    else:
        section, sign = sections[0], "-" if negative else ""
        number = abs(number)
    if section.strip().lower() in ("general", ""):
        return sign + _general(number)
    tokens = _tokens(section)
    if tokens is None or not any(k == "num" and t in "0#?" for k, t in tokens):
        if tokens is not None and not any(k == "num" for k, _ in tokens):
            return "".join(t for _, t in tokens)  # all literal: "-" for zero, say
        return sign + _general(number)
    kinds = [k for k, _ in tokens]
    first = kinds.index("num")
    last = len(kinds) - 1 - kinds[::-1].index("num")
    if "lit" in kinds[first:last]:
        return sign + _general(number)  # literals between digits: not rendered
    pattern = "".join(t for _, t in tokens[first : last + 1])
    prefix = "".join(t for _, t in tokens[:first])
    suffix = "".join(t for _, t in tokens[last + 1 :])
    percent = pattern.count("%")
    pattern = pattern.replace("%", "")
    scale = len(pattern) - len(pattern.rstrip(","))
    pattern = pattern.rstrip(",")
    integer, _, fraction = pattern.partition(".")
    value = number.scaleb(2 * percent - 3 * scale)
    places = sum(1 for c in fraction if c in "0#?")
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, decimals = f"{rounded:f}".partition(".")
    minimum = integer.count("0")
    whole = whole.lstrip("0")
    whole = whole.rjust(minimum, "0")
    if "," in integer and whole:
        whole = f"{int(whole):,}"
    placeholders = [c for c in fraction if c in "0#?"]
    keep = len(decimals)
    while keep > 0 and decimals[keep - 1] == "0" and placeholders[keep - 1] != "0":
        keep -= 1
    shown = whole + ("." + decimals[:keep] if "." in pattern else "")
    if sign and rounded == 0:
        sign = ""
    percent_sign = "%" * percent
    return sign + prefix + shown + percent_sign + suffix


_DATE_TOKEN = re.compile(
    r'"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p|.', re.I
)


def _format_date(value: dt.date | dt.time, fmt: str) -> str:
    """A date or time through a ``y m d h s`` format, else in ISO form."""
    fmt = re.sub(r"\[\$-[0-9A-Fa-f]{1,4}\]", "", fmt)  # a plain locale tag only
    tokens = _DATE_TOKEN.findall(fmt)
    out: list[str] = []
    hour_seen = False
    for i, token in enumerate(tokens):
        low = token.lower()
        if token.startswith('"'):
            out.append(token[1:-1])
        elif token.startswith("\\"):
            out.append(token[1:])
        elif low in ("yyyy", "yy") and isinstance(value, dt.date):
            out.append(f"{value.year:04d}" if low == "yyyy" else f"{value.year % 100:02d}")
        elif low in ("m", "mm"):
            after_seconds = any(t.lower() in ("s", "ss") for t in tokens[i + 1 : i + 3])
            if hour_seen or after_seconds:
                minute = value.minute if isinstance(value, (dt.time, dt.datetime)) else 0
                out.append(f"{minute:02d}" if low == "mm" else str(minute))
            elif isinstance(value, dt.date):
                out.append(f"{value.month:02d}" if low == "mm" else str(value.month))
            else:
                return _iso(value)
        elif low in ("d", "dd") and isinstance(value, dt.date):
            out.append(f"{value.day:02d}" if low == "dd" else str(value.day))
        elif low in ("h", "hh", "s", "ss"):
            if not isinstance(value, (dt.time, dt.datetime)):
                out.append("00" if len(low) == 2 else "0")
                continue
            number = value.hour if low[0] == "h" else value.second
            hour_seen = hour_seen or low[0] == "h"
            out.append(f"{number:02d}" if len(low) == 2 else str(number))
        elif (token.isalpha() and token.isascii()) or token.startswith("["):
            return _iso(value)  # month or weekday names, AM/PM, elapsed time, DBNum
        else:
            out.append(token)
    if fmt.lower() in ("mm-dd-yy", "general", ""):
        return _iso(value)  # the locale's short date (built-in format 14)
    return "".join(out)


def _iso(value: dt.date | dt.time) -> str:
    """A date, time or both in ISO form, midnight left out."""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.isoformat(timespec="seconds")
