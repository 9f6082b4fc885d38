"""Frozen attrs objects built at the cost of mutable ones, for the few classes a check makes by the dozen.

A frozen attrs class sets each field through a bound ``object.__setattr__``
(its own ``__setattr__`` refuses every assignment), which costs about five
times what a plain slot assignment does: 1.3 µs for the 20 fields of an
:class:`~perfrules.scoring.indicatorscore.IndicatorScore` against 0.26 µs.
A check builds some fifty such objects per report (a tenth of its cost
before), the loader some hundred.

:func:`builder` gives, for such a class, a *draft*: a subclass that adds no
slots and keeps object's own ``__setattr__``, whose ``__init__`` is written
as attrs writes one for a mutable class of the same fields. It assigns the
slots directly and then turns the object into an instance of the frozen class
(``__class__`` assignment, allowed from a subclass that adds no slots). What
comes out *is* an instance of the frozen class, equal to the one its own
``__init__`` would build from the same arguments, with the same hash and
repr, and frozen from then on; the draft is never seen.

Only classes whose ``__init__`` does nothing but store its arguments are
accepted (no validators, converters, factories, ``init=False`` fields, a
cached hash, ``__attrs_pre_init__`` or ``__attrs_post_init__``): anything else would be skipped by the draft, so
:func:`builder` refuses it at import time instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import attrs

__all__ = ["builder"]

T = TypeVar("T")


def builder(cls: type[T]) -> Callable[..., T]:
    """A constructor taking ``cls``'s ``__init__`` arguments that returns what ``cls(...)`` would, faster.

    ``cls`` must be a slotted, frozen attrs class whose ``__init__`` only
    stores its arguments (see the module docstring); TypeError otherwise.
    """
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__}: not a slotted attrs class")
    for hook in ("__attrs_pre_init__", "__attrs_post_init__"):
        if getattr(cls, hook, None) is not None:
            raise TypeError(f"{cls.__name__}: has {hook}")
    if {"_attrs_cached_hash", "__attrs_cached_hash__"} & set(getattr(cls, "__slots__", ())):
        raise TypeError(f"{cls.__name__}: caches its hash (a slot its __init__ sets)")
    names: list[str] = []
    positional: list[str] = []
    keyword: list[str] = []
    defaults: dict[str, Any] = {"_cls": cls}
    for f in attrs.fields(cls):
        if not f.init or f.validator is not None or f.converter is not None:
            raise TypeError(f"{cls.__name__}.{f.name}: not a plain stored argument")
        if isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__name__}.{f.name}: a default factory")
        if f.alias != f.name or not f.name.isidentifier() or f.name == "self":
            raise TypeError(f"{cls.__name__}.{f.name}: a private field")
        names.append(f.name)
        param = f.name
        if f.default is not attrs.NOTHING:
            defaults[f"_d_{f.name}"] = f.default
            param += f"=_d_{f.name}"
        (keyword if f.kw_only else positional).append(param)
    # The draft's __init__, as attrs would write it for a mutable class of these fields
    # (the names are the class's own field names, checked above: no text from a file):
    # plain slot assignments, then the draft becomes the frozen object (a subclass that
    # adds no slots may change its class to its base).
    params = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    lines = [f"def __init__({params}):", *[f"    self.{n} = {n}" for n in names]]
    lines.append("    self.__class__ = _cls")
    exec(compile("\n".join(lines), f"<{cls.__qualname__} draft>", "exec"), defaults)
    # the draft: ``cls`` without its refusing ``__setattr__``/``__delattr__`` (both must be
    # object's, or CPython routes every assignment through a Python-level lookup)
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__init__": defaults["__init__"],
        "__module__": cls.__module__,
        "__qualname__": f"{cls.__qualname__}.draft",
    }
    draft = type(f"{cls.__name__}Draft", (cls,), namespace)
    return cast("Callable[..., T]", draft)
