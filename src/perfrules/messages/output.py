"""The catalogue's reporting and batch stages: a run's own refusals (not a report, no report found, an internal error), baselines and pages that cannot be written."""

from __future__ import annotations

from perfrules.messages import Listing, Message, entries


class InternalError(Message):
    id = "batch.internal-error"
    zh = "perfrules 内部错误（{error}），请向开发者报告"
    en = "internal error ({error}); please report it to the perfrules developers"


class NotAReport(Message):
    id = "batch.not-a-report"
    zh = "不是报告文档：{reason}{hint}"
    en = "not a report document: {reason}{hint}"


class SkipHint(Message):
    id = "batch.skip-hint"
    zh = "；--skip-non-reports 可跳过此类文件"
    en = "; --skip-non-reports skips such files"


class FileEmpty(Message):
    id = "batch.file-empty"
    zh = "文件为空"
    en = "the file is empty"


class NoKeys(Message):
    id = "batch.no-keys"
    zh = "文件中没有任何键（报告以 [report] 表开头；perfrules init 可生成模板）"
    en = (
        "it holds no keys (a report starts with a [report] table; perfrules init writes a template)"
    )


class TopKeys(Message):
    id = "batch.top-keys"
    zh = "顶层键（{keys}）都不是报告文档的键（[report]、[budget]、[[lines]] 等）"
    en = "none of its top-level keys ({keys}) is a report key ([report], [budget], [[lines]], …)"


class Keys(Listing):
    """Up to five names: 、-separated and 等 after more in Chinese, comma-separated and … in English."""

    id = "batch.keys"
    zh = "{keys}"
    en = "{keys}"
    limit = 5
    more = ("等", ", …")


class TopLevel(Message):
    id = "batch.top-level"
    zh = "顶层是{kind}，不是表（对象）"
    en = "its top level is {kind}, not a table (object)"


class TopList(Message):
    id = "batch.top.list"
    zh = "列表"
    en = "a list"


class TopText(Message):
    id = "batch.top.text"
    zh = "文本"
    en = "a text"


class TopBoolean(Message):
    id = "batch.top.boolean"
    zh = "布尔值"
    en = "true or false"


class TopNumber(Message):
    id = "batch.top.number"
    zh = "数值"
    en = "a number"


class TopNull(Message):
    id = "batch.top.null"
    zh = "空值（null）"
    en = "empty (null)"


class NoReportFound(Message):
    id = "batch.no-report-found"
    zh = (
        "该文件夹中没有找到报告文档（查找 *.toml、*.json、*.txt、*.docx、*.xlsx 和 *.pdf{skipped}）"
    )
    en = "no report document found in this folder (searched for *.toml, *.json, *.txt, *.docx, *.xlsx and *.pdf{skipped})"


class SkippedOne(Message):
    id = "batch.skipped-one"
    zh = "；{count} 个文件不是报告文档，已跳过"
    en = "; {count} file skipped: not report documents"


class SkippedMany(Message):
    id = "batch.skipped-many"
    zh = "；{count} 个文件不是报告文档，已跳过"
    en = "; {count} files skipped: not report documents"


class NotJsonOutput(Message):
    id = "output.baseline-not-json-output"
    zh = '不是 perfrules 的 JSON 输出（version 1）：应为 {{"version": 1, "files": [...]}}'
    en = 'not a perfrules JSON output (version 1): expected {{"version": 1, "files": [...]}}'


class BaselineNotJson(Message):
    id = "output.baseline-not-json"
    zh = "不能作为 --baseline：不是 JSON（应为 perfrules check --format json 的输出）：{reason}"
    en = "cannot be a --baseline: not JSON (it must be the output of perfrules check --format json): {reason}"


class BaselineFileEntry(Message):
    id = "output.baseline-file-entry"
    zh = "files[{index}] 缺少 path 或 findings"
    en = "files[{index}] needs a path and findings"


class CannotWritePage(Message):
    id = "output.cannot-write-page"
    zh = "无法写入页面：{reason}"
    en = "cannot write the page: {reason}"


class WrotePage(Message):
    id = "output.wrote-page"
    zh = "已写入 {count} 个审阅页面及汇总页：{index}"
    en = "Wrote {count} review page and the overview: {index}"


class WrotePages(Message):
    id = "output.wrote-pages"
    zh = "已写入 {count} 个审阅页面及汇总页：{index}"
    en = "Wrote {count} review pages and the overview: {index}"


# --- perfrules extract, and a report read as written (batch/written.py, output/text.py) --


class NeedsReview(Message):
    id = "output.needs-review"
    zh = "{place}: 需人工判断 {about}: {reason}"
    en = "{place}: needs review {about}: {reason}"


class StandardOutput(Message):
    id = "output.standard-output"
    zh = "标准输出"
    en = "standard output"


class WroteExtraction(Message):
    id = "output.wrote-extraction"
    zh = "{file}: 已写入 {target}：{counts}"
    en = "{file}: wrote {target}: {counts}"


#: What an extraction holds, one and many (``output.count.<key>``).
EXTRACTED = entries(
    "output.count",
    {
        "line": ("{n} 个预算行", "{n} line"),
        "lines": ("{n} 个预算行", "{n} lines"),
        "indicator": ("{n} 个指标", "{n} indicator"),
        "indicators": ("{n} 个指标", "{n} indicators"),
        "claim": ("{n} 条表述", "{n} claim"),
        "claims": ("{n} 条表述", "{n} claims"),
    },
)


class ExtractionNote(Message):
    id = "output.extraction-note"
    zh = "{file}: 说明: {note}"
    en = "{file}: note: {note}"


class NotRead(Message):
    id = "output.not-read"
    zh = "{file}: {count} 处内容未读入，列在文档末尾"
    en = "{file}: {count} piece not read, listed at the end of the document"


class NotReadMany(Message):
    id = "output.not-read-many"
    zh = "{file}: {count} 处内容未读入，列在文档末尾"
    en = "{file}: {count} pieces not read, listed at the end of the document"


class StaleOverride(Message):
    id = "output.stale-override"
    zh = "{file}: 覆盖项 {about} 已过时（{detail}），未应用"
    en = "{file}: stale override {about}: {detail}; not applied"


# --- SARIF: a rule's help ----------------------------------------------------------------


class HelpLine(Message):
    id = "output.help-line"
    zh = "{head}：{text}"
    en = "{head}: {text}"


class HelpLineMarked(Message):
    id = "output.help-line-marked"
    zh = "**{head}**：{text}"
    en = "**{head}**: {text}"


class HelpSee(Message):
    id = "output.help-see"
    zh = "参见：perfrules explain {rule}"
    en = "See: perfrules explain {rule}"
