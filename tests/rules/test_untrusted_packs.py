"""Rule packs and perfrules.toml are untrusted input: every invalid value is a located problem.

Issue 14, items 8 and 9b. An invalid enum value (severity, category,
for_each, a parameter's type) in a rule pack or an inline ``[[rules]]`` is a
problem with its file, key path and line, also when the rule lacks other
keys; wrong types where a table or an array is expected, templates with more
than plain fields, parameters out of their declared range: each is refused
when the pack loads, all of them in one run.
"""

from __future__ import annotations

import pytest

from perfrules.errors import ConfigError, RulePackError
from perfrules.rules.config import loads_config
from perfrules.rules.pack import loads_pack
from tests.rules.test_exprrules import rule

PACK_HEAD = '[pack]\nid = "p"\n'


def located(exc: ConfigError | RulePackError) -> set[tuple[str, str, str | None, int | None]]:
    return {(p.code, p.path, p.file, p.line) for p in exc.problems}


def line_of(text: str, start: str) -> int:
    """The 1-based line of ``text`` that starts with ``start``."""
    return next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith(start))


ENUMS = [
    ('severity = "warning"', 'severity = "fatal"', "severity", "fatal"),
    ('category = "missing"', 'category = "nosuch"', "category", "nosuch"),
    ('for_each = "report"', 'for_each = "reports"', "for_each", "reports"),
]


@pytest.mark.parametrize(("good", "bad", "key", "value"), ENUMS)
def test_an_invalid_enum_value_in_a_pack(good: str, bad: str, key: str, value: str) -> None:
    text = PACK_HEAD + rule("PR970", "report", "True").replace(good, bad)
    with pytest.raises(RulePackError) as info:
        loads_pack(text, "region.toml")
    assert ("choice", f"rules[0].{key}", "region.toml", line_of(text, f"{key} =")) in located(
        info.value
    )
    (problem,) = info.value.problems
    assert problem.rule == "PR970"
    assert f"invalid value {value}: expected one of" in problem.message("en")
    assert f"取值 {value} 无效" in problem.message("zh")


@pytest.mark.parametrize(("good", "bad", "key", "value"), ENUMS)
def test_an_invalid_enum_value_inline(good: str, bad: str, key: str, value: str) -> None:
    text = rule("PR971", "report", "True").replace(good, bad)
    with pytest.raises(ConfigError) as info:
        loads_config(text, "perfrules.toml")
    assert ("choice", f"rules[0].{key}", "perfrules.toml", line_of(text, f"{key} =")) in located(
        info.value
    )


def test_the_issue_probe_names_the_severity_next_to_the_missing_keys() -> None:
    """``[[rules]] id="X001" kind="expr" severity="fatal"``: every problem, the severity too."""
    text = '[[rules]]\nid = "X001"\nkind = "expr"\nseverity = "fatal"\n'
    with pytest.raises(ConfigError) as info:
        loads_config(text, "perfrules.toml")
    found = located(info.value)
    assert ("choice", "rules[0].severity", "perfrules.toml", 4) in found
    assert ("rule-id", "rules[0].id", "perfrules.toml", 2) in found
    assert {p for c, p, _, _ in found if c == "missing-key"} == {
        f"rules[0].{k}" for k in ("name", "category", "title", "message", "doc")
    }


def test_an_invalid_parameter_type() -> None:
    params = '[rules.params.cap]\ntype = "float"\ndefault = 1\n'
    text = PACK_HEAD + rule("PR972", "report", "True", params=params)
    with pytest.raises(RulePackError) as info:
        loads_pack(text, "region.toml")
    assert located(info.value) == {
        ("choice", "rules[0].params.cap.type", "region.toml", line_of(text, 'type = "float"'))
    }
    # with a key missing as well, the type is still judged
    with pytest.raises(RulePackError) as info:
        loads_pack(text.replace('name = "rule-pr972"\n', ""), "region.toml")
    assert "rules[0].params.cap.type" in {p.path for p in info.value.problems}


def test_an_invalid_severity_in_the_configuration() -> None:
    text = '[severity]\nPR010 = "fatal"\n'
    with pytest.raises(ConfigError) as info:
        loads_config(text, "perfrules.toml")
    assert located(info.value) == {("choice", "severity.PR010", "perfrules.toml", 2)}


def test_the_configurations_severities_are_judged_when_a_pack_fails() -> None:
    bad_rule = rule("PR973", "report", "True").replace('category = "missing"', 'category = "x"')
    text = '[severity]\nPR010 = "fatal"\n' + bad_rule
    with pytest.raises(ConfigError) as info:
        loads_config(text, "perfrules.toml")
    paths = {p.path for p in info.value.problems}
    assert {"severity.PR010", "rules[0].category"} <= paths
