"""A small DOM for the HTML tests: the page parsed by the standard library into elements with text.

Enough to ask what a reviewer's browser would show without a browser: the
elements with an attribute, an element's text, its ancestors, and the table
grid (rowspan and colspan resolved) to check that every table is rectangular.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

VOID = {"meta", "br", "img", "input", "hr", "link", "source", "col", "wbr"}
SVG_EMPTY = {"rect", "line", "path", "circle"}


class Element:
    """One element: tag, attributes, children (elements and text)."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        """All the text inside, as a browser's textContent."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Element]:
        yield self
        for c in self.children:
            if isinstance(c, Element):
                yield from c.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        found = []
        for e in self.iter():
            if tag is not None and e.tag != tag:
                continue
            if all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                found.append(e)
        return found

    def with_attr(self, name: str) -> list[Element]:
        return [e for e in self.iter() if name in e.attrs]

    def by_id(self, ident: str) -> Element | None:
        for e in self.iter():
            if e.attrs.get("id") == ident:
                return e
        return None

    def ancestor(self, tag: str) -> Element | None:
        e = self.parent
        while e is not None and e.tag != tag:
            e = e.parent
        return e

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        e = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(e)
        if tag not in VOID:
            self.current = e

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        e = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(e)

    def handle_endtag(self, tag: str) -> None:
        e: Element | None = self.current
        while e is not None and e.tag != tag:
            e = e.parent
        if e is None:
            raise AssertionError(f"end tag </{tag}> with no open <{tag}>")
        if e is not self.current:
            raise AssertionError(f"</{tag}> closes <{self.current.tag}> too: mis-nested markup")
        self.current = e.parent or self.root

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(text: str) -> Element:
    """The page as a tree; mis-nested or unclosed elements fail the test."""
    builder = _Builder()
    builder.feed(text)
    builder.close()
    assert builder.current is builder.root, f"unclosed <{builder.current.tag}>"
    return builder.root


def grid_widths(table: Element) -> list[int]:
    """The number of columns each row of ``table`` covers, rowspans from the rows above counted."""
    rows = [r for r in table.iter() if r.tag == "tr"]
    remaining: dict[int, int] = {}  # column → how many more rows a cell above still covers
    widths = []
    for row in rows:
        used = set(remaining)
        started: dict[int, int] = {}
        col = 0
        for c in row.children:
            if not isinstance(c, Element) or c.tag not in ("td", "th"):
                continue
            while col in used:
                col += 1
            span = int(c.attrs.get("colspan", "1"))
            down = int(c.attrs.get("rowspan", "1"))
            for k in range(col, col + span):
                used.add(k)
                if down > 1:
                    started[k] = down - 1
            col += span
        widths.append(len(used))
        remaining = {c: n - 1 for c, n in remaining.items() if n > 1}
        remaining.update(started)
    return widths
