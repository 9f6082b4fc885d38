"""The loader's fast path: report data structured into model objects without cattrs' error bookkeeping.

:func:`structure_report` builds the same :class:`~perfrules.document.model.Report`
the converter does, through the converter's own leaf hooks (strings, numbers,
money, percentages, dates, values, enums), but with a function generated for
each class from its fields (as cattrs generates its own) that calls those
hooks directly, instead of cattrs' detailed-validation functions and generic
``Optional`` dispatch. It never explains a problem: on anything it does not
expect (an unknown or missing key, a table that is not a ``dict``, a list
that is not a ``list``, a hook that refuses a value) it returns ``None``, and
the loader runs the converter's detailed path, which finds every problem with
its key path. A document that the fast path accepts is therefore one the
detailed path accepts too, giving an equal object
(``tests/document/test_fastpath.py`` holds the two paths to that).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, NamedTuple

import attrs

from perfrules._frozen import builder
from perfrules.document import model
from perfrules.document.convert import (
    DOCUMENT_TABLES,
    _number,
    _structure_decimal,
    _structure_str,
    _structure_value,
    converter,
)

__all__ = ["structure_report"]

_Hook = Callable[..., Any]

#: The model classes the fast path builds itself (every other type goes to a converter hook).
_CLASSES: tuple[type, ...] = (model.Report, *DOCUMENT_TABLES)

#: The fields cattrs leaves out of a document (``Report.source``: bookkeeping, set by the loader).
_OMITTED: dict[type, frozenset[str]] = {model.Report: frozenset({"source"})}


class _Refused(Exception):
    """The fast path does not handle this input; the detailed path will explain it."""


#: Targets and actuals as written → their parsed, range-checked values (bounded: a batch
#: of documents writes the same few hundred texts again and again).
_VALUES: dict[str, Any] = {}
_VALUES_MAX = 4096


def _value(value: Any) -> Any:
    """A target or actual through the converter's value hook, texts read once."""
    if type(value) is not str:
        return _structure_value(value)
    parsed = _VALUES.get(value)
    if parsed is None:
        parsed = _structure_value(value)  # refuses out-of-range figures: not kept
        if len(_VALUES) < _VALUES_MAX:
            _VALUES[value] = parsed
    return parsed


class _Step(NamedTuple):
    """How the generated code structures one field: ``hook(value)`` or ``hook(value, tp)``.

    ``nullable``: None is taken as None before the hook is called (what
    cattrs' generic ``X | None`` hook does, without its dispatch per value).
    """

    hook: _Hook
    tp: Any = None  # passed as the hook's second argument when not None
    nullable: bool = False


def _one(tp: Any) -> _Step:
    """The converter's hook for ``tp``."""
    hook = converter.get_structure_hook(tp)
    if hook is _structure_decimal:
        return _Step(_number)  # what the Decimal hook calls, without the call in between
    if hook is _structure_value:
        return _Step(_value)
    return _Step(hook, tp)


def _leaf(tp: Any) -> _Step:
    """The converter's hook for ``tp``, with cattrs' generic ``X | None`` dispatch resolved once."""
    args = typing.get_args(tp)
    hook = converter.get_structure_hook(tp)
    generic = getattr(converter, "_structure_optional", None)
    if (
        len(args) == 2
        and type(None) in args
        and getattr(hook, "__func__", None) is getattr(generic, "__func__", object())
    ):
        return _one(args[0] if args[1] is type(None) else args[1])._replace(nullable=True)
    return _one(tp)


def _step_for(tp: Any, built: dict[type, _Hook]) -> _Step:
    """How one field's value is structured: a model class, a tuple of them, or a leaf."""
    if tp in built:
        return _Step(built[tp])
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] in built:
        element = built[args[0]]

        def many(value: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _Refused
            return tuple([element(item) for item in value])

        return _Step(many)
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = args[0] if args[1] is type(None) else args[1]
        if inner in built:
            return _Step(built[inner], nullable=True)
    return _leaf(tp)


def _is_text(tp: Any) -> bool | None:
    """True for a ``str`` field, False for ``str | None``, None for any other field.

    Only when the converter's hook for ``str`` is the strict one of
    :mod:`~perfrules.document.convert` (a ``str``, nothing else): those values
    are taken as they are, with no call.
    """
    if converter.get_structure_hook(str) is not _structure_str:
        return None
    if tp is str:
        return True
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and set(typing.get_args(tp)) == {
        str,
        type(None),
    }:
        return False
    return None


def _build(cls: type, built: dict[type, _Hook]) -> _Hook:
    """The fast structuring function of one model class (its nested classes built already).

    Generated code, one branch per field, as cattrs does: a text field is
    taken as it is when it is a ``str`` (or None where None is allowed),
    every other field goes through its hook; anything else is refused.
    """
    attrs.resolve_types(
        cls
    )  # as cattrs reads them (done already when the converter built its hooks)
    hints = {f.name: f.type for f in attrs.fields(cls)}
    omitted = _OMITTED.get(cls, frozenset())
    fields = [f for f in attrs.fields(cls) if f.name not in omitted]
    # the class built at the cost of a mutable object (see perfrules._frozen): the same object
    names: dict[str, Any] = {"_cls": builder(cls), "_Refused": _Refused, "_str": str, "_dict": dict}
    lines = [
        "def structure(data):",
        "    if type(data) is not _dict or not data.keys() <= _allowed:",
        "        raise _Refused",
        "    kwargs = {}",
    ]
    names["_allowed"] = frozenset(f.name for f in fields)
    for f in fields:
        text = _is_text(hints[f.name])
        key = repr(f.name)
        required = f.default is attrs.NOTHING
        if required:
            lines.append(f"    value = data[{key}]")
        else:
            lines.append(f"    if {key} in data:")
            lines.append(f"        value = data[{key}]")
        pad = "    " if required else "        "
        if text is None:
            step = _step_for(hints[f.name], built)
            names[f"_h_{f.name}"] = step.hook
            call = f"_h_{f.name}(value)"
            if step.tp is not None:
                names[f"_t_{f.name}"] = step.tp
                call = f"_h_{f.name}(value, _t_{f.name})"
            if step.nullable:
                call = f"None if value is None else {call}"
            lines.append(f"{pad}kwargs[{key}] = {call}")
        else:
            allowed = "type(value) is not _str"
            if text is False:
                allowed += " and value is not None"
            lines.append(f"{pad}if {allowed}:")
            lines.append(f"{pad}    raise _Refused")
            lines.append(f"{pad}kwargs[{key}] = value")
    lines.append("    return _cls(**kwargs)")
    exec(compile("\n".join(lines), f"<fast structure {cls.__name__}>", "exec"), names)
    structure: _Hook = names["structure"]
    return structure


def _build_all() -> _Hook:
    built: dict[type, _Hook] = {}
    for cls in reversed(_CLASSES):  # nested classes first
        built[cls] = _build(cls, built)
    return built[model.Report]


_report: _Hook | None = None


def structure_report(data: Any) -> model.Report | None:
    """``data`` as a Report when everything in it is as expected, else None (use the detailed path).

    Call it where the converter would be called: with
    :data:`~perfrules.document.convert.MONEY_UNIT` set for the report.
    """
    global _report
    if _report is None:
        _report = _build_all()
    try:
        report: model.Report = _report(data)
    except Exception:  # (any refusal: the detailed path finds and words it)
        return None
    return report
