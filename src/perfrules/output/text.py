"""Text output: compiler-style lines grouped per file, then a summary line.

::

    examples/quyuan-2024.toml:92: PR023 [unit] error: <message>（应为 1.12，实际为 0.000112）

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

from perfrules.messages import Message
from perfrules.messages import text as msg
from perfrules.messages.output import NeedsReview
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


def values_suffix(expected: object, found: object, lang: str = "zh") -> str:
    """What a finding's message is followed by: ``（应为 …，实际为 …）`` (``" (expected …, found …)"``)."""
    if expected is not None and found is not None:
        return msg.ExpectedFound(expected=render_arg(expected), found=render_arg(found)).render(
            lang
        )
    if expected is not None:
        return msg.ExpectedOnly(expected=render_arg(expected)).render(lang)
    if found is not None:
        return msg.FoundOnly(found=render_arg(found)).render(lang)
    return ""


def _tail(f: Record, color: bool, lang: str) -> str:
    """A finding's message, with its values, the waiver's reason and ``[known]`` as they apply."""
    text = f.message + values_suffix(f.expected, f.found, lang)
    if f.reason is not None:
        text += msg.WaiverReason(reason=f.reason).render(lang)
    if f.known:
        text += " " + _paint("[known]", "known", color)
    return text


def _where(path: str, f: Record) -> str:
    """``path:line``, ``path``, or the place in the original file of a report read as written."""
    if f.origin is not None:
        return f.origin.render
    return path if f.line is None else f"{path}:{f.line}"


def finding_line(path: str, f: Record, *, color: bool = False, lang: str = "zh") -> str:
    """One finding as ``path:line: PR123 [category] severity: message（应为 …，实际为 …）``.

    With ``lang="en"``: ``message (expected …, found …)``.
    """
    where = _where(path, f)
    label = "waived" if f.reason is not None else f.severity
    head = f"{_paint(where, 'path', color)}: {_paint(f.rule, 'rule', color)} [{f.category}] "
    return f"{head}{_paint(label, label, color)}: {_tail(f, color, lang)}"


def _count(n: int, one: str, many: str | None = None) -> Message:
    return msg.COUNTS[one if n == 1 or many is None else many](n=n)


def summary_line(s: Summary, lang: str = "zh") -> str:
    """The closing line: how many files, findings by severity, waived, known, failed, skipped."""
    parts = [
        _count(n, one, many)
        for n, one, many in (
            (s.errors, "error", "errors"),
            (s.warnings, "warning", "warnings"),
            (s.infos, "info", "infos"),
            (s.known, "known", None),
            (s.waived, "waived", None),
        )
        if n
    ]
    tail = [
        _count(n, one, many)
        for n, one, many in (
            (s.failed, "failed", "failed-many"),
            (s.rule_errors, "rule-errors", "rule-errors-many"),
            (s.skipped, "skipped", None),
        )
        if n
    ]
    checked = s.files  # as the JSON summary's "files": checked, or failed to load
    none_loaded = not parts and s.failed and s.failed >= checked
    if none_loaded:
        body: Message = msg.COUNTS["none-checked"]()
    elif not parts and s.failed:
        body = msg.COUNTS["none-in-loaded"]()
    else:
        body = msg.Commas(parts=tuple(parts)) if parts else msg.COUNTS["no-findings"]()
    line = msg.Summary(
        head=_count(checked, "checked", "checked-many"),
        body=body,
        tail=msg.Clauses(clauses=tuple(tail)),
    )
    return line.render(lang)


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
    """One finding inside a group: ``    line: message（应为 …，实际为 …）``, indented."""
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
        count = msg.GroupCount(count=len(members)).render(lang)
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
        return [
            NeedsReview(
                place=r["place"]["render"],
                about=r["about"],
                reason=r["reason"] if en else r["reason_zh"],
            ).render(self.lang)
            for r in (outcome.extraction or {}).get("review", ())
        ]

    def file(self, outcome: Outcome) -> None:
        """Write the document's findings (and waived ones when asked), or its load problems."""
        lines: list[str] = []
        if outcome.status == "skipped":
            if outcome.path in self.explicit:
                note = msg.SkippedNote().render(self.lang)
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
    w = {key: entry.template(lang) for key, entry in msg.SCORE.items()}
    profile = sheet.profile
    out = [f"{path} — {w['profile']} {profile.id}: {profile.title}", ""]
    head = [w[k] for k in ("indicator", "tier", "target", "actual", "weight", "stated")]
    head += ["", w["recomputed"], w["formula"]]
    rows = [head]
    for s in sheet.indicators:
        ind = s.indicator
        same = s.matches if s.matches is not None else s.in_band
        how = s.explanation(lang) if s.recomputed is not None else (s.reason_text(lang) or "")
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
        out.append(w["no-indicators"])
    if sheet.tiers:
        out.append("")
        head = [w["tier-subtotal"], w["weight"], w["stated-subtotal"], ""]
        head += [w["sum-of-stated"], w["recomputed"]]
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
            w["execution"],
            f"{w['weight']} {_num(ex.weight)}",
            f"{w['stated']} {_num(ex.stated)}",
            _mark(
                None if ex.stated is None or ex.recomputed is None else ex.stated == ex.recomputed
            ),
            f"{w['recomputed']} {_num(ex.recomputed)}",
            ex.explanation(lang)
            if ex.recomputed is not None or not ex.reason
            else (ex.reason_text(lang) or ""),
        ],
        [
            w["total"],
            f"{w['weights']} {_num(total.weights)}/{_num(total.expected_weights)}",
            f"{w['stated']} {_num(total.stated)}",
            _mark(total.matches),
            f"{w['recomputed']} {_num(total.recomputed)}" + (" *" if total.partial else ""),
            f"{w['sum-of-stated-parts']} {_num(total.stated_sum)}"
            + (" ≠" if total.sum_matches is False else ""),
        ],
        [
            w["grade"],
            "",
            f"{w['stated']} {grade.stated or '—'}",
            _mark(None if grade.inflated is None else not grade.inflated),
            f"{w['recomputed']} {grade.of_recomputed}",
            f"{w['grade-of-stated']} {grade.of_stated_score or '—'}",
        ],
    ]
    out += _table(rows)
    if sheet.partial:
        out += ["", w["partial"]]
    return "\n".join(out) + "\n"
