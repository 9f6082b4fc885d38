"""The Word reader: a .docx file's body paragraphs and tables, each placed, as a :class:`Layout`.

Built on python-docx (``pip install 'perfrules[docx]'``), which opens the
package; the body is walked in document order from its XML so that nothing
python-docx leaves aside is lost:

- a body paragraph is ``paragraph N`` (every body ``w:p`` counts, blank ones
  too, so N is the paragraph's index in python-docx's ``Document.paragraphs``
  plus 1, content controls' paragraphs counted where they stand); blank
  paragraphs give no block;
- a table is ``表N`` in document order, with rows and cells numbered from 1
  over the table's grid: every row has one :class:`Cell` per grid column.
  A horizontally merged cell (``w:gridSpan``) and the continuations of a
  vertically merged one (``w:vMerge``) repeat the origin cell's
  :class:`Text` (its place is the origin's) with ``merged=True`` (a
  ``w:vMerge`` continuation only under a cell that is itself in a vMerge); grid
  columns a row leaves out (``w:gridBefore``/``w:gridAfter``, short rows) are
  empty cells, not merged;
- a cell's text is its paragraphs joined by ``\\n``: line breaks and empty
  paragraphs stay inside the cell; a table nested in a cell is written into
  the cell's text, a row per line and ``\\t`` between its cells;
- Word's automatic numbering is rendered into the text (see
  :mod:`~perfrules.extract.docxnum`): ``一、`` + tab + the paragraph's text;
- text runs, tabs, breaks, field results and inserted revisions are read;
  deleted revisions and field codes are not;
- what is not read is listed in :attr:`Layout.unread`: pictures (``image``),
  embedded objects (``embedded-object``), text boxes (``text-box``, with
  their text), and text Word hides in a vertical merge's continuation cell
  (``merged-hidden``).
"""

from __future__ import annotations

import io
from typing import Any

from perfrules.document.provenance import Place
from perfrules.extract.docxnum import Numbering
from perfrules.extract.layout import Cell, Layout, Paragraph, Table, Text, Unread
from perfrules.extract.readkit import check_zip, fail, missing, not_format

__all__ = ["read"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_V = "{urn:schemas-microsoft-com:vml}"
_SKIP = {
    W + "pPr",
    W + "rPr",
    W + "delText",
    W + "instrText",
    W + "moveFrom",
    W + "del",
    W + "fldData",
    _MC + "Fallback",
}
_MAX_COLUMNS = 200


def read(data: bytes, file: str) -> Layout:
    """Read the Word file ``data`` (named ``file``) into a :class:`Layout`."""
    try:
        import docx
    except ImportError:
        raise missing(file, "docx", "python-docx") from None
    check_zip(data, file, "docx")
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering_el = document.part.numbering_part.element
        styles_el = document.styles.element
    except Exception as exc:  # the library's many ways of refusing a package
        raise not_format(file, "docx", exc) from None
    reader = _Reader(file, Numbering(numbering_el, styles_el))
    reader.blocks_of(body)
    if not reader.blocks and not reader.unread:
        raise fail("no-content", file)
    return Layout(file, "docx", tuple(reader.blocks), tuple(reader.unread))


def _tag(el: Any) -> str:
    """The element's tag, ``""`` for comments and processing instructions."""
    tag = el.tag
    return tag if isinstance(tag, str) else ""


class _Reader:
    """One walk over a document body."""

    def __init__(self, file: str, numbering: Numbering) -> None:
        self.file = file
        self.numbering = numbering
        self.blocks: list[Paragraph | Table] = []
        self.unread: list[Unread] = []
        self.paragraphs = 0
        self.tables = 0

    def place(
        self,
        paragraph: int | None = None,
        table: int | None = None,
        row: int | None = None,
        cell: int | None = None,
    ) -> Place:
        return Place(self.file, "docx", paragraph=paragraph, table=table, row=row, cell=cell)

    # --- the body -----------------------------------------------------------
    def blocks_of(self, container: Any) -> None:
        """Add the block-level content of the body (or of a content control in it)."""
        for el in container:
            tag = _tag(el)
            if tag == W + "p":
                self.paragraphs += 1
                place = self.place(paragraph=self.paragraphs)
                raw = self.paragraph_text(el, place)
                if raw.strip():
                    self.blocks.append(Paragraph(Text.of(raw, place)))
            elif tag == W + "tbl":
                self.tables += 1
                self.blocks.append(self.table(el, self.tables))
            elif tag in (W + "sdt", W + "customXml"):
                content = el.find(W + "sdtContent") if tag == W + "sdt" else el
                if content is not None:
                    self.blocks_of(content)
            elif tag == W + "altChunk":
                self.unread.append(Unread(self.place(paragraph=self.paragraphs), "embedded-object"))

    # --- text -----------------------------------------------------------------
    def paragraph_text(self, p: Any, place: Place) -> str:
        """The paragraph's text as shown: its numbering label, then its runs."""
        out: list[str] = [self.numbering.label(p)]
        self.runs(p, out, place)
        return "".join(out)

    def runs(self, el: Any, out: list[str], place: Place) -> None:
        """Append the text under ``el`` to ``out``; note pictures and text boxes."""
        for child in el:
            tag = _tag(child)
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "tab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "sym":
                char = child.get(W + "char") or ""
                try:
                    code = int(char, 16)
                except ValueError:
                    continue
                if 0 < code < 0xD800 and not 0xF000 <= code <= 0xF0FF:
                    out.append(chr(code))
            elif tag == W + "txbxContent":
                box = [self.paragraph_text(p, place) for p in child.iter(W + "p")]
                self.unread.append(Unread(place, "text-box", "\n".join(box)))
            elif tag == W + "object":
                self.unread.append(Unread(place, "embedded-object"))
            elif tag in (W + "drawing", W + "pict"):
                if any(True for _ in child.iter(_A + "blip", _V + "imagedata")):
                    self.unread.append(Unread(place, "image"))
                self.runs_in_boxes(child, place)
            elif tag and tag not in _SKIP:
                self.runs(child, out, place)

    def runs_in_boxes(self, el: Any, place: Place) -> None:
        """Find the text boxes inside a drawing (the Fallback copy left out)."""
        for child in el:
            tag = _tag(child)
            if tag == W + "txbxContent":
                box = [self.paragraph_text(p, place) for p in child.iter(W + "p")]
                self.unread.append(Unread(place, "text-box", "\n".join(box)))
            elif tag and tag != _MC + "Fallback":
                self.runs_in_boxes(child, place)

    def cell_text(self, tc: Any, place: Place) -> str:
        """A cell's paragraphs (and nested tables) joined by ``\\n``."""
        pieces: list[str] = []
        self.cell_pieces(tc, pieces, place)
        return "\n".join(pieces)

    def cell_pieces(self, container: Any, pieces: list[str], place: Place) -> None:
        for el in container:
            tag = _tag(el)
            if tag == W + "p":
                pieces.append(self.paragraph_text(el, place))
            elif tag == W + "tbl":
                for tr in _rows(el):
                    cells = [self.cell_text(tc, place) for tc in _cells(tr)]
                    pieces.append("\t".join(c.replace("\n", " ") for c in cells))
            elif tag in (W + "sdt", W + "customXml"):
                content = el.find(W + "sdtContent") if tag == W + "sdt" else el
                if content is not None:
                    self.cell_pieces(content, pieces, place)

    # --- tables ---------------------------------------------------------------
    def table(self, tbl: Any, number: int) -> Table:
        """The table's rows over its grid, merges resolved."""
        grid = tbl.find(W + "tblGrid")
        width = len(grid.findall(W + "gridCol")) if grid is not None else 0
        rows: list[list[Cell | None]] = []
        above: list[Cell | None] = []
        vertical: set[int] = set()  # the grid columns whose cell in the row above is in a vMerge
        for r, tr in enumerate(_rows(tbl), start=1):
            row: list[Cell | None] = [None] * _int_val(_trpr(tr, "gridBefore"), 0)
            in_vmerge: set[int] = set()
            for tc in _cells(tr):
                col = len(row) + 1
                place = self.place(table=number, row=r, cell=col)
                tcpr = tc.find(W + "tcPr")
                span = max(1, min(_int_val(_child_val(tcpr, "gridSpan"), 1), _MAX_COLUMNS))
                vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
                hmerge = _child_val(tcpr, "hMerge")
                if vmerge is not None:
                    in_vmerge.update(range(col, col + span))
                continues = vmerge is not None and vmerge.get(W + "val") in (None, "continue")
                known = continues and col in vertical and col - 1 < len(above)
                origin = above[col - 1] if known else None
                if hmerge == "continue" and row and row[-1] is not None:
                    origin = row[-1]
                if origin is not None:
                    hidden = self.cell_text(tc, place)
                    if hidden.strip():
                        self.unread.append(Unread(place, "merged-hidden", hidden))
                    row.extend([Cell(origin.text, merged=True)] * span)
                    continue
                text = Text.of(self.cell_text(tc, place), place)
                row.append(Cell(text))
                row.extend([Cell(text, merged=True)] * (span - 1))
                if len(row) > _MAX_COLUMNS:
                    break
            rows.append(row[:_MAX_COLUMNS])
            above, vertical = row, in_vmerge
        width = min(max([width, *(len(row) for row in rows)]), _MAX_COLUMNS)
        filled = tuple(
            tuple(
                cell
                if cell is not None
                else Cell(Text.of("", self.place(table=number, row=r, cell=c)))
                for c, cell in enumerate(row + [None] * (width - len(row)), start=1)
            )
            for r, row in enumerate(rows, start=1)
        )
        return Table(filled, self.place(table=number))


def _rows(tbl: Any) -> list[Any]:
    """A table's rows, content controls around them opened."""
    return _children(tbl, W + "tr")


def _cells(tr: Any) -> list[Any]:
    """A row's cells, content controls around them opened."""
    return _children(tr, W + "tc")


def _children(el: Any, tag: str) -> list[Any]:
    found: list[Any] = []
    for child in el:
        t = _tag(child)
        if t == tag:
            found.append(child)
        elif t in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if t == W + "sdt" else child
            if content is not None:
                found.extend(_children(content, tag))
    return found


def _child_val(el: Any, child: str) -> str | None:
    if el is None:
        return None
    found = el.find(W + child)
    if found is None:
        return None
    value = found.get(W + "val")
    return "continue" if value is None and child == "hMerge" else value


def _trpr(tr: Any, child: str) -> str | None:
    return _child_val(tr.find(W + "trPr"), child)


def _int_val(text: str | None, default: int) -> int:
    if text is None:
        return default
    try:
        return max(0, int(text))
    except ValueError:
        return default
