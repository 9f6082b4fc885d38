"""The indicator system tree: built once per report, aliases folded, unknown and untiered tiers kept, subtotals resolved."""

from __future__ import annotations

import gc
import weakref
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import perfrules
from perfrules.document import system as system_module
from perfrules.document.model import Evaluation, Indicator, Report, TierScore
from perfrules.document.system import (
    FirstTier,
    IndicatorSystem,
    TierStatus,
    build_system,
    indicator_system,
)
from perfrules.document.systemtext import system_lines
from tests.strategies import reports

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
D = Decimal


def _example(name: str) -> Report:
    return perfrules.load(EXAMPLES / f"{name}.toml")


def _names(system: IndicatorSystem) -> list[str | None]:
    return [t.name for t in system.tiers]


def _with_tiers(report: Report, *pairs: tuple[str | None, str | None], year: int = 2023) -> Report:
    """``report`` with its indicators' tiers replaced, in order, and its year set."""
    inds = (
        tuple(
            attrs.evolve(ind, tier1=t1, tier2=t2)
            for ind, (t1, t2) in zip(report.indicators, pairs, strict=False)
        )
        + report.indicators[len(pairs) :]
    )
    return attrs.evolve(report, report=attrs.evolve(report.report, year=year), indicators=inds)


# --- built once -------------------------------------------------------------------------


def test_the_tree_is_built_once_per_report(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _example("caidian-2024")
    built: list[int] = []
    real = system_module.build_system

    def counting(r: Report, tax: object = None) -> IndicatorSystem:
        built.append(id(r))
        return real(r)

    monkeypatch.setattr(system_module, "build_system", counting)
    result = perfrules.check(report)  # the tier rules and the score rules
    sheet = perfrules.score(report)
    assert built == [id(report)]
    assert result.sheet is not None and result.sheet.system is sheet.system
    assert sheet.system is indicator_system(report)


def test_the_tree_lives_as_long_as_its_report() -> None:
    report = _example("clean")
    tree = weakref.ref(indicator_system(report))
    assert tree() is not None
    del report
    gc.collect()
    assert tree() is None


def test_an_equal_report_gets_an_equal_tree() -> None:
    a, b = _example("caidian-2024"), _example("caidian-2024")
    assert a == b and a is not b
    assert indicator_system(a) == indicator_system(b) == build_system(a)


# --- the seeds ---------------------------------------------------------------------------


def test_caidian_folds_the_alias_and_finds_the_misplaced_satisfaction_tier() -> None:
    report = _example("caidian-2024")
    system = indicator_system(report)
    assert _names(system) == ["产出指标", "效益指标", "满意度指标"]
    out, benefit, satisfaction = system.tiers
    assert all(t.known for t in system.tiers)
    # 效果指标 is 效益指标: one node, both names as written, the alias marked
    assert benefit.written == ("效益指标", "效果指标") and benefit.aliases == ("效果指标",)
    assert system.tier("效果指标") is benefit and system.tier("效益指标") is benefit
    assert [t.name for t in benefit.tiers] == ["社会效益指标", "服务对象满意度指标"]
    social, misplaced = benefit.tiers
    assert social.indices == (7, 8, 14) and not social.misplaced
    assert misplaced.indices == (15,) and misplaced.misplaced and misplaced.homes == ("满意度指标",)
    assert misplaced.written == ("社会公众或服务对象满意度指标",) == misplaced.aliases
    # the same tier2 under its own home is in place
    assert satisfaction.tier("服务对象满意度指标") is not None
    assert not satisfaction.tiers[0].misplaced and satisfaction.indices == (9,)
    assert [t.name for t in out.tiers] == ["数量指标", "质量指标", "时效指标"]
    assert [i for i, p in enumerate(system.placements) if p.tier1_alias] == [14, 15]
    assert system.place(7) is system.place(8)  # the same pair of tiers as written
    place = system.place(15)
    assert place.tier1 is benefit and place.tier2 is misplaced and place.tier2_alias
    # the taxonomy rules say what the tree says (the seed's header: PR074 ×2, PR075 ×1)
    found = {(f.rule, f.path) for f in perfrules.check(report).findings}
    assert {(r, p) for r, p in found if r in ("PR073", "PR074", "PR075")} == {
        ("PR074", "indicators[14].tier1"),
        ("PR074", "indicators[15].tier1"),
        ("PR075", "indicators[15].tier2"),
    }


def test_a_report_without_tiers_has_one_untiered_node() -> None:
    report = _example("urumqi-2023")
    system = indicator_system(report)
    (node,) = system.tiers
    assert node.name is None and node.status is TierStatus.UNTIERED
    assert node.indices == tuple(range(len(report.indicators)))
    assert node.weight == system.weight == D(90)
    assert [t.status for t in node.tiers] == [TierStatus.UNTIERED]
    assert system.tier(None) is node


def test_weights_are_the_sums_of_the_indicator_weights() -> None:
    system = indicator_system(_example("clean"))
    assert [(t.name, t.weight) for t in system.tiers] == [
        ("产出指标", D(50)),
        ("效益指标", D(30)),
        ("满意度指标", D(10)),
    ]
    assert system.weight == D(90)


# --- unknown, untiered, year ---------------------------------------------------------------


def test_an_unknown_tier_is_kept_under_its_written_name() -> None:
    report = _with_tiers(_example("clean"), ("产出指表 ", "数量指标"), ("产出指标", "数量指标"))
    system = indicator_system(report)
    assert _names(system) == ["产出指表", "产出指标", "效益指标", "满意度指标"]
    typo = system.tiers[0]
    assert typo.status is TierStatus.UNKNOWN and typo.unknown and not typo.known
    assert typo.written == ("产出指表",) and typo.aliases == () and typo.indices == (0,)
    assert typo.weight == report.indicators[0].weight
    # its tier2 is known, but nothing can be misplaced under an unknown tier
    assert typo.tiers[0].known and not typo.tiers[0].misplaced
    assert system.tier("产出指表") is typo
    # an unknown tier2 too, under a known tier1
    report = _with_tiers(_example("clean"), ("产出指标", "数目指标"))
    second = indicator_system(report).tiers[0].tiers[0]
    assert second.name == "数目指标" and second.unknown and second.homes == ()
    rules = {(f.rule, f.path) for f in perfrules.check(report).findings}
    assert ("PR073", "indicators[0].tier2") in rules


def test_indicators_without_a_tier_are_kept() -> None:
    report = _with_tiers(_example("clean"), (None, "数量指标"), ("产出指标", None))
    system = indicator_system(report)
    assert _names(system) == [None, "产出指标", "效益指标", "满意度指标"]
    untiered = system.tiers[0]
    assert untiered.indices == (0,) and untiered.tiers[0].name == "数量指标"
    assert not untiered.tiers[0].misplaced  # no tier1 to be misplaced under
    out = system.tier("产出指标")
    assert out is not None and [t.name for t in out.tiers] == [None]
    assert out.tiers[0].status is TierStatus.UNTIERED


@pytest.mark.parametrize(("year", "known"), [(2020, False), (2021, True), (2024, True)])
def test_cost_is_first_level_only_from_2021(year: int, known: bool) -> None:
    report = _with_tiers(
        _example("clean"),
        ("成本指标", "经济成本指标"),
        ("产出指标", "成本指标"),
        year=year,
    )
    system = indicator_system(report)
    cost = system.tier("成本指标")
    assert cost is not None and cost.known is known and cost.unknown is not known
    assert cost.written == ("成本指标",) and cost.indices == (0,)
    assert not cost.tiers[0].misplaced  # 经济成本指标 is at home under 成本指标
    out = system.tier("产出指标")
    assert out is not None and out.tiers[0].name == "成本指标" and not out.tiers[0].misplaced
    unknown = {f.path for f in perfrules.check(report).findings if f.rule == "PR073"}
    assert ("indicators[0].tier1" in unknown) is not known


# --- stated subtotals -------------------------------------------------------------------


def _stated(report: Report, *scores: tuple[str, str]) -> Report:
    ev = report.evaluation or Evaluation()
    tier_scores = tuple(TierScore(k, D(v)) for k, v in scores)
    return attrs.evolve(report, evaluation=attrs.evolve(ev, tier_scores=tier_scores))


def test_stated_subtotals_are_resolved_onto_the_nodes() -> None:
    report = _stated(
        _example("caidian-2024"),
        ("产出", "40"),
        ("效果指标", "25"),
        ("产出指标", "41"),  # a second key for 产出指标: the first one counts
        ("预算执行率", "9.5"),
        ("其他指标", "3"),
        ("满意度", "8"),
    )
    system = indicator_system(report)
    assert _names(system) == ["产出指标", "效益指标", "满意度指标", "预算执行率", "其他指标"]
    out, benefit, satisfaction, execution, other = system.tiers
    assert (out.stated, out.stated_key) == (D(40), "产出")
    assert (benefit.stated, benefit.stated_key) == (D(25), "效果指标")
    assert (satisfaction.stated, satisfaction.stated_key) == (D(8), "满意度")
    assert execution.execution and execution.indices == () and execution.stated == D("9.5")
    assert other.unknown and other.indices == () and other.stated_key == "其他指标"
    assert system.weight == sum((t.weight for t in system.tiers), D(0))


def test_a_stated_subtotal_for_a_tier_without_indicators_is_a_node_of_its_own() -> None:
    report = _stated(_example("quyuan-2024"), ("产出指标", "40"), ("效益", "20"))
    system = indicator_system(report)
    assert _names(system) == ["效益指标", "产出指标"]
    benefit, out = system.tiers
    assert benefit.stated_key == "效益" and benefit.indices == (0, 1)
    assert out.known and out.indices == () and out.tiers == () and out.weight == 0


# --- rendering ----------------------------------------------------------------------------


def test_system_lines_show_written_names_weights_stated_and_recomputed() -> None:
    report = _stated(_example("caidian-2024"), ("效果", "5"))
    system = indicator_system(report)
    lines = system_lines(system, {"产出指标": D("1.50"), "效益指标": D(5)}, lang="en")
    assert lines[0] == "产出指标  weight 0  stated —  recomputed 1.50"
    assert "效益指标、效果指标 → 效益指标  weight 0  stated 5 (效果)  recomputed 5" in lines
    assert (
        "  社会公众或服务对象满意度指标 → 服务对象满意度指标 (belongs under 满意度指标)"
        "  weight 0  indicators 16"  # the 16th row, counted from 1
    ) in lines
    assert "满意度指标  weight 0  stated —  recomputed —" in lines
    zh = system_lines(system)
    assert zh[0] == "产出指标  分值 0  填报小计 —"  # no recomputed figures given
    assert len(zh) == len(lines) == len(system.tiers) + sum(len(t.tiers) for t in system.tiers)


def test_system_lines_mark_unknown_untiered_and_execution_nodes() -> None:
    report = _stated(
        _with_tiers(_example("clean"), ("产出指表", "数量指标"), (None, None)),
        ("预算执行率", "9"),
    )
    lines = system_lines(indicator_system(report), lang="en")
    assert lines[0].startswith("产出指表 (not in the taxonomy)  weight 30")
    assert lines[2].startswith("(no tier1)  weight 20") and lines[3].startswith("  (no tier2)")
    assert lines[-1] == "预算执行率 (budget execution)  weight 0  stated 9"


# --- invariants -----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(reports())
def test_every_indicator_sits_in_exactly_one_node(report: Report) -> None:
    system = indicator_system(report)
    n = len(report.indicators)
    firsts = sorted(i for t in system.tiers for i in t.indices)
    seconds = sorted(i for t in system.tiers for s in t.tiers for i in s.indices)
    assert firsts == seconds == list(range(n))
    assert len(system.placements) == n
    for i, p in enumerate(system.placements):
        assert i in p.tier1.indices and i in p.tier2.indices
        assert any(t is p.tier2 for t in p.tier1.tiers)
        ind = report.indicators[i]
        assert (p.tier1.name is None) is (ind.tier1 is None)
        assert (p.tier2.name is None) is (ind.tier2 is None)
        if ind.tier1 is not None:
            assert ind.tier1.strip() in p.tier1.written
            assert (ind.tier1.strip() in p.tier1.aliases) is p.tier1_alias
    for t in system.tiers:
        assert t.weight == sum((s.weight for s in t.tiers), D(0))
        assert t.indices == tuple(sorted(i for s in t.tiers for i in s.indices))
    weights = [ind.weight for ind in report.indicators if ind.weight is not None]
    assert system.weight == sum(weights, D(0))
    assert len({t.name for t in system.tiers}) == len(system.tiers)  # one node per name
    stated = [t for t in system.tiers if t.stated_key is not None]
    ev = report.evaluation
    assert len(stated) <= (len(ev.tier_scores) if ev is not None else 0)


# --- the public face ---------------------------------------------------------------------------


def test_the_tree_is_public() -> None:
    assert perfrules.IndicatorSystem is IndicatorSystem and perfrules.FirstTier is FirstTier
    assert perfrules.indicator_system is indicator_system
    for name in ("IndicatorSystem", "FirstTier", "SecondTier", "Placement", "TierStatus"):
        assert name in perfrules.__all__
    assert sorted(perfrules.__all__) == sorted(perfrules._LAZY)
    for name in perfrules.__all__:
        assert getattr(perfrules, name) is not None


def test_a_tree_of_no_indicators_is_empty() -> None:
    report = attrs.evolve(_example("clean"), indicators=(), evaluation=None)
    system = indicator_system(report)
    assert system.tiers == () and system.placements == () and system.weight == 0
    assert system.tier("产出指标") is None and system.tier(None) is None
    assert system_lines(system) == []
    lone = attrs.evolve(report, indicators=(Indicator("x", tier1="产出指标"),))
    assert _names(indicator_system(lone)) == ["产出指标"]
