"""One cell of a review page: its value as written, its provenance popover, its highlight and markers.

Every table of a page is built from :func:`cell` and :func:`kv_rows`, so that
each value carries its key path (``data-path``), the highlight and markers of
the findings about it (:class:`~perfrules.output.html.notes.Notes`) and, for a
report extracted from a Word, Excel, PDF or text file, where it was read: a
popover shown on hover and on keyboard focus (CSS only, no script), with the
file, the place in it and the source text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from perfrules.output.html.markup import esc, label

if TYPE_CHECKING:
    from perfrules.output.html.notes import Notes
    from perfrules.output.reportview import ReportView

__all__ = ["cell", "kv_rows", "missing", "provenance_box", "with_provenance"]


def missing(lang: str) -> str:
    """The mark of an empty cell: a dash for the eye, the word for a screen reader."""
    return f'<span class="none" title="{label(lang, "not_given")}">—<span class="vh">{label(lang, "not_given")}</span></span>'


def provenance_box(view: ReportView | None, path: str, lang: str) -> str:
    """The popover telling where the value at ``path`` was read, or nothing."""
    if view is None or not view.provenance:
        return ""
    traced = view.provenance.get(path)
    if traced is None:
        return ""
    place = traced.place
    return (
        f'<span class="pvbox prov" role="note"><span class="pvk">{label(lang, "from")}</span> '
        f'<span class="pvplace">{esc(place.render(lang))}</span>'
        f'<span class="pvk">{label(lang, "prov_text")}</span> '
        f'<q class="pvtext">{esc(traced.text)}</q></span>'
    )


def with_provenance(body: str, view: ReportView | None, path: str, lang: str) -> str:
    """``body`` wrapped so that its provenance shows on hover and focus (when it has one)."""
    box = provenance_box(view, path, lang)
    if not box:
        return body
    return f'<span class="pv" tabindex="0">{body}{box}</span>'


def cell(
    tag: str,
    path: str,
    text: str | None,
    notes: Notes,
    view: ReportView | None,
    lang: str,
    *,
    cls: str = "",
    attrs: str = "",
    prefix: str = "",
    suffix: str = "",
) -> str:
    """A ``<td>``/``<th>`` (or any element) for the value ``text`` at key path ``path``.

    ``prefix`` and ``suffix`` are markup put before and after the value (a
    tree mark, a sub-line); the value itself is escaped here.
    """
    body = esc(text) if text is not None and text != "" else missing(lang)
    return (
        f"<{tag}{notes.cell_attrs(path, cls)}{attrs}>{prefix}"
        f"{with_provenance(body, view, path, lang)}{notes.marks(path)}{suffix}</{tag}>"
    )


def kv_rows(
    rows: Iterable[tuple[str, str, str | None]],
    notes: Notes,
    view: ReportView | None,
    lang: str,
    *,
    extra: dict[str, str] | None = None,
    columns: int = 2,
) -> str:
    """Rows of a two-column table: a header cell (the field) and the value at its path.

    ``rows`` are ``(path, field label, text)``; ``extra`` adds, per path, a
    cell after the value (a recomputed figure) — then ``columns`` is 3. Each
    row is followed by the notes of the findings about it.
    """
    out = []
    for path, field, text in rows:
        after = ""
        if extra is not None:
            after = extra.get(path, "<td></td>")
        out.append(
            f'<tr><th scope="row">{esc(field)}</th>'
            f"{cell('td', path, text, notes, view, lang, cls='v')}{after}</tr>"
        )
        out.append(notes.notes_row([path], columns))
    return "".join(out)
