"""Overrides: corrections addressed by stable id that survive re-extraction, stale ones reported and not applied."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import perfrules
from perfrules.errors import DocumentError
from tests.extract.conftest import seed_path


def _copy(tmp_path: Path, number: str) -> Path:
    target = tmp_path / "report.txt"
    shutil.copyfile(seed_path(number), target)
    return target


def test_overrides_beside_the_report_are_applied(tmp_path: Path) -> None:
    report = _copy(tmp_path, "000")
    (tmp_path / "report.overrides.toml").write_text(
        '[[override]]\nabout = "budget.adjustment"\nvalue = -748464.41\nreason = "调整预算 is a reduction"\n\n'
        '[[override]]\nabout = "report.region"\nwas = "北京市海淀区"\nvalue = "北京市海淀区（区级）"\n',
        encoding="utf-8",
    )
    ex = perfrules.extract(report)
    assert ex.report.budget is not None and ex.report.budget.adjustment is not None
    assert ex.report.budget.adjustment.amount == Decimal("-748464.41")
    assert ex.report.report.region == "北京市海淀区（区级）"
    assert all(o.applied for o in ex.overrides)
    assert "override (report.overrides.toml:1): 调整预算 is a reduction" in ex.text
    assert perfrules.loads(ex.text) == ex.report
    errors = {f.rule for f in perfrules.check(ex.report).findings}
    assert "PR002" in errors  # with the sign decided, the carry-over check runs again


def test_an_override_whose_was_no_longer_matches_is_stale(tmp_path: Path) -> None:
    report = _copy(tmp_path, "001")
    overrides = tmp_path / "fixes.toml"
    overrides.write_text(
        '[[override]]\nabout = "indicator:新增志愿者人数.target"\nwas = "100"\nvalue = "100人"\n\n'
        '[[override]]\nabout = "indicator:救护员培训人数.target"\nwas = "1600人"\nvalue = "1700人"\n\n'
        '[[override]]\nabout = "indicator:不存在的指标.target"\nvalue = "1人"\n\n'
        '[[override]]\nabout = "budget.initial"\nvalue = 1\n',
        encoding="utf-8",
    )
    ex = perfrules.extract(report, overrides=overrides)
    applied = [o.applied for o in ex.overrides]
    assert applied == [True, False, False, False]
    assert "was '1600人', but extraction now reads '1500人'" in ex.overrides[1].detail
    assert "names nothing" in ex.overrides[2].detail
    assert "gives no `was`" in ex.overrides[3].detail
    names = {i.name: i for i in ex.report.indicators}
    assert names["新增志愿者人数"].target.raw == "100人"  # type: ignore[union-attr]
    assert names["救护员培训人数"].target.raw == "1500人"  # type: ignore[union-attr]
    assert any(n.startswith("stale override indicator:救护员培训人数.target") for n in ex.notes)
    assert "# NOTE: stale override" in ex.text


def test_remove(tmp_path: Path) -> None:
    report = _copy(tmp_path, "004")
    (tmp_path / "report.overrides.toml").write_text(
        '[[override]]\nabout = "indicator:人员经费支出总金额.completion_rate"\nwas = 95.66\nremove = true\n',
        encoding="utf-8",
    )
    ex = perfrules.extract(report)
    assert ex.report.indicators[0].completion_rate is None
    assert (
        perfrules.extract(report, overrides=False).report.indicators[0].completion_rate is not None
    )


@pytest.mark.parametrize(
    ("text", "code", "path"),
    [
        ("[[override]]\nvalue = 1\n", "missing-key", "override[0].about"),
        ('[[override]]\nabout = "budget.initial"\n', "missing-key", "override[0].value"),
        (
            '[[override]]\nabout = "budget.initial"\nvalue = 1\nbogus = 2\n',
            "unknown-key",
            "override[0].bogus",
        ),
        ("[override\n", "syntax", ""),
    ],
)
def test_malformed_overrides_are_refused(tmp_path: Path, text: str, code: str, path: str) -> None:
    report = _copy(tmp_path, "004")
    (tmp_path / "report.overrides.toml").write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        perfrules.extract(report)
    problem = info.value.problems[0]
    assert (problem.code, problem.path) == (code, path) and problem.line is not None
