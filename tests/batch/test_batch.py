"""Checking many documents: discovery, skipping non-reports, parallel order, bounded work."""

from __future__ import annotations

import concurrent.futures
import io
import os
import pickle
from pathlib import Path
from typing import Any

import pytest

from perfrules.batch import Options, check_path, check_paths, discover, prepare
from perfrules.cli import run
from perfrules.errors import PerfrulesError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CLEAN = EXAMPLES / "clean.toml"
QUYUAN = EXAMPLES / "quyuan-2024.toml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder of reports and other files, with a symlink loop."""
    root = tmp_path / "tree"
    write(root / "b.toml", CLEAN.read_text(encoding="utf-8"))
    write(root / "a" / "z.json", "[1, 2]")
    write(root / "a" / "report.TOML", CLEAN.read_text(encoding="utf-8"))
    write(root / "a" / "notes.md", "not a candidate")
    write(root / "perfrules.toml", 'select = ["unit"]\n')
    write(root / ".hidden" / "x.toml", "[report\n")
    write(root / ".dot.toml", "[report\n")
    os.symlink("..", root / "a" / "up")  # a loop back to the root
    return root


def test_discover(tree: Path) -> None:
    found = discover([str(tree)])
    names = [os.path.relpath(p, tree) for p, _ in found]
    assert names == [os.path.join("a", "report.TOML"), os.path.join("a", "z.json"), "b.toml"]
    assert all(not explicit for _, explicit in found)


def test_discover_explicit_files_and_duplicates(tree: Path) -> None:
    b = str(tree / "b.toml")
    found = discover([b, str(tree), "missing.toml", str(tree / "perfrules.toml")])
    paths = dict(found)
    assert paths[b] is True  # named explicitly, even though the folder also has it
    assert paths["missing.toml"] is True
    assert paths[str(tree / "perfrules.toml")] is True
    assert len([p for p, _ in found if p.endswith("b.toml")]) == 1
    assert [p for p, _ in found] == sorted(p for p, _ in found)


def test_discover_survives_a_self_link(tmp_path: Path) -> None:
    os.symlink("loop", tmp_path / "loop")
    os.symlink("x.toml", tmp_path / "x.toml")
    found = discover([str(tmp_path)])
    assert [os.path.basename(p) for p, _ in found] == ["x.toml"]
    outcome = check_path(found[0][0], Options())
    assert outcome.status == "failed"
    assert outcome.problems[0].message.startswith("无法读取文件")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pyproject.toml", '[project]\nname = "x"\n'),
        ("perfrules.toml", 'select = ["unit"]\n'),
        ("package.json", '{"name": "x"}'),
        ("list.json", "[1, 2, 3]"),
        ("output.json", '{"version": 1, "files": [], "summary": {}}'),
        ("empty.toml", ""),
    ],
)
def test_non_reports_are_skipped(tmp_path: Path, name: str, text: str) -> None:
    assert check_path(str(write(tmp_path / name, text)), Options()).status == "skipped"


@pytest.mark.parametrize(
    "text",
    [
        "[budget]\ninitial = 1\n",  # report keys without [report]: a broken report
        "[report\n",
        '[report]\ndepartment = "x"\n',
        '{"report": {"department": "x", "year": "2023"}}',
    ],
)
def test_broken_reports_fail(tmp_path: Path, text: str) -> None:
    suffix = ".json" if text.startswith("{") else ".toml"
    outcome = check_path(str(write(tmp_path / f"r{suffix}", text)), Options())
    assert outcome.status == "failed"
    assert outcome.problems and all(p.rendered.startswith(str(tmp_path)) for p in outcome.problems)


def test_check_path_records() -> None:
    outcome = check_path(str(QUYUAN), Options(lang="en", want_score=True))
    assert outcome.status == "checked" and outcome.profile == "national"
    pr022 = next(f for f in outcome.findings if f.rule == "PR022")
    assert (pr022.line, pr022.about, pr022.severity) == (92, "line:public", "error")
    assert "states a share" in pr022.message
    assert outcome.score is not None and outcome.score["profile"] == "national"
    assert pickle.loads(pickle.dumps(outcome)) == outcome  # crosses process boundaries


def test_profile_error_is_per_document(tmp_path: Path) -> None:
    # a report that names a profile file that does not exist
    text = CLEAN.read_text(encoding="utf-8").replace(
        'money_unit = "万元"', 'money_unit = "万元"\nprofile = "no/such/profile.toml"'
    )
    outcome = check_path(str(write(tmp_path / "r.toml", text)), Options())
    assert outcome.status == "failed"


def test_prepare_compiles_once() -> None:
    options = Options(select=("unit",))
    first = prepare(options)
    assert prepare(Options(select=("unit",))) is first
    assert pickle.loads(pickle.dumps(options)) == options
    with pytest.raises(PerfrulesError):
        prepare(Options(select=("nothing-like-this",)))


def test_parallel_results_in_path_order(tmp_path: Path) -> None:
    paths = []
    for i in range(24):
        source = [CLEAN, QUYUAN, EXAMPLES / "luquan-2024.toml"][i % 3]
        paths.append(str(write(tmp_path / f"r{i:02d}.toml", source.read_text(encoding="utf-8"))))
    paths.append(str(write(tmp_path / "zz-bad.toml", "[report\n")))
    serial = list(check_paths(paths, Options(), jobs=1))
    parallel = list(check_paths(paths, Options(), jobs=2, chunksize=3))
    assert [o.path for o in parallel] == paths
    assert parallel == serial


def test_parallel_work_in_flight_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [str(write(tmp_path / f"r{i:03d}.toml", "")) for i in range(200)]
    submitted: list[int] = []

    class Counting(concurrent.futures.ProcessPoolExecutor):
        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
            submitted.append(len(args[0]))
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counting)
    outcomes = check_paths(paths, Options(), jobs=2, chunksize=4)
    first = next(outcomes)
    assert first.path == paths[0]
    assert len(submitted) <= 2 * 2 + 1  # a window of chunks, not the whole list
    rest = list(outcomes)
    assert len(rest) == 199 and sum(submitted) == 200
    assert all(o.status == "skipped" for o in rest)


def test_cli_checks_a_folder_in_parallel(tree: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run(["check", str(tree), "--jobs", "2", "--lang", "en"], out, err)
    assert code == 0
    assert (
        out.getvalue().strip() == "Checked 2 files: no findings; 1 skipped (not report documents)."
    )


def test_the_suffixes_of_reports_as_written_are_the_extractors() -> None:
    from perfrules.batch import SUFFIXES
    from perfrules.batch.written import WRITTEN_FORMATS, WRITTEN_SUFFIXES
    from perfrules.extract.api import INPUT_FORMATS

    assert {
        suffix: fmt for fmt, suffixes in INPUT_FORMATS.items() for suffix in suffixes
    } == WRITTEN_FORMATS
    assert set(WRITTEN_SUFFIXES) <= set(WRITTEN_FORMATS) and set(WRITTEN_SUFFIXES) <= set(SUFFIXES)
