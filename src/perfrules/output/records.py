"""What checking one document gave, as small picklable records with messages already rendered.

:class:`Outcome` is one document's result (``checked``, ``failed`` or
``skipped``); its findings are :class:`Record` objects and its load problems
:class:`ProblemRecord` objects, both plain data with the messages rendered in
the requested language, so that they cross process boundaries and every writer
only lays them out. For HTML output an outcome also carries the report's own
data (:class:`~perfrules.output.reportview.ReportView`). :func:`finding_record` and :func:`problem_record` make them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from perfrules.errors import Problem
    from perfrules.output.reportview import ReportView
    from perfrules.rules.findings import Finding

__all__ = ["Outcome", "ProblemRecord", "Record", "finding_record", "problem_record"]


class Record(NamedTuple):
    """A finding as output needs it: data plus its message rendered in the chosen language."""

    rule: str
    category: str
    severity: str
    about: str
    path: str
    line: int | None
    expected: Decimal | str | None
    found: Decimal | str | None
    message: str
    reason: str | None = None  # the waiver's reason, for waived findings
    known: bool = False  # present in the baseline


class ProblemRecord(NamedTuple):
    """A load (or configuration, or profile) problem of one document, rendered."""

    file: str | None
    line: int | None
    path: str
    message: str
    rendered: str  # ``file:line: rule: keypath: message``
    rule: str | None = None  # the rule a problem is of (a rule pack's, or a rule that failed)


class Outcome(NamedTuple):
    """What checking one path gave: ``status`` is ``checked``, ``failed`` or ``skipped``."""

    path: str
    status: str
    profile: str | None = None
    findings: tuple[Record, ...] = ()
    waived: tuple[Record, ...] = ()
    problems: tuple[ProblemRecord, ...] = ()
    score: Mapping[str, Any] | None = None
    report: ReportView | None = None  # the report's own data, for the HTML pages only


def finding_record(finding: Finding, lang: str) -> Record:
    """``finding`` as a :class:`Record`, its message rendered in ``lang``."""
    waiver = finding.waiver
    return Record(
        finding.rule,
        finding.category,
        finding.severity.value,
        finding.about,
        finding.path,
        finding.line,
        finding.expected,
        finding.found,
        finding.message(lang),
        waiver.reason if waiver is not None else None,
    )


def problem_record(problem: Problem, path: str, lang: str) -> ProblemRecord:
    """``problem`` of the document at ``path`` as a :class:`ProblemRecord` in ``lang``.

    A problem that names no file is placed in ``path``.
    """
    if problem.file is None:
        problem = problem.at(path)
    return ProblemRecord(
        problem.file,
        problem.line,
        problem.path,
        problem.message(lang),
        problem.render(lang),
        problem.rule,
    )
