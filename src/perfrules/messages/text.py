"""The catalogue's text output: the words of the compiler-style lines, the closing summary and the score table."""

from __future__ import annotations

from perfrules.messages import Listing, Message, entries


class WaiverReason(Message):
    id = "text.waiver-reason"
    zh = " — 豁免理由：{reason}"
    en = " — waiver: {reason}"


class ExpectedFound(Message):
    id = "text.expected-found"
    zh = "（应为 {expected}，实际为 {found}）"
    en = " (expected {expected}, found {found})"


class ExpectedOnly(Message):
    id = "text.expected"
    zh = "（应为 {expected}）"
    en = " (expected {expected})"


class FoundOnly(Message):
    id = "text.found"
    zh = "（实际为 {found}）"
    en = " (found {found})"


class GroupCount(Message):
    id = "text.group-count"
    zh = "共 {count} 处"
    en = "{count} findings"


class SkippedNote(Message):
    id = "text.skipped-note"
    zh = "已跳过：不是报告文档"
    en = "skipped: not a report document"


#: The counts of the closing line, one and many (``text.count.<key>``).
COUNTS = entries(
    "text.count",
    {
        "error": ("{n} 个错误", "{n} error"),
        "errors": ("{n} 个错误", "{n} errors"),
        "warning": ("{n} 个警告", "{n} warning"),
        "warnings": ("{n} 个警告", "{n} warnings"),
        "info": ("{n} 个提示", "{n} info"),
        "infos": ("{n} 个提示", "{n} infos"),
        "known": ("{n} 个已知", "{n} known"),
        "waived": ("{n} 个已豁免", "{n} waived"),
        "checked": ("已检查 {n} 个文件", "Checked {n} file"),
        "checked-many": ("已检查 {n} 个文件", "Checked {n} files"),
        "failed": ("{n} 个文件无法载入", "{n} file could not be loaded"),
        "failed-many": ("{n} 个文件无法载入", "{n} files could not be loaded"),
        "rule-errors": ("{n} 个文件有规则无法求值", "rules failed to evaluate on {n} file"),
        "rule-errors-many": ("{n} 个文件有规则无法求值", "rules failed to evaluate on {n} files"),
        "skipped": ("{n} 个文件已跳过（不是报告文档）", "{n} skipped (not report documents)"),
        "no-findings": ("未发现问题", "no findings"),
        "none-checked": ("未能检查任何报告", "no report was checked"),
        "none-in-loaded": ("已载入的文件未发现问题", "no findings in the files that loaded"),
    },
)


class Summary(Message):
    id = "text.summary"
    zh = "{head}：{body}{tail}。"
    en = "{head}: {body}{tail}."


class Commas(Listing):
    """Parts of a sentence: ，-separated in Chinese, comma-separated in English."""

    id = "text.commas"
    zh = "{parts}"
    en = "{parts}"
    separators = ("，", ", ")


class Clauses(Listing):
    """Clauses after the first: each after a ``；`` in Chinese, a ``; `` in English (nothing when none)."""

    id = "text.clauses"
    zh = "{clauses}"
    en = "{clauses}"
    separators = ("；", "; ")
    lead = True


#: The words of ``perfrules score``'s table (``text.score.<key>``).
SCORE = entries(
    "text.score",
    {
        "profile": ("评分方案", "profile"),
        "indicator": ("指标", "indicator"),
        "tier": ("一级指标", "tier"),
        "target": ("目标值", "target"),
        "actual": ("实际值", "actual"),
        "weight": ("分值", "weight"),
        "stated": ("自评", "stated"),
        "recomputed": ("重算", "recomputed"),
        "formula": ("计算方法", "formula"),
        "no-indicators": ("（没有绩效指标）", "no indicators"),
        "tier-subtotal": ("一级指标小计", "tier"),
        "stated-subtotal": ("填报小计", "stated"),
        "sum-of-stated": ("自评之和", "sum of stated"),
        "execution": ("预算执行", "budget execution"),
        "total": ("总分", "total"),
        "weights": ("分值合计", "weights"),
        "sum-of-stated-parts": ("各项自评之和", "sum of stated parts"),
        "grade": ("等级", "grade"),
        "grade-of-stated": ("自评总分对应等级", "grade of the stated score"),
        "partial": (
            "* 部分指标无法重算：重算总分为下限",
            "* some parts could not be recomputed: the recomputed total is a lower bound",
        ),
    },
)
