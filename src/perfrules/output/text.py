"""Text output: compiler-style lines grouped per file, then a summary line.

::

    examples/quyuan-2024.toml:92: PR023 [unit] error: <message> (expected 1.12, found 0.000112)

A finding without a known line leaves out ``:line``. A finding about a report
read as written points into the original file instead (``report.txt:47:12``,
``report.docx: 表2 第5行 “实际完成值”``), and each value its extraction left
to a person follows its findings (``report.txt:38:26: 需人工判断 budget.adjustment: …``).
Within a file findings
are in document order, and a rule with three or more findings is one block::

    examples/luquan-2024.toml:134: PR030 [missing] error: 20 findings
        134: indicator '租赁备灾仓库面积' states no actual
        140: …

(``group=False``, ``--no-group``: one line per finding, in rule order.) Findings present in the
baseline end in ``[known]``; waived findings are shown (with ``--show-waived``)
with the waiver's reason. Load problems are written one per line as
``path:line: keypath: message``. Colour is used only when asked for (the
command line asks when standard output is a terminal).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from perfrules.output.writer import Summary, Writer
from perfrules.rules.findings import render_arg

if TYPE_CHECKING:
    from perfrules.output.records import Outcome, Record
    from perfrules.scoring.scorer import ScoreSheet

__all__ = [
    "GROUP_AT",
    "TextWriter",
    "finding_line",
    "grouped_lines",
    "member_line",
    "score_table",
    "summary_line",
]

_COLORS = {
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
    "waived": "\x1b[2m",
    "known": "\x1b[2m",
    "path": "\x1b[1m",
    "rule": "\x1b[35m",
}
_RESET = "\x1b[0m"


def _paint(text: str, what: str, color: bool) -> str:
    return f"{_COLORS[what]}{text}{_RESET}" if color else text


def _tail(f: Record, color: bool, lang: str) -> str:
    """A finding's message, with its values, the waiver's reason and ``[known]`` as they apply."""
    text = f.message
    values = [
        f"{label} {render_arg(value)}"
        for label, value in (("expected", f.expected), ("found", f.found))
        if value is not None
    ]
    if values:
        text += f" ({', '.join(values)})"
    if f.reason is not None:
        text += f" — 豁免理由：{f.reason}" if lang != "en" else f" — waiver: {f.reason}"
    if f.known:
        text += " " + _paint("[known]", "known", color)
    return text


def _where(path: str, f: Record) -> str:
    """``path:line``, ``path``, or the place in the original file of a report read as written."""
    if f.origin is not None:
        return f.origin.render
    return path if f.line is None else f"{path}:{f.line}"


def finding_line(path: str, f: Record, *, color: bool = False, lang: str = "zh") -> str:
    """One finding as ``path:line: PR123 [category] severity: message (expected …, found …)``."""
    where = _where(path, f)
    label = "waived" if f.reason is not None else f.severity
    head = f"{_paint(where, 'path', color)}: {_paint(f.rule, 'rule', color)} [{f.category}] "
    return f"{head}{_paint(label, label, color)}: {_tail(f, color, lang)}"


def _count(n: int, en: str, zh: str, lang: str) -> str:
    if lang == "en":
        return f"{n} {en}{'' if n == 1 else 's'}"
    return f"{n} 个{zh}"


def summary_line(s: Summary, lang: str = "zh") -> str:
    """The closing line: how many files, findings by severity, waived, known, failed, skipped."""
    en = lang == "en"
    parts = []
    for n, e, z in (
        (s.errors, "error", "错误"),
        (s.warnings, "warning", "警告"),
        (s.infos, "info", "提示"),
    ):
        if n:
            parts.append(_count(n, e, z, lang))
    if s.known:
        parts.append(f"{s.known} known" if en else f"{s.known} 个已知")
    if s.waived:
        parts.append(f"{s.waived} waived" if en else f"{s.waived} 个已豁免")
    checked = s.files  # as the JSON summary's "files": checked, or failed to load
    none_loaded = not parts and s.failed and s.failed >= checked
    if en:
        head = f"Checked {checked} file{'' if checked == 1 else 's'}"
        body = ", ".join(parts) if parts else "no findings"
        if none_loaded:
            body = "no report was checked"
        elif not parts and s.failed:
            body = "no findings in the files that loaded"
        tail = []
        if s.failed:
            tail.append(f"{s.failed} file{'' if s.failed == 1 else 's'} could not be loaded")
        if s.rule_errors:
            n = s.rule_errors
            tail.append(f"rules failed to evaluate on {n} file{'' if n == 1 else 's'}")
        if s.skipped:
            tail.append(f"{s.skipped} skipped (not report documents)")
        return f"{head}: {body}" + ("; " + "; ".join(tail) if tail else "") + "."
    head = f"已检查 {checked} 个文件"
    body = "，".join(parts) if parts else "未发现问题"
    if none_loaded:
        body = "未能检查任何报告"
    elif not parts and s.failed:
        body = "已载入的文件未发现问题"
    tail = []
    if s.failed:
        tail.append(f"{s.failed} 个文件无法载入")
    if s.rule_errors:
        tail.append(f"{s.rule_errors} 个文件有规则无法求值")
    if s.skipped:
        tail.append(f"{s.skipped} 个文件已跳过（不是报告文档）")
    return f"{head}：{body}" + ("；" + "；".join(tail) if tail else "") + "。"


#: A rule with at least this many findings in one file is written as one block.
GROUP_AT = 3


def _document_order(f: Record) -> tuple[int, int, int, str]:
    """Findings without a line (about the whole document) first, then by line and key path.

    Findings about a report read as written are ordered by their place in the
    original (line and column of a text file, else the place's fields).
    """
    if f.origin is not None:
        p = f.origin.place
        if not f.origin.label:
            return (0, 0, 0, f.path)
        if f.origin.line is not None:
            return (1, f.origin.line, f.origin.column or 0, f.path)
        order = [p.get(k) or 0 for k in ("page", "table", "paragraph", "row", "line", "cell")]
        flat = sum(int(v) * 1000 ** (5 - i) for i, v in enumerate(order))
        return (1, flat, 0, f.path)
    return (0, 0, 0, f.path) if f.line is None else (1, f.line, 0, f.path)


def member_line(f: Record, *, color: bool = False, lang: str = "zh") -> str:
    """One finding inside a group: ``    line: message (expected …, found …)``, indented."""
    if f.origin is not None:
        where = f"{f.origin.label}: " if f.origin.label else ""
    else:
        where = f"{f.line}: " if f.line is not None else ""
    return f"    {where}{_tail(f, color, lang)}"


def grouped_lines(
    path: str, findings: Sequence[Record], *, color: bool = False, lang: str = "zh"
) -> list[str]:
    """The findings of one file in document order, each rule with ``GROUP_AT`` or more as a block.

    A block is headed by the place of its first finding, the rule, its category
    and severity, and the count; then one indented line per finding: its line
    and message. Each block stands where its first finding would.
    """
    ordered = sorted(findings, key=_document_order)
    by_rule: dict[tuple[str, bool], list[Record]] = {}
    for f in ordered:
        by_rule.setdefault((f.rule, f.reason is not None), []).append(f)
    lines: list[str] = []
    for f in ordered:
        members = by_rule[(f.rule, f.reason is not None)]
        if len(members) < GROUP_AT:
            lines.append(finding_line(path, f, color=color, lang=lang))
            continue
        if members[0] is not f:
            continue  # written with its block
        where = _where(path, f)
        label = "waived" if f.reason is not None else f.severity
        count = f"{len(members)} findings" if lang == "en" else f"共 {len(members)} 处"
        lines.append(
            f"{_paint(where, 'path', color)}: {_paint(f.rule, 'rule', color)} [{f.category}] "
            f"{_paint(label, label, color)}: {count}"
        )
        lines.extend(member_line(m, color=color, lang=lang) for m in members)
    return lines


class TextWriter(Writer):
    """Compiler-style lines for people (the default format).

    Within a file, findings are in document order, and a rule with
    :data:`GROUP_AT` or more findings is one block (:func:`grouped_lines`);
    ``group=False`` (``--no-group``) lists one line per finding in the order
    the rules ran.
    """

    def __init__(
        self,
        out: TextIO,
        *,
        lang: str = "zh",
        show_waived: bool = False,
        color: bool = False,
        explicit: frozenset[str] = frozenset(),
        group: bool = True,
    ) -> None:
        super().__init__(out, lang=lang, show_waived=show_waived)
        self.color = color
        self.explicit = explicit
        self.group = group
        self._wrote = False

    def _findings(self, path: str, findings: Sequence[Record]) -> list[str]:
        if self.group:
            return grouped_lines(path, findings, color=self.color, lang=self.lang)
        return [finding_line(path, f, color=self.color, lang=self.lang) for f in findings]

    def _reviews(self, outcome: Outcome) -> list[str]:
        """A report read as written: each value its extraction left to a person, one line each."""
        en = self.lang == "en"
        label = "needs review" if en else "需人工判断"
        return [
            f"{r['place']['render']}: {label} {r['about']}: {r['reason'] if en else r['reason_zh']}"
            for r in (outcome.extraction or {}).get("review", ())
        ]

    def file(self, outcome: Outcome) -> None:
        """Write the document's findings (and waived ones when asked), or its load problems."""
        lines: list[str] = []
        if outcome.status == "skipped":
            if outcome.path in self.explicit:
                note = (
                    "skipped: not a report document"
                    if self.lang == "en"
                    else "已跳过：不是报告文档"
                )
                lines.append(f"{_paint(outcome.path, 'path', self.color)}: {note}")
        elif outcome.status == "failed":
            lines.extend(p.rendered for p in outcome.problems)
        else:
            lines.extend(self._findings(outcome.path, outcome.findings))
            if self.show_waived:
                lines.extend(self._findings(outcome.path, outcome.waived))
            lines.extend(p.rendered for p in outcome.problems)  # rules that failed on it
            lines.extend(self._reviews(outcome))
        if lines:
            if self._wrote:
                self.out.write("\n")
            self.out.write("\n".join(lines) + "\n")
            self._wrote = True
            self.out.flush()

    def finish(self, summary: Summary) -> None:
        """Write the summary line."""
        if self._wrote:
            self.out.write("\n")
        self.out.write(summary_line(summary, self.lang) + "\n")
        self.out.flush()


# --- the score sheet as a table (``perfrules score``) --------------------------------------


def _width(text: str) -> int:
    """Display width on a terminal: East Asian wide characters take two columns."""
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[list[str]], right: frozenset[int] = frozenset()) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if i in right else cell + pad)
        out.append("  ".join(cells).rstrip())
    return out


def _num(value: object) -> str:
    if value is None:
        return "—"
    return format(value, "f") if hasattr(value, "as_tuple") else str(value)


def _mark(same: bool | None) -> str:
    return "≠" if same is False else ""


def score_table(sheet: ScoreSheet, path: str, lang: str = "zh") -> str:
    """The score sheet for people: indicators, tier subtotals, execution, total and grade.

    Each line shows the stated value next to the recomputed one, ``≠`` where
    they differ, and the formula used (or why an indicator cannot be scored).
    """
    en = lang == "en"
    profile = sheet.profile
    out = [f"{path} — {'profile' if en else '评分方案'} {profile.id}: {profile.title}", ""]
    head = (
        ["indicator", "tier", "target", "actual", "weight", "stated", "", "recomputed", "formula"]
        if en
        else ["指标", "一级指标", "目标值", "实际值", "分值", "自评", "", "重算", "计算方法"]
    )
    rows = [head]
    for s in sheet.indicators:
        ind = s.indicator
        same = s.matches if s.matches is not None else s.in_band
        how = s.formula if s.recomputed is not None else (s.reason_text(lang) or "")
        rows.append(
            [
                ind.name if ind is not None else s.key,
                s.tier1 or "—",
                render_arg(ind.target) if ind is not None and ind.target is not None else "—",
                render_arg(ind.actual) if ind is not None and ind.actual is not None else "—",
                _num(s.weight),
                _num(s.stated),
                _mark(same),
                _num(s.recomputed),
                how,
            ]
        )
    if len(rows) > 1:
        out += _table(rows, frozenset({4, 5, 7}))
    else:
        out.append("no indicators" if en else "（没有绩效指标）")
    if sheet.tiers:
        out.append("")
        head = (
            ["tier", "weight", "stated", "", "sum of stated", "recomputed"]
            if en
            else ["一级指标小计", "分值", "填报小计", "", "自评之和", "重算"]
        )
        rows = [head]
        for t in sheet.tiers:
            recomputed = _num(t.recomputed) + (" *" if t.partial else "")
            rows.append(
                [
                    t.tier,
                    _num(t.weight),
                    _num(t.stated),
                    _mark(t.matches),
                    _num(t.stated_sum),
                    recomputed,
                ]
            )
        out += _table(rows, frozenset({1, 2, 4, 5}))
    ex = sheet.execution
    total = sheet.total
    grade = sheet.grade
    out.append("")
    rows = [
        [
            "budget execution" if en else "预算执行",
            f"{'weight' if en else '分值'} {_num(ex.weight)}",
            f"{'stated' if en else '自评'} {_num(ex.stated)}",
            _mark(
                None if ex.stated is None or ex.recomputed is None else ex.stated == ex.recomputed
            ),
            f"{'recomputed' if en else '重算'} {_num(ex.recomputed)}",
            ex.formula
            if ex.recomputed is not None or not ex.reason
            else (ex.reason_text(lang) or ""),
        ],
        [
            "total" if en else "总分",
            f"{'weights' if en else '分值合计'} {_num(total.weights)}/{_num(total.expected_weights)}",
            f"{'stated' if en else '自评'} {_num(total.stated)}",
            _mark(total.matches),
            f"{'recomputed' if en else '重算'} {_num(total.recomputed)}"
            + (" *" if total.partial else ""),
            f"{'sum of stated parts' if en else '各项自评之和'} {_num(total.stated_sum)}"
            + (" ≠" if total.sum_matches is False else ""),
        ],
        [
            "grade" if en else "等级",
            "",
            f"{'stated' if en else '自评'} {grade.stated or '—'}",
            _mark(None if grade.inflated is None else not grade.inflated),
            f"{'recomputed' if en else '重算'} {grade.of_recomputed}",
            f"{'grade of the stated score' if en else '自评总分对应等级'} {grade.of_stated_score or '—'}",
        ],
    ]
    out += _table(rows)
    if sheet.partial:
        out += [
            "",
            "* some parts could not be recomputed: the recomputed total is a lower bound"
            if en
            else "* 部分指标无法重算：重算总分为下限",
        ]
    return "\n".join(out) + "\n"
