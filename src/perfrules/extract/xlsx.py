"""The Excel reader: each sheet of a .xlsx workbook as one table of its cells, as a :class:`Layout`.

Built on openpyxl (``pip install 'perfrules[xlsx]'``). Each visible
worksheet with content becomes one :class:`Table`, in workbook order:

- the table spans the sheet's used range (the cells holding a value, and the
  merged ranges whose top-left cell holds one); rows holding nothing are left
  out; every row has one :class:`Cell` per column of the range;
- every cell's place is ``Sheet1!B7`` (``Place.sheet``, ``Place.ref``);
- a merged range's value is in its top-left cell: the other cells of the range
  repeat that cell's :class:`Text` (its place is the top-left cell's) with
  ``merged=True``;
- values are shown as the sheet shows them (:mod:`~perfrules.extract.xlsxfmt`):
  a number through its number format (202.98 as ``202.98``, 0.9284 under
  ``0.00%`` as ``92.84%``), a date as its text, never float arithmetic;
- a formula shows the value Excel saved with it; a formula saved without one
  (a workbook written by a program, never opened in Excel) is an empty cell
  and an :class:`Unread` ``formula-not-computed`` holding the formula;
- hidden sheets and chart sheets are not read and are listed as
  ``hidden-sheet`` and ``chart-sheet``.
"""

from __future__ import annotations

import html
import io
import re
import warnings
import zipfile
from typing import Any

from perfrules.document.provenance import Place
from perfrules.extract.layout import Cell, Layout, Table, Text, Unread
from perfrules.extract.readkit import check_zip, fail, missing, not_format
from perfrules.extract.xlsxfmt import cell_text

__all__ = ["read"]

#: The most cells of one sheet's used range a reader walks (a 自评表 has a few thousand).
MAX_CELLS = 200_000

#: A cell element of a worksheet part, with or without a namespace prefix.
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")


def read(data: bytes, file: str) -> Layout:
    """Read the Excel workbook ``data`` (named ``file``) into a :class:`Layout`."""
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:
        raise missing(file, "xlsx", "openpyxl") from None
    check_zip(data, file, "xlsx")
    _bound_cells(data, file)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it drops
            formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # the library's many ways of refusing a package
        raise not_format(file, "xlsx", exc) from None
    for ws in formulas.worksheets:  # the used range is walked cell by cell: bound it first
        if ws.max_row * ws.max_column > MAX_CELLS:
            raise fail("too-many-cells", file, sheet=str(ws.title), limit=MAX_CELLS)
    values = formulas
    if any(_has_formula(ws) for ws in formulas.worksheets):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        except Exception as exc:
            raise not_format(file, "xlsx", exc) from None
    blocks: list[Table] = []
    unread: list[Unread] = []
    for sheet in values.chartsheets:
        unread.append(Unread(Place(file, "xlsx", sheet=str(sheet.title)), "chart-sheet"))
    for ws, wf in zip(values.worksheets, formulas.worksheets, strict=True):
        title = str(ws.title)
        if ws.sheet_state != "visible":
            unread.append(Unread(Place(file, "xlsx", sheet=title), "hidden-sheet"))
            continue
        table = _sheet(ws, wf, file, unread)
        if table is not None:
            blocks.append(table)
    if not blocks and not unread:
        raise fail("no-content", file)
    return Layout(file, "xlsx", tuple(blocks), tuple(unread))


def _bound_cells(data: bytes, file: str) -> None:
    """Refuse a workbook whose worksheet parts hold more than :data:`MAX_CELLS` cells, before loading it.

    openpyxl reads every cell into memory; the parts are counted as they are
    unpacked (their size is already bounded by ``check_zip``), so a sheet of a
    million rows is refused in a fraction of a second instead of read for minutes.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for info in package.infolist():
            name = info.filename
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            count, tail = 0, b""
            with package.open(info) as part:
                while chunk := part.read(1 << 20):
                    block = tail + chunk
                    count += len(_CELL.findall(block))
                    tail = block[-64:]
                    count -= len(_CELL.findall(tail))  # counted again with the next chunk
                    if count > MAX_CELLS:
                        sheet = _sheet_names(package).get(name) or name.rsplit("/", 1)[-1]
                        raise fail("too-many-cells", file, sheet=sheet, limit=MAX_CELLS)


def _sheet_names(package: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part name → the sheet's title, as far as workbook.xml and its relations say."""
    try:
        book = package.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = package.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return {}

    def attr(tag: str, key: str) -> str | None:
        m = re.search(rf'\b{key}="([^"]*)"', tag)
        return m.group(1) if m else None

    targets: dict[str, str] = {}
    for tag in re.findall(r"<(?:\w+:)?Relationship\b[^>]*>", rels):
        ident, target = attr(tag, "Id"), attr(tag, "Target")
        if ident and target:
            targets[ident] = target.lstrip("/")
    names: dict[str, str] = {}
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
        title, ident = attr(tag, "name"), attr(tag, "r:id")
        if title is not None and ident in targets:
            part = targets[ident]
            names[part if part.startswith("xl/") else "xl/" + part] = html.unescape(title)
    return names


def _has_formula(ws: Any) -> bool:
    return any(cell.data_type == "f" for row in ws.iter_rows() for cell in row)


def _sheet(ws: Any, wf: Any, file: str, unread: list[Unread]) -> Table | None:
    """The sheet's used range as a table, or ``None`` for a sheet holding nothing."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    title = str(ws.title)
    texts: dict[tuple[int, int], Text] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or cell.value == "":
                continue
            ref = f"{get_column_letter(cell.column)}{cell.row}"
            place = Place(file, "xlsx", sheet=title, ref=ref)
            texts[(cell.row, cell.column)] = Text.of(
                cell_text(cell.value, cell.number_format), place
            )
    if wf is not ws:
        for row in wf.iter_rows():
            for cell in row:
                key = (cell.row, cell.column)
                if cell.data_type == "f" and key not in texts:
                    ref = f"{get_column_letter(cell.column)}{cell.row}"
                    place = Place(file, "xlsx", sheet=title, ref=ref)
                    unread.append(Unread(place, "formula-not-computed", str(cell.value)))
    merged: dict[tuple[int, int], Text] = {}
    used = set(texts)
    for rng in ws.merged_cells.ranges:
        top_left = (rng.min_row, rng.min_col)
        origin = texts.get(top_left)
        if origin is None:  # an empty merged range: merged all the same, but no content
            ref = f"{get_column_letter(rng.min_col)}{rng.min_row}"
            origin = Text.of("", Place(file, "xlsx", sheet=title, ref=ref))
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != top_left:
                    merged[(r, c)] = origin
                    if origin.raw:
                        used.add((r, c))
    if not used:
        return None
    rows = sorted({r for r, _ in used})
    first = min(c for _, c in used)
    last = max(c for _, c in used)
    table: list[tuple[Cell, ...]] = []
    for r in rows:
        cells: list[Cell] = []
        for c in range(first, last + 1):
            if (r, c) in merged:
                cells.append(Cell(merged[(r, c)], merged=True))
            elif (r, c) in texts:
                cells.append(Cell(texts[(r, c)]))
            else:
                ref = f"{get_column_letter(c)}{r}"
                cells.append(Cell(Text.of("", Place(file, "xlsx", sheet=title, ref=ref))))
        table.append(tuple(cells))
    start = f"{get_column_letter(first)}{rows[0]}"
    return Table(tuple(table), Place(file, "xlsx", sheet=title, ref=start))
