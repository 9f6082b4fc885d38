"""The PDF reader: a PDF's text layer as paragraphs and tables, each placed by page and line, as a :class:`Layout`.

Built on pdfplumber (MIT, over pdfminer.six; ``pip install 'perfrules[pdf]'``).
It reads the text the PDF holds, never an image of it: a page without a
usable text layer is listed, not guessed at. Per page
(:mod:`~perfrules.extract.pdfpage`) and then over the whole file:

- places: a paragraph is ``第3页 第12行`` (page, and the number of its first
  line among the page's text lines outside tables, counted from the top,
  page headers included); a table cell is ``第3页 表2 第5行 第3列`` (tables
  numbered in the file, rows and cells from 1 over the table's grid);
- page furniture is left out of the blocks and listed in
  :attr:`Layout.unread` with reason ``page-header``, ``page-footer`` or
  ``page-number``: a line in the top or bottom tenth of the page that repeats
  (digits aside) at the same height on at least two pages and half the
  pages, and a bare page number (``3``, ``- 3 -``, ``第3页 共9页``, ``3/9``)
  there;
- wrapped lines are joined into paragraphs, also across a page break: a line
  runs on into the next when it reaches the right edge of the text, the next
  is not indented, has the same size and follows closely (Chinese is joined
  without a space);
- a table whose rows continue at the top of the next page with the same
  columns is one table; rows there repeating its header are left out and
  listed as ``repeated-header``;
- merged cells (which pdfplumber leaves as gaps) repeat the covering cell's
  :class:`Text` with ``merged=True``; a cell's wrapped lines are joined, a
  line ending well short of the cell's edge keeps its line break;
- a page with no text layer is ``no-text-layer``, one of undecodable glyphs
  ``garbage`` (see :mod:`~perfrules.extract.pdfpage`); when no page has
  text, reading fails with ``no-text-layer``. An encrypted PDF that needs a
  password fails with ``encrypted``.
"""

from __future__ import annotations

import io
import re
import warnings

from perfrules.document.provenance import Place
from perfrules.extract.layout import MAX_TEXT_CHARS, Cell, Layout, Paragraph, Table, Text, Unread
from perfrules.extract.pdfpage import Grid, Line, PageScan, cover, edges, join, scan
from perfrules.extract.readkit import check_bytes, describe, fail, missing, not_format
from perfrules.messages import extract as msg

__all__ = ["MAX_PAGES", "read"]

#: The most pages a PDF may have.
MAX_PAGES = 2000
#: Share of the page height at the top and at the bottom where furniture stands.
MARGIN = 0.1

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－―\s]*\d+[-—–－―\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|"
    r"(?:page|Page|PAGE)\s*\d+(?:\s*(?:of|/)\s*\d+)?)$"
)
_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十百\d]+[章节部分条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[①-⑳])"
)
_ENDS = "。；！？：.;!?:"


def read(data: bytes, file: str) -> Layout:
    """Read the PDF ``data`` (named ``file``) into a :class:`Layout`."""
    try:
        import pdfplumber
    except ImportError:
        raise missing(file, "pdf", "pdfplumber") from None
    check_bytes(data, file, "pdf")
    if b"%PDF-" not in data[:1024]:
        raise fail(
            "not-format",
            file,
            format=".pdf",
            detail=msg.NoPdfMark(),
        )
    scans: list[PageScan] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
        except Exception as exc:  # pdfminer's many ways of refusing a file
            if _is_encrypted(exc):
                raise fail("encrypted", file) from None
            raise not_format(file, "pdf", exc) from None
        with pdf:
            try:
                pages = pdf.pages
            except Exception as exc:
                raise not_format(file, "pdf", exc) from None
            if len(pages) > MAX_PAGES:
                raise fail("too-many-pages", file, limit=MAX_PAGES)
            for number, page in enumerate(pages, start=1):
                try:
                    scans.append(scan(page, number))
                except Exception as exc:  # one broken page does not lose the others
                    broken = PageScan(number, float(page.width), float(page.height))
                    broken.unread.append(("unreadable", describe(exc), None))
                    scans.append(broken)
                finally:
                    page.close()
    return _assemble(scans, file)


def _is_encrypted(exc: BaseException) -> bool:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    name = type(inner).__name__
    return (
        name in ("PDFPasswordIncorrect", "PDFEncryptionError") or "password" in str(inner).lower()
    )


def _furniture(scans: list[PageScan]) -> dict[tuple[int, int], str]:
    """The lines that are page headers, footers and numbers: (page, line) → reason."""
    found: dict[tuple[int, int], str] = {}
    groups: dict[tuple[str, str], list[Line]] = {}
    with_text = sum(1 for s in scans if s.items)
    for s in scans:
        for item in s.items:
            if not isinstance(item, Line):
                continue
            zone = _zone(item, s.height)
            if zone is None:
                continue
            if _PAGE_NUMBER.match(item.text.strip()):
                found[(s.number, item.number)] = "page-number"
                continue
            key = re.sub(r"\d+", "#", "".join(item.text.split()))
            groups.setdefault((zone, key), []).append(item)
    for (zone, _), lines in groups.items():
        for line in lines:
            pages = {o.page for o in lines if abs(o.top - line.top) <= 3.0}
            if len(pages) >= 2 and len(pages) * 2 >= with_text:
                found[(line.page, line.number)] = zone
    return found


def _zone(line: Line, height: float) -> str | None:
    if line.top < MARGIN * height:
        return "page-header"
    if line.bottom > (1 - MARGIN) * height:
        return "page-footer"
    return None


class _Edges:
    """The left and right edges of the body text, per page width."""

    def __init__(self, scans: list[PageScan]) -> None:
        lefts: dict[int, list[float]] = {}
        rights: dict[int, list[float]] = {}
        for s in scans:
            for item in s.items:
                if isinstance(item, Line) and len(item.text) >= 12:
                    lefts.setdefault(round(s.width), []).append(item.x0)
                    rights.setdefault(round(s.width), []).append(item.x1)
        self.left = {w: sorted(v)[len(v) // 10] for w, v in lefts.items()}
        self.right = {w: sorted(v)[len(v) * 3 // 4] for w, v in rights.items()}

    def full(self, line: Line, width: float, following: Line) -> bool:
        """Whether ``line`` ends where the next line's first word would not have fitted."""
        right = self.right.get(round(width), width - 72.0)
        return right - line.x1 < following.head + 1.0 * line.size

    def indented(self, line: Line, width: float) -> bool:
        left = self.left.get(round(width), 72.0)
        return line.x0 > left + 0.5 * line.size


#: A paragraph joined from lines is cut before it grows past the bound on one text.
_MAX_JOINED = MAX_TEXT_CHARS // 2


class _Builder:
    """Blocks in reading order, paragraphs joined and tables continued across pages."""

    def __init__(self, file: str, scans: list[PageScan]) -> None:
        self.file = file
        self.edges = _Edges(scans)
        self.heights = {s.number: s.height for s in scans}
        self.blocks: list[Paragraph | list[Grid]] = []
        self.unread: list[Unread] = []
        self.lines: list[tuple[Line, float]] = []  # the paragraph being read, with page widths
        self.length = 0  # the characters of those lines
        self.open_table: list[Grid] | None = None  # the table that may go on on the next page

    def place(
        self,
        page: int,
        line: int | None = None,
        table: int | None = None,
        row: int | None = None,
        cell: int | None = None,
    ) -> Place:
        return Place(self.file, "pdf", line=line, page=page, table=table, row=row, cell=cell)

    def flush(self) -> None:
        if not self.lines:
            return
        first = self.lines[0][0]
        text = ""
        for line, _ in self.lines:
            text = join(text, line.text) if text else line.text
        self.blocks.append(Paragraph(Text.of(text, self.place(page=first.page, line=first.number))))
        self.lines = []
        self.length = 0

    def runs_on(self, line: Line, width: float, first_on_page: bool) -> bool:
        """Whether ``line`` continues the paragraph being read."""
        if not self.lines:
            return False
        prev, prev_width = self.lines[-1]
        if abs(prev.size - line.size) > 0.15 * prev.size:
            return False
        if not self.edges.full(prev, prev_width, line) or self.edges.indented(line, width):
            return False
        if prev.text[-1] in _ENDS and _HEADING.match(line.text):
            return False
        if line.page == prev.page:
            return 0 <= line.top - prev.bottom <= 1.0 * prev.size
        return first_on_page and line.page == prev.page + 1

    def line(self, line: Line, width: float, first_on_page: bool) -> None:
        if (
            not self.runs_on(line, width, first_on_page)
            or self.length + len(line.text) > _MAX_JOINED
        ):
            self.flush()  # a paragraph is cut at the bound on one text, never refused for it
        self.lines.append((line, width))
        self.length += len(line.text)
        self.open_table = None

    def grid(self, grid: Grid, first_on_page: bool) -> None:
        self.flush()
        parts = self.open_table
        if parts is not None and first_on_page:
            last = parts[-1]
            if (
                grid.page == last.page + 1
                and last.bottom >= 0.6 * self.heights[last.page]
                and abs(grid.left - last.left) <= 2.0
                and abs(grid.right - last.right) <= 2.0
            ):
                parts.append(grid)
                return
        self.open_table = [grid]
        self.blocks.append(self.open_table)

    def finish(self) -> tuple[Paragraph | Table, ...]:
        """The blocks, each table's parts made one table (numbered in order)."""
        self.flush()
        out: list[Paragraph | Table] = []
        number = 0
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out.append(block)
            else:
                number += 1
                out.append(self.table(block, number))
        return tuple(out)

    def table(self, parts: list[Grid], number: int) -> Table:
        """One table from its parts on successive pages, over the columns of them all."""
        columns = edges([c[0] for part in parts for c in part.cells])
        rows: list[tuple[Cell, ...]] = []
        header: list[tuple[str, ...]] = []
        for k, part in enumerate(parts):
            _, covering = cover(part.cells, columns)
            texts = [tuple(part.texts[i] if i is not None else "" for i in row) for row in covering]
            skip = 0
            if k == 0:
                header = texts[:3]
            else:
                while skip < min(len(header), len(texts) - 1) and texts[skip] == header[skip]:
                    place = self.place(page=part.page, table=number, row=len(rows) + 1)
                    self.unread.append(Unread(place, "repeated-header", "\t".join(texts[skip])))
                    skip += 1
            first_row = len(rows) - skip
            made: dict[int, Text] = {}
            for r, row in enumerate(covering):
                if r < skip:
                    continue
                cells: list[Cell] = []
                for c, i in enumerate(row):
                    if i is None or (i not in made and _origin_row(part, i, covering) < skip):
                        place = self.place(
                            page=part.page, table=number, row=first_row + r + 1, cell=c + 1
                        )
                        cells.append(Cell(Text.of("", place)))
                        continue
                    if i not in made:
                        place = self.place(
                            page=part.page, table=number, row=first_row + r + 1, cell=c + 1
                        )
                        made[i] = Text.of(part.texts[i], place)
                        cells.append(Cell(made[i]))
                    else:
                        cells.append(Cell(made[i], merged=True))
                rows.append(tuple(cells))
        return Table(tuple(rows), self.place(page=parts[0].page, table=number))


def _origin_row(part: Grid, index: int, covering: list[list[int | None]]) -> int:
    """The first grid row cell ``index`` covers."""
    return next(r for r, row in enumerate(covering) if index in row)


def _assemble(scans: list[PageScan], file: str) -> Layout:
    """The pages' items as one layout: furniture out, paragraphs joined, tables continued."""
    furniture = _furniture(scans)
    builder = _Builder(file, scans)
    for s in scans:
        for reason, text, line in s.unread:
            builder.unread.append(
                Unread(Place(file, "pdf", page=s.number, line=line), reason, text)
            )
        first = True
        for item in s.items:
            if isinstance(item, Line):
                furniture_reason = furniture.get((s.number, item.number))
                if furniture_reason is not None:
                    place = Place(file, "pdf", page=s.number, line=item.number)
                    builder.unread.append(Unread(place, furniture_reason, item.text))
                    continue
                builder.line(item, s.width, first)
            else:
                builder.grid(item, first)
            first = False
    blocks = builder.finish()
    if not blocks:
        if any(u.reason in ("no-text-layer", "garbage") for u in builder.unread):
            raise fail("no-text-layer", file)
        raise fail("no-content", file)
    return Layout(file, "pdf", blocks, tuple(builder.unread))
