"""Tables in text files: Word's one-cell-per-line exports, and rows split by TABs, ``|`` or wide spaces.

A Word export writes each cell as a line starting with a TAB and ends a row
with a blank line; a line without the TAB continues the cell above. Blank
lines alone are not trusted: an empty paragraph inside a cell also looks like
one, so rows are counted against the table's widest row, and two short rows
that together make exactly a full row are one row. A cell merged downwards
leaves empty TAB lines (blank cells); a row with a cell merged across has
fewer cells, and is padded (see :mod:`perfrules.extract.layout`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from perfrules.document.provenance import Place
from perfrules.extract.layout import Cell, Table, Text
from perfrules.extract.textlines import Kind, Line, content_pairs, empty_cell

__all__ = ["cell_table", "row_table", "split_row"]

#: Builds a Text from (character, document index) pairs and the place it stands at.
MakeText = Callable[[list[tuple[str, int]], Place], Text]
#: One cell as it was written: (line index, begin, end) pieces of the lines holding it.
Pieces = list[tuple[int, int, int]]


def _resegment(groups: list[list[Pieces]]) -> list[list[Pieces]]:
    """Rows counted against the widest: consecutive short groups that sum to exactly a full row are one row.

    A group of one cell is never joined: it is a row whose only cell is merged
    across the table (年度目标1：…), not a cell cut by an empty paragraph.
    """
    if not groups:
        return groups
    width = max(len(g) for g in groups)
    rows: list[list[Pieces]] = []
    i = 0
    while i < len(groups):
        size = len(groups[i])
        j = i
        total = size
        while total < width and j + 1 < len(groups) and 1 < len(groups[j + 1]) < width:
            j += 1
            total += len(groups[j])
        if j > i and total == width and size > 1:
            rows.append([c for g in groups[i : j + 1] for c in g])
            i = j + 1
        else:
            rows.append(groups[i])
            i += 1
    return rows


def _cells(
    doc: str,
    rows: list[list[Pieces]],
    lines: Sequence[Line],
    make: MakeText,
    file: str,
    table: int,
    pad_merged: bool,
) -> Table:
    width = max(len(r) for r in rows)
    out: list[tuple[Cell, ...]] = []
    for r, row in enumerate(rows, start=1):
        cells: list[Cell] = []
        for c, pieces in enumerate(row, start=1):
            first_line, first_begin, _ = pieces[0]
            line = lines[first_line]
            place = Place(file, "text", line.number, first_begin + 1, table=table, row=r, cell=c)
            if all(empty_cell(lines[li].content[b:e]) for li, b, e in pieces):
                raw_end = lines[pieces[-1][0]].start + pieces[-1][2]
                text = Text("", doc[line.start + first_begin : raw_end], place, ())
            else:
                pairs: list[tuple[str, int]] = []
                for k, (li, b, e) in enumerate(pieces):
                    got, _ = content_pairs(lines[li], b, e)
                    if k and pairs and got:
                        pairs.append(
                            ("\u200b", got[0][1])
                        )  # a joint: nothing between the lines' text
                    pairs.extend(got)
                text = make(pairs, place)
            cells.append(Cell(text))
        while len(cells) < width:
            last = cells[-1]
            cells.append(Cell(last.text, merged=True) if pad_merged else Cell(_blank(last.text)))
        out.append(tuple(cells))
    first = rows[0][0][0][0]
    return Table(tuple(out), Place(file, "text", lines[first].number, 1, table=table))


def _blank(text: Text) -> Text:
    return Text("", "", text.place, ())


def cell_table(
    doc: str, lines: Sequence[Line], start: int, make: MakeText, file: str, table: int
) -> tuple[Table | None, int]:
    """The Word-export table whose first cell line is ``lines[start]``, and the index after it."""
    groups: list[list[Pieces]] = []
    current: list[Pieces] = []
    i = start
    last_was_cell = False
    while i < len(lines):
        line = lines[i]
        if line.kind is Kind.CELL:
            current.append([(i, 1, len(line.content))])
            last_was_cell = True
        elif line.kind is Kind.BLANK:
            if current:
                groups.append(current)
                current = []
            last_was_cell = False
        elif line.kind is Kind.FURNITURE:
            pass
        elif last_was_cell and line.kind in (Kind.TEXT, Kind.SPACEROW) and current:
            current[-1].append((i, 0, len(line.content)))
        else:
            break
        i += 1
    if current:
        groups.append(current)
    end = i
    while end > start and lines[end - 1].kind in (Kind.BLANK, Kind.FURNITURE):
        end -= 1
    if not groups:
        return None, end
    return _cells(doc, _resegment(groups), lines, make, file, table, pad_merged=True), end


def split_row(line: Line) -> list[tuple[int, int]]:
    """(begin, end) of each cell of a TAB-, ``|``- or space-separated row, in the line's content."""
    c = line.content
    if line.kind is Kind.TABROW:
        sep = re.compile(r"\t")
        lo, hi = 0, len(c.rstrip("\r"))
    elif line.kind is Kind.PIPEROW:
        sep = re.compile(r"\|")
        stripped = c.strip()
        lo = c.index(stripped[0]) + (1 if stripped.startswith("|") else 0)
        hi = len(c.rstrip()) - (1 if stripped.endswith("|") and len(stripped) > 1 else 0)
    else:
        sep = re.compile(r" {2,}|\u3000+|\t+")
        lo = len(c) - len(c.lstrip())
        hi = len(c.rstrip())
    cells: list[tuple[int, int]] = []
    pos = lo
    for m in sep.finditer(c, lo, hi):
        cells.append((pos, m.start()))
        pos = m.end()
    cells.append((pos, hi))
    trimmed = []
    for b, e in cells:
        piece = c[b:e]
        if piece.strip():
            b += len(piece) - len(piece.lstrip())
            e -= len(piece) - len(piece.rstrip())
        trimmed.append((b, e))
    return trimmed


def row_table(
    doc: str, lines: Sequence[Line], start: int, make: MakeText, file: str, table: int
) -> tuple[Table | None, int]:
    """The table of TAB-, ``|``- or space-separated rows starting at ``lines[start]``, and the index after it.

    Space-separated rows make a table only when at least two consecutive
    lines split into the same number (two or more) of cells; otherwise they
    are text.
    """
    kind = lines[start].kind
    kinds = {kind, Kind.PIPESEP} if kind is Kind.PIPEROW else {kind}
    i = start
    rows: list[list[Pieces]] = []
    while i < len(lines) and lines[i].kind in kinds:
        if lines[i].kind is not Kind.PIPESEP:
            rows.append([[(i, b, e)] for b, e in split_row(lines[i])])
        i += 1
    if kind is Kind.SPACEROW:
        if len(rows) < 2 or len({len(r) for r in rows}) != 1:
            return None, start
    elif (
        kind is Kind.TABROW
        and len(rows) == 1
        and sum(1 for b, e in split_row(lines[start]) if e > b) < 2
    ):
        return None, start
    if not rows:
        return None, i
    return _cells(doc, rows, lines, make, file, table, pad_merged=False), i
