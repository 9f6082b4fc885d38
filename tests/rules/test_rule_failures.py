"""A user rule that fails while evaluating is reported, never skipped without a word (issue 14, item 7).

An expression that meets an absent value (``weight > 5`` for an indicator
with no weight, an index past the end of a list) skips that subject, as
documented. Any other failure — a type mismatch between values that are
there, a division by zero, an overflow, a limit — is the rule's fault: the
check result holds one ``rule-failed`` problem per rule, naming the rule,
the report's file, the first subject's key path and line, the reason and
how many more subjects failed. Also: every problem of a rule's expressions
is reported at once, not only the first.
"""

from __future__ import annotations

import pytest

import perfrules
from perfrules import ConfigError
from perfrules.errors import Problem
from perfrules.rules.config import loads_config
from tests.rules.test_exprrules import DOC, rule

FILE = "reports/hongshizihui.toml"


def failures(*rules: str, doc: str = DOC) -> tuple[list[perfrules.Finding], tuple[Problem, ...]]:
    """The findings and rule failures of these rules alone on ``doc`` (loaded as FILE)."""
    ids = [r.split('id = "', 1)[1].split('"', 1)[0] for r in rules]
    text = f"select = {ids!r}\n".replace("'", '"') + "\n".join(rules)
    result = perfrules.check(perfrules.loads(doc, file=FILE), loads_config(text, "perfrules.toml"))
    return list(result.findings), result.errors


@pytest.mark.parametrize(
    ("for_each", "expression", "path", "line_text", "en", "zh"),
    [
        ("budget", "executed / 0 > 1", "budget", "[budget]", "division by zero", "除数为零"),
        ("budget", "executed % 0 > 1", "budget", "[budget]", "division by zero", "除数为零"),
        (
            "indicator",
            "name + 1 == 'x'",
            "indicators[0]",
            "[[indicators]]",
            "wrong type",
            "类型不符",
        ),
        (
            "budget",
            "executed * 1e998 * 1e10 > 0",
            "budget",
            "[budget]",
            "too large",
            "数值过大",
        ),
        ("report", "department < 5", "report", "[report]", "wrong type", "类型不符"),
        ("line", "label - 1 > 0", "lines[0]", "[[lines]]", "wrong type", "类型不符"),
        ("report", "sum(department) > 0", "report", "[report]", "sum() needs a list", "sum() 需要"),
    ],
)
def test_a_failing_expression_is_a_rule_error(
    for_each: str, expression: str, path: str, line_text: str, en: str, zh: str
) -> None:
    findings, errors = failures(rule("PR950", for_each, expression))
    assert findings == []
    (problem,) = errors
    assert (problem.code, problem.rule, problem.file, problem.path) == (
        "rule-failed",
        "PR950",
        FILE,
        path,
    )
    assert problem.line == DOC.split("\n").index(line_text) + 1
    assert en in problem.message("en") and zh in problem.message("zh")
    assert "expression" in problem.message("en")
    assert "perfrules.toml:2" in problem.message("en")  # where the rule is written (after select)
    rendered = problem.render("en")
    assert rendered.startswith(f"{FILE}:{problem.line}: PR950: {path}: the rule failed")


def test_one_problem_per_rule_counting_the_subjects() -> None:
    """Both indicators fail: one problem, at the first, saying one more failed."""
    _, errors = failures(rule("PR951", "indicator", "name * 2 == 'x'"))
    (problem,) = errors
    assert problem.path == "indicators[0]"
    assert "(and 1 more subject)" in problem.message("en")
    assert "另有 1 处同样失败" in problem.message("zh")


def test_findings_of_other_subjects_and_rules_still_stand() -> None:
    """A rule that fails for one subject still finds for the others; other rules are unaffected."""
    partly = rule("PR952", "indicator", "weight is None or weight / (weight - 10) < 0")
    other = rule("PR953", "report", "year == 2024")
    findings, errors = failures(partly, other)
    assert [f.rule for f in findings] == ["PR953"]
    assert [(p.rule, p.path) for p in errors] == [("PR952", "indicators[0]")]


def test_found_and_expected_failures_are_reported_too() -> None:
    (finding,), errors = failures(rule("PR954", "report", "False", expected="year / 0"))
    assert finding.expected is None
    (problem,) = errors
    assert (problem.rule, problem.path) == ("PR954", "report")
    assert "(expected," in problem.message("en") and "division by zero" in problem.message("en")


@pytest.mark.parametrize(
    "expression",
    [
        "weight > 5",  # None compared
        "weight * 2 > 5",  # None in arithmetic
        "len(target.unit) > 0",  # a field of None
        "lines[7].budget > 0",  # an index past the end
        "abs(weight) > 0",
    ],
)
def test_absent_values_still_skip_the_subject(expression: str) -> None:
    """indicators[1] has no weight; there are only three lines: skipped, as documented."""
    _, errors = failures(rule("PR955", "indicator", expression))
    assert errors == ()


def test_a_clean_check_has_no_errors() -> None:
    assert perfrules.check(perfrules.loads(DOC)).errors == ()


def test_every_expression_of_a_rule_is_reported_at_once() -> None:
    bad = rule("PR956", "report", "year >", found="nosuch", expected="1 +")
    with pytest.raises(ConfigError) as info:
        loads_config(bad, "perfrules.toml")
    paths = [p.path for p in info.value.problems]
    assert paths == ["rules[0].expression", "rules[0].found", "rules[0].expected"]
    lines = bad.split("\n")
    assert [p.line for p in info.value.problems] == [
        next(i for i, text in enumerate(lines, 1) if text.startswith(f"{key} ="))
        for key in ("expression", "found", "expected")
    ]
    assert {p.file for p in info.value.problems} == {"perfrules.toml"}
