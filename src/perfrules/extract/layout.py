"""What a reader gives the interpreter: a file's paragraphs and tables, each character placed.

Every reader (text, Word, Excel, PDF) turns its file into a :class:`Layout`:
paragraphs and tables in reading order. Each piece of text is a
:class:`Text`: the text normalised for reading (NFKC: full-width digits and
signs, U+00A0 and U+3000 spaces …) together with the original and a map from
each normalised character back to the original one, so that anything found
in it can be placed exactly in the original file (:meth:`Text.place_at`).
What a reader could not read is listed in :attr:`Layout.unread`, never dropped.
"""

from __future__ import annotations

import unicodedata

import attrs

from perfrules.document.provenance import Place

__all__ = ["Cell", "Layout", "Paragraph", "Table", "Text", "Unread", "normalise"]


def normalise(raw: str) -> tuple[str, tuple[int, ...]]:
    """``raw`` normalised for reading, and for each normalised character its index in ``raw``.

    NFKC per character (full-width ASCII to ASCII, ％ to %, compatibility
    forms), every kind of space to one ASCII space, zero-width characters
    removed.
    """
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(raw):
        if ch in "\u200b\u200c\u200d\ufeff":
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
        """The text of ``raw`` standing at ``place``, normalised."""
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
        """Where normalised character ``i`` stands in the original file."""
        if self.place.column is None:
            return self.place
        return self.place.at_column(self.place.column + self.raw_index(i))

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
