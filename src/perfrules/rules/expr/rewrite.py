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
            en, zh = FORBIDDEN.get(
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
                f"unknown name '{name}'; the names available here are: {listing(self.names)}",
                f"未知名称 {name}；此处可用的名称：{listing(self.names)}",
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
                f"unknown field '.{attr}'; the fields are: {listing(self.attributes)}",
                f"未知字段 .{attr}；可用字段：{listing(self.attributes)}",
                tail=attr,
            )
        return self.call("_attr", [value, ast.Constant(attr)])

    def v_binop(self, node: ast.BinOp, depth: int) -> ast.expr:
        op = node.op
        self.arithmetic = True
        if isinstance(op, ast.Pow):
            exponent = int_constant(node.right)
            if exponent is None or abs(exponent) > MAX_POWER:
                self.reject(
                    node.right,
                    f"the exponent of ** must be a whole-number constant "
                    f"from {-MAX_POWER} to {MAX_POWER}",
                    f"** 的指数必须是 {-MAX_POWER} 至 {MAX_POWER} 的整数常量",
                )
            self.count += 1
            return self.call("_pow", [self.visit(node.left, depth + 1), ast.Constant(exponent)])
        if type(op) in OPERATORS:
            sym = OPERATORS[type(op)]
            self.reject(node, f"the operator {sym} is not allowed", f"不允许使用运算符 {sym}")
        if isinstance(op, ast.Mult):
            for side in (node.left, node.right):
                if is_sequence_literal(side):
                    self.reject(
                        side,
                        "repeating text or lists with * is not allowed",
                        "不允许用 * 重复文本或列表",
                    )
        if isinstance(op, ast.Mod) and is_sequence_literal(node.left):
            self.reject(node, "formatting text with % is not allowed", "不允许用 % 格式化文本")
        left = self.visit(node.left, depth + 1)
        right = self.visit(node.right, depth + 1)
        if isinstance(op, ast.Sub):  # numbers only, bounded by the decimal context
            return ast.BinOp(left=left, op=op, right=right)
        helper = {ast.Add: "_add", ast.Mult: "_mul", ast.Div: "_div", ast.Mod: "_mod"}.get(type(op))
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
            elif not isinstance(op, COMPARISONS):
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
        index = int_constant(node.slice)
        if index is None or abs(index) > MAX_INDEX:
            if isinstance(node.slice, ast.Slice):
                en, zh = FORBIDDEN[ast.Slice]
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
                f"only these functions can be called: {listing(FUNCTIONS)}",
                f"不允许调用方法（.{func.attr}(...)）；只能调用这些函数：{listing(FUNCTIONS)}",
                tail=func.attr,
            )
        if not isinstance(func, ast.Name):
            self.reject(
                func,
                f"only these functions can be called, by name: {listing(FUNCTIONS)}",
                f"只能按名称调用这些函数：{listing(FUNCTIONS)}",
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
                f"calling {name}() is not allowed; the functions are: {listing(FUNCTIONS)}",
                f"不允许调用 {name}()；可用函数：{listing(FUNCTIONS)}",
            )
        if node.keywords:
            self.reject(
                node.keywords[0], "keyword arguments are not allowed", "不允许使用关键字参数"
            )
        _, least, most = SIGNATURES[name]
        if not least <= len(node.args) <= most:
            wanted = str(least) if least == most else f"{least} to {most}"
            self.reject(
                node,
                f"{name}() takes {wanted} argument(s), {len(node.args)} given",
                f"{name}() 需要 {wanted} 个参数，实际给出 {len(node.args)} 个",
            )
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
