"""Misspelt commands, choices, rule ids, categories and profiles get a "did you mean", in zh and en.

Issue 14, item 11. Each misspelling exits 2 with the closest known word;
what must not happen: a suggestion for a word close to nothing, a
suggestion that repeats the word, or a correct value refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from perfrules.cli import EXIT_OK, EXIT_USAGE
from perfrules.cli.suggest import closest, did_you_mean
from tests.cli.helpers import cli

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "examples" / "clean.toml"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(
    ("argv", "en", "zh"),
    [
        (["checkk"], "did you mean check?", "是否要输入 check？"),
        (["scor", CLEAN], "did you mean score?", "是否要输入 score？"),
        (["check", CLEAN, "--format", "jsn"], "did you mean json?", "是否要输入 json？"),
        (["check", CLEAN, "--fail-on", "warn"], "did you mean warning?", "是否要输入 warning？"),
        (["check", CLEAN, "--input-format", "TOML"], "did you mean toml?", "是否要输入 toml？"),
        (["score", CLEAN, "--format", "jason"], "did you mean json?", "是否要输入 json？"),
    ],
)
def test_misspelt_choices(argv: list[object], en: str, zh: str) -> None:
    code, out, err = cli(*argv, "--lang", "en")
    assert code == EXIT_USAGE and out == ""
    last = err.splitlines()[-1]
    assert last.endswith(en), err
    assert "invalid choice" in last and "choose from" in last
    code, _, err = cli(*argv)
    assert code == EXIT_USAGE
    assert err.splitlines()[-1].endswith(zh), err


def test_the_language_of_a_misspelt_language_is_chinese() -> None:
    code, _, err = cli("check", CLEAN, "--lang", "e")
    assert code == EXIT_USAGE
    assert err.splitlines()[-1].endswith("无效的取值 'e'（可选：zh、en），是否要输入 en？")


def test_explain_a_rule_id_without_its_zeros() -> None:
    code, _, err = cli("explain", "PR23", "--lang", "en")
    assert code == EXIT_USAGE
    assert err == (
        "perfrules explain: no rule PR23; did you mean PR023? (`perfrules rules` lists them all)\n"
    )
    code, _, err = cli("explain", "PR23")
    assert (
        err
        == "perfrules explain: 没有规则 PR23，是否要输入 PR023？（`perfrules rules` 列出全部规则）\n"
    )


def test_explain_a_misspelt_rule_name() -> None:
    code, _, err = cli("explain", "unit-slp", "--lang", "en")
    assert code == EXIT_USAGE
    assert "did you mean unit-slip?" in err


@pytest.mark.parametrize(
    ("flag", "value", "guess"),
    [
        ("--select", "PR23", "PR023"),
        ("--select", "pr023", "PR023"),
        ("--select", "sums", "sum"),
        ("--ignore", "taxonomi", "taxonomy"),
        ("--ignore", "Unit", "unit"),
    ],
)
def test_misspelt_selectors(flag: str, value: str, guess: str) -> None:
    code, out, err = cli("check", CLEAN, flag, value, "--lang", "en")
    assert code == EXIT_USAGE and out == ""
    assert err == (
        f"perfrules check: {flag}: {value!r} is neither a rule id nor a category; "
        f"did you mean {guess}?\n"
    )
    code, _, err = cli("check", CLEAN, flag, f"PR001,{value}")
    assert err == (
        f"perfrules check: {flag}：{value!r} 既不是规则编号也不是类别，是否要输入 {guess}？\n"
    )


def test_misspelt_profile() -> None:
    code, _, err = cli("check", CLEAN, "--profile", "nationl", "--lang", "en")
    assert code == EXIT_USAGE
    assert err.startswith("perfrules check: --profile: invalid choice 'nationl' (choose from ")
    assert err.endswith("; did you mean national?\n")
    code, _, err = cli("score", CLEAN, "--profile", "hubie")
    assert code == EXIT_USAGE
    assert err.endswith("，是否要输入 hubei？\n")


def test_nothing_close_gets_no_suggestion() -> None:
    """What must not happen: a guess for a word that is close to nothing."""
    code, _, err = cli("check", CLEAN, "--select", "zzzzqqq", "--lang", "en")
    assert code == EXIT_USAGE
    assert err == "perfrules check: --select: 'zzzzqqq' is neither a rule id nor a category\n"
    code, _, err = cli("frobnicate", "--lang", "en")
    assert code == EXIT_USAGE and "did you mean" not in err and "choose from check" in err
    code, _, err = cli("explain", "PR999", "--lang", "en")
    assert code == EXIT_USAGE and "did you mean" not in err


def test_right_values_are_not_refused() -> None:
    """What must not happen: a correct id, category, ALL or profile taken as a misspelling."""
    for argv in (
        ["--select", "PR023,sum", "--ignore", "taxonomy"],
        ["--select", "ALL"],
        ["--profile", "national"],
    ):
        code, _, err = cli("check", CLEAN, *argv)
        assert code == EXIT_OK, (argv, err)
        assert err == ""


def test_closest() -> None:
    assert closest("PR23", ["PR023", "PR123", "PR230"]) == "PR023"
    assert closest("23", ["PR023", "PR123"]) == "PR023"
    assert closest("CHECK", ["check", "score"]) == "check"
    assert closest("x", ["check"]) is None
    assert closest("", ["check"]) is None
    assert closest("check", []) is None
    assert did_you_mean("check", ["check"], "en") == ""  # never the word itself
    assert did_you_mean("chek", ["check"], "en") == "; did you mean check?"
    assert did_you_mean("chek", ["check"], "zh") == "，是否要输入 check？"
