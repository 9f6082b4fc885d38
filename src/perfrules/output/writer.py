"""What every writer shares: the :class:`Writer` interface and the run's :class:`Summary`.

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

__all__ = ["Summary", "Writer"]


@attrs.define
class Summary:
    """Counts over a whole run.

    ``errors``/``warnings``/``infos`` count unwaived findings that are not in
    the baseline; ``known`` those that are; ``waived`` the waived ones;
    ``files`` the documents reported (checked or failed); ``failed`` those that
    could not be loaded; ``skipped`` those that are not report documents;
    ``rule_errors`` the checked documents on which a rule failed to evaluate
    (their problems: not fully checked).
    """

    files: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    known: int = 0
    waived: int = 0
    failed: int = 0
    skipped: int = 0
    rule_errors: int = 0

    def add(self, outcome: Outcome) -> None:
        """Count one document's outcome."""
        if outcome.status == "skipped":
            self.skipped += 1
            return
        self.files += 1
        if outcome.status == "failed":
            self.failed += 1
        elif outcome.problems:
            self.rule_errors += 1
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
