"""Targets and actuals as written in the seeds and the spec, read and rendered by the value parser.

The property tests (round trips, the parser never raising) are in
``test_valueparse_properties.py``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from perfrules.document.valueparse import parse_value, render_value
from perfrules.document.values import (
    Approx,
    Comparison,
    Op,
    Qualitative,
    Quantity,
    Timing,
    TimingKind,
    Unparsed,
    Value,
)

Shape = tuple[Any, ...]


def shape(v: Value) -> Shape:
    """A value as a plain tuple; ``str(Decimal)`` shows the exponent (``3E+4``, ``1.20``)."""
    if isinstance(v, Comparison):
        return ("cmp", v.op.symbol, str(v.value), v.unit)
    if isinstance(v, Quantity):
        return ("qty", str(v.value), v.unit, None if v.approx is None else v.approx.value)
    if isinstance(v, Timing):
        return ("time", v.kind.value, v.year, v.month, v.day, v.by)
    if isinstance(v, Qualitative):
        return ("qual", v.family, v.word, v.rank, v.top)
    return ("unparsed",)


def C(op: str, value: str, unit: str = "") -> Shape:
    return ("cmp", op, value, unit)


def Q(value: str, unit: str = "", approx: str | None = None) -> Shape:
    return ("qty", value, unit, approx)


def DATE(month: int, *, year: int | None = None, day: int | None = None, by: bool = False) -> Shape:
    return ("time", "date", year, month, day, by)


ON_SCHEDULE: Shape = ("time", "on_schedule", None, None, None, False)
TIMELY: Shape = ("time", "timely", None, None, None, False)
YES: Shape = ("qual", "yes_no", "是", 1, 1)
NO: Shape = ("qual", "yes_no", "否", 0, 1)
ACHIEVED: Shape = ("qual", "achievement", "达成", 2, 2)
PARTLY: Shape = ("qual", "achievement", "部分达成", 1, 2)
NOT_ACHIEVED: Shape = ("qual", "achievement", "未达成", 0, 2)
DONE: Shape = ("qual", "completion", "完成", 1, 1)
NOT_DONE: Shape = ("qual", "completion", "未完成", 0, 1)
EFFECTIVE: Shape = ("qual", "effect", "有效", 1, 1)
INEFFECTIVE: Shape = ("qual", "effect", "无效", 0, 1)
UNPARSED: Shape = ("unparsed",)

CASES: list[tuple[str, Shape]] = [
    # --- spec (report-format.md): [[indicators]] target/actual examples and the example document
    ("≥12篇", C("≥", "12", "篇")),
    ("＞90%", C(">", "90", "%")),
    ("2种以上", C("≥", "2", "种")),
    ("不少于200人次", C("≥", "200", "人次")),
    ("大于等于90户", C("≥", "90", "户")),
    ("≤95.81万元", C("≤", "95.81", "万元")),
    ("12月底完成", DATE(12, by=True)),
    ("是", YES),
    ("100%", Q("100", "%")),
    ("1849人", Q("1849", "人")),
    ("40余篇", Q("40", "篇", "more")),
    ("10月完成", DATE(10)),
    ("≥50万页", C("≥", "50", "万页")),
    ("42万页", Q("42", "万页")),
    ("不少于2000人次", C("≥", "2000", "人次")),
    ("2350人次", Q("2350", "人次")),
    ("≥90%", C("≥", "90", "%")),
    ("96%", Q("96", "%")),
    ("50万页以上", C("≥", "50", "万页")),
    # --- issue 2: approximate actuals, time targets, qualitative words
    ("3万余人次", Q("3E+4", "人次", "more")),  # also seed 002 (普及群众3万余人次)
    ("约95%", Q("95", "%", "about")),
    ("2024年12月31日前", DATE(12, year=2024, day=31, by=True)),
    ("按计划时间完成", ON_SCHEDULE),
    ("及时", TIMELY),
    ("否", NO),
    ("达成", ACHIEVED),
    ("达成年度指标", ACHIEVED),
    ("部分达成", PARTLY),
    ("部分达成年度指标并具有一定效果", PARTLY),
    ("未达成", NOT_ACHIEVED),
    ("未达成年度指标且效果较差", NOT_ACHIEVED),
    ("完成", DONE),
    ("未完成", NOT_DONE),
    ("好", ("qual", "rating", "好", 3, 3)),
    ("较好", ("qual", "rating", "较好", 2, 3)),
    ("一般", ("qual", "rating", "一般", 1, 3)),
    ("差", ("qual", "rating", "差", 0, 3)),
    ("有效", EFFECTIVE),
    ("明显", EFFECTIVE),
    ("显著", EFFECTIVE),
    ("无效", INEFFECTIVE),
    ("不明显", INEFFECTIVE),
    # --- issue 2: every operator spelling
    ("≥12", C("≥", "12")),
    (">=90%", C("≥", "90", "%")),
    ("≧90%", C("≥", "90", "%")),
    ("<=5%", C("≤", "5", "%")),
    ("≦5%", C("≤", "5", "%")),
    ("＜5%", C("<", "5", "%")),
    ("＝100%", C("=", "100", "%")),
    ("不低于90%", C("≥", "90", "%")),
    ("至少3次", C("≥", "3", "次")),
    ("大于10人", C(">", "10", "人")),
    ("超过5场", C(">", "5", "场")),
    ("不超过10万元", C("≤", "10", "万元")),
    ("不高于5%", C("≤", "5", "%")),
    ("小于等于3天", C("≤", "3", "天")),
    ("5%以内", C("≤", "5", "%")),
    ("3次以下", C("≤", "3", "次")),
    ("低于1%", C("<", "1", "%")),
    ("达到95%", C("≥", "95", "%")),
    ("达到90%以上", C("≥", "90", "%")),
    ("90%及以上", C("≥", "90", "%")),
    ("≥90%以上", C("≥", "90", "%")),
    ("不得低于90%", C("≥", "90", "%")),
    ("控制在5%以内", C("≤", "5", "%")),
    # --- issue 2: numbers (full-width digits, separators, 万/亿, Chinese numerals) and units
    ("１８４９人", Q("1849", "人")),
    ("１，８４９人", Q("1849", "人")),
    ("≥１２篇", C("≥", "12", "篇")),
    ("100％", Q("100", "%")),
    ("8.20", Q("8.20")),
    ("3万", Q("3E+4")),
    ("≥3万人次", C("≥", "3E+4", "人次")),
    ("0.5万人", Q("5E+3", "人")),
    ("2.5亿人次", Q("2.5E+8", "人次")),
    ("3亿元", Q("3", "亿元")),
    ("30余万人次", Q("3.0E+5", "人次", "more")),
    ("30余万元", Q("30", "万元", "more")),
    ("40多篇", Q("40", "篇", "more")),
    ("95%左右", Q("95", "%", "about")),
    ("两", Q("2")),
    ("十二", Q("12")),
    ("一百", Q("100")),
    ("三", Q("3")),
    ("二十五", Q("25")),
    ("两个", Q("2", "个")),
    ("十二篇", Q("12", "篇")),
    ("一百零五人", Q("105", "人")),
    ("三万余人次", Q("3E+4", "人次", "more")),
    ("百分之九十", Q("90", "%")),
    ("3台", Q("3", "台")),
    ("2辆", Q("2", "辆")),
    ("5家", Q("5", "家")),
    ("4项", Q("4", "项")),
    ("30天", Q("30", "天")),
    ("10月", Q("10", "月")),  # a month count: a date needs 底/前/完成/日 or a year
    ("5千米", Q("5", "千米")),
    ("2个百分点", Q("2", "个百分点")),
    ("≤500元/人", C("≤", "500", "元/人")),
    ("-5%", Q("-5", "%")),
    # --- issue 2: dates
    ("12月底", DATE(12, by=True)),  # also seed 001 (培训完成时间12月底)
    ("12月底前完成", DATE(12, by=True)),
    ("十二月底", DATE(12, by=True)),
    ("二〇二四年十二月三十一日前", DATE(12, year=2024, day=31, by=True)),
    ("于2024年12月31日前完成", DATE(12, year=2024, day=31, by=True)),
    ("2024年12月31日", DATE(12, year=2024, day=31)),
    ("2024年2月29日", DATE(2, year=2024, day=29)),
    ("年底前", DATE(12, by=True)),
    ("2024年底", DATE(12, year=2024, by=True)),
    ("按时完成", ON_SCHEDULE),  # also seed 003 (按时完成工作任务)
    ("及时完成", TIMELY),
    # --- seed 001: 部门整体绩效自评表, 年初目标值 / 实际完成值 (targets, then actuals)
    ("1500人", Q("1500", "人")),
    ("2500人次", Q("2500", "人次")),
    ("12期", Q("12", "期")),
    ("100", Q("100")),  # a bare target: no operator, no unit
    ("＞10篇", C(">", "10", "篇")),
    ("9770人次", Q("9770", "人次")),
    ("24期", Q("24", "期")),
    ("1314名", Q("1314", "名")),
    ("40篇", Q("40", "篇")),
    ("30余篇", Q("30", "篇", "more")),
    ("3种", Q("3", "种")),
    # --- seed 001: 绩效目标完成情况分析 (完成目标值…) and 基本情况
    ("7500人次", Q("7500", "人次")),
    ("12次", Q("12", "次")),
    ("300人", Q("300", "人")),
    ("12篇", Q("12", "篇")),
    ("33期", Q("33", "期")),
    ("33场", Q("33", "场")),
    ("224人次", Q("224", "人次")),
    ("13个", Q("13", "个")),
    ("21人份", Q("21", "人份")),
    ("5例", Q("5", "例")),
    ("92.84%", Q("92.84", "%")),
    ("12月底完成培训", UNPARSED),  # an object after 完成 is not read
    # --- seed 001: 整体绩效目标 (goals)
    ("10人以上", C("≥", "10", "人")),
    ("本年度完成应急救护师资培训10人以上", C("≥", "10", "人")),
    ("参加志愿服务人数不少于200人次", C("≥", "200", "人次")),
    ("开展志愿服务活动不少于14次", C("≥", "14", "次")),
    ("不少于14次", C("≥", "14", "次")),
    ("2000人次以上", C("≥", "2000", "人次")),
    ("完成应急救护知识普及培训2000人次以上", C("≥", "2000", "人次")),
    ("1个", Q("1", "个")),
    ("2个", Q("2", "个")),
    ("不少于7所", C("≥", "7", "所")),
    # --- seed 001: 备注 (定性指标分档原则)
    ("达成预期指标", ACHIEVED),
    ("部分达成预期指标并具有一定效果", PARTLY),
    ("未达成预期指标且效果较差", NOT_ACHIEVED),
    # --- seed 004: 指标一..七 (预期指标值, 年中监控值, 实际完成值, 完成率)
    ("小于等于95.81万元", C("≤", "95.81", "万元")),
    ("预期指标值是小于等于95.81万元", C("≤", "95.81", "万元")),
    ("58.38万元", Q("58.38", "万元")),
    ("85.58万元", Q("85.58", "万元")),
    ("95.66%", Q("95.66", "%")),
    ("等于100%", C("=", "100", "%")),
    ("该预期指标值为等于100%", C("=", "100", "%")),
    ("0%", Q("0", "%")),
    ("62.25%", Q("62.25", "%")),
    ("该预期指标值为大于等于90户", C("≥", "90", "户")),
    ("90户", Q("90", "户")),
    ("447户", Q("447", "户")),
    ("496.67%", Q("496.67", "%")),
    ("大于等于1次", C("≥", "1", "次")),
    ("0次", Q("0", "次")),
    ("1次", Q("1", "次")),
    ("大于等于60份", C("≥", "60", "份")),
    ("60份", Q("60", "份")),
    ("大于等于 95%", C("≥", "95", "%")),
    ("95%", Q("95", "%")),
    ("97%", Q("97", "%")),
    ("102.11%", Q("102.11", "%")),
    # --- seed 004: other figures written with units
    ("1.75 万余元", Q("1.75E+4", "元", "more")),
    ("557 户", Q("557", "户")),
    ("9.92 万元", Q("9.92", "万元")),
    ("6.63%", Q("6.63", "%")),
    # --- seed 003: 绩效指标 sentences, clause by clause
    ("面积不低于 100 平方米", C("≥", "100", "平方米")),
    ("群众满意度达到 90%以上", C("≥", "90", "%")),
    ("应急救护知识普及 3000 人次以上", C("≥", "3000", "人次")),
    ("按时完成工作任务", UNPARSED),
    ("培训宣传普及合格率、各项任务完成及时率达到 90%以上", C("≥", "90", "%")),
    ("满意度达到 90%以上", C("≥", "90", "%")),
    ("社区居民宣传 500 人次以上", C("≥", "500", "人次")),
    ("红十字宣传展牌及宣传资料不少于 1000 份", C("≥", "1000", "份")),
    ("接受社区群众对红十字社区为群众所提供服务的满意度达到 90%以上", C("≥", "90", "%")),
    ("开展无偿献血、造血干细胞及人体和器官捐献等活动对外宣传 5 次", UNPARSED),  # no operator
    ("5 次", Q("5", "次")),
    ("社会影响力和工作满意度达到 90%以上", C("≥", "90", "%")),
    ("开展常规节日志愿服务活动 2 次", UNPARSED),
    ("2 次", Q("2", "次")),
    ("活动开展参与者的满意度达到 90%以上", C("≥", "90", "%")),
    ("开展红十字宣传纪念活动 5 次", UNPARSED),
    ("制作发放外宣品 500 份", UNPARSED),
    ("500 份", Q("500", "份")),
    ("系列活动参与者满意度达到 90%以上", C("≥", "90", "%")),
    ("单位人员对工资福利等发放工作的满意程度达到95%以上", C("≥", "95", "%")),
    ("普及培训初级救护员人数不少于250人", C("≥", "250", "人")),
    ("服务对象满意度达到90%以上", C("≥", "90", "%")),
    ("取得明显效果", UNPARSED),
    # --- seed 003: 绩效目标 amounts, grading bands, budget change
    ("1人", Q("1", "人")),
    ("0.355万元", Q("0.355", "万元")),
    ("0.135327万元", Q("0.135327", "万元")),
    ("1.623924万元", Q("1.623924", "万元")),
    ("6.03万元", Q("6.03", "万元")),
    ("≥ 85 分", C("≥", "85", "分")),
    ("< 60 分", C("<", "60", "分")),
    ("75 ≤ 得分 < 85", UNPARSED),  # a range is not one comparison
    ("增长 5.93%", UNPARSED),  # a change, not a level
    # --- seed 000
    ("达到80%以上", C("≥", "80", "%")),
    ("10个", Q("10", "个")),
    ("6,306,545.19元", Q("6306545.19", "元")),
    ("32,260元", Q("32260", "元")),
    ("优", ("qual", "rating", "好", 3, 3)),  # the grade word: rated 好 (issue 14)
    # --- seed 002
    ("231人", Q("231", "人")),
    ("13场次", Q("13", "场次")),
    ("19名", Q("19", "名")),
    ("6.9万元", Q("6.9", "万元")),
    ("102户", Q("102", "户")),
    ("1台", Q("1", "台")),
    ("1辆", Q("1", "辆")),
    ("2只", Q("2", "只")),
    ("7支", Q("7", "支")),
    ("91.35%", Q("91.35", "%")),
    ("1.12元", Q("1.12", "元")),
    # --- issue 14: forms once refused, read as a reviewer reads them (more in
    # test_valueparse_reviewer.py)
    ("12月前", DATE(12, by=True)),  # 前 includes the month, as 12月31日前 its day
    ("1 849人", Q("1849", "人")),  # a space between thousands
    ("90%-100%", C("≥", "90", "%")),  # a range ending at 100%
    ("100%完成", Q("100", "%")),  # the share done
    # --- conservative refusals: never guess
    ("", UNPARSED),
    ("   ", UNPARSED),
    ("超过10人以上", UNPARSED),  # > and ≥ at once
    (">90%以上", UNPARSED),
    ("约40余篇", UNPARSED),
    ("≥40余篇", UNPARSED),
    ("2023年2月29日", UNPARSED),
    ("13月底", UNPARSED),
    ("每月不少于2次", UNPARSED),
    ("较上年增长10%以上", UNPARSED),
    ("未达到90%", UNPARSED),
    ("1,84人", UNPARSED),
    ("三献", UNPARSED),
    ("一百五", UNPARSED),  # 150 or 105? colloquial shorthand is refused
    ("3千人", UNPARSED),
    ("1849人。", UNPARSED),
    ("是否", UNPARSED),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] or "<empty>" for c in CASES])
def test_table(text: str, expected: Shape) -> None:
    value = parse_value(text)
    assert shape(value) == expected
    assert value.raw == text
    # Whatever is read renders to text that reads back the same.
    assert parse_value(render_value(value)) == value


def test_table_size() -> None:
    assert len({text for text, _ in CASES}) == len(CASES)
    assert len(CASES) >= 80


def test_raw_does_not_take_part_in_equality() -> None:
    assert parse_value("50万页以上") == parse_value("≥50万页")
    assert parse_value("明显") == parse_value("有效")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Comparison(Op.GE, Decimal("12"), "篇"), "≥12篇"),
        (Comparison(Op.LE, Decimal("95.81"), "万元"), "≤95.81万元"),
        (Quantity(Decimal("3E+4"), "人次", Approx.MORE), "3万余人次"),
        (Quantity(Decimal("3E+4"), "人次"), "3万人次"),
        (Quantity(Decimal("1.75E+4"), "元", Approx.MORE), "1.75万余元"),
        (Quantity(Decimal("3E+4"), "元"), "30000元"),  # "3万元" would be 3 万元
        (Quantity(Decimal("30"), "万元", Approx.MORE), "30余万元"),
        (Quantity(Decimal("95"), "%", Approx.ABOUT), "约95%"),
        (Quantity(Decimal("1.20")), "1.20"),
        (Timing(TimingKind.DATE, None, 12, None, True), "12月底"),
        (Timing(TimingKind.DATE, None, 10), "10月完成"),
        (Timing(TimingKind.DATE, 2024, 12, 31, True), "2024年12月31日前"),
        (Timing(TimingKind.ON_SCHEDULE), "按计划时间完成"),
        (Timing(TimingKind.TIMELY), "及时"),
        (Unparsed(" 其他 "), " 其他 "),
    ],
)
def test_render(value: Value, text: str) -> None:
    assert render_value(value) == text


# --- numbers and tables -----------------------------------------------------------------


def test_numbers() -> None:
    v = parse_value(12)
    assert shape(v) == Q("12") and v.raw is None
    assert shape(parse_value(Decimal("8.20"))) == Q("8.20")
    assert shape(parse_value(Decimal("3E+4"))) == Q("3E+4")
    with pytest.raises(TypeError):
        parse_value(True)
    for bad in (Decimal("NaN"), Decimal("Infinity"), Decimal("1E+999999"), 10**1000):
        with pytest.raises(ValueError):
            parse_value(bad)
    with pytest.raises(ValueError, match="must be text, a number or a table"):
        parse_value([1, 2])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"op": ">=", "value": 12, "unit": "篇"}, C("≥", "12", "篇")),
        ({"op": "≥", "value": Decimal("95.81"), "unit": "万元"}, C("≥", "95.81", "万元")),
        ({"op": "＞", "value": 90, "unit": "％"}, C(">", "90", "%")),
        ({"op": "<=", "value": "1,000", "unit": "元"}, C("≤", "1000", "元")),
        ({"op": "<", "value": 5}, C("<", "5")),
        ({"op": "=", "value": 100, "unit": "%"}, C("=", "100", "%")),
        ({"op": "不少于", "value": 200, "unit": "人次"}, C("≥", "200", "人次")),
        ({"op": Op.LE, "value": 3, "unit": "天"}, C("≤", "3", "天")),
        ({"value": 1849, "unit": "人"}, Q("1849", "人")),
        ({"value": 3, "unit": "万人次"}, Q("3E+4", "人次")),  # as "3万人次" reads
        ({"value": 42, "unit": "万页"}, Q("42", "万页")),
        ({"op": None, "value": 7}, Q("7")),
    ],
)
def test_tables(table: dict[str, Any], expected: Shape) -> None:
    value = parse_value(table)
    assert shape(value) == expected
    assert parse_value(render_value(value)) == value


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"op": ">=", "unit": "篇"}, "needs a 'value'"),
        ({"op": ">=", "value": 12, "unit": "篇", "approx": "more"}, "unknown key"),
        ({"op": "~", "value": 12}, "unknown comparison operator"),
        ({"op": 1, "value": 12}, "unknown comparison operator"),
        ({"value": 1.5}, "float"),
        ({"value": True}, "boolean"),
        ({"value": "12篇"}, "must be a number"),
        ({"value": [12]}, "must be a number"),
        ({"value": Decimal("NaN")}, "not a finite number"),
        ({"value": 12, "unit": "篇以上"}, "not understood"),
        ({"value": 12, "unit": 3}, "must be a string"),
        ({"value": 12, "unit": "1篇"}, "not understood"),
    ],
)
def test_bad_tables(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_value(table)
