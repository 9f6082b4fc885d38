"""Tier subtotals are keyed by the indicator system's nodes, and one resolve_profile picks the profile."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import perfrules
from perfrules.document.model import Report, TierScore
from perfrules.document.system import TierStatus, indicator_system
from perfrules.document.systemtext import system_lines
from perfrules.errors import ProfileError
from perfrules.rules.config import loads_config
from perfrules.scoring import scorer
from perfrules.scoring.profiles import load_profile, resolve_profile
from perfrules.scoring.scorer import score
from perfrules.scoring.sheet import ScoreSheet
from tests.strategies import reports

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEEDS = sorted(p.stem for p in EXAMPLES.glob("*.toml"))
D = Decimal


def _example(name: str) -> Report:
    return perfrules.load(EXAMPLES / f"{name}.toml")


def _recomputed_sum(sheet: ScoreSheet, indices: tuple[int, ...]) -> Decimal:
    parts = (sheet.indicators[i].recomputed for i in indices)
    return sum((p for p in parts if p is not None), D(0))


def _assert_keyed_by_the_tree(sheet: ScoreSheet) -> None:
    system = sheet.system
    assert [t.node for t in sheet.tiers] == [n for n in system.tiers if n.name is not None]
    assert (sheet.untiered is None) is (system.tier(None) is None)
    for node in system.tiers:
        sub = sheet.subtotal(node)
        assert sub is not None and sub.node is node
        assert (sub.tier, sub.indices, sub.stated, sub.stated_key) == (
            node.name or "",
            node.indices,
            node.stated,
            node.stated_key,
        )
        if node.execution:
            assert sub.weight == sheet.execution.weight
            continue
        assert sub.weight == node.weight
        assert sub.recomputed == _recomputed_sum(sheet, node.indices)
        assert sub.partial is any(sheet.indicators[i].recomputed is None for i in node.indices)
    for s, place in zip(sheet.indicators, system.placements, strict=True):
        assert s.tier == place.tier1.name
    assert sheet.recomputed_by_tier == {
        n.name: sub.recomputed for n in system.tiers if (sub := sheet.subtotal(n)) is not None
    }


@pytest.mark.parametrize("name", SEEDS)
def test_seed_subtotals_are_the_trees_nodes_recomputed(name: str) -> None:
    report = _example(name)
    sheet = score(report)
    assert sheet.system is indicator_system(report)
    _assert_keyed_by_the_tree(sheet)


def test_caidian_subtotals_fold_the_alias_and_resolve_stated_keys() -> None:
    report = _example("caidian-2024")
    ev = report.evaluation
    assert ev is not None
    stated = (TierScore("产出", D(40)), TierScore("效果指标", D(20)), TierScore("预算执行率", D(9)))
    sheet = score(attrs.evolve(report, evaluation=attrs.evolve(ev, tier_scores=stated)))
    assert [t.tier for t in sheet.tiers] == ["产出指标", "效益指标", "满意度指标", "预算执行率"]
    out, benefit, _, execution = sheet.tiers
    assert (out.stated, out.stated_key) == (D(40), "产出")
    assert benefit.node.written == ("效益指标", "效果指标") and benefit.indices == (7, 8, 14, 15)
    assert (benefit.stated, benefit.stated_key) == (D(20), "效果指标")
    assert execution.node.status is TierStatus.EXECUTION
    assert execution.stated_sum == sheet.execution.stated
    _assert_keyed_by_the_tree(sheet)


def test_the_subtotal_rule_names_the_key_as_written() -> None:
    report = _example("clean")  # 产出指标's stated scores add up to 45.2
    ev = report.evaluation
    assert ev is not None
    stated = (TierScore("产出", D("45.2")), TierScore("效果", D(29)))
    sheet = score(attrs.evolve(report, evaluation=attrs.evolve(ev, tier_scores=stated)))
    out, benefit = sheet.tier("产出指标"), sheet.tier("效益指标")
    assert out is not None and out.stated_sum == D("45.2") and out.matches is True
    assert benefit is not None and benefit.stated_key == "效果" and benefit.matches is False
    checked = attrs.evolve(report, evaluation=attrs.evolve(ev, tier_scores=stated))
    found = [f for f in perfrules.check(checked).findings if f.rule == "PR110"]
    assert [(f.about, f.expected, f.found) for f in found] == [
        ("evaluation.tier_scores.效果", D(30), D(29))
    ]


def test_untiered_indicators_get_a_subtotal_of_their_own() -> None:
    report = _example("urumqi-2023")
    sheet = score(report)
    assert sheet.tiers == () and sheet.untiered is not None
    assert sheet.untiered.indices == tuple(range(len(report.indicators)))
    assert sheet.untiered.recomputed == _recomputed_sum(sheet, sheet.untiered.indices)
    assert sheet.recomputed_by_tier == {None: sheet.untiered.recomputed}
    lines = system_lines(sheet.system, sheet.recomputed_by_tier, "en")
    assert lines[0] == f"(no tier1)  weight 90  stated —  recomputed {sheet.untiered.recomputed}"


def test_the_score_table_lines_for_the_spec_example() -> None:
    sheet = score(_example("clean"))
    assert system_lines(sheet.system, sheet.recomputed_by_tier, "en") == [
        "产出指标  weight 50  stated —  recomputed 45.20",  # 25.20 + 20.00
        "  数量指标  weight 50  indicators 1, 2",
        "效益指标  weight 30  stated —  recomputed 30.00",
        "  社会效益指标  weight 30  indicators 3",
        "满意度指标  weight 10  stated —  recomputed 10.00",
        "  服务对象满意度指标  weight 10  indicators 4",
    ]


@settings(max_examples=60, deadline=None)
@given(reports())
def test_subtotals_are_the_trees_nodes_for_any_report(report: Report) -> None:
    try:
        sheet = score(report)
    except ProfileError:  # a profile not in force for the drawn year
        return
    _assert_keyed_by_the_tree(sheet)
    every = [*sheet.tiers, *([sheet.untiered] if sheet.untiered is not None else [])]
    tiers = [t for t in every if not t.node.execution]
    assert sum((t.weight for t in tiers), D(0)) == sheet.system.weight
    assert sum((t.recomputed for t in tiers), D(0)) == _recomputed_sum(
        sheet, tuple(range(len(report.indicators)))
    )


# --- which profile --------------------------------------------------------------------------


def test_resolve_profile_takes_the_first_choice_given() -> None:
    report = _example("clean")  # year 2023, no profile of its own
    own = attrs.evolve(report, report=attrs.evolve(report.report, profile="sichuan"))
    assert resolve_profile(report).id == "national"
    assert resolve_profile(own).id == "sichuan"
    assert resolve_profile(own, None, "").id == "sichuan"
    assert resolve_profile(own, None, "hubei", "guangxi").id == "hubei"
    assert resolve_profile(own, "guangxi", "hubei").id == "guangxi"
    hubei = load_profile("hubei")
    assert resolve_profile(own, hubei, "guangxi") is hubei  # a Profile is used as it is
    assert resolve_profile(own, "hubei").year == 2023  # loaded for the report's year
    assert perfrules.resolve_profile is resolve_profile


def test_resolve_profile_loads_for_the_reports_year() -> None:
    report = _example("clean")
    early = attrs.evolve(report, report=attrs.evolve(report.report, year=2018))
    with pytest.raises(ProfileError):
        resolve_profile(early)  # national is in force from 2019


def test_check_and_score_resolve_the_profile_alike() -> None:
    report = _example("clean")
    own = attrs.evolve(report, report=attrs.evolve(report.report, profile="sichuan"))
    config = loads_config('profile = "guangxi"\n')
    assert perfrules.check(own).profile == score(own).profile.id == "sichuan"
    assert perfrules.check(own, config).profile == "guangxi"
    assert perfrules.check(own, config, profile="hubei").profile == "hubei"
    assert score(own, "hubei").profile.id == "hubei"


# --- the total from the nodes ----------------------------------------------------------------


def _total_both_ways(report: Report, profile_id: str) -> None:
    """The sheet's total equals the one summed over the scores (the shortcut's reference)."""
    try:
        profile = load_profile(profile_id, report.report.year)
    except ProfileError:  # not in force for the drawn year
        return
    sheet = scorer._score(report, profile)
    per = profile.per_indicator_rounding
    recomputed, partial, stated_sum, any_stated, missing = scorer._score_sums(sheet.indicators, per)
    ex = sheet.execution
    value = (ex.recomputed if per else ex.exact) if ex.counted else None
    if value is not None:
        recomputed += value
    total = sheet.total
    assert total.recomputed == recomputed.quantize(profile.quantum, profile.rounding_mode)
    assert total.partial is (partial or (ex.counted and value is None))
    if ex.stated is not None:
        stated_sum, any_stated = stated_sum + ex.stated, True
    assert total.stated_sum == (stated_sum if any_stated else None)
    assert [m for m in total.missing_stated if m != "budget.execution_score"] == missing


@settings(max_examples=80, deadline=None)
@given(reports())
def test_the_total_from_the_nodes_is_the_total_of_the_scores(report: Report) -> None:
    for profile_id in ("national", "sichuan", "shijiazhuang", "guangxi", "hubei"):
        _total_both_ways(report, profile_id)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_totals_from_the_nodes_are_the_totals_of_the_scores(name: str) -> None:
    report = _example(name)
    for profile_id in ("national", "sichuan", "shijiazhuang", "guangxi", "hubei"):
        _total_both_ways(report, profile_id)
