"""The fast paths find exactly what the reference path finds (issue 13).

The fast paths: the loader's fast structuring
(:mod:`perfrules.document.fastpath`), the score sheet a check computes
being handed to a later ``score`` of the same report, and the memos of how a
cell's text and a unit read. The reference path: the converter's detailed
structuring (``from_data(..., fast=False)``), every memo emptied, and the
sheet computed afresh (``scorer._score``). Over generated documents (valid
ones from ``tests/strategies.py`` and realistic ones from
``bench/generate.py``, each carrying one injected mistake), both give the
same findings — rule, severity, subject, key path, line, values, and the
message in both languages — and the same score sheet.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import perfrules
from perfrules.document import fastpath, systemlayout, units
from perfrules.document.loader import from_data
from perfrules.document.source import Source
from perfrules.rules.engine import check, default_rules
from perfrules.scoring import cells, scorer
from tests.strategies import document_texts

EXAMPLES = int(os.environ.get("PERFRULES_PROPERTY_EXAMPLES", "80"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _generator() -> ModuleType:
    """``bench/generate.py``, the benchmark's document generator."""
    path = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
    spec = importlib.util.spec_from_file_location("perfrules_bench_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


GENERATE = _generator()


def _findings(result: Any) -> list[tuple[Any, ...]]:
    return [
        (
            f.rule,
            f.category,
            f.severity,
            f.about,
            f.path,
            f.line,
            f.expected,
            f.found,
            repr(f.args),
            f.message("zh"),
            f.message("en"),
        )
        for f in (*result.findings, *result.waived)
    ]


def _fast(text: str, format: str) -> tuple[list[tuple[Any, ...]], Any]:
    report = perfrules.loads(text, format)
    result = check(report, default_rules())
    sheet = perfrules.score(report)  # the sheet the check computed
    assert result.sheet is None or sheet is result.sheet
    return _findings(result), sheet


def _reference(text: str, format: str) -> tuple[list[tuple[Any, ...]], Any]:
    fastpath._VALUES.clear()
    cells.TEXT_FLAGS.clear()
    systemlayout._LAYOUTS.clear()
    units._FOLDED.clear()
    if format == "toml":
        raw = tomli.loads(text, parse_float=Decimal)
    else:
        import json

        raw = json.loads(text, parse_float=Decimal)
    report = from_data(raw, Source(text, format, None), fast=False)
    result = check(report, default_rules())
    sheet = scorer._score(report, scorer.resolve_profile(report, None))
    return _findings(result), sheet


def _agree(text: str, format: str) -> list[tuple[Any, ...]]:
    found, sheet = _fast(text, format)
    expected, reference_sheet = _reference(text, format)
    assert found == expected
    assert sheet == reference_sheet
    assert repr(sheet) == repr(reference_sheet)
    return found


@SETTINGS
@given(document_texts())
def test_valid_documents_give_the_same_findings(pair: tuple[str, str]) -> None:
    _agree(*pair)


@SETTINGS
@given(st.integers(min_value=0, max_value=10**6))
def test_generated_reports_with_a_mistake_give_the_same_findings(seed: int) -> None:
    text, injected = GENERATE.document_text(seed, mistake_rate=1.0)
    assert injected is not None
    _agree(text, "toml")


def test_the_examples_give_the_same_findings() -> None:
    examples = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.toml"))
    assert examples
    found_any = False
    for path in examples:
        found_any |= bool(_agree(path.read_text(encoding="utf-8"), "toml"))
    assert found_any  # the seed reports carry the reviewers' findings


_NONE_CELLS = """
[report]
department = "某局"
year = 2024

[[indicators]]
name = "安全事故"
tier1 = "效益指标"
target = "0起"
actual = "无"
weight = 10
score = 10

[[indicators]]
name = "培训人次"
tier1 = "产出指标"
target = "≥100人次"
actual = "无"
weight = 10
score = 10

[[indicators]]
name = "满意度"
tier1 = "满意度指标"
target = "—"
actual = " 无 "
weight = 10
score = 5
"""


def test_cells_read_from_the_memo_give_what_a_first_reading_gives() -> None:
    first = _agree(_NONE_CELLS, "toml")  # the reference reads with every memo empty
    assert first
    assert _agree(_NONE_CELLS, "toml") == first  # and again, the fast side now warm
