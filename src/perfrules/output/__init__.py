"""Reporting: what a run found, as records, and its output formats (text, JSON, SARIF, GitHub).

The stage holds :mod:`~perfrules.output.records` (one document's
:class:`~perfrules.output.records.Outcome`, its findings and problems as
rendered records), :mod:`~perfrules.output.scoredata` (the score sheet as
data), :mod:`~perfrules.output.baseline` (findings known from an earlier run),
the writers (:mod:`~perfrules.output.text`, :mod:`~perfrules.output.jsonout`,
:mod:`~perfrules.output.sarif`, :mod:`~perfrules.output.github`) and
:mod:`~perfrules.output.docgen` (the rule reference pages). This module holds
what every writer shares: :class:`Summary`, :class:`Writer` and
:func:`make_writer`.

Every writer streams: :meth:`Writer.start` once, :meth:`Writer.file` for each
document's :class:`~perfrules.output.records.Outcome` in order, :meth:`Writer.finish`
with the :class:`Summary`. Messages arrive already rendered in the chosen
language; writers only lay them out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

import attrs

if TYPE_CHECKING:
    from perfrules.output.records import Outcome
    from perfrules.rules.engine import RuleSet

__all__ = ["FORMATS", "Summary", "Writer", "make_writer"]

#: The ``--format`` choices.
FORMATS = ("text", "json", "sarif", "github")


@attrs.define
class Summary:
    """Counts over a whole run.

    ``errors``/``warnings``/``infos`` count unwaived findings that are not in
    the baseline; ``known`` those that are; ``waived`` the waived ones;
    ``files`` the documents reported (checked or failed); ``failed`` those that
    could not be loaded; ``skipped`` those that are not report documents.
    """

    files: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    known: int = 0
    waived: int = 0
    failed: int = 0
    skipped: int = 0

    def add(self, outcome: Outcome) -> None:
        """Count one document's outcome."""
        if outcome.status == "skipped":
            self.skipped += 1
            return
        self.files += 1
        if outcome.status == "failed":
            self.failed += 1
        self.waived += len(outcome.waived)
        for f in outcome.findings:
            if f.known:
                self.known += 1
            elif f.severity == "error":
                self.errors += 1
            elif f.severity == "warning":
                self.warnings += 1
            else:
                self.infos += 1


class Writer:
    """Base class of the output formats."""

    def __init__(self, out: TextIO, *, lang: str = "zh", show_waived: bool = False) -> None:
        self.out = out
        self.lang = lang
        self.show_waived = show_waived

    def start(self) -> None:
        """Called once before the first document."""

    def file(self, outcome: Outcome) -> None:
        """Write one document's outcome (skipped documents are passed too)."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last document."""


def make_writer(
    fmt: str,
    out: TextIO,
    *,
    lang: str = "zh",
    show_waived: bool = False,
    color: bool = False,
    rules: RuleSet | None = None,
    explicit: frozenset[str] = frozenset(),
    baseline: bool = False,
) -> Writer:
    """The writer for ``--format fmt``."""
    if fmt == "json":
        from perfrules.output.jsonout import JsonWriter

        return JsonWriter(out, lang=lang, show_waived=show_waived)
    if fmt == "sarif":
        from perfrules.output.sarif import SarifWriter

        return SarifWriter(out, lang=lang, show_waived=show_waived, rules=rules, baseline=baseline)
    if fmt == "github":
        from perfrules.output.github import GithubWriter

        return GithubWriter(out, lang=lang, show_waived=show_waived)
    from perfrules.output.text import TextWriter

    return TextWriter(out, lang=lang, show_waived=show_waived, color=color, explicit=explicit)
