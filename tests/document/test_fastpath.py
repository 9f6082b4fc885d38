"""The loader's fast path agrees with the converter's detailed path (issue 13).

For every generated document, valid or hostile, loading with the fast path
(the default) and with the detailed path only (``fast=False``) gives the
same report, field for field (also the fields left out of equality, such as
how a figure was written), or the same problems (code, key path, parameters,
line). And the fast path does take the documents it should: a valid
document never needs the detailed path.
"""

from __future__ import annotations

import copy
import os
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from perfrules.document import fastpath
from perfrules.document.convert import MONEY_UNIT
from perfrules.document.loader import from_data
from perfrules.errors import DocumentError
from tests.strategies import documents, hostile_documents

EXAMPLES = int(os.environ.get("PERFRULES_PROPERTY_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _outcome(doc: Any, *, fast: bool) -> tuple[str, Any]:
    """What loading ``doc`` gives: the report's repr (every field), or the problems."""
    try:
        report = from_data(copy.deepcopy(doc), fast=fast)
    except DocumentError as exc:
        return "problems", [
            (p.code, p.path, p.line, sorted(p.params.items())) for p in exc.problems
        ]
    return "report", (report, repr(report))


def _agree(doc: Any) -> tuple[str, Any]:
    fast = _outcome(doc, fast=True)
    slow = _outcome(doc, fast=False)
    assert fast == slow
    return fast


@SETTINGS
@given(documents())
def test_valid_documents_load_alike_and_take_the_fast_path(doc: dict[str, Any]) -> None:
    kind, _ = _agree(doc)
    assert kind == "report"
    unit = doc["report"].get("money_unit", "万元")
    token = MONEY_UNIT.set(unit)
    try:
        assert fastpath.structure_report(copy.deepcopy(doc)) is not None
    finally:
        MONEY_UNIT.reset(token)


@SETTINGS
@given(hostile_documents("toml"))
def test_hostile_toml_documents_load_alike(doc: Any) -> None:
    _agree(doc)


@SETTINGS
@given(hostile_documents("json"))
def test_hostile_json_documents_load_alike(doc: Any) -> None:
    _agree(doc)


_VALID = {
    "report": {"department": "某局", "year": 2024},
    "budget": {"adjusted": Decimal("10.00"), "executed": "9.5万元"},
    "indicators": [{"name": "培训人次", "target": "≥100人次", "actual": 120}],
}


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda d: d["report"].update(extra=1), "unknown-key"),
        (lambda d: d["report"].pop("department"), "missing-key"),
        (lambda d: d["indicators"][0].update(name=3), "type"),
        (lambda d: d["indicators"][0].update(target=Decimal("NaN")), "number-invalid"),
        (lambda d: d["budget"].update(adjusted=Decimal("1E+20")), "number-range"),
        (lambda d: d["budget"].update(executed="9.5美元"), "money-unit"),
        (lambda d: d.update(indicators={"name": "x"}), None),
        (lambda d: d["indicators"][0].update(weight=True), "type"),
    ],
)
def test_a_refused_document_is_explained_by_the_detailed_path(
    change: Any, code: str | None
) -> None:
    doc = copy.deepcopy(_VALID)
    assert _agree(doc)[0] == "report"
    change(doc)
    kind, problems = _agree(doc)
    assert kind == "problems"
    if code is not None:
        assert code in {p[0] for p in problems}
