"""The JSON Schema of report format 1: generated from the model, shipped in docs/, and true to the loader."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import tomli

import perfrules
from perfrules.document import model
from perfrules.document.convert import DOCUMENT_TABLES
from perfrules.document.schema import report_schema, schema_text
from perfrules.document.template import TEMPLATE

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
DOCS_SCHEMA = ROOT / "docs" / "schema.json"


def _json_ready(value: Any) -> Any:
    """TOML data as a JSON document has it: dates as ISO strings."""
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_docs_schema_is_current() -> None:
    assert DOCS_SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "docs/schema.json is stale: regenerate it with `perfrules schema > docs/schema.json`"
    )


def test_schema_is_draft_2020_12_and_strict() -> None:
    schema = report_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["report"]
    for name, definition in schema["$defs"].items():
        if definition.get("type") == "object" and "properties" in definition:
            assert definition["additionalProperties"] is False, name


def test_schema_follows_the_model() -> None:
    """Every attrs field of the model is a property (except the bookkeeping ``source``)."""
    schema = report_schema()
    defs = schema["$defs"]
    pairs = [(model.Report, schema)] + [(cls, defs[cls.__name__]) for cls in DOCUMENT_TABLES]
    for cls, definition in pairs:
        fields = {
            f.name for f in cls.__attrs_attrs__ if not (cls is model.Report and f.name == "source")
        }
        assert set(definition["properties"]) == fields, cls.__name__
    assert defs["ReportInfo"]["required"] == ["department", "year"]
    assert defs["ReportInfo"]["properties"]["money_unit"]["enum"] == ["元", "万元"]
    assert defs["Line"]["properties"]["kind"]["enum"][0] == "source"
    assert schema["properties"]["format"]["const"] == 1
    money = defs["Money"]["anyOf"]
    assert {"type": "number"} in money and any(m.get("type") == "string" for m in money)
    assert defs["Value"]["anyOf"][2] == {"$ref": "#/$defs/ValueTable"}
    assert defs["ValueTable"]["additionalProperties"] is False


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_validate(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    data = _json_ready(tomli.loads(path.read_text(encoding="utf-8"), parse_float=Decimal))
    assert list(validator.iter_errors(data)) == []
    exported = json.loads(perfrules.dumps(perfrules.load(path)), parse_float=Decimal)
    assert list(validator.iter_errors(exported)) == []


def test_template_validates(validator: jsonschema.Draft202012Validator) -> None:
    assert (
        list(validator.iter_errors(_json_ready(tomli.loads(TEMPLATE, parse_float=Decimal)))) == []
    )


@pytest.mark.parametrize(
    "document",
    [
        {"report": {"department": "x"}},  # year missing
        {"report": {"department": "x", "year": 2023}, "colour": "red"},
        {"report": {"department": "x", "year": "2023"}},
        {"report": {"department": "x", "year": 2023, "money_unit": "亿元"}},
        {"report": {"department": "x", "year": 2023}, "format": 2},
        {"report": {"department": "x", "year": 2023}, "budget": {"initial": True}},
        {
            "report": {"department": "x", "year": 2023},
            "indicators": [{"name": "a", "target": {"op": "~", "value": 1}}],
        },
        {
            "report": {"department": "x", "year": 2023},
            "lines": [{"id": "a", "label": "b", "kind": "weird"}],
        },
        {
            "report": {"department": "x", "year": 2023},
            "evaluation": {"tier_scores": {"产出指标": "45"}},
        },
    ],
)
def test_schema_and_loader_reject_the_same(
    validator: jsonschema.Draft202012Validator, document: dict[str, Any]
) -> None:
    assert list(validator.iter_errors(document)), "the schema accepts it"
    with pytest.raises(perfrules.DocumentError):
        perfrules.loads(json.dumps(document, ensure_ascii=False), "json")


@pytest.mark.parametrize(
    "document",
    [
        {
            "report": {"department": "x", "year": 2023},
            "budget": {"initial": "95.81万元", "execution_rate": "92.84%"},
        },
        {"report": {"department": "x", "year": 2023, "filled_on": "2024-03-01"}},
        {
            "report": {"department": "x", "year": 2023},
            "indicators": [
                {"name": "a", "target": {"op": ">=", "value": 12, "unit": "篇"}, "actual": 13}
            ],
        },
        {
            "report": {"department": "x", "year": 2023},
            "claims": [{"about": "all_targets_met", "value": True}],
        },
    ],
)
def test_schema_and_loader_accept_the_same(
    validator: jsonschema.Draft202012Validator, document: dict[str, Any]
) -> None:
    assert list(validator.iter_errors(document)) == []
    perfrules.loads(json.dumps(document, ensure_ascii=False), "json")
