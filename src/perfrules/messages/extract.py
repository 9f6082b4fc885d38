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
