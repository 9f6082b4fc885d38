"""Reports as they are written (.txt, .docx, .xlsx, .pdf) in a run: read, then placed in the original.

``perfrules check report.docx`` extracts the report (:func:`perfrules.extract`,
applying ``report.overrides.toml`` beside it) and checks the document it
gives; every finding then carries its :class:`~perfrules.output.records.Origin`,
the place of its value in the original file, through the extraction's
provenance map. ``perfrules extract`` writes the annotated documents: where
each goes (:func:`target_for`) and, for ``--format json``, the whole
extraction as data (:func:`extraction_data`).

In a folder, a report as written beside the document extracted from it
(``report.docx`` and ``report.toml`` whose header says it was read from
``report.docx``) is left to that document: a person may have corrected it,
and checking both would report every finding twice (:func:`superseded`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perfrules.errors import DocumentError, Problem, not_regular
from perfrules.messages import Message, Names
from perfrules.messages import output as msg
from perfrules.output.records import Origin, Record, finding_record, origin_record

if TYPE_CHECKING:
    from perfrules.extract.api import Extraction
    from perfrules.rules.findings import Finding

__all__ = [
    "WRITTEN_FORMATS",
    "WRITTEN_SUFFIXES",
    "extraction_data",
    "extraction_lines",
    "read_written",
    "records",
    "superseded",
    "target_for",
    "written_format",
]

#: The formats of reports as written, by the suffixes that name them (as perfrules.extract reads them).
WRITTEN_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".pdf": "pdf",
}
#: The suffixes of reports as written that are searched for in folders (not .md: READMEs).
WRITTEN_SUFFIXES = (".txt", ".docx", ".xlsx", ".pdf")
_READ_FROM = "# Read from "


def written_format(path: str, input_format: str | None = None) -> str | None:
    """The format of a report as written at ``path`` (or as ``--input-format`` says), else None."""
    if input_format is not None:
        return input_format if input_format in WRITTEN_FORMATS.values() else None
    return WRITTEN_FORMATS.get(Path(path).suffix.lower())


def read_written(path: str, fmt: str | None, data: bytes | None = None) -> Extraction:
    """Extract the report at ``path`` (or ``data``, named ``path``), its overrides applied.

    ``fmt`` None: the format is told by the file's first bytes.
    """
    from perfrules.extract.api import extract

    if data is not None:
        return extract(data, fmt, file=path)
    if not os.path.isfile(path):
        from perfrules.messages.extract import NoSuchFile

        detail = {"detail": NoSuchFile()} if not os.path.exists(path) else not_regular()
        raise DocumentError([Problem("unreadable", file=path, params=detail)])
    return extract(path, fmt)


def origin(extraction: Extraction, key_path: str, lang: str) -> Origin | None:
    """Where the value at ``key_path`` of the extracted document stands in the original."""
    from perfrules.extract.places import column_name

    source = extraction.report.source
    traced = source.traced(key_path) if source is not None else None
    if traced is None:
        return None
    return origin_record(traced, lang, column_name(extraction.layout, traced.place))


def records(extraction: Extraction, findings: Iterable[Finding], lang: str) -> tuple[Record, ...]:
    """The findings about an extracted report as records placed in the original file."""
    return tuple(finding_record(f, lang, origin(extraction, f.path, lang)) for f in findings)


def _extracted_from(document: str) -> str | None:
    """The file name a generated document says it was read from (its header), or None."""
    try:  # opened without blocking: a FIFO named report.toml must not stall the folder's check
        fd = os.open(document, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, encoding="utf-8", closefd=False) as fh:
            head = [fh.readline(4096) for _ in range(4)]
    except (OSError, UnicodeDecodeError):
        return None
    finally:
        os.close(fd)
    for line in head:
        if line.startswith(_READ_FROM):
            name, _, rest = line[len(_READ_FROM) :].partition(" (")
            return name if rest else None
    return None


def superseded(paths: Sequence[str]) -> set[str]:
    """The reports as written among ``paths`` whose extracted document is beside them (and among them)."""
    present = set(paths)
    out: set[str] = set()
    for path in paths:
        if written_format(path) is None:
            continue
        document = str(Path(path).with_suffix(".toml"))
        if document in present and _extracted_from(document) == Path(path).name:
            out.add(path)
    return out


def target_for(source: str, output: str | None, several: bool) -> str:
    """Where ``perfrules extract`` writes the document of ``source``.

    Without ``output``: beside the source, as ``<stem>.toml``. With a folder
    (one that exists, or any ``output`` when there are several sources): in
    it, as ``<stem>.toml``. Otherwise ``output`` itself (``-``: standard output).
    """
    name = Path(source).with_suffix(".toml").name
    if output is None:
        return str(Path(source).with_suffix(".toml"))
    if output == "-":
        return output
    if several or os.path.isdir(output) or output.endswith(("/", os.sep)):
        return os.path.join(output, name)
    return output


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def extraction_data(extraction: Extraction, written: str | None, lang: str) -> dict[str, Any]:
    """One extraction as JSON-ready data: the document, every value's place, what was not read.

    ``document`` is the format-1 document (as the TOML holds it);
    ``provenance`` maps each key path to its place (``render`` in ``lang``,
    the place's fields) and source text; then what
    :meth:`~perfrules.extract.api.Extraction.as_json` gives (``unread``,
    ``review``, ``notes``, ``overrides``), and ``written``: where the TOML
    was written, or None.
    """
    from perfrules.document.source import read_toml
    from perfrules.extract.places import column_name

    document = _plain(read_toml(extraction.text, extraction.file, DocumentError))
    provenance = {}
    for key, traced in extraction.provenance.items():
        here = origin_record(traced, lang, column_name(extraction.layout, traced.place))
        provenance[key] = {"render": here.render, **here.place, "text": here.text}
    return {
        **extraction.as_json(),
        "written": written,
        "document": document,
        "provenance": provenance,
    }


def extraction_lines(extraction: Extraction, target: str, lang: str) -> list[str]:
    """What ``perfrules extract`` says about one extraction written to ``target`` (``-``: stdout).

    What was read, the values left for review, the notes (no indicator table
    …), what was not read (listed at the end of the document) and each stale
    override, one line each, in ``lang``.
    """
    report = extraction.report
    file = extraction.file
    where: Message | str = msg.StandardOutput() if target == "-" else target
    counts = Names(
        names=tuple(
            msg.EXTRACTED[noun if n == 1 else f"{noun}s"](n=n)
            for n, noun in (
                (len(report.lines), "line"),
                (len(report.indicators), "indicator"),
                (len(report.claims), "claim"),
            )
        )
    )
    said: list[Message] = [msg.WroteExtraction(file=file, target=where, counts=counts)]
    for r in extraction.review:
        place = r.origin.place.render(lang)
        said.append(msg.NeedsReview(place=place, about=r.about, reason=r.message))
    said += [
        msg.ExtractionNote(file=file, note=n) for n in extraction.notes if "stale override" not in n
    ]
    if extraction.unread:
        n = len(extraction.unread)
        said.append((msg.NotRead if n == 1 else msg.NotReadMany)(file=file, count=n))
    overrides = Path(file).with_name(Path(file).stem + ".overrides.toml")
    said += [
        msg.StaleOverride(file=overrides, about=o.override.about, detail=o.detail)
        for o in extraction.overrides
        if not o.applied
    ]
    return [m.render(lang) for m in said]
