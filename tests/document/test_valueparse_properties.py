"""Properties of the value parser: rendering round-trips, and no text makes it raise."""

from __future__ import annotations

import calendar
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

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

# --- hypothesis: round trips --------------------------------------------------------------

#: Units the parser produces after a number (any written unit is kept; these cover the
#: special ones: 万/亿 compounds, numeral-led 千米, 月/年 next to dates, symbols).
UNITS = [
    "", "人", "人次", "名", "户", "篇", "期", "次", "场", "场次", "种", "个", "份", "人份", "所",
    "家", "项", "台", "辆", "只", "例", "平方米", "万页", "万元", "亿元", "元", "%", "‰", "天",
    "月", "年", "分", "千米", "个百分点", "元/人", "kg",
]  # fmt: skip
COMPOUND = ("万元", "亿元", "万页")


def multiplier_for(exponent: int) -> str | None:
    """The multiplier the canonical form uses for a positive exponent (None beyond 万亿)."""
    for power, word in ((4, "万"), (8, "亿"), (12, "万亿")):
        if exponent <= power:
            return word
    return None


def keeps_exponent(value: Decimal, unit: str, more: bool) -> bool:
    """Whether the canonical text can carry this exponent (independent of the renderer)."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent <= 0:
        return True
    word = multiplier_for(exponent)
    if word is None:
        return False
    if more:
        return True  # 余 separates the multiplier from the unit: 3万余元
    if (word + unit).startswith(COMPOUND):
        return False  # 3万元 is 3 万元, 3亿元 is 3 亿元
    return not (word == "万" and unit.startswith("亿"))  # 3万亿元 reads 万亿 as one multiplier


decimals = st.builds(
    lambda sign, digits, exponent: Decimal((sign, tuple(digits), exponent)),
    st.integers(0, 1),
    st.lists(st.integers(0, 9), min_size=1, max_size=12),
    st.integers(-8, 14),
)
units = st.sampled_from(UNITS)
comparisons = st.builds(Comparison, st.sampled_from(list(Op)), decimals, units)
quantities = st.builds(Quantity, decimals, units, st.sampled_from([None, *Approx]))


@st.composite
def dates(draw: st.DrawFn) -> Timing:
    year = draw(st.none() | st.integers(1900, 2100))
    month = draw(st.integers(1, 12))
    last = 29 if year is None and month == 2 else calendar.monthrange(year or 2001, month)[1]
    day = draw(st.none() | st.integers(1, last))
    return Timing(TimingKind.DATE, year, month, day, draw(st.booleans()))


QUALITATIVE_WORDS = ["是", "否", "达成", "部分达成", "未达成", "完成", "未完成"]
QUALITATIVE_WORDS += ["好", "较好", "一般", "差", "有效", "无效"]
QUALITATIVE_WORDS += ["满意", "基本满意", "不满意", "合格", "基本合格", "不合格"]
timings = dates() | st.sampled_from([Timing(TimingKind.ON_SCHEDULE), Timing(TimingKind.TIMELY)])
qualitatives = st.sampled_from([parse_value(w) for w in QUALITATIVE_WORDS])
values = comparisons | quantities | timings | qualitatives | st.text().map(Unparsed)


@given(values)
@example(Quantity(Decimal("3E+4"), "人次"))
@example(Quantity(Decimal("3E+4"), "元"))
@example(Quantity(Decimal("3E+4"), "元", Approx.MORE))
@example(Comparison(Op.GE, Decimal("0E+5"), "亿元"))
@example(Quantity(Decimal("-0.00"), "%", Approx.ABOUT))
@settings(max_examples=1000)
def test_render_round_trip(value: Value) -> None:
    if isinstance(value, Unparsed) and not isinstance(parse_value(value.raw), Unparsed):
        return  # text that reads as something else is not an Unparsed the parser produces
    text = render_value(value)
    back = parse_value(text)
    assert back == value, text
    if isinstance(value, (Comparison, Quantity)):
        assert isinstance(back, (Comparison, Quantity))
        more = isinstance(value, Quantity) and value.approx is Approx.MORE
        if keeps_exponent(value.value, value.unit, more):
            assert back.value.as_tuple().exponent == value.value.as_tuple().exponent, text
            assert str(back.value) == str(value.value), text


@given(decimals)
def test_number_round_trip(number: Decimal) -> None:
    value = parse_value(number)
    back = parse_value(render_value(value))
    assert back == value
    assert isinstance(back, Quantity)
    if keeps_exponent(number, "", more=False):
        assert str(back.value) == str(number)


# --- hypothesis: the parser never raises ----------------------------------------------------


def check_text(text: str) -> None:
    value = parse_value(text)
    assert isinstance(value, (Comparison, Quantity, Timing, Qualitative, Unparsed))
    assert value.raw == text
    if not isinstance(value, Unparsed):
        back = parse_value(render_value(value))
        assert back == value
        if isinstance(value, (Comparison, Quantity)):
            assert isinstance(back, (Comparison, Quantity))
            more = isinstance(value, Quantity) and value.approx is Approx.MORE
            if keeps_exponent(value.value, value.unit, more):
                assert str(back.value) == str(value.value)


@given(st.text())
@settings(max_examples=500)
def test_arbitrary_text(text: str) -> None:
    check_text(text)


VOCABULARY = [
    *"0123456789", *"０１２３４５６７８９", *".,，．-－+ 　", *"万亿余多约≥≤＞＜＝><=%％",
    *"零〇一二两三四五六七八九十百千", "百分之", "左右", "及", "以上", "以下", "以内",
    "不少于", "不低于", "不超过", "大于等于", "小于等于", "大于", "超过", "达到", "达", "等于",
    "人", "人次", "篇", "种", "户", "万页", "万元", "元", "平方米", "个", "千米",
    "年", "月", "日", "号", "底", "末", "前", "之前", "内", "完成", "于", "按时", "及时",
    "是", "否", "达成", "部分", "未", "有效", "满意度", "面积", "、", "增长", "每", "新增",
    "第", "季度", "度", "本", "○", "零", "无", "事故", "投诉", "优", "良", "中", "满意", "基本",
    "非常", "合格", "达标", "不", "~", "～", "〜", "至", "到", "—", "–", "\u00a0", "\u202f",
]  # fmt: skip


@given(st.lists(st.sampled_from(VOCABULARY), max_size=12).map("".join))
@settings(max_examples=3000)
@example("3万余万元")
@example("30余万万元")
@example("0.0万亿元")
@example("约3万亿元")
@example("95%-100%完成")
@example("完成第四季度")
@example("1 200 300.5万余元")
def test_vocabulary_text(text: str) -> None:
    check_text(text)
