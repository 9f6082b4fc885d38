"""The safe evaluation of compiled expressions: guarded operators, field access, decimal context.

A compiled expression is a function whose every operation that could do
harm goes through a helper here, bound under a name starting with ``_`` that
user source cannot spell (:data:`HELPERS`): ``_attr`` reads fields of model
objects and nothing else, ``_add`` joins text and lists only up to the
published limits, ``_mul``/``_div``/``_mod``/``_pow`` compute on numbers
only. :class:`Expression` runs that function inside a private
decimal context with bounded precision and exponent and turns every failure
into an :class:`ExpressionEvalError`, never a raw exception.
"""

from __future__ import annotations

import datetime
import decimal
import enum
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_EVEN, Decimal

import attrs

from perfrules.document.figures import Money, Percent
from perfrules.errors import Problem
from perfrules.messages import Message
from perfrules.messages import evaluation as msg
from perfrules.rules.expr.grammar import (
    EMAX,
    EMIN,
    MAX_CONCAT_CHARS,
    MAX_CONCAT_ITEMS,
    PRECISION,
)

__all__ = [
    "HELPERS",
    "Expression",
    "ExpressionEvalError",
    "Refused",
    "as_number",
    "kind_of",
]

#: The decimal context every evaluation runs in (copied per evaluation, never shared).
_CONTEXT = decimal.Context(
    prec=PRECISION,
    rounding=ROUND_HALF_EVEN,
    Emin=EMIN,
    Emax=EMAX,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


# --- errors -----------------------------------------------------------------------------


class ExpressionEvalError(ValueError):
    """An accepted expression failed while evaluating (a missing value, a division by zero …).

    ``message`` (a message of :mod:`perfrules.messages.evaluation`) says what
    went wrong; ``detail`` and ``detail_zh`` are its English and Chinese text.
    ``where`` is the location given to :func:`~perfrules.rules.expr.compile_expression`.
    ``missing`` is True when the failure comes from a value that is absent (None,
    or an index past the end of a list): the subject lacks what the expression
    reads, which a rule may leave to other rules. Every other failure (a type
    mismatch between values that are there, a division by zero, an overflow, a
    limit) is a fault of the rule for that subject.
    """

    def __init__(
        self, message: Message, *, source: str = "", where: str = "", missing: bool = False
    ) -> None:
        self.message = message
        self.source = source
        self.where = where
        self.missing = missing
        super().__init__(f"{where}: {self.detail}" if where else self.detail)

    @property
    def detail(self) -> str:
        """What went wrong, in English."""
        return self.message.render("en")

    @property
    def detail_zh(self) -> str:
        """What went wrong, in Chinese."""
        return self.message.render("zh")

    @property
    def problem(self) -> Problem:
        """This failure as a :class:`~perfrules.errors.Problem` (code ``invalid``)."""
        return Problem("invalid", self.where, params={"detail": self.message})


class Refused(Exception):
    """A helper's refusal of a value; Expression.evaluate turns it into an ExpressionEvalError.

    ``missing``: the refused value was None (see :attr:`ExpressionEvalError.missing`).
    """

    def __init__(self, message: Message, *, missing: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.missing = missing


# --- values -------------------------------------------------------------------------------


def kind_of(x: object) -> Message:
    """A reader's name for the type of ``x``."""
    if x is None:
        return msg.KindNone()
    if isinstance(x, bool):
        return msg.KindBoolean()
    if isinstance(x, (int, Decimal)):
        return msg.KindNumber()
    if isinstance(x, str):
        return msg.KindText()
    if isinstance(x, (tuple, list)):
        return msg.KindList()
    if isinstance(x, datetime.date):
        return msg.KindDate()
    return msg.KindOther(name=type(x).__name__)


def as_number(x: object, op: str) -> Decimal:
    """``x`` as a Decimal for operation ``op``, or a refusal naming what was found instead."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):  # bool included: True is 1
        return Decimal(int(x))
    raise Refused(msg.NeedsNumbers(op=op, kind=kind_of(x)), missing=x is None)


def _plain(v: object) -> object:
    """A value as expressions see it: Money → amount, Percent/enum → value, int → Decimal."""
    t = type(v)
    if t is Decimal or t is str or t is bool or t is tuple or v is None:
        return v
    if t is int:
        return Decimal(v)  # type: ignore[arg-type]
    if isinstance(v, Money):
        return v.amount
    if isinstance(v, Percent):
        return v.value
    if isinstance(v, enum.Enum):
        return _plain(v.value)
    if isinstance(v, float):
        raise Refused(msg.NoFloats())
    if isinstance(v, int):
        return Decimal(int(v))
    return v


#: attrs field names per class (None: not an attrs class); filled lazily.
_FIELDS: dict[type, frozenset[str] | None] = {}


def _fields_of(cls: type) -> frozenset[str] | None:
    try:
        return _FIELDS[cls]
    except KeyError:
        pass
    names = frozenset(f.name for f in attrs.fields(cls)) if attrs.has(cls) else None
    _FIELDS[cls] = names
    return names


_DATE_FIELDS = frozenset({"year", "month", "day"})


# --- the helpers a compiled expression calls ------------------------------------------------


def _attr(obj: object, name: str) -> object:
    """``obj.name`` for model objects only.

    Returns an attrs field of an attrs (model) object, converted by
    :func:`_plain`; None for a field the object's class lacks (the model's
    values are unions, e.g. only a Comparison has ``op``) and for a field of
    None; for a list of objects, the list of that field of each (so
    ``sum(indicators.weight)`` works); ``year``/``month``/``day`` of a date.
    Nothing else: never methods, properties or private attributes.
    """
    if obj is None:
        return None
    fields = _fields_of(type(obj))
    if fields is not None:
        return _plain(getattr(obj, name)) if name in fields else None
    if isinstance(obj, (tuple, list)):
        return tuple([_attr(item, name) for item in obj])
    if isinstance(obj, datetime.date) and name in _DATE_FIELDS:
        return Decimal(getattr(obj, name))
    raise Refused(msg.NoField(kind=kind_of(obj), name=name))


def _add(a: object, b: object) -> object:
    """``a + b``, refusing text longer than MAX_CONCAT_CHARS or a list longer than MAX_CONCAT_ITEMS.

    The size is checked before anything is built, so a refused ``+`` costs
    nothing. Numbers are bounded by the decimal context (PRECISION, EMAX);
    everything else is Python's ``+`` (a type mismatch is its TypeError).
    """
    if type(a) is Decimal and type(b) is Decimal:
        return a + b
    if isinstance(a, str) and isinstance(b, str):
        size = len(a) + len(b)
        if size > MAX_CONCAT_CHARS:
            raise Refused(msg.TextTooLong(size=size, limit=MAX_CONCAT_CHARS))
    elif (isinstance(a, list) and isinstance(b, list)) or (
        isinstance(a, tuple) and isinstance(b, tuple)
    ):
        size = len(a) + len(b)
        if size > MAX_CONCAT_ITEMS:
            raise Refused(msg.ListTooLong(size=size, limit=MAX_CONCAT_ITEMS))
    return a + b  # type: ignore[operator]


def _mul(a: object, b: object) -> Decimal:
    """``a * b`` on numbers only: repeating text or lists is refused."""
    if type(a) is Decimal and type(b) is Decimal:
        return a * b
    return as_number(a, "*") * as_number(b, "*")


def _div(a: object, b: object) -> Decimal:
    """``a / b`` on numbers only, always Decimal (never float)."""
    if type(a) is Decimal and type(b) is Decimal:
        return a / b
    return as_number(a, "/") / as_number(b, "/")


def _mod(a: object, b: object) -> Decimal:
    """Decimal remainder (sign of the dividend); text formatting with % is refused."""
    divisor = as_number(b, "%")
    if not divisor:
        raise ZeroDivisionError
    return as_number(a, "%") % divisor


def _pow(base: object, exponent: int) -> Decimal:
    """``base ** exponent`` with a compile-time constant exponent (|exponent| ≤ MAX_POWER)."""
    return as_number(base, "**") ** exponent


#: The guarded operations, by the name a rewritten expression calls them under.
HELPERS: Mapping[str, Callable[..., object]] = {
    "_attr": _attr,
    "_add": _add,
    "_mul": _mul,
    "_div": _div,
    "_mod": _mod,
    "_pow": _pow,
}


# --- the compiled expression -----------------------------------------------------------------


def _is_missing(exc: BaseException) -> bool:
    """True when ``exc`` comes from an absent value: None met by an operator, an index past the end."""
    return isinstance(exc, IndexError) or (isinstance(exc, TypeError) and "NoneType" in str(exc))


def _explain(exc: BaseException) -> Message:
    """What an exception raised while evaluating means, as a message."""
    conditions = exc.args[0] if exc.args and isinstance(exc.args[0], list) else []
    if isinstance(exc, ZeroDivisionError) or decimal.DivisionUndefined in conditions:
        return msg.DivisionByZero()  # x / 0, and 0 / 0 (decimal's DivisionUndefined)
    if isinstance(exc, decimal.Overflow):
        return msg.TooLarge(emax=EMAX)
    if isinstance(exc, decimal.InvalidOperation):
        return msg.InvalidOperation(precision=PRECISION)
    if isinstance(exc, TypeError):
        if "NoneType" in str(exc):
            return msg.MissingValue(error=exc)
        return msg.WrongType(error=exc)
    if isinstance(exc, IndexError):
        return msg.IndexRange()
    if isinstance(exc, (RecursionError, MemoryError)):
        return msg.TooMuchMemory()
    return msg.Failed(error=f"{type(exc).__name__}: {exc}")


@attrs.frozen
class Expression:
    """A compiled, validated expression (made by :func:`~perfrules.rules.expr.compile_expression`).

    ``source`` is the text as written, ``names_used`` the names it reads
    (each must be bound in the ``env`` given to :meth:`evaluate`), ``where``
    the location given when it was compiled (used in error messages).
    """

    source: str
    names_used: frozenset[str]
    where: str = ""
    # The compiled function, the names it takes in order, and whether it does Decimal
    # arithmetic. When it does not (only comparisons, tests, counting) it needs no decimal
    # context, which saves half of a cheap evaluation.
    _params: tuple[str, ...] = attrs.field(kw_only=True, eq=False, repr=False)
    _fn: Callable[..., object] = attrs.field(kw_only=True, eq=False, repr=False)
    _arithmetic: bool = attrs.field(kw_only=True, eq=False, repr=False)

    def evaluate(self, env: Mapping[str, object]) -> object:
        """The expression's value with its names bound from ``env``.

        Money reads as its amount, Percent as its value, enums as their value,
        ints as Decimal. Raises :class:`ExpressionEvalError` on any failure.
        """
        try:
            args = [_plain(env[name]) for name in self._params]
        except KeyError as exc:
            name = exc.args[0] if exc.args else "?"
            raise ExpressionEvalError(
                msg.NotBound(name=name), source=self.source, where=self.where
            ) from None
        except Refused as exc:
            raise ExpressionEvalError(
                exc.message, source=self.source, where=self.where, missing=exc.missing
            ) from None
        try:
            if not self._arithmetic:
                return self._fn(*args)
            with decimal.localcontext(_CONTEXT):
                return self._fn(*args)
        except Refused as exc:
            raise ExpressionEvalError(
                exc.message, source=self.source, where=self.where, missing=exc.missing
            ) from None
        except Exception as exc:  # every failure of an accepted expression is an evaluation error
            raise ExpressionEvalError(
                _explain(exc), source=self.source, where=self.where, missing=_is_missing(exc)
            ) from None
