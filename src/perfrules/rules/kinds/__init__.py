"""Built-in rule kinds: reusable checks, one module each, found by looking into this package.

A kind is a check that any number of rules may use (``kind = "<module name>"``
in a rule pack); the rule gives it its id, category, severity, messages,
prose and parameter values. Every module of this package whose name does not
start with ``_`` is a kind, and declares side by side:

- ``Params``: a frozen attrs class of the parameters its rules may set (each
  field ``Decimal``, ``int``, ``bool`` or ``str``: the parameter types of rule
  packs, :data:`~perfrules.rules.packspec.PARAM_CLASSES`). The rules'
  ``params`` tables must declare exactly these
  fields with these types; linking (:mod:`perfrules.rules.link`) builds one
  ``Params`` per rule when rules are compiled. A kind that takes no
  parameters says ``Params = NoParams``.
- ``Args``: a frozen attrs class of the message arguments its hits carry
  (``Hit(..., args=Args(...))``); its fields are what a rule's message
  template may name, besides ``expected``, ``found`` and ``about``. An
  ``Args`` object lives only until the hit turns it into (name, value) pairs,
  and every kind defines its class at start-up, where each generated method
  costs time; so ``Args`` are declared ``eq=False, repr=False, slots=False``
  (never compared, shown or kept).
- ``check(ctx, params)``: a generator of :class:`~perfrules.rules.findings.Hit`
  objects, one per problem, in document order.
- optionally ``AFTER_WAIVERS = True``: the kind judges waivers, so it runs
  after they are applied.

Modules starting with ``_`` hold analysis shared by several kinds.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from perfrules.rules.packspec import PARAM_CLASSES

if TYPE_CHECKING:
    from perfrules.rules.context import Context
    from perfrules.rules.findings import Hit

__all__ = ["Kind", "NoParams", "kind", "names"]


@attrs.frozen
class NoParams:
    """The ``Params`` of every kind that takes no parameters."""


@attrs.frozen
class Kind:
    """A kind module, registered: its check, its ``Params`` and ``Args`` classes, and when it runs."""

    name: str
    check: Callable[[Context, Any], Iterator[Hit]]
    params: type
    args: type
    #: Each ``Params`` field with its pack type (``decimal`` …), in field order.
    param_types: Mapping[str, str]
    #: The names a message template may use from the hits' arguments.
    fields: frozenset[str]
    after_waivers: bool = False


@functools.cache
def names() -> tuple[str, ...]:
    """The names of every kind module in this package, sorted (listed once, nothing imported)."""
    return tuple(
        sorted(
            info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_")
        )
    )


def kind(name: str) -> Kind | None:
    """The kind called ``name`` (its module imported on first request), or None when there is none."""
    return _register(name) if name in names() else None


@functools.cache
def _register(name: str) -> Kind:
    module = importlib.import_module(f"{__name__}.{name}")
    params, args = module.Params, module.Args
    for cls in (params, args):
        if not (isinstance(cls, type) and attrs.has(cls)):
            raise TypeError(f"kind {name}: {cls!r} is not an attrs class")
    by_type = {t: n for n, t in PARAM_CLASSES.items()}
    hints = typing.get_type_hints(params)
    param_types: dict[str, str] = {}
    for field in attrs.fields(params):
        ptype = by_type.get(hints[field.name])
        if ptype is None:
            raise TypeError(f"kind {name}: parameter {field.name} is not one of {list(by_type)}")
        param_types[field.name] = ptype
    return Kind(
        name,
        module.check,
        params,
        args,
        param_types,
        frozenset(f.name for f in attrs.fields(args)),
        bool(getattr(module, "AFTER_WAIVERS", False)),
    )
