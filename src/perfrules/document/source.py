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
        if cut <= 0:
            break
        path = path[:cut]
    return table.get(path, default)


def read_toml(text: str, file: str | None, error: type[PerfrulesError]) -> dict[str, Any]:
    """Parse TOML text (floats as Decimal); a syntax error becomes ``error`` with its line."""
    try:
        return tomli.loads(text, parse_float=Decimal)
    except tomli.TOMLDecodeError as exc:
        detail = getattr(exc, "msg", str(exc))
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


def _split_dotted(dotted: str) -> list[str]:
    parts = []
    for m in _KEY_PART.finditer(dotted):
        k = m.group(0)
        parts.append(k[1:-1] if k[0] in "\"'" else k)
    return parts


def _join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        if p.startswith("["):
            out += p
        else:
            out += ("." if out else "") + p
    return out


def toml_lines(text: str) -> dict[str, int]:
    """Map key paths of a TOML document to the 1-based line where each table or key starts."""
    lines: dict[str, int] = {}
    counters: dict[str, int] = {}
    table: list[str] = []
    in_multiline: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline is not None:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        m = _ARRAY_TABLE.match(line)
        if m:
            parts = _split_dotted(m.group(1))
            base = _join(parts)
            index = counters.get(base, 0)
            counters[base] = index + 1
            table = [*parts[:-1], parts[-1], f"[{index}]"]
            lines.setdefault(_join(table), number)
            lines.setdefault(base, number)
            continue
        m = _TABLE.match(line)
        if m:
            parts = _split_dotted(m.group(1))
            # a sub-table of the latest element of an array of tables
            resolved: list[str] = []
            for p in parts:
                resolved.append(p)
                base = _join(resolved)
                if base in counters:
                    resolved.append(f"[{counters[base] - 1}]")
            table = resolved
            lines.setdefault(_join(table), number)
            continue
        m = _ASSIGN.match(line)
        if m:
            path = _join([*table, *_split_dotted(m.group(1))])
            lines.setdefault(path, number)
            rest = line[m.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_multiline = quote
                    break
    return lines


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|\n')


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


def json_lines(text: str) -> dict[str, int]:
    """Map key paths of a JSON document to the 1-based line where each value starts."""
    lines: dict[str, int] = {}
    stack: list[list[Any]] = []  # [bracket, commas seen at this level]
    path: list[str] = []
    pending_key: str | None = None
    expect_key = False
    for tok, line in _json_tokens(text):
        if tok in "{[":
            if stack:
                top = stack[-1]
                path.append(f"[{top[1]}]" if top[0] == "[" else (pending_key or "?"))
                lines.setdefault(_join(path), line)
            stack.append([tok, 0])
            pending_key = None
            expect_key = tok == "{"
        elif tok in "}]":
            if stack:
                stack.pop()
            if path and stack:
                path.pop()
            expect_key = False
        elif tok == ",":
            if stack:
                stack[-1][1] += 1
                expect_key = stack[-1][0] == "{"
            pending_key = None
        elif tok == ":":
            expect_key = False
        elif expect_key:  # a string in key position
            try:
                pending_key = json.loads(tok)
            except ValueError:
                pending_key = tok[1:-1]
            lines.setdefault(_join([*path, str(pending_key)]), line)
            expect_key = False
        elif stack and stack[-1][0] == "[":
            lines.setdefault(_join([*path, f"[{stack[-1][1]}]"]), line)
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
