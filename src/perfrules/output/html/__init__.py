"""HTML review pages: one self-contained page per report, with its findings marked, and an overview.

The package: :mod:`~perfrules.output.html.markup` (the one escaping function,
ids, labels), :mod:`~perfrules.output.html.style` (the inline style sheet and
the overview's script), :mod:`~perfrules.output.html.notes` (placing each
finding at the cell it is about), :mod:`~perfrules.output.html.cells`,
:mod:`~perfrules.output.html.sections` and
:mod:`~perfrules.output.html.indicators` (the report's own tables),
:mod:`~perfrules.output.html.charts` (inline SVG),
:mod:`~perfrules.output.html.page` (one report's page),
:mod:`~perfrules.output.html.index` (the overview) and
:mod:`~perfrules.output.html.writer` (the :class:`HtmlWriter`). Pages are
built from the same :class:`~perfrules.output.records.Outcome` records as the
JSON output, plus the report's own data
(:class:`~perfrules.output.reportview.ReportView`). The names below are
imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfrules._lazy import lazy_face

if TYPE_CHECKING:
    from perfrules.output.html.index import index_page
    from perfrules.output.html.markup import esc
    from perfrules.output.html.page import report_page
    from perfrules.output.html.writer import INDEX, HtmlWriter

__all__ = ["INDEX", "HtmlWriter", "esc", "index_page", "report_page"]

#: Where each name lives; imported on first use.
_LAZY: dict[str, str] = {
    "INDEX": "perfrules.output.html.writer",
    "HtmlWriter": "perfrules.output.html.writer",
    "esc": "perfrules.output.html.markup",
    "index_page": "perfrules.output.html.index",
    "report_page": "perfrules.output.html.page",
}


__getattr__, __dir__ = lazy_face(__name__, _LAZY, globals())
