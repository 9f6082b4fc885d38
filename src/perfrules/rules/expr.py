"""The expression language of user rules: a small, sandboxed subset of Python expressions.

Rules are data, never code. A rule pack may give a check as an ``expression``
such as ``close(ratio(executed, adjusted), execution_rate)``; this module turns
that text into an :class:`Expression` once, when the rule loads, and evaluates
it quickly for every subject afterwards. The language is specified in
``docs/expressions.md``; in short:

- numbers are :class:`~decimal.Decimal` (never float) and keep the exponent
  they were written with; text, ``True``/``False``/``None`` and lists;
- names bound by the caller, fields of model objects (``budget.executed``),
  arithmetic ``+ - * / %``, ``**`` with a small constant exponent,
  comparisons, ``and``/``or``/``not``, ``a if c else b``, list and tuple
  literals, indexing with a whole-number constant, and calls of a fixed set
  of functions (:data:`FUNCTIONS`).

How it stays safe. The text is parsed with :func:`ast.parse` and every node
is checked against a whitelist before anything runs: there is no way to name
an attribute or variable starting with ``_`` (so no dunders), no attribute
outside the model's field names, no call except the whitelisted functions by
bare name (so no methods, no ``getattr``/``eval``/``__import__``), no lambda,
comprehension, f-string, walrus, starred or keyword argument. Sizes are
bounded (source length, node count, nesting depth, literal sizes, exponents).
The validated tree is then rewritten: numeric literals become Decimal
constants, attribute access becomes a call of :func:`_attr` (which only ever
returns attrs fields of model objects), and ``* / % **`` become checked
helpers that refuse text and lists (no ``"a" * 10**9``, no ``"%999999999d"``).
Only this rewritten tree, whose every node we produced ourselves, is given to
:func:`compile`; it runs with empty builtins and only the helpers, bound under
names starting with ``_`` that user source cannot spell. This is the one place
in perfrules that uses ``compile``/``eval``.

Evaluation runs in a local decimal context with bounded precision and
exponent, so huge values raise a controlled error; every failure while
evaluating surfaces as :class:`ExpressionEvalError`, never as a raw exception.
"""

from __future__ import annotations

import ast
import datetime
import decimal
import enum
import functools
import io
import keyword
import tokenize
import warnings
from collections.abc import Callable, Collection, Iterable, Mapping
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any, NoReturn

import attrs

from perfrules.document.figures import Money, Percent, half_ulp
from perfrules.errors import ExpressionError, Problem

__all__ = [
    "FUNCTIONS",
    "LIMITS",
    "Expression",
    "ExpressionEvalError",
    "compile_expression",
    "model_attributes",
]

# --- limits ---------------------------------------------------------------------------

MAX_SOURCE = 2000  # characters of source text
MAX_NODES = 500  # expression nodes in the syntax tree
MAX_DEPTH = 30  # nesting of expression nodes, and of brackets in the source
MAX_STRING = 200  # characters of one string literal
MAX_ITEMS = 100  # elements of one list or tuple literal
MAX_POWER = 10  # largest |exponent| of **
MAX_INDEX = 10_000  # largest |index| of a subscript
MAX_ROUND = 20  # largest |places| of round()
PRECISION = 34  # significant digits of Decimal arithmetic
EMAX = 999  # largest decimal exponent (adjusted) of any value
EMIN = -999  # smallest decimal exponent (adjusted) of any value

#: The bounds of the language, by name (documented in docs/expressions.md).
LIMITS: Mapping[str, int] = {
    "source_chars": MAX_SOURCE,
    "nodes": MAX_NODES,
    "depth": MAX_DEPTH,
    "string_chars": MAX_STRING,
    "list_items": MAX_ITEMS,
    "power": MAX_POWER,
    "index": MAX_INDEX,
    "round_places": MAX_ROUND,
    "precision": PRECISION,
    "emax": EMAX,
    "emin": EMIN,
}

#: The decimal context every evaluation runs in (copied per evaluation, never shared).
_CONTEXT = decimal.Context(
    prec=PRECISION,
    rounding=ROUND_HALF_EVEN,
    Emin=EMIN,
    Emax=EMAX,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


# --- errors -----------------------------------------------------------------------------


class ExpressionEvalError(ValueError):
    """An accepted expression failed while evaluating (a missing value, a division by zero …).

    ``detail`` and ``detail_zh`` say what went wrong in English and Chinese;
    ``where`` is the location given to :func:`compile_expression`.
    """

    def __init__(self, detail: str, detail_zh: str, *, source: str = "", where: str = "") -> None:
        self.detail = detail
        self.detail_zh = detail_zh
        self.source = source
        self.where = where
        super().__init__(f"{where}: {detail}" if where else detail)

    @property
    def problem(self) -> Problem:
        """This failure as a :class:`~perfrules.errors.Problem` (code ``invalid``)."""
        return Problem(
            "invalid", self.where, params={"detail": self.detail, "detail_zh": self.detail_zh}
        )


class _Refused(Exception):
    """Raised by the runtime helpers; turned into ExpressionEvalError by Expression.evaluate."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh


# --- runtime helpers (bound under "_" names user source cannot spell) --------------------


def _kind(x: object) -> tuple[str, str]:
    """A reader's name for the type of ``x``, in English and Chinese."""
    if x is None:
        return "nothing (None)", "空值（None）"
    if isinstance(x, bool):
        return "true/false", "布尔值"
    if isinstance(x, (int, Decimal)):
        return "a number", "数值"
    if isinstance(x, str):
        return "text", "文本"
    if isinstance(x, (tuple, list)):
        return "a list", "列表"
    if isinstance(x, datetime.date):
        return "a date", "日期"
    name = type(x).__name__
    return f"a {name}", f"{name} 对象"


def _num(x: object, op: str) -> Decimal:
    """``x`` as a Decimal for operation ``op``, or a refusal naming what was found instead."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):  # bool included: True is 1
        return Decimal(int(x))
    en, zh = _kind(x)
    raise _Refused(f"{op} needs numbers, found {en}", f"{op} 需要数值，实际为{zh}")


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
        raise _Refused(
            "float values are not allowed (use Decimal)", "不允许使用浮点数（应为 Decimal）"
        )
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
    en, zh = _kind(obj)
    raise _Refused(f"{en} has no field '{name}'", f"{zh}没有字段 {name}")


def _mul(a: object, b: object) -> Decimal:
    """``a * b`` on numbers only: repeating text or lists is refused."""
    if type(a) is Decimal and type(b) is Decimal:
        return a * b
    return _num(a, "*") * _num(b, "*")


def _div(a: object, b: object) -> Decimal:
    """``a / b`` on numbers only, always Decimal (never float)."""
    if type(a) is Decimal and type(b) is Decimal:
        return a / b
    return _num(a, "/") / _num(b, "/")


def _mod(a: object, b: object) -> Decimal:
    """Decimal remainder (sign of the dividend); text formatting with % is refused."""
    divisor = _num(b, "%")
    if not divisor:
        raise ZeroDivisionError
    return _num(a, "%") % divisor


def _pow(base: object, exponent: int) -> Decimal:
    """``base ** exponent`` with a compile-time constant exponent (|exponent| ≤ MAX_POWER)."""
    return _num(base, "**") ** exponent


def _items(x: object, fname: str) -> Iterable[object]:
    if isinstance(x, (tuple, list)):
        return x
    en, zh = _kind(x)
    raise _Refused(f"{fname}() needs a list, found {en}", f"{fname}() 需要列表，实际为{zh}")


def _f_sum(items: object) -> Decimal:
    """Sum of the list's numbers, None items skipped; 0 for an empty list."""
    total = _ZERO
    for x in _items(items, "sum"):
        if x is not None:
            total += _num(x, "sum()")
    return total


def _f_abs(x: object) -> Decimal:
    """Absolute value."""
    return abs(_num(x, "abs()"))


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
    en, zh = _kind(x)
    raise _Refused(f"len() needs text or a list, found {en}", f"len() 需要文本或列表，实际为{zh}")


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
    value = _num(x, "round()")
    p = _num(places, "round()")
    if p != p.to_integral_value() or not -MAX_ROUND <= p <= MAX_ROUND:
        raise _Refused(
            f"round() places must be a whole number from {-MAX_ROUND} to {MAX_ROUND}, found {p}",
            f"round() 的位数应为 {-MAX_ROUND} 至 {MAX_ROUND} 的整数，实际为 {p}",
        )
    return value.quantize(Decimal(1).scaleb(-int(p)), rounding=ROUND_HALF_UP)


def _f_close(a: object, b: object) -> bool:
    """True when ``a`` and ``b`` agree within half a unit in the last place of the less precise."""
    da = _num(a, "close()")
    db = _num(b, "close()")
    exponent = max(int(da.as_tuple().exponent), int(db.as_tuple().exponent))
    return abs(da - db) <= half_ulp(exponent)


def _f_ratio(a: object, b: object) -> Decimal | None:
    """``a / b * 100`` (a percentage); None when ``b`` is 0 or either is None."""
    if a is None or b is None:
        return None
    da = _num(a, "ratio()")
    db = _num(b, "ratio()")
    if not db:
        return None
    return da * _HUNDRED / db


def _f_defined(x: object) -> bool:
    """True when ``x`` is not None."""
    return x is not None


#: The functions user expressions may call: name -> (implementation, min args, max args).
_FUNCTIONS: Mapping[str, tuple[Callable[..., object], int, int]] = {
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
_ARITHMETIC_FUNCTIONS = frozenset({"abs", "close", "ratio", "round", "sum"})

#: Names of the functions expressions may call.
FUNCTIONS: frozenset[str] = frozenset(_FUNCTIONS)

#: The namespace every compiled expression runs in (plus its own Decimal constants).
#: ``__builtins__`` must be present and empty: without it CPython would insert the real builtins.
_BASE_GLOBALS: Mapping[str, object] = {
    "__builtins__": {},
    "_attr": _attr,
    "_mul": _mul,
    "_div": _div,
    "_mod": _mod,
    "_pow": _pow,
    **{f"_f_{name}": impl for name, (impl, _, _) in _FUNCTIONS.items()},
}


# --- the model's field names ---------------------------------------------------------------


@functools.cache
def model_attributes() -> frozenset[str]:
    """Every field name of the model classes in :mod:`perfrules.document.model` and :mod:`perfrules.document.values`.

    A convenient ``attributes`` argument for :func:`compile_expression`.
    """
    from perfrules.document import model, values

    names: set[str] = set()
    for module in (model, values):
        for export in module.__all__:
            obj = getattr(module, export)
            if isinstance(obj, type) and attrs.has(obj):
                names.update(f.name for f in attrs.fields(obj))
    return frozenset(n for n in names if not n.startswith("_"))


# --- the compiled expression -----------------------------------------------------------------


def _explain(exc: BaseException) -> tuple[str, str]:
    """English and Chinese text for an exception raised while evaluating."""
    conditions = exc.args[0] if exc.args and isinstance(exc.args[0], list) else []
    if isinstance(exc, ZeroDivisionError) or decimal.DivisionUndefined in conditions:
        return "division by zero", "除数为零"  # x / 0, and 0 / 0 (decimal's DivisionUndefined)
    if isinstance(exc, decimal.Overflow):
        return f"a number is too large (beyond 1E+{EMAX})", f"数值过大（超过 1E+{EMAX}）"
    if isinstance(exc, decimal.InvalidOperation):
        return (
            f"invalid decimal operation (e.g. a result needing more than {PRECISION} digits)",
            f"无效的数值运算（例如结果需要超过 {PRECISION} 位有效数字）",
        )
    if isinstance(exc, TypeError):
        if "NoneType" in str(exc):
            return (
                f"a value is missing (None) where a number or text is needed: {exc}",
                f"缺少取值（None），无法参与运算：{exc}",
            )
        return f"wrong type: {exc}", f"类型不符：{exc}"
    if isinstance(exc, IndexError):
        return "index out of range", "下标超出范围"
    if isinstance(exc, (RecursionError, MemoryError)):
        return "the expression needs too much memory", "表达式所需内存过多"
    return f"{type(exc).__name__}: {exc}", f"求值失败：{type(exc).__name__}: {exc}"


@attrs.frozen
class Expression:
    """A compiled, validated expression.

    ``source`` is the text as written, ``names_used`` the names it reads
    (each must be bound in the ``env`` given to :meth:`evaluate`), ``where``
    the location given when it was compiled (used in error messages).
    """

    source: str
    names_used: frozenset[str]
    where: str = ""
    _params: tuple[str, ...] = attrs.field(default=(), eq=False, repr=False)
    _fn: Callable[..., object] = attrs.field(default=_f_defined, eq=False, repr=False)
    # False when the expression does no Decimal arithmetic (only comparisons, tests,
    # counting): then it needs no decimal context, which saves half of a cheap evaluation.
    _arithmetic: bool = attrs.field(default=True, eq=False, repr=False)

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
                f"name '{name}' is not bound",
                f"名称 {name} 没有取值",
                source=self.source,
                where=self.where,
            ) from None
        except _Refused as exc:
            raise ExpressionEvalError(
                exc.en, exc.zh, source=self.source, where=self.where
            ) from None
        try:
            if not self._arithmetic:
                return self._fn(*args)
            with decimal.localcontext(_CONTEXT):
                return self._fn(*args)
        except _Refused as exc:
            raise ExpressionEvalError(
                exc.en, exc.zh, source=self.source, where=self.where
            ) from None
        except Exception as exc:  # every failure of an accepted expression is an evaluation error
            en, zh = _explain(exc)
            raise ExpressionEvalError(en, zh, source=self.source, where=self.where) from None


# --- the compiler -----------------------------------------------------------------------------

#: Descriptions of constructs that are never allowed, by AST node type.
_FORBIDDEN: Mapping[type, tuple[str, str]] = {
    ast.Lambda: ("lambda expressions are not allowed", "不允许使用 lambda 表达式"),
    ast.ListComp: ("comprehensions are not allowed", "不允许使用推导式"),
    ast.SetComp: ("comprehensions are not allowed", "不允许使用推导式"),
    ast.DictComp: ("comprehensions are not allowed", "不允许使用推导式"),
    ast.GeneratorExp: ("generator expressions are not allowed", "不允许使用生成器表达式"),
    ast.NamedExpr: ("assignment expressions (:=) are not allowed", "不允许使用赋值表达式（:=）"),
    ast.Starred: ("starred expressions (*x) are not allowed", "不允许使用星号展开（*x）"),
    ast.JoinedStr: ("f-strings are not allowed", "不允许使用 f 字符串"),
    ast.FormattedValue: ("f-strings are not allowed", "不允许使用 f 字符串"),
    ast.Dict: ("dict literals are not allowed", "不允许使用字典"),
    ast.Set: ("set literals are not allowed", "不允许使用集合"),
    ast.Await: ("await is not allowed", "不允许使用 await"),
    ast.Yield: ("yield is not allowed", "不允许使用 yield"),
    ast.YieldFrom: ("yield is not allowed", "不允许使用 yield"),
    ast.Slice: (
        "slices are not allowed (index with a whole-number constant)",
        "不允许使用切片（下标只能是整数常量）",
    ),
}

_OPERATORS: Mapping[type, str] = {
    ast.FloorDiv: "//",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.BitAnd: "&",
    ast.Invert: "~",
}

_COMPARISONS = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn)
_OPENERS = frozenset("([{")
_CLOSERS = frozenset(")]}")


def _listing(names: Iterable[str]) -> str:
    return ", ".join(sorted(names)) or "(none)"


class _Compiler:
    """Validates one expression's syntax tree and rewrites it into safe Python."""

    def __init__(
        self, source: str, names: frozenset[str], attributes: frozenset[str], where: str
    ) -> None:
        self.source = source
        self.names = names
        self.attributes = attributes
        self.where = where
        # The parsed text is the source wrapped in brackets on lines of their own, so that
        # expressions may span lines (TOML multi-line strings) and start with blanks; user
        # line n is line n + 1 of the wrapped text and columns are unchanged.
        self.text = "(\n" + source + "\n)"
        self.lines = self.text.split("\n")
        self.count = 0
        self.used: dict[str, None] = {}  # names in order of first use
        self.constants: dict[str, Decimal] = {}
        self.constant_names: dict[tuple[str, bool], str] = {}
        self.arithmetic = False  # whether any operation rounds under the decimal context

    # -- reporting ---------------------------------------------------------------------

    def _location(self, line: int | None, column: int | None) -> tuple[str, str]:
        """English and Chinese location in the user's source (1-based line and column)."""
        if line is None:
            return "", ""
        user_lines = self.source.split("\n")
        line = max(1, min(line - 1, len(user_lines)))
        col = column if column is not None else 1
        if len(user_lines) == 1:
            return f" (column {col})", f"（第 {col} 列）"
        return f" (line {line}, column {col})", f"（第 {line} 行第 {col} 列）"

    def fail(
        self, en: str, zh: str, line: int | None = None, column: int | None = None
    ) -> NoReturn:
        """Reject the expression: raise ExpressionError with a problem at ``where``."""
        loc_en, loc_zh = self._location(line, column)
        shown = self.source if len(self.source) <= 200 else self.source[:200] + "…"
        params = {"detail": f"{en}{loc_en}", "detail_zh": f"{zh}{loc_zh}", "expression": shown}
        raise ExpressionError([Problem("invalid", self.where, params=params)])

    def reject(self, node: ast.AST, en: str, zh: str, *, tail: str | None = None) -> NoReturn:
        """Reject the construct at ``node`` (position converted from UTF-8 bytes to characters).

        With ``tail``, point at that text ending the node (an attribute's name) instead.
        """
        lineno: int | None = getattr(node, "end_lineno" if tail else "lineno", None)
        offset: int | None = getattr(node, "end_col_offset" if tail else "col_offset", None)
        column = None
        if lineno is not None and offset is not None and 0 < lineno <= len(self.lines):
            prefix = self.lines[lineno - 1].encode("utf-8")[:offset]
            column = len(prefix.decode("utf-8", errors="replace")) + 1
            if tail:
                column = max(1, column - len(tail))
        self.fail(en, zh, lineno, column)

    # -- entry point -------------------------------------------------------------------

    def run(self) -> Expression:
        if len(self.source) > MAX_SOURCE:
            self.fail(
                f"the expression is {len(self.source)} characters long; the limit is {MAX_SOURCE}",
                f"表达式长 {len(self.source)} 个字符，超过上限 {MAX_SOURCE}",
            )
        if not self.source.strip():
            self.fail("the expression is empty", "表达式为空")
        self._check_brackets()
        tree = self._parse()
        body = self.visit(tree.body, 1)
        params = tuple(self.used)
        fn = self._build(body, params)
        return Expression(self.source, frozenset(params), self.where, params, fn, self.arithmetic)

    def _parse(self) -> ast.Expression:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # e.g. invalid escapes: not errors, not noise
                return ast.parse(self.text, mode="eval")
        except SyntaxError as exc:
            msg = exc.msg or "invalid syntax"
            self.fail(f"syntax error: {msg}", f"语法错误：{msg}", exc.lineno, exc.offset)
        except (ValueError, RecursionError, MemoryError, OverflowError) as exc:
            self.fail(
                f"the expression cannot be parsed (too deeply nested or too large): {exc}",
                f"无法解析表达式（嵌套过深或过大）：{exc}",
            )

    def _check_brackets(self) -> None:
        """Bracket nesting ≤ MAX_DEPTH (``((((1))))`` makes no nodes) and no unbalanced ``)``."""
        depth = 0
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(self.text).readline))
        except (tokenize.TokenError, SyntaxError, ValueError):
            return  # not Python at all: parsing reports it with a better message
        last = len(self.lines)
        for tok in tokens:
            if tok.type != tokenize.OP:
                continue
            if tok.string in _OPENERS:
                depth += 1
                if depth > MAX_DEPTH + 1:  # + 1: the wrapping bracket
                    self.fail(
                        f"brackets are nested more than {MAX_DEPTH} deep",
                        f"括号嵌套超过 {MAX_DEPTH} 层",
                        tok.start[0],
                        tok.start[1] + 1,
                    )
            elif tok.string in _CLOSERS:
                depth -= 1
                if depth == 0 and tok.start[0] != last:
                    self.fail(
                        f"unbalanced '{tok.string}'",
                        f"括号不配对：{tok.string}",
                        tok.start[0],
                        tok.start[1] + 1,
                    )

    def _build(self, body: ast.expr, params: tuple[str, ...]) -> Callable[..., object]:
        """Compile the rewritten tree into a function of the used names."""
        arguments = ast.arguments(
            posonlyargs=[],
            args=[ast.arg(arg=name) for name in params],
            vararg=None,
            kwonlyargs=[],
            kw_defaults=[],
            kwarg=None,
            defaults=[],
        )
        lam = ast.Lambda(args=arguments, body=body)
        ast.copy_location(lam, body)
        tree = ast.fix_missing_locations(ast.Expression(body=lam))
        namespace: dict[str, object] = {**_BASE_GLOBALS, **self.constants}
        # Safe: every node of `tree` was produced by `visit`, which only emits the whitelisted
        # constructs (names are the user's validated names, our "_" helpers and constants),
        # and the code runs with empty __builtins__. Evaluating `code` only creates the lambda;
        # nothing of the user's expression runs here.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = compile(tree, f"<expression {self.where}>", "eval")
        fn: Callable[..., object] = eval(code, namespace)
        return fn

    # -- the validating rewrite ----------------------------------------------------------

    def visit(self, node: ast.expr, depth: int) -> ast.expr:
        """Check ``node`` and return its safe rewrite."""
        self.count += 1
        if self.count > MAX_NODES:
            self.reject(
                node,
                f"the expression has more than {MAX_NODES} parts",
                f"表达式超过 {MAX_NODES} 个节点",
            )
        if depth > MAX_DEPTH:
            self.reject(
                node,
                f"the expression is nested more than {MAX_DEPTH} deep",
                f"表达式嵌套超过 {MAX_DEPTH} 层",
            )
        handler = _HANDLERS.get(type(node))
        if handler is None:
            en, zh = _FORBIDDEN.get(
                type(node),
                (f"{type(node).__name__} is not allowed", f"不允许使用 {type(node).__name__}"),
            )
            self.reject(node, en, zh)
        new = handler(self, node, depth)
        return ast.copy_location(new, node)

    def v_constant(self, node: ast.Constant, depth: int) -> ast.expr:
        value = node.value
        if value is None or isinstance(value, bool):
            return ast.Constant(value)
        if isinstance(value, str):
            if len(value) > MAX_STRING:
                self.reject(
                    node,
                    f"a text literal is {len(value)} characters long; the limit is {MAX_STRING}",
                    f"文本常量长 {len(value)} 个字符，超过上限 {MAX_STRING}",
                )
            return ast.Constant(value)
        if isinstance(value, (int, float)):
            return self.decimal_constant(node)
        if isinstance(value, complex):
            self.reject(node, "complex numbers are not allowed", "不允许使用复数")
        if isinstance(value, bytes):
            self.reject(node, "bytes literals are not allowed", "不允许使用字节串")
        self.reject(node, f"the constant {value!r} is not allowed", f"不允许使用常量 {value!r}")

    def decimal_constant(self, node: ast.Constant) -> ast.expr:
        """A numeric literal as a Decimal taken from its source text (never through float)."""
        text = ast.get_source_segment(self.text, node) or ""
        if len(text) > 2 * PRECISION + 10:
            self.reject(
                node,
                f"a number literal is too long (over {PRECISION} digits)",
                f"数字常量超过 {PRECISION} 位",
            )
        try:
            number = Decimal(text)
        except decimal.InvalidOperation:
            if type(node.value) is not int:
                self.reject(node, f"cannot read the number {text!r}", f"无法读取数字 {text!r}")
            number = Decimal(node.value)  # 0x1F, 0o17, 0b101
        digits = number.as_tuple()
        exponent = int(digits.exponent)
        if len(digits.digits) > PRECISION:
            self.reject(
                node,
                f"a number literal has more than {PRECISION} significant digits",
                f"数字常量超过 {PRECISION} 位有效数字",
            )
        if not EMIN - PRECISION <= exponent <= EMAX or (
            number and not EMIN <= number.adjusted() <= EMAX
        ):
            self.reject(
                node,
                f"a number literal is out of range (1E{EMIN} to 1E+{EMAX})",
                f"数字常量超出范围（1E{EMIN} 至 1E+{EMAX}）",
            )
        key = (str(number), number.is_signed())
        name = self.constant_names.get(key)
        if name is None:
            name = f"_k{len(self.constants)}"
            self.constant_names[key] = name
            self.constants[name] = number
        return ast.Name(id=name, ctx=ast.Load())

    def v_name(self, node: ast.Name, depth: int) -> ast.expr:
        name = node.id
        if name.startswith("_"):
            self.reject(
                node,
                f"names starting with '_' are not allowed: {name}",
                f"不允许使用以 _ 开头的名称：{name}",
            )
        if name in FUNCTIONS:
            self.reject(
                node,
                f"{name} is a function: call it as {name}(...)",
                f"{name} 是函数，应写作 {name}(...)",
            )
        if name not in self.names:
            self.reject(
                node,
                f"unknown name '{name}'; the names available here are: {_listing(self.names)}",
                f"未知名称 {name}；此处可用的名称：{_listing(self.names)}",
            )
        self.used.setdefault(name)
        return ast.Name(id=name, ctx=ast.Load())

    def v_attribute(self, node: ast.Attribute, depth: int) -> ast.expr:
        attr = node.attr
        value = self.visit(node.value, depth + 1)  # first, so the leftmost problem is reported
        if attr.startswith("_"):
            self.reject(
                node,
                f"fields starting with '_' are not allowed: .{attr}",
                f"不允许访问以 _ 开头的字段：.{attr}",
                tail=attr,
            )
        if attr not in self.attributes:
            self.reject(
                node,
                f"unknown field '.{attr}'; the fields are: {_listing(self.attributes)}",
                f"未知字段 .{attr}；可用字段：{_listing(self.attributes)}",
                tail=attr,
            )
        return self.call("_attr", [value, ast.Constant(attr)])

    def v_binop(self, node: ast.BinOp, depth: int) -> ast.expr:
        op = node.op
        self.arithmetic = True
        if isinstance(op, ast.Pow):
            exponent = _int_constant(node.right)
            if exponent is None or abs(exponent) > MAX_POWER:
                self.reject(
                    node.right,
                    f"the exponent of ** must be a whole-number constant "
                    f"from {-MAX_POWER} to {MAX_POWER}",
                    f"** 的指数必须是 {-MAX_POWER} 至 {MAX_POWER} 的整数常量",
                )
            self.count += 1
            return self.call("_pow", [self.visit(node.left, depth + 1), ast.Constant(exponent)])
        if type(op) in _OPERATORS:
            sym = _OPERATORS[type(op)]
            self.reject(node, f"the operator {sym} is not allowed", f"不允许使用运算符 {sym}")
        if isinstance(op, ast.Mult):
            for side in (node.left, node.right):
                if _is_sequence_literal(side):
                    self.reject(
                        side,
                        "repeating text or lists with * is not allowed",
                        "不允许用 * 重复文本或列表",
                    )
        if isinstance(op, ast.Mod) and _is_sequence_literal(node.left):
            self.reject(node, "formatting text with % is not allowed", "不允许用 % 格式化文本")
        left = self.visit(node.left, depth + 1)
        right = self.visit(node.right, depth + 1)
        if isinstance(op, (ast.Add, ast.Sub)):
            return ast.BinOp(left=left, op=op, right=right)
        helper = {ast.Mult: "_mul", ast.Div: "_div", ast.Mod: "_mod"}.get(type(op))
        if helper is None:
            self.reject(
                node,
                f"the operator {type(op).__name__} is not allowed",
                f"不允许使用运算符 {type(op).__name__}",
            )
        return self.call(helper, [left, right])

    def v_unaryop(self, node: ast.UnaryOp, depth: int) -> ast.expr:
        if isinstance(node.op, ast.Invert):
            self.reject(node, "the operator ~ is not allowed", "不允许使用运算符 ~")
        if not isinstance(node.op, ast.Not):
            self.arithmetic = True  # unary minus/plus round to the context's precision
        return ast.UnaryOp(op=node.op, operand=self.visit(node.operand, depth + 1))

    def v_boolop(self, node: ast.BoolOp, depth: int) -> ast.expr:
        return ast.BoolOp(op=node.op, values=[self.visit(v, depth + 1) for v in node.values])

    def v_compare(self, node: ast.Compare, depth: int) -> ast.expr:
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, (ast.Is, ast.IsNot)):
                if not (isinstance(right, ast.Constant) and right.value is None):
                    self.reject(
                        right,
                        "'is' and 'is not' are only allowed as 'is None' / 'is not None'",
                        "is 与 is not 只能写作 is None / is not None",
                    )
            elif not isinstance(op, _COMPARISONS):
                self.reject(
                    node, f"the comparison {type(op).__name__} is not allowed", "不允许的比较运算"
                )
        left = self.visit(node.left, depth + 1)
        comparators = [self.visit(c, depth + 1) for c in node.comparators]
        return ast.Compare(left=left, ops=node.ops, comparators=comparators)

    def v_ifexp(self, node: ast.IfExp, depth: int) -> ast.expr:
        return ast.IfExp(
            test=self.visit(node.test, depth + 1),
            body=self.visit(node.body, depth + 1),
            orelse=self.visit(node.orelse, depth + 1),
        )

    def v_sequence(self, node: ast.List | ast.Tuple, depth: int) -> ast.expr:
        if len(node.elts) > MAX_ITEMS:
            self.reject(
                node,
                f"a list has {len(node.elts)} items; the limit is {MAX_ITEMS}",
                f"列表有 {len(node.elts)} 项，超过上限 {MAX_ITEMS}",
            )
        elts = [self.visit(e, depth + 1) for e in node.elts]
        if isinstance(node, ast.List):
            return ast.List(elts=elts, ctx=ast.Load())
        return ast.Tuple(elts=elts, ctx=ast.Load())

    def v_subscript(self, node: ast.Subscript, depth: int) -> ast.expr:
        value = self.visit(node.value, depth + 1)  # first, so the leftmost problem is reported
        index = _int_constant(node.slice)
        if index is None or abs(index) > MAX_INDEX:
            if isinstance(node.slice, ast.Slice):
                en, zh = _FORBIDDEN[ast.Slice]
            else:
                en = f"an index must be a whole-number constant from {-MAX_INDEX} to {MAX_INDEX}"
                zh = f"下标必须是 {-MAX_INDEX} 至 {MAX_INDEX} 的整数常量"
            self.reject(node.slice, en, zh)
        self.count += 1
        return ast.Subscript(value=value, slice=ast.Constant(index), ctx=ast.Load())

    def v_call(self, node: ast.Call, depth: int) -> ast.expr:
        func = node.func
        if isinstance(func, ast.Attribute):
            self.reject(
                func,
                f"method calls are not allowed (.{func.attr}(...)); "
                f"only these functions can be called: {_listing(FUNCTIONS)}",
                f"不允许调用方法（.{func.attr}(...)）；只能调用这些函数：{_listing(FUNCTIONS)}",
                tail=func.attr,
            )
        if not isinstance(func, ast.Name):
            self.reject(
                func,
                f"only these functions can be called, by name: {_listing(FUNCTIONS)}",
                f"只能按名称调用这些函数：{_listing(FUNCTIONS)}",
            )
        name = func.id
        if name.startswith("_"):
            self.reject(
                func,
                f"names starting with '_' are not allowed: {name}",
                f"不允许使用以 _ 开头的名称：{name}",
            )
        if name not in FUNCTIONS:
            self.reject(
                func,
                f"calling {name}() is not allowed; the functions are: {_listing(FUNCTIONS)}",
                f"不允许调用 {name}()；可用函数：{_listing(FUNCTIONS)}",
            )
        if node.keywords:
            self.reject(
                node.keywords[0], "keyword arguments are not allowed", "不允许使用关键字参数"
            )
        _, least, most = _FUNCTIONS[name]
        if not least <= len(node.args) <= most:
            wanted = str(least) if least == most else f"{least} to {most}"
            self.reject(
                node,
                f"{name}() takes {wanted} argument(s), {len(node.args)} given",
                f"{name}() 需要 {wanted} 个参数，实际给出 {len(node.args)} 个",
            )
        self.count += 1
        if name in _ARITHMETIC_FUNCTIONS:
            self.arithmetic = True
        args = [self.visit(a, depth + 1) for a in node.args]
        return self.call(f"_f_{name}", args)

    @staticmethod
    def call(helper: str, args: list[ast.expr]) -> ast.expr:
        """A call of one of our "_" helpers."""
        return ast.Call(func=ast.Name(id=helper, ctx=ast.Load()), args=args, keywords=[])


def _int_constant(node: ast.expr) -> int | None:
    """The value of a whole-number constant ``3`` or ``-3`` (not True/False), else None."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        sign = -1 if isinstance(node.op, ast.USub) else 1
        node = node.operand
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return sign * node.value
    return None


def _is_sequence_literal(node: ast.expr) -> bool:
    """True for text, f-string, list and tuple literals (which * must not repeat, % not format)."""
    return (isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes))) or isinstance(
        node, (ast.List, ast.Tuple, ast.JoinedStr)
    )


_Handler = Callable[[_Compiler, Any, int], ast.expr]

_HANDLERS: Mapping[type, _Handler] = {
    ast.Constant: _Compiler.v_constant,
    ast.Name: _Compiler.v_name,
    ast.Attribute: _Compiler.v_attribute,
    ast.BinOp: _Compiler.v_binop,
    ast.UnaryOp: _Compiler.v_unaryop,
    ast.BoolOp: _Compiler.v_boolop,
    ast.Compare: _Compiler.v_compare,
    ast.IfExp: _Compiler.v_ifexp,
    ast.List: _Compiler.v_sequence,
    ast.Tuple: _Compiler.v_sequence,
    ast.Subscript: _Compiler.v_subscript,
    ast.Call: _Compiler.v_call,
}


def _problem(where: str, en: str, zh: str) -> ExpressionError:
    return ExpressionError([Problem("invalid", where, params={"detail": en, "detail_zh": zh})])


def compile_expression(
    source: str, names: Collection[str], attributes: Collection[str], *, where: str = ""
) -> Expression:
    """Validate and compile ``source`` once; evaluate the result with :meth:`Expression.evaluate`.

    ``names`` are the names the expression may read (an unknown name is an
    error that lists them), ``attributes`` the field names it may read with
    ``.`` (usually :func:`model_attributes`). ``where`` locates the expression
    for messages (e.g. ``rules[3].expression``) and becomes the problem's path.

    Raises :class:`~perfrules.errors.ExpressionError` (problem code
    ``invalid``, English and Chinese detail naming the construct and its
    column) for anything outside the language or its limits, and for a name
    in ``names`` that cannot be bound (a keyword, a function name, a name
    starting with ``_``).
    """
    if not isinstance(source, str):
        kind = type(source).__name__
        raise _problem(
            where, f"an expression must be text, found {kind}", f"表达式必须是文本，实际为 {kind}"
        )
    name_set = frozenset(names)
    for name in sorted(name_set):
        # Names come from rule parameters too, so a bad one is the rule author's error.
        if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
            raise _problem(
                where,
                f"'{name}' cannot be used as a name in expressions "
                "(it must be an identifier that is not a keyword and does not start with '_')",
                f"{name} 不能用作表达式中的名称（须为非关键字、且不以 _ 开头的标识符）",
            )
        if name in FUNCTIONS:
            raise _problem(
                where,
                f"'{name}' cannot be used as a name in expressions: it is a function",
                f"{name} 不能用作表达式中的名称：它是函数名",
            )
    return _Compiler(source, name_set, frozenset(attributes), where).run()
