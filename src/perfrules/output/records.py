"""What checking one document gave, as small picklable records with messages already rendered.

:class:`Outcome` is one document's result (``checked``, ``failed`` or
``skipped``); its findings are :class:`Record` objects and its load problems
:class:`ProblemRecord` objects, both plain data with the messages rendered in
the requested language, so that they cross process boundaries and every writer
only lays them out. For HTML output an outcome also carries the report's own
data (:class:`~perfrules.output.reportview.ReportView`). :func:`finding_record` and :func:`problem_record` make them.

A finding about a report read as written (``perfrules check report.docx``)
carries its :class:`Origin`: where the value stands in the original file
(:func:`origin_record` makes it from the extraction's provenance).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from perfrules.document.provenance import Traced
    from perfrules.errors import Problem
    from perfrules.output.reportview import ReportView
    from perfrules.rules.findings import Finding

__all__ = [
    "Origin",
    "Outcome",
    "ProblemRecord",
    "Record",
    "finding_record",
    "origin_record",
    "problem_record",
]


class Origin(NamedTuple):
    """Where a finding's value stands in the original file of a report read as written.

    ``label`` is the place without the file, in the chosen language
    (``47:12``, ``表2 第5行 “实际完成值”``, ``Sheet1!B7``, ``第3页 第12行``);
    ``render`` the place with the file; ``line``/``column`` the line and
    column in a text file (None elsewhere); ``place`` the place's fields
    that are set (``format``, ``line``, ``page``, ``table``, ``row``, ``cell``,
    ``sheet``, ``ref`` …) and ``column_name`` the cell's column header; ``text``
    the source text the value was read from.
    """

    file: str
    label: str
    render: str
    line: int | None
    column: int | None
    place: Mapping[str, Any]
    text: str


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
    origin: Origin | None = None  # where it stands in the original file (a report as written)


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
    #: a report read as written: what extraction could not read, what needs a person (JSON-ready)
    extraction: Mapping[str, Any] | None = None


def origin_record(traced: Traced, lang: str, column_name: str | None = None) -> Origin:
    """The :class:`Origin` of a value read from ``traced`` (its column named ``column_name``)."""
    place = traced.place
    fields: dict[str, Any] = {
        k: getattr(place, k)
        for k in ("format", "line", "column", "page", "paragraph", "table", "row", "cell")
        if getattr(place, k) is not None
    }
    fields.update({k: getattr(place, k) for k in ("sheet", "ref") if getattr(place, k)})
    if column_name:
        fields["column_name"] = column_name
    text_file = place.format == "text"
    return Origin(
        place.file,
        place.label(lang, column_name),
        place.render(lang, column_name),
        place.line if text_file else None,
        place.column if text_file else None,
        fields,
        traced.text,
    )


def finding_record(finding: Finding, lang: str, origin: Origin | None = None) -> Record:
    """``finding`` as a :class:`Record`, its message rendered in ``lang``.

    With ``origin`` (a report read as written) the record's line is the line
    in the original text file, or None where the original has no lines.
    """
    waiver = finding.waiver
    return Record(
        finding.rule,
        finding.category,
        finding.severity.value,
        finding.about,
        finding.path,
        finding.line if origin is None else origin.line,
        finding.expected,
        finding.found,
        finding.message(lang),
        waiver.reason if waiver is not None else None,
        origin=origin,
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
