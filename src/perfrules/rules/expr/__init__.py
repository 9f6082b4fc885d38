"""The expression language of user rules: a small, sandboxed subset of Python expressions.

Rules are data, never code. A rule pack may give a check as an ``expression``
such as ``close(ratio(executed, adjusted), execution_rate)``;
:func:`compile_expression` turns that text into an :class:`Expression` once,
when the rule loads, and :meth:`Expression.evaluate` evaluates it quickly for
every subject afterwards. The language is specified in ``docs/expressions.md``.

Its parts, each a module of this package:

- :mod:`~perfrules.rules.expr.grammar`: the Python syntax the language admits
  and refuses, and its limits (:data:`LIMITS`);
- :mod:`~perfrules.rules.expr.catalogue`: the functions expressions may call
  (:data:`FUNCTIONS`) and the model's field names (:func:`model_attributes`);
- :mod:`~perfrules.rules.expr.compiler` and :mod:`~perfrules.rules.expr.rewrite`:
  parsing, checking every node, rewriting the tree into safe Python and
  compiling it;
- :mod:`~perfrules.rules.expr.runtime`: the guarded operators and field access
  the compiled code calls, the decimal context it runs in, and
  :class:`ExpressionEvalError`.

The names below are the package's interface; each is imported on first use,
so importing the package costs nothing until one is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfrules._lazy import lazy_face

if TYPE_CHECKING:
    from perfrules.rules.expr.catalogue import FUNCTIONS, model_attributes
    from perfrules.rules.expr.compiler import compile_expression
    from perfrules.rules.expr.grammar import LIMITS
    from perfrules.rules.expr.runtime import Expression, ExpressionEvalError

__all__ = [
    "FUNCTIONS",
    "LIMITS",
    "Expression",
    "ExpressionEvalError",
    "compile_expression",
    "model_attributes",
]

#: Where each name of the interface lives.
_LAZY: dict[str, str] = {
    "FUNCTIONS": "perfrules.rules.expr.catalogue",
    "LIMITS": "perfrules.rules.expr.grammar",
    "Expression": "perfrules.rules.expr.runtime",
    "ExpressionEvalError": "perfrules.rules.expr.runtime",
    "compile_expression": "perfrules.rules.expr.compiler",
    "model_attributes": "perfrules.rules.expr.catalogue",
}


__getattr__, __dir__ = lazy_face(__name__, _LAZY, globals())
