"""A report's score sheet is computed once and shared (issue 13), and never outlives the report."""

from __future__ import annotations

import gc
from pathlib import Path

import perfrules
from perfrules.rules.engine import check
from perfrules.scoring import scorer
from perfrules.scoring.profiles import load_profile

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "clean.toml"


def test_score_after_check_returns_the_checks_sheet() -> None:
    report = perfrules.load(EXAMPLE)
    result = check(report)
    assert result.sheet is not None
    assert perfrules.score(report) is result.sheet


def test_another_profile_or_another_report_object_is_scored_afresh() -> None:
    report = perfrules.load(EXAMPLE)
    national = perfrules.score(report)
    other = load_profile("hubei", report.report.year)
    assert perfrules.score(report, other) is not national
    again = perfrules.load(EXAMPLE)
    assert perfrules.score(again) is not national
    assert perfrules.score(again) == national  # equal reports, equal sheets


def test_the_memo_goes_with_its_report() -> None:
    before = len(scorer._SHEETS)
    reports = [perfrules.load(EXAMPLE) for _ in range(5)]
    for r in reports:
        perfrules.score(r)
    assert len(scorer._SHEETS) == before + 5
    del reports, r
    gc.collect()
    assert len(scorer._SHEETS) == before
