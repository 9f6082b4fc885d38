"""Line maps of documents (document/source.py): every key path maps to the line where it is written.

``toml_lines`` and ``json_lines`` scan the text (neither parser reports
positions), ``nearest`` falls back from a path to its nearest mapped parent.
Generated documents are written out line by line, recording where each key
path is written; the scan must find exactly those lines, through every trap a
light scan can fall into: quoted keys (empty ones, escapes, ``[`` and ``]`` in
them), dotted keys, sub-tables and arrays of tables inside elements of arrays
of tables, inline tables, multi-line strings (literal and basic) and arrays
whose content looks like keys or tables, ``'''`` and ``\"\"\"`` inside one-line
strings and comments, comments, blank lines, indentation; in JSON, array
elements of every kind, empty keys and keys that look like indexes.
Where a path is written twice (a key ``"a.b"`` and ``a`` → ``b``), the first
writing counts, on both sides; a key written twice in one JSON object is
located at its second writing (the duplicate). Each form the scan once got wrong is
also tested on its own, in ``test_source_gaps.py``.
``PERFRULES_PROPERTY_EXAMPLES`` raises the number of examples.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

import perfrules
from perfrules.document.source import json_lines, nearest, toml_lines

SETTINGS = settings(
    max_examples=int(os.environ.get("PERFRULES_PROPERTY_EXAMPLES", "60")), deadline=None
)

#: Key characters: bare ones, and ones that need quoting (Chinese, space, =, #, [, ], quotes,
#: a backslash); a quoted key may be empty.
BARE_CHARS = "abcxyz_-019"
KEYS = st.one_of(
    st.text(alphabet=BARE_CHARS, min_size=1, max_size=6),
    st.text(alphabet="某区档案 =#[]a1'\"\\", max_size=6),
)
#: One-line string content, with characters that look like TOML syntax (''' and """ too).
TEXT = st.text(alphabet="某区档案红十字ab1 =[]{}#,:.'\"\\", max_size=12)
#: Comments that look like keys, tables and the openings of multi-line strings.
COMMENTS = ("# [not.a.table] = 1", "# it'''s", '# say """', "#'''", "# [[x]]")


@attrs.frozen
class MultiLine:
    """A string written as a multi-line string whose lines look like keys and tables."""

    tail: str

    @property
    def text(self) -> str:
        return "b = 1\n[t]\n[[t]]\n" + self.tail


SCALARS = st.one_of(
    st.integers(-(10**6), 10**6),
    st.booleans(),
    TEXT,
    st.builds(MultiLine, TEXT),
    st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False),
)
#: Array elements: scalars, and arrays of strings (whose lines look like array tables).
ELEMENTS = st.one_of(SCALARS, st.lists(TEXT, min_size=1, max_size=2))


def _tables(depth: int, keys: st.SearchStrategy[str] = KEYS) -> st.SearchStrategy[dict[str, Any]]:
    """Tables of scalars, arrays, sub-tables and arrays of tables, ``depth`` deep."""
    values: st.SearchStrategy[Any] = st.one_of(SCALARS, st.lists(ELEMENTS, max_size=3))
    if depth > 0:
        inner = _tables(depth - 1)
        values = st.one_of(values, values, inner, st.lists(inner, min_size=1, max_size=3))
    return st.dictionaries(keys, values, max_size=5)


#: Top-level keys are never empty: the path of a key inside a top-level "" is the key alone
#: (``"".x`` is ``x``, as the loader writes paths), so an inline table there has no parent
#: path to fall back to.
TOP_KEYS = KEYS.filter(bool)


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _data(value: Any) -> Any:
    """What tomli reads back for a generated value."""
    if isinstance(value, Mapping):
        return {k: _data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_data(v) for v in value]
    return value.text if isinstance(value, MultiLine) else value


def _key(key: str) -> str:
    return key if key and set(key) <= set(BARE_CHARS) else json.dumps(key, ensure_ascii=False)


def _inline(value: Any) -> str:
    """A value on one line (tables inline, multi-line strings as escaped basic strings)."""
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_inline(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, MultiLine)):
        return json.dumps(_data(value), ensure_ascii=False)
    return str(value)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _inline_paths(path: str, value: Any) -> list[str]:
    """Every key path inside a value written on one line (all on the line of its key)."""
    out = [path]
    if isinstance(value, Mapping):
        for k, v in value.items():
            out += _inline_paths(_join(path, k), v)
    elif _is_tables(value):
        for i, v in enumerate(value):
            out += _inline_paths(f"{path}[{i}]", v)
    return out


class TomlWriter:
    """Writes a table as TOML in randomly chosen valid forms, recording each key path's line."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.out: list[str] = []
        self.lines: dict[str, int] = {}

    def noise(self) -> None:
        for _ in range(self.draw(st.integers(0, 1))):
            self.out.append(self.draw(st.sampled_from(("", "   ", *COMMENTS))))

    def comment(self) -> str:
        """Nothing, or a comment to end a line with."""
        return self.draw(st.sampled_from(("", "", *(f"  {c}" for c in COMMENTS))))

    def emit(self, text: str, paths: list[str], comment: bool = True) -> None:
        self.noise()
        indent = " " * self.draw(st.integers(0, 2))
        self.out.append(indent + text + (self.comment() if comment else ""))
        for path in paths:
            self.lines.setdefault(path, len(self.out))

    def scalar(self, value: Any) -> str:
        """A one-line value; a string as a literal string where it can be one."""
        if isinstance(value, str) and "'" not in value and self.draw(st.booleans()):
            return f"'{value}'"
        return _inline(value)

    def multiline(self, value: MultiLine, suffix: str) -> list[str]:
        """The lines of a multi-line string from its opening quote on, ``suffix`` after it."""
        text = value.text
        if "'''" not in text and self.draw(st.booleans()):
            quote = "'''"
        else:
            quote = '"""'
            text = text.replace("\\", "\\\\").replace('"', '\\"')
        *lines, last = text.split("\n")
        return [quote, *lines, last + quote + suffix]

    def array(self, key: str, value: list[Any], here: str) -> None:
        """An array with its elements on lines of their own."""
        self.emit(f"{_key(key)} = [", [here])
        for n, item in enumerate(value):
            comma = "," if n < len(value) - 1 or self.draw(st.booleans()) else ""
            if isinstance(item, MultiLine) and self.draw(st.booleans()):
                first, *rest = self.multiline(item, comma)
                self.out += [f"  {first}", *rest]
            else:
                self.out.append(f"  {self.scalar(item)}{comma}{self.comment()}")
        self.out.append("]" + self.comment())

    def body(self, table: Mapping[str, Any], path: str, keys: tuple[str, ...]) -> None:
        """A table's keys, then its sub-tables and arrays of tables as headers where chosen."""
        later = []
        for key, value in table.items():
            here = _join(path, key)
            if isinstance(value, Mapping) or _is_tables(value):
                if self.draw(st.integers(0, 2)) > 0:
                    later.append((key, value))
                else:
                    self.emit(f"{_key(key)} = {_inline(value)}", _inline_paths(here, value))
            elif isinstance(value, list) and value and self.draw(st.booleans()):
                self.array(key, value, here)
            elif isinstance(value, MultiLine):
                first, *rest = self.multiline(value, self.comment())
                self.emit(f"{_key(key)} = {first}", [here], comment=False)
                self.out += rest
            else:
                self.emit(f"{_key(key)} = {self.scalar(value)}", [here])
        for key, value in later:
            here = _join(path, key)
            name = ".".join(_key(k) for k in (*keys, key))
            if isinstance(value, Mapping):
                self.emit(f"[{name}]", [here])
                self.body(value, here, (*keys, key))
            else:
                for i, row in enumerate(value):
                    self.emit(f"[[{name}]]", [here, f"{here}[{i}]"])
                    self.body(row, f"{here}[{i}]", (*keys, key))


@st.composite
def toml_documents(draw: st.DrawFn) -> tuple[str, dict[str, Any], dict[str, int]]:
    """(text, the data it holds, the line of every key path)."""
    data = draw(_tables(3, TOP_KEYS))
    writer = TomlWriter(draw)
    writer.body(data, "", ())
    writer.noise()
    return "\n".join(writer.out) + "\n", _data(data), writer.lines


@SETTINGS
@given(toml_documents())
def test_every_toml_key_path_maps_to_its_line(
    doc: tuple[str, dict[str, Any], dict[str, int]],
) -> None:
    text, data, where = doc
    assert tomli.loads(text, parse_float=Decimal) == data  # the text is the document meant
    lines = toml_lines(text)
    wrong = {p: (nearest(lines, p), n) for p, n in where.items() if nearest(lines, p) != n}
    assert not wrong, f"(found, written) lines differ:\n{wrong}\n{text}"


@SETTINGS
@given(toml_documents())
def test_crlf_changes_no_line(doc: tuple[str, dict[str, Any], dict[str, int]]) -> None:
    text, _, _ = doc
    assert toml_lines(text.replace("\n", "\r\n")) == toml_lines(text)


# --- JSON -------------------------------------------------------------------------------------

#: Keys: may be empty, and may look like an index ("[0]") or a dotted path.
JSON_KEYS = st.text(alphabet='某区ab1 ."\\[]{}:,', max_size=5)
JSON_TEXT = st.text(alphabet='某区档案ab1 []{}:,"\\\n', max_size=8)
JSON_SCALARS = st.one_of(
    st.integers(-1000, 1000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    JSON_TEXT,
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.dictionaries(JSON_KEYS, inner, max_size=4), st.lists(inner, max_size=4)
    ),
    max_leaves=20,
)


class JsonWriter:
    """Writes JSON with newlines in random places between tokens, recording each path's line."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.parts: list[str] = []
        self.line = 1
        self.lines: dict[str, int] = {}

    def put(self, token: str) -> None:
        self.parts.append(token)
        if self.draw(st.integers(0, 2)) == 0:
            self.parts.append("\n")
            self.line += 1
        elif self.draw(st.booleans()):
            self.parts.append(" ")

    def value(self, value: Any, path: str) -> None:
        if isinstance(value, dict):
            self.put("{")
            for n, (key, item) in enumerate(value.items()):
                here = _join(path, key)
                self.lines.setdefault(here, self.line)
                self.put(json.dumps(key, ensure_ascii=False))
                self.put(":")
                self.value(item, here)
                if n < len(value) - 1:
                    self.put(",")
            self.put("}")
        elif isinstance(value, list):
            self.put("[")
            for n, item in enumerate(value):
                self.lines.setdefault(f"{path}[{n}]", self.line)
                self.value(item, f"{path}[{n}]")
                if n < len(value) - 1:
                    self.put(",")
            self.put("]")
        else:
            self.put(json.dumps(value, ensure_ascii=False))


@st.composite
def json_documents(draw: st.DrawFn) -> tuple[str, dict[str, Any], dict[str, int]]:
    data = draw(st.dictionaries(JSON_KEYS, JSON_VALUES, max_size=5))
    writer = JsonWriter(draw)
    writer.value(data, "")
    return "".join(writer.parts), data, writer.lines


@SETTINGS
@given(json_documents())
def test_every_json_key_path_maps_to_its_line(
    doc: tuple[str, dict[str, Any], dict[str, int]],
) -> None:
    text, data, where = doc
    assert json.loads(text) == data
    lines = json_lines(text)
    wrong = {p: (nearest(lines, p), n) for p, n in where.items() if nearest(lines, p) != n}
    assert not wrong, f"(found, written) lines differ:\n{wrong}\n{text}"


# --- nearest, and the loader's use of the maps ------------------------------------------------


def test_nearest_falls_back_to_the_nearest_mapped_parent() -> None:
    table = {"indicators": 10, "indicators[3]": 40, "indicators[3].target": 45, "budget": 2}
    assert nearest(table, "indicators[3].target") == 45
    assert nearest(table, "indicators[3].actual") == 40
    assert nearest(table, "indicators[3].target.value") == 45
    assert nearest(table, "indicators[7].weight") == 10
    assert nearest(table, "budget.initial") == 2
    assert nearest(table, "lines[0].id") is None
    assert nearest(table, "lines[0].id", 1) == 1
    assert nearest(table, "") is None


def test_findings_point_at_the_lines() -> None:
    """The same document as TOML and JSON: its findings name the lines of their figures."""
    toml = (
        '[report]\ndepartment = "某区档案馆"\nyear = 2023\n\n'
        "[budget]\ninitial = 120.00\nadjustment = -8.00\nadjusted = 113.00\n"
    )
    report = perfrules.loads(toml)
    (chain,) = [f for f in perfrules.check(report).findings if f.rule == "PR001"]
    assert chain.line == 8
    as_json = (
        '{\n  "report": {"department": "某区档案馆", "year": 2023},\n'
        '  "budget": {\n    "initial": 120.00,\n    "adjustment": -8.00,\n'
        '    "adjusted": 113.00\n  }\n}\n'
    )
    (chain,) = [
        f for f in perfrules.check(perfrules.loads(as_json, "json")).findings if f.rule == "PR001"
    ]
    assert chain.line == 6


def test_problems_point_at_the_lines() -> None:
    """A refused figure in TOML and in JSON is named with the line it is written on."""
    toml = '[report]\ndepartment = "某区档案馆"\nyear = 2023\n[budget]\n\ninitial = "很多"\n'
    as_json = (
        '{"report": {"department": "某区档案馆", "year": 2023},\n"budget":\n{"initial": "很多"}}'
    )
    for text, fmt, line in ((toml, "toml", 6), (as_json, "json", 3)):
        with pytest.raises(perfrules.DocumentError) as info:
            perfrules.loads(text, fmt)
        assert [(p.code, p.path, p.line) for p in info.value.problems] == [
            ("money-unit", "budget.initial", line)
        ]
