"""The validating rewrite: each syntax-tree node checked against grammar and catalogue, made safe.

:class:`Rewriter` walks the tree :func:`ast.parse` produced and, for every
node, either refuses it (an :class:`~perfrules.errors.ExpressionError` naming
the construct, its line and column) or returns the node that replaces it:
numeric literals become Decimal constants read from the source text, ``a.f``
becomes ``_attr(a, "f")``, ``+ * / % **`` become calls of the runtime's checked
helpers, and calls of the catalogue's functions go to their implementations.
The rewritten tree holds only nodes made here.
"""

from __future__ import annotations

import ast
import decimal
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, NoReturn

from perfrules.errors import ExpressionError, Problem
from perfrules.messages import Message
from perfrules.messages import expr as msg
from perfrules.rules.expr.catalogue import ARITHMETIC_FUNCTIONS, FUNCTIONS, SIGNATURES
from perfrules.rules.expr.grammar import (
    COMPARISONS,
    EMAX,
    EMIN,
    FORBIDDEN,
    MAX_DEPTH,
    MAX_INDEX,
    MAX_ITEMS,
    MAX_NODES,
    MAX_POWER,
    MAX_STRING,
    OPERATORS,
    PRECISION,
    int_constant,
    is_sequence_literal,
    listing,
)

__all__ = ["Rewriter"]


class Rewriter:
    """Validates one expression's syntax tree and rewrites it into safe Python.

    Holds what the rewrite collects on the way: the names the expression reads
    (in order of first use), its Decimal constants, and whether it does any
    arithmetic. Reports every refusal as an ExpressionError located in the
    user's source.
    """

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

    def _located(self, detail: Message, line: int | None, column: int | None) -> Message:
        """``detail`` with its place in the user's source (1-based line and column)."""
        if line is None:
            return detail
        user_lines = self.source.split("\n")
        line = max(1, min(line - 1, len(user_lines)))
        col = column if column is not None else 1
        if len(user_lines) == 1:
            return msg.AtColumn(detail=detail, column=col)
        return msg.AtLineColumn(detail=detail, line=line, column=col)

    def fail(self, detail: Message, line: int | None = None, column: int | None = None) -> NoReturn:
        """Reject the expression: raise ExpressionError with a problem at ``where``."""
        shown = self.source if len(self.source) <= 200 else self.source[:200] + "…"
        params = {"detail": self._located(detail, line, column), "expression": shown}
        raise ExpressionError([Problem("invalid", self.where, params=params)])

    def reject(self, node: ast.AST, detail: Message, *, tail: str | None = None) -> NoReturn:
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
        self.fail(detail, lineno, column)

    # -- the validating rewrite ----------------------------------------------------------

    def visit(self, node: ast.expr, depth: int) -> ast.expr:
        """Check ``node`` and return its safe rewrite."""
        self.count += 1
        if self.count > MAX_NODES:
            self.reject(node, msg.TooManyNodes(limit=MAX_NODES))
        if depth > MAX_DEPTH:
            self.reject(node, msg.TooDeep(limit=MAX_DEPTH))
        handler = _HANDLERS.get(type(node))
        if handler is None:
            forbidden = FORBIDDEN.get(type(node))
            name = type(node).__name__
            self.reject(node, forbidden() if forbidden else msg.NotAllowed(construct=name))
        new = handler(self, node, depth)
        return ast.copy_location(new, node)

    def v_constant(self, node: ast.Constant, depth: int) -> ast.expr:
        value = node.value
        if value is None or isinstance(value, bool):
            return ast.Constant(value)
        if isinstance(value, str):
            if len(value) > MAX_STRING:
                self.reject(node, msg.TextLiteralLong(size=len(value), limit=MAX_STRING))
            return ast.Constant(value)
        if isinstance(value, (int, float)):
            return self.decimal_constant(node)
        if isinstance(value, complex):
            self.reject(node, msg.Complex())
        if isinstance(value, bytes):
            self.reject(node, msg.Bytes())
        self.reject(node, msg.Constant(value=value))

    def decimal_constant(self, node: ast.Constant) -> ast.expr:
        """A numeric literal as a Decimal taken from its source text (never through float)."""
        text = ast.get_source_segment(self.text, node) or ""
        if len(text) > 2 * PRECISION + 10:
            self.reject(node, msg.NumberLong(precision=PRECISION))
        try:
            number = Decimal(text)
        except decimal.InvalidOperation:
            if type(node.value) is not int:
                self.reject(node, msg.NumberUnreadable(text=text))
            number = Decimal(node.value)  # 0x1F, 0o17, 0b101
        digits = number.as_tuple()
        exponent = int(digits.exponent)
        if len(digits.digits) > PRECISION:
            self.reject(node, msg.NumberDigits(precision=PRECISION))
        if not EMIN - PRECISION <= exponent <= EMAX or (
            number and not EMIN <= number.adjusted() <= EMAX
        ):
            self.reject(node, msg.NumberRange(emin=EMIN, emax=EMAX))
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
            self.reject(node, msg.UnderscoreName(name=name))
        if name in FUNCTIONS:
            self.reject(node, msg.FunctionName(name=name))
        if name not in self.names:
            self.reject(node, msg.UnknownName(name=name, names=listing(self.names)))
        self.used.setdefault(name)
        return ast.Name(id=name, ctx=ast.Load())

    def v_attribute(self, node: ast.Attribute, depth: int) -> ast.expr:
        attr = node.attr
        value = self.visit(node.value, depth + 1)  # first, so the leftmost problem is reported
        if attr.startswith("_"):
            self.reject(node, msg.UnderscoreField(field=attr), tail=attr)
        if attr not in self.attributes:
            detail = msg.UnknownField(field=attr, fields=listing(self.attributes))
            self.reject(node, detail, tail=attr)
        return self.call("_attr", [value, ast.Constant(attr)])

    def v_binop(self, node: ast.BinOp, depth: int) -> ast.expr:
        op = node.op
        self.arithmetic = True
        if isinstance(op, ast.Pow):
            exponent = int_constant(node.right)
            if exponent is None or abs(exponent) > MAX_POWER:
                self.reject(node.right, msg.Exponent(low=-MAX_POWER, high=MAX_POWER))
            self.count += 1
            return self.call("_pow", [self.visit(node.left, depth + 1), ast.Constant(exponent)])
        if type(op) in OPERATORS:
            sym = OPERATORS[type(op)]
            self.reject(node, msg.Operator(operator=sym))
        if isinstance(op, ast.Mult):
            for side in (node.left, node.right):
                if is_sequence_literal(side):
                    self.reject(side, msg.Repeat())
        if isinstance(op, ast.Mod) and is_sequence_literal(node.left):
            self.reject(node, msg.PercentFormat())
        left = self.visit(node.left, depth + 1)
        right = self.visit(node.right, depth + 1)
        if isinstance(op, ast.Sub):  # numbers only, bounded by the decimal context
            return ast.BinOp(left=left, op=op, right=right)
        helper = {ast.Add: "_add", ast.Mult: "_mul", ast.Div: "_div", ast.Mod: "_mod"}.get(type(op))
        if helper is None:
            self.reject(node, msg.Operator(operator=type(op).__name__))
        return self.call(helper, [left, right])

    def v_unaryop(self, node: ast.UnaryOp, depth: int) -> ast.expr:
        if isinstance(node.op, ast.Invert):
            self.reject(node, msg.Operator(operator="~"))
        if not isinstance(node.op, ast.Not):
            self.arithmetic = True  # unary minus/plus round to the context's precision
        return ast.UnaryOp(op=node.op, operand=self.visit(node.operand, depth + 1))

    def v_boolop(self, node: ast.BoolOp, depth: int) -> ast.expr:
        return ast.BoolOp(op=node.op, values=[self.visit(v, depth + 1) for v in node.values])

    def v_compare(self, node: ast.Compare, depth: int) -> ast.expr:
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, (ast.Is, ast.IsNot)):
                if not (isinstance(right, ast.Constant) and right.value is None):
                    self.reject(right, msg.IsNone())
            elif not isinstance(op, COMPARISONS):
                self.reject(node, msg.Comparison(operator=type(op).__name__))
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
            self.reject(node, msg.ListLong(size=len(node.elts), limit=MAX_ITEMS))
        elts = [self.visit(e, depth + 1) for e in node.elts]
        if isinstance(node, ast.List):
            return ast.List(elts=elts, ctx=ast.Load())
        return ast.Tuple(elts=elts, ctx=ast.Load())

    def v_subscript(self, node: ast.Subscript, depth: int) -> ast.expr:
        value = self.visit(node.value, depth + 1)  # first, so the leftmost problem is reported
        index = int_constant(node.slice)
        if index is None or abs(index) > MAX_INDEX:
            if isinstance(node.slice, ast.Slice):
                self.reject(node.slice, msg.Slice())
            self.reject(node.slice, msg.Index(low=-MAX_INDEX, high=MAX_INDEX))
        self.count += 1
        return ast.Subscript(value=value, slice=ast.Constant(index), ctx=ast.Load())

    def v_call(self, node: ast.Call, depth: int) -> ast.expr:
        func = node.func
        if isinstance(func, ast.Attribute):
            detail = msg.MethodCall(method=func.attr, functions=listing(FUNCTIONS))
            self.reject(func, detail, tail=func.attr)
        if not isinstance(func, ast.Name):
            self.reject(func, msg.CallByName(functions=listing(FUNCTIONS)))
        name = func.id
        if name.startswith("_"):
            self.reject(func, msg.UnderscoreName(name=name))
        if name not in FUNCTIONS:
            self.reject(func, msg.UnknownFunction(name=name, functions=listing(FUNCTIONS)))
        if node.keywords:
            self.reject(node.keywords[0], msg.KeywordArguments())
        _, least, most = SIGNATURES[name]
        if not least <= len(node.args) <= most:
            wanted = str(least) if least == most else f"{least} to {most}"
            self.reject(node, msg.Arity(name=name, wanted=wanted, given=len(node.args)))
        self.count += 1
        if name in ARITHMETIC_FUNCTIONS:
            self.arithmetic = True
        args = [self.visit(a, depth + 1) for a in node.args]
        return self.call(f"_f_{name}", args)

    @staticmethod
    def call(helper: str, args: list[ast.expr]) -> ast.expr:
        """A call of one of our "_" helpers."""
        return ast.Call(func=ast.Name(id=helper, ctx=ast.Load()), args=args, keywords=[])


_Handler = Callable[[Rewriter, Any, int], ast.expr]

_HANDLERS: Mapping[type, _Handler] = {
    ast.Constant: Rewriter.v_constant,
    ast.Name: Rewriter.v_name,
    ast.Attribute: Rewriter.v_attribute,
    ast.BinOp: Rewriter.v_binop,
    ast.UnaryOp: Rewriter.v_unaryop,
    ast.BoolOp: Rewriter.v_boolop,
    ast.Compare: Rewriter.v_compare,
    ast.IfExp: Rewriter.v_ifexp,
    ast.List: Rewriter.v_sequence,
    ast.Tuple: Rewriter.v_sequence,
    ast.Subscript: Rewriter.v_subscript,
    ast.Call: Rewriter.v_call,
}
