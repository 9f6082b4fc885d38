"""Where a document came from, and which line each key path starts on.

Neither tomli nor json reports positions, so the line of a key path
(``indicators[3].target``) is found by a light scan of the text. The scan runs
only when a line is first asked for (an error or a finding needs it), so a
clean document never pays for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import tomli

from perfrules.document.provenance import Place, Traced
from perfrules.errors import PerfrulesError, Problem

__all__ = ["Source", "json_lines", "nearest", "read_toml", "toml_lines"]

T = TypeVar("T")


def nearest(table: Mapping[str, T], path: str, default: T | None = None) -> T | None:
    """The entry for ``path`` in ``table``, or for its nearest parent path (``a.b[2].c`` → ``a.b[2]`` → ``a.b`` → ``a``)."""
    while path:
        found = table.get(path)
        if found is not None:
            return found
        cut = max(path.rfind("."), path.rfind("["))
        if cut < 0:
            return default
        # at 0 the parent is "": an empty key at the top ("[0]" of `"" = [1]`)
        path = path[:cut]
    return table.get(path, default)


def read_toml(text: str, file: str | None, error: type[PerfrulesError]) -> dict[str, Any]:
    """Parse TOML text (floats as Decimal); a syntax error becomes ``error`` with its line."""
    try:
        return tomli.loads(text, parse_float=Decimal)
    except tomli.TOMLDecodeError as exc:
        from perfrules.messages.parsers import parser_detail

        detail = parser_detail(getattr(exc, "msg", str(exc)))
        line = getattr(exc, "lineno", None)
        raise error([Problem("syntax", line=line, file=file, params={"detail": detail})]) from None


_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_TABLE = re.compile(rf"\s*\[\s*({_DOTTED})\s*\]\s*(?:#.*)?$")
_ARRAY_TABLE = re.compile(rf"\s*\[\[\s*({_DOTTED})\s*\]\]\s*(?:#.*)?$")
_ASSIGN = re.compile(rf"\s*({_DOTTED})\s*=")
_KEY_PART = re.compile(_KEY)
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|(.))")
_ESCAPES = dict(zip('btnfre"\\', '\b\t\n\f\r\x1b"\\', strict=True))  # TOML's short escapes

# What a value's text holds that the scan must step over: strings (one-line ones whole,
# multi-line ones by their opening quote), a comment, the brackets of arrays and inline tables.
_VALUE_TOKEN = re.compile(r"\"\"\"|'''|\"(?:[^\"\\]|\\.)*\"|'[^']*'|#|[\[\]{}]")
# A value that is one one-line string or bare (a number, date, boolean), then a comment
# perhaps: the common case, which needs no step-by-step scan.
_SIMPLE_VALUE = re.compile(
    r"""[ \t]*(?:"(?:[^"\\]|\\.)*"|'[^']*')[ \t]*(?:#.*)?|[^"'#\[\]{}]*(?:#.*)?"""
)
# The rest of a multi-line string up to its closing quote (which may carry two quotes more).
_MULTILINE_END = {
    '"""': re.compile(r'(?:[^"\\]|\\.|\\$|"(?!""))*"{3,}'),
    "'''": re.compile(r"(?:[^']|'(?!''))*'{3,}"),
}


def _unescape(match: re.Match[str]) -> str:
    u4, u8, x2, char = match.groups()
    code = u4 or u8 or x2
    if code is not None:
        n = int(code, 16)
        return chr(n) if n <= 0x10FFFF else match.group(0)
    return _ESCAPES.get(char, match.group(0))


def _split_dotted(dotted: str) -> list[str]:
    parts = []
    for m in _KEY_PART.finditer(dotted):
        k = m.group(0)
        if k[0] == '"':
            k = _ESCAPE.sub(_unescape, k[1:-1]) if "\\" in k else k[1:-1]
        elif k[0] == "'":
            k = k[1:-1]
        parts.append(k)
    return parts


def _child(path: str, key: str) -> str:
    """The path of ``key`` in the table at ``path``, written as the loader writes it (``a.b``)."""
    return f"{path}.{key}" if path else key


def _scan_value(line: str, pos: int, depth: int) -> tuple[int, str | None]:
    """Step over a value's text from ``pos``: (bracket depth after the line, open multi-line quote)."""
    while True:
        m = _VALUE_TOKEN.search(line, pos)
        if m is None:
            return depth, None
        token = m.group(0)
        if token == "#":
            return depth, None
        pos = m.end()
        if token == '"""' or token == "'''":
            end = _MULTILINE_END[token].match(line, pos)
            if end is None:
                return depth, token
            pos = end.end()
        elif token == "[" or token == "{":
            depth += 1
        elif token == "]" or token == "}":
            depth = max(depth - 1, 0)


def _resolve(parts: list[str], counters: Mapping[str, int]) -> str:
    """The path a header names, each array of tables on the way at its latest element."""
    path = ""
    for part in parts:
        path = _child(path, part)
        count = counters.get(path)
        if count is not None:
            path = f"{path}[{count - 1}]"
    return path


def toml_lines(text: str) -> dict[str, int]:
    """Map key paths of a TOML document to the 1-based line where each table or key starts.

    Lines inside a multi-line string, array or inline table are never read as keys
    or tables; an array of tables inside an element of another (``[[a.b]]`` after
    ``[[a]]``) is counted within that element (``a[1].b[0]``). Where a path is
    written twice, the first writing counts.
    """
    lines: dict[str, int] = {}
    counters: dict[str, int] = {}  # arrays of tables, by resolved path: elements so far
    table = ""
    multiline: str | None = None  # the quote of the multi-line string the scan is inside
    depth = 0  # open brackets of a value that runs over lines
    for number, line in enumerate(text.splitlines(), start=1):
        if multiline is not None:
            end = _MULTILINE_END[multiline].match(line)
            if end is None:
                continue
            depth, multiline = _scan_value(line, end.end(), depth)
            continue
        if depth:
            depth, multiline = _scan_value(line, 0, depth)
            continue
        m = _ARRAY_TABLE.match(line)
        if m:
            parts = _split_dotted(m.group(1))
            base = _child(_resolve(parts[:-1], counters), parts[-1])
            index = counters.get(base, 0)
            counters[base] = index + 1
            table = f"{base}[{index}]"
            lines.setdefault(table, number)
            lines.setdefault(base, number)
            continue
        m = _TABLE.match(line)
        if m:
            table = _resolve(_split_dotted(m.group(1)), counters)
            lines.setdefault(table, number)
            continue
        m = _ASSIGN.match(line)
        if m:
            path = table
            for part in _split_dotted(m.group(1)):
                path = _child(path, part)
            lines.setdefault(path, number)
            if _SIMPLE_VALUE.fullmatch(line, m.end()) is None:
                depth, multiline = _scan_value(line, m.end(), 0)
    return lines


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s"{}\[\],:]+|\n')


def _json_tokens(text: str) -> Iterator[tuple[str, int]]:
    line = 1
    for m in _JSON_TOKEN.finditer(text):
        tok = m.group(0)
        if tok == "\n":
            line += 1
            continue
        if tok[0] == '"':
            line += tok.count("\n")
        yield tok, line


class _Container:
    """An object or array the JSON scan is inside: its path, and what it has seen so far."""

    __slots__ = ("index", "is_object", "keys", "path")

    def __init__(self, bracket: str, path: str) -> None:
        self.is_object = bracket == "{"
        self.path = path
        self.index = 0  # the element an array is at
        self.keys: dict[str, int] = {}  # how often an object has written each key


def json_lines(text: str) -> dict[str, int]:
    """Map key paths of a JSON document to the 1-based line where each value starts.

    Array elements of every kind (strings, numbers, ``true``, ``null``, containers)
    are mapped. A key written twice in one object maps to its second writing, where
    the duplicate is; a path written twice otherwise (a key ``"a.b"`` and ``a`` →
    ``b``) maps to its first writing.
    """
    lines: dict[str, int] = {}
    stack: list[_Container] = []
    key: str | None = None  # the key whose value comes next in the innermost object
    expect_key = False
    for tok, line in _json_tokens(text):
        top = stack[-1] if stack else None
        if tok == "{" or tok == "[":
            path = ""
            if top is not None:
                if top.is_object:
                    path = _child(top.path, "?" if key is None else key)
                else:
                    path = f"{top.path}[{top.index}]"
                lines.setdefault(path, line)
            stack.append(_Container(tok, path))
            key = None
            expect_key = tok == "{"
        elif tok == "}" or tok == "]":
            if stack:
                stack.pop()
            key = None
            expect_key = False
        elif tok == ",":
            if top is not None:
                top.index += 1
                expect_key = top.is_object
            key = None
        elif tok == ":":
            expect_key = False
        elif expect_key and top is not None:  # a string in key position
            try:
                key = str(json.loads(tok))
            except ValueError:
                key = tok[1:-1]
            path = _child(top.path, key)
            seen = top.keys.get(key, 0)
            top.keys[key] = seen + 1
            if seen == 1:
                lines[path] = line  # the first repeat of a key: where the duplicate is
            else:
                lines.setdefault(path, line)
            expect_key = False
        elif top is not None and not top.is_object:
            lines.setdefault(f"{top.path}[{top.index}]", line)
    return lines


class Source:
    """The text a document was loaded from, its file name and format; finds lines on demand.

    A document extracted from a report as written (``perfrules.extract``)
    also carries its provenance: key path → :class:`~perfrules.document.provenance.Traced`,
    the place in the original file each value was read from (:meth:`place`).
    Its ``text`` is the generated TOML and ``file`` the original file.
    """

    __slots__ = ("_lines", "file", "format", "provenance", "text")

    def __init__(
        self,
        text: str,
        format: str,
        file: str | None = None,
        provenance: Mapping[str, Traced] | None = None,
    ) -> None:
        self.text = text
        self.format = format
        self.file = file
        self.provenance: Mapping[str, Traced] = provenance or {}
        self._lines: dict[str, int] | None = None

    def traced(self, path: str) -> Traced | None:
        """Where the value at ``path`` (or its nearest parent) was read in the original, with its text."""
        return nearest(self.provenance, path) if self.provenance else None

    def place(self, path: str) -> Place | None:
        """The place in the original file of the value at ``path`` (or of its nearest parent)."""
        found = self.traced(path)
        return found.place if found is not None else None

    def line(self, path: str) -> int | None:
        """The line where ``path`` (``indicators[3].target``) starts, or of its nearest parent."""
        if self._lines is None:
            self._lines = toml_lines(self.text) if self.format == "toml" else json_lines(self.text)
        return nearest(self._lines, path)

    def __repr__(self) -> str:
        return f"Source(file={self.file!r}, format={self.format!r})"
