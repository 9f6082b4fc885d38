"""The report's own blocks as page sections: header, budget, lines, evaluation, narrative, claims, waivers.

Each ``*_section`` function lays out one block of a
:class:`~perfrules.output.reportview.ReportView` as a captioned table with
row headers; :func:`anchors` lists the key path of every element they render,
so that :class:`~perfrules.output.html.notes.Notes` can place each finding
before the page is written. The two must agree (a test holds it): a finding
about a field the report leaves out still gets its row, marked as not given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from perfrules.output.html.cells import cell, kv_rows
from perfrules.output.html.indicators import indicator_anchors
from perfrules.output.html.markup import colon, esc, label, num, paren
from perfrules.output.reportview import BUDGET_KEYS, NARRATIVE_KEYS

if TYPE_CHECKING:
    from perfrules.output.html.notes import Notes
    from perfrules.output.reportview import ReportView

__all__ = [
    "HEADER_KEYS",
    "anchors",
    "budget_section",
    "claims_section",
    "evaluation_section",
    "header_section",
    "lines_section",
    "narrative_section",
    "section",
    "section_notes",
    "waivers_section",
]

#: The ``[report]`` fields of the header, in order.
HEADER_KEYS = (
    "department",
    "region",
    "year",
    "kind",
    "title",
    "filled_on",
    "money_unit",
    "profile",
)

_LINE_CELLS = ("label", "budget", "executed", "share", "source")
_CLAIM_CELLS = ("about", "value", "source")
_WAIVER_CELLS = ("rule", "about", "reason")


def _wanted(prefix: str, keys: Iterable[str], given: Iterable[str], paths: set[str]) -> list[str]:
    """The keys of a block to show: those the report gives, and those a finding is about."""
    shown = set(given)
    return [k for k in keys if k in shown or f"{prefix}.{k}" in paths]


def _header_values(view: ReportView) -> dict[str, str | None]:
    return {
        "department": view.department,
        "region": view.region,
        "year": str(view.year),
        "kind": view.kind,
        "title": view.title,
        "filled_on": view.filled_on,
        "money_unit": view.money_unit,
        "profile": view.profile,
    }


def anchors(view: ReportView | None, finding_paths: Iterable[str]) -> set[str]:
    """The key path of every element a page of ``view`` renders (for the findings at ``finding_paths``)."""
    paths = set(finding_paths)
    found = {"report", "budget", "lines", "indicators", "evaluation", "narrative"}
    if view is None:
        return set()
    values = _header_values(view)
    found.update(
        f"report.{k}"
        for k in _wanted("report", HEADER_KEYS, (k for k, v in values.items() if v), paths)
    )
    found.update(
        f"budget.{k}" for k in _wanted("budget", BUDGET_KEYS, (k for k, _ in view.budget), paths)
    )
    for line in view.lines:
        found.add(f"lines[{line.pos}]")
        found.update(f"lines[{line.pos}].{k}" for k in _LINE_CELLS)
    found.update(indicator_anchors(view, paths))
    found.update(("evaluation.score", "evaluation.grade"))
    found.update(f"evaluation.tier_scores.{key}" for key, _ in view.tier_scores)
    found.update(
        f"narrative.{k}"
        for k in _wanted("narrative", NARRATIVE_KEYS, (k for k, _ in view.narrative), paths)
    )
    if view.claims or any(p.startswith("claims") for p in paths):
        found.add("claims")
    for claim in view.claims:
        found.add(f"claims[{claim.pos}]")
        found.update(f"claims[{claim.pos}].{k}" for k in _CLAIM_CELLS)
    if view.waivers or any(p.startswith("waivers") for p in paths):
        found.add("waivers")
    for waiver in view.waivers:
        found.add(f"waivers[{waiver.pos}]")
        found.update(f"waivers[{waiver.pos}].{k}" for k in _WAIVER_CELLS)
    return found


def section_notes(notes: Notes, path: str) -> str:
    """The notes about a whole block (``indicators``: e.g. a tier with no indicator), before its table."""
    return notes.note_list(notes.at(path))


def section(path: str, title: str, notes: Notes, body: str, cls: str = "") -> str:
    """A ``<section>`` for the block at ``path``: heading, the notes about the block, ``body``."""
    return (
        f'<section{notes.cell_attrs(path, ("block " + cls).strip())} aria-labelledby="h-{esc(path)}">'
        f'<h2 id="h-{esc(path)}">{esc(title)}{notes.marks(path)}</h2>'
        f"{section_notes(notes, path)}{body}</section>"
    )


def header_section(view: ReportView, outcome_profile: str | None, notes: Notes, lang: str) -> str:
    """The report header: who, which year, what kind, the profile it was judged by."""
    values = _header_values(view)
    kinds = {"department": label(lang, "kind_department"), "project": label(lang, "kind_project")}
    values["kind"] = kinds.get(view.kind, view.kind)
    paths = {n.record.path for n in notes.all}
    keys = _wanted("report", HEADER_KEYS, (k for k, v in _header_values(view).items() if v), paths)
    rows = [(f"report.{k}", label(lang, k), values[k]) for k in keys if k != "profile"]
    used = esc(outcome_profile) if outcome_profile else "—"
    claimed = ""
    if "profile" in keys:
        inner = label(lang, "profile_claimed") + colon(lang)
        inner += cell("span", "report.profile", view.profile, notes, view, lang)
        claimed = f' <span class="sub">{paren(lang, inner)}</span>'
    body = (
        f'<table class="kv"><caption class="vh">{label(lang, "report")}</caption><tbody>'
        f"{kv_rows(rows, notes, view, lang)}"
        f'<tr><th scope="row">{label(lang, "profile")}</th><td><code>{used}</code>{claimed}</td></tr>'
        f"{notes.notes_row(['report.profile'], 2)}</tbody></table>"
    )
    return body


def budget_section(
    view: ReportView, score: Mapping[str, Any] | None, notes: Notes, lang: str, chart: str
) -> str:
    """预算执行情况: each figure as written, the recomputed rate beside the stated one, and the chain chart."""
    given = dict(view.budget)
    paths = {n.record.path for n in notes.all}
    keys = _wanted("budget", BUDGET_KEYS, given, paths)
    unit = esc(view.money_unit)
    rows = [(f"budget.{k}", label(lang, f"b_{k}"), given.get(k)) for k in keys]
    extra: dict[str, str] = {}
    execution = (score or {}).get("execution") or {}
    if execution.get("rate") is not None:
        extra["budget.execution_rate"] = f'<td class="re">{num(execution["rate"])}%</td>'
    if execution.get("recomputed") is not None:
        extra["budget.execution_score"] = f'<td class="re">{num(execution["recomputed"])}</td>'
    if not keys:
        body = f'<p class="empty">{label(lang, "no_budget")}</p>'
    else:
        body = (
            f'<table class="kv budget"><caption><span class="vh">{label(lang, "budget")} </span>'
            f'<span class="sub">{label(lang, "money_unit")}{colon(lang)}{unit}</span></caption>'
            f'<thead><tr><th scope="col">{label(lang, "item")}</th>'
            f'<th scope="col">{label(lang, "as_written")}</th>'
            f'<th scope="col">{label(lang, "recomputed")}</th></tr></thead><tbody>'
            f"{kv_rows(rows, notes, view, lang, extra=extra, columns=3)}</tbody></table>"
        )
    return section("budget", label(lang, "budget"), notes, chart + body)


def lines_section(view: ReportView, notes: Notes, lang: str) -> str:
    """收支明细: the lines as a tree (indented), budget, executed and share as written."""
    if not view.lines:
        return section(
            "lines", label(lang, "lines"), notes, f'<p class="empty">{label(lang, "no_lines")}</p>'
        )
    head = "".join(
        f'<th scope="col">{label(lang, k)}</th>'
        for k in ("item", "line_budget", "line_executed", "line_share", "source")
    )
    rows = []
    for line in view.lines:
        p = f"lines[{line.pos}]"
        depth = min(line.depth, 8)
        tree = '<span class="tree" aria-hidden="true">└ </span>' if depth else ""
        rows.append(
            f"<tr{notes.cell_attrs(p)}>"
            + cell(
                "th",
                p + ".label",
                line.label,
                notes,
                view,
                lang,
                cls=f"d{depth}",
                attrs=' scope="row"',
                prefix=tree,
                suffix=notes.marks(p),
            )
            + cell("td", p + ".budget", line.budget, notes, view, lang, cls="n")
            + cell("td", p + ".executed", line.executed, notes, view, lang, cls="n")
            + cell("td", p + ".share", line.share, notes, view, lang, cls="n")
            + cell("td", p + ".source", line.source, notes, view, lang, cls="src")
            + "</tr>"
        )
        rows.append(notes.notes_row([p, *(f"{p}.{k}" for k in _LINE_CELLS)], 5))
    body = (
        f'<table class="grid lines"><caption><span class="vh">{label(lang, "lines")} </span>'
        f'<span class="sub">{label(lang, "money_unit")}{colon(lang)}{esc(view.money_unit)}</span></caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return section("lines", label(lang, "lines"), notes, body, "wide")


def evaluation_section(
    view: ReportView, score: Mapping[str, Any] | None, notes: Notes, lang: str
) -> str:
    """自评结果: the stated total, grade and tier subtotals, each beside its recomputed value."""
    total = (score or {}).get("total") or {}
    grade = (score or {}).get("grade") or {}
    partial = "*" if total.get("partial") else ""
    extra = {
        "evaluation.score": f'<td class="re">{num(total.get("recomputed"))}{partial}</td>',
        "evaluation.grade": f'<td class="re">{esc(grade.get("recomputed") or "—")}{partial}</td>',
    }
    recomputed_tiers = {t["tier"]: t for t in (score or {}).get("tiers") or ()}
    rows = [
        ("evaluation.score", label(lang, "score"), view.score),
        ("evaluation.grade", label(lang, "grade"), view.grade),
    ]
    for key, value in view.tier_scores:
        path = f"evaluation.tier_scores.{key}"
        rows.append((path, f"{label(lang, 'tier_score')}{colon(lang)}{key}", value))
        tier = recomputed_tiers.get(key)
        if tier is not None:
            star = "*" if tier.get("partial") else ""
            extra[path] = f'<td class="re">{num(tier.get("recomputed"))}{star}</td>'
    empty = "" if view.has_evaluation else f'<p class="empty">{label(lang, "no_evaluation")}</p>'
    body = (
        f'{empty}<table class="kv"><caption class="vh">{label(lang, "evaluation")}</caption>'
        f'<thead><tr><th scope="col">{label(lang, "item")}</th>'
        f'<th scope="col">{label(lang, "stated")}</th>'
        f'<th scope="col">{label(lang, "recomputed")}</th></tr></thead><tbody>'
        f"{kv_rows(rows, notes, view, lang, extra=extra, columns=3)}</tbody></table>"
    )
    return section("evaluation", label(lang, "evaluation"), notes, body)


def narrative_section(view: ReportView, notes: Notes, lang: str) -> str:
    """The prose sections rules read, each with the findings about it."""
    given = dict(view.narrative)
    paths = {n.record.path for n in notes.all}
    keys = _wanted("narrative", NARRATIVE_KEYS, given, paths)
    parts = []
    for k in keys:
        path = f"narrative.{k}"
        parts.append(
            f"<h3>{label(lang, 'n_' + k)}</h3>"
            f"{cell('div', path, given.get(k), notes, view, lang, cls='prose')}"
            f"{notes.note_list(notes.at(path))}"
        )
    return section("narrative", label(lang, "narrative"), notes, "".join(parts))


def _row_table(
    block: str,
    title: str,
    heads: tuple[str, ...],
    rows: Iterable[tuple[int, tuple[str | None, ...]]],
    keys: tuple[str, ...],
    notes: Notes,
    view: ReportView,
    lang: str,
) -> str:
    head = "".join(f'<th scope="col">{label(lang, h)}</th>' for h in heads)
    out = []
    for index, values in rows:
        p = f"{block}[{index}]"
        cells = [
            cell(
                "th" if i == 0 else "td",
                f"{p}.{k}",
                v,
                notes,
                view,
                lang,
                attrs=' scope="row"' if i == 0 else "",
                suffix=notes.marks(p) if i == 0 else "",
            )
            for i, (k, v) in enumerate(zip(keys, values, strict=True))
        ]
        out.append(f"<tr{notes.cell_attrs(p)}>{''.join(cells)}</tr>")
        out.append(notes.notes_row([p, *(f"{p}.{k}" for k in keys)], len(keys)))
    body = (
        f'<table class="grid"><caption class="vh">{esc(title)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(out)}</tbody></table>"
    )
    return section(block, title, notes, body)


def claims_section(view: ReportView, notes: Notes, lang: str) -> str:
    """The figures and statements the report states a second time."""
    rows = ((c.pos, (c.about, c.value, c.source)) for c in view.claims)
    heads = ("claim_about", "claim_value", "source")
    return _row_table("claims", label(lang, "claims"), heads, rows, _CLAIM_CELLS, notes, view, lang)


def waivers_section(view: ReportView, notes: Notes, lang: str) -> str:
    """The findings the submitter knowingly accepts, with their reasons."""
    rows = ((w.pos, (w.rule, w.about, w.reason)) for w in view.waivers)
    heads = ("rule", "waiver_about", "waiver_reason")
    return _row_table(
        "waivers", label(lang, "waivers"), heads, rows, _WAIVER_CELLS, notes, view, lang
    )
