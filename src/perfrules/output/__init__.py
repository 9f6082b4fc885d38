"""Reporting: what a run found, as records, and its output formats (text, JSON, SARIF, GitHub, HTML).

The stage holds :mod:`~perfrules.output.records` (one document's
:class:`~perfrules.output.records.Outcome`, its findings and problems as
rendered records), :mod:`~perfrules.output.scoredata` (the score sheet as
data), :mod:`~perfrules.output.reportview` (the report's own data, for the
HTML pages), :mod:`~perfrules.output.baseline` (findings known from an
earlier run),
:mod:`~perfrules.output.writer` (the :class:`Writer` interface and the run's
:class:`Summary`), :mod:`~perfrules.output.formats` (:data:`FORMATS` and
:func:`make_writer`), the writers (:mod:`~perfrules.output.text`,
:mod:`~perfrules.output.jsonout`, :mod:`~perfrules.output.sarif`,
:mod:`~perfrules.output.github`, and the review pages of
:mod:`~perfrules.output.html`) and :mod:`~perfrules.output.docgen` (the rule
reference pages).

The names below are imported on first use, so that importing one module of
the stage does not import the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfrules._lazy import lazy_face

if TYPE_CHECKING:
    from perfrules.output.formats import FORMATS, make_writer
    from perfrules.output.writer import Summary, Writer

__all__ = ["FORMATS", "Summary", "Writer", "make_writer"]

#: Where each name lives; imported on first use.
_LAZY: dict[str, str] = {
    "FORMATS": "perfrules.output.formats",
    "Summary": "perfrules.output.writer",
    "Writer": "perfrules.output.writer",
    "make_writer": "perfrules.output.formats",
}


__getattr__, __dir__ = lazy_face(__name__, _LAZY, globals())
