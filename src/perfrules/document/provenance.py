"""Where a value of an extracted report came from: the file, the place in it, and the text.

A report read from a Word, Excel, PDF or text file (``perfrules.extract``)
keeps, for every value it holds, a :class:`Traced`: the :class:`Place` in the
original file (text: line and column; docx: paragraph, or table/row/cell;
xlsx: sheet!cell; pdf: page and line) and the source text the value was read
from. Findings about such a report point into the original through it.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from perfrules.messages.document import PLACE

__all__ = ["FORMATS", "Place", "Provenance", "Traced"]

#: The kinds of original file a place can be in.
FORMATS = ("text", "docx", "xlsx", "pdf")


@attrs.frozen
class Place:
    """A place in an original file; only the fields its format uses are set (all 1-based)."""

    file: str
    format: str  # one of FORMATS
    line: int | None = None  # text: line; pdf: line on the page
    column: int | None = None  # text: column, in characters of the original line
    page: int | None = None  # pdf
    paragraph: int | None = None  # docx: body paragraph number
    table: int | None = None  # docx, pdf, text: table number in the document
    row: int | None = None  # row of that table
    cell: int | None = None  # column of that row
    sheet: str | None = None  # xlsx
    ref: str | None = None  # xlsx: the cell reference, "B7"

    def at_column(self, column: int) -> Place:
        """The same place, ``column`` characters into its line (text files)."""
        return attrs.evolve(self, column=column)

    def label(self, lang: str = "zh", column_name: str | None = None) -> str:
        """The place without the file: ``47:12``, ``表2 第5行 第3列``, ``Sheet1!B7``, ``第3页 第12行``.

        A cell of a table in a text file is placed by both: ``47:2 (表1 第5行 第3列)``.
        ``column_name`` (the column's header as the report writes it) names the
        cell's column instead of its number: ``表2 第5行 “实际完成值”``.
        """
        parts: list[str] = []
        if self.sheet is not None:
            return f"{self.sheet}!{self.ref}" if self.ref else self.sheet
        if self.format == "text" and self.table is not None and self.line is not None:
            inner = attrs.evolve(self, format="docx", line=None, column=None).label(
                lang, column_name
            )
            at = f"{self.line}:{self.column}" if self.column is not None else str(self.line)
            return f"{at} ({inner})"
        if self.page is not None:
            parts.append(PLACE["page"](n=self.page).render(lang))
        if self.table is not None:
            parts.append(PLACE["table"](n=self.table).render(lang))
            if self.row is not None:
                parts.append(PLACE["row"](n=self.row).render(lang))
            if column_name:
                parts.append(f"“{column_name}”")
            elif self.cell is not None:
                parts.append(PLACE["cell"](n=self.cell).render(lang))
        elif self.paragraph is not None:
            parts.append(PLACE["paragraph"](n=self.paragraph).render(lang))
        if self.format == "text" and self.line is not None and self.table is None:
            return f"{self.line}:{self.column}" if self.column is not None else str(self.line)
        if self.line is not None:
            parts.append(PLACE["line"](n=self.line).render(lang))
        return " ".join(parts)

    def render(self, lang: str = "zh", column_name: str | None = None) -> str:
        """``report.txt:47:12`` for text, ``report.docx: 表2 第5行 第3列`` for the others."""
        label = self.label(lang, column_name)
        if not label:
            return self.file
        if self.format == "text" and self.line is not None:
            return f"{self.file}:{label}"
        return f"{self.file}: {label}"


@attrs.frozen
class Traced:
    """A value's origin: its place and the source text it was read from (as written)."""

    place: Place
    text: str


#: Key path of a value in the document (``indicators[3].actual``) → its origin.
Provenance = Mapping[str, Traced]
