"""Linking rules to kinds: Params and messages that disagree with the kind are located errors, kinds are reusable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import perfrules
from perfrules import ConfigError, RulePackError
from perfrules.errors import Problem
from perfrules.rules.config import load_config, loads_config
from perfrules.rules.engine import compile_rules
from perfrules.rules.pack import loads_pack
from tests.conftest import EXAMPLES

DATA = Path(__file__).resolve().parents[1] / "data" / "config"

PARAM_RATIO = '[rules.params.ratio]\ntype = "decimal"\ndefault = {ratio}\n'


def kind_rule(
    rid: str = "PR901",
    kind: str = "exceeded_target",
    params: str = PARAM_RATIO.format(ratio=200),
    message: str = "{name}: {ratio}% > {threshold}%",
) -> str:
    """A ``[[rules]]`` table of a user rule that uses a built-in kind."""
    return (
        f'[[rules]]\nid = "{rid}"\nname = "far-exceeded-{rid.lower()}"\ncategory = "explanation"\n'
        f'severity = "warning"\nkind = "{kind}"\n'
        'title = { zh = "超额", en = "exceeded" }\n'
        f'message = {{ zh = "{message}", en = "{message}" }}\n'
        f"{params}"
        '[rules.doc]\nwhat = "w"\nwhy = "w"\nsource = "s"\n\n'
    )


def line_of(text: str, fragment: str, after: str = "") -> int:
    """The 1-based line of the first ``fragment`` after the first ``after``."""
    start = text.index(after) if after else 0
    return text[: text.index(fragment, start)].count("\n") + 1


def only(problems: tuple[Problem, ...], path: str) -> Problem:
    found = [p for p in problems if p.path == path]
    assert len(found) == 1, [p.render("en") for p in problems]
    return found[0]


def test_a_kind_is_reusable_by_several_rules() -> None:
    text = kind_rule("PR901", params=PARAM_RATIO.format(ratio=300)) + kind_rule(
        "PR902", params=PARAM_RATIO.format(ratio=1000)
    )
    config = loads_config(text)
    found = perfrules.check(perfrules.load(EXAMPLES / "caidian-2024.toml"), config).findings
    by_rule = {
        rid: {f.about for f in found if f.rule == rid} for rid in ("PR041", "PR901", "PR902")
    }
    assert by_rule["PR902"] == {"indicator:新增志愿者人数"}  # 1314%, the only one above 1000%
    assert by_rule["PR902"] < by_rule["PR901"] < by_rule["PR041"]  # 300% and the profile's 130%
    hit = next(f for f in found if f.rule == "PR902")
    assert hit.message("en") == "新增志愿者人数: 1314.00% > 1000%"


def test_loading_a_configuration_validates_data_but_does_not_link() -> None:
    text = kind_rule(kind="no_such_kind")
    config = loads_config(text)  # data only: the kind is not looked up here
    with pytest.raises(ConfigError) as info:
        compile_rules(config)
    problem = only(info.value.problems, "rules[0].kind")
    assert (problem.file, problem.rule, problem.line) == (
        "perfrules.toml",
        "PR901",
        line_of(text, "kind ="),
    )
    assert "budget_chain" in problem.message("en") and "no_such_kind" in problem.message("en")


def test_configuration_loading_never_imports_the_engine_or_the_kinds() -> None:
    code = (
        "import sys\n"
        "from perfrules.rules.config import loads_config\n"
        f"loads_config({kind_rule() + '[params.PR041]' + chr(10) + 'ratio = 500' + chr(10)!r})\n"
        "bad = [m for m in sys.modules if m in ('perfrules.rules.engine', 'perfrules.rules.link')"
        " or m.startswith('perfrules.rules.kinds')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_params_that_disagree_with_the_kind_are_located_in_the_pack(tmp_path: Path) -> None:
    pack = (
        '[pack]\nid = "region"\n\n'
        + kind_rule("PR901", params='[rules.params.ratio]\ntype = "integer"\ndefault = 2\n')
        + kind_rule(
            "PR902",
            params=PARAM_RATIO.format(ratio=1)
            + '[rules.params.ratoi]\ntype = "decimal"\ndefault = 1\n',
        )
        + kind_rule("PR903", params="")
        + kind_rule("PR904", message="{name} {ratioo}")
    )
    (tmp_path / "region.toml").write_text(pack, "utf-8")
    (tmp_path / "perfrules.toml").write_text('packs = ["region.toml"]\n', "utf-8")
    config = load_config(tmp_path / "perfrules.toml")
    with pytest.raises(ConfigError) as info:
        compile_rules(config)
    problems = info.value.problems
    assert len(problems) == 5, [p.render("en") for p in problems]  # every problem, in one run
    assert {p.file for p in problems} == {str(tmp_path / "region.toml")}
    typed = only(problems, "rules[0].params.ratio.type")
    assert typed.rule == "PR901" and typed.line == line_of(pack, 'type = "integer"')
    assert "decimal" in typed.message("en")
    extra = only(problems, "rules[1].params.ratoi")
    assert extra.rule == "PR902" and extra.line == line_of(pack, "[rules.params.ratoi]")
    missing = only(problems, "rules[2].params")
    assert missing.rule == "PR903" and "ratio" in missing.message("en")
    assert missing.line == line_of(pack, '[[rules]]\nid = "PR903"')  # no params: the rule's
    for lang in ("zh", "en"):
        field = only(problems, f"rules[3].message.{lang}")
        assert field.rule == "PR904" and field.line == line_of(pack, "message =", 'id = "PR904"')
        assert "ratioo" in field.message("en") and "threshold" in field.message("en")


def test_a_bad_param_type_in_a_user_pack_is_a_located_error() -> None:
    text = '[pack]\nid = "region"\n\n' + kind_rule(
        params='[rules.params.ratio]\ntype = "decimal"\ndefault = "high"\n'
    )
    with pytest.raises(RulePackError) as info:
        loads_pack(text, "region.toml")
    problem = only(info.value.problems, "rules[0].params.ratio.default")
    assert (problem.file, problem.rule, problem.line) == (
        "region.toml",
        "PR901",
        line_of(text, 'default = "high"'),
    )


def test_a_bad_expression_is_refused_when_the_pack_loads() -> None:
    text = (
        (DATA / "region-pack.toml")
        .read_text("utf-8")
        .replace("weight >= min_weight", "weight.__class__ >= min_weight")
    )
    with pytest.raises(RulePackError) as info:
        loads_pack(text, "region.toml")
    problem = only(info.value.problems, "rules[0].expression")
    assert (problem.rule, problem.line) == ("PR901", line_of(text, "expression ="))


def test_every_problem_of_a_configuration_is_reported_at_once(tmp_path: Path) -> None:
    broken = '[pack]\nid = "b"\n\n' + kind_rule().replace('"explanation"', '"x"')
    (tmp_path / "broken.toml").write_text(broken, "utf-8")
    text = 'packs = ["broken.toml"]\n\n' + kind_rule("PR905").replace(
        'severity = "warning"', 'severity = "fatal"'
    )
    with pytest.raises(ConfigError) as info:
        loads_config(text, str(tmp_path / "perfrules.toml"), tmp_path)
    rendered = {(p.file, p.path, p.line) for p in info.value.problems}
    assert rendered == {
        (str(tmp_path / "broken.toml"), "rules[0].category", line_of(broken, "category =")),
        (str(tmp_path / "perfrules.toml"), "packs[0]", 1),
        (str(tmp_path / "perfrules.toml"), "rules[0].severity", line_of(text, "severity =")),
    }
