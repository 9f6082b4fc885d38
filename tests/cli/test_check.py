"""``perfrules check`` through :func:`perfrules.cli.run`: every option, and broken documents.

Broken documents give one clear message per problem and exit 2, never a
traceback; the other documents are still checked.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import perfrules
from perfrules.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from tests.cli.helpers import cli, write

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CLEAN = EXAMPLES / "clean.toml"
QUYUAN = (
    EXAMPLES / "quyuan-2024.toml"
)  # PR022: 公用经费 1.12元 (written for 1.12万元) breaks its share


class TTY(io.StringIO):
    """An in-memory stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test in an empty folder, so no perfrules.toml is found by accident."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def warn_only(tmp_path: Path) -> Path:
    """The spec example with a carry-over that does not match: one PR002 warning, no error."""
    text = CLEAN.read_text(encoding="utf-8").replace(
        "execution_score = 9.5", "execution_score = 9.5\ncarryover = 1.00"
    )
    return write(tmp_path / "warn.toml", text)


@pytest.fixture
def waived(tmp_path: Path) -> Path:
    """quyuan with its PR022 finding waived."""
    text = QUYUAN.read_text(encoding="utf-8")
    text += '\n[[waivers]]\nrule = "PR022"\nabout = "line:public"\nreason = "原表即如此"\n'
    return write(tmp_path / "waived.toml", text)


# --- check ---------------------------------------------------------------------------------


def test_check_clean_document() -> None:
    code, out, err = cli("check", CLEAN)
    assert code == EXIT_OK
    assert out.strip() == "已检查 1 个文件：未发现问题。"
    assert err == ""


def test_check_reports_findings_compiler_style() -> None:
    code, out, _ = cli("check", QUYUAN)
    assert code == EXIT_FINDINGS
    line = next(x for x in out.splitlines() if " PR022 " in x)
    assert line.startswith(f"{QUYUAN}:92: PR022 [rate] error: ")
    assert line.endswith("（应为 0.00，实际为 8.65）")
    assert "占比" in line  # Chinese by default
    assert out.splitlines()[-1].startswith("已检查 1 个文件：")


def test_check_lang_en() -> None:
    code, out, _ = cli("check", QUYUAN, "--lang", "en")
    assert code == EXIT_FINDINGS
    line = next(x for x in out.splitlines() if " PR022 " in x)
    assert "states a share of" in line
    assert out.splitlines()[-1].startswith("Checked 1 file: ")


def test_check_lang_applies_to_load_errors(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.toml", '[report]\ndepartment = "x"\nyear = "2023"\n')
    _, out_zh, _ = cli("check", bad)
    _, out_en, _ = cli("check", bad, "--lang", "en")
    assert f"{bad}:3: report.year: 类型错误：应为整数，实际为字符串" in out_zh
    assert f"{bad}:3: report.year: wrong type: expected integer, found string" in out_en


@pytest.mark.parametrize(
    "options",
    [
        ["--select", "PR022"],
        ["--select", "rate"],
        ["--select", "PR022,PR060"],
        ["--select", "PR022", "--select", "PR060"],
    ],
)
def test_check_select(options: list[str]) -> None:
    code, out, _ = cli("check", QUYUAN, "--format", "json", *options)
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert rules == {"PR022"}
    assert code == EXIT_FINDINGS


@pytest.mark.parametrize(
    "options",
    [["--ignore", "PR022"], ["--ignore", "rate,PR030"], ["--ignore", "rate", "--ignore", "PR030"]],
)
def test_check_ignore(options: list[str]) -> None:
    _, out, _ = cli("check", QUYUAN, "--format", "json", *options)
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert "PR022" not in rules
    assert rules  # the others still run


def test_check_unknown_selector_is_a_usage_error() -> None:
    code, out, err = cli("check", CLEAN, "--select", "PR999", "--lang", "en")
    assert code == EXIT_USAGE
    assert "'PR999' is neither a rule id nor a category" in err
    assert out == ""


def test_check_fail_on(warn_only: Path) -> None:
    assert cli("check", warn_only)[0] == EXIT_OK  # default: error
    assert cli("check", warn_only, "--fail-on", "error")[0] == EXIT_OK
    assert cli("check", warn_only, "--fail-on", "warning")[0] == EXIT_FINDINGS
    assert cli("check", QUYUAN, "--fail-on", "never")[0] == EXIT_OK


def test_check_profile() -> None:
    _, out, _ = cli("check", CLEAN, "--format", "json", "--profile", "hubei")
    assert json.loads(out)["files"][0]["profile"] == "hubei"
    _, out, _ = cli("check", CLEAN, "--format", "json")
    assert json.loads(out)["files"][0]["profile"] == "national"


def test_check_unknown_profile_is_a_usage_error() -> None:
    code, out, err = cli("check", CLEAN, "--profile", "atlantis", "--lang", "en")
    assert code == EXIT_USAGE
    assert "atlantis" in err and "national" in err
    assert out == ""


def test_check_config_option(tmp_path: Path) -> None:
    config = write(tmp_path / "conf" / "strict.toml", 'select = ["rate"]\n')
    _, out, _ = cli("check", QUYUAN, "--format", "json", "--config", config)
    assert {f["rule"] for f in json.loads(out)["files"][0]["findings"]} == {"PR022"}


def test_check_finds_config_upward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "perfrules.toml", 'ignore = ["PR022"]\n')
    (tmp_path / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "deep" / "er")
    _, out, _ = cli("check", QUYUAN, "--format", "json")
    assert "PR022" not in {f["rule"] for f in json.loads(out)["files"][0]["findings"]}


def test_check_select_replaces_config_ignore_adds(tmp_path: Path) -> None:
    config = write(tmp_path / "perfrules.toml", 'select = ["unit"]\nignore = ["PR060"]\n')
    _, out, _ = cli(
        "check",
        QUYUAN,
        "--format",
        "json",
        "--config",
        config,
        "--select",
        "missing",
        "--ignore",
        "PR071",
    )
    assert {f["rule"] for f in json.loads(out)["files"][0]["findings"]} == {"PR030"}


def test_check_bad_config(tmp_path: Path) -> None:
    config = write(
        tmp_path / "perfrules.toml", 'select = ["unit"]\nseverity = { PR023 = "fatal" }\n'
    )
    code, out, err = cli("check", QUYUAN, "--config", config, "--lang", "en")
    assert code == EXIT_USAGE
    assert f"{config}" in err and "severity.PR023" in err and "fatal" in err
    assert out == ""


def test_check_baseline(tmp_path: Path) -> None:
    report = write(tmp_path / "r.toml", QUYUAN.read_text(encoding="utf-8"))
    code, first, _ = cli("check", report, "--format", "json")
    assert code == EXIT_FINDINGS
    baseline = write(tmp_path / "baseline.json", first)
    # same findings: all known, the run passes
    code, out, _ = cli("check", report, "--format", "json", "--baseline", baseline)
    data = json.loads(out)
    assert code == EXIT_OK
    assert all(f["known"] for f in data["files"][0]["findings"])
    assert data["summary"]["errors"] == 0
    assert data["summary"]["known"] == len(data["files"][0]["findings"])
    # a new problem (the title's year) fails the run; only it is new
    text = report.read_text(encoding="utf-8").replace('title = "2024年度', 'title = "2019年度', 1)
    write(report, text)
    code, out, _ = cli("check", report, "--baseline", baseline)
    assert code == EXIT_FINDINGS
    new = [x for x in out.splitlines() if " PR" in x and not x.endswith("[known]")]
    assert len(new) == 1 and " PR060 " in new[0]


def test_check_baseline_matches_paths_loosely(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "reports" / "r.toml", QUYUAN.read_text(encoding="utf-8"))
    _, first, _ = cli("check", "reports/r.toml", "--format", "json")
    write(tmp_path / "b.json", first)
    assert cli("check", "./reports/", "--baseline", "b.json")[0] == EXIT_OK


@pytest.mark.parametrize(
    "content", ["not json", '{"version": 2, "files": []}', '{"version": 1, "files": [{"x": 1}]}']
)
def test_check_bad_baseline(tmp_path: Path, content: str) -> None:
    baseline = write(tmp_path / "b.json", content)
    code, out, err = cli("check", CLEAN, "--baseline", baseline)
    assert code == EXIT_USAGE
    assert str(baseline) in err
    assert out == ""


def test_check_missing_baseline(tmp_path: Path) -> None:
    code, _, err = cli("check", CLEAN, "--baseline", tmp_path / "none.json", "--lang", "en")
    assert code == EXIT_USAGE
    assert "cannot read the file" in err


def test_check_show_waived(waived: Path) -> None:
    code, out, _ = cli("check", waived, "--lang", "en")
    assert code == EXIT_FINDINGS
    assert " PR022 " not in out
    assert "1 waived" in out
    _, out, _ = cli("check", waived, "--lang", "en", "--show-waived")
    line = next(x for x in out.splitlines() if " PR022 " in x)
    assert "PR022 [rate] waived:" in line and line.endswith("— waiver: 原表即如此")


def test_check_input_format(tmp_path: Path) -> None:
    exported = write(tmp_path / "export.dat", perfrules.dumps(perfrules.load(CLEAN)))
    code, out, _ = cli("check", exported)
    assert code == EXIT_USAGE  # an unknown suffix is read as TOML by default
    assert "语法错误" in out
    code, out, _ = cli("check", exported, "--input-format", "json")
    assert code == EXIT_OK, out
    as_text = write(tmp_path / "export.txt", perfrules.dumps(perfrules.load(CLEAN)))
    code, out, _ = cli("check", as_text, "--input-format", "json")
    assert code == EXIT_OK, out  # --input-format reads a .txt as a document, not as a report
    code, _, _ = cli("check", CLEAN, "--input-format", "json")
    assert code == EXIT_USAGE


def test_check_jobs_gives_the_same_output() -> None:
    files = sorted(EXAMPLES.glob("*.toml"))
    one = cli("check", *files, "--jobs", "1")
    two = cli("check", *files, "--jobs", "2")
    assert one == two
    assert one[0] == EXIT_FINDINGS


def test_check_progress_only_on_a_terminal() -> None:
    files = sorted(EXAMPLES.glob("*.toml"))
    _, _, err = cli("check", *files, "--jobs", "1", stderr=TTY())
    assert "\r[" in err and f"{len(files)}/{len(files)}" in err
    _, _, err = cli("check", *files, "--jobs", "1", "--no-progress", stderr=TTY())
    assert err == ""
    _, _, err = cli("check", *files, "--jobs", "1")
    assert err == ""


def test_check_colour_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = cli("check", QUYUAN, stdout=TTY())
    assert "\x1b[" in out
    _, out, _ = cli("check", QUYUAN)
    assert "\x1b[" not in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = cli("check", QUYUAN, stdout=TTY())
    assert "\x1b[" not in out


def test_check_format_choices() -> None:
    assert json.loads(cli("check", CLEAN, "--format", "json")[1])["version"] == 1
    assert json.loads(cli("check", CLEAN, "--format", "sarif")[1])["version"] == "2.1.0"
    assert cli("check", QUYUAN, "--format", "github")[1].startswith("::error file=")
    assert cli("check", CLEAN, "--format", "text")[1].startswith("已检查")


# --- broken documents: one clear message per problem, exit 2, no traceback ---------------------


def test_bad_toml(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.toml", "[report\ndepartment = 1\n")
    code, out, _ = cli("check", bad, "--lang", "en")
    assert code == EXIT_USAGE
    assert out.splitlines()[0].startswith(f"{bad}:1: syntax error: ")


def test_wrong_type_and_unknown_key(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.toml", '[report]\ndepartment = 7\nyear = 2023\ncolour = "red"\n')
    code, out, _ = cli("check", bad, "--lang", "en")
    assert code == EXIT_USAGE
    lines = out.splitlines()
    assert f"{bad}:2: report.department: wrong type: expected string, found number" in lines
    assert f"{bad}:4: report.colour: unknown key colour" in lines
    assert lines[-1] == "Checked 1 file: no report was checked; 1 file could not be loaded."


def test_missing_file() -> None:
    code, out, _ = cli("check", "nowhere.toml", "--lang", "en")
    assert code == EXIT_USAGE
    assert out.startswith("nowhere.toml: cannot read the file: ")


def test_load_error_in_one_file_still_reports_the_others(tmp_path: Path) -> None:
    bad = write(tmp_path / "a-bad.toml", "[report\n")
    code, out, _ = cli("check", bad, QUYUAN, CLEAN, "--jobs", "1")
    assert code == EXIT_USAGE
    assert " PR022 " in out
    assert f"{bad}:1: " in out


def test_internal_error_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    import perfrules.rules.engine

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(perfrules.rules.engine, "check", broken)
    code, out, _ = cli("check", CLEAN, "--lang", "en", "--jobs", "1")
    assert code == EXIT_USAGE
    assert "internal error (ZeroDivisionError: oops)" in out
