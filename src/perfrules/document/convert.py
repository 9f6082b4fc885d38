"""The one cattrs converter that turns documents into model objects and back.

Structuring is strict: a string is not silently turned into a number or the
reverse, booleans are not integers, unknown keys are refused, and figures
must be finite and of a sane size. Hooks raise :class:`BadValue` carrying a
problem code and parameters; :mod:`perfrules.document.loader` walks cattrs' exception
groups into :class:`~perfrules.errors.Problem` objects with key paths.

Money needs the report's ``money_unit`` to be normalised; the loader sets it
in :data:`MONEY_UNIT` (a context variable, so loading is thread-safe) before
structuring.
"""

from __future__ import annotations

import contextvars
import datetime
import decimal
import enum
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, Optional, TypeVar

import attrs
import cattrs
from cattrs._compat import is_hetero_tuple, is_mapping, is_sequence
from cattrs.cols import homogenous_tuple_structure_factory, list_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from perfrules.document import model
from perfrules.document.figures import (
    MONEY_UNITS,
    Money,
    Percent,
    exponent_of,
    parse_money,
    parse_percent,
)
from perfrules.document.valueparse import parse_value, render_value
from perfrules.document.values import Comparison, Qualitative, Quantity, Timing, Unparsed, Value
from perfrules.errors import Problem
from perfrules.messages import document as msg

__all__ = [
    "MAX_DIGITS",
    "MAX_PLACES",
    "MONEY_UNIT",
    "BadValue",
    "converter",
    "structure",
    "type_problem",
    "walk_errors",
]

T = TypeVar("T")

#: Figures must be below 10**MAX_DIGITS in magnitude ...
MAX_DIGITS = 15
#: ... and have at most MAX_PLACES decimal places (after unit normalisation: 元 in a 万元 report adds 4).
MAX_PLACES = 12

#: The money unit of the report being structured (``[report].money_unit``).
MONEY_UNIT: contextvars.ContextVar[str] = contextvars.ContextVar("MONEY_UNIT", default="万元")


class BadValue(ValueError):
    """A value that does not fit its field; ``code`` and ``params`` name the problem."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code, params)


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, Decimal, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "table"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, datetime.date):
        return "date"
    return type(value).__name__


def _type_error(expected: str, value: object) -> BadValue:
    found = _kind_of(value)
    return BadValue(
        "type",
        expected=expected,
        expected_name=msg.type_name(expected),
        found=found,
        found_name=msg.type_name(found),
    )


def type_problem(expected: str, value: object, path: str) -> Problem:
    """The ``type`` problem of ``value`` at ``path`` where ``expected`` (``table``, ``array`` …) belongs."""
    exc = _type_error(expected, value)
    return Problem(exc.code, path, params=exc.params)


def short(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters for a message (a 10 MB value is not echoed back)."""
    return text if len(text) <= limit else f"{text[: limit - 12]}… ({len(text)} chars)"


def _finite(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise BadValue("number-invalid", found=short(str(value)))
    if value and (
        value.adjusted() >= MAX_DIGITS
        # a text of at most 14 characters without an exponent has at most 12 places
        or ((len(text := str(value)) > 14 or "E" in text) and exponent_of(value) < -MAX_PLACES)
    ):
        raise BadValue(
            "number-range", found=short(str(value)), max_digits=MAX_DIGITS, max_places=MAX_PLACES
        )
    return value


_INT_LIMIT = 10**MAX_DIGITS


def _number(value: object) -> Decimal:
    if isinstance(value, Decimal):
        return _finite(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if -_INT_LIMIT < value < _INT_LIMIT:
            return Decimal(value)  # in range, no places: what _finite would pass
        return _finite(Decimal(value))
    raise _type_error("number", value)


def _structure_str(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    raise _type_error("string", value)


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _type_error("integer", value)


def _structure_bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    raise _type_error("boolean", value)


def _structure_decimal(value: object, _: object) -> Decimal:
    return _number(value)


def _structure_money(value: object, _: object) -> Money:
    unit = MONEY_UNIT.get()
    try:
        if isinstance(value, str):
            money = parse_money(value, unit)
            if money is None:
                raise BadValue("money-unit", found=short(value))
        else:  # a number: its amount is the number, checked by _number
            money = parse_money(_number(value), unit)
            assert money is not None
            return money
    except (decimal.Overflow, decimal.InvalidOperation):  # more digits than Decimal can scale
        raise BadValue(
            "number-range", found=short(str(value)), max_digits=MAX_DIGITS, max_places=MAX_PLACES
        ) from None
    _finite(money.amount)
    return money


def _structure_percent(value: object, _: object) -> Percent:
    if isinstance(value, str):
        pct = parse_percent(value)
        if pct is None:
            raise BadValue("percent", found=short(value))
        _finite(pct.value)
        return pct
    return Percent(_number(value))


def _bounded(value: Value) -> Value:
    """A parsed target or actual whose number is within the figures' range (else BadValue)."""
    number = getattr(value, "value", None)
    if isinstance(number, Decimal):
        _finite(number)
    return value


def _structure_value(value: object, _: object = None) -> Value:
    if isinstance(value, str):
        return _bounded(parse_value(value))
    if isinstance(value, Mapping):
        for key in ("value",):
            if key not in value:
                raise BadValue("invalid", detail=msg.TableValueNeeds(key=key))
        try:
            parsed = parse_value({**value, "value": _number(value["value"])})
        except BadValue:
            raise
        except ValueError as exc:
            raise BadValue("invalid", detail=msg.BadValueTable(error=str(exc))) from None
        return _bounded(parsed)
    return parse_value(_number(value))


def _structure_claim_value(value: object, _: object) -> model.ClaimValue:
    if isinstance(value, bool):
        return value
    return _structure_value(value)


def _structure_date(value: object, _: object) -> datetime.date:
    if isinstance(value, datetime.datetime):
        raise _type_error("date", value)
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise BadValue("date", found=short(value)) from None
    raise _type_error("date", value)


def _enum_hook(cls: type[enum.Enum]) -> Any:
    choices = ", ".join(str(m.value) for m in cls)
    members: dict[object, enum.Enum] = {m.value: m for m in cls}  # what cls(value) looks up

    def hook(value: object, _: object) -> enum.Enum:
        if not isinstance(value, str):
            raise _type_error("string", value)
        if (member := members.get(value)) is None:
            raise BadValue("choice", found=value, choices=choices)
        return member

    return hook


def _structure_tier_scores(value: object, _: object) -> tuple[model.TierScore, ...]:
    if not isinstance(value, Mapping):
        raise _type_error("table", value)
    return tuple(model.TierScore(str(k), _number(v)) for k, v in value.items())


def _unstructure_value(value: Value) -> object:
    if value.raw is not None:
        return value.raw
    if isinstance(value, Comparison):
        out: dict[str, object] = {"op": value.op.value, "value": value.value}
        if value.unit:
            out["unit"] = value.unit
        return out
    if isinstance(value, Quantity) and not value.unit and value.approx is None:
        return value.value
    if isinstance(value, Unparsed):
        return value.raw
    return render_value(value)


#: The tables of a report document below the top level, in the spec's order.
DOCUMENT_TABLES: tuple[type, ...] = (
    model.ReportInfo,
    model.Budget,
    model.Line,
    model.Indicator,
    model.Evaluation,
    model.Narrative,
    model.Claim,
    model.Waiver,
)
_TIER_SCORES = tuple[model.TierScore, ...]
_VALUE_TYPES = (Value, Optional[Value])  # noqa: UP045 (a runtime typing object, compared with field types)


def _prefixed(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def structure(data: object, cls: type[T], path: str = "") -> tuple[T | None, list[Problem]]:
    """``data`` as a ``cls`` by the one converter, or None and every problem at its key path under ``path``."""
    try:
        return converter.structure(data, cls), []
    except (
        ClassValidationError,
        IterableValidationError,
        BadValue,
        TypeError,
        ValueError,
        KeyError,
    ) as exc:
        return None, list(walk_errors(exc, path))


def walk_errors(exc: BaseException, path: str) -> Iterator[Problem]:
    """Flatten cattrs' exception groups (and hook errors) into problems with key paths."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            yield from walk_errors(sub, _prefixed(path, note.name))
        for sub in without:
            yield from walk_errors(sub, path)
    elif isinstance(exc, IterableValidationError):
        with_notes_i, without = exc.group_exceptions()
        for sub, inote in with_notes_i:
            yield from walk_errors(sub, f"{path}[{inote.index}]")
        for sub in without:
            yield from walk_errors(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Problem("unknown-key", _prefixed(path, key), params={"key": key})
    elif isinstance(exc, KeyError):
        yield Problem("missing-key", path)
    elif isinstance(exc, BadValue):
        yield Problem(exc.code, path, params=exc.params)
    elif isinstance(exc, RecursionError):
        yield Problem("too-deep", path)
    else:  # a cattrs or attrs complaint we have no template for
        yield Problem("invalid", path, params={"detail": str(exc)})


def _is_array_type(t: Any) -> bool:
    return t is not str and is_sequence(t) and not is_hetero_tuple(t)


def _array_hook(t: Any, conv: cattrs.Converter) -> Any:
    """Structure ``list[X]``/``tuple[X, ...]`` from an array only: text is not a list of characters."""
    origin = getattr(t, "__origin__", t)
    factory = list_structure_factory if origin is list else homogenous_tuple_structure_factory
    inner = factory(t, conv)

    def hook(value: object, cls: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise _type_error("array", value)
        return inner(value, cls)

    return hook


def _table_hook(t: Any, conv: cattrs.Converter) -> Any:
    """Structure a mapping type or an attrs class from a table only (never from text or a number)."""
    inner = conv.gen_structure_mapping(t) if is_mapping(t) else conv.gen_structure_attrs_fromdict(t)

    def hook(value: object, cls: Any) -> Any:
        if not isinstance(value, Mapping):
            raise _type_error("table", value)
        return inner(value, cls)

    return hook


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook_factory(_is_array_type, _array_hook)
    conv.register_structure_hook_factory(lambda t: is_mapping(t) or attrs.has(t), _table_hook)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook(Money, _structure_money)
    conv.register_structure_hook(Percent, _structure_percent)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_structure_hook(model.ReportKind, _enum_hook(model.ReportKind))
    conv.register_structure_hook(model.LineKind, _enum_hook(model.LineKind))
    conv.register_structure_hook_func(lambda t: t in _VALUE_TYPES, _structure_value)
    conv.register_structure_hook_func(lambda t: t == model.ClaimValue, _structure_claim_value)
    conv.register_structure_hook_func(lambda t: t == _TIER_SCORES, _structure_tier_scores)

    # Generated on first use: the loader's fast path (document/fastpath.py) structures
    # reports that are as expected, and this detailed path explains the others.
    conv.register_structure_hook_factory(
        lambda t: t is model.Report,
        lambda t: make_dict_structure_fn(
            t,
            conv,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            source=override(omit=True),
        ),
    )

    conv.register_unstructure_hook(Decimal, lambda d: d)
    conv.register_unstructure_hook(datetime.date, lambda d: d)
    conv.register_unstructure_hook(Money, lambda m: m.raw if m.raw is not None else m.amount)
    conv.register_unstructure_hook(Percent, lambda p: p.raw if p.raw is not None else p.value)
    for value_cls in (Comparison, Quantity, Timing, Qualitative, Unparsed):
        conv.register_unstructure_hook(value_cls, _unstructure_value)
    conv.register_unstructure_hook_func(
        lambda t: t == _TIER_SCORES, lambda ts: {t.tier: t.score for t in ts}
    )
    # Unstructuring (writing a report back as data) is generated on first use: most
    # runs never write one, and generating the functions is most of the converter's cost.
    conv.register_unstructure_hook_factory(
        lambda t: t in DOCUMENT_TABLES,
        lambda t: make_dict_unstructure_fn(t, conv, _cattrs_omit_if_default=True),
    )
    conv.register_unstructure_hook_factory(
        lambda t: t is model.Report,
        lambda t: make_dict_unstructure_fn(
            t, conv, _cattrs_omit_if_default=True, source=override(omit=True)
        ),
    )
    return conv


#: The converter for report documents (the only one; rule packs and profiles use it too).
converter = _make_converter()

#: Money units a report may declare in ``report.money_unit``.
REPORT_MONEY_UNITS = tuple(u for u in MONEY_UNITS if u != "亿元")
