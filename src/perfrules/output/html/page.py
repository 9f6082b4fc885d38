"""One report's review page: header, findings, the report's own tables with the findings marked, the charts.

:func:`report_page` builds the whole self-contained HTML document of one
:class:`~perfrules.output.records.Outcome` — the same records the JSON output
is written from, plus the report's own data
(:class:`~perfrules.output.reportview.ReportView`); a document that could not
be read gets a page with its problems.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from perfrules._version import __version__
from perfrules.output.html.charts import budget_chart, score_chart
from perfrules.output.html.indicators import indicator_table
from perfrules.output.html.markup import colon, esc, label, num, paren, severity_badge
from perfrules.output.html.notes import DocsLinks, Notes
from perfrules.output.html.sections import (
    anchors,
    budget_section,
    claims_section,
    evaluation_section,
    header_section,
    lines_section,
    narrative_section,
    section,
    waivers_section,
)
from perfrules.output.html.style import CSS

if TYPE_CHECKING:
    from perfrules.output.records import Outcome
    from perfrules.output.reportview import ReportView

__all__ = ["document", "report_page"]


def document(title: str, body: str, lang: str, script: str = "") -> str:
    """A whole HTML document: the inline style sheet, ``body``, an optional inline script."""
    code = f"<script>{script}</script>" if script else ""
    html_lang = "en" if lang == "en" else "zh-CN"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="perfrules">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>{body}"
        f"<footer>{esc(label(lang, 'generated').format(version=__version__))}</footer>{code}</body></html>\n"
    )


def _counts(outcome: Outcome, lang: str) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in outcome.findings:
        if not f.known:  # as the run's summary counts them: known ones are marked, not counted
            counts[f.severity] = counts.get(f.severity, 0) + 1
    parts = [
        f'<span data-count="{k}">{severity_badge(k, lang)} <b>{counts.get(k, 0)}</b></span>'
        for k in ("error", "warning", "info")
    ]
    if outcome.waived:
        parts.append(
            f'<span data-count="waived">{severity_badge("waived", lang)} <b>{len(outcome.waived)}</b></span>'
        )
    score = outcome.score or {}
    total = score.get("total") or {}
    grade = score.get("grade") or {}
    if score:
        star = "*" if total.get("partial") else ""
        parts.append(
            f"<span>{label(lang, 'score')}{colon(lang)}{label(lang, 'stated')} <b>{num(total.get('stated'))}</b>"
            f" · {label(lang, 'recomputed')} <b>{num(total.get('recomputed'))}{star}</b></span>"
        )
        parts.append(
            f"<span>{label(lang, 'grade')}{colon(lang)}{label(lang, 'stated')} <b>{esc(grade.get('stated') or '—')}</b>"
            f" · {label(lang, 'recomputed')} <b>{esc(grade.get('recomputed') or '—')}{star}</b></span>"
        )
    if outcome.profile:
        parts.append(
            f"<span>{label(lang, 'profile')}{colon(lang)}<code>{esc(outcome.profile)}</code></span>"
        )
    return '<p class="counts">' + "".join(parts) + "</p>"


def _findings_table(notes: Notes, lang: str) -> str:
    if not notes.all:
        return f'<p class="empty">{label(lang, "no_findings")}</p>'
    heads = (
        "#",
        label(lang, "severity"),
        label(lang, "rule"),
        label(lang, "category"),
        label(lang, "where"),
        label(lang, "message"),
    )
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in heads)
    rows = []
    for n in notes.all:
        r = n.record
        known = f' <span class="tag">{label(lang, "known")}</span>' if r.known else ""
        rows.append(
            f'<tr id="s{n.number}" data-rule="{esc(r.rule)}" data-finding="{esc(r.path)}">'
            f'<th scope="row">{n.number}</th><td>{severity_badge(n.severity, lang)}</td>'
            f"<td>{notes.docs.link(r.rule, r.category)}</td><td>{esc(r.category)}</td>"
            f"<td>{notes.where(n)}</td><td>{esc(r.message)}{known}</td></tr>"
        )
    return (
        f'<table class="grid findings"><caption class="vh">{label(lang, "findings")}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _score_section(score: Mapping[str, Any] | None, lang: str) -> str:
    if not score:
        return ""
    heads = ("tier", "weight", "stated", "sum_stated", "recomputed")
    head = "".join(f'<th scope="col">{label(lang, h)}</th>' for h in heads)
    rows = []
    for t in score.get("tiers") or ():
        star = "*" if t.get("partial") else ""
        rows.append(
            f'<tr><th scope="row">{esc(t["tier"])}</th><td class="n">{num(t.get("weight"))}</td>'
            f'<td class="n">{num(t.get("stated"))}</td><td class="n">{num(t.get("stated_sum"))}</td>'
            f'<td class="n">{num(t.get("recomputed"))}{star}</td></tr>'
        )
    ex = score.get("execution") or {}
    rows.append(
        f'<tr><th scope="row">{label(lang, "execution")}</th><td class="n">{num(ex.get("weight"))}</td>'
        f'<td class="n">{num(ex.get("stated"))}</td><td class="n">—</td>'
        f'<td class="n">{num(ex.get("recomputed"))}</td></tr>'
    )
    total = score.get("total") or {}
    star = "*" if total.get("partial") else ""
    rows.append(
        f'<tr><th scope="row">{label(lang, "total")}</th>'
        f'<td class="n">{num(total.get("weights"))}/{num(total.get("expected_weights"))}</td>'
        f'<td class="n">{num(total.get("stated"))}</td><td class="n">{num(total.get("stated_sum"))}</td>'
        f'<td class="n">{num(total.get("recomputed"))}{star}</td></tr>'
    )
    grade = score.get("grade") or {}
    rows.append(
        f'<tr><th scope="row">{label(lang, "grade")}</th><td class="n">—</td>'
        f'<td class="n">{esc(grade.get("stated") or "—")}</td>'
        f'<td class="n">{esc(grade.get("of_stated_score") or "—")}</td>'
        f'<td class="n">{esc(grade.get("recomputed") or "—")}{star}</td></tr>'
    )
    # a formula is arithmetic, the same in both languages; why nothing was scored is prose
    how = (
        ex.get("reason") if ex.get("recomputed") is None and ex.get("reason") else ex.get("formula")
    )
    formula = f'<p class="sub">{label(lang, "execution")}{colon(lang)}{esc(how)}</p>' if how else ""
    note = f'<p class="sub">{label(lang, "partial_note")}</p>' if total.get("partial") else ""
    return (
        f'<section class="block" aria-labelledby="h-scoresheet"><h2 id="h-scoresheet">{label(lang, "scoresheet")}'
        f' <span class="sub">{paren(lang, "<code>" + esc(score.get("profile") or "") + "</code>")}</span></h2>'
        f"{score_chart(score, lang)}"
        f'<table class="kv scoresheet"><caption class="vh">{label(lang, "scoresheet")}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{formula}{note}</section>"
    )


def _provenance_section(view: ReportView, lang: str) -> str:
    if not view.provenance:
        return ""
    rows = "".join(
        f'<tr><th scope="row"><code>{esc(path)}</code></th><td>{esc(t.place.render(lang))}</td>'
        f"<td>{esc(t.text)}</td></tr>"
        for path, t in sorted(view.provenance.items())
    )
    heads = "".join(
        f'<th scope="col">{label(lang, h)}</th>' for h in ("prov_path", "prov_place", "prov_text")
    )
    return (
        f'<section class="block" aria-labelledby="h-provenance"><details><summary><h2 id="h-provenance"'
        f' style="display:inline">{label(lang, "provenance")}</h2></summary>'
        f'<table class="grid provenance"><caption class="vh">{label(lang, "provenance")}</caption>'
        f"<thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></details></section>"
    )


def _problem_items(outcome: Outcome, lang: str) -> str:
    return "".join(
        f'<li class="note sev-error">{severity_badge("error", lang)} <span class="msg">{esc(p.rendered)}</span></li>'
        for p in outcome.problems
    )


def _rule_failures(outcome: Outcome, lang: str) -> str:
    """The rules that failed on a checked report, first on its page (nothing when none did)."""
    if not outcome.problems:
        return ""
    return (
        f'<section class="block" aria-labelledby="h-rule-failed"><h2 id="h-rule-failed">'
        f'{label(lang, "rule_failed")}</h2><ul class="notes problems">{_problem_items(outcome, lang)}</ul></section>'
    )


def _failed_body(outcome: Outcome, lang: str) -> str:
    items = _problem_items(outcome, lang)
    return (
        f"<h1>{label(lang, 'unreadable')}{colon(lang)}{esc(outcome.path)}</h1>"
        f'<section class="block" aria-labelledby="h-problems"><h2 id="h-problems">{label(lang, "unreadable")}</h2>'
        f'<ul class="notes problems">{items}</ul></section>'
    )


def report_page(
    outcome: Outcome,
    lang: str,
    docs: DocsLinks,
    *,
    show_waived: bool = False,
    index: str | None = None,
) -> str:
    """The review page of ``outcome`` as a whole HTML document (``index``: the overview's address, if any)."""
    crumb = (
        f'<p class="crumb"><a href="{esc(index)}">← {label(lang, "back")}</a></p>' if index else ""
    )
    view = outcome.report
    if outcome.status != "checked" or view is None:
        title = f"{label(lang, 'unreadable')}: {outcome.path}"
        return document(title, crumb + _failed_body(outcome, lang), lang)
    waived = outcome.waived if show_waived else ()
    notes = Notes(
        outcome.findings,
        waived,
        anchors(view, (f.path for f in (*outcome.findings, *waived))),
        lang,
        docs,
    )
    heading = view.title or f"{view.department} {view.year}"
    lede = f"{esc(view.department)} · {view.year} · <code>{esc(outcome.path)}</code>"
    if view.file and view.file != outcome.path:
        lede += f" · {label(lang, 'file')}{colon(lang)}<code>{esc(view.file)}</code>"
    score = outcome.score
    execution = (score or {}).get("execution") or {}
    chart = budget_chart(view.chain, view.stated_rate, execution.get("rate"), view.money_unit, lang)
    page_notes = notes.note_list(notes.at(""))
    body = (
        f'{crumb}<header><h1>{esc(heading)}</h1><p class="lede">{lede}</p>{_counts(outcome, lang)}</header>'
        f"<main>{_rule_failures(outcome, lang)}"
        f"{section('report', label(lang, 'report'), notes, header_section(view, outcome.profile, notes, lang))}"
        f'<section class="block" aria-labelledby="h-findings"><h2 id="h-findings">{label(lang, "findings")}</h2>'
        f"{page_notes}{_findings_table(notes, lang)}</section>"
        f"{budget_section(view, score, notes, lang, chart)}"
        f"{lines_section(view, notes, lang)}"
        f"{section('indicators', label(lang, 'indicators'), notes, indicator_table(view, score, notes, lang), 'wide')}"
        f"{evaluation_section(view, score, notes, lang)}"
        f"{_score_section(score, lang)}"
        f"{narrative_section(view, notes, lang)}"
        f"{claims_section(view, notes, lang) if 'claims' in notes.anchors else ''}"
        f"{waivers_section(view, notes, lang) if 'waivers' in notes.anchors else ''}"
        f"{_provenance_section(view, lang)}</main>"
    )
    return document(f"{heading} — {label(lang, 'tool')}", body, lang)
