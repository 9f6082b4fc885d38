"""The ``perfrules`` command through :func:`perfrules.cli.run`, with in-memory streams.

Every command and every option has a test here or, for ``check`` and broken
documents, in ``test_check.py``; output formats in detail are in
``tests/output/test_output.py``, folders and parallel checking in
``tests/batch/test_batch.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import perfrules
from perfrules import __version__
from perfrules.cli import EXIT_OK, EXIT_USAGE, main
from perfrules.rules.pack import builtin_rules
from tests.cli.helpers import cli, write

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CLEAN = EXAMPLES / "clean.toml"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test in an empty folder, so no perfrules.toml is found by accident."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)


# --- the program ----------------------------------------------------------------------------


def test_version() -> None:
    code, out, _ = cli("--version")
    assert code == EXIT_OK
    assert out.strip() == f"perfrules {__version__}"


def test_help() -> None:
    code, out, _ = cli("--help")
    assert code == EXIT_OK
    for command in ("check", "score", "rules", "explain", "profiles", "schema", "init"):
        assert command in out


def test_no_command_is_a_usage_error() -> None:
    code, out, err = cli()
    assert code == EXIT_USAGE
    assert "usage: perfrules" in err
    assert out == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["check"],
        ["check", str(CLEAN), "--format", "xml"],
        ["check", str(CLEAN), "--lang", "fr"],
        ["check", str(CLEAN), "--jobs", "0"],
        ["check", str(CLEAN), "--jobs", "many"],
        ["check", str(CLEAN), "--fail-on", "info"],
        ["score"],
        ["explain"],
    ],
)
def test_usage_errors(argv: list[str]) -> None:
    code, _, err = cli(*argv)
    assert code == EXIT_USAGE
    assert "错误：" in err  # in Chinese by default (tests/cli/test_usage_errors.py)


def test_main_runs_the_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["perfrules", "check", str(CLEAN), "--lang", "en"])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == EXIT_OK
    assert "Checked 1 file: no findings." in capsys.readouterr().out


def test_console_script_starts() -> None:
    """The installed entry point works as a process (what pre-commit and users run)."""
    done = subprocess.run(
        [sys.executable, "-c", "from perfrules.cli import main; main()", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"perfrules {__version__}"


def test_import_stays_light() -> None:
    """The command's module pulls in neither process pools nor the schema code at start-up."""
    code = (
        "import sys, perfrules.cli; "
        "print(sorted(m for m in ('concurrent.futures', 'multiprocessing', 'perfrules.document.schema', "
        "'perfrules.batch', 'perfrules.output', 'jsonschema') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- score ----------------------------------------------------------------------------------


def test_score_table() -> None:
    code, out, _ = cli("score", CLEAN)
    assert code == EXIT_OK
    assert "评分方案 national" in out
    row = next(x for x in out.splitlines() if x.startswith("档案数字化页数"))
    for cell in (
        "≥50万页",
        "42万页",
        "30",
        "25.2",
        "25.20",
        "实际/目标 × 分值 = 42/50 × 30 = 25.20",  # in Chinese by default
    ):
        assert cell in row
    assert any(x.startswith("产出指标") for x in out.splitlines())  # tier subtotal
    assert any(x.startswith("预算执行") and "9.50" in x for x in out.splitlines())
    assert any(x.startswith("总分") and "94.70" in x for x in out.splitlines())
    assert any(x.startswith("等级") and "优" in x for x in out.splitlines())


def test_score_marks_differences(tmp_path: Path) -> None:
    text = CLEAN.read_text(encoding="utf-8").replace("score = 25.2", "score = 28")
    report = write(tmp_path / "r.toml", text)
    _, out, _ = cli("score", report, "--lang", "en")
    row = next(x for x in out.splitlines() if x.startswith("档案数字化页数"))
    assert "≠" in row
    assert "recomputed" in out and "formula" in out


def test_score_json_profile_and_input_format(tmp_path: Path) -> None:
    exported = write(tmp_path / "r.data", perfrules.dumps(perfrules.load(CLEAN)))
    code, out, _ = cli(
        "score", exported, "--input-format", "json", "--format", "json", "--profile", "sichuan"
    )
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["profile"] == "sichuan"
    assert {"indicators", "tiers", "execution", "total", "grade"} <= set(data)


def test_score_profile_from_config(tmp_path: Path) -> None:
    config = write(tmp_path / "c.toml", 'profile = "hubei"\n')
    _, out, _ = cli("score", CLEAN, "--config", config)
    assert "hubei" in out.splitlines()[0]


def test_score_load_error(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.toml", "[report]\nyear = 2023\n")
    code, out, err = cli("score", bad, "--lang", "en")
    assert code == EXIT_USAGE
    assert err.strip() == f"{bad}:1: report.department: required key is missing"
    assert out == ""


# --- rules, explain, profiles -------------------------------------------------------------------


def test_rules_lists_every_rule() -> None:
    code, out, _ = cli("rules")
    assert code == EXIT_OK
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == sorted(builtin_rules())
    pr023 = next(x for x in lines if x.startswith("PR023"))
    assert pr023.split()[1:3] == ["unit", "error"]
    en = cli("rules", "--lang", "en")[1]
    assert builtin_rules()["PR023"].title.en in en
    assert builtin_rules()["PR023"].title.zh in out


def test_rules_and_explain_include_config_rules(tmp_path: Path) -> None:
    pack = ROOT / "tests" / "data" / "config" / "region-pack.toml"
    config = write(tmp_path / "perfrules.toml", f"packs = [{json.dumps(str(pack))}]\n")
    code, out, _ = cli("rules", "--lang", "en")
    assert code == EXIT_OK
    assert any(
        x.startswith("PR901") and "indicator weight too small" in x for x in out.splitlines()
    )
    code, out, _ = cli("explain", "PR901", "--config", config, "--lang", "en")
    assert code == EXIT_OK
    assert "failing.toml:" in out and "PR901 [score] warning" in out


def test_rules_bad_config(tmp_path: Path) -> None:
    config = write(tmp_path / "perfrules.toml", "selekt = []\n")
    code, out, err = cli("rules", "--config", config, "--lang", "en")
    assert code == EXIT_USAGE
    assert "selekt" in err and out == ""


def test_explain() -> None:
    rule = builtin_rules()["PR023"]
    code, out, _ = cli("explain", "PR023", "--lang", "en")
    assert code == EXIT_OK
    assert out.startswith(f"PR023 {rule.name}: {rule.title.en}")
    assert rule.doc.why.split()[0] in out
    assert "Passing example" in out and "Failing example" in out
    assert "What perfrules reports for it" in out
    assert "failing.toml:" in out and "PR023 [unit]" in out


def test_explain_by_name_and_case() -> None:
    by_id = cli("explain", "PR120")[1]
    assert cli("explain", "pr120")[1] == by_id
    assert cli("explain", builtin_rules()["PR120"].name)[1] == by_id
    assert "通过的示例" in by_id


def test_explain_unknown_rule() -> None:
    code, out, err = cli("explain", "PR999", "--lang", "en")
    assert code == EXIT_USAGE
    assert "no rule PR999" in err
    assert out == ""


def test_explain_shows_parameters() -> None:
    with_params = next(r for r in builtin_rules().values() if r.params)
    out = cli("explain", with_params.id, "--lang", "en")[1]
    assert "Parameters" in out
    assert next(iter(with_params.params)) in out


def test_profiles() -> None:
    from perfrules.scoring.profiles import available_profiles

    code, out, _ = cli("profiles")
    assert code == EXIT_OK
    for profile in available_profiles():
        assert f"{profile.id}: {profile.title}" in out
        for source in profile.sources:
            assert source in out
    assert "依据" in out
    assert "sources:" in cli("profiles", "--lang", "en")[1]


# --- schema and init ---------------------------------------------------------------------------


def test_schema_command() -> None:
    code, out, _ = cli("schema")
    assert code == EXIT_OK
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert out == (ROOT / "docs" / "schema.json").read_text(encoding="utf-8")


def test_init_writes_a_template_that_checks_clean(tmp_path: Path) -> None:
    code, out, _ = cli("init", "--lang", "en")
    assert code == EXIT_OK
    assert out.startswith("wrote report.toml")
    written = tmp_path / "report.toml"
    text = written.read_text(encoding="utf-8")
    assert text.count("#") > 20  # commented
    report = perfrules.load(written)
    assert perfrules.check(report).findings == ()
    assert cli("check", written)[0] == EXIT_OK


def test_init_path_and_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    assert cli("init", target)[0] == EXIT_OK
    code, _, err = cli("init", target, "--lang", "en")
    assert code == EXIT_USAGE
    assert "use --force" in err
    target.write_text("changed", encoding="utf-8")
    assert cli("init", target, "--force")[0] == EXIT_OK
    assert target.read_text(encoding="utf-8").startswith("# 绩效自评报告")


def test_init_into_a_folder_and_to_stdout(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    assert cli("init", folder)[0] == EXIT_OK
    assert (folder / "report.toml").is_file()
    code, out, _ = cli("init", "-")
    assert code == EXIT_OK
    assert out == (folder / "report.toml").read_text(encoding="utf-8")


def test_init_unwritable(tmp_path: Path) -> None:
    code, _, err = cli("init", tmp_path / "no" / "such" / "dir" / "r.toml", "--lang", "en")
    assert code == EXIT_USAGE
    assert "cannot write" in err


def test_python_dash_m_perfrules_is_the_command_line() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "perfrules", "check", str(ROOT / "examples" / "quyuan-2024.toml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1  # seed 002 has errors
    assert "PR020" in proc.stdout and proc.stdout.rstrip().endswith("个警告。")


def test_score_table_in_english_keeps_the_english_formula() -> None:
    code, out, _ = cli("score", CLEAN, "--lang", "en")
    assert code == EXIT_OK
    row = next(x for x in out.splitlines() if x.startswith("档案数字化页数"))
    assert "actual/target × weight = 42/50 × 30 = 25.20" in row
    assert not any("实际/目标" in x or "执行率 =" in x for x in out.splitlines())
