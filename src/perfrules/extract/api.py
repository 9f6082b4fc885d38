"""``perfrules.extract``: a report as written (.txt, .docx, .xlsx, .pdf) → a format-1 document with provenance.

:func:`extract` reads a file (or its bytes), interprets it with the form
knowledge and returns an :class:`Extraction`: the :class:`~perfrules.Report`
(whose :class:`~perfrules.document.source.Source` places every value in the
original), the provenance map, what was not read, what a person must decide,
and the annotated TOML text (:func:`render_extraction`). :func:`may_overwrite`
and :func:`write_extraction` refuse to replace a file a person has edited.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from perfrules._version import __version__
from perfrules.document.loader import from_data
from perfrules.document.model import REPORT_PARTS, Report
from perfrules.document.provenance import Place, Traced
from perfrules.document.source import Source
from perfrules.errors import DocumentError, Problem, os_detail
from perfrules.extract.assemble import assemble, to_data
from perfrules.extract.assemble import provenance as provenance_of
from perfrules.extract.budget import read_budget
from perfrules.extract.claims import read_claims
from perfrules.extract.draft import Amount, Draft, Review
from perfrules.extract.forms import Forms, forms
from perfrules.extract.header import read_header
from perfrules.extract.indicators import read_prose_indicators
from perfrules.extract.layout import Layout, Unread, text_budget
from perfrules.extract.narrative import read_evaluation, read_narrative
from perfrules.extract.overrides import Outcome, apply_overrides, read_overrides
from perfrules.extract.sections import build
from perfrules.extract.tables import read_tables
from perfrules.extract.writer import HASH_PREFIX, hash_of, render
from perfrules.messages import Message
from perfrules.messages import extract as msg

__all__ = [
    "INPUT_FORMATS",
    "Extraction",
    "extract",
    "may_overwrite",
    "render_extraction",
    "write_extraction",
]

#: The input formats, and the file suffixes that name them.
INPUT_FORMATS: Mapping[str, tuple[str, ...]] = {
    "text": (".txt", ".text", ".md"),
    "docx": (".docx",),
    "xlsx": (".xlsx",),
    "pdf": (".pdf",),
}
_MAX_BYTES = 64 * 1024 * 1024


@attrs.frozen
class Extraction:
    """The result of reading one report file.

    ``report`` is the document (``report.source.place(path)`` is where a key
    path's value stands in the original); ``provenance`` maps each key path
    to its :class:`~perfrules.document.provenance.Traced`; ``unread`` lists
    what was not read into the document; ``review`` what only a person can
    decide; ``overrides`` what became of each override; ``text`` is the
    annotated TOML (what :func:`render_extraction` returns).
    """

    report: Report
    file: str
    format: str
    provenance: Mapping[str, Traced]
    unread: tuple[Unread, ...]
    review: tuple[Review, ...]
    notes: tuple[str, ...]
    overrides: tuple[Outcome, ...]
    text: str
    layout: Layout = attrs.field(repr=False, eq=False)

    @property
    def found_indicators(self) -> bool:
        """False when the report holds no indicator the reader could find (no table, no prose indicators)."""
        return bool(self.report.indicators)

    def as_json(self) -> dict[str, Any]:
        """What was not read, what needs review, the notes and stale overrides, as JSON-ready data."""

        def place(p: Place) -> dict[str, Any]:
            return {
                "render": p.render(),
                **{k: v for k, v in attrs.asdict(p).items() if v is not None},
            }

        return {
            "file": self.file,
            "format": self.format,
            "indicators_found": self.found_indicators,
            "notes": list(self.notes),
            "review": [
                {
                    "about": r.about,
                    "reason": r.reason,
                    "reason_zh": r.reason_zh,
                    "place": place(r.origin.place),
                    "text": r.origin.text,
                    "alternatives": [{"value": _shown(v), "note": n} for v, n in r.alternatives],
                }
                for r in self.review
            ],
            "unread": [
                {"reason": u.reason, "place": place(u.place), "text": u.text} for u in self.unread
            ],
            "overrides": [
                {"about": o.override.about, "applied": o.applied, "detail": o.detail}
                for o in self.overrides
            ],
        }


def _shown(value: Any) -> str:
    """A review alternative as written: an amount with its unit (``-748464.41元``)."""
    if isinstance(value, Amount):
        return f"{value.value}{value.unit}"
    return str(value)


def detect_format(data: bytes, name: str) -> str:
    """The input format of a file: from its suffix, else from its first bytes."""
    suffix = Path(name).suffix.lower()
    for fmt, suffixes in INPUT_FORMATS.items():
        if suffix in suffixes:
            return fmt
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        head = data[:65536]
        if b"word/" in head:
            return "docx"
        if b"xl/" in head:
            return "xlsx"
        raise DocumentError([Problem("unknown-input", file=name, params={"found": "zip"})])
    return "text"


def _reader(fmt: str, file: str) -> Any:
    module = "text" if fmt == "text" else fmt
    try:
        return importlib.import_module(f"perfrules.extract.{module}").read
    except ImportError as exc:
        raise DocumentError(
            [
                Problem(
                    "reader-unavailable",
                    file=file,
                    params={"found": fmt, "detail": str(exc)},
                )
            ]
        ) from None


def _read_input(source: str | os.PathLike[str] | bytes, file: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source), file or "<input>"
    name = os.fspath(source)
    try:
        with open(name, "rb") as fh:
            data = fh.read(_MAX_BYTES + 1)
    except OSError as exc:
        raise DocumentError([Problem("unreadable", file=name, params=os_detail(exc))]) from None
    if len(data) > _MAX_BYTES:
        raise DocumentError([Problem("too-large", file=name, params={"limit": _MAX_BYTES})])
    return data, file or name


def interpret(layout: Layout, knowledge: Forms | None = None) -> Draft:
    """What the form knowledge reads in a layout (before it becomes a document)."""
    knowledge = knowledge or forms()
    doc = build(layout, knowledge)
    draft = Draft()
    templates = read_tables(doc, draft)
    read_prose_indicators(doc, draft)
    read_budget(doc, draft)
    read_header(doc, draft, templates)
    read_evaluation(doc, draft)
    read_narrative(doc, draft)
    read_claims(doc, draft)
    return draft


def _refuse_non_report(draft: Draft, layout: Layout) -> None:
    if "year" not in draft.info:
        has_content = any(b for b in layout.blocks)
        detail: Message = msg.NoYearNoTitle() if "title" not in draft.info else msg.NoYear()
        if not has_content:
            detail = msg.NoText()
        raise DocumentError(
            [
                Problem(
                    "not-a-report",
                    file=layout.file,
                    params={"detail": detail},
                )
            ]
        )


def extract(
    source: str | os.PathLike[str] | bytes,
    format: str | None = None,
    *,
    file: str | None = None,
    overrides: str | os.PathLike[str] | Literal[False] | None = None,
) -> Extraction:
    """Read a report file (or its bytes) into an :class:`Extraction`.

    ``format`` is ``text``, ``docx``, ``xlsx`` or ``pdf`` (default: from the
    suffix, else from the content). ``file`` names the input in places (the
    path by default, ``<input>`` for bytes). ``overrides`` is an overrides
    file; by default ``<name>.overrides.toml`` beside a path is used when it
    exists; ``False`` applies none. Bad input (empty, binary, not a report) is
    a one-line :class:`~perfrules.errors.DocumentError`.
    """
    data, name = _read_input(source, file)
    fmt = format or detect_format(data, name)
    if fmt not in INPUT_FORMATS:
        raise DocumentError([Problem("unknown-input", file=name, params={"found": fmt})])
    with text_budget():
        layout: Layout = _reader(fmt, name)(data, name)
    draft = interpret(layout)
    _refuse_non_report(draft, layout)
    parts = assemble(draft, dict(forms().simplify))
    outcomes: list[Outcome] = []
    found = _overrides_path(source, overrides)
    reviews = list(draft.reviews)
    if found is not None:
        parts, outcomes = apply_overrides(parts, read_overrides(found))
        decided = {o.override.about for o in outcomes if o.applied}
        reviews = [r for r in reviews if r.about not in decided]
        parts = [
            attrs.evolve(p, reviews=tuple(r for r in p.reviews if r.about not in decided))
            for p in parts
        ]
    notes = []
    if not any(p.name == "indicators" for p in parts):
        notes.append(
            "no indicator table and no indicator stated in prose was found (未找到绩效指标表)"
        )
    notes.extend(
        f"stale override {o.override.about}: {o.detail}; not applied"
        for o in outcomes
        if not o.applied
    )
    unread = (
        *layout.unread,
        *(Unread(st.origin.place, "figure-not-placed", st.origin.text) for st in draft.unplaced),
    )
    title = next(
        (e.value for p in parts if p.name == "report" for e in p.entries if e.key == "title"), ""
    )
    text = render(
        parts,
        file=Path(name).name if name != "<input>" else name,
        format=fmt,
        title=str(title),
        version=__version__,
        reviews=reviews,
        unread=unread,
        notes=notes,
    )
    provenance = provenance_of(parts)
    whole = Traced(
        Place(name, layout.format), ""
    )  # a finding about a part the report lacks: the file
    for key in REPORT_PARTS:
        provenance.setdefault(key, whole)
    report = from_data(to_data(parts), Source(text, "toml", name, provenance))
    return Extraction(
        report,
        name,
        fmt,
        provenance,
        tuple(unread),
        tuple(reviews),
        tuple(notes),
        tuple(outcomes),
        text,
        layout,
    )


def _overrides_path(
    source: str | os.PathLike[str] | bytes,
    overrides: str | os.PathLike[str] | Literal[False] | None,
) -> Path | None:
    if overrides is False:
        return None
    if overrides is not None:
        return Path(os.fspath(overrides))
    if isinstance(source, (bytes, bytearray)):
        return None
    path = Path(os.fspath(source))
    candidate = path.with_name(path.stem + ".overrides.toml")
    return candidate if candidate.is_file() else None


def render_extraction(extraction: Extraction) -> str:
    """The annotated TOML text of an extraction (loads with :func:`perfrules.loads` to ``extraction.report``)."""
    return extraction.text


def may_overwrite(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` does not exist, or holds an extraction no one has edited since (its hash matches)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return True
    except (OSError, UnicodeDecodeError):
        return False
    stated = next(
        (ln[len(HASH_PREFIX) :].strip() for ln in text.split("\n") if ln.startswith(HASH_PREFIX)),
        None,
    )
    return stated is not None and stated == hash_of(text)


def write_extraction(
    extraction: Extraction, path: str | os.PathLike[str], *, force: bool = False
) -> None:
    """Write the annotated TOML to ``path``; a file edited by hand is refused unless ``force``."""
    if not force and not may_overwrite(path):
        raise DocumentError(
            [Problem("overwrite-edited", file=os.fspath(path), params={"found": os.fspath(path)})]
        )
    Path(path).write_text(extraction.text, encoding="utf-8")
