"""The forms the line scan (document/source.py) once got wrong, each on its own.

The property tests in ``test_source.py`` generate all of them; these name them:
an array of tables inside an element of another, ``'''`` or ``\"\"\"`` inside a
one-line string or a comment, lines inside multi-line values that look like
keys or tables, escaped quoted keys, JSON array elements that are not strings,
empty JSON keys and keys like indexes, and a duplicate JSON key.
"""

from __future__ import annotations

import pytest
import tomli

from perfrules.document.source import json_lines, toml_lines


def test_array_of_tables_inside_an_element_of_another() -> None:
    """``[[a.b]]`` after ``[[a]]`` is an element of that element's ``b``, counted afresh in each."""
    text = "[[a]]\nx = 1\n[[a.b]]\ny = 2\n[[a.b]]\n[[a]]\n[[a.b]]\nz = 3\n[a.b.c]\nw = 4\n"
    data = tomli.loads(text)
    assert data["a"][1]["b"][0]["c"] == {"w": 4}
    lines = toml_lines(text)
    assert (lines["a[0]"], lines["a[0].x"], lines["a[0].b[0]"], lines["a[0].b[0].y"]) == (
        1,
        2,
        3,
        4,
    )
    assert lines["a[0].b[1]"] == 5
    assert (lines["a[1]"], lines["a[1].b[0]"], lines["a[1].b[0].z"]) == (6, 7, 8)
    assert (lines["a[1].b[0].c"], lines["a[1].b[0].c.w"]) == (9, 10)
    assert not [p for p in lines if p.startswith("a.b")]


@pytest.mark.parametrize(
    "line",
    [
        "a = \"it'''s\"",
        'a = \'say """hi\'',
        'a = "\\"\\"\\""',  # escaped quotes: the string is three quotes
        "a = 1  # it'''s",
        'a = 1  # say """',
        "a = [\"'''\", 1]  # '''",
        "a = { b = \"'''\", c = '\"\"\"' }",
        "a = '''x'''  # '''",
        'a = """x""""  # """',
        "a = '''it''s'''",
    ],
)
def test_triple_quotes_inside_a_one_line_value_or_a_comment(line: str) -> None:
    """``'''`` or ``\"\"\"`` inside a one-line string or a comment opens no multi-line string."""
    text = f"{line}\nb = 2\n[t]\nc = 3\n"
    tomli.loads(text)  # the text is TOML
    lines = toml_lines(text)
    assert (lines["a"], lines["b"], lines["t"], lines["t.c"]) == (1, 2, 3, 4)


def test_lines_inside_a_multiline_value_are_not_keys() -> None:
    text = 'a = [\n  [["t"]],\n  """\n[u]\nk = 1\n""", {x = 1},\n  \'\'\'\n[[v]]\'\'\'\n]\nb = 2\n'
    assert tomli.loads(text)["b"] == 2
    assert toml_lines(text) == {"a": 1, "b": 10}


def test_quoted_keys_are_unescaped() -> None:
    text = '"a\\"b" = 1\n"\\u00e9" = 2\n\'c\\d\' = 3\n"" = 4\n["[0]"]\nx = 5\n'
    assert set(tomli.loads(text)) == {'a"b', "é", "c\\d", "", "[0]"}
    lines = toml_lines(text)
    assert (lines['a"b'], lines["é"], lines["c\\d"], lines[""]) == (1, 2, 3, 4)
    assert (lines["[0]"], lines["[0].x"]) == (5, 6)


def test_json_array_elements_of_every_kind() -> None:
    text = '{"a": [\n1,\ntrue,\nnull,\n-2.5e3,\n"x", {"y":\n2}, [\n3]\n]}'
    lines = json_lines(text)
    assert [lines[f"a[{i}]"] for i in range(7)] == [2, 3, 4, 5, 6, 6, 7]
    assert (lines["a[5].y"], lines["a[6][0]"]) == (6, 8)


def test_json_empty_keys_and_keys_like_indexes() -> None:
    text = '{"": {\n"x": 1},\n"a": {\n"": [\n2]},\n"[0]": 3,\n"b": {"[1]":\n4}}'
    lines = json_lines(text)
    assert lines == {"": 1, "x": 2, "a": 3, "a.": 4, "a.[0]": 5, "[0]": 6, "b": 7, "b.[1]": 7}


def test_a_duplicate_json_key_maps_to_the_duplicate() -> None:
    lines = json_lines('{"a": 1,\n"b": {"c": 1},\n"a": 2,\n"a": 3}')
    assert (lines["a"], lines["b"], lines["b.c"]) == (3, 2, 2)  # the first repeat of "a"
    # a path written twice by different objects keeps its first line
    assert json_lines('{"a.b": 1,\n"a": {"b": 2}}')["a.b"] == 1
