"""The catalogue's score formulas: how an indicator's or the execution part's score was reached, with its inputs."""

from __future__ import annotations

from perfrules.messages import Message

# --- an indicator (scoring/indicatorscore.py) ---------------------------------------------


class NotScored(Message):
    id = "formula.not-scored"
    zh = "未评分：{reason}"
    en = "not scored: {reason}"


class QualitativeBand(Message):
    id = "formula.qualitative-band"
    zh = "定性 {actual} → {word}：{low}–{high}% × {weight} = [{lo}, {hi}{upper}"
    en = "qualitative {actual} → {word}: {low}–{high}% of {weight} = [{lo}, {hi}{upper}"


class NothingStated(Message):
    id = "formula.nothing-stated"
    zh = "；未自评：{score}"
    en = "; nothing stated: {score}"


class StatedInBand(Message):
    id = "formula.stated-in-band"
    zh = "；自评 {stated} 在区间内：{score}"
    en = "; stated {stated} in band: {score}"


class StatedOutsideBand(Message):
    id = "formula.stated-outside-band"
    zh = "；自评 {stated} 在区间外，取区间内最近值：{score}"
    en = "; stated {stated} outside the band, nearest in band: {score}"


class TimingMet(Message):
    id = "formula.timing-met"
    zh = "时间目标 {target}，完成 {actual}：达成，满分 {weight}"
    en = "time target {target}, done {actual}: met, full marks {weight}"


class TimingMissed(Message):
    id = "formula.timing-missed"
    zh = "时间目标 {target}，完成 {actual}：未达成，0"
    en = "time target {target}, done {actual}: missed, 0"


class Met(Message):
    id = "formula.met"
    zh = "{op} 达成（实际 {actual}，目标 {target}）：满分 {weight}"
    en = "{op} met ({actual} vs {target}): full marks {weight}"


class ZeroTargetMissed(Message):
    id = "formula.zero-target-missed"
    zh = "{op} 目标 0{unit}，实际 {actual}：0"
    en = "{op} target 0{unit} missed by {actual}: 0"


class LinearToDouble(Message):
    id = "formula.linear-to-double"
    zh = "(2 × 目标 − 实际)/目标 × 分值 = (2 × {target} − {actual})/{target} × {weight} = {score}"
    en = "(2 × target − actual)/target × weight = (2 × {target} − {actual})/{target} × {weight} = {score}"


class TargetOverActual(Message):
    id = "formula.target-over-actual"
    zh = "目标/实际 × 分值 = {target}/{actual} × {weight} = {score}"
    en = "target/actual × weight = {target}/{actual} × {weight} = {score}"


class ActualOverTarget(Message):
    id = "formula.actual-over-target"
    zh = "实际/目标 × 分值 = {actual}/{target} × {weight} = {score}"
    en = "actual/target × weight = {actual}/{target} × {weight} = {score}"


# --- the execution part (scoring/sheet.py) ------------------------------------------------


class NoExecutionPart(Message):
    id = "formula.no-execution-part"
    zh = "不设预算执行率分值"
    en = "no execution part"


class NoExecutionWeight(Message):
    id = "formula.no-execution-weight"
    zh = "不设预算执行率分值（分值 0）"
    en = "no execution part (weight 0)"


class RateComputed(Message):
    id = "formula.rate-computed"
    zh = "执行率 = 执行数/{basis} = {executed}/{amount} = {rate}%"
    en = "rate = executed/{basis} = {executed}/{amount} = {rate}%"


class RateStated(Message):
    id = "formula.rate-stated"
    zh = "执行率 = {rate}%（报告所填）"
    en = "rate = {rate}% (stated)"


class RateCapped(Message):
    id = "formula.rate-capped"
    zh = "；超过 {cap}% 按 {cap}% 计：{cap}% × {weight} = {score}"
    en = "; capped at {cap}%: {cap}% × {weight} = {score}"


class RateTimesWeight(Message):
    id = "formula.rate-times-weight"
    zh = "；执行率 × 分值 = {rate}% × {weight} = {score}"
    en = "; rate × weight = {rate}% × {weight} = {score}"
