"""The compiler of the expression language: source text in, a checked and compiled Expression out.

:func:`compile_expression` checks the source's size, brackets and syntax,
has :class:`~perfrules.rules.expr.rewrite.Rewriter` check every node against
the grammar and the catalogue and rewrite it, and compiles only that
rewritten tree into a function of the names it reads. This is the one place
in perfrules that uses ``compile``/``eval``; the function runs with empty
builtins and only the runtime's helpers, bound under ``_`` names that user
source cannot spell.
"""

from __future__ import annotations

import ast
import keyword
import warnings
from collections.abc import Callable, Collection, Mapping

from perfrules.errors import ExpressionError, Problem
from perfrules.messages import Message
from perfrules.messages import expr as msg
from perfrules.rules.expr.catalogue import FUNCTIONS, SIGNATURES
from perfrules.rules.expr.grammar import MAX_SOURCE, bracket_problem
from perfrules.rules.expr.rewrite import Rewriter
from perfrules.rules.expr.runtime import HELPERS, Expression

__all__ = ["compile_expression"]

#: The namespace every compiled expression runs in (plus its own Decimal constants).
#: ``__builtins__`` must be present and empty: without it CPython would insert the real builtins.
_BASE_GLOBALS: Mapping[str, object] = {
    "__builtins__": {},
    **HELPERS,
    **{f"_f_{name}": impl for name, (impl, _, _) in SIGNATURES.items()},
}


def _problem(where: str, detail: Message) -> ExpressionError:
    return ExpressionError([Problem("invalid", where, params={"detail": detail})])


def compile_expression(
    source: str, names: Collection[str], attributes: Collection[str], *, where: str = ""
) -> Expression:
    """Validate and compile ``source`` once; evaluate the result with :meth:`Expression.evaluate`.

    ``names`` are the names the expression may read (an unknown name is an
    error that lists them), ``attributes`` the field names it may read with
    ``.`` (usually :func:`~perfrules.rules.expr.model_attributes`). ``where``
    locates the expression for messages (e.g. ``rules[3].expression``) and
    becomes the problem's path.

    Raises :class:`~perfrules.errors.ExpressionError` (problem code
    ``invalid``, English and Chinese detail naming the construct and its
    column) for anything outside the language or its limits, and for a name
    in ``names`` that cannot be bound (a keyword, a function name, a name
    starting with ``_``).
    """
    if not isinstance(source, str):
        kind = type(source).__name__
        raise _problem(where, msg.NotText(kind=kind))
    name_set = frozenset(names)
    for name in sorted(name_set):
        # Names come from rule parameters too, so a bad one is the rule author's error.
        if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
            raise _problem(where, msg.BadName(name=name))
        if name in FUNCTIONS:
            raise _problem(where, msg.NameIsFunction(name=name))
    rewriter = Rewriter(source, name_set, frozenset(attributes), where)
    if len(source) > MAX_SOURCE:
        rewriter.fail(msg.SourceLong(size=len(source), limit=MAX_SOURCE))
    if not source.strip():
        rewriter.fail(msg.Empty())
    brackets = bracket_problem(rewriter.text)
    if brackets is not None:
        rewriter.fail(*brackets)
    body = rewriter.visit(_parse(rewriter).body, 1)
    params = tuple(rewriter.used)
    return Expression(
        source,
        frozenset(params),
        where,
        params=params,
        fn=_build(body, params, rewriter.constants, where),
        arithmetic=rewriter.arithmetic,
    )


def _parse(rewriter: Rewriter) -> ast.Expression:
    """The syntax tree of the rewriter's (wrapped) text; a syntax error is an ExpressionError."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. invalid escapes: not errors, not noise
            return ast.parse(rewriter.text, mode="eval")
    except SyntaxError as exc:
        text = exc.msg or "invalid syntax"
        rewriter.fail(msg.Syntax(error=text), exc.lineno, exc.offset)
    except (ValueError, RecursionError, MemoryError, OverflowError) as exc:
        rewriter.fail(msg.Unparsable(error=exc))


def _build(
    body: ast.expr, params: tuple[str, ...], constants: Mapping[str, object], where: str
) -> Callable[..., object]:
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
    namespace: dict[str, object] = {**_BASE_GLOBALS, **constants}
    # Safe: every node of `tree` was produced by Rewriter.visit, which only emits the
    # whitelisted constructs (names are the user's validated names, our "_" helpers and
    # constants), and the code runs with empty __builtins__. Evaluating `code` only creates
    # the lambda; nothing of the user's expression runs here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = compile(tree, f"<expression {where}>", "eval")
    fn: Callable[..., object] = eval(code, namespace)
    return fn
