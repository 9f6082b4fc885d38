"""Scoring: recompute every indicator, subtotal, total and grade the way the profile's rules do."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import perfrules
from perfrules.document.figures import Money, Percent
from perfrules.document.model import Budget, Evaluation, Indicator, Report, ReportInfo, TierScore
from perfrules.document.valueparse import parse_value
from perfrules.document.values import Comparison, Op, Quantity
from perfrules.scoring.profiles import load_profile
from perfrules.scoring.scorer import ScoreSheet, score

D = Decimal
ISLAND = str(Path(__file__).resolve().parents[1] / "data" / "profiles" / "island.toml")

# Seed 004: 乌鲁木齐高新区（新市区）红十字会 2023年度部门单位整体支出绩效自评报告. The
# report gives no tiers; the tiers below are a reading of the indicator names.
SEED_004 = """
[report]
department = "乌鲁木齐高新技术产业开发区（乌鲁木齐市新市区）红十字会"
year = 2023
filled_on = 2024-04-15

[budget]
initial = 95.81
adjustment = -6.35
adjusted = 89.46
executed = 85.58
execution_rate = 95.66
execution_score = 9.57

[[indicators]]
tier1 = "产出指标"
tier2 = "成本指标"
name = "人员经费支出总金额"
target = "小于等于95.81万元"
actual = "85.58万元"
midyear = "58.38万元"
completion_rate = 95.66
weight = 10
score = 10

[[indicators]]
tier1 = "产出指标"
tier2 = "质量指标"
name = "应急救护人员培训考核合格率"
target = "等于100%"
actual = "100%"
midyear = "0%"
weight = 12
score = 12

[[indicators]]
tier1 = "产出指标"
tier2 = "质量指标"
name = "项目支出执行率"
target = "等于100%"
actual = "0%"
midyear = "62.25%"
weight = 13
score = 0

[[indicators]]
tier1 = "产出指标"
tier2 = "数量指标"
name = "慰问贫困人员户数"
target = "大于等于90户"
actual = "447户"
midyear = "90户"
weight = 10
score = 10

[[indicators]]
tier1 = "产出指标"
tier2 = "数量指标"
name = "开展艾滋病宣传活动次数"
target = "大于等于1次"
actual = "1次"
midyear = "0次"
weight = 15
score = 15

[[indicators]]
tier1 = "产出指标"
tier2 = "数量指标"
name = "造血干细胞采样份数"
target = "大于等于60份"
actual = "60份"
midyear = "60份"
weight = 20
score = 20

[[indicators]]
tier1 = "满意度指标"
tier2 = "服务对象满意度指标"
name = "群众满意度指标"
target = "大于等于95%"
actual = "97%"
midyear = "95%"
weight = 10
score = 10

[evaluation]
score = 86.57
grade = "良"
"""


@pytest.fixture(scope="module")
def seed_004() -> Report:
    return perfrules.loads(SEED_004)


def _report(
    *indicators: Indicator,
    budget: Budget | None = None,
    evaluation: Evaluation | None = None,
    year: int = 2023,
    profile: str | None = None,
) -> Report:
    return Report(
        ReportInfo("某单位", year, profile=profile),
        budget=budget,
        indicators=indicators,
        evaluation=evaluation,
    )


def _ind(
    target: str, actual: str, weight: str | None = "10", stated: str | None = None, **kw: object
) -> Indicator:
    return Indicator(
        kw.pop("name", "指标"),  # type: ignore[arg-type]
        target=parse_value(target),
        actual=parse_value(actual),
        weight=None if weight is None else D(weight),
        score=None if stated is None else D(stated),
        **kw,  # type: ignore[arg-type]
    )


def _money(text: str) -> Money:
    return Money(D(text), D(text).as_tuple().exponent, False, "万元")  # type: ignore[arg-type]


def _one(
    target: str, actual: str, weight: str = "10", profile: str = "national", **kw: object
) -> ScoreSheet:
    return score(_report(_ind(target, actual, weight, **kw)), profile)


# --- seed 004: the worked example ------------------------------------------------------


def test_seed_004_recomputes_to_its_statement_under_national(seed_004: Report) -> None:
    sheet = score(seed_004)
    assert sheet.profile.id == "national"
    for s in sheet.indicators:
        assert s.recomputed == s.stated, s.formula
        assert s.matches is True and s.in_range is True
    assert [s.recomputed for s in sheet.indicators] == [10, 12, 0, 10, 15, 20, 10]
    ex = sheet.execution
    assert (ex.basis, ex.basis_from, ex.weight, ex.weight_source) == (
        "adjusted",
        "adjusted",
        10,
        "profile",
    )
    assert ex.rate is not None and ex.rate.quantize(D("0.01")) == D("95.66")
    assert ex.recomputed == D("9.57") and ex.matches is True
    total = sheet.total
    assert total.recomputed == D("86.57") and str(total.recomputed) == "86.57"
    assert total.stated_sum == D("86.57") and total.sum_matches is True
    assert total.weights == 100 and total.weights_match and not total.partial
    assert total.matches is True and total.inflated is False
    g = sheet.grade
    assert (
        g.of_recomputed.word == "良"
        and g.of_stated_score is not None
        and g.of_stated_score.word == "良"
    )
    assert g.stated_band is not None and g.stated_band.word == "良"
    assert g.matches is True and g.inflated is False and g.known is True


def test_seed_004_under_shijiazhuang_earns_youxiu(seed_004: Report) -> None:
    sheet = score(seed_004, "shijiazhuang")
    # shijiazhuang's scheme has no execution part; the report scores one, so it is
    # worth what its indicator weights leave of 100 (its own form): 100 − 90 = 10.
    assert sheet.execution.weight_source == "remainder" and sheet.execution.weight == 10
    assert sheet.total.recomputed == D("86.57") and sheet.total.weights_match
    g = sheet.grade
    assert g.of_recomputed.word == "优秀"
    assert g.of_stated_score is not None and g.of_stated_score.word == "优秀"
    assert g.stated_band is not None and g.stated_band.word == "良好"  # 良 is a synonym there
    assert g.matches is False  # the grade finding names 优秀
    assert g.inflated is False


def test_seed_004_under_hubei_measures_execution_on_the_initial_budget(seed_004: Report) -> None:
    sheet = score(seed_004, "hubei")
    ex = sheet.execution
    assert (ex.basis, ex.basis_amount, ex.weight) == ("initial", D("95.81"), 20)
    assert ex.recomputed == D("17.86")  # 85.58 / 95.81 = 89.32% × 20
    assert ex.matches is False
    assert sheet.total.weights == 110 and not sheet.total.weights_match


def test_seed_004_exceeded_and_missed_targets(seed_004: Report) -> None:
    sheet = score(seed_004)
    by_name = {s.indicator.name: s for s in sheet.indicators}
    assert by_name["慰问贫困人员户数"].exceeded is True  # 447 / 90 = 497%
    assert by_name["群众满意度指标"].exceeded is False
    assert by_name["项目支出执行率"].met is False
    assert (
        by_name["人员经费支出总金额"].met is True and by_name["人员经费支出总金额"].exceeded is None
    )


def test_the_spec_example_recomputes_to_its_statement(clean_text: str) -> None:
    sheet = score(perfrules.loads(clean_text))
    assert [s.recomputed for s in sheet.indicators] == [D("25.20"), 20, 30, 10]
    assert all(s.matches is not False and s.in_band is not False for s in sheet.indicators)
    assert sheet.indicators[0].formula == "actual/target × weight = 42/50 × 30 = 25.20"
    assert sheet.indicators[1].formula.startswith("≥ met (2350人次 vs 2000人次): full marks 20")
    assert sheet.indicators[2].qualitative and sheet.indicators[2].band is not None
    assert sheet.indicators[2].band.word == "达成"
    assert sheet.execution.recomputed == D("9.50") and sheet.execution.matches
    assert sheet.total.recomputed == D("94.70") and sheet.total.matches
    assert sheet.grade.of_recomputed.word == "优" and sheet.grade.matches


# --- a profile in TOML only -------------------------------------------------------------


def test_a_made_up_region_changes_results(seed_004: Report) -> None:
    sheet = score(seed_004, ISLAND)
    assert sheet.profile.id == "island"
    assert sheet.total.recomputed == D("86.57")
    assert sheet.grade.of_recomputed.word == "中"  # its 良 starts at 88
    assert sheet.grade.inflated is True  # the stated 良 is better than 中
    # over-achievement: 140% of the target is past national's 130%, not past the island's 150%
    assert _one("≥100人", "140人").indicators[0].exceeded is True
    assert _one("≥100人", "140人", profile=ISLAND).indicators[0].exceeded is False
    # ≤ targets: national target/actual, the island linearly to 0 at twice the target
    assert _one("≤50万元", "60万元").indicators[0].recomputed == D("8.33")
    island = _one("≤50万元", "60万元", profile=ISLAND).indicators[0]
    assert island.recomputed == D("8.00")
    assert island.formula == "(2 × target − actual)/target × weight = (2 × 50 − 60)/50 × 10 = 8.00"


def test_profile_choice_report_then_default() -> None:
    ind = _ind("≥10人", "10人")
    assert score(_report(ind)).profile.id == "national"
    assert score(_report(ind, profile="sichuan")).profile.id == "sichuan"
    assert score(_report(ind, profile="sichuan"), "guangxi").profile.id == "guangxi"
    assert score(_report(ind), load_profile("hubei")).profile.id == "hubei"


# --- indicators ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "actual", "weight", "expected", "met"),
    [
        ("≥12篇", "40余篇", "5", "5.00", True),
        ("≥50", "43.1", "10", "8.62", False),
        (
            "＞90%",
            "90%",
            "10",
            "10.00",
            False,
        ),  # missed (not strictly above), yet 90/90 of the weight
        ("2种以上", "3种", "4", "4.00", True),
        ("1500人", "1849人", "10", "10.00", True),  # no operator: read as ≥
        ("100", "1314名", "10", "10.00", True),  # a bare number takes the actual's unit
        ("≥8", "1", "1", "0.13", False),  # 0.125 rounds half-up
        ("=100%", "0%", "13", "0.00", False),
        ("=100%", "100%", "12", "12.00", True),
        ("=100%", "120%", "12", "12.00", True),  # as-ge: over-achievement is met
        ("=0起", "0起", "5", "5.00", True),
        ("=0起", "2起", "5", "0.00", False),
        ("≤0次", "1次", "5", "0.00", False),
        ("≤95.81万元", "85.58万元", "10", "10.00", True),
        ("不超过5次", "10次", "10", "5.00", False),
        ("≥50万页", "420000页", "30", "25.20", False),  # 万 folded into the number
        ("≥50万元", "-3万元", "10", "0.00", False),
    ],
)
def test_quantitative_scores(
    target: str, actual: str, weight: str, expected: str, met: bool
) -> None:
    s = _one(target, actual, weight).indicators[0]
    assert s.recomputed == D(expected), s.formula
    assert s.met is met
    assert s.reason is None


def test_stated_scores_are_compared_at_the_profiles_precision() -> None:
    s = _one("≥50", "43.1", "10", stated="9").indicators[0]
    assert s.recomputed == D("8.62") and s.matches is False and s.difference == D("0.38")
    assert _one("≥50", "43.1", "10", stated="8.620").indicators[0].matches is True
    assert _one("≥50", "43.1", "10", stated="8.6").indicators[0].matches is False
    assert _one("≥50", "43.1", "10", stated="11").indicators[0].in_range is False


def test_equal_targets_read_exactly() -> None:
    base = load_profile("national")
    exact = attrs.evolve(base, eq_strategy="exact")
    s = score(_report(_ind("=100%", "120%", "12")), exact).indicators[0]
    assert s.met is False and s.recomputed == D("10.00")
    assert s.formula == "target/actual × weight = 100/120 × 12 = 10.00"


def test_incompatible_units_are_not_scored() -> None:
    s = _one("≥12篇", "13人").indicators[0]
    assert s.recomputed is None and s.reason == "units" and s.met is None
    assert s.reason_text() == "目标值与实际完成值单位不同（篇 / 人）"
    assert s.reason_text("en") == "target and actual are in different units (篇 / 人)"
    # counting words perfrules.document.units treats as the same unit
    assert _one("≥12期", "13次").indicators[0].recomputed == D("10.00")


@pytest.mark.parametrize(
    ("target", "actual", "reason"),
    [
        ("≥12篇", "若干", "unreadable-actual"),
        ("适量", "12篇", "unreadable-target"),
        ("≥90%", "是", "mismatch"),
        ("是", "100%", "mismatch"),
        ("按计划时间完成", "10月完成", "no-date"),
    ],
)
def test_unscorable_indicators_say_why(target: str, actual: str, reason: str) -> None:
    sheet = _one(target, actual)
    s = sheet.indicators[0]
    assert s.recomputed is None and s.reason == reason
    assert s.formula.startswith("not scored: ")
    assert sheet.partial and sheet.unscorable == (s,)
    assert s.reason_text() and s.reason_text("en")


@pytest.mark.parametrize(
    ("target", "actual", "reason"),
    [
        ("≥100人", "", "no-actual"),
        ("≥100人", "—", "no-actual"),
        ("≥100人", "/", "no-actual"),
        ("≥100人", " － ", "no-actual"),
        ("≥100人", "N/A", "no-actual"),
        ("≥100人", "无", "no-actual"),  # 无 states no result against a target to reach
        ("≤1起", "无", "no-actual"),  # a limit that is not zero is no sign that none was the aim
        ("—", "120人", "no-target"),
        ("无", "3起", "no-target"),
    ],
)
def test_cells_that_hold_nothing_are_not_filled_in(target: str, actual: str, reason: str) -> None:
    s = _one(target, actual).indicators[0]
    assert s.recomputed is None and s.met is None and s.reason == reason


@pytest.mark.parametrize(
    ("target", "actual", "method"),
    [
        ("0起", "无", "ge"),  # bare 0起, read as the national profile reads a bare target
        ("=0起", "暂无", "eq"),
        ("否", "无", "qualitative"),
        ("无", "无", "eq"),
        ("暂无", "无", "eq"),
        ("无", "0起", "eq"),
        ("零事故", "无", "eq"),  # 零事故 reads as =0 (wp-values): 无 against it is none, met
    ],
)
def test_none_where_none_is_the_aim_is_met(target: str, actual: str, method: str | None) -> None:
    s = _one(target, actual, stated="10").indicators[0]
    if method is None:
        assert s.reason == "unreadable-target"
        return
    assert (s.method, s.met, s.recomputed, s.reason) == (method, True, D("10.00"), None)


def test_missing_values_and_weight() -> None:
    no_actual = Indicator("甲", target=parse_value("≥1次"), weight=D(5))
    no_target = Indicator("乙", actual=parse_value("1次"), weight=D(5))
    no_weight = _ind("≥10人", "5人", None, name="丙")
    sheet = score(_report(no_actual, no_target, no_weight))
    assert [s.reason for s in sheet.indicators] == ["no-actual", "no-target", "no-weight"]
    # without a weight there is no score, but met and the ratio are still known
    assert sheet.indicators[2].met is False and sheet.indicators[2].ratio == D("0.5")
    assert sheet.total.unweighted == ("indicator:丙",)
    assert sheet.indicator("indicator:丙") is sheet.indicators[2]


def test_qualitative_bands() -> None:
    achieved = _one("是", "是", "10", stated="9").indicators[0]
    assert achieved.band is not None and achieved.band.level == "achieved" and achieved.met
    assert (
        achieved.in_band is True and achieved.recomputed == D("9.00") and achieved.matches is None
    )
    assert _one("是", "是", "10").indicators[0].recomputed == D(
        "10.00"
    )  # nothing stated: full marks

    partial = _one("达成", "部分达成年度指标并具有一定效果", "10", stated="7").indicators[0]
    assert partial.band is not None and partial.band.word == "部分达成" and partial.met is False
    assert partial.in_band is True and partial.recomputed == D("7.00")
    assert partial.band_points == (D(6), D(8))

    high = _one("达成", "部分达成", "10", stated="8").indicators[0]  # 80% belongs to 达成
    assert high.in_band is False and high.recomputed == D("7.99")
    assert "outside the band" in high.formula

    missed = _one("是", "否", "10", stated="10").indicators[0]
    assert missed.band is not None and missed.band.level == "missed"
    assert missed.in_band is False and missed.recomputed == D("5.99")

    # a negative target (否: no accident) is met by 否 only
    assert _one("否", "否").indicators[0].met is True
    assert _one("否", "是").indicators[0].band.level == "missed"  # type: ignore[union-attr]
    assert (
        _one("完成", "达成").indicators[0].met is True
    )  # different families: the actual's own level


def test_time_targets() -> None:
    assert _one("12月底完成", "10月完成").indicators[0].recomputed == D("10.00")
    late = _one("2024年12月31日前", "2025年1月完成").indicators[0]
    assert late.met is False and late.recomputed == D("0.00")
    assert late.formula == "time target 2024年12月31日前, done 2025年1月完成: missed, 0"
    # a date without a year is in the report's year
    assert score(_report(_ind("6月底完成", "2023年7月完成")), "national").indicators[0].met is False
    assert score(_report(_ind("6月底完成", "2023年6月完成")), "national").indicators[0].met is True
    assert _one("12月底完成", "及时").indicators[0].met is True
    assert _one("及时", "及时").indicators[0].met is True
    assert _one("12月底完成", "是").indicators[0].met is True
    assert _one("12月底完成", "未完成").indicators[0].met is False


# --- execution --------------------------------------------------------------------------


def _budget(**kw: object) -> Budget:
    return Budget(
        **{
            k: (_money(v) if k in ("initial", "adjustment", "adjusted", "executed") else v)
            for k, v in kw.items()
        }
    )  # type: ignore[arg-type]


def test_execution_is_capped_at_full_marks() -> None:
    sheet = score(_report(budget=_budget(adjusted="100", executed="120")))
    ex = sheet.execution
    assert ex.recomputed == D("10.00") and ex.over_budget is True
    assert "capped at 100%" in ex.formula


def test_execution_basis_fallbacks() -> None:
    ex = score(_report(budget=_budget(initial="100", adjustment="-20", executed="72"))).execution
    assert ex.basis_from == "initial+adjustment" and ex.recomputed == D("9.00")
    ex = score(_report(budget=_budget(initial="100", executed="72"))).execution
    assert ex.basis_from == "initial" and ex.recomputed == D("7.20")
    ex = score(
        _report(budget=_budget(execution_rate=Percent(D("92.84")), execution_score=D(9)))
    ).execution
    assert ex.rate_source == "stated" and ex.recomputed == D("9.28") and ex.matches is False
    assert ex.formula == "rate = 92.84% (stated); rate × weight = 92.84% × 10 = 9.28"


def test_execution_matches_the_stated_rate_too() -> None:
    # 94.855% computed rounds to 9.49; a report working from its stated 94.86% gets 9.49 as well
    b = _budget(
        adjusted="100",
        executed="94.855",
        execution_rate=Percent(D("94.86")),
        execution_score=D("9.49"),
    )
    ex = score(_report(budget=b)).execution
    assert ex.matches is True


def test_a_report_states_its_own_execution_weight() -> None:
    b = _budget(adjusted="200", executed="180", execution_weight=D(20), execution_score=D(18))
    sheet = score(_report(_ind("≥1次", "1次", "80", stated="80"), budget=b))
    assert (sheet.execution.weight, sheet.execution.weight_source) == (20, "report")
    assert sheet.execution.recomputed == D("18.00") and sheet.total.weights_match
    assert sheet.total.recomputed == D("98.00")


def test_no_budget_makes_the_total_partial() -> None:
    sheet = score(_report(_ind("≥1次", "1次", "90", stated="90")))
    assert sheet.execution.reason == "no-budget" and sheet.partial
    assert sheet.total.missing_stated == ("budget.execution_score",)
    assert sheet.execution.reason_text("en") == "the budget block is missing"


# --- tiers, total, grade --------------------------------------------------------------------


def test_tier_subtotals() -> None:
    inds = (
        _ind("≥10人", "10人", "30", stated="30", tier1="产出指标"),
        _ind("≥10人", "8人", "20", stated="16", tier1="产出指标"),
        _ind("是", "是", "30", stated="30", tier1="效果指标"),
    )
    ev = Evaluation(D(85), "良", (TierScore("产出指标", D(46)), TierScore("效果指标", D(30))))
    sheet = score(_report(*inds, evaluation=ev))
    out, eff = sheet.tiers
    assert (out.tier, out.stated, out.stated_sum, out.recomputed, out.weight) == (
        "产出指标",
        46,
        46,
        D("46.00"),
        50,
    )
    assert out.matches is True and out.indices == (0, 1)
    assert (eff.tier, eff.stated_key, eff.matches) == ("效益指标", "效果指标", True)
    # 满意度 absent: its 10 points move to 产出 and 效益 in proportion (50:30)
    assert out.expected_weight == D("56.25") and eff.expected_weight == D("33.75")
    assert sheet.tier("效益指标") is eff

    wrong = Evaluation(D(85), "良", (TierScore("产出", D(48)),))
    t = score(_report(*inds, evaluation=wrong)).tier("产出指标")
    assert t is not None and t.stated_key == "产出" and t.matches is False


def test_total_inflation_and_grades() -> None:
    b = _budget(adjusted="100", executed="100", execution_score=D(10))
    inds = (_ind("≥10人", "5人", "90", stated="90"),)
    sheet = score(_report(*inds, budget=b, evaluation=Evaluation(D(100), "优")))
    assert sheet.indicators[0].recomputed == D("45.00")
    assert sheet.total.recomputed == D("55.00") and sheet.total.inflated is True
    assert sheet.total.sum_matches is True  # the stated parts do add up
    g = sheet.grade
    assert g.matches is True and g.inflated is True and g.of_recomputed.word == "差"

    unknown = score(_report(*inds, budget=b, evaluation=Evaluation(D(100), "卓越"))).grade
    assert unknown.known is False and unknown.matches is None
    no_score = score(_report(*inds, evaluation=Evaluation(None, "优"))).grade
    assert no_score.without_score and no_score.of_stated_score is None


def test_total_differs_from_the_sum_of_stated_parts(seed_004: Report) -> None:
    r = attrs.evolve(seed_004, evaluation=Evaluation(D("87.57"), "良"))
    total = score(r).total
    assert total.sum_matches is False and total.stated_sum == D("86.57")


def test_scores_are_deterministic_and_equal(seed_004: Report) -> None:
    """The same document, loaded again through its JSON form, scores to an equal sheet."""
    again = perfrules.loads(perfrules.dumps(seed_004), "json")
    assert again is not seed_004
    first, second = score(seed_004), score(again)
    assert first == second and repr(first) == repr(second)
    assert second.total.recomputed == D("86.57") and second.grade.of_recomputed.word == "良"


# --- properties -------------------------------------------------------------------------

OPS = st.sampled_from(list(Op))
AMOUNTS = st.decimals(min_value=0, max_value=100000, places=2)
WEIGHTS = st.decimals(min_value=0, max_value=100, places=1)
STRATEGIES = st.sampled_from(["ratio", "linear-to-double"])


def _profile(le: str, eq: str = "as-ge"):  # type: ignore[no-untyped-def]
    return attrs.evolve(load_profile("national"), le_strategy=le, eq_strategy=eq)


def _score_one(
    op: Op, target: Decimal, actual: Decimal, weight: Decimal, le: str, eq: str = "as-ge"
) -> Decimal | None:
    ind = Indicator(
        "x", target=Comparison(op, target, "人"), actual=Quantity(actual, "人"), weight=weight
    )
    return score(_report(ind), _profile(le, eq)).indicators[0].recomputed


@given(OPS, AMOUNTS, AMOUNTS, WEIGHTS, STRATEGIES, st.sampled_from(["as-ge", "exact"]))
def test_indicator_score_lies_between_zero_and_the_weight(
    op: Op, target: Decimal, actual: Decimal, weight: Decimal, le: str, eq: str
) -> None:
    s = _score_one(op, target, actual, weight, le, eq)
    assert s is not None and 0 <= s <= weight


@given(st.sampled_from([Op.GE, Op.GT]), AMOUNTS, AMOUNTS, AMOUNTS, WEIGHTS)
def test_raising_an_actual_never_lowers_a_ge_score(
    op: Op, target: Decimal, a: Decimal, b: Decimal, weight: Decimal
) -> None:
    lo, hi = min(a, b), max(a, b)
    assert _score_one(op, target, lo, weight, "ratio") <= _score_one(
        op, target, hi, weight, "ratio"
    )  # type: ignore[operator]


@given(st.sampled_from([Op.LE, Op.LT]), AMOUNTS, AMOUNTS, AMOUNTS, WEIGHTS, STRATEGIES)
def test_raising_an_actual_never_raises_a_le_score(
    op: Op, target: Decimal, a: Decimal, b: Decimal, weight: Decimal, le: str
) -> None:
    lo, hi = min(a, b), max(a, b)
    assert _score_one(op, target, lo, weight, le) >= _score_one(op, target, hi, weight, le)  # type: ignore[operator]


@settings(max_examples=50)
@given(
    st.lists(st.tuples(OPS, AMOUNTS, AMOUNTS, WEIGHTS, st.none() | WEIGHTS), max_size=12),
    st.none() | st.tuples(AMOUNTS, AMOUNTS),
)
def test_total_is_the_sum_of_its_parts(
    rows: list[tuple[Op, Decimal, Decimal, Decimal, Decimal | None]],
    budget: tuple[Decimal, Decimal] | None,
) -> None:
    inds = tuple(
        Indicator(
            f"i{i}", target=Comparison(op, t, "项"), actual=Quantity(a, "项"), weight=w, score=s
        )
        for i, (op, t, a, w, s) in enumerate(rows)
    )
    b = None if budget is None else _budget(adjusted=str(budget[0]), executed=str(budget[1]))
    sheet = score(_report(*inds, budget=b))
    parts = [s.recomputed for s in sheet.indicators]
    assert all(p is not None for p in parts)
    expected = sum(parts, D(0)) + (sheet.execution.recomputed or 0)  # type: ignore[arg-type]
    assert sheet.total.recomputed == expected
    assert sheet.total.partial is (sheet.execution.recomputed is None)
    assert sum((t.recomputed for t in sheet.tiers), D(0)) <= sheet.total.recomputed
    stated = [s for s in (r[4] for r in rows) if s is not None]
    assert sheet.total.stated_sum == (sum(stated, D(0)) if stated else None)
    assert sheet.total.weights == sum((r[3] for r in rows), D(0)) + sheet.execution.weight
