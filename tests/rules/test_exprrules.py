"""Expression rules (rules/exprrules.py), through user rules in a configuration.

A rule with ``for_each`` and ``expression`` runs once per subject (the
report, the budget block, each line, each indicator, each claim); a subject
for which the expression is false gets a finding whose ``about`` is the
subject's own (or the rule's ``about`` template filled from the subject's
fields), whose ``path`` is the subject's, and whose ``found`` and ``expected``
are the values of the rule's expressions. A subject the expression cannot be
evaluated for because a value is absent is skipped. Everything here goes through ``loads_config`` and
``perfrules.check``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import perfrules
from perfrules import Config, ConfigError
from perfrules.rules.config import loads_config

D = Decimal

#: A document with every subject: the 乌鲁木齐 budget, a line tree, two indicators, two claims.
DOC = """
[report]
department = "乌鲁木齐高新区红十字会"
year = 2023
filled_on = 2024-04-15

[budget]
initial = 95.81
adjustment = -6.35
adjusted = 89.46
executed = 85.58
execution_rate = 95.66

[[lines]]
id = "basic"
label = "基本支出"
kind = "basic"
budget = 89.01

[[lines]]
id = "personnel"
label = "人员经费"
kind = "personnel"
parent = "basic"
budget = 82.89

[[lines]]
id = "public"
label = "公用经费"
kind = "public"
parent = "basic"
budget = "61,200元"

[[indicators]]
name = "人员经费支出总金额"
target = "小于等于95.81万元"
actual = "85.58万元"
weight = 10

[[indicators]]
id = "exec"
name = "项目支出执行率"
target = "等于100%"
actual = "0%"

[[claims]]
about = "budget.executed"
value = 85.58
source = "一、（三）4"

[[claims]]
about = "count:lines:project"
value = 1
"""


def rule(rid: str, for_each: str, expression: str, **keys: str) -> str:
    """A user rule in TOML; ``keys`` adds found/expected/about/message…; ``years`` is a literal."""
    extra = "".join(
        f"{k} = {v}\n" if k in ("years",) else f"{k} = {_toml(v)}\n"
        for k, v in keys.items()
        if k not in ("message", "params")
    )
    message = keys.get("message", "{about}")
    return (
        f'[[rules]]\nid = "{rid}"\nname = "rule-{rid.lower()}"\ncategory = "missing"\n'
        f'severity = "warning"\nfor_each = "{for_each}"\nexpression = {_toml(expression)}\n'
        f'{extra}title = {{ zh = "标题", en = "title" }}\n'
        f"message = {{ zh = {_toml(message)}, en = {_toml(message)} }}\n"
        'doc = { what = "w", why = "y", source = "s" }\n' + keys.get("params", "")
    )


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run(*rules: str, config: str = "", doc: str = DOC) -> list[perfrules.Finding]:
    """The findings of these rules alone (and the built-in rules' silence) on ``doc``."""
    ids = [r.split('id = "', 1)[1].split('"', 1)[0] for r in rules]
    text = f"select = {ids!r}\n".replace("'", '"') + config + "\n" + "\n".join(rules)
    return list(perfrules.check(perfrules.loads(doc), loads_config(text)).findings)


def facts(findings: list[perfrules.Finding]) -> list[tuple[str, str, Any, Any]]:
    return [(f.about, f.path, f.expected, f.found) for f in findings]


# --- for_each subjects -----------------------------------------------------------------------


def test_report_subject() -> None:
    found = run(rule("PR901", "report", "year == 2024", found="year", expected="2024"))
    assert facts(found) == [("report", "report", D(2024), D(2023))]
    assert found[0].line == 2  # the [report] table


def test_budget_subject_reads_money_as_decimal() -> None:
    """85.58 ÷ 95.81 (the initial budget) is 89.32%, not the stated 95.66%."""
    (finding,) = run(
        rule(
            "PR902",
            "budget",
            "close(ratio(executed, initial), execution_rate)",
            found="round(ratio(executed, initial), 2)",
            expected="execution_rate",
        )
    )
    assert facts([finding]) == [("budget", "budget", D("95.66"), D("89.32"))]
    assert run(rule("PR902", "budget", "close(ratio(executed, adjusted), execution_rate)")) == []


def test_line_subject_with_parent_and_children() -> None:
    """``parent`` is the parent line and ``children`` the child lines; money in the report's unit."""
    half = rule(
        "PR903",
        "line",
        "parent is None or budget <= parent.budget * 0.5",
        found="budget",
        expected="parent.budget",
    )
    # 人员经费 82.89 is more than half of 89.01; 公用经费 "61,200元" reads as 6.12 (万元)
    assert facts(run(half)) == [("line:personnel", "lines[1]", D("89.01"), D("82.89"))]
    leaves = rule("PR904", "line", "len(children) == 0", found="len(children)")
    assert facts(run(leaves)) == [("line:basic", "lines[0]", None, D(2))]


def test_indicator_subject_about_by_id_or_name() -> None:
    found = run(rule("PR905", "indicator", "defined(weight)", found="name"))
    assert facts(found) == [("indicator:exec", "indicators[1]", None, "项目支出执行率")]


def test_claim_subject() -> None:
    found = run(
        rule("PR906", "claim", "about != 'budget.executed'", found="value.value", expected="source")
    )
    assert facts(found) == [("budget.executed", "claims[0]", "一、（三）4", D("85.58"))]


def test_whole_document_names() -> None:
    """Each subject also sees the whole document: here every indicator against the line count."""
    found = run(rule("PR907", "indicator", "len(lines) < 3", found="len(indicators)"))
    assert [f.found for f in found] == [D(2), D(2)]


# --- about templates, found and expected ------------------------------------------------------


def test_about_template_filled_from_the_subjects_fields() -> None:
    found = run(
        rule(
            "PR908",
            "line",
            "parent is None",
            about="line:{id}.budget",
            message="“{label}”（{about}）有上级 {found}",
            found="parent.label",
        )
    )
    assert [f.about for f in found] == ["line:personnel.budget", "line:public.budget"]
    assert found[0].message("zh") == "“人员经费”（line:personnel.budget）有上级 基本支出"


def test_found_and_expected_that_cannot_be_evaluated_are_empty() -> None:
    """A found expression that fails for the subject gives no value; the finding still stands.

    The failure itself is reported in the result's ``errors`` (tests/rules/test_rule_failures.py).
    """
    (finding,) = run(rule("PR909", "report", "False", found="title.raw", expected="year / 0"))
    assert (finding.found, finding.expected) == (None, None)


def test_found_renders_values_by_their_text() -> None:
    """A target read as a record compares by its fields (op as text); found gives its text."""
    found = run(rule("PR910", "indicator", "target.op != '<='", found="target"))
    assert [(f.about, f.found) for f in found] == [
        ("indicator:人员经费支出总金额", "小于等于95.81万元")
    ]


def test_subjects_the_expression_cannot_be_evaluated_for_are_skipped() -> None:
    """``weight > 5`` for an indicator without a weight is skipped, not a finding."""
    assert run(rule("PR911", "indicator", "weight > 5")) == []
    found = run(rule("PR911", "indicator", "weight > 20"))
    assert [f.about for f in found] == ["indicator:人员经费支出总金额"]
    guarded = run(rule("PR911", "indicator", "defined(weight) and weight > 5"))
    assert [f.about for f in guarded] == ["indicator:exec"]


# --- parameters, severities, years -------------------------------------------------------------


PARAMS = '[rules.params.max_share]\ntype = "decimal"\ndefault = 95\ndoc = "The largest share."\n'
SHARE = rule(
    "PR912",
    "line",
    "parent is None or ratio(budget, parent.budget) <= max_share",
    found="round(ratio(budget, parent.budget), 2)",
    expected="max_share",
    message="“{label}”占上级 {found}%，超过 {max_share}%",
    params=PARAMS,
)


def test_parameters_have_defaults_and_are_set_by_the_configuration() -> None:
    assert run(SHARE) == []  # 82.89 ÷ 89.01 = 93.12% ≤ 95
    (finding,) = run(SHARE, config="[params.PR912]\nmax_share = 90\n")
    assert (finding.about, finding.expected, finding.found) == ("line:personnel", D(90), D("93.12"))
    assert finding.message("zh") == "“人员经费”占上级 93.12%，超过 90%"


def test_severity_of_a_user_rule_is_set_by_the_configuration() -> None:
    (finding,) = run(rule("PR913", "report", "False"), config='[severity]\nPR913 = "error"\n')
    assert finding.severity is perfrules.Severity.ERROR


@pytest.mark.parametrize(("years", "fires"), [("[2023, 2023]", True), ("[2024, 2030]", False)])
def test_years_limit_the_reports_a_rule_applies_to(years: str, fires: bool) -> None:
    found = run(rule("PR914", "report", "False", years=years))
    assert [f.rule for f in found] == (["PR914"] if fires else [])


# --- mistakes in user rules -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "for_each"),
    [
        ("wieght > 5", "indicator"),  # an unknown name
        ("children == []", "indicator"),  # children is bound for lines only
        ("budget.__class__ is None", "budget"),  # the sandbox
        ("weight >", "indicator"),  # not an expression
    ],
)
def test_bad_expressions_are_refused_when_the_rule_loads(expression: str, for_each: str) -> None:
    with pytest.raises(ConfigError) as info:
        perfrules.compile_rules(
            loads_config(
                rule("PR915", "report", "True").replace(
                    'for_each = "report"\nexpression = "True"',
                    f"for_each = {_toml(for_each)}\nexpression = {_toml(expression)}",
                )
            )
        )
    rendered = info.value.render("en")
    assert "PR915" in rendered


def test_unknown_for_each_subject_is_refused() -> None:
    with pytest.raises(ConfigError) as info:
        perfrules.compile_rules(loads_config(rule("PR916", "lines", "True")))
    assert ("choice", "rules[0].for_each") in [(p.code, p.path) for p in info.value.problems]


def test_config_object_built_directly() -> None:
    """A Config made in Python with the rules of a parsed one checks the same."""
    parsed = loads_config(rule("PR917", "report", "year > 2030"))
    direct = Config(rules=parsed.rules, select=("PR917",))
    (finding,) = perfrules.check(perfrules.loads(DOC), direct).findings
    assert (finding.rule, finding.about) == ("PR917", "report")
