"""``perfrules check report.docx`` (and .txt/.xlsx/.pdf): extracted and checked in one step.

Every finding points into the original file, in each output format: the text
line, the JSON ``place``, the SARIF physical location, the GitHub annotation.
The Word, Excel and PDF reports are the ones the extract tests build from
examples/caidian-2024.toml (tests/extract/builders.py); the text report is
seed 002.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from perfrules.cli import EXIT_FINDINGS, run
from tests.cli.helpers import cli
from tests.extract.builders import build_docx, build_pdf, build_xlsx
from tests.output.test_output import validate_sarif

ROOT = Path(__file__).resolve().parents[2]
SEED_002 = next((ROOT / "tests" / "data" / "seeds").glob("002_*.txt"))


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # relative names, as a user types them


@pytest.fixture
def txt() -> str:
    shutil.copyfile(SEED_002, "report.txt")
    return "report.txt"


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    return {
        "docx": build_docx("caidian-2024"),
        "xlsx": build_xlsx("caidian-2024"),
        "pdf": build_pdf("caidian-2024"),
    }


def written(built: dict[str, bytes], fmt: str) -> str:
    name = f"report.{fmt}"
    Path(name).write_bytes(built[fmt])
    return name


def findings(*argv: object) -> list[dict[str, object]]:
    code, out, _ = cli("check", *argv, "--format", "json")
    assert code == EXIT_FINDINGS
    (entry,) = json.loads(out)["files"]
    assert entry["extraction"] is not None
    return list(entry["findings"])


def test_text_findings_point_at_line_and_column_of_the_text(txt: str) -> None:
    code, out, _ = cli("check", txt, "--no-group", "--lang", "en")
    assert code == EXIT_FINDINGS
    assert "report.txt:23:15: PR020 [sum] error: " in out  # 基本支出12.95万元, where it is written
    assert "report.txt:33:108: PR121 [grade] error: " in out
    assert "report.toml" not in out
    pr020 = next(f for f in findings(txt) if f["rule"] == "PR020")
    assert pr020["line"] == 23  # the original's line, not the generated document's
    assert pr020["path"] == "lines[0].executed"  # the key path stays the document's
    assert pr020["place"] == {
        "file": "report.txt",
        "render": "report.txt:23:15",
        "label": "23:15",
        "text": "2024年度财政拨款基本支出12.95万元",
        "format": "text",
        "line": 23,
        "column": 15,
    }


def test_word_findings_name_table_row_and_column(built: dict[str, bytes]) -> None:
    docx = written(built, "docx")
    code, out, _ = cli("check", docx, "--no-group")
    assert code == EXIT_FINDINGS
    assert "report.docx: 表1 第10行 “年初目标值”: PR033 [unit] warning: " in out
    assert "report.docx: 第6段: PR121 [grade] error: " in out
    code, out, _ = cli("check", docx, "--no-group", "--lang", "en")
    assert "report.docx: table 1 row 10 “年初目标值”: PR033 [unit] warning: " in out
    pr033 = next(f for f in findings(docx) if f["rule"] == "PR033")
    place = pr033["place"]
    assert isinstance(place, dict)
    assert pr033["line"] is None  # a Word file has no lines
    assert {k: place[k] for k in ("format", "table", "row", "cell", "column_name")} == {
        "format": "docx",
        "table": 1,
        "row": 10,
        "cell": 5,
        "column_name": "年初目标值",
    }


def test_excel_and_pdf_findings_name_the_cell_and_the_page(built: dict[str, bytes]) -> None:
    _, out, _ = cli("check", written(built, "xlsx"), "--no-group")
    assert "report.xlsx: 自评表!E13: PR033 [unit] warning: " in out
    _, out, _ = cli("check", written(built, "pdf"), "--no-group")
    assert "report.pdf: 第2页 表1 第10行 “年初目标值”: PR033 [unit] warning: " in out
    assert "report.pdf: 第1页 第6行: PR121 [grade] error: " in out


def test_grouped_findings_keep_their_places(built: dict[str, bytes]) -> None:
    _, out, _ = cli("check", written(built, "docx"))
    assert "report.docx: 表1 第8行 “三级指标”: PR041 [explanation] warning: 共 6 处\n" in out
    assert "\n    表1 第9行 “三级指标”: 指标“组织志愿服务活动次数”完成 200.00%" in out


def test_sarif_locates_findings_in_the_original(txt: str, built: dict[str, bytes]) -> None:
    docx = written(built, "docx")
    _, out, _ = cli("check", txt, docx, "--format", "sarif")
    log = json.loads(out)
    validate_sarif(log)
    results = log["runs"][0]["results"]
    by_file: dict[str, list[dict[str, object]]] = {}
    for r in results:
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        by_file.setdefault(uri, []).append(r)
    assert set(by_file) == {"report.txt", "report.docx"}
    pr020 = next(r for r in by_file["report.txt"] if r["ruleId"] == "PR020")
    assert pr020["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 23,
        "startColumn": 15,
        "snippet": {"text": "2024年度财政拨款基本支出12.95万元"},
    }
    pr033 = next(r for r in by_file["report.docx"] if r["ruleId"] == "PR033")
    assert "region" not in pr033["locations"][0]["physicalLocation"]
    assert pr033["properties"]["place"] == "report.docx: 表1 第10行 “年初目标值”"


def test_github_annotations_name_the_original(txt: str, built: dict[str, bytes]) -> None:
    _, out, _ = cli("check", txt, written(built, "docx"), "--format", "github")
    lines = out.splitlines()
    assert any(
        ln.startswith("::error file=report.txt,line=23,col=15,title=PR020::") for ln in lines
    )
    pr033 = next(ln for ln in lines if "title=PR033" in ln)
    assert pr033.startswith("::warning file=report.docx,title=PR033::表1 第10行 “年初目标值”: ")


def test_review_items_follow_the_findings(tmp_path: Path) -> None:
    shutil.copyfile(next((ROOT / "tests" / "data" / "seeds").glob("000_*.txt")), "r.txt")
    _, out, _ = cli("check", "r.txt", "--lang", "en")
    assert (
        "r.txt:38:26: needs review budget.adjustment: “调整预算” says neither 调减 nor 调增: "
        "the sign is a reading, not the text\n"
    ) in out


def test_a_folder_of_reports_as_written(txt: str, built: dict[str, bytes]) -> None:
    folder = Path("reports")
    folder.mkdir()
    shutil.move(txt, folder / "a.txt")
    (folder / "b.docx").write_bytes(built["docx"])
    (folder / "notes.md").write_text("# not searched for", encoding="utf-8")
    code, out, _ = cli("check", folder, "--format", "json")
    assert code == EXIT_FINDINGS
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert paths == [str(folder / "a.txt"), str(folder / "b.docx")]
    # once extracted beside it, the report is checked through its document (corrected or not)
    assert cli("extract", folder / "a.txt")[0] == 0
    code, out, _ = cli("check", folder, "--format", "json")
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert paths == [str(folder / "a.toml"), str(folder / "b.docx")]
    # named on the command line, both are checked
    code, out, _ = cli("check", folder / "a.txt", folder / "a.toml", "--format", "json")
    assert len(json.loads(out)["files"]) == 2


def test_score_and_review_read_reports_as_written(txt: str) -> None:
    code, out, _ = cli("score", txt, "--lang", "en")
    assert code == 0
    assert out.startswith("report.txt — profile national")
    code, out, _ = cli("review", txt, "-o", "pages")
    assert code == EXIT_FINDINGS
    assert Path("pages/index.html").is_file()
    assert "PR020" in Path("pages/report.txt.html").read_text(encoding="utf-8")


def test_standard_input_as_a_report_as_written(txt: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    data = io.BytesIO(Path(txt).read_bytes())
    code = run(["check", "-", "--input-format", "text", "--no-group"], out, err, data)
    assert code == EXIT_FINDINGS, err.getvalue()
    assert "<stdin>:23:15: PR020 [sum] error: " in out.getvalue()
