"""The output formats of ``perfrules check``: text, the JSON contract, SARIF 2.1.0, GitHub annotations.

SARIF logs are validated against the official SARIF 2.1.0 JSON schema
(OASIS, errata01), vendored as ``tests/data/sarif-2.1.0.json``.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from perfrules.cli import run
from perfrules.output import Summary
from perfrules.output.github import annotation, escape_data, escape_property
from perfrules.output.jsonout import encode
from perfrules.output.records import Outcome, ProblemRecord, Record
from perfrules.output.sarif import artifact_uri
from perfrules.output.text import finding_line, summary_line

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CLEAN = EXAMPLES / "clean.toml"
QUYUAN = EXAMPLES / "quyuan-2024.toml"
SARIF_SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8")
)


def cli(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run([str(a) for a in argv], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with a clean report, reports with findings, a waived finding and a broken document."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for example in EXAMPLES.glob("*.toml"):
        (folder / example.name).write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    waived = QUYUAN.read_text(encoding="utf-8")
    waived += '\n[[waivers]]\nrule = "PR022"\nabout = "line:public"\nreason = "原表即如此"\n'
    (folder / "区县 waived.toml").write_text(waived, encoding="utf-8")
    (folder / "broken.toml").write_text("[report]\ndepartment = 3\nyear = 2023\n", encoding="utf-8")
    return folder


# --- JSON -------------------------------------------------------------------------------------

FINDING_KEYS = {
    "rule",
    "category",
    "severity",
    "message",
    "about",
    "path",
    "line",
    "expected",
    "found",
    "place",
    "known",
}


def test_json_contract(corpus: Path) -> None:
    code, out, err = cli("check", corpus, "--format", "json", "--lang", "en")
    assert code == 2  # broken.toml
    data = json.loads(out)
    assert data["version"] == 1
    assert set(data) == {"version", "tool", "files", "summary"}
    assert set(data["summary"]) == {
        "files",
        "errors",
        "warnings",
        "infos",
        "known",
        "waived",
        "failed",
        "skipped",
        "rule_errors",
    }
    paths = [f["path"] for f in data["files"]]
    assert paths == sorted(paths)
    for entry in data["files"]:
        assert set(entry) == {
            "path",
            "profile",
            "score",
            "findings",
            "waived",
            "error",
            "extraction",
        }
        for finding in entry["findings"]:
            assert set(finding) == FINDING_KEYS
            assert finding["severity"] in ("error", "warning", "info")
        for finding in entry["waived"]:
            assert set(finding) == FINDING_KEYS - {"known"} | {"reason"}
    broken = next(f for f in data["files"] if f["path"].endswith("broken.toml"))
    assert broken["error"] == {
        "message": "wrong type: expected string, found number",
        "path": "report.department",
        "line": 2,
        "problems": [
            {
                "message": "wrong type: expected string, found number",
                "path": "report.department",
                "line": 2,
                "file": broken["path"],
            }
        ],
    }
    assert broken["findings"] == [] and broken["score"] is None and broken["profile"] is None
    assert f"{broken['path']}:2: report.department: wrong type" in err  # also on stderr for people
    waived = next(f for f in data["files"] if "waived" in f["path"])
    assert [w["reason"] for w in waived["waived"]] == ["原表即如此"]
    summary = data["summary"]
    assert (
        summary["files"] == len(data["files"]) and summary["failed"] == 1 and summary["waived"] == 1
    )
    counted = sum(len(f["findings"]) for f in data["files"])
    assert counted == summary["errors"] + summary["warnings"] + summary["infos"]


def test_json_numbers_are_exact() -> None:
    _, out, _ = cli("check", QUYUAN, "--format", "json")
    assert '"found": 8.65' in out
    data = json.loads(out, parse_float=Decimal)
    pr022 = next(f for f in data["files"][0]["findings"] if f["rule"] == "PR022")
    assert pr022["expected"] == Decimal("0.00") and pr022["line"] == 92
    clean = json.loads(cli("check", CLEAN, "--format", "json")[1], parse_float=Decimal)
    score = clean["files"][0]["score"]
    assert str(score["total"]["recomputed"]) == "94.70"
    assert score["grade"] == {"stated": "优", "of_stated_score": "优", "recomputed": "优"}
    assert score["indicators"][0]["formula"] == "actual/target × weight = 42/50 × 30 = 25.20"


def test_json_with_no_files(tmp_path: Path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "x"\n', encoding="utf-8")
    code, out, _ = cli("check", other, "--format", "json", "--skip-non-reports")
    assert code == 0
    assert json.loads(out)["files"] == []
    assert json.loads(out)["summary"]["skipped"] == 1


def test_json_names_an_empty_folder_as_failed(tmp_path: Path) -> None:
    """A named folder with no report in it is not a silent pass: it is reported, and exit 2."""
    (tmp_path / "empty").mkdir()
    code, out, _ = cli("check", tmp_path / "empty", "--format", "json", "--lang", "en")
    assert code == 2
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == [str(tmp_path / "empty")]
    assert data["files"][0]["error"]["message"].startswith("no report document found")
    assert data["summary"]["files"] == data["summary"]["failed"] == 1


def test_encode() -> None:
    text = encode({"a": [Decimal("1.10"), Decimal("3E+4"), None, True, "中"], "b": {}})
    assert json.loads(text, parse_float=Decimal) == {
        "a": [Decimal("1.10"), Decimal("3E+4"), None, True, "中"],
        "b": {},
    }
    assert "1.10" in text and "中" in text


# --- SARIF ------------------------------------------------------------------------------------


def validate_sarif(log: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)


def test_vendored_schema_is_the_sarif_schema() -> None:
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)
    assert (
        SARIF_SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    )
    with pytest.raises(jsonschema.ValidationError):
        validate_sarif({"version": "2.1.0", "runs": [{"results": []}]})  # no tool


def test_sarif_validates(corpus: Path) -> None:
    code, out, _ = cli("check", corpus, "--format", "sarif", "--lang", "en")
    assert code == 2
    log = json.loads(out)
    validate_sarif(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {
        "id",
        "name",
        "shortDescription",
        "fullDescription",
        "help",
        "defaultConfiguration",
    } <= set(rules[0])
    results = run_["results"]
    pr022 = next(r for r in results if r["ruleId"] == "PR022" and "suppressions" not in r)
    assert pr022["level"] == "error"
    assert rules[pr022["ruleIndex"]]["id"] == "PR022"
    location = pr022["locations"][0]
    assert location["physicalLocation"]["region"] == {"startLine": 92}
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("quyuan-2024.toml")
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "line:public"
    suppressed = [r for r in results if "suppressions" in r]
    assert [s["suppressions"][0]["justification"] for s in suppressed] == ["原表即如此"]
    assert (
        "%E5%8C%BA" in suppressed[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    )
    invocation = run_["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["message"]["text"].startswith("report.department: wrong type")
    levels = {r["level"] for r in results}
    assert levels <= {"error", "warning", "note"} and "note" in levels  # PR074 is info


def test_sarif_without_findings_and_with_baseline(tmp_path: Path) -> None:
    _, out, _ = cli("check", CLEAN, "--format", "sarif")
    log = json.loads(out)
    validate_sarif(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True
    baseline = tmp_path / "b.json"
    baseline.write_text(cli("check", QUYUAN, "--format", "json")[1], encoding="utf-8")
    code, out, _ = cli("check", QUYUAN, "--format", "sarif", "--baseline", baseline)
    assert code == 0
    log = json.loads(out)
    validate_sarif(log)
    assert {r["baselineState"] for r in log["runs"][0]["results"]} == {"unchanged"}


def test_sarif_selected_rules_only() -> None:
    _, out, _ = cli("check", QUYUAN, "--format", "sarif", "--select", "unit")
    log = json.loads(out)
    validate_sarif(log)
    assert {r["properties"]["category"] for r in log["runs"][0]["tool"]["driver"]["rules"]} == {
        "unit"
    }


def test_artifact_uri(tmp_path: Path) -> None:
    assert artifact_uri("reports/a b.toml") == "reports/a%20b.toml"
    assert artifact_uri(str(tmp_path / "x.toml")).startswith("file:///")


# --- GitHub -----------------------------------------------------------------------------------


def test_github_annotations(corpus: Path) -> None:
    code, out, _ = cli("check", corpus, "--format", "github", "--lang", "en", "--show-waived")
    assert code == 2
    lines = out.splitlines()
    pr022 = next(x for x in lines if "title=PR022::" in x)
    assert pr022.startswith("::error file=") and ",line=92," in pr022
    assert pr022.endswith("(expected 0.00, found 8.65)")
    assert any(x.startswith("::warning ") for x in lines)
    assert any(x.startswith("::notice ") and "title=PR074::" in x for x in lines)
    assert any("title=PR022 (waived)::" in x for x in lines)
    broken = next(x for x in lines if "broken.toml" in x)
    assert (
        broken.startswith("::error file=") and "title=perfrules::report.department%3A" not in broken
    )
    assert "title=perfrules::report.department: wrong type" in broken
    assert lines[-1].startswith("Checked ")


def test_github_escaping() -> None:
    assert escape_data("50%\nnext") == "50%25%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
    assert (
        annotation("warning", "a,b.toml", None, "PR001", "x")
        == "::warning file=a%2Cb.toml,title=PR001::x"
    )


def test_github_known_findings_are_notices(tmp_path: Path) -> None:
    baseline = tmp_path / "b.json"
    baseline.write_text(cli("check", QUYUAN, "--format", "json")[1], encoding="utf-8")
    code, out, _ = cli("check", QUYUAN, "--format", "github", "--baseline", baseline)
    assert code == 0
    assert all(x.startswith("::notice ") and "(known)" in x for x in out.splitlines()[:-1])


# --- text -------------------------------------------------------------------------------------


def _record(**changes: Any) -> Record:
    base = Record(
        "PR010",
        "rate",
        "error",
        "budget.execution_rate",
        "budget.execution_rate",
        12,
        Decimal("95.00"),
        Decimal("96"),
        "msg",
    )
    return base._replace(**changes)


def test_finding_line() -> None:
    assert (
        finding_line("a.toml", _record())
        == "a.toml:12: PR010 [rate] error: msg（应为 95.00，实际为 96）"
    )
    assert (
        finding_line("a.toml", _record(line=None, expected=None, found=None))
        == "a.toml: PR010 [rate] error: msg"
    )
    assert finding_line("a.toml", _record(known=True)).endswith(" [known]")
    waived = finding_line("a.toml", _record(reason="因为"), lang="en")
    assert "PR010 [rate] waived: msg" in waived and waived.endswith("— waiver: 因为")
    coloured = finding_line("a.toml", _record(), color=True)
    assert "\x1b[1;31merror\x1b[0m" in coloured


def test_summary_line() -> None:
    s = Summary(files=3, errors=2, warnings=1, infos=0, known=1, waived=1, failed=1, skipped=2)
    assert summary_line(s, "en") == (
        "Checked 3 files: 2 errors, 1 warning, 1 known, 1 waived; 1 file could not be loaded; "
        "2 skipped (not report documents)."
    )
    assert (
        summary_line(s)
        == "已检查 3 个文件：2 个错误，1 个警告，1 个已知，1 个已豁免；1 个文件无法载入；2 个文件已跳过（不是报告文档）。"
    )
    assert summary_line(Summary(files=1), "en") == "Checked 1 file: no findings."


def test_summary_counts_outcomes() -> None:
    s = Summary()
    s.add(
        Outcome(
            "a", "checked", "national", (_record(), _record(severity="info"), _record(known=True))
        )
    )
    s.add(Outcome("b", "failed", problems=(ProblemRecord("b", 1, "", "m", "b:1: m"),)))
    s.add(Outcome("c", "skipped"))
    assert (s.files, s.errors, s.infos, s.known, s.failed, s.skipped) == (2, 1, 1, 1, 1, 1)


def test_text_groups_per_file(corpus: Path) -> None:
    _, out, _ = cli("check", corpus, "--lang", "en")
    blocks = out.strip().split("\n\n")
    for block in blocks[:-1]:
        # every line names the file, but a group's member lines (indented) under its head
        files = {line.split(":")[0] for line in block.splitlines() if not line.startswith("    ")}
        assert len(files) == 1
        assert not block.startswith("    ")
    assert blocks[-1].startswith("Checked ")


def test_text_names_skipped_explicit_files(tmp_path: Path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "x"\n', encoding="utf-8")
    code, out, _ = cli("check", other, "--lang", "en", "--skip-non-reports")
    assert code == 0
    assert out.splitlines()[0] == f"{other}: skipped: not a report document"
