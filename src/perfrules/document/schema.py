"""The JSON Schema (draft 2020-12) of report format 1, generated from the model.

:func:`report_schema` walks the attrs classes of :mod:`perfrules.document.model`
(:func:`attrs.fields` and their resolved type hints) and maps each type to a
schema: every class is an object with ``additionalProperties: false`` and its
fields without defaults required; optional fields take their inner type (a
document leaves an absent key out); tuples are arrays; enums list their
values. A few types have a written form other than their Python type, as the
loader's converter reads them:

- money (:class:`~perfrules.document.figures.Money`): a number in the report's
  ``money_unit``, or a string with its own unit (``"6,306,545.19元"``);
- percentages (:class:`~perfrules.document.figures.Percent`): a number or ``"91.35%"``;
- targets and actuals (:data:`~perfrules.document.values.Value`): text as written, a
  number, or a table ``{op, value, unit}``;
- a claim's value: also ``true``/``false``;
- ``evaluation.tier_scores``: a table of tier name → number;
- dates: ISO ``YYYY-MM-DD`` strings (TOML documents write native dates);
- ``format`` is the constant 1 and ``report.money_unit`` is 元 or 万元.

``perfrules schema`` prints it; ``docs/schema.json`` is the same text (a test
keeps them equal).
"""

from __future__ import annotations

import datetime
import enum
import json
import types
import typing
from decimal import Decimal
from typing import Any, Union

import attrs

from perfrules.document import model
from perfrules.document.convert import REPORT_MONEY_UNITS
from perfrules.document.figures import Money, Percent
from perfrules.document.source import Source
from perfrules.document.values import Op, Value

__all__ = ["SCHEMA_DIALECT", "report_schema", "schema_text"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_VALUE_TYPE: Any = Value
_CLAIM_VALUE_TYPE: Any = model.ClaimValue

#: Fields whose schema is narrower than their Python type: (class, field) → schema.
_SPECIAL: dict[tuple[type, str], dict[str, Any]] = {
    (model.Report, "format"): {"const": 1, "default": 1},
    (model.ReportInfo, "money_unit"): {
        "type": "string",
        "enum": list(REPORT_MONEY_UNITS),
        "default": "万元",
    },
}

_DEFS: dict[str, dict[str, Any]] = {
    "Money": {
        "description": (
            "An amount of money: a number in the report's money_unit, or a string "
            'with its own unit (元, 万元, 亿元), e.g. "95.81万元" or "6,306,545.19元".'
        ),
        "anyOf": [{"type": "number"}, {"type": "string", "minLength": 1}],
    },
    "Percent": {
        "description": 'A percentage: a number in percent (92.84 means 92.84%) or a string such as "92.84%".',
        "anyOf": [{"type": "number"}, {"type": "string", "minLength": 1}],
    },
    "Value": {
        "description": (
            'A target or actual as written: text ("≥12篇", "不少于200人次", "12月底完成", "是"), '
            "a number, or a table {op, value, unit}."
        ),
        "anyOf": [
            {"type": "string"},
            {"type": "number"},
            {"$ref": "#/$defs/ValueTable"},
        ],
    },
    "ValueTable": {
        "description": "A target or actual as a table; without op the value is a plain quantity.",
        "type": "object",
        "properties": {
            "op": {"type": "string", "enum": [op.value for op in Op]},
            "value": {"type": "number"},
            "unit": {"type": "string"},
        },
        "required": ["value"],
        "additionalProperties": False,
    },
    "ClaimValue": {
        "description": "The value a claim states: true/false (all_targets_met), or a value as written.",
        "anyOf": [{"type": "boolean"}, {"$ref": "#/$defs/Value"}],
    },
}


def _description(cls: type) -> str:
    doc = (cls.__doc__ or "").strip()
    return " ".join(doc.split("\n\n", 1)[0].split()).replace("``", "")


def _strip_optional(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
        rebuilt: Any = Union[tuple(args)]  # noqa: UP007 - rebuilding a Union from its arguments
        return rebuilt
    return tp


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = _DEFS[name]
            if name == "Value":
                self.ref("ValueTable")
            elif name == "ClaimValue":
                self.ref("Value")
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        if tp == _CLAIM_VALUE_TYPE:
            return self.ref("ClaimValue")
        if tp == _VALUE_TYPE:
            return self.ref("Value")
        tp = _strip_optional(tp)
        if tp == _VALUE_TYPE:
            return self.ref("Value")
        if tp is Money:
            return self.ref("Money")
        if tp is Percent:
            return self.ref("Percent")
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is str:
            return {"type": "string"}
        if tp is Decimal:
            return {"type": "number"}
        if tp is datetime.date:
            return {"type": "string", "format": "date"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"type": "string", "enum": [m.value for m in tp]}
        if typing.get_origin(tp) is tuple:
            (item, *_rest) = typing.get_args(tp)
            if item is model.TierScore:  # written as a table tier name -> number
                return {"type": "object", "additionalProperties": {"type": "number"}}
            return {"type": "array", "items": self.type_schema(item)}
        if attrs.has(tp):
            name = tp.__name__
            if name not in self.defs:
                self.defs[name] = {}  # placeholder: classes may refer to each other
                self.defs[name] = self.object_schema(tp)
            return {"$ref": f"#/$defs/{name}"}
        raise TypeError(f"no JSON Schema for {tp!r}")  # a new model type needs a mapping here

    def object_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            tp = hints[field.name]
            if tp is Source or _strip_optional(tp) is Source:  # bookkeeping, not part of the format
                continue
            special = _SPECIAL.get((cls, field.name))
            if special is not None:
                schema = dict(special)
            else:
                schema = self.type_schema(tp)
                default = field.default
                if default is attrs.NOTHING:
                    pass
                elif isinstance(default, enum.Enum):
                    schema = {**schema, "default": default.value}
                elif isinstance(default, (bool, int, str)) and not isinstance(default, enum.Enum):
                    schema = {**schema, "default": default}
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {
            "description": _description(cls),
            "type": "object",
            "properties": properties,
        }
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        return out


def report_schema() -> dict[str, Any]:
    """The JSON Schema of a report document (format 1), as data."""
    builder = _Builder()
    root = builder.object_schema(model.Report)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": "urn:perfrules:report-format:1",
        "title": "perfrules report document, format 1 (绩效自评报告)",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    """:func:`report_schema` as the JSON text ``perfrules schema`` prints."""
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"
