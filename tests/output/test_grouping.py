"""Text output groups a rule's repeated findings in one file and lists findings in document order.

Issue 14, item 10. Seed 003 (``examples/luquan-2024.toml``) has 20 indicators
with no actual value: the text shows one PR030 block with the count and one
short line per indicator. JSON, SARIF and GitHub keep one record per finding;
``--no-group`` gives the listing as it was (one line per finding, rule order).
What must not happen: two findings grouped, findings of two files or of two
rules in one block, waived findings mixed with reported ones, or a record lost
from the machine formats.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from perfrules.batch import Options, check_path
from perfrules.cli import run
from perfrules.output.text import GROUP_AT, finding_line, summary_line
from perfrules.output.writer import Summary

ROOT = Path(__file__).resolve().parents[2]
LUQUAN = ROOT / "examples" / "luquan-2024.toml"
QUYUAN = ROOT / "examples" / "quyuan-2024.toml"


def cli(*argv: object) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run([str(a) for a in argv], out, err)
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(LUQUAN, tmp_path / "luquan.toml")
    shutil.copy(QUYUAN, tmp_path / "quyuan.toml")


def _line_of(text: str) -> int:
    """The line a text output line is at (0 for a whole-document finding)."""
    m = re.match(r"(?:[^:]+:(\d+): PR|    (\d+): )", text)
    if m:
        return int(m.group(1) or m.group(2))
    return 0


def test_twenty_missing_actuals_are_one_block() -> None:
    _, out = cli("check", "luquan.toml", "--lang", "en")
    lines = out.splitlines()
    head = lines.index("luquan.toml:134: PR030 [missing] error: 20 findings")
    members = lines[head + 1 : head + 21]
    assert members[0] == "    134: indicator '租赁备灾仓库面积' states no actual"
    assert members[-1] == "    256: indicator '服务对象满意度' states no actual"
    assert all(re.fullmatch(r"    \d+: indicator '.+' states no actual", m) for m in members)
    assert not lines[head + 21].startswith("    ")
    assert sum(" PR030 " in x for x in lines) == 1  # the rule is named once
    assert lines[-1] == "Checked 1 file: 22 errors, 3 warnings."  # every finding still counted


def test_chinese_block_head() -> None:
    _, out = cli("check", "luquan.toml")
    assert "luquan.toml:134: PR030 [missing] error: 共 20 处" in out.splitlines()
    assert "    134: 指标“租赁备灾仓库面积”未填写实际完成值" in out.splitlines()


def test_findings_are_in_document_order() -> None:
    _, out = cli("check", "luquan.toml", "quyuan.toml", "--lang", "en")
    for block in out.strip().split("\n\n")[:-1]:
        lines = block.splitlines()
        heads = [_line_of(x) for x in lines if not x.startswith("    ")]
        assert heads == sorted(heads), block
        members = [_line_of(x) for x in lines if x.startswith("    ")]
        assert members == sorted(members), block
    first = out.splitlines()[0]
    assert (
        first == "luquan.toml: PR072 [missing] warning: the report states no total score and grade"
    )


def test_no_group_restores_the_listing_in_rule_order() -> None:
    """``--no-group``: exactly one line per finding, as the records come (by rule), as before."""
    _, out = cli("check", "luquan.toml", "quyuan.toml", "--lang", "en", "--no-group")
    summary = Summary()
    blocks = []
    for name in ("luquan.toml", "quyuan.toml"):
        outcome = check_path(name, Options(lang="en"))
        summary.add(outcome)
        blocks.append("\n".join(finding_line(name, f, lang="en") for f in outcome.findings))
    assert out == "\n\n".join(blocks) + "\n\n" + summary_line(summary, "en") + "\n"
    assert "findings\n" not in out


def test_machine_formats_keep_one_record_per_finding() -> None:
    _, out = cli("check", "luquan.toml", "--format", "json")
    findings = json.loads(out)["files"][0]["findings"]
    assert sum(f["rule"] == "PR030" for f in findings) == 20
    _, out = cli("check", "luquan.toml", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert sum(r["ruleId"] == "PR030" for r in results) == 20
    _, out = cli("check", "luquan.toml", "--format", "github")
    assert sum(x.startswith("::error ") and "title=PR030" in x for x in out.splitlines()) == 20


def test_two_findings_of_a_rule_stay_two_lines() -> None:
    """What must not happen: a block for fewer than GROUP_AT findings (quyuan's two PR030)."""
    assert GROUP_AT == 3
    _, out = cli("check", "quyuan.toml", "--lang", "en")
    pr030 = [x for x in out.splitlines() if " PR030 " in x]
    assert len(pr030) == 2
    assert all(x.startswith("quyuan.toml:") and "findings" not in x for x in pr030)
    assert not any(x.startswith("    ") for x in out.splitlines())


def test_blocks_do_not_span_files(tmp_path: Path) -> None:
    shutil.copy(LUQUAN, tmp_path / "luquan2.toml")
    _, out = cli("check", "luquan.toml", "luquan2.toml", "--lang", "en")
    heads = [x for x in out.splitlines() if x.endswith("PR030 [missing] error: 20 findings")]
    assert heads == [
        "luquan.toml:134: PR030 [missing] error: 20 findings",
        "luquan2.toml:134: PR030 [missing] error: 20 findings",
    ]


def test_waived_findings_are_grouped_apart(tmp_path: Path) -> None:
    text = LUQUAN.read_text(encoding="utf-8")
    for name in ("租赁备灾仓库面积", "群众满意度", "应急救护知识普及"):
        text += f'\n[[waivers]]\nrule = "PR030"\nabout = "indicator:{name}"\nreason = "见附表"\n'
    (tmp_path / "waived.toml").write_text(text, encoding="utf-8")
    _, out = cli("check", "waived.toml", "--lang", "en", "--show-waived")
    lines = out.splitlines()
    assert "waived.toml:154: PR030 [missing] error: 17 findings" in lines
    head = lines.index("waived.toml:134: PR030 [missing] waived: 3 findings")
    assert (
        lines[head + 1] == "    134: indicator '租赁备灾仓库面积' states no actual — waiver: 见附表"
    )
    assert lines[-1] == "Checked 1 file: 19 errors, 3 warnings, 3 waived."


def test_known_findings_are_marked_in_their_block(tmp_path: Path) -> None:
    _, first = cli("check", "luquan.toml", "--format", "json")
    (tmp_path / "b.json").write_text(first, encoding="utf-8")
    code, out = cli("check", "luquan.toml", "--lang", "en", "--baseline", "b.json")
    assert code == 0
    members = [x for x in out.splitlines() if x.startswith("    ")]
    assert len(members) == 20 and all(x.endswith(" [known]") for x in members)
