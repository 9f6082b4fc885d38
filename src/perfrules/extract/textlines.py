"""The lines of a text file, classified (text, table cell, table row, page furniture), and their markup.

A text report comes from an extractor: Word exports write each table cell as
one line starting with a TAB, PDF-to-markdown converters write ``#``/``**``
markup and LaTeX fragments, and both leave page numbers and markers such as
``[bookmark: _GoBack]``. This module says what each line is and turns a
line's content into ``(character, index in the document)`` pairs with the
markup removed, so that the text read from it still points at the original
characters.
"""

from __future__ import annotations

import enum
import re
from collections import Counter

import attrs

__all__ = [
    "Kind",
    "Line",
    "content_pairs",
    "empty_cell",
    "mark_furniture",
    "split_lines",
]


class Kind(str, enum.Enum):
    """What a line of a text file is."""

    BLANK = "blank"
    TEXT = "text"
    CELL = "cell"  # a table cell on a line of its own, after a TAB (Word export)
    TABROW = "tabrow"  # a table row, cells separated by TABs
    PIPEROW = "piperow"  # a table row, cells separated by |
    PIPESEP = "pipesep"  # a markdown table's |---|---| line
    SPACEROW = "spacerow"  # a line of cells separated by wide spaces (a table row, if its neighbours agree)
    FURNITURE = "furniture"  # a page number, a running header or footer


@attrs.define
class Line:
    """One line of the file: its number (1-based), where its content starts in the document, and what it is."""

    number: int
    start: int  # index of the line's first character in the document
    content: str  # the line without its line break
    kind: Kind = Kind.TEXT
    reason: str = ""  # for FURNITURE: why


_PIPESEP = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*")
_WIDE_GAP = re.compile(r"(?<=\S)(?: {2,}|\u3000+|\t+)(?=\S)")
_PAGE_NUMBER = re.compile(
    r"\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?|\d{1,3})\s*"
)
_TRAILING_JUNK = re.compile(r"\s*\d{1,4}\s*[年页]?\s*")
_EMPTY_CELL = re.compile(r"\s*[-—–－―/／]{1,3}\s*")


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` (``\\n``, ``\\r\\n`` or ``\\r``), each classified by its own content."""
    lines: list[Line] = []
    start = 0
    number = 1
    for m in re.finditer(r"\r\n|\r|\n", text):
        lines.append(_classified(Line(number, start, text[start : m.start()])))
        start = m.end()
        number += 1
    if start < len(text):
        lines.append(_classified(Line(number, start, text[start:])))
    return lines


def _classified(line: Line) -> Line:
    c = line.content
    if c.startswith("\t") and "\t" not in c[1:].rstrip("\t"):
        line.kind = Kind.CELL
    elif not c.strip():
        line.kind = Kind.BLANK
    elif "\t" in c.strip("\t \u3000"):
        line.kind = Kind.TABROW
    elif _PIPESEP.fullmatch(c) and "|" in c:
        line.kind = Kind.PIPESEP
    elif c.count("|") >= 2 or (c.strip().startswith("|") and c.strip().endswith("|")):
        line.kind = Kind.PIPEROW
    elif _WIDE_GAP.search(c.strip()):
        line.kind = Kind.SPACEROW
    return line


def mark_furniture(lines: list[Line]) -> None:
    """Mark page numbers, the numeric junk a converter leaves at the end, and running headers/footers."""
    for line in lines:
        if line.kind in (Kind.TEXT, Kind.SPACEROW) and _PAGE_NUMBER.fullmatch(line.content):
            line.kind, line.reason = Kind.FURNITURE, "page-number"
    for line in reversed(lines):  # "1 2 3 4 5 1952年" after the last paragraph
        if line.kind is Kind.BLANK:
            continue
        if line.kind in (Kind.TEXT, Kind.FURNITURE) and _TRAILING_JUNK.fullmatch(line.content):
            line.kind, line.reason = Kind.FURNITURE, "page-number"
            continue
        break
    numbers = [i for i, ln in enumerate(lines) if ln.reason == "page-number"]
    if not numbers:
        return
    counts = Counter(
        ln.content.strip() for ln in lines if ln.kind is Kind.TEXT and len(ln.content.strip()) <= 40
    )
    for i, line in enumerate(lines):
        if line.kind is not Kind.TEXT or counts[line.content.strip()] < 3:
            continue
        near = [j for j in numbers if abs(j - i) <= 2]
        if near:
            line.kind, line.reason = Kind.FURNITURE, "page-header"


def empty_cell(content: str) -> bool:
    """True when a cell is blank or written as a dash (—, -, /): the report left it empty."""
    return not content.strip() or _EMPTY_CELL.fullmatch(content) is not None


_MARKER = re.compile(r"\[bookmark: [^\]]*\]")
_MARKUP_CHARS = re.compile(r"\[bookmark|\*\*|__|<br|\$")
_LINE_START = re.compile(r"\s{0,3}(?:#|[-*+]\s)")
_HEADING_MARK = re.compile(r"\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"\s{0,3}[-*+]\s+(?=\S)")
_LATEX = re.compile(r"\$([^$\n]{1,80})\$")
_LATEX_COMMANDS = {
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "lt": "<",
    "gt": ">",
    "neq": "≠",
    "ne": "≠",
    "times": "×",
    "div": "÷",
    "cdot": "·",
    "pm": "±",
    "sim": "~",
    "approx": "≈",
    "%": "%",
}
_LATEX_TOKEN = re.compile(r"\\([A-Za-z]+|%|,|;|!| )|[{}^_]")


def _latex_pairs(body: str, at: int) -> list[tuple[str, int]]:
    """A LaTeX fragment's reading: ``75 \\leq`` → ``75 ≤`` (commands mapped, braces dropped)."""
    out: list[tuple[str, int]] = []
    pos = 0
    for m in _LATEX_TOKEN.finditer(body):
        out.extend((ch, at + pos + k) for k, ch in enumerate(body[pos : m.start()]))
        name = m.group(1)
        if name is not None:
            word = _LATEX_COMMANDS.get(name, " " if name in (",", ";", "!", " ") else name)
            out.extend((ch, at + m.start()) for ch in word)
        pos = m.end()
    out.extend((ch, at + pos + k) for k, ch in enumerate(body[pos:]))
    return out


def content_pairs(
    line: Line, begin: int = 0, end: int | None = None
) -> tuple[list[tuple[str, int]], list[tuple[int, str]]]:
    """``line.content[begin:end]`` as (character, document index) pairs without markup, and the markers removed.

    Markup removed: a leading ``#`` heading mark or list bullet, ``**`` and
    ``__`` emphasis, ``$…$`` LaTeX (commands read as their symbols), HTML line
    breaks, and the exporter's ``[bookmark: …]`` markers (returned, with
    their document index, so that they can be listed as skipped).
    """
    c = line.content
    end = len(c) if end is None else end
    piece = c[begin:end]
    if not _MARKUP_CHARS.search(piece) and not (begin == 0 and _LINE_START.match(piece)):
        base = line.start + begin
        return list(zip(piece, range(base, base + len(piece)), strict=True)), []
    markers: list[tuple[int, str]] = []
    drop = [False] * len(piece)
    replace: dict[int, list[tuple[str, int]]] = {}
    for m in _MARKER.finditer(piece):
        markers.append((line.start + begin + m.start(), m.group()))
        for k in range(m.start(), m.end()):
            drop[k] = True
    if begin == 0:
        head = _HEADING_MARK.match(piece) or _BULLET.match(piece)
        if head is not None:
            for k in range(head.start(), head.end()):
                drop[k] = True
    for m in re.finditer(r"\*\*|__|<br\s*/?>", piece):
        for k in range(m.start(), m.end()):
            drop[k] = True
        if m.group().startswith("<"):
            replace[m.start()] = [(" ", line.start + begin + m.start())]
    for m in _LATEX.finditer(piece):
        for k in range(m.start(), m.end()):
            drop[k] = True
        replace[m.start()] = _latex_pairs(m.group(1), line.start + begin + m.start(1))
    pairs: list[tuple[str, int]] = []
    for k, ch in enumerate(piece):
        if k in replace:
            pairs.extend(replace[k])
        if not drop[k]:
            pairs.append((ch, line.start + begin + k))
    return pairs, markers
