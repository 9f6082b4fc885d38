"""The catalogue's expression language, compiled: why an expression is refused (a construct outside the language, a limit passed)."""

from __future__ import annotations

from perfrules.messages import Message


class AtColumn(Message):
    id = "expr.at-column"
    zh = "{detail}（第 {column} 列）"
    en = "{detail} (column {column})"


class AtLineColumn(Message):
    id = "expr.at-line-column"
    zh = "{detail}（第 {line} 行第 {column} 列）"
    en = "{detail} (line {line}, column {column})"


class TooManyNodes(Message):
    id = "expr.too-many-nodes"
    zh = "表达式超过 {limit} 个节点"
    en = "the expression has more than {limit} parts"


class TooDeep(Message):
    id = "expr.too-deep"
    zh = "表达式嵌套超过 {limit} 层"
    en = "the expression is nested more than {limit} deep"


class NotAllowed(Message):
    id = "expr.not-allowed"
    zh = "不允许使用 {construct}"
    en = "{construct} is not allowed"


class Lambda(Message):
    id = "expr.lambda"
    zh = "不允许使用 lambda 表达式"
    en = "lambda expressions are not allowed"


class Comprehension(Message):
    id = "expr.comprehension"
    zh = "不允许使用推导式"
    en = "comprehensions are not allowed"


class Generator(Message):
    id = "expr.generator"
    zh = "不允许使用生成器表达式"
    en = "generator expressions are not allowed"


class Assignment(Message):
    id = "expr.assignment"
    zh = "不允许使用赋值表达式（:=）"
    en = "assignment expressions (:=) are not allowed"


class Starred(Message):
    id = "expr.starred"
    zh = "不允许使用星号展开（*x）"
    en = "starred expressions (*x) are not allowed"


class FString(Message):
    id = "expr.f-string"
    zh = "不允许使用 f 字符串"
    en = "f-strings are not allowed"


class Dict(Message):
    id = "expr.dict"
    zh = "不允许使用字典"
    en = "dict literals are not allowed"


class Set(Message):
    id = "expr.set"
    zh = "不允许使用集合"
    en = "set literals are not allowed"


class Await(Message):
    id = "expr.await"
    zh = "不允许使用 await"
    en = "await is not allowed"


class Yield(Message):
    id = "expr.yield"
    zh = "不允许使用 yield"
    en = "yield is not allowed"


class Slice(Message):
    id = "expr.slice"
    zh = "不允许使用切片（下标只能是整数常量）"
    en = "slices are not allowed (index with a whole-number constant)"


class TextLiteralLong(Message):
    id = "expr.text-literal-long"
    zh = "文本常量长 {size} 个字符，超过上限 {limit}"
    en = "a text literal is {size} characters long; the limit is {limit}"


class Complex(Message):
    id = "expr.complex"
    zh = "不允许使用复数"
    en = "complex numbers are not allowed"


class Bytes(Message):
    id = "expr.bytes"
    zh = "不允许使用字节串"
    en = "bytes literals are not allowed"


class Constant(Message):
    id = "expr.constant"
    zh = "不允许使用常量 {value!r}"
    en = "the constant {value!r} is not allowed"


class NumberLong(Message):
    id = "expr.number-long"
    zh = "数字常量超过 {precision} 位"
    en = "a number literal is too long (over {precision} digits)"


class NumberUnreadable(Message):
    id = "expr.number-unreadable"
    zh = "无法读取数字 {text!r}"
    en = "cannot read the number {text!r}"


class NumberDigits(Message):
    id = "expr.number-digits"
    zh = "数字常量超过 {precision} 位有效数字"
    en = "a number literal has more than {precision} significant digits"


class NumberRange(Message):
    id = "expr.number-range"
    zh = "数字常量超出范围（1E{emin} 至 1E+{emax}）"
    en = "a number literal is out of range (1E{emin} to 1E+{emax})"


class UnderscoreName(Message):
    id = "expr.underscore-name"
    zh = "不允许使用以 _ 开头的名称：{name}"
    en = "names starting with '_' are not allowed: {name}"


class FunctionName(Message):
    id = "expr.function-name"
    zh = "{name} 是函数，应写作 {name}(...)"
    en = "{name} is a function: call it as {name}(...)"


class UnknownName(Message):
    id = "expr.unknown-name"
    zh = "未知名称 {name}；此处可用的名称：{names}"
    en = "unknown name '{name}'; the names available here are: {names}"


class UnderscoreField(Message):
    id = "expr.underscore-field"
    zh = "不允许访问以 _ 开头的字段：.{field}"
    en = "fields starting with '_' are not allowed: .{field}"


class UnknownField(Message):
    id = "expr.unknown-field"
    zh = "未知字段 .{field}；可用字段：{fields}"
    en = "unknown field '.{field}'; the fields are: {fields}"


class Exponent(Message):
    id = "expr.exponent"
    zh = "** 的指数必须是 {low} 至 {high} 的整数常量"
    en = "the exponent of ** must be a whole-number constant from {low} to {high}"


class Operator(Message):
    id = "expr.operator"
    zh = "不允许使用运算符 {operator}"
    en = "the operator {operator} is not allowed"


class Repeat(Message):
    id = "expr.repeat"
    zh = "不允许用 * 重复文本或列表"
    en = "repeating text or lists with * is not allowed"


class PercentFormat(Message):
    id = "expr.percent-format"
    zh = "不允许用 % 格式化文本"
    en = "formatting text with % is not allowed"


class IsNone(Message):
    id = "expr.is-none"
    zh = "is 与 is not 只能写作 is None / is not None"
    en = "'is' and 'is not' are only allowed as 'is None' / 'is not None'"


class Comparison(Message):
    id = "expr.comparison"
    zh = "不允许使用比较运算 {operator}"
    en = "the comparison {operator} is not allowed"


class ListLong(Message):
    id = "expr.list-long"
    zh = "列表有 {size} 项，超过上限 {limit}"
    en = "a list has {size} items; the limit is {limit}"


class Index(Message):
    id = "expr.index"
    zh = "下标必须是 {low} 至 {high} 的整数常量"
    en = "an index must be a whole-number constant from {low} to {high}"


class MethodCall(Message):
    id = "expr.method-call"
    zh = "不允许调用方法（.{method}(...)）；只能调用这些函数：{functions}"
    en = "method calls are not allowed (.{method}(...)); only these functions can be called: {functions}"


class CallByName(Message):
    id = "expr.call-by-name"
    zh = "只能按名称调用这些函数：{functions}"
    en = "only these functions can be called, by name: {functions}"


class UnknownFunction(Message):
    id = "expr.unknown-function"
    zh = "不允许调用 {name}()；可用函数：{functions}"
    en = "calling {name}() is not allowed; the functions are: {functions}"


class KeywordArguments(Message):
    id = "expr.keyword-arguments"
    zh = "不允许使用关键字参数"
    en = "keyword arguments are not allowed"


class Arity(Message):
    id = "expr.arity"
    zh = "{name}() 需要 {wanted} 个参数，实际给出 {given} 个"
    en = "{name}() takes {wanted} argument(s), {given} given"


class BracketsDeep(Message):
    id = "expr.brackets-deep"
    zh = "括号嵌套超过 {limit} 层"
    en = "brackets are nested more than {limit} deep"


class Unbalanced(Message):
    id = "expr.unbalanced"
    zh = "括号不配对：{bracket}"
    en = "unbalanced '{bracket}'"


class NotText(Message):
    id = "expr.not-text"
    zh = "表达式必须是文本，实际为 {kind}"
    en = "an expression must be text, found {kind}"


class BadName(Message):
    id = "expr.bad-name"
    zh = "{name} 不能用作表达式中的名称（须为非关键字、且不以 _ 开头的标识符）"
    en = "'{name}' cannot be used as a name in expressions (it must be an identifier that is not a keyword and does not start with '_')"


class NameIsFunction(Message):
    id = "expr.name-is-function"
    zh = "{name} 不能用作表达式中的名称：它是函数名"
    en = "'{name}' cannot be used as a name in expressions: it is a function"


class SourceLong(Message):
    id = "expr.source-long"
    zh = "表达式长 {size} 个字符，超过上限 {limit}"
    en = "the expression is {size} characters long; the limit is {limit}"


class Empty(Message):
    id = "expr.empty"
    zh = "表达式为空"
    en = "the expression is empty"


class Syntax(Message):
    id = "expr.syntax"
    zh = "语法错误：{error}"
    en = "syntax error: {error}"


class Unparsable(Message):
    id = "expr.unparsable"
    zh = "无法解析表达式（嵌套过深或过大）：{error}"
    en = "the expression cannot be parsed (too deeply nested or too large): {error}"
