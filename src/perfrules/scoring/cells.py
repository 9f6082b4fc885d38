"""How a target or actual cell is read before scoring: a blank or dash-only cell is not filled in, 无 is none only where the other cell aims at none.

Before any scoring strategy (:mod:`perfrules.scoring.strategies`), :func:`read_values` reads the cells that hold no
written value: a cell left blank, or holding only dashes, slashes or dots
(``—``, ``/``, as exported tables write an empty cell), is not filled in;
``无`` (暂无, 没有) means "none" — zero, or 否 — where the other cell says
none is the aim (``0起``, ``否``, ``无``, ``零事故`` …: 无 as the actual of
``0起`` is met), and is not filled in otherwise (无 against ``≥100人`` or
``≤1起`` states no result). The rules read the cells the same way.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from perfrules.document.model import Indicator
from perfrules.document.values import Comparison, Op, Qualitative, Quantity, Unparsed, Value

__all__ = ["TEXT_FLAGS", "WRITTEN", "read_value", "read_values"]

_ZERO = Decimal(0)

#: A cell with nothing in it: blank, or only dashes, slashes and dots, or N/A.
_BLANK = re.compile(r"[\s\u3000\-‐‑‒–—―─－/／\\.。·…]*|[Nn]/?[Aa]")
#: The words for "none": a value only where the other cell aims at none.
_NONE_WORDS = frozenset({"无", "暂无", "没有"})
#: A target or actual written as a none: 无重大安全事故, 零事故, 未发生, 杜绝… (not 无法, 无偿).
_NONE_TEXT = re.compile(r"(?:无(?![法偿])|暂无|零|没有|未发生|不发生|杜绝)")


def _aims_at_none(other: Value | None) -> bool:
    """True when the other cell of the row says none is the aim or the result: 0, 否, 无, 零事故 ….

    A ≤ target that is not zero (≤1起, ≤95.81万元) is no such sign: 无 against
    it may as well be a cell left unfilled.
    """
    if isinstance(other, (Comparison, Quantity)):
        return other.value == 0
    if isinstance(other, Qualitative):
        return other.family == "yes_no" and other.rank == 0
    if isinstance(other, Unparsed):
        return _NONE_TEXT.match(other.raw.strip()) is not None
    return False


#: (blank, a none word) of a cell's text; WRITTEN when it is neither (most cells).
WRITTEN = (False, False)
TEXT_FLAGS: dict[str, tuple[bool, bool]] = {}
TEXT_FLAGS_MAX = 4096


def _text_flags(raw: str) -> tuple[bool, bool]:
    """Whether a cell's text is blank (dashes, slashes …) and whether it is a bare none word."""
    text = raw.strip()
    blank = _BLANK.fullmatch(text) is not None
    none = text in _NONE_WORDS
    flags = WRITTEN if not blank and not none else (blank, none)
    if len(TEXT_FLAGS) < TEXT_FLAGS_MAX:
        TEXT_FLAGS[raw] = flags
    return flags


def read_value(value: Value | None, other: Value | None, *, target: bool) -> Value | None:
    """A target (``target=True``) or actual as judged next to the ``other`` cell of its row.

    None when nothing is filled in: no value, a blank or dash-only cell, or
    无 where the other cell does not aim at none. 无 where it does reads as
    否 against 否 and as zero otherwise (``=0`` as a target, ``0`` as an actual,
    in the other cell's unit). Every other value is returned as it is.
    """
    if value is None:
        return None
    raw = value.raw
    if raw is None:
        return value  # given as a number or a table: filled in
    flags = TEXT_FLAGS.get(raw)
    if flags is None:
        flags = _text_flags(raw)
    if flags is WRITTEN:
        return value  # the common case: a value written out
    if flags[0] and isinstance(value, Unparsed):
        return None
    if not flags[1]:
        return value  # 零事故, 无安全事故 … say none in so many words: read as parsed (= 0)
    if not _aims_at_none(other):
        return None
    if isinstance(other, Qualitative):
        return attrs.evolve(other, raw=raw)
    unit = other.unit if isinstance(other, (Comparison, Quantity)) else ""
    if target:
        return Comparison(Op.EQ, _ZERO, unit, raw=raw)
    return Quantity(_ZERO, unit, raw=raw)


def read_values(ind: Indicator) -> tuple[Value | None, Value | None]:
    """The indicator's target and actual as judged (:func:`read_value`)."""
    target, actual = ind.target, ind.actual
    if target is not None and actual is not None:
        # read_value, provably short: a value given as a number (raw None) or written
        # out (flags WRITTEN) is read as it is, whatever the other cell holds
        raw = target.raw
        if raw is None or TEXT_FLAGS.get(raw) is WRITTEN:
            raw = actual.raw
            if raw is None or TEXT_FLAGS.get(raw) is WRITTEN:
                return target, actual
    return (
        read_value(target, actual, target=True),
        read_value(actual, target, target=False),
    )
