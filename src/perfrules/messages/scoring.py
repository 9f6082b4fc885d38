"""The catalogue's scoring stage: what is wrong in a scoring profile, and why an indicator or the execution part cannot be scored."""

from __future__ import annotations

from perfrules.messages import Message

# --- a profile's values (scoring/validation.py) ----------------------------------------


class NoneListed(Message):
    id = "scoring.none-listed"
    zh = "无"
    en = "none"


class Years(Message):
    id = "scoring.years"
    zh = "years 应为 [起始年] 或 [起始年, 终止年]（起始年不晚于终止年）"
    en = "years must be [first] or [first, last] with first ≤ last"


class NoGrades(Message):
    id = "scoring.no-grades"
    zh = "至少需要一个等级"
    en = "a profile needs at least one grade band"


class GradeWordUsed(Message):
    id = "scoring.grade-word-used"
    zh = "等级用语 {word!r} 已用于 grades[{index}]"
    en = "grade word {word!r} is already used by grades[{index}]"


class BestBandMax(Message):
    id = "scoring.best-band-max"
    zh = "最高等级不设 max（上不封顶）"
    en = "the best band has no max (it runs to the top of the scale)"


class GradesMeet(Message):
    id = "scoring.grades-meet"
    zh = "等级区间须首尾相接：max {max} 不等于上一等级的 min {above}"
    en = "bands must meet: max {max} ≠ the min {above} of the better band above"


class EmptyBand(Message):
    id = "scoring.empty-band"
    zh = "等级区间为空：min {min} ≥ max {max}"
    en = "empty band: min {min} ≥ max {max}"


class MinOutside(Message):
    id = "scoring.min-outside"
    zh = "min {min} 超出 0～{total}"
    en = "min {min} is outside 0..{total}"


class WorstBandZero(Message):
    id = "scoring.worst-band-zero"
    zh = "最低等级须从 0 分起"
    en = "the worst band must start at 0"


class QualitativeLevels(Message):
    id = "scoring.qualitative-levels"
    zh = "定性分档须依次为 {levels}（实际为 {found}）"
    en = "qualitative bands must be the levels {levels} in this order (found {found})"


class QualitativeTop(Message):
    id = "scoring.qualitative-top"
    zh = "最高定性档须止于 100（分值的百分比）"
    en = "the best qualitative band must end at 100 (percent of the weight)"


class BandOutside(Message):
    id = "scoring.band-outside"
    zh = "分档 [{min}, {max}) 不在 0～100 之内"
    en = "band [{min}, {max}) is not inside 0..100"


class BandsMeet(Message):
    id = "scoring.bands-meet"
    zh = "分档须首尾相接：max {max} 不等于 {above}"
    en = "bands must meet: max {max} ≠ {above}"


class QualitativeBottom(Message):
    id = "scoring.qualitative-bottom"
    zh = "最低定性档须从 0 起"
    en = "the lowest qualitative band must start at 0"


class TotalPositive(Message):
    id = "scoring.total-positive"
    zh = "满分须为正数"
    en = "total must be positive"


class TierListed(Message):
    id = "scoring.tier-listed"
    zh = "一级指标 {name!r} 已在 tiers[{index}] 列出"
    en = "tier {name!r} is already listed at tiers[{index}]"


class NegativeWeight(Message):
    id = "scoring.negative-weight"
    zh = "分值不能为负"
    en = "a weight cannot be negative"


class WeightOutside(Message):
    id = "scoring.weight-outside"
    zh = "分值 {weight} 超出 0～{total}"
    en = "weight {weight} is outside 0..{total}"


class CapPositive(Message):
    id = "scoring.cap-positive"
    zh = "上限须为正的百分比"
    en = "cap must be a positive percentage"


class ReasonBelow(Message):
    id = "scoring.reason-below"
    zh = "reason_below 为 0～100 的百分比（0 表示不设）"
    en = "reason_below is a percentage in 0..100 (0: no threshold)"


class ExceededRatio(Message):
    id = "scoring.exceeded-ratio"
    zh = "exceeded_ratio 为相对目标值的倍数，不小于 1（1.30 即 130%）"
    en = "exceeded_ratio is a ratio of the target, at least 1 (1.30 = 130%)"


class Places(Message):
    id = "scoring.places"
    zh = "小数位数须为 0～6"
    en = "places must be 0..6"


class WeightsTotal(Message):
    id = "scoring.weights-total"
    zh = "各一级指标分值与预算执行分值之和为 {sum}，不等于满分 {total}"
    en = "tier weights plus the execution weight add up to {sum}, not the total {total}"


# --- loading a profile (scoring/profiles.py) -------------------------------------------


class ProfileId(Message):
    id = "scoring.profile-id"
    zh = "配置方案 id {id!r} 只能由小写字母、数字、- 或 _ 组成"
    en = "profile id {id!r} must be lower-case letters, digits, '-' or '_'"


class ExtendsNothing(Message):
    id = "scoring.extends-nothing"
    zh = "extends 指向的配置方案不存在：{extends!r}（内置：{known}）"
    en = "extends names no profile: {extends!r} (built-in: {known})"


class ExtendsCycle(Message):
    id = "scoring.extends-cycle"
    zh = "配置方案的 extends 形成循环：{cycle}"
    en = "profiles extend each other in a cycle: {cycle}"


class YearsDisjoint(Message):
    id = "scoring.years-disjoint"
    zh = "本配置方案与其所继承方案的适用年度没有交集（{spans}）"
    en = "the years of this profile and of the profiles it extends do not overlap ({spans})"


class NotInForce(Message):
    id = "scoring.not-in-force"
    zh = "配置方案 {id!r} 适用于 {years} 年度的报告，不适用于 {year} 年度"
    en = "profile {id!r} applies to report years {years}, not {year}"


class BuiltinId(Message):
    id = "scoring.builtin-id"
    zh = "内置配置方案的 id 须与文件名一致：{name}.toml 中为 {id!r}"
    en = "a built-in profile's id must be its file name: {id!r} in {name}.toml"


class YearInteger(Message):
    id = "scoring.year-integer"
    zh = "年度须为整数，而非 {year!r}"
    en = "year must be an integer, not {year!r}"
