"""The catalogue's command line: what the sub-commands say besides the findings (usage errors, headings, suggestions)."""

from __future__ import annotations

from perfrules.messages import Message, entries

# --- suggestions (cli/suggest.py) ------------------------------------------------------


class DidYouMean(Message):
    id = "cli.did-you-mean"
    zh = "，是否要输入 {guess}？"
    en = "; did you mean {guess}?"


class InvalidChoice(Message):
    id = "cli.invalid-choice"
    zh = "无效的取值 {word!r}（可选：{choices}）{hint}"
    en = "invalid choice {word!r} (choose from {choices}){hint}"


class InvalidChoiceOf(Message):
    id = "cli.invalid-choice-of"
    zh = "{what}：无效的取值 {word!r}（可选：{choices}）{hint}"
    en = "{what}: invalid choice {word!r} (choose from {choices}){hint}"


# --- perfrules check --------------------------------------------------------------------


class Usage(Message):
    id = "cli.usage"
    zh = "perfrules: {detail}\n"
    en = "perfrules: {detail}\n"


class NotASelector(Message):
    id = "cli.not-a-selector"
    zh = "perfrules check: {flag}：{value!r} 既不是规则编号也不是类别{hint}"
    en = "perfrules check: {flag}: {value!r} is neither a rule id nor a category{hint}"


class OutputNeedsHtml(Message):
    id = "cli.output-needs-html"
    zh = "--output 仅用于 --format html（其他格式写到标准输出）"
    en = "--output is for --format html (the other formats write to standard output)"


class HtmlOneReport(Message):
    id = "cli.html-one-report"
    zh = "--format html 只能把一份报告的页面写到标准输出；{count} 个文件请用 --output DIR"
    en = "--format html writes one report's page to standard output; for {count} documents give --output DIR"


class CannotCreateFolder(Message):
    id = "cli.cannot-create-folder"
    zh = "无法创建输出文件夹 {directory}：{reason}"
    en = "cannot create the output folder {directory}: {reason}"


# --- perfrules explain ------------------------------------------------------------------


class NoSuchRule(Message):
    id = "cli.no-such-rule"
    zh = "perfrules explain: 没有规则 {wanted}{hint}（`perfrules rules` 列出全部规则）\n"
    en = "perfrules explain: no rule {wanted}{hint} (`perfrules rules` lists them all)\n"


class RuleHead(Message):
    id = "cli.rule-head"
    zh = "类别 {category} · 严重程度 {severity}"
    en = "category {category} · severity {severity}"


#: A severity as ``explain`` shows it: the value, and in Chinese its word (``cli.severity.<severity>``).
SEVERITY_SHOWN = entries(
    "cli.severity",
    {
        "error": ("error（错误）", "error"),
        "warning": ("warning（警告）", "warning"),
        "info": ("info（提示）", "info"),
    },
)


class RuleYears(Message):
    id = "cli.rule-years"
    zh = " · 适用年度 {first}–{last}"
    en = " · years {first}–{last}"


class WhatHeading(Message):
    id = "cli.what"
    zh = "检查内容"
    en = "What it checks"


class WhyHeading(Message):
    id = "cli.why"
    zh = "为何检查"
    en = "Why"


class SeverityWhyHeading(Message):
    id = "cli.severity-why"
    zh = "为何是此级别"
    en = "Why this severity"


class FixHeading(Message):
    id = "cli.fix"
    zh = "如何修改"
    en = "How to fix"


class OtherLanguageOnly(Message):
    """Beside a heading whose text the rule gives only in the other language."""

    id = "cli.other-language-only"
    zh = "（仅有英文说明）"
    en = " (given in Chinese only)"


class SourceHeading(Message):
    id = "cli.source"
    zh = "依据"
    en = "Source"


class MessageHeading(Message):
    id = "cli.message"
    zh = "提示信息"
    en = "Message"


class ParamsHeading(Message):
    id = "cli.params"
    zh = "参数（在 perfrules.toml 的 [params] 中设置）"
    en = "Parameters (set in perfrules.toml under [params])"


class ParamLine(Message):
    id = "cli.param-line"
    zh = "{name} ({type}, 默认 {default}{limits})"
    en = "{name} ({type}, default {default}{limits})"


class ParamDoc(Message):
    id = "cli.param-doc"
    zh = "：{doc}"
    en = ": {doc}"


class PassingHeading(Message):
    id = "cli.passing"
    zh = "通过的示例"
    en = "Passing example"


class FailingHeading(Message):
    id = "cli.failing"
    zh = "不通过的示例"
    en = "Failing example"


class ReportsHeading(Message):
    id = "cli.reports"
    zh = "perfrules 对该示例的检查结果"
    en = "What perfrules reports for it"


# --- perfrules init, profiles, score ----------------------------------------------------


class FileExists(Message):
    id = "cli.file-exists"
    zh = "{path}: 文件已存在（使用 --force 覆盖）\n"
    en = "{path}: the file exists (use --force to overwrite it)\n"


class CannotWrite(Message):
    id = "cli.cannot-write"
    zh = "{path}: 无法写入：{reason}\n"
    en = "{path}: cannot write: {reason}\n"


class Wrote(Message):
    id = "cli.wrote"
    zh = "已写入 {path}：请填入报告数据后运行 perfrules check {path}\n"
    en = "wrote {path}: fill in your report, then run perfrules check {path}\n"


class Extends(Message):
    id = "cli.extends"
    zh = "继承"
    en = "extends"


class Years(Message):
    id = "cli.years"
    zh = "适用年度"
    en = "years"


class Sources(Message):
    id = "cli.sources"
    zh = "依据"
    en = "sources"


class SystemHeading(Message):
    id = "cli.system"
    zh = "指标体系"
    en = "Indicator system"


# --- argparse's own messages (cli/common.py) -------------------------------------------

#: argparse's messages (Python 3.10–3.13) and the parser's, in Chinese: (pattern, replacement).
ARGPARSE_ZH = (
    (r"^the following arguments are required: (.*)$", r"缺少必需的参数：\1"),
    (r"^unrecognized arguments: (.*)$", r"无法识别的参数：\1"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"选项 \1 有歧义，可能是 \2"),
    (r"^argument (\S+): ", r"参数 \1："),
    (r"expected one argument$", "需要一个值"),
    (r"expected at least one argument$", "需要至少一个值"),
    (r"ignored explicit argument (.*)$", r"不接受值 \1"),
    (r"not allowed with argument (.*)$", r"不能与参数 \1 同时使用"),
    (r"not a whole number: (.*)$", r"不是整数：\1"),
    (r"must be at least 1$", "至少为 1"),
    (r"invalid (\S+) value: (.*)$", r"无效的值：\2"),
)


def argparse_message(message: str, lang: str) -> str:
    """An argument parser's English message in ``lang``: in Chinese part by part (a part not known stays)."""
    import re

    if lang == "en":
        return message
    for pattern, replacement in ARGPARSE_ZH:
        message = re.sub(pattern, replacement, message)
    return message


# --- perfrules extract (cli/extract.py) ------------------------------------------------


class ExtractDocument(Message):
    id = "cli.extract-document"
    zh = "这已是报告文档（{suffix}），不是书面报告：无需提取，请直接运行 perfrules check {file}"
    en = "this is a report document ({suffix}), not a report as written: there is nothing to extract; run perfrules check {file}"


class ExtractOverSource(Message):
    id = "cli.extract-over-source"
    zh = "输出文件 {target} 就是报告原文：不会用提取的文档覆盖原文（--force 也不会），请换一个输出文件"
    en = "the output {target} is the report itself: the original is never overwritten by its extracted document (not even with --force); give another output file"


class ExtractStdoutOne(Message):
    id = "cli.extract-stdout-one"
    zh = "perfrules extract：-o - 只能写出一份报告的文档；多份报告请给出一个文件夹"
    en = "perfrules extract: -o - writes one report's document; give a folder"


class ExtractSameTarget(Message):
    id = "cli.extract-same-target"
    zh = "{target} 刚由 {first} 写出：两份报告会写到同一个文档，未覆盖；请逐份提取，各用 -o 给出不同的输出文件"
    en = "{target} was just written from {first}: two reports would write the same document; not overwritten: extract them one at a time, each with its own -o"
