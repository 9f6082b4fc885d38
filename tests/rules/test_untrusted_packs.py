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


# --- item 9b: templates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "field",
    ["{name:>1000000000}", "{name.nosuch}", "{name[x]}", "{name!r}", "{0}", "{}", "{name:{x}}"],
)
@pytest.mark.parametrize("where", ["message", "title", "about"])
def test_a_template_allows_plain_fields_only(field: str, where: str) -> None:
    text = PACK_HEAD + rule("PR974", "indicator", "True", message="指标 {name}")
    if where == "about":
        text = text.replace('expression = "True"\n', f'expression = "True"\nabout = "{field}"\n')
    elif where == "title":
        text = text.replace('title = { zh = "标题"', f'title = {{ zh = "标题{field}"')
    else:
        text = text.replace("指标 {name}", f"指标 {field}", 1)
    with pytest.raises(RulePackError) as info:
        loads_pack(text, "region.toml")
    (problem, *_) = info.value.problems
    key = {"about": "about", "title": "title.zh", "message": "message.zh"}[where]
    assert (problem.path, problem.file) == (f"rules[0].{key}", "region.toml")
    assert problem.line == line_of(text, key.split(".")[0] + " =")
    assert "is not a plain name" in problem.message("en")
    assert "不是单纯的名称" in problem.message("zh")


def test_a_template_of_a_kind_rule_allows_plain_fields_only() -> None:
    """A built-in kind's message is checked when it is linked (Config built in Python)."""
    import attrs

    import perfrules
    from perfrules.rules.findings import Templates
    from perfrules.rules.pack import builtin_rules

    base = builtin_rules()["PR041"]
    bad = attrs.evolve(base, id="PR975", message=Templates("{name:>1000000000}", "{name}"))
    with pytest.raises(ConfigError) as info:
        perfrules.compile_rules(perfrules.Config(rules=(bad,)))
    (problem,) = info.value.problems  # located where the rule it was made from is written
    assert (problem.rule, problem.path) == ("PR975", f"{base.origin.path}.message.zh")
    assert "is not a plain name" in problem.message("en")


def test_an_about_template_names_the_subjects_fields_and_parameters_only() -> None:
    text = PACK_HEAD + rule("PR976", "indicator", "True", about="indicator:{lines}")
    with pytest.raises(RulePackError) as info:
        loads_pack(text, "region.toml")
    (problem,) = info.value.problems
    assert problem.path == "rules[0].about" and "unknown template field(s) lines" in (
        problem.message("en")
    )
    assert loads_pack(PACK_HEAD + rule("PR976", "indicator", "True", about="i:{name}"))


# --- item 9b: wrong shapes, booleans, ranges, files ------------------------------------------


@pytest.mark.parametrize(
    ("rules_value", "path", "expected"),
    [
        ("5", "rules", "array"),
        ('"PR001"', "rules", "array"),
        ("[5]", "rules[0]", "table"),
        ('["a"]', "rules[0]", "table"),
        ("[[1, 2]]", "rules[0]", "table"),
    ],
)
def test_rules_that_are_not_an_array_of_tables(rules_value: str, path: str, expected: str) -> None:
    for loader, text, file in [
        (loads_pack, f"rules = {rules_value}\n{PACK_HEAD}", "region.toml"),
        (loads_config, f"rules = {rules_value}\n", "perfrules.toml"),
    ]:
        with pytest.raises((RulePackError, ConfigError)) as info:
            loader(text, file)
        assert [(p.code, p.path, p.file, p.line) for p in info.value.problems] == [
            ("type", path, file, 1)
        ]
        assert f"wrong type: expected {expected}" in info.value.render("en")


@pytest.mark.parametrize("value", ["true", "false"])
def test_a_boolean_where_a_parameter_expects_a_number(value: str) -> None:
    params = f'[rules.params.cap]\ntype = "decimal"\ndefault = {value}\n'
    text = PACK_HEAD + rule("PR977", "report", "True", params=params)
    with pytest.raises(RulePackError) as info:
        loads_pack(text, "region.toml")
    assert located(info.value) == {
        ("invalid", "rules[0].params.cap.default", "region.toml", line_of(text, "default ="))
    }
    with pytest.raises(ConfigError) as info:
        loads_config(f"[params.PR041]\nratio = {value}\n", "perfrules.toml")
    assert located(info.value) == {("invalid", "params.PR041.ratio", "perfrules.toml", 2)}
    assert "expected a decimal" in info.value.render("en")


def test_a_negative_threshold_is_out_of_range() -> None:
    with pytest.raises(ConfigError) as info:
        loads_config("[params.PR041]\nratio = -50\n", "perfrules.toml")
    (problem,) = info.value.problems
    assert (problem.code, problem.path, problem.file, problem.line) == (
        "param-range",
        "params.PR041.ratio",
        "perfrules.toml",
        2,
    )
    assert problem.message("en") == "-50 is out of range (it must be at least 0)"
    assert problem.message("zh") == "取值 -50 超出允许范围（应不小于 0）"
    with pytest.raises(ConfigError) as info:
        loads_config("[params.PR061]\nyears_after = 0\n", "perfrules.toml")
    assert "at least 1" in info.value.render("en")
    assert loads_config("[params.PR041]\nratio = 150\n").params == {"PR041": {"ratio": 150}}


def test_a_rule_declares_the_range_of_its_parameters() -> None:
    params = '[rules.params.cap]\ntype = "decimal"\ndefault = 5\nmin = 0\nmax = 100\n'
    text = PACK_HEAD + rule("PR978", "report", "year > cap", params=params)
    (pack_rule,) = loads_pack(text, "region.toml").rules
    assert (pack_rule.params["cap"].min, pack_rule.params["cap"].max) == (0, 100)
    cfg = text.replace(PACK_HEAD, "") + "[params.PR978]\ncap = 101\n"
    with pytest.raises(ConfigError) as info:
        loads_config(cfg, "perfrules.toml")
    assert [(p.path, p.message("en")) for p in info.value.problems] == [
        ("params.PR978.cap", "101 is out of range (it must be from 0 to 100)")
    ]
    for bad, path in [
        (params.replace("default = 5", "default = -1"), "rules[0].params.cap.default"),
        (params.replace("min = 0", "min = 200"), "rules[0].params.cap.max"),
        (params.replace("min = 0", 'min = "0"'), "rules[0].params.cap.min"),
        (
            params.replace('type = "decimal"', 'type = "string"').replace(
                "default = 5", 'default = "a"'
            ),
            "rules[0].params.cap.min",
        ),
    ]:
        with pytest.raises(RulePackError) as info:
            loads_pack(PACK_HEAD + rule("PR978", "report", "True", params=bad), "region.toml")
        assert path in [p.path for p in info.value.problems], bad


@pytest.mark.parametrize("loader", [loads_pack, loads_config])
def test_a_byte_order_mark_is_accepted(loader: object) -> None:
    text = "\ufeff" + (PACK_HEAD if loader is loads_pack else "") + rule("PR979", "report", "True")
    loaded = loader(text, "x.toml")  # type: ignore[operator]
    assert [r.id for r in loaded.rules] == ["PR979"]
    with pytest.raises((RulePackError, ConfigError)) as info:
        loader(text.replace('severity = "warning"', 'severity = "x"'), "x.toml")  # type: ignore[operator]
    assert [p.line for p in info.value.problems] == [line_of(text, "severity =")]


def test_a_pack_head_that_is_not_a_table() -> None:
    with pytest.raises(RulePackError) as info:
        loads_pack("pack = 5\n", "region.toml")
    assert located(info.value) == {("type", "pack", "region.toml", 1)}
    assert "wrong type: expected table" in info.value.render("en")
