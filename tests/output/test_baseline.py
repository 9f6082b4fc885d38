"""The baseline: which findings of a run an earlier JSON output already held, and reading one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from perfrules.errors import PerfrulesError
from perfrules.output.baseline import Baseline, display_key, load_baseline
from perfrules.output.records import Outcome, Record


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _finding(rule: str, about: str) -> Record:
    return Record(rule, "sum", "error", about, "lines[0]", 1, None, None, "m")


def test_baseline_marks_as_many_as_it_held() -> None:
    baseline = Baseline([("./r.toml", "PR020", "line:a")])
    outcome = Outcome(
        "r.toml",
        "checked",
        "national",
        (
            _finding("PR020", "line:a"),
            _finding("PR020", "line:a"),
            _finding("PR021", "budget.adjusted"),
        ),
    )
    marked = baseline.mark(outcome)
    assert [f.known for f in marked.findings] == [True, False, False]
    assert len(baseline) == 0


def test_baseline_matches_file_rule_and_about_together() -> None:
    baseline = Baseline(
        [
            ("r.toml", "PR020", "line:a"),  # the right file and rule, another subject
            ("other.toml", "PR020", "line:b"),  # the right rule and subject, another file
            ("r.toml", "PR021", "line:b"),  # the right file and subject, another rule
        ]
    )
    outcome = Outcome("r.toml", "checked", "national", (_finding("PR020", "line:b"),))
    assert baseline.mark(outcome).findings[0].known is False
    assert len(baseline) == 3  # nothing was used up


def test_baseline_is_used_up_across_documents_in_order() -> None:
    baseline = Baseline([("r.toml", "PR020", "line:a")] * 2)
    first = baseline.mark(Outcome("r.toml", "checked", None, (_finding("PR020", "line:a"),)))
    second = baseline.mark(Outcome("./r.toml", "checked", None, (_finding("PR020", "line:a"),)))
    third = baseline.mark(Outcome("r.toml", "checked", None, (_finding("PR020", "line:a"),)))
    assert [o.findings[0].known for o in (first, second, third)] == [True, True, False]
    assert len(baseline) == 0


def test_baseline_leaves_the_rest_of_the_outcome_alone() -> None:
    baseline = Baseline([("r.toml", "PR020", "line:a")])
    waived = _finding("PR020", "line:a")._replace(reason="原表即如此")
    outcome = Outcome(
        "r.toml", "checked", "hubei", (_finding("PR020", "line:a"),), (waived,), (), {"x": 1}
    )
    marked = baseline.mark(outcome)
    assert marked._replace(findings=outcome.findings) == outcome
    assert marked.findings[0] == outcome.findings[0]._replace(known=True)
    assert marked.waived[0].known is False  # waived findings are never marked


def test_empty_baseline_and_outcome_without_findings_are_returned_as_they_are() -> None:
    outcome = Outcome("r.toml", "checked", None, (_finding("PR020", "line:a"),))
    assert Baseline().mark(outcome) is outcome
    skipped = Outcome("r.toml", "skipped")
    assert Baseline([("r.toml", "PR020", "line:a")]).mark(skipped) is skipped


def test_display_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_key("./a/../b/c.toml") == "b/c.toml"
    assert display_key(str(tmp_path / "b" / "c.toml")) == "b/c.toml"


def test_absolute_and_relative_paths_match(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    baseline = Baseline([(str(tmp_path / "reports" / "r.toml"), "PR020", "line:a")])
    marked = baseline.mark(
        Outcome("reports/./r.toml", "checked", None, (_finding("PR020", "line:a"),))
    )
    assert marked.findings[0].known is True


def test_load_baseline(tmp_path: Path) -> None:
    good = write(
        tmp_path / "b.json",
        '{"version": 1, "files": [{"path": "r.toml", "findings": [{"rule": "PR001", "about": "budget.adjusted"}]}]}',
    )
    assert len(load_baseline(str(good))) == 1
    for text in ("{", "[]", '{"version": 1, "files": [3]}'):
        with pytest.raises(PerfrulesError) as error:
            load_baseline(str(write(tmp_path / "bad.json", text)))
        assert error.value.problems[0].file == str(tmp_path / "bad.json")


def test_load_baseline_reads_every_well_formed_finding(tmp_path: Path) -> None:
    data = {
        "version": 1,
        "files": [
            {
                "path": "a.toml",
                "findings": [
                    {"rule": "PR020", "about": "line:a", "message": "m"},
                    {"rule": "PR020", "about": "line:a"},
                    {"rule": 20, "about": "line:a"},  # not a rule id: left out
                    {"about": "line:a"},  # no rule: left out
                    "PR020",  # not a finding: left out
                ],
            },
            {"path": "b.toml", "findings": []},
        ],
        "summary": {},
    }
    baseline = load_baseline(str(write(tmp_path / "b.json", json.dumps(data))))
    assert len(baseline) == 2
    marked = baseline.mark(Outcome("a.toml", "checked", None, (_finding("PR020", "line:a"),) * 3))
    assert [f.known for f in marked.findings] == [True, True, False]


@pytest.mark.parametrize(
    ("text", "code", "line", "detail"),
    [
        ('{"version": 2, "files": []}', "invalid", None, "not a perfrules JSON output"),
        ('{"files": []}', "invalid", None, "not a perfrules JSON output"),
        ('{"version": 1, "files": {}}', "invalid", None, "not a perfrules JSON output"),
        ('{"version": 1, "files": [{"path": "a.toml"}]}', "invalid", None, "files[0] needs a path"),
        ('{"version": 1, "files": [{"findings": []}]}', "invalid", None, "files[0] needs a path"),
        ('{"version": 1,\n "files": [', "invalid", 2, "not JSON (it must be the output of"),
        # a report given as the baseline by mistake: the message says it is the baseline
        ("[report]\nyear = 2023\n", "invalid", 1, "cannot be a --baseline: not JSON"),
    ],
)
def test_load_baseline_problems(
    tmp_path: Path, text: str, code: str, line: int | None, detail: str
) -> None:
    path = write(tmp_path / "b.json", text)
    with pytest.raises(PerfrulesError) as error:
        load_baseline(str(path))
    (problem,) = error.value.problems
    assert (problem.code, problem.file, problem.line) == (code, str(path), line)
    assert detail in problem.message("en")
    assert problem.message("zh") != problem.message("en")


def test_load_baseline_unreadable(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    with pytest.raises(PerfrulesError) as error:
        load_baseline(str(missing))
    (problem,) = error.value.problems
    assert (problem.code, problem.file) == ("unreadable", str(missing))


def test_a_path_that_reaches_no_file_matches_by_its_longest_tail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paths of another checkout: the file whose path ends in the longest recorded tail is it."""
    monkeypatch.chdir(tmp_path)
    baseline = Baseline(
        [
            ("../elsewhere/reports/2023/r.toml", "PR020", "line:a"),
            ("r.toml", "PR020", "line:b"),
        ]
    )
    outcome = Outcome(
        str(tmp_path / "x" / "reports" / "2023" / "r.toml"),
        "checked",
        None,
        (_finding("PR020", "line:a"), _finding("PR020", "line:b")),
    )
    # only the tail r.toml fits this path: it is the second entry's file
    assert [f.known for f in baseline.mark(outcome).findings] == [False, True]
    outcome = outcome._replace(
        path=str(tmp_path / "x" / "elsewhere" / "reports" / "2023" / "r.toml")
    )
    # the longer tail wins: this file is the first entry's, not the "r.toml" one's
    assert [f.known for f in baseline.mark(outcome).findings] == [True, False]


def test_a_relative_path_reaching_a_file_from_the_baseline_folder_names_only_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "reports" / "2023" / "r.toml", "x")
    write(tmp_path / "reports" / "2024" / "r.toml", "x")
    monkeypatch.chdir(tmp_path)
    baseline = Baseline(
        [("r.toml", "PR020", "line:a")] * 2, base=str(tmp_path / "reports" / "2023")
    )
    other = Outcome("reports/2024/r.toml", "checked", None, (_finding("PR020", "line:a"),))
    assert baseline.mark(other).findings[0].known is False
    mine = other._replace(path="reports/2023/r.toml")
    assert baseline.mark(mine).findings[0].known is True


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_baseline_that_is_a_pipe_or_a_device_is_refused_not_read(
    tmp_path: Path, kind: str
) -> None:
    """--baseline naming a FIFO waited for ever, /dev/zero was read until memory ran out."""
    import os

    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        path = tmp_path / "b.json"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
        if not path.exists():
            pytest.skip("no /dev/zero here")
    with pytest.raises(PerfrulesError) as error:
        load_baseline(str(path))
    (problem,) = error.value.problems
    assert (problem.code, problem.file) == ("unreadable", str(path))
    assert (
        problem.message("zh") == "无法读取文件：不是普通文件（文件夹、管道或设备），只读取普通文件"
    )
