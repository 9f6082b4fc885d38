"""The report model: report format 1 as frozen, typed objects.

Every key of ``shared/spec/report-format.md`` has a field here, spelled the
same. Money is :class:`~perfrules.document.figures.Money` (normalised to the report's
``money_unit``, keeping its written precision), percentages are
:class:`~perfrules.document.figures.Percent`, targets and actuals are
:data:`~perfrules.document.values.Value`. Objects are built by :func:`perfrules.load` /
:func:`perfrules.loads` through the converter in :mod:`perfrules.document.convert`.
"""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal
from typing import Union

import attrs

from perfrules.document.figures import Money, Percent
from perfrules.document.source import Source
from perfrules.document.values import Value

__all__ = [
    "BUDGET_FIGURES",
    "BUDGET_KEYS",
    "REPORT_PARTS",
    "Budget",
    "Claim",
    "ClaimValue",
    "Evaluation",
    "Indicator",
    "Line",
    "LineKind",
    "Narrative",
    "Report",
    "ReportInfo",
    "ReportKind",
    "TierScore",
    "Waiver",
]


class ReportKind(str, enum.Enum):
    """部门整体支出 (department) or 项目支出 (project) self-evaluation."""

    DEPARTMENT = "department"
    PROJECT = "project"


class LineKind(str, enum.Enum):
    """What a budget line is; decides which root lines partition the budget block."""

    SOURCE = "source"  # 资金来源
    BASIC = "basic"  # 基本支出
    PROJECT = "project"  # 项目支出, or one project
    PERSONNEL = "personnel"  # 人员经费
    PUBLIC = "public"  # 公用经费
    THREE_PUBLIC = "three_public"  # 三公经费 and its items
    FUNCTION = "function"  # 功能分类
    ITEM = "item"  # a budget's own breakdown by purpose
    OTHER = "other"


@attrs.frozen
class ReportInfo:
    """``[report]``: who, what, when."""

    department: str
    year: int
    kind: ReportKind = ReportKind.DEPARTMENT
    title: str | None = None
    region: str | None = None
    filled_on: datetime.date | None = None
    money_unit: str = "万元"
    profile: str | None = None


@attrs.frozen
class Budget:
    """``[budget]``: the budget execution block (预算执行情况). Money in the report's unit."""

    initial: Money | None = None  # 年初预算数
    adjustment: Money | None = None  # 年中调整数 (signed)
    adjusted: Money | None = None  # 调整后预算数 / 全年预算数
    executed: Money | None = None  # 全年执行数
    execution_rate: Percent | None = None  # 预算执行率 as stated
    carryover: Money | None = None  # 年末结转结余
    execution_weight: Decimal | None = None  # points execution is worth on this form
    execution_score: Decimal | None = None  # points the report gives itself
    deviation_reason: str | None = None  # extension: 预算执行率偏离原因
    adjustment_reason: str | None = None  # extension: 预算调整原因


#: The budget block's keys, in the order a 预算执行情况 block lists them.
BUDGET_KEYS: tuple[str, ...] = tuple(f.name for f in attrs.fields(Budget))
#: The budget block's figures: its keys but the two reasons.
BUDGET_FIGURES: tuple[str, ...] = tuple(k for k in BUDGET_KEYS if not k.endswith("_reason"))


@attrs.frozen
class Line:
    """``[[lines]]``: one budget or expenditure line; lines form trees through ``parent``."""

    id: str
    label: str
    parent: str | None = None
    kind: LineKind = LineKind.OTHER
    budget: Money | None = None
    executed: Money | None = None
    share: Percent | None = None
    source: str | None = None


@attrs.frozen
class Indicator:
    """``[[indicators]]``: one performance indicator (绩效指标)."""

    name: str  # 三级指标
    id: str | None = None
    goal: str | None = None  # 年度目标
    tier1: str | None = None  # 一级指标
    tier2: str | None = None  # 二级指标
    target: Value | None = None  # 年初目标值
    actual: Value | None = None  # 实际完成值
    weight: Decimal | None = None  # 分值
    score: Decimal | None = None  # 自评得分
    completion_rate: Percent | None = None  # 完成率
    midyear: Value | None = None  # 年中监控值
    deviation_reason: str | None = None  # 偏差原因
    improvement: str | None = None  # 改进措施
    source: str | None = None

    @property
    def key(self) -> str:
        """The indicator's subject in ``about`` syntax: ``indicator:<id or name>``."""
        return f"indicator:{self.id if self.id is not None else self.name}"


@attrs.frozen
class TierScore:
    """One stated tier subtotal of ``evaluation.tier_scores``."""

    tier: str
    score: Decimal


@attrs.frozen
class Evaluation:
    """``[evaluation]``: the self-assessed score and grade (自评得分, 等级)."""

    score: Decimal | None = None
    grade: str | None = None
    tier_scores: tuple[TierScore, ...] = ()


@attrs.frozen
class Narrative:
    """``[narrative]``: the prose sections rules look at."""

    unmet_targets: str | None = None  # 未完成绩效目标及原因
    problems: str | None = None  # 存在的问题
    measures: str | None = None  # 改进措施
    conclusion: str | None = None  # 评价结论


ClaimValue = Union[bool, Value]  # noqa: UP007 (a runtime alias cattrs dispatches on)


@attrs.frozen
class Claim:
    """``[[claims]]``: a figure or statement the document states a second time."""

    about: str
    value: ClaimValue
    source: str | None = None


@attrs.frozen
class Waiver:
    """``[[waivers]]``: a finding the submitter knowingly accepts, with a reason."""

    rule: str
    about: str | None = None
    reason: str = ""


@attrs.frozen
class Report:
    """A whole report document (format 1).

    ``source`` records where the document came from (file name, text, format)
    so that findings can point at lines; it does not take part in equality.
    """

    report: ReportInfo
    format: int = 1
    budget: Budget | None = None
    lines: tuple[Line, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    evaluation: Evaluation | None = None
    narrative: Narrative | None = None
    claims: tuple[Claim, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    source: Source | None = attrs.field(default=None, eq=False, repr=False)


#: The parts of a report document below ``format``: its tables and arrays of tables, in order.
REPORT_PARTS: tuple[str, ...] = tuple(
    f.name for f in attrs.fields(Report) if f.name not in ("format", "source")
)
