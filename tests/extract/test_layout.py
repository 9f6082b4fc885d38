"""Texts as readers give them: normalisation keeps a map to the original, places and written values follow it."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfrules.document.provenance import Place
from perfrules.extract.layout import Text, normalise


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_normalise_maps_every_character_to_its_original(raw: str) -> None:
    text, offsets = normalise(raw)
    assert len(text) == len(offsets)
    assert list(offsets) == sorted(offsets)
    for ch, o in zip(text, offsets, strict=True):
        original = raw[o]
        if original.isspace():
            assert ch == " "
        elif "\u2460" <= original <= "\u2473":
            assert ch == original
        else:
            assert ch in unicodedata.normalize("NFKC", original)


def test_full_width_and_spaces_fold_but_list_markers_stay() -> None:
    t = Text.of("①完成率：９５．６６％\u3000\u00a0合计", Place("r.txt", "text", 3, 5))
    assert t.text == "①完成率:95.66%  合计"
    k = t.text.index("95")
    assert t.place_at(k) == Place("r.txt", "text", 3, 5 + 5)
    assert t.source(k, k + 6) == "９５．６６％"
    assert t.written(k, k + 6) == "９５．６６％"


def test_a_text_over_several_lines_places_each_character_on_its_line() -> None:
    raw = "第一行末尾\n\n12\n第二行开头"
    offsets = tuple(range(5)) + tuple(range(raw.index("第二"), len(raw)))
    text = Text("第一行末尾第二行开头", raw, Place("r.txt", "text", 10, 3), offsets)
    assert text.place_at(0) == Place("r.txt", "text", 10, 3)
    assert text.place_at(6) == Place("r.txt", "text", 13, 2)
    # written values leave out what lies between the pieces (line breaks, a page number)
    assert text.written(3, 7) == "末尾第二"
    assert "12" in text.source(3, 7)


def test_written_keeps_spaces_inside_a_line() -> None:
    base = Text.of("大于等于 95%", Place("r.txt", "text", 1, 1))
    reading = base.derive(
        base.text.replace(" ", ""),
        tuple(o for c, o in zip(base.text, base.offsets, strict=True) if c != " "),
    )
    assert reading.text == "大于等于95%"
    assert reading.written(0, len(reading.text)) == "大于等于 95%"


def test_derive_needs_one_offset_per_character() -> None:
    with pytest.raises(ValueError):
        Text.of("abc", Place("r.txt", "text", 1, 1)).derive("ab", (0,))
