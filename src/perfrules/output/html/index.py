"""The overview of a batch (``index.html``): one row per report, sorted by what needs attention.

:func:`index_row` keeps what the overview needs of each
:class:`~perfrules.output.records.Outcome` (a few numbers and names, so that
memory stays small for any number of reports); :func:`index_page` lays the
rows out: the files that could not be read first, with their messages; a bar
chart of findings per category; and the table of reports — department, year,
errors, warnings, stated and recomputed score and grade, a link to each page
— ordered by errors, then warnings, sortable and filterable by rule or
category with a small inline script (the page reads fully without it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote

from perfrules.output.html.charts import category_chart
from perfrules.output.html.markup import esc, label, num, paren
from perfrules.output.html.page import document
from perfrules.output.html.style import INDEX_SCRIPT

if TYPE_CHECKING:
    from perfrules.output.records import Outcome
    from perfrules.output.writer import Summary

__all__ = ["IndexRow", "index_page", "index_row", "page_href"]


class IndexRow(NamedTuple):
    """One report in the overview."""

    path: str
    page: str  # the page's file name, next to index.html
    failed: bool
    department: str | None
    year: int | None
    errors: int
    warnings: int
    infos: int
    stated: Decimal | None
    recomputed: Decimal | None
    partial: bool
    grade: str | None
    recomputed_grade: str | None
    rules: tuple[tuple[str, str, str], ...]  # (rule, category, severity) of every finding
    problem: str | None  # the first problem of a document that could not be read


def page_href(name: str) -> str:
    """A page's file name as a relative link."""
    return quote(name, safe="")


def index_row(outcome: Outcome, page: str) -> IndexRow:
    """What the overview keeps of ``outcome``, whose page is the file ``page``."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in outcome.findings:
        if not f.known:
            counts[f.severity] = counts.get(f.severity, 0) + 1
    score = outcome.score or {}
    total = score.get("total") or {}
    grade = score.get("grade") or {}
    view = outcome.report
    problem = "; ".join(p.rendered for p in outcome.problems) if outcome.problems else None
    return IndexRow(
        outcome.path,
        page,
        outcome.status == "failed",
        view.department if view is not None else None,
        view.year if view is not None else None,
        counts["error"],
        counts["warning"],
        counts["info"],
        total.get("stated"),
        total.get("recomputed"),
        bool(total.get("partial")),
        grade.get("stated"),
        grade.get("recomputed"),
        tuple((f.rule, f.category, f.severity) for f in outcome.findings),
        problem,
    )


def _attention(row: IndexRow) -> tuple[int, int, int, str]:
    return (-row.errors, -row.warnings, -row.infos, row.path)


def _num_cell(value: Decimal | int | None, star: bool = False) -> str:
    v = "" if value is None else num(value)
    return f'<td class="n" data-v="{esc(v)}">{num(value)}{"*" if star else ""}</td>'


def _report_rows(rows: Iterable[IndexRow], lang: str) -> str:
    out = []
    for r in sorted(rows, key=_attention):
        tags = sorted({t for rule, category, _ in r.rules for t in (rule, category)})
        out.append(
            f'<tr data-tags="{esc(" ".join(tags))}" data-path="{esc(r.path)}">'
            f'<th scope="row"><a href="{esc(page_href(r.page))}">{esc(r.department or r.path)}</a>'
            f'<span class="sub"><code>{esc(r.path)}</code></span></th>'
            f"{_num_cell(r.year)}{_num_cell(r.errors)}{_num_cell(r.warnings)}{_num_cell(r.infos)}"
            f"{_num_cell(r.stated)}{_num_cell(r.recomputed, r.partial)}"
            f"<td>{esc(r.grade or '—')}</td>"
            f"<td>{esc(r.recomputed_grade or '—')}{'*' if r.partial and r.recomputed_grade else ''}</td>"
            f"<td>{esc(' '.join(sorted({rule for rule, _, _ in r.rules})) or '—')}</td></tr>"
        )
    return "".join(out)


def _failed_table(rows: Sequence[IndexRow], lang: str) -> str:
    if not rows:
        return ""
    body = "".join(
        f'<tr class="failed" data-path="{esc(r.path)}"><th scope="row">'
        f'<a href="{esc(page_href(r.page))}"><code>{esc(r.path)}</code></a></th>'
        f"<td>{esc(r.problem or '')}</td></tr>"
        for r in rows
    )
    return (
        f'<section class="block" aria-labelledby="h-failed"><h2 id="h-failed">{label(lang, "unreadable_files")}'
        f" ({len(rows)})</h2>"
        f'<table class="grid failed"><caption>{label(lang, "unreadable_files")}</caption>'
        f'<thead><tr><th scope="col">{label(lang, "file")}</th><th scope="col">{label(lang, "message")}</th></tr>'
        f"</thead><tbody>{body}</tbody></table></section>"
    )


def _filter_options(rows: Sequence[IndexRow], lang: str) -> str:
    categories: dict[str, int] = {}
    rules: dict[str, int] = {}
    for r in rows:
        for category in {c for _, c, _ in r.rules}:
            categories[category] = categories.get(category, 0) + 1
        for rule in {x for x, _, _ in r.rules}:
            rules[rule] = rules.get(rule, 0) + 1
    options = [f'<option value="">{label(lang, "filter_all")}</option>']
    options.append(f'<optgroup label="{label(lang, "category")}">')
    options.extend(
        f'<option value="{esc(c)}">{esc(c)} ({n})</option>' for c, n in sorted(categories.items())
    )
    options.append(f'</optgroup><optgroup label="{label(lang, "rule")}">')
    options.extend(
        f'<option value="{esc(r)}">{esc(r)} ({n})</option>' for r, n in sorted(rules.items())
    )
    options.append("</optgroup>")
    return "".join(options)


def index_page(rows: Sequence[IndexRow], summary: Summary, lang: str) -> str:
    """The overview of ``rows`` as a whole HTML document."""
    failed = [r for r in rows if r.failed]
    checked = [r for r in rows if not r.failed]
    per_category: dict[str, list[int]] = {}
    for r in checked:
        for _, category, severity in r.rules:
            tally = per_category.setdefault(category, [0, 0, 0])
            tally[{"error": 0, "warning": 1}.get(severity, 2)] += 1
    chart = category_chart({c: (v[0], v[1], v[2]) for c, v in per_category.items()}, lang)
    heads = [
        ("department", "text"),
        ("year", "num"),
        ("errors", "num"),
        ("warnings", "num"),
        ("infos", "num"),
        ("stated", "num"),
        ("recomputed", "num"),
        ("grade", "text"),
        ("recomputed", "text"),
        ("rule", "text"),
    ]
    titles = {
        7: label(lang, "grade") + paren(lang, label(lang, "stated")),
        8: label(lang, "grade") + paren(lang, label(lang, "recomputed")),
    }
    titles[5] = label(lang, "score") + paren(lang, label(lang, "stated"))
    titles[6] = label(lang, "score") + paren(lang, label(lang, "recomputed"))
    head = "".join(
        f'<th scope="col" data-type="{kind}">{esc(titles.get(i, label(lang, key)))}</th>'
        for i, (key, kind) in enumerate(heads)
    )
    counts = (
        f'<p class="counts"><span>{esc(label(lang, "checked_summary").format(files=summary.files))}</span>'
        f"<span>{label(lang, 'errors')} <b>{summary.errors}</b></span>"
        f"<span>{label(lang, 'warnings')} <b>{summary.warnings}</b></span>"
        f"<span>{label(lang, 'infos')} <b>{summary.infos}</b></span>"
        f"<span>{label(lang, 'unreadable')} <b>{summary.failed}</b></span>"
        + (
            f"<span>{label(lang, 'skipped')} <b>{summary.skipped}</b></span>"
            if summary.skipped
            else ""
        )
        + "</p>"
    )
    controls = (
        f'<div class="controls" hidden><label for="filter">{label(lang, "filter_rule")}</label>'
        f'<select id="filter">{_filter_options(checked, lang)}</select>'
        f'<label for="search">{label(lang, "filter_text")}</label><input id="search" type="search">'
        f'<span>{label(lang, "shown")} <output id="shown">{len(checked)}</output>/{len(checked)}</span></div>'
    )
    partial = (
        f'<p class="sub">{label(lang, "partial_note")}</p>'
        if any(r.partial for r in checked)
        else ""
    )
    chart_section = (
        f'<section class="block" aria-labelledby="h-cat"><h2 id="h-cat">{label(lang, "by_category")}</h2>{chart}</section>'
        if chart
        else ""
    )
    body = (
        f"<header><h1>{label(lang, 'index_title')} — {label(lang, 'tool')}</h1>{counts}</header><main>"
        f"{_failed_table(failed, lang)}{chart_section}"
        f'<section class="block" aria-labelledby="h-reports"><h2 id="h-reports">{label(lang, "reports")}</h2>'
        f'<p class="sub">{label(lang, "sort_hint")}</p>{controls}'
        f'<table class="grid" id="reports"><caption>{label(lang, "reports")} ({len(checked)})</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{_report_rows(checked, lang)}</tbody></table>"
        f"{partial}</section></main>"
    )
    return document(
        f"{label(lang, 'index_title')} — {label(lang, 'tool')}", body, lang, INDEX_SCRIPT
    )
