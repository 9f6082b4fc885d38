"""The catalogue of names expressions may use: the functions they may call, the model's field names.

Only these functions exist in the language, called by bare name with
positional arguments (:data:`FUNCTIONS`; their arity is checked when the rule
loads), and only the model's field names may follow a ``.``
(:func:`model_attributes`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from perfrules.document.figures import half_ulp
from perfrules.messages import evaluation as msg
from perfrules.rules.expr.grammar import MAX_ITEMS, MAX_ROUND
from perfrules.rules.expr.runtime import Refused, as_number, kind_of

__all__ = ["ARITHMETIC_FUNCTIONS", "FUNCTIONS", "SIGNATURES", "model_attributes"]

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


def _items(x: object, fname: str) -> Iterable[object]:
    if isinstance(x, (tuple, list)):
        return x
    raise Refused(msg.NeedsList(function=fname, kind=kind_of(x)), missing=x is None)


def _f_sum(items: object) -> Decimal:
    """Sum of the list's numbers, None items skipped; 0 for an empty list."""
    total = _ZERO
    for x in _items(items, "sum"):
        if x is not None:
            total += as_number(x, "sum()")
    return total


def _f_abs(x: object) -> Decimal:
    """Absolute value."""
    return abs(as_number(x, "abs()"))


def _extremes(args: tuple[object, ...], fname: str) -> list[Any]:
    values = _items(args[0], fname) if len(args) == 1 else args
    return [x for x in values if x is not None]


def _f_min(*args: object) -> object:
    """Smallest of one list or of several arguments, None skipped; None when nothing is left."""
    values = _extremes(args, "min")
    return min(values) if values else None


def _f_max(*args: object) -> object:
    """Largest of one list or of several arguments, None skipped; None when nothing is left."""
    values = _extremes(args, "max")
    return max(values) if values else None


def _f_len(x: object) -> Decimal:
    """Number of characters of text or items of a list."""
    if isinstance(x, (str, tuple, list)):
        return Decimal(len(x))
    raise Refused(msg.LenNeeds(kind=kind_of(x)), missing=x is None)


def _f_any(items: object) -> bool:
    """True when some item is truthy."""
    return any(_items(items, "any"))


def _f_all(items: object) -> bool:
    """True when every item is truthy (True for an empty list)."""
    return all(_items(items, "all"))


def _f_count(items: object) -> Decimal:
    """Number of truthy items."""
    return Decimal(sum(1 for x in _items(items, "count") if x))


def _f_round(x: object, places: object = _ZERO) -> Decimal:
    """``x`` rounded half up (四舍五入) to ``places`` decimal places (negative: tens …)."""
    value = as_number(x, "round()")
    p = as_number(places, "round()")
    if p != p.to_integral_value() or not -MAX_ROUND <= p <= MAX_ROUND:
        raise Refused(msg.RoundPlaces(low=-MAX_ROUND, high=MAX_ROUND, found=p))
    return value.quantize(Decimal(1).scaleb(-int(p)), rounding=ROUND_HALF_UP)


def _f_close(a: object, b: object) -> bool:
    """True when ``a`` and ``b`` agree within half a unit in the last place of the less precise."""
    da = as_number(a, "close()")
    db = as_number(b, "close()")
    exponent = max(int(da.as_tuple().exponent), int(db.as_tuple().exponent))
    return abs(da - db) <= half_ulp(exponent)


def _f_ratio(a: object, b: object) -> Decimal | None:
    """``a / b * 100`` (a percentage); None when ``b`` is 0 or either is None."""
    if a is None or b is None:
        return None
    da = as_number(a, "ratio()")
    db = as_number(b, "ratio()")
    if not db:
        return None
    return da * _HUNDRED / db


def _f_defined(x: object) -> bool:
    """True when ``x`` is not None."""
    return x is not None


#: The functions user expressions may call: name -> (implementation, min args, max args).
SIGNATURES: Mapping[str, tuple[Callable[..., object], int, int]] = {
    "abs": (_f_abs, 1, 1),
    "all": (_f_all, 1, 1),
    "any": (_f_any, 1, 1),
    "close": (_f_close, 2, 2),
    "count": (_f_count, 1, 1),
    "defined": (_f_defined, 1, 1),
    "len": (_f_len, 1, 1),
    "max": (_f_max, 1, MAX_ITEMS),
    "min": (_f_min, 1, MAX_ITEMS),
    "ratio": (_f_ratio, 2, 2),
    "round": (_f_round, 1, 2),
    "sum": (_f_sum, 1, 1),
}

#: Functions that compute with Decimals (the others only compare, test or count).
ARITHMETIC_FUNCTIONS = frozenset({"abs", "close", "ratio", "round", "sum"})

#: Names of the functions expressions may call.
FUNCTIONS: frozenset[str] = frozenset(SIGNATURES)


@functools.cache
def model_attributes() -> frozenset[str]:
    """Every field name of the model classes in :mod:`perfrules.document.model` and :mod:`perfrules.document.values`.

    A convenient ``attributes`` argument for :func:`~perfrules.rules.expr.compile_expression`.
    """
    from perfrules.document import model, values

    names: set[str] = set()
    for module in (model, values):
        for export in module.__all__:
            obj = getattr(module, export)
            if isinstance(obj, type) and attrs.has(obj):
                names.update(f.name for f in attrs.fields(obj))
    return frozenset(n for n in names if not n.startswith("_"))
