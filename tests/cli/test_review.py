"""``perfrules review`` and ``perfrules check --format html``: the pages written, the usage errors, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from perfrules.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from tests.cli.helpers import cli
from tests.output.htmldom import parse

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CLEAN = EXAMPLES / "clean.toml"
QUYUAN = EXAMPLES / "quyuan-2024.toml"


def test_review_writes_a_page_per_report_and_an_index(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    code, stdout, _ = cli("review", EXAMPLES, "-o", out, "--jobs", "1")
    assert code == EXIT_FINDINGS  # the seeds have errors: the same exit code as check
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([*(f"{p.stem}.html" for p in EXAMPLES.glob("*.toml")), "index.html"])
    assert str(out / "index.html") in stdout
    assert "已检查 6 个文件" in stdout
    index = parse((out / "index.html").read_text(encoding="utf-8"))
    (table,) = index.find_all("table", id="reports")
    rows = [r for r in table.find_all("tr") if "data-path" in r.attrs]
    links = [r.find_all("a")[0].attrs["href"] for r in rows]
    assert sorted(links) == sorted(n for n in names if n != "index.html")
    # most errors first: luquan (22) before the clean example (0)
    order = [Path(r.attrs["data-path"]).stem for r in rows]
    assert order[0] == "luquan-2024" and order[-1] == "clean"
    # the filter offers every rule and category found, and each row carries its tags
    options = {o.attrs["value"] for o in index.find_all("option")}
    assert {"PR022", "rate", "missing", "PR030"} <= options
    quyuan = next(r for r in rows if r.attrs["data-path"].endswith("quyuan-2024.toml"))
    assert {"PR022", "rate"} <= set(quyuan.attrs["data-tags"].split())
    # each page links back to the overview
    page = parse((out / "quyuan-2024.html").read_text(encoding="utf-8"))
    assert any(a.attrs.get("href") == "index.html" for a in page.find_all("a"))


def test_check_format_html_same_as_review(tmp_path: Path) -> None:
    code_a, _, _ = cli("review", QUYUAN, "-o", tmp_path / "a")
    code_b, _, _ = cli("check", QUYUAN, "--format", "html", "-o", tmp_path / "b")
    assert code_a == code_b == EXIT_FINDINGS
    a = (tmp_path / "a" / "quyuan-2024.html").read_text(encoding="utf-8")
    b = (tmp_path / "b" / "quyuan-2024.html").read_text(encoding="utf-8")
    assert a.replace("../a", "../b") == b


def test_one_report_to_standard_output() -> None:
    code, stdout, _ = cli("check", CLEAN, "--format", "html")
    assert code == EXIT_OK
    assert stdout.startswith("<!DOCTYPE html>") and stdout.endswith("</html>\n")
    dom = parse(stdout)
    assert "某区档案馆" in dom.text()
    assert not any(a.attrs.get("href") == "index.html" for a in dom.find_all("a"))


def test_many_reports_need_an_output_folder() -> None:
    code, stdout, stderr = cli("check", CLEAN, QUYUAN, "--format", "html", "--lang", "en")
    assert code == EXIT_USAGE and not stdout
    assert "--output DIR" in stderr


def test_output_is_only_for_html(tmp_path: Path) -> None:
    code, _, stderr = cli("check", CLEAN, "--format", "json", "-o", tmp_path)
    assert code == EXIT_USAGE and "--format html" in stderr


def test_review_needs_an_output_folder() -> None:
    code, _, stderr = cli("review", CLEAN)
    assert code == EXIT_USAGE and "-o/--output" in stderr


def test_an_output_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, stderr = cli("review", CLEAN, "-o", blocker / "pages")
    assert code == EXIT_USAGE and "无法创建输出文件夹" in stderr


def test_a_page_that_cannot_be_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "index.html").mkdir(parents=True)  # in the way of the overview
    code, _, stderr = cli("review", CLEAN, "-o", out)
    assert code == EXIT_USAGE and "无法写入页面" in stderr and "index.html" in stderr
    assert (out / "clean.html").is_file()


def test_unreadable_files_are_listed_with_their_message(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CLEAN, folder / "clean.toml")
    (folder / "broken.toml").write_text("[report\n", encoding="utf-8")
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    code, _, stderr = cli("review", folder, "-o", tmp_path / "out")
    assert code == EXIT_USAGE  # a document that could not be read, as for check
    assert "broken.toml" in stderr
    index = parse((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    (failed,) = index.find_all("table")[:1]
    assert "failed" in failed.classes and "broken.toml" in failed.text()
    assert "语法错误" in failed.text()
    assert (tmp_path / "out" / "broken.html").is_file()
    assert not (tmp_path / "out" / "pyproject.html").exists()  # not a report: skipped
    assert "非报告文件" in index.text()


def test_page_names_are_unique(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(CLEAN, tmp_path / sub / "report.toml")
    shutil.copy(CLEAN, tmp_path / "a" / "index.toml")
    code, _, _ = cli("review", tmp_path / "a", tmp_path / "b", "-o", tmp_path / "out")
    assert code == EXIT_OK
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["index-2.html", "index.html", "report-2.html", "report.html"]


def _rule_links(page: Path) -> set[str]:
    dom = parse(page.read_text(encoding="utf-8"))
    return {a.attrs["href"] for a in dom.find_all("a") if "rule" in a.classes}


def test_rule_links_point_at_the_rule_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    cli("review", QUYUAN, "-o", out)
    links = _rule_links(out / "quyuan-2024.html")
    assert links
    for href in links:
        target, _, anchor = href.partition("#")
        page = (out / target).resolve()
        assert page.is_file(), href  # the relative default reaches docs/rules from the pages
        assert f"{{#{anchor}}}" in page.read_text(encoding="utf-8")
    cli(
        "review",
        QUYUAN,
        "-o",
        out,
        "--docs-url",
        "https://docs.example.org/rules/{category}/#{anchor}",
    )
    assert "https://docs.example.org/rules/rate/#pr022" in _rule_links(out / "quyuan-2024.html")
    cli("review", QUYUAN, "-o", out, "--docs-url", "https://docs.example.org/rules/")
    assert "https://docs.example.org/rules/rate.md#pr022" in _rule_links(out / "quyuan-2024.html")


def test_json_and_html_come_from_the_same_outcomes(tmp_path: Path) -> None:
    _, stdout, _ = cli("check", EXAMPLES, "--format", "json", "--jobs", "1")
    data = json.loads(stdout)
    cli("review", EXAMPLES, "-o", tmp_path, "--jobs", "2")
    for entry in data["files"]:
        page = parse((tmp_path / f"{Path(entry['path']).stem}.html").read_text(encoding="utf-8"))
        summary = [r for r in page.find_all("tr") if "data-finding" in r.attrs]
        rank = {"error": 0, "warning": 1, "info": 2}
        expected = sorted(entry["findings"], key=lambda f: rank[f["severity"]])  # errors first
        assert [(r.attrs["data-rule"], r.attrs["data-finding"]) for r in summary] == [
            (f["rule"], f["path"]) for f in expected
        ]
        assert [r.find_all("td")[-1].text() for r in summary] == [f["message"] for f in expected]
