"""The catalogue's problems: the message of each :class:`~perfrules.errors.Problem` code (``Problem.code`` is its id).

A problem's ``params`` are the message's arguments; ``detail`` may be a
message of another stage's catalogue, rendered in the same language.
"""

from __future__ import annotations

from perfrules.messages import Message


class Syntax(Message):
    id = "syntax"
    zh = "语法错误：{detail}"
    en = "syntax error: {detail}"


class Encoding(Message):
    id = "encoding"
    zh = "文件不是有效的 UTF-8 文本：{detail}"
    en = "the file is not valid UTF-8 text: {detail}"


class Unreadable(Message):
    id = "unreadable"
    zh = "无法读取文件：{detail}"
    en = "cannot read the file: {detail}"


class NotATable(Message):
    id = "not-a-table"
    zh = "文档顶层必须是表（对象），实际为 {found}"
    en = "the document must be a table (object), found {found}"


class FormatVersion(Message):
    id = "format-version"
    zh = "不支持的文档格式版本 {found}，仅支持 1"
    en = "unsupported document format {found}: only format 1 is known"


class InputFormat(Message):
    id = "input-format"
    zh = "未知的输入格式 {found}（应为 toml 或 json）"
    en = "unknown input format {found} (toml or json)"


class MissingKey(Message):
    id = "missing-key"
    zh = "缺少必填键"
    en = "required key is missing"


class UnknownKey(Message):
    id = "unknown-key"
    zh = "未知的键 {key}"
    en = "unknown key {key}"


class Type(Message):
    id = "type"
    zh = "类型错误：应为{expected_name}，实际为{found_name}"
    en = "wrong type: expected {expected_name}, found {found_name}"
    # expected / found: the type codes (string, table …); *_name: a TypeName of each


class Choice(Message):
    id = "choice"
    zh = "取值 {found} 无效，应为 {choices} 之一"
    en = "invalid value {found}: expected one of {choices}"


class NumberInvalid(Message):
    id = "number-invalid"
    zh = "数值 {found} 不是有限数"
    en = "{found} is not a finite number"


class NumberRange(Message):
    id = "number-range"
    zh = "数值 {found} 超出可处理范围（绝对值须小于 10^{max_digits}，小数位不超过 {max_places} 位）"
    en = "{found} is out of range (magnitude below 10^{max_digits}, at most {max_places} decimal places)"


class MoneyUnit(Message):
    id = "money-unit"
    zh = "{found} 不是货币金额（单位应为 元 或 万元）"
    en = "{found} is not an amount of money (the unit must be 元 or 万元)"


class Percent(Message):
    id = "percent"
    zh = "{found} 不是百分比"
    en = "{found} is not a percentage"


class Date(Message):
    id = "date"
    zh = "{found} 不是日期（应为 YYYY-MM-DD）"
    en = "{found} is not a date (YYYY-MM-DD)"


class DuplicateId(Message):
    id = "duplicate-id"
    zh = "id {found} 重复（首次出现于 {first}）"
    en = "duplicate id {found} (first used at {first})"


class UnknownParent(Message):
    id = "unknown-parent"
    zh = "parent 指向不存在的行 {found}"
    en = "parent names no line: {found}"


class ParentCycle(Message):
    id = "parent-cycle"
    zh = "行的 parent 形成循环：{found}"
    en = "the lines' parents form a cycle: {found}"


class Empty(Message):
    id = "empty"
    zh = "不能为空"
    en = "must not be empty"


class TooDeep(Message):
    id = "too-deep"
    zh = "嵌套过深"
    en = "nested too deeply"


class TooLarge(Message):
    id = "too-large"
    zh = "文档超过 {limit} 字节的上限"
    en = "the document exceeds the limit of {limit} bytes"


class TooLargeFile(Message):
    id = "too-large-file"
    zh = "文件超过 {limit} 字节的上限，不予读取"
    en = "the file exceeds the limit of {limit} bytes and is not read"


class RuleId(Message):
    id = "rule-id"
    zh = "规则编号 {found} 无效（应为 PR 加三位数字）"
    en = "invalid rule id {found} (PR and three digits)"


class Invalid(Message):
    id = "invalid"
    zh = "{detail}"
    en = "{detail}"


class ParamRange(Message):
    id = "param-range"
    zh = "取值 {found} 超出允许范围（应{range}）"
    en = "{found} is out of range (it must be {range})"


class RuleFailed(Message):
    id = "rule-failed"
    zh = "规则无法求值（{key}，规则定义于 {origin}）：{detail}{more}；本文档未经该规则完整检查"
    en = (
        "the rule failed to evaluate ({key}, rule written at {origin}): {detail}{more}; "
        "this document was not fully checked by it"
    )


class ExtraMissing(Message):
    id = "extra-missing"
    zh = "读取 {format} 文件需要可选依赖 {library}，请安装：pip install 'perfrules[{extra}]'"
    en = "reading {format} files needs {library}: pip install 'perfrules[{extra}]'"


class EmptyFile(Message):
    id = "empty-file"
    zh = "文件为空，没有可读取的内容"
    en = "the file is empty: there is nothing to read"


class NotFormat(Message):
    id = "not-format"
    zh = "不是有效的 {format} 文件：{detail}"
    en = "not a valid {format} file: {detail}"


class Encrypted(Message):
    id = "encrypted"
    zh = "文件已加密，需要密码才能打开；请提供未加密的文件"
    en = "the file is encrypted and needs a password: give an unencrypted copy"


class NoTextLayer(Message):
    id = "no-text-layer"
    zh = (
        "PDF 没有可用的文本层（扫描图像或无法解码的字体），无法提取文字；请提供 Word 或带文本的 PDF"
    )
    en = "the PDF has no usable text layer (scanned images or undecodable fonts): no text can be extracted; give the Word file or a PDF with text"


class NoContent(Message):
    id = "no-content"
    zh = "文件中没有可读取的文字"
    en = "the file holds no readable text"


class TooManyCells(Message):
    id = "too-many-cells"
    zh = "工作表 {sheet} 的已用区域超过 {limit} 个单元格的上限"
    en = "sheet {sheet}: the used range exceeds the limit of {limit} cells"


class TooManyPages(Message):
    id = "too-many-pages"
    zh = "PDF 超过 {limit} 页的上限"
    en = "the PDF exceeds the limit of {limit} pages"


class BinaryFile(Message):
    id = "binary-file"
    zh = "文件不是文本（含有二进制内容），无法作为文本报告读取"
    en = "the file is not text (it holds binary data) and cannot be read as a text report"


class NotAReport(Message):
    id = "not-a-report"
    zh = "文件内容不像绩效自评报告：{detail}"
    en = "the file does not read as a performance self-evaluation report: {detail}"


class UnknownInput(Message):
    id = "unknown-input"
    zh = "无法识别的文件格式 {found}（应为 .txt、.docx、.xlsx 或 .pdf）"
    en = "unknown file format {found} (.txt, .docx, .xlsx or .pdf)"


class ReaderUnavailable(Message):
    id = "reader-unavailable"
    zh = "无法读取 {found} 文件：{detail}"
    en = "cannot read {found} files: {detail}"


class OverwriteEdited(Message):
    id = "overwrite-edited"
    zh = "{found} 已被人工修改（与提取时的校验值不符），不予覆盖；请改用 overrides 文件或换一个输出文件"
    en = "{found} was edited by hand since extraction (its hash no longer matches): not overwritten; use an overrides file or another output file"
