"""The batch stage's parts of "no silent pass": documents given as bytes, and named non-reports.

:func:`check_path` checks bytes (standard input) under a name;
:func:`refuse_non_report` turns a named document that is not a report into
a failure saying why; :func:`no_report_found` does the same for a folder;
a GBK/GB18030 document's encoding problem says to save it as UTF-8.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from perfrules.batch import Options, check_path, no_report_found, refuse_non_report

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "examples" / "clean.toml"


def test_check_path_with_data_checks_the_bytes_under_the_name(tmp_path: Path) -> None:
    outcome = check_path("<stdin>", Options(), data=CLEAN.read_bytes())
    assert (outcome.path, outcome.status, outcome.findings) == ("<stdin>", "checked", ())
    skipped = check_path("<stdin>", Options(input_format="json"), data=b"{}")
    assert skipped.status == "skipped"


@pytest.mark.parametrize(("name", "text"), [("e.json", ""), ("e.toml", "  \n"), ("b.json", " \n ")])
def test_empty_documents_are_not_reports(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert check_path(str(path), Options()).status == "skipped"


def test_a_json_syntax_error_is_still_a_failure(tmp_path: Path) -> None:
    """What must not happen: a broken JSON report skipped as if it were empty."""
    path = tmp_path / "r.json"
    path.write_text('{"report": ', encoding="utf-8")
    assert check_path(str(path), Options()).status == "failed"


def test_refuse_non_report(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n[tool.x]\n', encoding="utf-8")
    outcome = refuse_non_report(str(path), Options(lang="en"))
    assert outcome.status == "failed"
    (problem,) = outcome.problems
    assert problem.file == str(path)
    assert problem.message == (
        "not a report document: none of its top-level keys (project, tool) is a report key "
        "([report], [budget], [[lines]], …); --skip-non-reports skips such files"
    )
    many = tmp_path / "many.json"
    many.write_text('{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}', encoding="utf-8")
    (problem,) = refuse_non_report(str(many), Options()).problems
    assert problem.message.startswith("不是报告文档：顶层键（a、b、c、d、e等）")
    (problem,) = refuse_non_report("<stdin>", Options(input_format="json"), b"true").problems
    assert problem.rendered.startswith("<stdin>: 不是报告文档：顶层是布尔值，不是表（对象）")


def test_no_report_found() -> None:
    (problem,) = no_report_found("reports", 1, "en").problems
    assert problem.rendered == (
        "reports: no report document found in this folder "
        "(searched for *.toml, *.json, *.txt, *.docx, *.xlsx and *.pdf; 1 file skipped: not report documents)"
    )
    (problem,) = no_report_found("reports", 0, "zh").problems
    assert (
        problem.rendered
        == "reports: 该文件夹中没有找到报告文档（查找 *.toml、*.json、*.txt、*.docx、*.xlsx 和 *.pdf）"
    )


def test_a_gbk_document_is_told_to_be_saved_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_bytes('# 报告\n[report]\ndepartment = "区档案馆"\n'.encode("gb18030"))
    (problem,) = check_path(str(path), Options(lang="en")).problems
    assert problem.line == 1
    assert problem.message.startswith(
        "the file is saved as GBK/GB18030, not UTF-8: save it as UTF-8"
    )
