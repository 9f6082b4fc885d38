"""No silent pass: a named file that is not a report, or a named folder without one, fails the run.

Issue 14, item 6. ``perfrules check FILE`` on an empty file, ``{}``, a TOML
or JSON file that is not a report, or ``perfrules check FOLDER`` on a folder
in which no report is found, exits 2 with a message saying why, in Chinese
and in English. ``--skip-non-reports`` (what the pre-commit hook's entry
says) skips such files instead and counts them. Non-reports found *inside* a
folder are skipped either way. "Checked N files" counts what the JSON
``summary.files`` counts.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from perfrules.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from tests.cli.helpers import cli

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "examples" / "clean.toml"
QUYUAN = ROOT / "examples" / "quyuan-2024.toml"


def as_json(*argv: object) -> tuple[int, dict[str, Any]]:
    code, out, _ = cli(*argv, "--format", "json")
    return code, json.loads(out)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


#: name, content, what the English message says, what the Chinese one says
NOT_REPORTS = [
    ("empty.toml", "", "not a report document: the file is empty", "不是报告文档：文件为空"),
    ("blank.toml", "\n  \n", "not a report document: the file is empty", "不是报告文档：文件为空"),
    ("empty.json", "", "not a report document: the file is empty", "不是报告文档：文件为空"),
    (
        "braces.json",
        "{}",
        "not a report document: it holds no keys",
        "不是报告文档：文件中没有任何键",
    ),
    (
        "comments.toml",
        "# only a comment\n",
        "not a report document: it holds no keys",
        "不是报告文档：文件中没有任何键",
    ),
    (
        "pyproject.toml",
        '[project]\nname = "x"\n',
        "not a report document: none of its top-level keys (project) is a report key",
        "不是报告文档：顶层键（project）都不是报告文档的键",
    ),
    (
        "previous.json",
        '{"version": 1, "files": []}',
        "not a report document: none of its top-level keys (files, version) is a report key",
        "不是报告文档：顶层键（files、version）都不是报告文档的键",
    ),
    (
        "list.json",
        "[1, 2]",
        "not a report document: its top level is a list, not a table (object)",
        "不是报告文档：顶层是列表，不是表（对象）",
    ),
    (
        "text.json",
        '"report"',
        "not a report document: its top level is a text, not a table (object)",
        "不是报告文档：顶层是文本，不是表（对象）",
    ),
]


@pytest.mark.parametrize(("name", "text", "en", "zh"), NOT_REPORTS, ids=[n[0] for n in NOT_REPORTS])
def test_a_named_file_that_is_not_a_report_fails(
    tmp_path: Path, name: str, text: str, en: str, zh: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, out, _ = cli("check", name, "--lang", "en")
    assert code == EXIT_USAGE
    assert out.startswith(f"{name}: {en}")
    assert "--skip-non-reports skips such files" in out.splitlines()[0]
    code, out, _ = cli("check", name)
    assert code == EXIT_USAGE
    assert out.startswith(f"{name}: {zh}")
    code, data = as_json("check", name, "--lang", "en")
    assert code == EXIT_USAGE
    assert data["files"][0]["error"]["message"].startswith(en)
    assert data["summary"]["failed"] == 1


@pytest.mark.parametrize(("name", "text", "en", "zh"), NOT_REPORTS, ids=[n[0] for n in NOT_REPORTS])
def test_skip_non_reports_skips_and_counts_them(
    tmp_path: Path, name: str, text: str, en: str, zh: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, _ = cli("check", name, CLEAN, "--lang", "en", "--skip-non-reports")
    assert code == EXIT_OK
    assert out.splitlines()[-1] == "Checked 1 file: no findings; 1 skipped (not report documents)."
    assert en not in out


def test_skip_non_reports_does_not_hide_broken_reports(tmp_path: Path) -> None:
    """What must not happen: --skip-non-reports passing a report that does not load."""
    (tmp_path / "broken.toml").write_text("[report]\ndepartment = 3\n", encoding="utf-8")
    (tmp_path / "syntax.toml").write_text("[report\n", encoding="utf-8")
    code, out, _ = cli("check", "broken.toml", "syntax.toml", "--skip-non-reports", "--lang", "en")
    assert code == EXIT_USAGE
    assert "2 files could not be loaded" in out.splitlines()[-1]


def test_a_folder_without_reports_fails(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    others = tmp_path / "others"
    others.mkdir()
    (others / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (others / "notes.md").write_text("# notes\n", encoding="utf-8")
    code, out, _ = cli("check", "empty", "--lang", "en")
    assert code == EXIT_USAGE
    assert out.splitlines()[0] == (
        "empty: no report document found in this folder (searched for *.toml, *.json, *.txt, *.docx, *.xlsx and *.pdf)"
    )
    code, out, _ = cli("check", "others")
    assert code == EXIT_USAGE
    assert out.splitlines()[0] == (
        "others: 该文件夹中没有找到报告文档（查找 *.toml、*.json、*.txt、*.docx、*.xlsx 和 *.pdf；1 个文件不是报告文档，已跳过）"
    )
    # a folder is never a hook's file list: --skip-non-reports does not make it pass
    code, _, _ = cli("check", "others", "--skip-non-reports")
    assert code == EXIT_USAGE


def test_a_folder_with_reports_and_other_files_is_judged_by_its_reports(tmp_path: Path) -> None:
    """What must not happen: a non-report inside a folder failing the run."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(CLEAN, folder / "clean.toml")
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (folder / "empty.toml").write_text("", encoding="utf-8")
    code, out, _ = cli("check", "reports", "--lang", "en")
    assert code == EXIT_OK
    assert out.strip() == "Checked 1 file: no findings; 2 skipped (not report documents)."
    nested = tmp_path / "all"
    (nested / "2024").mkdir(parents=True)
    shutil.copy(QUYUAN, nested / "2024" / "quyuan.toml")
    code, out, _ = cli("check", "all", "--lang", "en")
    assert code == EXIT_FINDINGS  # the report in a subfolder counts for the folder named
    assert "no report document found" not in out


def test_the_same_folder_named_twice_is_not_empty(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(CLEAN, folder / "clean.toml")
    (tmp_path / "link").symlink_to(folder, target_is_directory=True)
    code, out, _ = cli("check", "reports", "./reports/", "link", "--lang", "en")
    assert code == EXIT_OK, out
    assert out.strip() == "Checked 1 file: no findings."


@pytest.mark.parametrize(
    "setup",
    [
        "clean",
        "findings",
        "broken",
        "not-a-report",
        "not-a-report-skipped",
        "empty-folder",
        "mixed",
    ],
)
def test_checked_counts_the_same_in_text_and_json(tmp_path: Path, setup: str) -> None:
    """The text's "Checked N files" is the JSON summary's ``files``; failed and skipped agree too."""
    folder = tmp_path / "in"
    folder.mkdir()
    argv: list[object] = ["check"]
    if setup in ("clean", "mixed"):
        shutil.copy(CLEAN, folder / "clean.toml")
    if setup in ("findings", "mixed"):
        shutil.copy(QUYUAN, folder / "quyuan.toml")
    if setup in ("broken", "mixed"):
        (folder / "broken.toml").write_text("[report\n", encoding="utf-8")
    if setup in ("mixed",):
        (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    argv.append(folder)
    if setup.startswith("not-a-report"):
        (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
        shutil.copy(CLEAN, folder / "clean.toml")
        argv.append("pyproject.toml")
        if setup.endswith("skipped"):
            argv.append("--skip-non-reports")
    code_text, text, _ = cli(*argv, "--lang", "en")
    code_json, data = as_json(*argv, "--lang", "en")
    assert code_text == code_json
    summary = data["summary"]
    last = text.splitlines()[-1]
    m = re.match(r"Checked (\d+) files?: ", last)
    assert m is not None, last
    assert int(m.group(1)) == summary["files"] == len(data["files"])
    failed = re.search(r"(\d+) files? could not be loaded", last)
    assert (int(failed.group(1)) if failed else 0) == summary["failed"]
    skipped = re.search(r"(\d+) skipped", last)
    assert (int(skipped.group(1)) if skipped else 0) == summary["skipped"]
