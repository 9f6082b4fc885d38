"""Hostile files: unreadable files, symlink loops, non-report TOML, pipes and devices in a folder.

Through the command line's ``run()`` (``perfrules check FOLDER --format json``):
every problem is reported per file, the other documents are still checked,
and the exit code is 2 only when something could not be read (1 for
findings, 0 for none). The same cases through :func:`perfrules.load` give a
:class:`~perfrules.errors.DocumentError` naming the file.

Unreadable files are made with ``chmod 000`` where that blocks reading (not
as root); symlink loops and dangling links are unreadable for everyone.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

import perfrules
from perfrules import cli
from perfrules.errors import DocumentError
from tests.document.test_hostile_documents import time_limit

ROOT = Path(__file__).resolve().parents[2]
SEED_002 = next((ROOT / "tests" / "data" / "seeds").glob("002_*.txt"))
CLEAN = ROOT / "examples" / "clean.toml"
#: A report with findings (errors) under its own profile.
WITH_FINDINGS = ROOT / "examples" / "caidian-2024.toml"

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_symlinks = pytest.mark.skipif(
    sys.platform == "win32", reason="symlinks need privileges on Windows"
)


def check_folder(
    *paths: Path, jobs: int = 1, extra: tuple[str, ...] = ()
) -> tuple[int, dict[str, Any], str]:
    """``perfrules check PATHS --format json``: exit code, parsed output, stderr."""
    out, err = io.StringIO(), io.StringIO()
    argv = [
        "check",
        *map(str, paths),
        "--format",
        "json",
        "--jobs",
        str(jobs),
        "--no-progress",
        *extra,
    ]
    with time_limit(60):
        code = cli.run(argv, out, err)
    return code, json.loads(out.getvalue()), err.getvalue()


def by_name(output: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The output's file entries by file name."""
    return {Path(f["path"]).name: f for f in output["files"]}


def good_folder(tmp_path: Path) -> Path:
    """A folder with a clean report and a report with findings."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(CLEAN, folder / "clean.toml")
    shutil.copy(WITH_FINDINGS, folder / "caidian.toml")
    return folder


def assert_checked(files: dict[str, dict[str, Any]]) -> None:
    """The two good documents were checked: no error, findings only where expected."""
    assert files["clean.toml"]["error"] is None
    assert files["clean.toml"]["findings"] == []
    assert files["caidian.toml"]["error"] is None
    assert files["caidian.toml"]["findings"], "the report with findings was not checked"


# --- non-report TOML and JSON --------------------------------------------------------------


def test_non_report_files_are_skipped_not_failed(tmp_path: Path) -> None:
    """pyproject.toml, a settings file, an empty file, an earlier JSON output: skipped; exit by findings."""
    folder = good_folder(tmp_path)
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (folder / "settings.toml").write_text("[tool.x]\na = 1\n", encoding="utf-8")
    (folder / "empty.toml").write_text("", encoding="utf-8")
    (folder / "previous.json").write_text('{"version": 1, "files": []}', encoding="utf-8")
    code, output, _ = check_folder(folder)
    files = by_name(output)
    assert_checked(files)
    assert sorted(files) == ["caidian.toml", "clean.toml"]  # the others are not reports: left out
    assert code == 1  # findings (errors) in caidian.toml, nothing unreadable


def test_only_clean_and_non_report_files_exit_zero(tmp_path: Path) -> None:
    """Nothing wrong and nothing unreadable: exit 0."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(CLEAN, folder / "clean.toml")
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    code, output, _ = check_folder(folder)
    assert code == 0
    assert by_name(output)["clean.toml"]["findings"] == []


def test_broken_report_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    """A report that does not parse (or has a wrong type) fails alone, with its line; exit 2."""
    folder = good_folder(tmp_path)
    (folder / "broken.toml").write_text(
        '[report]\ndepartment = "x"\nyear = "二〇二三"\n', encoding="utf-8"
    )
    (folder / "syntax.toml").write_text("[report\n", encoding="utf-8")
    code, output, _ = check_folder(folder)
    files = by_name(output)
    assert_checked(files)
    assert files["broken.toml"]["error"]["path"] == "report.year"
    assert files["broken.toml"]["error"]["line"] == 3
    assert files["syntax.toml"]["error"]["line"] == 1
    assert code == 2


# --- unreadable files ----------------------------------------------------------------------


@pytest.mark.skipif(
    IS_ROOT or sys.platform == "win32", reason="chmod 000 does not stop root (or Windows) reading"
)
def test_unreadable_file_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    """chmod 000: that file is an error (exit 2), every other document is checked."""
    folder = good_folder(tmp_path)
    locked = folder / "locked.toml"
    shutil.copy(CLEAN, locked)
    locked.chmod(0)
    try:
        code, output, _ = check_folder(folder)
    finally:
        locked.chmod(0o644)
    files = by_name(output)
    assert_checked(files)
    assert files["locked.toml"]["error"] is not None
    assert code == 2


@pytest.mark.skipif(
    IS_ROOT or sys.platform == "win32", reason="chmod 000 does not stop root (or Windows) reading"
)
def test_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    """A subfolder that cannot be listed: reported, the rest checked, exit 2."""
    folder = good_folder(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    shutil.copy(CLEAN, locked / "inside.toml")
    locked.chmod(0)
    try:
        code, output, err = check_folder(folder)
    finally:
        locked.chmod(0o755)
    assert_checked(by_name(output))
    assert code == 2
    assert "locked" in json.dumps(output, ensure_ascii=False) + err


@needs_symlinks
def test_symlink_loop_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    """a.toml → b.toml → a.toml: both unreadable (exit 2), reported per file; the rest checked."""
    folder = good_folder(tmp_path)
    (folder / "a.toml").symlink_to("b.toml")
    (folder / "b.toml").symlink_to("a.toml")
    code, output, _ = check_folder(folder)
    files = by_name(output)
    assert_checked(files)
    for name in ("a.toml", "b.toml"):
        assert files[name]["error"] is not None, name
        assert files[name]["error"]["message"]
    assert code == 2


@needs_symlinks
def test_dangling_symlink_is_reported(tmp_path: Path) -> None:
    """A link to nothing: unreadable, exit 2, the rest checked."""
    folder = good_folder(tmp_path)
    (folder / "gone.toml").symlink_to(tmp_path / "nowhere.toml")
    code, output, _ = check_folder(folder)
    files = by_name(output)
    assert_checked(files)
    assert files["gone.toml"]["error"] is not None
    assert code == 2


@needs_symlinks
def test_folder_symlink_loop_terminates(tmp_path: Path) -> None:
    """sub/up → .. and self → .: the walk ends, and each document is checked once."""
    folder = good_folder(tmp_path)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")
    (folder / "self").symlink_to(".")
    shutil.copy(CLEAN, folder / "sub" / "nested.toml")
    code, output, _ = check_folder(folder)
    names = [f["path"] for f in output["files"]]
    real = {os.path.realpath(p) for p in names}
    assert len(real) == len(names), f"a document was checked twice: {names}"
    assert {"clean.toml", "caidian.toml", "nested.toml"} <= {Path(p).name for p in names}
    assert code == 1


def test_missing_explicit_path_is_reported(tmp_path: Path) -> None:
    """A path given on the command line that does not exist: exit 2, the other paths checked."""
    folder = good_folder(tmp_path)
    code, output, _ = check_folder(folder, tmp_path / "missing.toml")
    files = by_name(output)
    assert_checked(files)
    assert files["missing.toml"]["error"] is not None
    assert code == 2


def test_folder_named_like_a_report(tmp_path: Path) -> None:
    """A folder called ``2023.toml`` is searched, not read as a document."""
    folder = good_folder(tmp_path)
    odd = folder / "2023.toml"
    odd.mkdir()
    shutil.copy(CLEAN, odd / "inner.toml")
    code, output, _ = check_folder(folder)
    files = by_name(output)
    assert_checked(files)
    assert files["inner.toml"]["error"] is None
    assert code == 1


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@needs_symlinks
def test_link_to_an_endless_device_is_too_large(tmp_path: Path) -> None:
    """zero.toml → /dev/zero: refused as too large after a bounded read, the rest checked."""
    folder = good_folder(tmp_path)
    (folder / "zero.toml").symlink_to("/dev/zero")
    code, output, _ = check_folder(folder)
    files = by_name(output)
    assert_checked(files)
    assert files["zero.toml"]["error"] is not None
    assert code == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_in_a_folder_does_not_hang(tmp_path: Path) -> None:
    """pipe.toml as a FIFO: reported as unreadable (not a regular file), never waited on."""
    folder = good_folder(tmp_path)
    os.mkfifo(folder / "pipe.toml")
    out, err = io.StringIO(), io.StringIO()
    with time_limit(5):
        code = cli.run(
            ["check", str(folder), "--format", "json", "--jobs", "1", "--no-progress"], out, err
        )
    files = by_name(json.loads(out.getvalue()))
    assert_checked(files)
    assert "不是普通文件" in files["pipe.toml"]["error"]["message"]  # in --lang, zh by default
    assert code == 2


def test_two_jobs_report_the_same(tmp_path: Path) -> None:
    """With worker processes the per-file results and the exit code are the same, in the same order."""
    folder = good_folder(tmp_path)
    (folder / "syntax.toml").write_text("[report\n", encoding="utf-8")
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    one = check_folder(folder, jobs=1)
    two = check_folder(folder, jobs=2)
    assert one[0] == two[0] == 2
    assert [f["path"] for f in one[1]["files"]] == [f["path"] for f in two[1]["files"]]
    assert one[1]["files"] == two[1]["files"]


# --- the same through perfrules.load ---------------------------------------------------------


def _load_problem(path: Path) -> Any:
    with pytest.raises(DocumentError) as info:
        perfrules.load(path)
    problem = info.value.problems[0]
    assert problem.file == str(path)
    assert problem.render("en") and problem.render("zh")
    return problem


@needs_symlinks
def test_load_symlink_loop(tmp_path: Path) -> None:
    """perfrules.load on a symlink loop: unreadable, naming the file."""
    (tmp_path / "a.toml").symlink_to("b.toml")
    (tmp_path / "b.toml").symlink_to("a.toml")
    assert _load_problem(tmp_path / "a.toml").code == "unreadable"


def test_load_folder(tmp_path: Path) -> None:
    """perfrules.load on a folder: unreadable, naming it."""
    (tmp_path / "x.toml").mkdir()
    assert _load_problem(tmp_path / "x.toml").code == "unreadable"


def test_load_missing(tmp_path: Path) -> None:
    """perfrules.load on nothing: unreadable."""
    assert _load_problem(tmp_path / "missing.toml").code == "unreadable"


@pytest.mark.skipif(
    IS_ROOT or sys.platform == "win32", reason="chmod 000 does not stop root (or Windows) reading"
)
def test_load_unreadable(tmp_path: Path) -> None:
    """perfrules.load on a chmod 000 file: unreadable."""
    path = tmp_path / "locked.toml"
    shutil.copy(CLEAN, path)
    path.chmod(0)
    try:
        assert _load_problem(path).code == "unreadable"
    finally:
        path.chmod(0o644)


def test_load_non_report_toml(tmp_path: Path) -> None:
    """perfrules.load on a TOML file that is not a report: missing-key / unknown-key problems with paths."""
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        perfrules.load(path)
    found = {(p.code, p.path) for p in info.value.problems}
    assert ("unknown-key", "project") in found
    assert ("missing-key", "report") in found


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_like_the_document_beside_a_report_does_not_hang(tmp_path: Path) -> None:
    """report.txt with a FIFO report.toml beside it: the FIFO is not read as report.txt's document."""
    folder = good_folder(tmp_path)
    shutil.copy(SEED_002, folder / "report.txt")
    os.mkfifo(folder / "report.toml")
    out, err = io.StringIO(), io.StringIO()
    with time_limit(30):
        code = cli.run(
            ["check", str(folder), "--format", "json", "--jobs", "1", "--no-progress"], out, err
        )
    files = by_name(json.loads(out.getvalue()))
    assert "不是普通文件" in files["report.toml"]["error"]["message"]
    assert files["report.txt"]["error"] is None  # checked from the text itself
    assert code == 2
