"""The catalogue's reporting and batch stages: a run's own refusals (not a report, no report found, an internal error), baselines and pages that cannot be written."""

from __future__ import annotations

from perfrules.messages import Listing, Message


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
    zh = "该文件夹中没有找到报告文档（查找 *.toml 和 *.json{skipped}）"
    en = "no report document found in this folder (searched for *.toml and *.json{skipped})"


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
