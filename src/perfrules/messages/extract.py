"""The catalogue's extract stage: why a report as written (.txt, .docx, .xlsx, .pdf) or its form knowledge cannot be read."""

from __future__ import annotations

from perfrules.messages import Message


class OldOffice(Message):
    id = "extract.old-office"
    zh = "这是旧版二进制 Office 文件（{old}），请另存为 {suffix}"
    en = "an old binary Office file ({old}): save it as {suffix}"


class NotZip(Message):
    id = "extract.not-zip"
    zh = "不是 zip 压缩包（文件已损坏，或是其他类型的文件改名为 {suffix}）：{reason}"
    en = "not a zip package (corrupt, or another kind of file renamed {suffix}): {reason}"


class TooManyParts(Message):
    id = "extract.too-many-parts"
    zh = "压缩包内的部件超过 {limit} 个"
    en = "more than {limit} parts in the package"


class NoPdfMark(Message):
    id = "extract.no-pdf-mark"
    zh = "文件开头没有 %PDF- 标记"
    en = "the file does not start with %PDF-"


class NoYearNoTitle(Message):
    id = "extract.no-year-no-title"
    zh = "未写明预算年度，也没有报告标题"
    en = "it states no budget year and no report title"


class NoYear(Message):
    id = "extract.no-year"
    zh = "未写明预算年度"
    en = "it states no budget year"


class NoText(Message):
    id = "extract.no-text"
    zh = "没有文字内容"
    en = "it has no text"


class TraditionalPair(Message):
    id = "extract.traditional-pair"
    zh = "应为等长的一对词：[繁体, 简体]"
    en = "a pair [traditional, simplified] of words of the same length"


class TraditionalTwice(Message):
    id = "extract.traditional-twice"
    zh = "{char} 同时对应 {first} 与 {second}"
    en = "{char} is mapped to both {first} and {second}"


# --- what a person must decide (extract/draft.py Review) --------------------------------


class SecondReason(Message):
    id = "extract.review.second-reason"
    zh = "报告另写了一个不同的偏离原因；格式只有一个 deviation_reason：若它说明的是预算调整，应作 adjustment_reason"
    en = (
        "the report gives a second, different reason for the deviation; format 1 holds one "
        "deviation_reason: if this one explains the adjustment, it is the adjustment_reason"
    )


class AdjustmentSign(Message):
    id = "extract.review.adjustment-sign"
    zh = "“{phrase}”未写明调减还是调增：调整数的正负需人工判断"
    en = "“{phrase}” says neither 调减 nor 调增: the sign is a reading, not the text"


class BudgetOrSpent(Message):
    id = "extract.review.budget-or-spent"
    zh = "“{phrase}”未说明是预算数还是执行数，需人工判断"
    en = "nothing says whether “{phrase}” is a budget or an amount spent"


class TitleYear(Message):
    id = "extract.review.title-year"
    zh = "标题写 {title} 年，正文 {count} 处写评价 {year} 年：预算年度需人工确认"
    en = "the title says {title}, the body evaluates {year} ({count} statements): which is the budget year is for a person to confirm"


# --- hostile text and packages (extract/text.py, decode.py, readkit.py) ----------------


class LongLine(Message):
    id = "extract.long-line"
    zh = "该行长达 {length} 个字符，超过一行 {limit} 个字符的上限：不像报告的文字"
    en = "the line is {length} characters long, more than the {limit} of a line that is read: not the text of a report"


class NulByte(Message):
    id = "extract.nul-byte"
    zh = "第 {column} 列有 NUL 字节（0x00），文本文件中不应出现：文件已损坏"
    en = "column {column} holds a NUL byte, which a text file never holds: the file is damaged"


class DamagedUtf8(Message):
    id = "extract.damaged-utf8"
    zh = "第 {column} 列的字节 {byte} 不是有效的 UTF-8（此前的文字是 UTF-8）：文件被截断、损坏或混用了编码；请整体另存为 UTF-8"
    en = "byte {byte} at column {column} is not UTF-8, though the text before it is: the file is cut, damaged or mixes encodings; save it as UTF-8 as a whole"


class MissingPart(Message):
    id = "extract.missing-part"
    zh = "压缩包中缺少部件 {part}（{reason}）"
    en = "the package lacks its part {part} ({reason})"


class NoMainPart(Message):
    id = "extract.no-main-part"
    zh = "压缩包未指明文档主体部件（{reason}）"
    en = "the package does not say which part is the document ({reason})"


class BrokenXml(Message):
    id = "extract.broken-xml"
    zh = "部件中的 XML 已损坏或嵌套过深（{reason}）"
    en = "a part's XML is broken or nested too deeply ({reason})"


class Damaged(Message):
    id = "extract.damaged"
    zh = "文件已损坏，或并非其后缀所示的格式（{reason}）"
    en = "the file is damaged or not what its name says ({reason})"


class PlaceLabel(Message):
    """A place in the original file, without the file (``表1 第10行``, ``自评表!B7``), in the language."""

    id = "extract.place-label"
    zh = "{place}"
    en = "{place}"

    def render(self, lang: str = "zh") -> str:
        return str(self.args["place"].label(lang))  # type: ignore[attr-defined]


class LongText(Message):
    id = "extract.long-text"
    zh = "{where}：该处文字长达 {length} 个字符，超过一处 {limit} 个字符的上限：不像报告的文字"
    en = "{where}: a text of {length} characters, more than the {limit} read in one place: not the text of a report"


class TooMuchText(Message):
    id = "extract.too-much-text"
    zh = "文件中的文字超过 {limit} 个字符的上限：不像一份报告"
    en = "the file holds more than {limit} characters of text: more than a report"


# --- why a path cannot be read (errors.os_detail) ---------------------------------------


class NoSuchFile(Message):
    id = "os.ENOENT"
    zh = "文件或文件夹不存在"
    en = "No such file or directory"


class NoPermission(Message):
    id = "os.EACCES"
    zh = "没有读取权限"
    en = "Permission denied"


class IsFolder(Message):
    id = "os.EISDIR"
    zh = "这是一个文件夹，不是文件"
    en = "Is a directory"


class NotFolder(Message):
    id = "os.ENOTDIR"
    zh = "路径中的某一段不是文件夹"
    en = "Not a directory"


class Loop(Message):
    id = "os.ELOOP"
    zh = "符号链接形成循环"
    en = "Too many levels of symbolic links"


class NameTooLong(Message):
    id = "os.ENAMETOOLONG"
    zh = "文件名过长"
    en = "File name too long"
