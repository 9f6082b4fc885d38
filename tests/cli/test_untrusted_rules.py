"""User rule packs, perfrules.toml and profiles are untrusted input: what the command line says of them.

Issue 14, items 7, 8 and 9b. A rule that fails on a document is reported
(rule, document, reason) and the run exits 2; an invalid value in a rule
pack or an inline rule is a located message, exit 2, in Chinese by default
and in English with ``--lang en``; never a traceback.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from perfrules.cli import EXIT_USAGE, run
from tests.rules.test_exprrules import DOC, rule

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "examples" / "clean.toml"


def cli(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run([str(a) for a in argv], out, err)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> Path:
    path = Path(name)
    path.write_text(text, encoding="utf-8")
    return path


# --- item 7: a rule that fails on a document --------------------------------------------------


def test_a_failing_rule_is_reported_with_exit_2() -> None:
    write("report.toml", DOC)
    write("perfrules.toml", 'select = ["PR960"]\n' + rule("PR960", "budget", "executed / 0 > 1"))
    code, out, _ = cli("check", "report.toml", "--lang", "en")
    assert code == EXIT_USAGE
    line = DOC.split("\n").index("[budget]") + 1
    assert (
        f"report.toml:{line}: PR960: budget: the rule failed to evaluate "
        "(expression, rule written at " in out
    )
    assert "perfrules.toml:2): division by zero" in out
    assert "rules failed to evaluate on 1 file" in out
    code, out, _ = cli("check", "report.toml")
    assert code == EXIT_USAGE
    assert "PR960: budget: 规则无法求值（expression，规则定义于 " in out
    assert "perfrules.toml:2）：除数为零" in out
    assert "1 个文件有规则无法求值" in out


def test_a_failing_rule_in_json_and_sarif() -> None:
    write("report.toml", DOC)
    write("perfrules.toml", 'select = ["PR961"]\n' + rule("PR961", "indicator", "name * 2 == ''"))
    code, out, err = cli("check", "report.toml", "--format", "json", "--lang", "en")
    assert code == EXIT_USAGE
    data = json.loads(out)
    assert data["summary"]["rule_errors"] == 1 and data["summary"]["failed"] == 0
    error = data["files"][0]["error"]
    assert error["path"] == "indicators[0]"
    assert error["line"] == DOC.split("\n").index("[[indicators]]") + 1
    assert "PR961" in err and "(and 1 more subject)" in error["message"]
    code, out, _ = cli("check", "report.toml", "--format", "sarif")
    assert code == EXIT_USAGE
    invocation = json.loads(out)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["message"]["text"].startswith("PR961: indicators[0]: 规则无法求值")


def test_a_failing_rule_heads_the_review_page() -> None:
    write("report.toml", DOC)
    write("perfrules.toml", 'select = ["PR965"]\n' + rule("PR965", "budget", "executed / 0 > 1"))
    code, out, err = cli("check", "report.toml", "--format", "html", "--lang", "en")
    assert code == EXIT_USAGE
    assert "Rules that failed (the report was not fully checked)" in out
    assert "PR965: budget: the rule failed to evaluate" in out and "PR965" in err


def test_a_failing_rule_on_a_report_as_written() -> None:
    """A .txt report is extracted, then checked: the failure names the original file."""
    shutil.copy(ROOT / "docs" / "examples" / "quyuan-2024.txt", "quyuan.txt")
    write("perfrules.toml", 'select = ["PR966"]\n' + rule("PR966", "budget", "executed / 0 > 1"))
    code, out, _ = cli("check", "quyuan.txt", "--lang", "en")
    assert code == EXIT_USAGE
    assert "quyuan.txt: PR966: budget: the rule failed to evaluate" in out


def test_a_subject_without_the_value_is_still_skipped() -> None:
    write("report.toml", DOC)
    write("perfrules.toml", 'select = ["PR962"]\n' + rule("PR962", "indicator", "weight > 5"))
    code, out, _ = cli("check", "report.toml", "--lang", "en", "--fail-on", "never")
    assert code == 0
    assert "failed to evaluate" not in out


def test_the_clean_example_with_a_rule_pack_that_fails() -> None:
    shutil.copy(CLEAN, "clean.toml")
    write("pack.toml", '[pack]\nid = "p"\n' + rule("PR963", "line", "label + 1 > 0"))
    write("perfrules.toml", 'packs = ["pack.toml"]\n')
    code, out, _ = cli("check", "clean.toml", "--lang", "en")
    assert code == EXIT_USAGE
    assert "PR963: lines[0]: the rule failed to evaluate (expression, rule written at" in out
    assert "pack.toml:3)" in out


# --- item 8: an invalid enum value ------------------------------------------------------------


def test_the_issue_probe_an_inline_rule_with_an_invalid_severity() -> None:
    shutil.copy(CLEAN, "clean.toml")
    write("perfrules.toml", '[[rules]]\nid="X001"\nkind="expr"\nseverity="fatal"\n')
    code, out, err = cli("check", "clean.toml", "--lang", "en")
    assert code == EXIT_USAGE and out == ""
    assert (
        "perfrules.toml:4: X001: rules[0].severity: invalid value fatal: "
        "expected one of error, warning, info" in err
    )
    assert "rules[0].name: required key is missing" in err
    code, _, err = cli("check", "clean.toml")
    assert code == EXIT_USAGE
    assert "perfrules.toml:4: X001: rules[0].severity: 取值 fatal 无效" in err


def test_a_pack_with_an_invalid_severity() -> None:
    shutil.copy(CLEAN, "clean.toml")
    pack = '[pack]\nid = "p"\n' + rule("PR964", "report", "True").replace(
        'severity = "warning"', 'severity = "fatal"'
    )
    write("pack.toml", pack)
    write("perfrules.toml", 'packs = ["pack.toml"]\n')
    code, out, err = cli("check", "clean.toml", "--lang", "en")
    assert code == EXIT_USAGE and out == ""
    line = pack.split("\n").index('severity = "fatal"') + 1
    assert f"pack.toml:{line}: PR964: rules[0].severity: invalid value fatal" in err
    assert "perfrules.toml:1: packs[0]: rule pack pack.toml is invalid" in err
    for command in (("rules",), ("explain", "PR964")):
        code, _, err = cli(*command)
        assert code == EXIT_USAGE and "rules[0].severity" in err


# --- item 8b: a report document with a figure that is not money, or the wrong shape ----------


@pytest.mark.parametrize(
    ("old", "new", "where", "en", "zh"),
    [
        (
            "initial = 120.00",
            'initial = "12人"',
            "budget.initial",
            "12人 is not an amount of money (the unit must be 元 or 万元)",
            "12人 不是货币金额（单位应为 元 或 万元）",
        ),
        (
            "format = 1",
            'format = 1\nlines = "ab"',
            "lines",
            "wrong type: expected array, found string",
            "类型错误：应为数组，实际为字符串",
        ),
    ],
)
def test_a_document_value_of_the_wrong_kind(
    old: str, new: str, where: str, en: str, zh: str
) -> None:
    text = CLEAN.read_text(encoding="utf-8").replace(old, new, 1)
    if where == "lines":  # the document's own [[lines]] would clash with lines = "ab"
        text = text.replace("[[lines]]", "[[claims_]]")
        text = text[: text.index("[[claims_]]")] + text[text.index("[[indicators]]") :]
    write("report.toml", text)
    line = text.split("\n").index(new.split("\n")[-1]) + 1
    code, out, _ = cli("check", "report.toml", "--lang", "en")
    assert code == EXIT_USAGE
    assert f"report.toml:{line}: {where}: {en}" in out
    code, out, _ = cli("check", "report.toml")
    assert code == EXIT_USAGE
    assert f"report.toml:{line}: {where}: {zh}" in out


# --- item 9b: hostile rule packs, configurations and profiles --------------------------------


HOSTILE_CONFIGS = [
    (
        'select = ["PR980"]\n' + rule("PR980", "indicator", "False", message="{name:>1000000000}"),
        "perfrules.toml:{line}: PR980: rules[0].message.zh: template field {{name:>1000000000}} "
        "is not a plain name",
        "message = ",
        "模板字段 {name:>1000000000} 不是单纯的名称",
    ),
    (
        'select = ["PR981"]\n' + rule("PR981", "indicator", "False", message="{name.nosuch}"),
        "perfrules.toml:{line}: PR981: rules[0].message.zh: template field {{name.nosuch}}",
        "message = ",
        "模板字段 {name.nosuch} 不是单纯的名称",
    ),
    (
        'select = ["PR982"]\n' + rule("PR982", "indicator", "False", message="{name[x]}"),
        "perfrules.toml:{line}: PR982: rules[0].message.zh: template field {{name[x]}}",
        "message = ",
        "不是单纯的名称",
    ),
    (
        "rules = 5\n",
        "perfrules.toml:{line}: rules: wrong type: expected array, found number",
        "rules = ",
        "rules: 类型错误：应为数组，实际为数值",
    ),
    (
        "rules = [5]\n",
        "perfrules.toml:{line}: rules[0]: wrong type: expected table, found number",
        "rules = ",
        "rules[0]: 类型错误：应为表，实际为数值",
    ),
    (
        "[params.PR041]\nratio = true\n",
        "perfrules.toml:{line}: params.PR041.ratio: expected a decimal, found True",
        "ratio = ",
        "params.PR041.ratio: 应为 decimal，实际为 True",
    ),
    (
        "[params.PR041]\nratio = -50\n",
        "perfrules.toml:{line}: params.PR041.ratio: -50 is out of range (it must be at least 0)",
        "ratio = ",
        "params.PR041.ratio: 取值 -50 超出允许范围（应不小于 0）",
    ),
]


@pytest.mark.parametrize(("config", "en", "start", "zh"), HOSTILE_CONFIGS)
def test_a_hostile_configuration_is_a_located_message(
    config: str, en: str, start: str, zh: str
) -> None:
    shutil.copy(CLEAN, "clean.toml")
    write("perfrules.toml", config)
    line = next(i for i, text in enumerate(config.split("\n"), 1) if text.startswith(start))
    code, out, err = cli("check", "clean.toml", "--lang", "en")
    assert (code, out) == (EXIT_USAGE, "")
    assert en.format(line=line) in err
    code, out, err = cli("check", "clean.toml")
    assert (code, out) == (EXIT_USAGE, "")
    assert zh in err


def test_a_format_width_never_reaches_a_message() -> None:
    """The issue's payload took 20 s and 7.6 GB; refused at load, nothing is rendered."""
    shutil.copy(CLEAN, "clean.toml")
    write(
        "pack.toml",
        '[pack]\nid = "p"\n' + rule("PR983", "indicator", "False", message="{name:>1000000000}"),
    )
    code, out, err = cli("check", "clean.toml", "--config", "pack.toml", "--lang", "en")
    assert code == EXIT_USAGE and len(out) + len(err) < 10_000


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("where", ["--profile", "config"])
def test_a_profile_that_is_a_device_or_a_fifo(where: str, tmp_path: Path) -> None:
    shutil.copy(CLEAN, "clean.toml")
    os.mkfifo("pipe.toml")
    for i, target in enumerate(("/dev/zero", str(tmp_path / "pipe.toml"))):
        if where == "config":  # a configuration of its own each (compiled rules are cached by path)
            write(f"config{i}.toml", f'profile = "{target}"\n')
            argv: tuple[str, ...] = ("check", "clean.toml", "--config", f"config{i}.toml")
        else:
            argv = ("check", "clean.toml", "--profile", target)
        code, out, err = cli(*argv, "--lang", "en")
        assert code == EXIT_USAGE
        message = f"{target}: cannot read the file: not a regular file (a folder, pipe or device)"
        assert message in out + err
        code, out, err = cli(*argv)
        assert code == EXIT_USAGE and "不是普通文件" in out + err


def test_a_configuration_with_a_byte_order_mark() -> None:
    shutil.copy(CLEAN, "clean.toml")
    Path("perfrules.toml").write_bytes(b'\xef\xbb\xbfignore = ["PR023"]\nprofile = "national"\n')
    code, out, err = cli("check", "clean.toml", "--lang", "en")
    assert code == 0 and err == "" and "Checked 1 file" in out
    Path("bad.toml").write_bytes(b'\xef\xbb\xbf[severity]\nPR010 = "fatal"\n')
    code, _, err = cli("check", "clean.toml", "--config", "bad.toml", "--lang", "en")
    assert code == EXIT_USAGE and "bad.toml:2: severity.PR010: invalid value fatal" in err
