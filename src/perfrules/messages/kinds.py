"""The catalogue's rule kinds: the words a kind puts into its findings' messages (a field's name, a level, what is missing).

The findings' own templates live with their rules in the packs (rules/*.toml);
a kind's ``Args`` field that holds one of these messages is rendered in the
finding's language.
"""

from __future__ import annotations

from perfrules.messages import Listing, Message, entries


class Target(Message):
    id = "kinds.target"
    zh = "年初目标值"
    en = "target"


class Actual(Message):
    id = "kinds.actual"
    zh = "实际完成值"
    en = "actual"


class Midyear(Message):
    id = "kinds.midyear"
    zh = "年中监控值"
    en = "mid-year value"


class TotalScore(Message):
    id = "kinds.total-score"
    zh = "总得分"
    en = "total score"


class Grade(Message):
    id = "kinds.grade"
    zh = "评价等级"
    en = "grade"


class DeviationReason(Message):
    id = "kinds.deviation-reason"
    zh = "偏差原因"
    en = "deviation reason"


class ReasonAndMeasure(Message):
    id = "kinds.reason-and-measure"
    zh = "偏差原因和改进措施"
    en = "deviation reason and improvement measure"


class FirstTier(Message):
    id = "kinds.first-tier"
    zh = "一级指标"
    en = "first-level tier"


class SecondTier(Message):
    id = "kinds.second-tier"
    zh = "二级指标"
    en = "second-level tier"


class StatedRate(Message):
    id = "kinds.stated-rate"
    zh = "执行率 {rate}"
    en = "an execution rate of {rate}"


class StatedScore(Message):
    id = "kinds.stated-score"
    zh = "执行得分 {score}"
    en = "an execution score of {score}"


class OtherBasis(Message):
    id = "kinds.other-basis"
    zh = "；所报执行率与按{basis}（{amount}）计算的结果一致，口径与本配置方案不同"
    en = "; the stated rate matches the {basis} ({amount}) instead, a different basis from this profile's"


class IndicatorsMissed(Message):
    id = "kinds.indicators-missed"
    zh = "指标未完成：{names}"
    en = "indicators missed their targets: {names}"


class OwnTextUnmet(Message):
    id = "kinds.own-text-unmet"
    zh = "报告自述有目标未完成"
    en = "the report's own text says a target was not met"


class ANumber(Message):
    id = "kinds.a-number"
    zh = "数值"
    en = "a number"


class AQualitativeWord(Message):
    id = "kinds.a-qualitative-word"
    zh = "定性表述"
    en = "a qualitative word"


class ADate(Message):
    id = "kinds.a-date"
    zh = "日期"
    en = "a date"


class ATimeWithoutDate(Message):
    id = "kinds.a-time-without-date"
    zh = "未写明日期的时间表述"
    en = "a time without a date"


class UnreadableText(Message):
    id = "kinds.unreadable-text"
    zh = "无法识别的文字"
    en = "unreadable text"


class Clipped(Message):
    """A long value in a message: its start and its length (:func:`perfrules.rules.findings.clip`)."""

    id = "kinds.clipped"
    zh = "{start}…（共 {length} 字）"
    en = "{start}… ({length} characters)"


#: The name of each budget figure on the form (``kinds.figure.<key>``); in English, the key itself.
FIGURES = entries(
    "kinds.figure",
    {
        "budget": ("预算数", "budget"),
        "executed": ("执行数", "executed"),
        "adjusted": ("调整后预算数", "adjusted"),
        "initial": ("年初预算数", "initial"),
    },
)

#: The budget block's figures as the unit-slip finding names them (``kinds.block-figure.<key>``).
BLOCK_FIGURES = entries(
    "kinds.block-figure",
    {
        "executed": ("全年执行数", "executed"),
        "adjusted": ("全年预算数", "adjusted"),
        "initial": ("年初预算数", "initial"),
    },
)

#: The budget block's figures as the rounding findings name them (``kinds.budget-figure.<key>``).
BUDGET_FIGURES = entries(
    "kinds.budget-figure",
    {
        "executed": ("全年执行数", "executed amount"),
        "adjusted": ("调整后预算数", "adjusted budget"),
        "initial": ("年初预算数", "initial budget"),
    },
)

#: What a unit slip breaks, and the checks that read a slipped figure as meant.
RELATIONS = entries("kinds.relation", {"sum": ("合计", "sum"), "share": ("占比", "share")})
CHECKS = entries(
    "kinds.check",
    {
        "execution-rate": ("预算执行率", "execution rate"),
        "over-budget": ("超预算", "over-budget"),
        "execution-score": ("执行得分", "execution score"),
    },
)


class Series(Listing):
    """Names in a row: 、-separated in Chinese; in English comma-separated, "and" before the last."""

    id = "kinds.series"
    zh = "{items}"
    en = "{items}"
    last = ("、", " and ")


class ReadAsMeant(Message):
    id = "kinds.read-as-meant"
    zh = "；{checks}等均按 {meant} 判断"
    en = "; the {checks} checks read it as {meant}"


class ReadAsMeantOne(Message):
    id = "kinds.read-as-meant-one"
    zh = "；{checks}等均按 {meant} 判断"
    en = "; the {checks} check reads it as {meant}"


class RateSubject(Message):
    id = "kinds.rate-subject"
    zh = "预算执行率（全年执行数 ÷ {basis}）"
    en = "the execution rate (executed ÷ {basis})"


class ShareSubject(Message):
    id = "kinds.share-subject"
    zh = "“{label}”的占比"
    en = "the share of '{label}'"


class LineFigureSubject(Message):
    id = "kinds.line-figure-subject"
    zh = "“{label}”的{figure}"
    en = "'{label}' {figure}"


class BudgetFigureSubject(Message):
    id = "kinds.budget-figure-subject"
    zh = "预算表的{figure}"
    en = "the budget block's {figure}"


class IndicatorFigureSubject(Message):
    id = "kinds.indicator-figure-subject"
    zh = "指标“{name}”的{figure}"
    en = "the {figure} of indicator '{name}'"


#: An indicator's figures as a claim names them (``indicator:<name>.<key>``), beside Target, Actual, Midyear.
INDICATOR_FIGURES = entries(
    "kinds.indicator-figure",
    {
        "weight": ("分值", "weight"),
        "score": ("得分", "score"),
        "completion_rate": ("完成率", "completion rate"),
    },
)


class AdjustedSubject(Message):
    id = "kinds.adjusted-subject"
    zh = "调整后预算数"
    en = "the adjusted budget"
