"""Values a reviewer reads without thinking (issue 14), and the neighbours that must not change.

Each form is read as a finance-bureau reviewer reads it (the conventions are in
:mod:`perfrules.document.valueparse` and docs/report-format.md), renders to text
that reads back the same, and sits next to the texts one character away that
must stay unparsed or mean something else. The last tests score a few of them,
so that the reading gives the verdict a reviewer would.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfrules.document.model import Indicator, Report, ReportInfo
from perfrules.document.valueparse import parse_value, render_value, year_of, years_in
from perfrules.scoring.scorer import score
from tests.document.test_valueparse import DATE, UNPARSED, C, Q, Shape, shape


def QUAL(family: str, word: str, rank: int, top: int) -> Shape:
    return ("qual", family, word, rank, top)


GOOD, FAIR, MIDDLE, POOR = (
    QUAL("rating", w, r, 3) for w, r in (("好", 3), ("较好", 2), ("一般", 1), ("差", 0))
)
SATISFIED = QUAL("satisfaction", "满意", 2, 2)
PASSED = QUAL("pass", "合格", 2, 2)
NONE = C("=", "0")

CASES: list[tuple[str, Shape]] = [
    # --- grade words: 优/良/中/差 (财预〔2020〕10号) and 优秀/良好/一般/较差 are the four ratings
    ("优", GOOD),
    ("优秀", GOOD),
    ("良", FAIR),
    ("良好", FAIR),
    ("中", MIDDLE),
    ("中等", MIDDLE),
    ("较差", POOR),
    ("优良", UNPARSED),  # two grades at once
    ("中等偏上", UNPARSED),
    ("良好氛围", UNPARSED),
    # --- satisfaction: 满意 is the top answer
    ("满意", SATISFIED),
    ("非常满意", SATISFIED),
    ("很满意", SATISFIED),
    ("十分满意", SATISFIED),
    ("基本满意", QUAL("satisfaction", "基本满意", 1, 2)),
    ("较满意", QUAL("satisfaction", "基本满意", 1, 2)),
    ("比较满意", QUAL("satisfaction", "基本满意", 1, 2)),
    ("不满意", QUAL("satisfaction", "不满意", 0, 2)),
    ("满意度", UNPARSED),  # the name of a measure, not an answer
    ("群众满意", UNPARSED),
    ("满意度90%", UNPARSED),  # descriptive words are skipped only before an operator
    ("满意度达到90%以上", C("≥", "90", "%")),
    # --- meeting a standard: 合格 and 达标 are one family
    ("合格", PASSED),
    ("达标", PASSED),
    ("已达标", PASSED),
    ("基本合格", QUAL("pass", "基本合格", 1, 2)),
    ("基本达标", QUAL("pass", "基本合格", 1, 2)),
    ("不合格", QUAL("pass", "不合格", 0, 2)),
    ("未达标", QUAL("pass", "不合格", 0, 2)),
    ("不达标", QUAL("pass", "不合格", 0, 2)),
    ("合格率", UNPARSED),
    ("合格率100%", UNPARSED),
    ("合格率达到95%", C("≥", "95", "%")),
    ("2024年第一批", UNPARSED),  # an ordinal is never part of a unit
    # --- none: 零事故, 无投诉 and 无 are the count zero, =0 with no unit
    ("零事故", NONE),
    ("零投诉", NONE),
    ("零差错", NONE),
    ("无安全事故", NONE),
    ("无投诉", NONE),
    ("无", NONE),
    ("零", Q("0")),  # the numeral, as before
    ("0起", Q("0", "起")),
    ("零事故率", UNPARSED),  # a rate's name
    ("零星", UNPARSED),
    ("无事故发生", UNPARSED),
    ("无任何", UNPARSED),
    ("无偿", UNPARSED),
    ("无效", QUAL("effect", "无效", 0, 1)),  # the effect word, as before
    # --- quarters: by the end of the quarter's last month
    ("第四季度完成", DATE(12, by=True)),
    ("第四季度", DATE(12, by=True)),
    ("四季度", DATE(12, by=True)),
    ("第一季度", DATE(3, by=True)),
    ("二季度末", DATE(6, by=True)),
    ("第三季度内完成", DATE(9, by=True)),
    ("第4季度底前", DATE(12, by=True)),
    ("4季度完成", DATE(12, by=True)),
    ("2024年第四季度", DATE(12, year=2024, by=True)),
    ("二〇二四年度第四季度末前", DATE(12, year=2024, by=True)),
    ("第四季度前", UNPARSED),  # before the quarter, or by its end? Not guessed.
    ("第五季度", UNPARSED),
    ("第0季度", UNPARSED),
    ("每季度", UNPARSED),
    ("季度", UNPARSED),
    ("四个季度", UNPARSED),
    ("4季度", Q("4", "季度")),  # a count of quarters, as 10月 is of months
    ("0024年第四季度", UNPARSED),
    # --- 前 after a month includes it, as 以上 includes the number and 12月31日前 the 31st
    ("10月前", DATE(10, by=True)),
    ("10月之前完成", DATE(10, by=True)),
    ("10月以前", DATE(10, by=True)),
    ("十月前", DATE(10, by=True)),
    ("2024年10月前", DATE(10, year=2024, by=True)),
    ("10月15日前", DATE(10, day=15, by=True)),  # as before
    ("10月前后", UNPARSED),  # around October
    ("13月前", UNPARSED),
    ("10月前完成培训", UNPARSED),
    ("10月", Q("10", "月")),  # a count of months, as before
    # --- the year's end
    ("年底前", DATE(12, by=True)),
    ("年末", DATE(12, by=True)),
    ("年内完成", DATE(12, by=True)),
    ("本年度内完成", DATE(12, by=True)),
    ("当年底前完成", DATE(12, by=True)),
    ("2024年度内", DATE(12, year=2024, by=True)),
    ("二○二四年底", DATE(12, year=2024, by=True)),  # ○ typed for 〇
    ("二○二四年十二月三十一日前", DATE(12, year=2024, day=31, by=True)),
    ("年前", UNPARSED),  # before the Spring Festival, not the year's end
    ("年底后", UNPARSED),
    ("明年底", UNPARSED),
    # --- a space between thousands
    ("1 200人", Q("1200", "人")),
    ("1 200 人", Q("1200", "人")),
    ("1　200人", Q("1200", "人")),  # ideographic space
    ("1\u00a0200人", Q("1200", "人")),  # no-break space
    ("1\u202f200人", Q("1200", "人")),  # narrow no-break space
    ("12 345 678.50元", Q("12345678.50", "元")),
    ("≥1 200人次", C("≥", "1200", "人次")),
    ("不少于1 200人次", C("≥", "1200", "人次")),
    ("完成培训1 200人次以上", C("≥", "1200", "人次")),
    ("1 2人", UNPARSED),  # not a group of three
    ("1 20人", UNPARSED),
    ("1 2000人", UNPARSED),
    ("12 00人", UNPARSED),
    ("1234 567人", UNPARSED),
    ("1,200 300人", UNPARSED),  # a comma and a space: not one number
    ("1 200,300人", UNPARSED),
    # --- the share of the work done
    ("100%完成", Q("100", "%")),
    ("完成100%", Q("100", "%")),
    ("百分之百完成", Q("100", "%")),
    ("≥95%完成", C("≥", "95", "%")),
    ("95%以上完成", C("≥", "95", "%")),
    ("100人完成", UNPARSED),  # a count of people, not a share
    ("完成100人", UNPARSED),
    ("100%完成率", UNPARSED),
    ("完成完成100%", UNPARSED),
    ("约100%完成", Q("100", "%", "about")),
    # --- a percentage range that ends at 100% is its lower bound
    ("95%-100%", C("≥", "95", "%")),
    ("95-100%", C("≥", "95", "%")),
    ("95%～100%", C("≥", "95", "%")),
    ("95%~100%", C("≥", "95", "%")),
    ("95%〜100%", C("≥", "95", "%")),
    ("95%—100%", C("≥", "95", "%")),
    ("95%–100%", C("≥", "95", "%")),
    ("95%－100%", C("≥", "95", "%")),
    ("95%至100%", C("≥", "95", "%")),
    ("95%到100%", C("≥", "95", "%")),
    ("95.5%-100.0%", C("≥", "95.5", "%")),
    ("100%-100%", C("≥", "100", "%")),
    ("90%-95%", UNPARSED),  # met by 96%? Not one comparison.
    ("10-20人", UNPARSED),
    ("95%-100", UNPARSED),
    ("95%-100%以上", UNPARSED),
    ("≥95%-100%", UNPARSED),
    ("120%-100%", UNPARSED),
    ("-5%-100%", UNPARSED),
    ("95%-101%", UNPARSED),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reading(text: str, expected: Shape) -> None:
    value = parse_value(text)
    assert shape(value) == expected
    assert value.raw == text
    assert parse_value(render_value(value)) == value


def test_cases_are_distinct() -> None:
    assert len({text for text, _ in CASES}) == len(CASES)


def test_grade_words_equal_the_ratings_they_stand_for() -> None:
    assert parse_value("优") == parse_value("好") == parse_value("优秀")
    assert parse_value("达标") == parse_value("合格")
    assert parse_value("非常满意") == parse_value("满意")
    assert parse_value("零事故") == parse_value("无") == parse_value("=0")


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2022年度部门整体支出绩效自评报告", (2022,)),
        ("二〇二二年度部门整体支出绩效自评报告", (2022,)),
        ("二零二二年部门整体支出绩效自评报告", (2022,)),
        ("二○二二年度部门整体支出绩效自评报告", (2022,)),
        ("２０２２年度部门整体支出绩效自评报告", (2022,)),
        ("2022 年度部门整体支出绩效自评报告", (2022,)),
        ("一九九九年度报告", (1999,)),
        ("2023年度绩效自评报告（2024年3月）", (2023, 2024)),
        ("二〇二三年度报告（2024年）", (2023, 2024)),
        ("12022年度报告", ()),  # five digits are not a year
        ("二〇二年度报告", ()),  # three digits
        ("三〇二二年度报告", ()),  # not 19xx or 20xx
        ("2122年", ()),
        ("2022", ()),  # no 年
        ("部门整体支出绩效自评报告", ()),
        ("", ()),
    ],
)
def test_years_in_a_title(text: str, years: tuple[int, ...]) -> None:
    assert years_in(text) == years
    assert year_of(text) == (years[0] if years else None)


# --- the verdicts these readings give ---------------------------------------------------


def _met(target: str, actual: str) -> bool | None:
    indicator = Indicator(
        "指标", target=parse_value(target), actual=parse_value(actual), weight=Decimal(10)
    )
    sheet = score(Report(ReportInfo("某单位", 2024), indicators=(indicator,)), "national")
    return sheet.indicators[0].met


@pytest.mark.parametrize(
    ("target", "actual", "met"),
    [
        ("零事故", "无", True),
        ("零事故", "0起", True),
        ("零事故", "2起", False),
        ("无", "无", True),
        ("≥12篇", "无", None),  # a bare 无 against ≥: not filled in (PR030)
        ("第四季度完成", "12月底完成", True),
        ("第四季度完成", "2025年1月10日", False),
        ("10月前", "10月完成", True),
        ("10月前", "11月完成", False),
        ("年底前", "2024年12月31日", True),
        ("优", "优秀", True),
        ("优", "良", False),
        ("良", "较好", True),
        ("满意", "非常满意", True),
        ("满意", "基本满意", False),
        ("达标", "合格", True),
        ("合格", "不达标", False),
        ("95%-100%", "96%", True),
        ("95%-100%", "90%", False),
        ("100%完成", "100%", True),
        ("100%", "100%完成", True),
        ("≥1 200人", "1 180人", False),
    ],
)
def test_verdicts(target: str, actual: str, met: bool) -> None:
    assert _met(target, actual) is met
