"""One PDF page as the PDF reader sees it: text lines, ruled tables with merges resolved, what is unreadable.

:func:`scan` turns a pdfplumber page into a :class:`PageScan`: the page's
text lines outside tables (numbered from the top, from 1), the tables
pdfplumber's table finder sees in its ruling lines (each cell's text, and for
every grid position the cell covering it, so that merged cells are known),
and what cannot be read:

- ``no-text-layer``: a page with pictures or drawings but no text (a scan);
- ``garbage``: a page whose text is mostly characters without a Unicode
  meaning (``(cid:123)``, NUL and control characters, private-use code
  points, U+FFFD); on a page that is otherwise readable, each line holding
  such characters is listed too and keeps them as U+FFFD;
- ``image``: a picture covering a quarter of a page that has text.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

import attrs

__all__ = ["Box", "Grid", "Line", "PageScan", "cover", "edges", "join", "lines_of", "scan"]

#: Share of a page's characters that makes the whole page garbage.
GARBAGE_SHARE = 0.3


@attrs.define
class Line:
    """A line of text on a page: its characters' text and box."""

    page: int
    number: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str
    bad: int = 0
    head: float = 0.0  # width of the line's first word (a CJK character, or a Latin word)


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@attrs.define
class Grid:
    """A table on one page: its cells' boxes and texts."""

    page: int
    top: float
    bottom: float
    left: float
    right: float
    cells: list[Box]
    texts: list[str]


@attrs.define
class PageScan:
    """What one page holds, top to bottom."""

    number: int
    width: float
    height: float
    items: list[Line | Grid] = attrs.field(factory=list)
    unread: list[tuple[str, str, int | None]] = attrs.field(factory=list)  # reason, text, line


def _bad(text: str) -> bool:
    """A character with no Unicode meaning: an unmapped glyph, a control, private use."""
    if text.startswith("(cid:"):
        return True
    return any(
        (ord(ch) < 32 and ch not in "\t\n\r")
        or 0x7F <= ord(ch) < 0xA0
        or 0xE000 <= ord(ch) <= 0xF8FF
        or ch == "\ufffd"
        for ch in text
    )


def _cjk(ch: str) -> bool:
    return not ch.isascii()


def join(before: str, after: str) -> str:
    """Two wrapped pieces of one run of text: a space only between Latin words."""
    if not before or not after:
        return before + after
    a, b = before[-1], after[0]
    if a.isascii() and a.isalpha() and b.isascii() and b.isalnum():
        return before + " " + after
    return before + after


def lines_of(chars: list[dict[str, Any]], page: int) -> list[Line]:
    """Characters grouped into lines (by their vertical middle), left to right, top to bottom."""
    groups: list[list[dict[str, Any]]] = []
    bands: list[list[float]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        middle = (ch["top"] + ch["bottom"]) / 2
        for band, group in zip(bands[-3:], groups[-3:], strict=True):
            if band[0] <= middle <= band[1]:
                group.append(ch)
                break
        else:
            groups.append([ch])
            bands.append([ch["top"], ch["bottom"]])
    lines: list[Line] = []
    for group in groups:
        group.sort(key=lambda c: c["x0"])
        parts: list[str] = []
        bad = 0
        previous: dict[str, Any] | None = None
        for ch in group:
            text = str(ch["text"])
            size = float(ch.get("size") or (ch["bottom"] - ch["top"]) or 10.0)
            if previous is not None and text.strip() and str(previous["text"]).strip():
                gap = ch["x0"] - previous["x1"]
                latin = text.isascii() and str(previous["text"]).isascii()
                if gap > (0.25 if latin else 0.8) * size:
                    parts.append(" ")
            if _bad(text):
                bad += 1
                text = "\ufffd"
            parts.append(text)
            previous = ch
        text = "".join(parts).strip()
        if not text:
            continue
        visible = [c for c in group if str(c["text"]).strip()]
        sizes = sorted(float(c.get("size") or 10.0) for c in visible)
        head = _head(visible)
        lines.append(
            Line(
                page=page,
                number=0,
                top=min(c["top"] for c in visible),
                bottom=max(c["bottom"] for c in visible),
                x0=min(c["x0"] for c in visible),
                x1=max(c["x1"] for c in visible),
                size=sizes[len(sizes) // 2],
                text=text,
                bad=bad,
                head=head,
            )
        )
    lines.sort(key=lambda line: (line.top, line.x0))
    return lines


def _head(visible: list[dict[str, Any]]) -> float:
    """The width of a line's first word: what would have had to fit on the line before."""
    first = visible[0]
    if _cjk(str(first["text"])[:1] or "a"):
        return float(first["x1"] - first["x0"])
    end = first
    for ch in visible[1:]:
        text = str(ch["text"])
        if not text.isascii() or not text.strip() or ch["x0"] - end["x1"] > 1.0:
            break
        end = ch
    return float(end["x1"] - first["x0"])


def _cell_text(lines: list[Line], width: float) -> str:
    """A cell's lines joined: wrapped lines run on, a line ending short is a line break."""
    text = ""
    for i, line in enumerate(lines):
        if i == 0:
            text = line.text
            continue
        prev = lines[i - 1]
        full = width - (prev.x1 - prev.x0) < line.head + 12.0
        text = join(text, line.text) if full else text + "\n" + line.text
    return text


def edges(values: list[float]) -> list[float]:
    """Distinct coordinates, those within 1.5pt of each other taken as one."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 1.5:
            out.append(v)
    return out


def cover(cells: list[Box], columns: list[float]) -> tuple[list[float], list[list[int | None]]]:
    """Row tops, and for each (row, column) of the grid the index of the cell covering it.

    ``columns`` are the left edges of the grid's columns; a cell covers the
    columns whose left edge lies inside it, and the rows likewise.
    """
    tops = edges([c[1] for c in cells])
    grid: list[list[int | None]] = [[None] * len(columns) for _ in tops]
    for i, (x0, top, x1, bottom) in enumerate(cells):
        cols = [c for c, x in enumerate(columns) if x0 - 1.5 <= x < x1 - 1.5]
        rows = [r for r, t in enumerate(tops) if top - 1.5 <= t < bottom - 1.5]
        for r in rows:
            for c in cols:
                if grid[r][c] is None:
                    grid[r][c] = i
    return tops, grid


def scan(page: Any, number: int) -> PageScan:
    """Read one pdfplumber page."""
    width, height = float(page.width), float(page.height)
    result = PageScan(number, width, height)
    chars = [c for c in page.dedupe_chars().chars]
    visible = [c for c in chars if str(c["text"]).strip()]
    images = page.images
    if not visible:
        if images or page.curves:
            result.unread.append(("no-text-layer", "", None))
        return result
    bad = sum(1 for c in visible if _bad(str(c["text"])))
    if bad >= GARBAGE_SHARE * len(visible):
        sample = "".join(str(c["text"]) for c in visible[:40])
        result.unread.append(("garbage", sample, None))
        return result
    area = width * height
    for image in images:
        w = min(float(image["x1"]), width) - max(float(image["x0"]), 0.0)
        h = min(float(image["bottom"]), height) - max(float(image["top"]), 0.0)
        if w > 0 and h > 0 and w * h >= 0.25 * area:
            result.unread.append(("image", "", None))
            break
    grids: list[tuple[Grid, list[dict[str, Any]]]] = []
    for table in page.find_tables():
        cells = [(float(a), float(b), float(c), float(d)) for a, b, c, d in table.cells]
        if len(cells) < 2:
            continue  # a box drawn round some text: its text is read as lines
        grid = Grid(
            page=number,
            top=min(c[1] for c in cells),
            bottom=max(c[3] for c in cells),
            left=min(c[0] for c in cells),
            right=max(c[2] for c in cells),
            cells=cells,
            texts=[""] * len(cells),
        )
        grids.append((grid, []))
    outside: list[dict[str, Any]] = []
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for grid, inside in grids:
            if grid.left <= cx <= grid.right and grid.top <= cy <= grid.bottom:
                inside.append(ch)
                break
        else:
            outside.append(ch)
    for grid, inside in grids:
        _fill(grid, inside, number)
    lines = lines_of(outside, number)
    for i, line in enumerate(lines, start=1):
        line.number = i
        if line.bad:
            result.unread.append(("garbage", line.text, i))
    items: list[Line | Grid] = [*lines, *(g for g, _ in grids)]
    items.sort(key=lambda item: item.top)
    result.items = items
    return result


def _fill(grid: Grid, chars: list[dict[str, Any]], page: int) -> None:
    """Each cell's text from the characters inside it."""
    columns = edges([c[0] for c in grid.cells])
    tops, covering = cover(grid.cells, columns)
    by_cell: dict[int, list[dict[str, Any]]] = {}
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        c = bisect_right(columns, cx) - 1
        r = bisect_right(tops, cy) - 1
        if 0 <= r < len(tops) and 0 <= c < len(columns):
            index = covering[r][c]
            if index is not None:
                by_cell.setdefault(index, []).append(ch)
    for i, (x0, _, x1, _) in enumerate(grid.cells):
        grid.texts[i] = _cell_text(lines_of(by_cell.get(i, []), page), x1 - x0)
