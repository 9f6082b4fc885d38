"""Baselines match findings whatever the working directory or the way a path was typed.

Issue 14, item 9. A baseline is written (``--format json``) with the report
named one way from one folder, and used (``--baseline``) with the report
named another way from another folder: relative, ``./``, absolute, from the
report's own folder, from a sibling folder, through the folder, and in a
copy of the project moved elsewhere. Every combination finds every finding
known. What must not happen: another file of the same name, or a new
finding, taken as known.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from perfrules.cli import EXIT_FINDINGS, EXIT_OK, run

ROOT = Path(__file__).resolve().parents[2]
QUYUAN = ROOT / "examples" / "quyuan-2024.toml"  # seven findings


def check(cwd: Path, *argv: object) -> tuple[int, dict[str, Any]]:
    """``perfrules check ARGV --format json`` run in ``cwd``: exit code and parsed output."""
    out, err = io.StringIO(), io.StringIO()
    old = Path.cwd()
    os.chdir(cwd)
    try:
        code = run(["check", *map(str, argv), "--format", "json", "--jobs", "1"], out, err)
    finally:
        os.chdir(old)
    assert "Traceback" not in err.getvalue()
    return code, json.loads(out.getvalue())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """``proj/reports/r.toml`` (a report with findings), and a sibling folder ``other``."""
    proj = tmp_path / "proj"
    (proj / "reports").mkdir(parents=True)
    shutil.copy(QUYUAN, proj / "reports" / "r.toml")
    (tmp_path / "other").mkdir()
    return proj


#: How the baseline is written: (folder to run in, relative to proj's parent; how r.toml is named)
WRITTEN = {
    "relative": ("proj", "reports/r.toml"),
    "dot-slash": ("proj", "./reports/r.toml"),
    "absolute": ("proj", "{abs}"),
    "from-its-folder": ("proj/reports", "r.toml"),
    "from-above": (".", "proj/reports/r.toml"),
    "from-a-sibling": ("other", "../proj/reports/r.toml"),
    "the-folder": ("proj", "reports"),
}

#: How the baseline is used: the same shape.
CHECKED = {
    "relative": ("proj", "reports/r.toml"),
    "dot-slash": ("proj", "./reports/r.toml"),
    "absolute": ("other", "{abs}"),
    "from-its-folder": ("proj/reports", "r.toml"),
    "its-folder-as-dot": ("proj/reports", "."),
    "from-a-sibling": ("other", "../proj/reports/r.toml"),
    "the-folder-with-slash": ("proj", "./reports/"),
}


def _place(project: Path, shape: tuple[str, str]) -> tuple[Path, str]:
    folder, name = shape
    return (project.parent / folder).resolve(), name.format(abs=project / "reports" / "r.toml")


def _write_baseline(project: Path, how: str, where: Path) -> Path:
    cwd, name = _place(project, WRITTEN[how])
    code, data = check(cwd, name)
    assert code == EXIT_FINDINGS and len(data["files"][0]["findings"]) == 7
    where.write_text(json.dumps(data), encoding="utf-8")
    return where


@pytest.mark.parametrize("written", list(WRITTEN))
def test_every_way_of_naming_the_report_matches_every_other(project: Path, written: str) -> None:
    baseline = _write_baseline(project, written, project / "baseline.json")
    for checked, shape in CHECKED.items():
        cwd, name = _place(project, shape)
        code, data = check(cwd, name, "--baseline", baseline)
        findings = data["files"][0]["findings"]
        assert [f["known"] for f in findings] == [True] * 7, (written, checked)
        assert code == EXIT_OK, (written, checked)
        assert data["summary"]["known"] == 7 and data["summary"]["errors"] == 0


@pytest.mark.parametrize("written", ["relative", "from-its-folder", "the-folder"])
def test_the_baseline_typed_relative_to_the_working_directory(project: Path, written: str) -> None:
    """``--baseline`` itself given relative to where the check runs, from another folder."""
    _write_baseline(project, written, project / "baseline.json")
    code, data = check(project / "reports", ".", "--baseline", "../baseline.json")
    assert code == EXIT_OK
    assert all(f["known"] for f in data["files"][0]["findings"])


@pytest.mark.parametrize("written", ["relative", "dot-slash", "from-its-folder", "the-folder"])
def test_a_moved_checkout_still_matches(project: Path, written: str) -> None:
    """The baseline committed with the reports, checked in a copy of the project elsewhere (CI).

    (A baseline written from outside the project, ``../proj/reports/r.toml``,
    names the project's folder: a copy matches it only under that name.)
    """
    _write_baseline(project, written, project / "baseline.json")
    moved = project.parent / "ci" / "checkout"
    shutil.copytree(project, moved)
    shutil.rmtree(project)  # the original paths no longer exist
    for cwd, name in ((moved, "reports/r.toml"), (moved / "reports", "r.toml"), (moved, "reports")):
        code, data = check(cwd, name, "--baseline", moved / "baseline.json")
        assert code == EXIT_OK, (written, cwd, name)
        assert all(f["known"] for f in data["files"][0]["findings"])


def test_another_file_of_the_same_name_is_not_known(project: Path) -> None:
    """What must not happen: 2024/r.toml's findings known from a baseline of 2023/r.toml."""
    reports = project / "reports"
    for year in ("2023", "2024"):
        (reports / year).mkdir()
        shutil.copy(QUYUAN, reports / year / "r.toml")
    # written from the root, naming 2023 only; used from the root over both
    _, first = check(project, "reports/2023/r.toml")
    (project / "b.json").write_text(json.dumps(first), encoding="utf-8")
    code, data = check(project, "reports/2023", "reports/2024", "--baseline", "b.json")
    known = {
        Path(f["path"]).parent.name: [x["known"] for x in f["findings"]] for f in data["files"]
    }
    assert known == {"2023": [True] * 7, "2024": [False] * 7}
    assert code == EXIT_FINDINGS
    # written inside 2023 (so the file is just "r.toml"), kept there, used from the root
    _, inner = check(reports / "2023", "r.toml")
    (reports / "2023" / "b.json").write_text(json.dumps(inner), encoding="utf-8")
    code, data = check(project, "reports", "--baseline", "reports/2023/b.json")
    known = {
        Path(f["path"]).parent.name: [x["known"] for x in f["findings"]] for f in data["files"]
    }
    assert known["2023"] == [True] * 7
    assert known["2024"] == [False] * 7
    assert known["reports"] == [False] * 7  # reports/r.toml: a third file of that name
    assert code == EXIT_FINDINGS


def test_a_new_finding_is_new_however_the_path_is_typed(project: Path) -> None:
    """What must not happen: a finding the baseline did not hold taken as known."""
    baseline = _write_baseline(project, "relative", project / "baseline.json")
    report = project / "reports" / "r.toml"
    text = report.read_text(encoding="utf-8").replace('title = "2024年度', 'title = "2019年度', 1)
    report.write_text(text, encoding="utf-8")
    code, data = check(project.parent / "other", report, "--baseline", baseline)
    assert code == EXIT_FINDINGS
    new = [f["rule"] for f in data["files"][0]["findings"] if not f["known"]]
    assert new == ["PR060"]
