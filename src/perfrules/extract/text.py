"""The text reader: a ``.txt`` report (as a Word export or a PDF-to-markdown converter wrote it) as a Layout.

Two ways of writing text are told apart by their blank lines: a Word export
writes one paragraph per line; a markdown converter separates paragraphs by
blank lines, wraps long ones over several lines, and splits a paragraph where
the page broke (the paragraph ends mid-sentence, a blank line, and it goes
on). Paragraphs are joined back in the second case only. Tables are read
by :mod:`perfrules.extract.texttables`; page numbers, running headers and the
exporter's markers are left out of the text and listed in
:attr:`Layout.unread`, so that nothing is dropped silently. Every character
of the result maps back to the character of the file it was read from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from perfrules.document.provenance import Place
from perfrules.errors import DocumentError, Problem
from perfrules.extract.decode import decode
from perfrules.extract.layout import Layout, Paragraph, Table, Text, Unread, charge
from perfrules.extract.textlines import Kind, Line, content_pairs, mark_furniture, split_lines
from perfrules.extract.texttables import cell_table, row_table
from perfrules.messages.extract import LongLine

__all__ = ["MAX_LINE_CHARS", "MAX_PARAGRAPH_CHARS", "read", "read_text"]

#: The longest line read (characters): a report's longest paragraph is a few thousand.
MAX_LINE_CHARS = 200_000
#: A paragraph joined from several lines is cut (not joined further) past this many characters.
MAX_PARAGRAPH_CHARS = 100_000  # half the bound on one text (layout.MAX_TEXT_CHARS): joints fit

_ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"
_TERMINAL = tuple("。！？；：!?;:…”」』")
_NUMBERED = re.compile(
    r"\s*(?:#|[（(]?[一二三四五六七八九十]+[）)、.．]|[（(]\d{1,2}[）)]|\d{1,2}(?:\.\d{1,2})*[、.．]\s?[^\d]|[①-⑳]|第[一二三四五六七八九十\d]+[章节部分条])"
)
_DATE_LINE = re.compile(r"\s*\d{4}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?\s*")


def _pair_text(doc: str, pairs: list[tuple[str, int]], place: Place, line_start: int) -> Text:
    """The Text of (character, document index) pairs: normalised, raw from the first to the last index."""
    kept = [(ch, i) for ch, i in pairs if ch not in _ZERO_WIDTH or ch == "\u200b"]
    while kept and kept[0][0] == "\u200b":
        kept.pop(0)
    if not kept:
        return Text("", "", place, ())
    first = min(i for _, i in kept)
    last = max(i for _, i in kept)
    raw = doc[first : last + 1]
    joined = "".join(ch for ch, _ in kept)
    if _PLAIN.fullmatch(joined) and unicodedata.is_normalized("NFKC", joined):
        text, offsets_t = joined.replace("\u3000", " "), tuple(i - first for _, i in kept)
        return Text(text, raw, _at(place, first - line_start + 1), offsets_t)
    chars: list[str] = []
    offsets: list[int] = []
    for k, (ch, i) in enumerate(kept):
        if ch == "\u200b":  # a joint between two lines of one cell or paragraph
            before = chars[-1] if chars else ""
            after = kept[k + 1][0] if k + 1 < len(kept) else ""
            if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
                chars.append(" ")  # stands for the line break between the two lines
                nl = doc.rfind("\n", first, i)
                offsets.append((nl if nl >= 0 else i) - first)
            continue
        if "\u2460" <= ch <= "\u2473":
            piece = ch
        elif ch.isspace():
            piece = " "
        elif ch.isascii():
            piece = ch
        else:
            piece = unicodedata.normalize("NFKC", ch)
        for c in piece:
            chars.append(c)
            offsets.append(i - first)
    return Text("".join(chars), raw, _at(place, first - line_start + 1), tuple(offsets))


def _at(place: Place, column: int) -> Place:
    return Place(
        place.file,
        place.format,
        place.line,
        column,
        table=place.table,
        row=place.row,
        cell=place.cell,
    )


#: Texts whose characters need no mapping but NFKC (no joint, no line break, no list marker).
_PLAIN = re.compile(
    r"[^\u200b\u2460-\u2473\t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f]*"
)


class _Reader:
    """One file being read: its document text, lines, and what has been found so far."""

    def __init__(self, doc: str, file: str) -> None:
        _refuse_long_line(doc, file)
        self.doc = doc
        self.file = file
        self.lines = split_lines(doc)
        mark_furniture(self.lines)
        self.blocks: list[Paragraph | Table] = []
        self.unread: list[Unread] = []
        self.tables = 0
        self.markdown = _markdown_mode(self.lines)

    def place(self, line: Line) -> Place:
        return Place(self.file, "text", line.number, 1)

    def make(self, pairs: list[tuple[str, int]], place: Place) -> Text:
        line = self._line_of(pairs[0][1]) if pairs else None
        start = line.start if line is not None else 0
        if line is not None:
            place = Place(
                place.file,
                "text",
                line.number,
                1,
                table=place.table,
                row=place.row,
                cell=place.cell,
            )
        charge(place, len(pairs))
        return _pair_text(self.doc, pairs, place, start)

    def _line_of(self, index: int) -> Line:
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= index:
                lo = mid
            else:
                hi = mid - 1
        return self.lines[lo]

    def pairs(self, line: Line) -> list[tuple[str, int]]:
        got, markers = content_pairs(line)
        for index, marker in markers:
            at = self._line_of(index)
            self.unread.append(
                Unread(Place(self.file, "text", at.number, index - at.start + 1), "marker", marker)
            )
        return got

    def run(self) -> Layout:
        lines = self.lines
        i = 0
        pending: list[list[tuple[str, int]]] = []  # markdown: the lines of the paragraph being read
        while i < len(lines):
            line = lines[i]
            if line.kind is Kind.FURNITURE:
                self.unread.append(Unread(self.place(line), line.reason, line.content.strip()))
                i += 1
                continue
            if line.kind in (Kind.CELL, Kind.TABROW, Kind.PIPEROW, Kind.PIPESEP, Kind.SPACEROW):
                build = cell_table if line.kind is Kind.CELL else row_table
                table, after = build(self.doc, lines, i, self.make, self.file, self.tables + 1)
                if table is not None:
                    self._flush(pending)
                    self.tables += 1
                    self.blocks.append(table)
                    i = after
                    continue
            if line.kind is Kind.BLANK:
                self._flush(pending)
                i += 1
                continue
            got = self.pairs(line)
            if not any(not ch.isspace() for ch, _ in got):
                i += 1
                continue
            if self.markdown:
                if sum(map(len, pending)) + len(got) > MAX_PARAGRAPH_CHARS:
                    self._flush(pending)  # a bound on one paragraph's size, not a reading
                pending.append(got)
            else:
                self._paragraph([got])
            i += 1
        self._flush(pending)
        blocks = self._join_page_breaks() if self.markdown else self.blocks
        return Layout(self.file, "text", tuple(blocks), tuple(self.unread))

    def _doc_index(self, text: Text) -> int:
        line = self.lines[(text.place.line or 1) - 1]
        return line.start + (text.place.column or 1) - 1

    def _join_page_breaks(self) -> list[Paragraph | Table]:
        out: list[Paragraph | Table] = []
        for block in self.blocks:
            prev = out[-1] if out else None
            if (
                isinstance(block, Paragraph)
                and isinstance(prev, Paragraph)
                and _continues(prev.text, block.text)
                and len(prev.text.text) + len(block.text.text) <= MAX_PARAGRAPH_CHARS
            ):
                a_index = self._doc_index(prev.text)
                b_index = self._doc_index(block.text)
                joined = _join(a_index, prev.text, block.text, b_index)
                raw = self.doc[a_index : b_index + len(block.text.raw)]
                out[-1] = Paragraph(Text(joined.text, raw, joined.place, joined.offsets))
                continue
            out.append(block)
        return out

    def _flush(self, pending: list[list[tuple[str, int]]]) -> None:
        if pending:
            self._paragraph(list(pending))
            pending.clear()

    def _paragraph(self, pieces: list[list[tuple[str, int]]]) -> None:
        pairs: list[tuple[str, int]] = []
        for piece in pieces:
            piece = _strip_pairs(piece)
            if not piece:
                continue
            if pairs:
                pairs.append(("\u200b", piece[0][1]))
            pairs.extend(piece)
        if pairs:
            self.blocks.append(Paragraph(self.make(pairs, Place(self.file, "text"))))


_LONG_LINE = re.compile(r"(?<![^\r\n])[^\r\n]{" + str(MAX_LINE_CHARS + 1) + ",}")


def _refuse_long_line(doc: str, file: str) -> None:
    """Refuse a text with a line longer than :data:`MAX_LINE_CHARS` (not a report; unbounded to read)."""
    m = _LONG_LINE.search(doc)  # anchored at line starts: one pass over the text
    if m is None:
        return
    length = m.end() - m.start()
    line = len(re.findall(r"\r\n|\r|\n", doc[: m.start()])) + 1
    raise DocumentError(
        [
            Problem(
                "invalid",
                file=file,
                line=line,
                params={"detail": LongLine(length=length, limit=MAX_LINE_CHARS)},
            )
        ]
    )


def _strip_pairs(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    lo, hi = 0, len(pairs)
    while lo < hi and (pairs[lo][0].isspace() or pairs[lo][0] in _ZERO_WIDTH):
        lo += 1
    while hi > lo and (pairs[hi - 1][0].isspace() or pairs[hi - 1][0] in _ZERO_WIDTH):
        hi -= 1
    return pairs[lo:hi]


def _markdown_mode(lines: Sequence[Line]) -> bool:
    """True when paragraphs are separated by blank lines (a converter's output), not one per line."""
    texts = [i for i, ln in enumerate(lines) if ln.kind is Kind.TEXT]
    if sum(1 for i in texts if lines[i].content.lstrip().startswith("#")) >= 2:
        return True
    if len(texts) < 6:
        return False
    followed = sum(1 for i in texts if i + 1 >= len(lines) or lines[i + 1].kind is Kind.BLANK)
    return followed >= 0.7 * len(texts)


_OPENERS = {"《": "》", "“": "”", "(": ")", "「": "」", "【": "】"}


def _heading_like(text: str) -> bool:
    """A short numbered line with no sentence inside it and every bracket closed."""
    if _NUMBERED.match(text) is None or len(text) > 40:
        return False
    if re.search(r"[,，。;；]", text.rstrip("。")):
        return False
    return _balanced(text)


def _balanced(text: str) -> bool:
    return all(text.count(o) == text.count(c) for o, c in _OPENERS.items())


_LABELLED = re.compile(r"[\u4e00-\u9fff()（）]{2,12}[:：]")


def _continues(a: Text, b: Text) -> bool:
    """True when paragraph ``b`` is the rest of ``a``, split where the page broke."""
    ta, tb = a.text.rstrip(), b.text.lstrip()
    if len(ta) < 20 or not tb or ta.endswith(_TERMINAL) or _heading_like(ta):
        return False
    if _LABELLED.match(tb) and len(tb) <= 40:
        return False  # 填报时间: 2024 年 4 月 15 日
    if not re.search(r"[,，。;；、]", ta) and len(ta) <= 40 and _balanced(ta):
        return False  # a title or a form's field line, not a sentence cut by a page break
    if a.raw.lstrip().startswith("#") or b.raw.lstrip().startswith("#"):
        return False
    return not (_NUMBERED.match(tb) or _DATE_LINE.fullmatch(tb) or tb[0] in "#*-+|")


def _join(doc_index: int, a: Text, b: Text, b_index: int) -> Text:
    """``a`` and ``b`` (starting at document indices ``doc_index`` and ``b_index``) as one text.

    The joined raw spans both and what lay between them (line breaks, page
    numbers); no character of the reading maps to the part between.
    """
    shift = b_index - doc_index
    raw_a_end = doc_index + len(a.raw)
    if b_index < raw_a_end:
        raise ValueError("texts to join overlap")
    sep = ""
    sep_offsets: tuple[int, ...] = ()
    if a.text and b.text:
        x, y = a.text[-1], b.text[0]
        if x.isascii() and x.isalnum() and y.isascii() and y.isalnum():
            sep, sep_offsets = " ", (shift,)
    return Text(
        a.text + sep + b.text,
        "",  # filled in by the caller, who knows the document
        a.place,
        a.offsets + sep_offsets + tuple(o + shift for o in b.offsets),
    )


def read_text(text: str, file: str) -> Layout:
    """The Layout of an already decoded text (the file's name is used in every place)."""
    return _Reader(text, file).run()


def read(data: bytes, file: str) -> Layout:
    """Read a text file's bytes (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030/GBK) into a Layout."""
    text, _ = decode(data, file)
    return read_text(text, file)
