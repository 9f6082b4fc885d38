"""What a reader gives the interpreter: a file's paragraphs and tables, each character placed.

Every reader (text, Word, Excel, PDF) turns its file into a :class:`Layout`:
paragraphs and tables in reading order. Each piece of text is a
:class:`Text`: the text normalised for reading (NFKC: full-width digits and
signs, U+00A0 and U+3000 spaces …) together with the original and a map from
each normalised character back to the original one, so that anything found
in it can be placed exactly in the original file (:meth:`Text.place_at`).
What a reader could not read is listed in :attr:`Layout.unread`, never dropped.

A text's ``raw`` may span several lines of the original (a paragraph joined
across a page break, a table cell written on several lines): the characters
between the pieces (line breaks, markup, page numbers) are in ``raw`` but no
normalised character maps to them, and :meth:`Text.place_at` counts the line
breaks in ``raw`` to place a character on its own line.

A reader that cannot know a table's columns (the text reader: a Word table
exported one cell per line) gives rows that are shorter than the table's
widest row padded at their end with ``merged`` copies of their last cell: the
original row spanned the whole table, and the text does not say which of its
cells was merged across.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import attrs

from perfrules.document.provenance import Place
from perfrules.errors import DocumentError, Problem

__all__ = [
    "MAX_LAYOUT_CHARS",
    "MAX_TEXT_CHARS",
    "Cell",
    "Layout",
    "Paragraph",
    "Table",
    "Text",
    "Unread",
    "charge",
    "normalise",
    "text_budget",
]

#: The longest single text read (a paragraph, a cell, a line): a report's longest is a few thousand.
MAX_TEXT_CHARS = 200_000
#: The most characters one file's texts may hold together, under :func:`text_budget`.
MAX_LAYOUT_CHARS = 4_000_000

_BUDGET: ContextVar[list[int] | None] = ContextVar("perfrules_text_budget", default=None)


@contextmanager
def text_budget(limit: int = MAX_LAYOUT_CHARS) -> Iterator[None]:
    """Within it, the texts made by :meth:`Text.of` may hold at most ``limit`` characters together.

    Every normalised character costs some tens of bytes (its offset kept for
    placing it), so a file of 60 MB of text would take gigabytes; a report has
    some tens of thousands of characters.
    """
    token = _BUDGET.set([limit, limit])
    try:
        yield
    finally:
        _BUDGET.reset(token)


def charge(place: Place, length: int) -> None:
    """Count ``length`` characters read at ``place`` against the limits; refuse past them."""
    from perfrules.messages.extract import LongText, PlaceLabel, TooMuchText

    budget = _BUDGET.get()
    if length > MAX_TEXT_CHARS:
        detail: object = LongText(
            where=PlaceLabel(place=place), length=length, limit=MAX_TEXT_CHARS
        )
    elif budget is not None and budget[0] < length:
        detail = TooMuchText(limit=budget[1])
    else:
        if budget is not None:
            budget[0] -= length
        return
    raise DocumentError(
        [Problem("invalid", file=place.file, line=place.line, params={"detail": detail})]
    )


def normalise(raw: str) -> tuple[str, tuple[int, ...]]:
    """``raw`` normalised for reading, and for each normalised character its index in ``raw``.

    NFKC per character (full-width ASCII to ASCII, ％ to %, compatibility
    forms), every kind of space to one ASCII space, zero-width characters
    removed. Circled numbers (①…⑳) are list markers, not digits: they are
    kept as written.
    """
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(raw):
        if ch in "\u200b\u200c\u200d\ufeff":
            continue
        if "\u2460" <= ch <= "\u2473":
            out.append(ch)
            offsets.append(i)
            continue
        piece = " " if ch.isspace() else unicodedata.normalize("NFKC", ch)
        for c in piece:
            out.append(c)
            offsets.append(i)
    return "".join(out), tuple(offsets)


@attrs.frozen
class Text:
    """A run of text as read: normalised ``text``, the ``raw`` original, and where it stands.

    ``place`` is the place of the first raw character; ``offsets[i]`` is the
    index in ``raw`` of normalised character ``i``.
    """

    text: str
    raw: str
    place: Place
    offsets: tuple[int, ...] = attrs.field(eq=False, repr=False)

    @classmethod
    def of(cls, raw: str, place: Place) -> Text:
        """The text of ``raw`` standing at ``place``, normalised (bounded: see :func:`text_budget`)."""
        charge(place, len(raw))
        text, offsets = normalise(raw)
        return cls(text, raw, place, offsets)

    def raw_index(self, i: int) -> int:
        """The index in ``raw`` of normalised character ``i`` (the end maps past the last)."""
        if not self.offsets:
            return 0
        if i >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[max(i, 0)]

    def place_at(self, i: int) -> Place:
        """Where normalised character ``i`` stands in the original file (its own line, when ``raw`` spans lines)."""
        r = self.raw_index(i)
        breaks = self.raw.count("\n", 0, r)
        if not breaks:
            if self.place.column is None:
                return self.place
            return self.place.at_column(self.place.column + r)
        line = None if self.place.line is None else self.place.line + breaks
        column = None if self.place.column is None else r - self.raw.rfind("\n", 0, r)
        return attrs.evolve(self.place, line=line, column=column)

    def written(self, start: int, end: int) -> str:
        """The original characters behind normalised ``start:end``, without those no character maps to.

        Unlike :meth:`source`, markup, line breaks and page furniture between
        the pieces of a joined text are left out (spaces inside a line are
        kept): this is the value as the report wrote it.
        """
        span = self.offsets[max(start, 0) : max(end, 0)]
        if not span:
            return ""
        mapped = set(span)
        out: list[str] = []
        pending: list[
            str
        ] = []  # characters a reading left out (spaces), kept when text follows on the line
        after_break = False
        for r in range(min(span), max(span) + 1):
            ch = self.raw[r]
            if r in mapped:
                out.extend(pending)
                pending.clear()
                after_break = False
                out.append(ch)
            elif ch in "\r\n":
                pending.clear()
                after_break = (
                    True  # what follows a line break up to the text is markup or furniture
                )
            elif not after_break and ch not in "*$\u200b\ufeff":
                pending.append(ch)
        return "".join(out)

    def derive(self, text: str, offsets: tuple[int, ...]) -> Text:
        """A reading of the same original: ``text`` with ``offsets`` into this text's ``raw``."""
        if len(text) != len(offsets):
            raise ValueError("a derived text needs one offset per character")
        return Text(text, self.raw, self.place, offsets)

    def source(self, start: int, end: int) -> str:
        """The original text behind normalised characters ``start:end``."""
        if start >= end:
            return ""
        return self.raw[self.raw_index(start) : self.raw_index(end - 1) + 1]


@attrs.frozen
class Paragraph:
    """A paragraph of running text (a line of a text file, a Word paragraph, a PDF line)."""

    text: Text


@attrs.frozen
class Cell:
    """A table cell; ``merged`` marks a continuation of a merged cell (its value is the one it continues)."""

    text: Text
    merged: bool = False


@attrs.frozen
class Table:
    """A table: rows of cells, in reading order; ``place`` is where the table starts."""

    rows: tuple[tuple[Cell, ...], ...]
    place: Place


@attrs.frozen
class Unread:
    """Something a reader could not read (an image-only page, garbage text …), and why."""

    place: Place
    reason: str  # a short code: "no-text-layer", "garbage", "embedded-object" …
    text: str = ""


@attrs.frozen
class Layout:
    """A file's content in reading order, as a reader gives it to the interpreter."""

    file: str
    format: str  # one of perfrules.document.provenance.FORMATS
    blocks: tuple[Paragraph | Table, ...]
    unread: tuple[Unread, ...] = ()
