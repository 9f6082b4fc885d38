"""The indicator table as the 自评表 lays it out: 一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因.

Consecutive indicators of the same 一级 (and 二级) tier share one merged
cell, as on the form; an indicator whose tier cell a finding is about keeps
a cell of its own, so that the highlight points at that indicator only. The
recomputed score of each indicator (from the score sheet) stands beside the
stated one, its formula on hover and focus.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from perfrules.output.html.cells import cell, missing
from perfrules.output.html.markup import colon, esc, label, num

if TYPE_CHECKING:
    from perfrules.output.html.notes import Notes
    from perfrules.output.reportview import IndicatorRow, ReportView

__all__ = ["INDICATOR_CELLS", "indicator_anchors", "indicator_table"]

#: The fields of an indicator that have a cell of their own.
INDICATOR_CELLS = (
    "tier1",
    "tier2",
    "name",
    "target",
    "actual",
    "completion_rate",
    "weight",
    "score",
    "deviation_reason",
    "improvement",
)


def _groups(rows: list[IndicatorRow], field: str, about: set[str]) -> list[list[IndicatorRow]]:
    """Runs of consecutive rows with the same ``field``; a row whose ``field`` a finding is ``about`` stands alone."""
    groups: list[list[IndicatorRow]] = []
    alone_before = False
    for row in rows:
        alone = f"indicators[{row.pos}].{field}" in about
        if (
            groups
            and not alone
            and not alone_before
            and getattr(groups[-1][0], field) == getattr(row, field)
        ):
            groups[-1].append(row)
        else:
            groups.append([row])
        alone_before = alone
    return groups


def _shows_improvement(row: IndicatorRow, about: set[str]) -> bool:
    return bool(row.improvement) or f"indicators[{row.pos}].improvement" in about


def indicator_anchors(view: ReportView, about: Iterable[str]) -> set[str]:
    """The key paths the indicator table renders, for findings ``about`` these paths."""
    about = set(about)
    found: set[str] = set()
    rows = list(view.indicators)
    for group1 in _groups(rows, "tier1", about):
        found.add(f"indicators[{group1[0].pos}].tier1")
        for group2 in _groups(group1, "tier2", about):
            found.add(f"indicators[{group2[0].pos}].tier2")
    for row in rows:
        p = f"indicators[{row.pos}]"
        found.add(p)
        found.update(f"{p}.{k}" for k in _OWN_CELLS)
        if _shows_improvement(row, about):
            found.add(f"{p}.improvement")
    return found


def _recomputed(entry: Mapping[str, Any] | None, lang: str) -> str:
    if entry is None:
        return f'<td class="re n">{missing(lang)}</td>'
    value = entry.get("recomputed")
    explain = entry.get("explanation") if value is not None else entry.get("reason")
    shown = num(value) if value is not None else "—"
    if not explain:
        return f'<td class="re n">{shown}</td>'
    return (
        f'<td class="re n"><span class="pv" tabindex="0">{shown}'
        f'<span class="pvbox formula" role="note">{esc(explain)}</span></span></td>'
    )


def _row_cells(
    row: IndicatorRow, view: ReportView, notes: Notes, lang: str, sheet: Mapping[str, Any]
) -> str:
    p = f"indicators[{row.pos}]"
    sub_name = ""
    if row.source:
        sub_name = f'<span class="sub">{label(lang, "source")}{colon(lang)}{esc(row.source)}</span>'
    sub_actual = ""
    if row.midyear:
        sub_actual = (
            f'<span class="sub">{label(lang, "midyear")}{colon(lang)}{esc(row.midyear)}</span>'
        )
    improvement = ""
    if _shows_improvement(row, {n.record.path for n in notes.at(p + ".improvement")}):
        improvement = cell(
            "div",
            p + ".improvement",
            row.improvement,
            notes,
            view,
            lang,
            cls="prose",
            prefix=f'<span class="k">{label(lang, "improvement")}{colon(lang)}</span>',
        )
    return (
        cell(
            "th",
            p + ".name",
            row.name,
            notes,
            view,
            lang,
            attrs=' scope="row"',
            suffix=notes.marks(p) + sub_name,
        )
        + cell("td", p + ".target", row.target, notes, view, lang)
        + cell("td", p + ".actual", row.actual, notes, view, lang, suffix=sub_actual)
        + cell("td", p + ".completion_rate", row.completion_rate, notes, view, lang, cls="n")
        + cell("td", p + ".weight", row.weight, notes, view, lang, cls="n")
        + cell("td", p + ".score", row.score, notes, view, lang, cls="n")
        + _recomputed(sheet.get(p), lang)
        + '<td class="dev">'
        + cell("div", p + ".deviation_reason", row.deviation_reason, notes, view, lang, cls="prose")
        + improvement
        + "</td>"
    )


_HEADS = (
    "tier1",
    "tier2",
    "tier3",
    "target",
    "actual",
    "completion_rate",
    "weight",
    "ind_score",
    "ind_recomputed",
    "deviation",
)


#: The cells every row has (tier cells may be merged, 改进措施 shown only when given).
_OWN_CELLS = ("name", "target", "actual", "completion_rate", "weight", "score", "deviation_reason")


def _paths(row: IndicatorRow) -> Iterable[str]:
    p = f"indicators[{row.pos}]"
    return [p, *(f"{p}.{k}" for k in INDICATOR_CELLS)]


def indicator_table(
    view: ReportView, score: Mapping[str, Any] | None, notes: Notes, lang: str
) -> str:
    """The 自评表 of ``view``'s indicators, every cell a finding is about highlighted, notes below each row."""
    if not view.indicators:
        return f'<p class="empty">{label(lang, "no_indicators")}</p>'
    sheet = {e.get("path"): e for e in (score or {}).get("indicators") or ()}
    columns = len(_HEADS)
    head = "".join(f'<th scope="col">{label(lang, h)}</th>' for h in _HEADS)
    bodies: list[str] = []
    about = {n.record.path for n in notes.all}
    row_notes = {r.pos: notes.under(_paths(r)) if notes.all else [] for r in view.indicators}
    for group1 in _groups(list(view.indicators), "tier1", about):
        out: list[str] = []
        height1 = sum(1 + bool(row_notes[r.pos]) for r in group1)
        first1 = True
        for group2 in _groups(group1, "tier2", about):
            height2 = sum(1 + bool(row_notes[r.pos]) for r in group2)
            first2 = True
            for row in group2:
                p = f"indicators[{row.pos}]"
                lead = ""
                if first1:
                    lead += cell(
                        "th",
                        p + ".tier1",
                        row.tier1,
                        notes,
                        view,
                        lang,
                        cls="tier",
                        attrs=f' scope="rowgroup" rowspan="{height1}"',
                    )
                    first1 = False
                if first2:
                    lead += cell(
                        "td",
                        p + ".tier2",
                        row.tier2,
                        notes,
                        view,
                        lang,
                        cls="tier",
                        attrs=f' rowspan="{height2}"',
                    )
                    first2 = False
                out.append(
                    f"<tr{notes.cell_attrs(p)}>{lead}{_row_cells(row, view, notes, lang, sheet)}</tr>"
                )
                if row_notes[row.pos]:
                    out.append(
                        f'<tr class="notes"><td colspan="{columns - 2}">'
                        f"{notes.note_list(row_notes[row.pos])}</td></tr>"
                    )
        bodies.append("<tbody>" + "".join(out) + "</tbody>")
    return (
        f'<table class="grid indicators"><caption class="vh">{label(lang, "indicators")}</caption>'
        f"<thead><tr>{head}</tr></thead>{''.join(bodies)}</table>"
    )
