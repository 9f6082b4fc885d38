"""Units of targets and actuals: which can be compared, and at what scale.

``42万页`` and ``420000页`` measure the same thing: a leading 万 or 亿 on a unit is
a multiplier. Counting words that reports use interchangeably (期/次/场,
名/人) compare as the same unit; other units are compared as written.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["canonical", "same_unit"]

_MULTIPLIERS = {"万": 4, "亿": 8}

#: Counting words reports use interchangeably for the same thing, and the one they stand for:
#: sessions (期 batches, 次 times, 场 events) and people (名 is 人 counted formally).
EQUIVALENT: dict[str, str] = {"期": "次", "场": "次", "名": "人"}


def canonical(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """``(value, unit)`` with a leading 万/亿 folded into the value: (42, 万页) → (4.2E+5, 页)."""
    folded = _FOLDED.get(unit)
    if folded is None:
        text = unit.strip()
        power = 0
        if len(text) > 1 and text[0] in _MULTIPLIERS:
            power, text = _MULTIPLIERS[text[0]], text[1:]
        folded = (power, EQUIVALENT.get(text, text))
        if len(_FOLDED) < 4096:
            _FOLDED[unit] = folded
    power, canon = folded
    return (value.scaleb(power) if power else value), canon


#: A unit as written → (its power of ten, the unit it folds to); reports use a few dozen.
_FOLDED: dict[str, tuple[int, str]] = {}


def same_unit(a: str, b: str) -> bool:
    """True when two units measure the same thing (after folding 万/亿)."""
    return canonical(Decimal(1), a)[1] == canonical(Decimal(1), b)[1]
