"""The records of a run: findings and problems as rendered, picklable data, and the score data."""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path

import perfrules
from perfrules.errors import Problem
from perfrules.output.records import Outcome, ProblemRecord, Record, finding_record, problem_record
from perfrules.output.scoredata import score_data

ROOT = Path(__file__).resolve().parents[2]
QUYUAN = ROOT / "examples" / "quyuan-2024.toml"
URUMQI = ROOT / "examples" / "urumqi-2023.toml"


def test_finding_record_renders_the_message_in_the_language_asked() -> None:
    result = perfrules.check(perfrules.load(QUYUAN))
    finding = next(f for f in result.findings if f.rule == "PR022")
    zh, en = finding_record(finding, "zh"), finding_record(finding, "en")
    assert zh == Record(
        "PR022",
        "rate",
        "error",
        "line:public",
        finding.path,
        92,
        Decimal("0.00"),
        Decimal("8.65"),
        finding.message("zh"),
    )
    assert en == zh._replace(message=finding.message("en"))
    assert zh.message != en.message and "states a share" in en.message
    assert (zh.reason, zh.known) == (None, False)


def test_finding_record_of_a_waived_finding_carries_the_reason() -> None:
    text = QUYUAN.read_text(encoding="utf-8")
    text += '\n[[waivers]]\nrule = "PR022"\nabout = "line:public"\nreason = "原表即如此"\n'
    result = perfrules.check(perfrules.loads(text, file="waived.toml"))
    (waived,) = (f for f in result.waived if f.rule == "PR022")
    record = finding_record(waived, "en")
    assert record.reason == "原表即如此"
    assert record.rule == "PR022" and record.known is False


def test_problem_record_places_a_problem_without_a_file() -> None:
    problem = Problem("missing-key", "report.year", line=3, params={"key": "year"})
    record = problem_record(problem, "reports/r.toml", "en")
    assert record == ProblemRecord(
        "reports/r.toml",
        3,
        "report.year",
        problem.message("en"),
        problem.at("reports/r.toml").render("en"),
    )
    assert record.rendered.startswith("reports/r.toml:3: report.year: ")


def test_problem_record_keeps_the_problems_own_file() -> None:
    problem = Problem("unreadable", file="perfrules.toml", params={"detail": "gone"})
    record = problem_record(problem, "r.toml", "zh")
    assert record.file == "perfrules.toml"
    assert record.line is None
    assert record.rendered == f"perfrules.toml: {problem.message('zh')}"


def test_outcome_defaults_and_pickling() -> None:
    skipped = Outcome("a.toml", "skipped")
    assert (skipped.profile, skipped.findings, skipped.waived, skipped.problems, skipped.score) == (
        None,
        (),
        (),
        (),
        None,
    )
    record = Record("PR020", "sum", "error", "line:a", "lines[0]", None, Decimal("1.0"), "x", "m")
    outcome = Outcome("a.toml", "checked", "national", (record,), score={"total": Decimal("9")})
    assert pickle.loads(pickle.dumps(outcome)) == outcome


def test_score_data_is_the_sheet_as_plain_data() -> None:
    sheet = perfrules.score(perfrules.load(URUMQI))
    data = score_data(sheet, "en")
    assert list(data) == ["profile", "indicators", "tiers", "execution", "total", "grade"]
    assert data["profile"] == sheet.profile.id
    assert len(data["indicators"]) == len(sheet.indicators)
    first, scored = data["indicators"][0], sheet.indicators[0]
    assert list(first) == [
        "about",
        "path",
        "name",
        "tier",
        "target",
        "actual",
        "weight",
        "stated",
        "recomputed",
        "method",
        "met",
        "formula",
        "explanation",
        "reason",
    ]
    assert (first["about"], first["weight"], first["recomputed"]) == (
        scored.key,
        scored.weight,
        scored.recomputed,
    )
    assert data["total"]["recomputed"] == sheet.total.recomputed
    assert isinstance(data["total"]["recomputed"], Decimal)
    rate = data["execution"]["rate"]
    assert rate is None or rate.as_tuple().exponent == -2  # the rate to the hundredth
    assert data["grade"]["stated"] == sheet.grade.stated
    assert data["grade"]["recomputed"] in (None, str(sheet.grade.of_recomputed))


def test_score_data_reasons_follow_the_language() -> None:
    sheet = perfrules.score(perfrules.load(QUYUAN))
    zh, en = score_data(sheet, "zh"), score_data(sheet, "en")
    reasons = [
        (a["reason"], b["reason"]) for a, b in zip(zh["indicators"], en["indicators"], strict=True)
    ]
    assert any(a is not None for a, _ in reasons)
    assert all((a is None) == (b is None) for a, b in reasons)
    assert any(a != b for a, b in reasons if a is not None)
    assert zh["execution"]["reason"] != en["execution"]["reason"]  # seed 002: not scored
    assert {k: v for k, v in zh.items() if k != "indicators"} | {"execution": None} == {
        k: v for k, v in en.items() if k != "indicators"
    } | {"execution": None}
    assert {k: v for k, v in zh["execution"].items() if k not in ("reason", "explanation")} == {
        k: v for k, v in en["execution"].items() if k not in ("reason", "explanation")
    }
    assert zh["execution"]["explanation"].startswith("未评分")
    assert en["execution"]["explanation"] == en["execution"]["formula"]
