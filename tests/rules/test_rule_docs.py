"""Rule documentation in two languages: the built-in rules' bodies, their checks as data, and ``explain``.

Every built-in rule documents what it checks, why, why its default severity
is what it is, how to fix a finding and its source, in English and in Chinese
(``doc.<field>`` and ``doc.<field>_zh``); the rationale names the severity the
rule really has. A user rule may give either language or both, and what it
gives is checked when the pack loads.
"""

from __future__ import annotations

import io
import re

import pytest

from perfrules import RulePackError
from perfrules.cli import EXIT_OK, run
from perfrules.rules.pack import builtin_rules, loads_pack
from perfrules.rules.packspec import DOC_FIELDS

from .test_config_packs import PACK, pack_problems

CJK = re.compile(r"[\u3400-\u9fff]")
RULES = sorted(builtin_rules().values(), key=lambda r: r.id)

#: How a severity rationale opens, in each language, for each severity.
SEVERITY_EN = {"error": "An error", "warning": "A warning", "info": "Info"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def explain(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert run(["explain", *argv], out, err) == EXIT_OK, err.getvalue()
    return out.getvalue()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_builtin_rule_has_both_languages(rule) -> None:
    for field in DOC_FIELDS:
        en, zh = getattr(rule.doc, field).strip(), getattr(rule.doc, f"{field}_zh").strip()
        hint = "every built-in rule documents it in both languages (docs/writing-rules.md)"
        assert en, f"{rule.id}: doc.{field} is empty: {hint}"
        assert zh, f"{rule.id}: doc.{field}_zh is empty: {hint}"
        assert CJK.search(zh), f"{rule.id}: doc.{field}_zh holds no Chinese"
        assert en != zh, f"{rule.id}: doc.{field}_zh repeats the English"
    for name, param in rule.params.items():
        assert param.doc and CJK.search(param.doc_zh), f"{rule.id}: params.{name}.doc_zh"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_the_severity_rationale_names_the_rules_severity(rule) -> None:
    severity = rule.severity.value
    en, zh = rule.doc.severity_why.strip(), rule.doc.severity_why_zh.strip()
    assert en.startswith(SEVERITY_EN[severity]), f"{rule.id}: {en[:40]}"
    # Chinese opens with 定为<级别> (or says 与 … 一样定为<级别>) within its first sentence
    first = re.split(r"[：。]", zh, maxsplit=1)[0]
    assert f"定为{SEVERITY_ZH[severity]}" in first, f"{rule.id}: {first}"
    others = set(SEVERITY_ZH.values()) - {SEVERITY_ZH[severity]}
    assert not any(f"定为{word}" in first for word in others), f"{rule.id}: {first}"


def test_explain_prints_the_chinese_bodies_by_default() -> None:
    rule = builtin_rules()["PR023"]
    out = explain("PR023")
    for field in DOC_FIELDS:
        assert getattr(rule.doc, f"{field}_zh").strip() in out
        assert getattr(rule.doc, field).strip() not in out
    for heading in ("检查内容", "为何检查", "为何是此级别", "如何修改", "依据"):
        assert f"\n{heading}\n" in out
    assert "严重程度 error（错误）" in out
    assert "仅有英文说明" not in out
    assert explain("PR023", "--lang", "zh") == out


def test_explain_in_english_prints_the_english_bodies() -> None:
    rule = builtin_rules()["PR044"]
    out = explain("PR044", "--lang", "en")
    for field in DOC_FIELDS:
        assert getattr(rule.doc, field).strip() in out
        assert getattr(rule.doc, f"{field}_zh").strip() not in out
    assert "\nWhy this severity\n" in out and "\nHow to fix\n" in out


def test_explain_shows_a_parameters_chinese_doc() -> None:
    out = explain("PR061")
    assert (
        "years_after (integer, 默认 1, 不小于 1)："
        + builtin_rules()["PR061"].params["years_after"].doc_zh
        in out
    )
    assert "years_after (integer, default 1, at least 1): " in explain("PR061", "--lang", "en")


def test_a_user_rule_in_one_language_is_shown_in_it_and_says_so(tmp_path) -> None:
    (tmp_path / "region.toml").write_text(PACK, encoding="utf-8")
    config = tmp_path / "perfrules.toml"
    config.write_text(f'packs = ["{(tmp_path / "region.toml").as_posix()}"]\n', encoding="utf-8")
    out = explain("PR901", "--config", str(config))
    assert "检查内容（仅有英文说明）\n    Each indicator weighs at least min_weight points." in out
    assert "为何是此级别" not in out and "如何修改" not in out  # not given, not shown
    only_zh = PACK.replace(
        'source = "A made-up region\'s practice, for the tests."',
        'source = "A made-up region\'s practice, for the tests."\nfix_zh = "提高该指标的分值。"',
    )
    (tmp_path / "region.toml").write_text(only_zh, encoding="utf-8")
    assert "\n如何修改\n    提高该指标的分值。" in explain("PR901", "--config", str(config))
    english = explain("PR901", "--config", str(config), "--lang", "en")
    assert "How to fix (given in Chinese only)\n    提高该指标的分值。" in english


def _with_doc(line: str) -> str:
    anchor = 'source = "A made-up region\'s practice, for the tests."'
    assert anchor in PACK
    return PACK.replace(anchor, f"{anchor}\n{line}")


def test_a_user_rule_may_leave_the_new_fields_out() -> None:
    (rule,) = loads_pack(PACK, "region.toml").rules
    assert rule.doc.what_zh == rule.doc.fix == rule.doc.severity_why_zh == ""
    assert rule.doc.text("why", "zh") == (rule.doc.why, "en")
    (rule,) = loads_pack(
        _with_doc('why_zh = "分值过小的指标对得分无足轻重。"'), "region.toml"
    ).rules
    assert rule.doc.text("why", "zh") == ("分值过小的指标对得分无足轻重。", "zh")
    assert rule.doc.text("why", "en") == (rule.doc.why, "en")


def test_a_chinese_field_without_chinese_is_located() -> None:
    text = _with_doc('severity_why_zh = "A warning: tiny weights are a style problem."')
    (problem,) = pack_problems(text)
    line = text.splitlines().index(
        'severity_why_zh = "A warning: tiny weights are a style problem."'
    )
    assert problem == ("invalid", "rules[0].doc.severity_why_zh", line + 1, "PR901")


def test_blank_doc_text_is_located() -> None:
    assert pack_problems(_with_doc('fix = "   "'))[0][:2] == ("invalid", "rules[0].doc.fix")
    blank_why = PACK.replace(
        'why = "Tiny weights hide indicators that do not matter to the score."', 'why = ""'
    )
    assert pack_problems(blank_why)[0][:2] == ("invalid", "rules[0].doc.why")


def test_a_doc_field_of_the_wrong_type_or_name_is_located() -> None:
    with pytest.raises(RulePackError) as info:
        loads_pack(_with_doc("fix_zh = 5"), "region.toml")
    assert any(p.path == "rules[0].doc.fix_zh" for p in info.value.problems)
    with pytest.raises(RulePackError) as info:
        loads_pack(_with_doc('how_zh = "改正。"'), "region.toml")
    assert any("how_zh" in p.path or "how_zh" in p.render("en") for p in info.value.problems)


def test_a_parameter_doc_zh_without_chinese_is_located() -> None:
    text = PACK.replace(
        'doc = "The smallest weight an indicator may have."',
        'doc = "The smallest weight an indicator may have."\ndoc_zh = "smallest weight"',
    )
    assert pack_problems(text)[0][:2] == ("invalid", "rules[0].params.min_weight.doc_zh")


def test_sarif_rule_help_follows_the_language() -> None:
    from perfrules.output.sarif import rule_descriptor

    rule = builtin_rules()["PR044"]
    zh = rule_descriptor(rule, "warning", "zh")
    assert zh["fullDescription"]["text"] == rule.doc.what_zh
    assert f"为何是此级别：{rule.doc.severity_why_zh}" in zh["help"]["text"]
    assert f"**如何修改**：{rule.doc.fix_zh}" in zh["help"]["markdown"]
    en = rule_descriptor(rule, "warning", "en")
    assert en["fullDescription"]["text"] == rule.doc.what
    assert f"Why this severity: {rule.doc.severity_why}" in en["help"]["text"]
    assert rule.doc.what_zh not in en["help"]["markdown"]
