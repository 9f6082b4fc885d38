"""The catalogue's rules stage: what is wrong in a rule pack, a perfrules.toml configuration, or a rule's link to its kind."""

from __future__ import annotations

from perfrules.messages import Message


class ParamType(Message):
    id = "rules.param-type"
    zh = "应为 {type}，实际为 {value!r}"
    en = "expected a {type}, found {value!r}"


class UnknownFields(Message):
    id = "rules.unknown-fields"
    zh = "模板中的字段 {fields} 不存在；可用：{available}"
    en = "unknown template field(s) {fields}; available: {available}"


class BadYears(Message):
    id = "rules.bad-years"
    zh = "years 应为 [起始年, 终止年]"
    en = "years must be [first, last] with first ≤ last"


class RuleName(Message):
    id = "rules.rule-name"
    zh = "规则名 {name!r} 应为以 - 连接的小写单词"
    en = "rule name {name!r} must be lower-case words joined by '-'"


class KindOrExpression(Message):
    id = "rules.kind-or-expression"
    zh = "规则必须且只能有 kind 或 expression 之一"
    en = "a rule needs exactly one of 'kind' or 'expression'"


class ExpressionOnly(Message):
    id = "rules.expression-only"
    zh = "{key} 仅用于表达式规则"
    en = "'{key}' belongs to expression rules"


class BadTemplate(Message):
    id = "rules.bad-template"
    zh = "模板有误：{error}"
    en = "bad template: {error}"


class NoRule(Message):
    id = "rules.no-rule"
    zh = "没有规则 {rule}"
    en = "no rule {rule}"


class NothingSelected(Message):
    id = "rules.nothing-selected"
    zh = "配置未选中任何规则"
    en = "the configuration leaves no rule selected"


class NotASelector(Message):
    id = "rules.not-a-selector"
    zh = "{selector!r} 既不是规则编号也不是类别"
    en = "{selector!r} is neither a rule id nor a category"


class NoParameter(Message):
    id = "rules.no-parameter"
    zh = "规则 {rule} 没有参数 {name!r}（可用：{choices}）"
    en = "rule {rule} has no parameter {name!r} (it has: {choices})"


class PackInvalid(Message):
    id = "rules.pack-invalid"
    zh = "规则包 {pack} 有误"
    en = "rule pack {pack} is invalid"


class KindNoParameter(Message):
    id = "rules.kind-no-parameter"
    zh = "检查类型 {kind} 没有参数 {name!r}（可用：{listed}）"
    en = "kind {kind} has no parameter {name!r} (it takes: {listed})"


class KindParameterType(Message):
    id = "rules.kind-parameter-type"
    zh = "检查类型 {kind} 的参数 {name!r} 应为 {takes}，而非 {type}"
    en = "kind {kind} takes {name!r} as a {takes}, not a {type}"


class KindNeedsParameter(Message):
    id = "rules.kind-needs-parameter"
    zh = "检查类型 {kind} 需要参数 {name!r}（{type}），请声明并给出默认值"
    en = "kind {kind} needs the parameter {name!r} ({type}): declare it with its default"


class Between(Message):
    id = "rules.between"
    zh = "为 {low} 至 {high}"
    en = "from {low} to {high}"


class AtLeast(Message):
    id = "rules.at-least"
    zh = "不小于 {low}"
    en = "at least {low}"


class AtMost(Message):
    id = "rules.at-most"
    zh = "不大于 {high}"
    en = "at most {high}"


class BoundsForNumbers(Message):
    id = "rules.bounds-for-numbers"
    zh = "{key} 仅用于 decimal 和 integer 类型的参数，不能用于 {type}"
    en = "'{key}' is for decimal and integer parameters, not {type}"


class MaxBelowMin(Message):
    id = "rules.max-below-min"
    zh = "max（{high}）小于 min（{low}）"
    en = "max ({high}) is below min ({low})"


class NotPlainField(Message):
    id = "rules.not-plain-field"
    zh = (
        "模板字段 {shown} 不是单纯的名称：字段只能写作 {{名称}}，"
        "不能带格式说明（:…）、转换（!…）、属性（.…）或下标（[…]）"
    )
    en = (
        "template field {shown} is not a plain name: a field is written {{name}}, "
        "without a format spec (:…), a conversion (!…), an attribute (.…) or an index ([…])"
    )


class MoreFailed(Message):
    id = "rules.more-failed"
    zh = "（另有 {more} 处同样失败）"
    en = " (and {more} more subject)"


class MoreFailedMany(Message):
    id = "rules.more-failed-many"
    zh = "（另有 {more} 处同样失败）"
    en = " (and {more} more subjects)"


class BlankDoc(Message):
    id = "rules.blank-doc"
    zh = "内容为空：请填写，或删去该键"
    en = "blank text: write it, or leave the key out"


class NotChinese(Message):
    id = "rules.not-chinese"
    zh = "{key} 应为中文说明，其中没有中文；英文说明写在 {field}"
    en = "{key} is the Chinese text but holds no Chinese; English goes in {field}"
