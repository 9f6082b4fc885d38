"""The catalogue's reasons: why an indicator or the budget-execution part could not be scored (``IndicatorScore.reason``).

Each entry's id is ``reason.`` and the reason code (:data:`REASONS` maps the
code to its entry).
"""

from __future__ import annotations

from perfrules.messages import Message


class NoWeight(Message):
    id = "reason.no-weight"
    zh = "未填写分值"
    en = "no weight is given"


class BadWeight(Message):
    id = "reason.bad-weight"
    zh = "分值为负数"
    en = "the weight is negative"


class NoTarget(Message):
    id = "reason.no-target"
    zh = "缺少年初目标值"
    en = "no target is given"


class NoActual(Message):
    id = "reason.no-actual"
    zh = "缺少实际完成值"
    en = "no actual is given"


class UnreadableTarget(Message):
    id = "reason.unreadable-target"
    zh = "无法识别目标值“{target}”"
    en = "the target {target!r} cannot be read"


class UnreadableActual(Message):
    id = "reason.unreadable-actual"
    zh = "无法识别实际完成值“{actual}”"
    en = "the actual {actual!r} cannot be read"


class Units(Message):
    id = "reason.units"
    zh = "目标值与实际完成值单位不同（{target_unit} / {actual_unit}）"
    en = "target and actual are in different units ({target_unit} / {actual_unit})"


class Mismatch(Message):
    id = "reason.mismatch"
    zh = "目标值“{target}”与实际完成值“{actual}”无法比较"
    en = "the target {target!r} and the actual {actual!r} cannot be compared"


class NoDate(Message):
    id = "reason.no-date"
    zh = "时间目标“{target}”与实际“{actual}”缺少可比较的日期"
    en = "the time target {target!r} and the actual {actual!r} give no dates to compare"


class NoBudget(Message):
    id = "reason.no-budget"
    zh = "缺少预算执行数据"
    en = "the budget block is missing"


class NoRate(Message):
    id = "reason.no-rate"
    zh = "缺少执行数或{basis}，也未填报执行率"
    en = "no executed amount or {basis}, and no stated execution rate"


class BasisAdjusted(Message):
    id = "reason.basis.adjusted"
    zh = "调整后预算数"
    en = "adjusted budget"


class BasisInitial(Message):
    id = "reason.basis.initial"
    zh = "年初预算数"
    en = "initial budget"


#: The entry of each reason code.
REASONS: dict[str, type[Message]] = {
    cls.id.removeprefix("reason."): cls
    for cls in (
        NoWeight,
        BadWeight,
        NoTarget,
        NoActual,
        UnreadableTarget,
        UnreadableActual,
        Units,
        Mismatch,
        NoDate,
        NoBudget,
        NoRate,
    )
}

#: The name of each execution-rate basis (``adjusted``, ``initial``).
BASES: dict[str, type[Message]] = {"adjusted": BasisAdjusted, "initial": BasisInitial}
