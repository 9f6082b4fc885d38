"""The section tree of a report: which paragraphs are headings, at what level, and what each section is for.

Levels come from the numbering style (一、 > （一） > 1. > （1） > ①), not from
the numbers, which exporters get wrong: Word's automatic numbering comes out
as Arabic numbers followed by a space (``1、 部门基本情况`` for 一、, ``（2） 项目支出情况``
for （二）), and markdown converters give ``#`` levels at random. A short line
without punctuation (``产出指标``, ``部门职责：``) is a label heading below all
numbered levels. Section purposes (problems, measures, conclusion …) come from
the titles, matched against the form knowledge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from perfrules.extract.forms import Forms
from perfrules.extract.layout import Layout, Paragraph, Table, Text
from perfrules.extract.reading import reading

__all__ = ["Block", "Document", "Heading", "build"]

_LABEL_LEVEL = 9
_EMPTY = frozenset({"无", "无。", "没有", "暂无", "无其他资料。", "不适用"})
_NUMBERINGS: tuple[tuple[re.Pattern[str], int, int], ...] = (
    # (pattern, level when typed, level when automatic numbering left a space after it)
    (re.compile(r"第[一二三四五六七八九十\d]+[章节部分]"), 0, 0),
    (re.compile(r"[一二三四五六七八九十]+[、.．]"), 1, 1),
    (re.compile(r"[(（][一二三四五六七八九十]+[)）][、.．]?"), 2, 2),
    (re.compile(r"\d{1,2}、"), 3, 1),
    (re.compile(r"\d{1,2}[.．](?!\d)"), 3, 3),
    (re.compile(r"[(（]\d{1,2}[)）]"), 4, 2),
    (re.compile(r"[①-⑳]"), 5, 5),
)
_SENTENCE = re.compile(r"[,，;；]|。(?!$)")
_OPENERS = {"《": "》", "“": "”", "(": ")", "「": "」", "【": "】"}


@attrs.frozen
class Heading:
    """A heading: its level (smaller is higher), its title without numbering, and its block index."""

    level: int
    title: str
    numbering: str
    index: int


@attrs.define
class Block:
    """A block of the layout as the interpreter sees it: the reading of a paragraph, its heading, its section."""

    index: int
    block: Paragraph | Table
    text: Text | None  # the reading of a paragraph (None for a table)
    heading: Heading | None = None
    path: tuple[Heading, ...] = ()  # the enclosing headings, outermost first


@attrs.frozen
class Document:
    """A report's blocks with their sections, and the form knowledge to read them."""

    file: str
    format: str
    blocks: tuple[Block, ...]
    forms: Forms

    def paragraphs(self) -> Iterator[Block]:
        """The blocks that are running text (not headings, not tables)."""
        return (b for b in self.blocks if b.text is not None and b.heading is None)

    def tables(self) -> Iterator[Block]:
        """The blocks that are tables."""
        return (b for b in self.blocks if isinstance(b.block, Table))

    def in_section(self, block: Block, words: str) -> bool:
        """True when one of the block's enclosing headings has a title with a word of list ``words``."""
        return any(_has(h.title, self.forms.get(words)) for h in block.path)

    def headings_for(self, words: str) -> list[Heading]:
        """The headings whose title holds a word of list ``words``, in document order."""
        return [
            b.heading
            for b in self.blocks
            if b.heading is not None and _has(b.heading.title, self.forms.get(words))
        ]

    def content(self, heading: Heading) -> list[Block]:
        """The blocks under ``heading``, up to the next heading at its level or above."""
        out: list[Block] = []
        for b in self.blocks[heading.index + 1 :]:
            if b.heading is not None and b.heading.level <= heading.level:
                break
            out.append(b)
        return out

    def locator(self, block: Block) -> str:
        """Where a block stands, by section titles (``部门预算执行情况 › 基本支出情况``)."""
        titles = [h.title for h in block.path if h.level < _LABEL_LEVEL] or [
            h.title for h in block.path
        ]
        return " › ".join(titles[-2:])


def _has(title: str, words: Sequence[str]) -> bool:
    return any(w in title for w in words)


def _numbering(text: Text, word_export: bool) -> tuple[int, str] | None:
    s = text.text
    for pattern, typed, automatic in _NUMBERINGS:
        m = pattern.match(s)
        if m is None:
            continue
        # Word's automatic numbering leaves a space (or tab) after the number in the export.
        k = text.raw_index(m.end() - 1) + 1
        spaced = word_export and k < len(text.raw) and text.raw[k] in " \t\u3000"
        return (automatic if spaced else typed), m.group()
    return None


def _balanced(s: str) -> bool:
    return all(s.count(o) == s.count(c) for o, c in _OPENERS.items())


def _heading(text: Text, markdown_heading: bool, word_export: bool) -> tuple[int, str] | None:
    """(level, numbering) when ``text`` is a heading."""
    s = text.text.strip()
    if not s or s in _EMPTY:
        return None
    colon = re.search(r"[:：]", s)
    if colon is not None and s[colon.end() :].strip():
        return None  # ③时效指标：培训完成时间12月底 — a labelled statement, not a title
    numbered = _numbering(text, word_export)
    short = len(s) <= 40 and _SENTENCE.search(s) is None and _balanced(s)
    if numbered is not None:
        level, numbering = numbered
        rest = s[len(numbering) :].strip()
        if rest and (short or markdown_heading):
            return level, numbering
        return None
    if markdown_heading:
        return 8, ""
    if len(s) <= 20 and short and not re.search(r"\d", s) and not s.endswith("。"):
        return _LABEL_LEVEL, ""
    return None


def build(layout: Layout, forms: Forms) -> Document:
    """The section tree of a layout."""
    blocks: list[Block] = []
    stack: list[Heading] = []
    word_export = not any(
        isinstance(b, Paragraph) and b.text.raw.lstrip().startswith("#") for b in layout.blocks
    )
    for i, item in enumerate(layout.blocks):
        if isinstance(item, Table):
            blocks.append(Block(i, item, None, None, tuple(stack)))
            continue
        text = reading(item.text, forms.simplify)
        raw = item.text.raw.lstrip()
        marked = raw.startswith("#") or (raw.startswith("**") and raw.rstrip().endswith("**"))
        found = _heading(text, marked, word_export)
        if found is None:
            blocks.append(Block(i, item, text, None, tuple(stack)))
            continue
        level, numbering = found
        title = text.text.strip()[len(numbering) :].strip().rstrip("：:。").strip()
        heading = Heading(level, title, numbering, i)
        while stack and stack[-1].level >= level:
            stack.pop()
        blocks.append(Block(i, item, text, heading, tuple(stack)))
        stack.append(heading)
    return Document(layout.file, layout.format, tuple(blocks), forms)
