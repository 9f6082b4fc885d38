"""Errors: every way perfrules refuses input, as data.

A :class:`PerfrulesError` carries one or more :class:`Problem` objects. A
problem names the file, the key path into the document (``indicators[3].target``)
and, where known, the line; its message is a template in Chinese and English
rendered only when asked for, the same way findings are.

Loading reports every problem of a document in one pass, so a user fixing a
file sees all of them at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = [
    "ConfigError",
    "DocumentError",
    "ExpressionError",
    "PerfrulesError",
    "Problem",
    "ProfileError",
    "RulePackError",
]

#: Message templates for problems, by code: (Chinese, English).
TEMPLATES: Mapping[str, tuple[str, str]] = {
    "syntax": ("语法错误：{detail}", "syntax error: {detail}"),
    "encoding": (
        "文件不是有效的 UTF-8 文本：{detail}",
        "the file is not valid UTF-8 text: {detail}",
    ),
    "unreadable": ("无法读取文件：{detail_zh}", "cannot read the file: {detail}"),
    "not-a-table": (
        "文档顶层必须是表（对象），实际为 {found}",
        "the document must be a table (object), found {found}",
    ),
    "format-version": (
        "不支持的文档格式版本 {found}，仅支持 1",
        "unsupported document format {found}: only format 1 is known",
    ),
    "input-format": (
        "未知的输入格式 {found}（应为 toml 或 json）",
        "unknown input format {found} (toml or json)",
    ),
    "missing-key": ("缺少必填键", "required key is missing"),
    "unknown-key": ("未知的键 {key}", "unknown key {key}"),
    "type": (
        "类型错误：应为{expected_zh}，实际为{found_zh}",
        "wrong type: expected {expected}, found {found}",
    ),
    "choice": (
        "取值 {found} 无效，应为 {choices} 之一",
        "invalid value {found}: expected one of {choices}",
    ),
    "number-invalid": ("数值 {found} 不是有限数", "{found} is not a finite number"),
    "number-range": (
        "数值 {found} 超出可处理范围（绝对值须小于 10^{max_digits}，小数位不超过 {max_places} 位）",
        "{found} is out of range (magnitude below 10^{max_digits}, at most {max_places} decimal places)",
    ),
    "money-unit": (
        "{found} 不是货币金额（单位应为 元 或 万元）",
        "{found} is not an amount of money (the unit must be 元 or 万元)",
    ),
    "percent": ("{found} 不是百分比", "{found} is not a percentage"),
    "date": ("{found} 不是日期（应为 YYYY-MM-DD）", "{found} is not a date (YYYY-MM-DD)"),
    "duplicate-id": (
        "id {found} 重复（首次出现于 {first}）",
        "duplicate id {found} (first used at {first})",
    ),
    "unknown-parent": ("parent 指向不存在的行 {found}", "parent names no line: {found}"),
    "parent-cycle": ("行的 parent 形成循环：{found}", "the lines' parents form a cycle: {found}"),
    "empty": ("不能为空", "must not be empty"),
    "too-deep": ("嵌套过深", "nested too deeply"),
    "too-large": (
        "文档超过 {limit} 字节的上限",
        "the document exceeds the limit of {limit} bytes",
    ),
    "too-large-file": (
        "文件超过 {limit} 字节的上限，不予读取",
        "the file exceeds the limit of {limit} bytes and is not read",
    ),
    "rule-id": (
        "规则编号 {found} 无效（应为 PR 加三位数字）",
        "invalid rule id {found} (PR and three digits)",
    ),
    "invalid": ("{detail_zh}", "{detail}"),
    "param-range": (
        "取值 {found} 超出允许范围（应{range_zh}）",
        "{found} is out of range (it must be {range})",
    ),
    "rule-failed": (
        "规则无法求值（{key}，规则定义于 {origin}）：{detail_zh}{more_zh}；本文档未经该规则完整检查",
        "the rule failed to evaluate ({key}, rule written at {origin}): {detail}{more}; "
        "this document was not fully checked by it",
    ),
    # extract: reading a report as it is written (.docx, .xlsx, .pdf)
    "extra-missing": (
        "读取 {format} 文件需要可选依赖 {library}，请安装：pip install 'perfrules[{extra}]'",
        "reading {format} files needs {library}: pip install 'perfrules[{extra}]'",
    ),
    "empty-file": ("文件为空，没有可读取的内容", "the file is empty: there is nothing to read"),
    "not-format": (
        "不是有效的 {format} 文件：{detail_zh}",
        "not a valid {format} file: {detail}",
    ),
    "encrypted": (
        "文件已加密，需要密码才能打开；请提供未加密的文件",
        "the file is encrypted and needs a password: give an unencrypted copy",
    ),
    "no-text-layer": (
        "PDF 没有可用的文本层（扫描图像或无法解码的字体），无法提取文字；请提供 Word 或带文本的 PDF",
        "the PDF has no usable text layer (scanned images or undecodable fonts): no text can be extracted; give the Word file or a PDF with text",
    ),
    "no-content": ("文件中没有可读取的文字", "the file holds no readable text"),
    "too-many-cells": (
        "工作表 {sheet} 的已用区域超过 {limit} 个单元格的上限",
        "sheet {sheet}: the used range exceeds the limit of {limit} cells",
    ),
    "too-many-pages": (
        "PDF 超过 {limit} 页的上限",
        "the PDF exceeds the limit of {limit} pages",
    ),
    "binary-file": (
        "文件不是文本（含有二进制内容），无法作为文本报告读取",
        "the file is not text (it holds binary data) and cannot be read as a text report",
    ),
    "not-a-report": (
        "文件内容不像绩效自评报告：{detail_zh}",
        "the file does not read as a performance self-evaluation report: {detail}",
    ),
    "unknown-input": (
        "无法识别的文件格式 {found}（应为 .txt、.docx、.xlsx 或 .pdf）",
        "unknown file format {found} (.txt, .docx, .xlsx or .pdf)",
    ),
    "reader-unavailable": (
        "无法读取 {found} 文件：{detail_zh}",
        "cannot read {found} files: {detail}",
    ),
    "overwrite-edited": (
        "{found} 已被人工修改（与提取时的校验值不符），不予覆盖；请改用 overrides 文件或换一个输出文件",
        "{found} was edited by hand since extraction (its hash no longer matches): not overwritten; use an overrides file or another output file",
    ),
}


@attrs.frozen
class Problem:
    """One thing wrong with an input file: what, where (key path and line), and in which file."""

    code: str
    path: str = ""
    line: int | None = None
    file: str | None = None
    params: Mapping[str, Any] = attrs.field(factory=dict)
    rule: str | None = None

    def message(self, lang: str = "zh") -> str:
        """The problem's message in ``lang`` (``zh`` or ``en``), without its location."""
        zh, en = TEMPLATES.get(self.code, ("{detail_zh}", "{detail}"))
        template = en if lang == "en" else zh
        params = {"detail": "", "detail_zh": self.params.get("detail", ""), **self.params}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):  # a template whose parameters were not given
            return f"{self.code}: {dict(self.params)}"

    def render(self, lang: str = "zh") -> str:
        """``file:line: path: message``, leaving out the parts that are unknown."""
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        head = f"{where}: "
        if self.rule:
            head += f"{self.rule}: "
        if self.path:
            head += f"{self.path}: "
        return head + self.message(lang)

    def at(self, file: str | None = None, line_of: Any = None) -> Problem:
        """This problem with its file and (via ``line_of(path)``) its line filled in."""
        line = self.line
        if line is None and line_of is not None:
            line = line_of(self.path)
        return attrs.evolve(self, file=self.file or file, line=line)


class PerfrulesError(Exception):
    """Base of every error perfrules raises on purpose; holds one or more problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.render("en"))

    def render(self, lang: str = "zh") -> str:
        """Every problem, one per line, in ``lang``."""
        return "\n".join(p.render(lang) for p in self.problems)

    @classmethod
    def single(cls, code: str, path: str = "", **params: Any) -> PerfrulesError:
        """An error of this class with one problem."""
        return cls([Problem(code, path, params=params)])


class DocumentError(PerfrulesError):
    """A report document cannot be read or does not follow report format 1."""


class RulePackError(PerfrulesError):
    """A rule pack (built-in or user TOML) is malformed; problems name the file, line and rule id."""


class ExpressionError(RulePackError):
    """A rule's expression is not in the expression language or breaks its sandbox."""


class ConfigError(PerfrulesError):
    """A ``perfrules.toml`` configuration is malformed or selects nothing."""


class ProfileError(PerfrulesError):
    """A scoring profile is malformed, unknown, or not in force for the report's year."""
