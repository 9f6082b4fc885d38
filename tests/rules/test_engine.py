"""The rules engine and its configuration: selection, severities, parameters, user rules, waivers."""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

import pytest

import perfrules
from perfrules import Config, ConfigError, RulePackError, Severity
from perfrules.rules.config import find_config, loads_config
from perfrules.rules.pack import loads_pack
from tests.conftest import EXAMPLES

DATA = Path(__file__).resolve().parents[1] / "data" / "config"


def _rules(result: perfrules.CheckResult) -> list[tuple[str, str]]:
    return [(f.rule, f.about) for f in result.findings]


@pytest.fixture
def caidian() -> perfrules.Report:
    return perfrules.load(EXAMPLES / "caidian-2024.toml")


def test_ignore_a_category(caidian: perfrules.Report) -> None:
    config = loads_config('ignore = ["taxonomy"]')
    found = _rules(perfrules.check(caidian, config))
    assert found and not any(r in ("PR073", "PR074", "PR075") for r, _ in found)


def test_select_by_id_and_category(caidian: perfrules.Report) -> None:
    found = _rules(perfrules.check(caidian, loads_config('select = ["date", "PR033"]')))
    assert sorted({r for r, _ in found}) == ["PR033", "PR061"]


def test_change_a_threshold(caidian: perfrules.Report) -> None:
    config = loads_config("[params.PR041]\nratio = 500\n")
    exceeded = [a for r, a in _rules(perfrules.check(caidian, config)) if r == "PR041"]
    assert exceeded == ["indicator:新增志愿者人数"]  # 1314% is the only one at or above 500%


def test_change_a_severity(caidian: perfrules.Report) -> None:
    config = loads_config('[severity]\nPR041 = "error"\n')
    assert {f.severity for f in perfrules.check(caidian, config).findings if f.rule == "PR041"} == {
        Severity.ERROR
    }


def test_a_user_rule_in_toml_only(tmp_path: Path) -> None:
    (tmp_path / "region-pack.toml").write_text(
        (DATA / "region-pack.toml").read_text("utf-8"), "utf-8"
    )
    config_file = tmp_path / "perfrules.toml"
    config_file.write_text(
        'packs = ["region-pack.toml"]\n[params.PR901]\nmin_weight = 11\n', "utf-8"
    )
    config = perfrules.load_config(config_file)
    report = perfrules.load(EXAMPLES / "urumqi-2023.toml")
    hits = [f for f in perfrules.check(report, config).findings if f.rule == "PR901"]
    assert [f.about for f in hits] == [
        "indicator:人员经费支出总金额",
        "indicator:慰问贫困人员户数",
        "indicator:群众满意度",
    ]
    assert hits[0].found == Decimal(10) and hits[0].expected == Decimal(11)
    assert hits[0].message("zh") == "指标“人员经费支出总金额”分值 10 低于 11"
    assert find_config(tmp_path) == config_file


def test_inline_user_rule_with_a_bad_expression_is_a_clear_error() -> None:
    text = (DATA / "region-pack.toml").read_text("utf-8").split("[[rules]]", 1)[1]
    text = "[[rules]]" + text.replace("weight >= min_weight", "weight.__class__ >= min_weight")
    with pytest.raises(ConfigError) as info:
        loads_config(text, "perfrules.toml")
    rendered = info.value.render("en")
    assert "PR901" in rendered and "perfrules.toml" in rendered


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('selcet = ["chain"]', "selcet"),
        ('select = ["chian"]', "select[0]"),
        ('[severity]\nPR041 = "fatal"', "severity.PR041"),
        ("[params.PR041]\nratoi = 2", "params.PR041.ratoi"),
        ("[params.PR999]\nx = 1", "params.PR999"),
        ('select = ["PR001"]\nignore = ["PR001"]', "select"),
    ],
)
def test_configuration_typos_are_errors(text: str, path: str) -> None:
    with pytest.raises(ConfigError) as info:
        loads_config(text, "perfrules.toml")
    assert path in [p.path for p in info.value.problems]


def test_bad_rule_pack_names_file_line_and_rule() -> None:
    text = (
        (DATA / "region-pack.toml")
        .read_text("utf-8")
        .replace('category = "score"', 'category = "scroe"')
    )
    with pytest.raises(RulePackError) as info:
        loads_pack(text, "region.toml")
    (problem,) = info.value.problems
    assert (problem.file, problem.rule, problem.path) == (
        "region.toml",
        "PR901",
        "rules[0].category",
    )
    assert problem.line == text.splitlines().index('category = "scroe"') + 1


def test_unknown_template_field_is_refused() -> None:
    text = (DATA / "region-pack.toml").read_text("utf-8").replace("{min_weight}", "{minimum}")
    with pytest.raises(RulePackError, match="minimum"):
        loads_pack(text)


def test_waivers_silence_with_a_reason_and_are_checked(clean_text: str) -> None:
    waived = clean_text.replace('grade = "优"', 'grade = "良"')
    report = perfrules.loads(
        waived + '\n[[waivers]]\nrule = "PR120"\nreason = "上级复核后定为良"\n'
    )
    result = perfrules.check(report)
    assert _rules(result) == [] and [f.rule for f in result.waived] == ["PR120"]
    assert result.waived[0].waiver is not None
    no_reason = perfrules.loads(waived + '\n[[waivers]]\nrule = "PR120"\n')
    assert [f.rule for f in perfrules.check(no_reason).findings] == ["PR080", "PR120"]
    stale = perfrules.loads(clean_text + '\n[[waivers]]\nrule = "PR120"\nreason = "旧豁免"\n')
    assert _rules(perfrules.check(stale)) == [("PR081", "waiver:PR120")]


def test_nothing_selected_is_an_error() -> None:
    with pytest.raises(ConfigError):
        perfrules.compile_rules(Config(select=("PR001",), ignore=("chain",)))


def test_check_is_deterministic_and_thread_safe(caidian: perfrules.Report) -> None:
    expected = perfrules.check(caidian).findings
    results: list[tuple[perfrules.Finding, ...]] = []

    def work() -> None:
        for _ in range(20):
            results.append(perfrules.check(caidian).findings)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results) and len(results) == 80


def test_findings_are_data(caidian: perfrules.Report) -> None:
    finding = next(f for f in perfrules.check(caidian).findings if f.rule == "PR061")
    assert (finding.category, finding.severity, finding.path) == (
        "date",
        Severity.ERROR,
        "report.filled_on",
    )
    assert finding.found == "2024-04-15" and finding.line == 85
    assert finding.file is not None and finding.file.endswith("caidian-2024.toml")
    assert "2025-01-01" in finding.message("zh") and "after budget year 2024" in finding.message(
        "en"
    )


def test_check_keeps_the_score_sheet_it_computed() -> None:
    report = perfrules.load(EXAMPLES / "urumqi-2023.toml")
    result = perfrules.check(report)
    assert result.sheet is not None
    assert result.sheet.total == perfrules.score(report).total
    assert perfrules.check(report, Config(select=("PR060",))).sheet is None  # no rule needed it


def test_messages_shorten_huge_values_the_data_keeps_them() -> None:
    """A 1,000,000-character target: its message stays short in both languages, its finding whole."""
    huge = "很" * 1_000_000
    report = perfrules.loads(
        '[report]\ndepartment = "某单位"\nyear = 2023\n[[indicators]]\n'
        f'name = "{huge}"\ntarget = "{huge}"\nactual = "5人"\n'
    )
    (finding,) = perfrules.check(report, Config(select=("PR031",))).findings
    assert finding.found == huge and dict(finding.args)["raw"] == huge
    assert finding.about == f"indicator:{huge}"
    zh, en = finding.message("zh"), finding.message("en")
    assert len(zh) < 500 and "…（共 1000000 字）" in zh and zh.startswith("指标“很很")
    assert len(en) < 500 and "… (1000000 characters)" in en


def test_messages_keep_values_up_to_the_limit() -> None:
    from perfrules.rules.findings import MESSAGE_VALUE_LIMIT, clip

    whole = "甲" * MESSAGE_VALUE_LIMIT
    assert clip(whole) == whole and clip(whole, "en") == whole
    longer = whole + "乙"
    assert len(clip(longer)) <= MESSAGE_VALUE_LIMIT and clip(longer).endswith(
        f"（共 {MESSAGE_VALUE_LIMIT + 1} 字）"
    )
