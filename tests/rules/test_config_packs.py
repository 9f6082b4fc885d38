"""Rule packs and configurations: what loads, and every mistake reported with its path and line.

Through :func:`~perfrules.rules.pack.loads_pack` and
:func:`~perfrules.rules.config.loads_config` (and :func:`perfrules.compile_rules`,
which a configuration's selection must survive), with the test region's pack
``tests/data/config/region-pack.toml`` as the base that mistakes are made in.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import perfrules
from perfrules import ConfigError, RulePackError, Severity
from perfrules.errors import PerfrulesError
from perfrules.rules.config import Config, loads_config
from perfrules.rules.pack import builtin_rules, loads_pack

DATA = Path(__file__).resolve().parents[1] / "data" / "config"
PACK = (DATA / "region-pack.toml").read_text(encoding="utf-8")
RULE = PACK.split("[[rules]]", 1)[1]  # the one rule, PR901, without the [pack] table


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line of ``text`` that contains ``fragment``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def pack_problems(text: str) -> list[tuple[str, str, int | None, str | None]]:
    with pytest.raises(RulePackError) as info:
        loads_pack(text, "region.toml")
    assert all(p.file == "region.toml" for p in info.value.problems)
    return [(p.code, p.path, p.line, p.rule) for p in info.value.problems]


def config_problems(text: str) -> list[tuple[str, str]]:
    """(code, path) of the problems of a configuration, whether found loading or compiling it."""
    with pytest.raises(ConfigError) as info:
        perfrules.compile_rules(loads_config(text, "perfrules.toml"))
    for p in info.value.problems:
        assert p.render("en") and p.render("zh")
    return [(p.code, p.path) for p in info.value.problems]


# --- packs -------------------------------------------------------------------------------------


def test_a_pack_loads_into_rules() -> None:
    pack = loads_pack(PACK, "region.toml")
    assert (pack.id, pack.title, pack.file) == ("region", "某省补充规则", "region.toml")
    (rule,) = pack.rules
    assert (rule.id, rule.name, rule.category, rule.severity) == (
        "PR901",
        "min-indicator-weight",
        "score",
        Severity.WARNING,
    )
    assert (rule.for_each, rule.found, rule.expected, rule.kind) == (
        "indicator",
        "weight",
        "min_weight",
        None,
    )
    assert rule.params["min_weight"].type == "decimal"
    assert rule.params["min_weight"].default == Decimal(5)
    assert rule.doc.failing.strip() and rule.pack == "region.toml"


@pytest.mark.parametrize(
    ("old", "new", "code", "path"),
    [
        ('id = "PR901"', 'id = "PR9001"', "rule-id", "rules[0].id"),
        ('name = "min-indicator-weight"', 'name = "Min_Weight"', "invalid", "rules[0].name"),
        ('category = "score"', 'category = "scroe"', "choice", "rules[0].category"),
        ('for_each = "indicator"', 'for_each = "indicators"', "choice", "rules[0].for_each"),
        ('type = "decimal"', 'type = "float"', "choice", "rules[0].params.min_weight.type"),
        ("default = 5", 'default = "five"', "invalid", "rules[0].params.min_weight.default"),
        ("default = 5", "default = true", "invalid", "rules[0].params.min_weight.default"),
        (
            'severity = "warning"',
            'severity = "warning"\nyears = [2025, 2020]',
            "invalid",
            "rules[0].years",
        ),
        ("低于 {min_weight}", "低于 {minimum}", "invalid", "rules[0].message.zh"),
        ("低于 {min_weight}", "低于 {min_weight", "invalid", "rules[0].message.zh"),
        (
            'title = { zh = "单项指标分值过低"',
            'title = { zh = "{name}分值过低"',
            "invalid",
            "rules[0].title.zh",
        ),
    ],
)
def test_a_mistake_in_a_rule_names_its_path_line_and_rule(
    old: str, new: str, code: str, path: str
) -> None:
    text = PACK.replace(old, new, 1)
    assert text != PACK, f"the base pack has no {old!r}"
    (problem,) = pack_problems(text)
    assert problem[:2] == (code, path)
    assert problem[3] == ("PR9001" if code == "rule-id" else "PR901")  # the id as written
    changed = new.splitlines()[-1]
    assert problem[2] == line_of(text, changed)


def test_kind_and_expression_exclude_each_other() -> None:
    neither = PACK.replace('expression = "not defined(weight) or weight >= min_weight"\n', "")
    assert pack_problems(neither)[0][:2] == ("invalid", "rules[0]")
    kind = (
        PACK.replace(
            'for_each = "indicator"\nexpression = "not defined(weight) or weight >= min_weight"\n'
            'found = "weight"\nexpected = "min_weight"\n',
            'kind = "line_sum"\n',
        )
        .replace("{name}", "{label}")
        .replace("{weight}", "{total}")
        .replace("{min_weight}", "{sum}")
    )
    assert kind != PACK
    loaded = loads_pack(kind)  # a kind rule with the kind's message fields loads
    assert loaded.rules[0].kind == "line_sum"
    with_for_each = kind.replace('kind = "line_sum"', 'kind = "line_sum"\nfor_each = "line"')
    assert pack_problems(with_for_each) == [
        ("invalid", "rules[0].for_each", line_of(with_for_each, 'for_each = "line"'), "PR901")
    ]
    # an unknown kind is refused where kinds are linked (compiling the rules), located in the pack
    unknown = loads_pack(kind.replace('kind = "line_sum"', 'kind = "line_summ"'), "region.toml")
    with pytest.raises(ConfigError) as info:
        perfrules.compile_rules(Config(rules=unknown.rules))
    assert [(p.code, p.path, p.file, p.rule) for p in info.value.problems] == [
        ("choice", "rules[0].kind", "region.toml", "PR901")
    ]


def test_pack_level_mistakes() -> None:
    twice = PACK + "\n[[rules]]" + RULE
    assert pack_problems(twice) == [
        ("duplicate-id", "rules[1].id", len(PACK.splitlines()) + 3, "PR901")
    ]
    assert pack_problems("[[rules]]" + RULE) == [("missing-key", "pack", None, None)]
    extra = PACK + "\n[extra]\nx = 1\n"
    assert pack_problems(extra) == [("unknown-key", "extra", line_of(extra, "[extra]"), None)]
    assert pack_problems("[pack\n") == [("syntax", "", 1, None)]
    no_doc = PACK.split("[rules.doc]")[0]
    assert pack_problems(no_doc) == [
        ("missing-key", "rules[0].doc", line_of(no_doc, "[[rules]]"), "PR901")
    ]


def test_every_builtin_rule_is_valid_data() -> None:
    """The built-in packs load through the same validation (ids unique, PR and three digits)."""
    rules = builtin_rules()
    assert rules and list(rules) == sorted(rules)
    for rid, rule in rules.items():
        assert rid == rule.id and re.fullmatch(r"PR\d{3}", rid), rid
        assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.name), rule.name
        assert rule.category in perfrules.CATEGORIES and rule.kind is not None
        assert rule.pack.endswith(".toml") and rule.doc.what and rule.doc.why


# --- configurations ------------------------------------------------------------------------------


def test_a_configuration_selects_and_configures(tmp_path: Path) -> None:
    (tmp_path / "region-pack.toml").write_text(PACK, encoding="utf-8")
    text = (
        'profile = "sichuan"\nselect = ["explanation", "PR901"]\nignore = ["PR041"]\n'
        'packs = ["region-pack.toml"]\n[severity]\nPR901 = "error"\n[params.PR901]\nmin_weight = 11\n'
    )
    config = loads_config(text, str(tmp_path / "perfrules.toml"))
    assert (config.profile, config.select, config.ignore) == (
        "sichuan",
        ("explanation", "PR901"),
        ("PR041",),
    )
    assert [r.id for r in config.rules] == ["PR901"]
    ruleset = perfrules.compile_rules(config)
    assert ruleset.ids == ("PR012", "PR013", "PR040", "PR044", "PR901")
    report = perfrules.load(Path(__file__).resolve().parents[2] / "examples" / "urumqi-2023.toml")
    result = perfrules.check(report, config)
    assert result.profile == "sichuan"
    by_rule = {(f.rule, f.about): f for f in result.findings}
    assert ("PR013", "budget.adjustment") in by_rule  # Sichuan asks for the adjustment's reason
    assert by_rule[("PR901", "indicator:人员经费支出总金额")].severity is Severity.ERROR


def test_money_integers_exact_changes_the_tolerance() -> None:
    """100 − 5 = 95.4 fails with exact whole figures, holds when whole figures are rounded."""
    report = perfrules.loads(
        '[report]\ndepartment = "某单位"\nyear = 2023\n'
        "[budget]\ninitial = 100\nadjustment = -5\nadjusted = 95.4\n"
    )
    exact = perfrules.check(report, loads_config('select = ["PR001"]\n'))
    rounded = perfrules.check(
        report, loads_config('select = ["PR001"]\nmoney_integers_exact = false\n')
    )
    assert [f.rule for f in exact.findings] == ["PR001"]
    assert rounded.findings == ()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("selcet = []\n", ("unknown-key", "selcet")),
        ("profile = 3\n", ("type", "profile")),
        ('money_integers_exact = "no"\n', ("type", "money_integers_exact")),
        ('[severity]\nPR041 = "fatal"\n', ("choice", "severity.PR041")),
        ('[severity]\nPR999 = "error"\n', ("invalid", "severity.PR999")),
        ('ignore = ["ALL"]\n', ("invalid", "select")),
        ('select = ["PR001", "PR0001"]\n', ("invalid", "select[1]")),
        ('packs = ["nowhere.toml"]\n', ("invalid", "packs[0]")),
    ],
)
def test_configuration_mistakes(text: str, problem: tuple[str, str]) -> None:
    assert problem in config_problems(text)


def test_a_user_rule_may_not_take_a_builtin_id() -> None:
    taken = "[[rules]]" + RULE.replace('id = "PR901"', 'id = "PR001"')
    with pytest.raises(ConfigError) as info:
        perfrules.compile_rules(loads_config(taken, "perfrules.toml"))
    (problem,) = info.value.problems
    assert (problem.code, problem.rule) == ("duplicate-id", "PR001")


def test_a_broken_pack_is_reported_in_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "region-pack.toml").write_text(
        PACK.replace('category = "score"', 'category = "scroe"'), encoding="utf-8"
    )
    with pytest.raises(PerfrulesError) as info:
        loads_config('packs = ["region-pack.toml"]\n', str(tmp_path / "perfrules.toml"))
    where = {(Path(p.file or "").name, p.path) for p in info.value.problems}
    assert ("region-pack.toml", "rules[0].category") in where
    assert ("perfrules.toml", "packs[0]") in where
