"""The grammar of the expression language: the Python syntax it admits and refuses, and its limits.

The language is a subset of Python's expression syntax (``docs/expressions.md``
gives it in EBNF). This module says which parts of a Python syntax tree and
which tokens it admits, and publishes the bounds every expression stays within
(:data:`LIMITS`). The compiler (:mod:`perfrules.rules.expr.rewrite`) applies
these tables node by node; the runtime (:mod:`perfrules.rules.expr.runtime`)
enforces the limits that only values can show.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Iterable, Mapping

from perfrules.messages import Message
from perfrules.messages import expr as msg

__all__ = [
    "COMPARISONS",
    "EMAX",
    "EMIN",
    "FORBIDDEN",
    "LIMITS",
    "MAX_CONCAT_CHARS",
    "MAX_CONCAT_ITEMS",
    "MAX_DEPTH",
    "MAX_INDEX",
    "MAX_ITEMS",
    "MAX_NODES",
    "MAX_POWER",
    "MAX_ROUND",
    "MAX_SOURCE",
    "MAX_STRING",
    "OPERATORS",
    "PRECISION",
    "bracket_problem",
    "int_constant",
    "is_sequence_literal",
    "listing",
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
MAX_CONCAT_CHARS = 10_000  # characters of text that + may build
MAX_CONCAT_ITEMS = 10_000  # items of a list that + may build

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
    "concat_chars": MAX_CONCAT_CHARS,
    "concat_items": MAX_CONCAT_ITEMS,
}

# --- syntax -----------------------------------------------------------------------------
# Admitted: the node types the compiler has a handler for (Constant, Name, Attribute,
# BinOp, UnaryOp, BoolOp, Compare, IfExp, List, Tuple, Subscript, Call). Of the
# operators: + - * / % and ** (constant exponent); unary - + and not; the comparisons
# below. Everything else is refused, with these reasons where a reader needs one.

#: Descriptions of constructs that are never allowed, by AST node type.
FORBIDDEN: Mapping[type, type[Message]] = {
    ast.Lambda: msg.Lambda,
    ast.ListComp: msg.Comprehension,
    ast.SetComp: msg.Comprehension,
    ast.DictComp: msg.Comprehension,
    ast.GeneratorExp: msg.Generator,
    ast.NamedExpr: msg.Assignment,
    ast.Starred: msg.Starred,
    ast.JoinedStr: msg.FString,
    ast.FormattedValue: msg.FString,
    ast.Dict: msg.Dict,
    ast.Set: msg.Set,
    ast.Await: msg.Await,
    ast.Yield: msg.Yield,
    ast.YieldFrom: msg.Yield,
    ast.Slice: msg.Slice,
}

#: Operators that are never allowed (bitwise and integer ones), with their symbols.
OPERATORS: Mapping[type, str] = {
    ast.FloorDiv: "//",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.BitAnd: "&",
    ast.Invert: "~",
}

#: The comparison operators allowed without condition (``is`` / ``is not`` only with None).
COMPARISONS = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn)

_OPENERS = frozenset("([{")
_CLOSERS = frozenset(")]}")


def int_constant(node: ast.expr) -> int | None:
    """The value of a whole-number constant ``3`` or ``-3`` (not True/False), else None."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        sign = -1 if isinstance(node.op, ast.USub) else 1
        node = node.operand
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return sign * node.value
    return None


def is_sequence_literal(node: ast.expr) -> bool:
    """True for text, f-string, list and tuple literals (which * must not repeat, % not format)."""
    return (isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes))) or isinstance(
        node, (ast.List, ast.Tuple, ast.JoinedStr)
    )


def listing(names: Iterable[str]) -> str:
    """Names sorted and joined by commas, for messages that list what is available."""
    return ", ".join(sorted(names)) or "(none)"


# --- tokens -------------------------------------------------------------------------------


def bracket_problem(text: str) -> tuple[Message, int, int] | None:
    """The first bracket problem of ``text`` as (message, line, column), or None.

    ``text`` is the source wrapped in a bracket pair on lines of their own (as
    the compiler parses it). Bracket nesting must stay within MAX_DEPTH
    (``((((1))))`` makes no syntax-tree nodes, so the tree's depth limit does
    not see it), and no ``)`` may close the wrapping bracket before its last
    line. Text that does not tokenize gives None: parsing reports it better.
    """
    depth = 0
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, ValueError):
        return None
    last = text.count("\n") + 1
    for tok in tokens:
        if tok.type != tokenize.OP:
            continue
        if tok.string in _OPENERS:
            depth += 1
            if depth > MAX_DEPTH + 1:  # + 1: the wrapping bracket
                return msg.BracketsDeep(limit=MAX_DEPTH), tok.start[0], tok.start[1] + 1
        elif tok.string in _CLOSERS:
            depth -= 1
            if depth == 0 and tok.start[0] != last:
                return msg.Unbalanced(bracket=tok.string), tok.start[0], tok.start[1] + 1
    return None
