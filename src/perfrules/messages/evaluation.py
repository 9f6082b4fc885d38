"""The catalogue's expression language, evaluated: why an accepted expression failed on a report's values."""

from __future__ import annotations

from perfrules.messages import Message


class KindNone(Message):
    id = "expr.kind-none"
    zh = "空值（None）"
    en = "nothing (None)"


class KindBoolean(Message):
    id = "expr.kind-boolean"
    zh = "布尔值"
    en = "true/false"


class KindNumber(Message):
    id = "expr.kind-number"
    zh = "数值"
    en = "a number"


class KindText(Message):
    id = "expr.kind-text"
    zh = "文本"
    en = "text"


class KindList(Message):
    id = "expr.kind-list"
    zh = "列表"
    en = "a list"


class KindDate(Message):
    id = "expr.kind-date"
    zh = "日期"
    en = "a date"


class KindOther(Message):
    id = "expr.kind-other"
    zh = "{name} 对象"
    en = "a {name}"


class NeedsNumbers(Message):
    id = "expr.needs-numbers"
    zh = "{op} 需要数值，实际为{kind}"
    en = "{op} needs numbers, found {kind}"


class NoFloats(Message):
    id = "expr.no-floats"
    zh = "不允许使用浮点数（应为 Decimal）"
    en = "float values are not allowed (use Decimal)"


class NoField(Message):
    id = "expr.no-field"
    zh = "{kind}没有字段 {name}"
    en = "{kind} has no field '{name}'"


class TextTooLong(Message):
    id = "expr.text-too-long"
    zh = "+ 将生成 {size} 个字符的文本，超过上限 {limit}"
    en = "+ would build text of {size} characters; the limit is {limit}"


class ListTooLong(Message):
    id = "expr.list-too-long"
    zh = "+ 将生成 {size} 项的列表，超过上限 {limit}"
    en = "+ would build a list of {size} items; the limit is {limit}"


class DivisionByZero(Message):
    id = "expr.division-by-zero"
    zh = "除数为零"
    en = "division by zero"


class TooLarge(Message):
    id = "expr.too-large"
    zh = "数值过大（超过 1E+{emax}）"
    en = "a number is too large (beyond 1E+{emax})"


class InvalidOperation(Message):
    id = "expr.invalid-operation"
    zh = "无效的数值运算（例如结果需要超过 {precision} 位有效数字）"
    en = "invalid decimal operation (e.g. a result needing more than {precision} digits)"


class MissingValue(Message):
    id = "expr.missing-value"
    zh = "缺少取值（None），无法参与运算：{error}"
    en = "a value is missing (None) where a number or text is needed: {error}"


class WrongType(Message):
    id = "expr.wrong-type"
    zh = "类型不符：{error}"
    en = "wrong type: {error}"


class IndexRange(Message):
    id = "expr.index-range"
    zh = "下标超出范围"
    en = "index out of range"


class TooMuchMemory(Message):
    id = "expr.too-much-memory"
    zh = "表达式所需内存过多"
    en = "the expression needs too much memory"


class Failed(Message):
    id = "expr.failed"
    zh = "求值失败：{error}"
    en = "{error}"


class NotBound(Message):
    id = "expr.not-bound"
    zh = "名称 {name} 没有取值"
    en = "name '{name}' is not bound"


class NeedsList(Message):
    id = "expr.needs-list"
    zh = "{function}() 需要列表，实际为{kind}"
    en = "{function}() needs a list, found {kind}"


class LenNeeds(Message):
    id = "expr.len-needs"
    zh = "len() 需要文本或列表，实际为{kind}"
    en = "len() needs text or a list, found {kind}"


class RoundPlaces(Message):
    id = "expr.round-places"
    zh = "round() 的位数应为 {low} 至 {high} 的整数，实际为 {found}"
    en = "round() places must be a whole number from {low} to {high}, found {found}"
