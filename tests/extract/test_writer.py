"""The annotated TOML: places and source texts beside values, review items commented out, what was not read, the hash."""

from __future__ import annotations

from decimal import Decimal

import tomli

from perfrules.extract.writer import HASH_PREFIX, hash_of, toml_value
from tests.extract.conftest import extracted, seed_path


def test_values_carry_their_place_and_text() -> None:
    text = extracted("004").text
    assert f"initial = 95.81  # ← {seed_path('004')}:36:11 " in text
    assert "“我单位年初预算数为 95.81 万元”" in text


def test_judgement_is_commented_out_with_its_alternatives() -> None:
    text = extracted("000").text
    assert "\nadjustment =" not in text
    assert "# adjustment = -748464.41   # 调减 (a reduction)" in text
    assert "# adjustment = 748464.41   # 调增 (an increase)" in text
    assert "# REVIEW (1): budget.adjustment" in text


def test_what_was_not_read_is_listed_at_the_end() -> None:
    text = extracted("000").text
    tail = text.split("# Not read into the document", 1)[1]
    assert "figure-not-placed  “单位固定资产总额889,588.99元”" in tail
    assert "marker  “[bookmark: _GoBack]”" in tail


def test_hash_covers_the_text() -> None:
    text = extracted("001").text
    line = next(ln for ln in text.split("\n") if ln.startswith(HASH_PREFIX))
    assert line == HASH_PREFIX + hash_of(text)
    assert hash_of(text.replace("2500人次", "7500人次")) != hash_of(text)


def test_toml_values_round_trip() -> None:
    for value in (
        'a\\nb\n"c"',
        "tab\there",
        "多行\n文本\n",
        Decimal("38831.00"),
        Decimal("-6.35"),
        12,
        True,
    ):
        loaded = tomli.loads(f"x = {toml_value(value)}", parse_float=Decimal)["x"]
        assert loaded == value and type(loaded) is type(value)
    assert toml_value(Decimal("38831.00")) == "38831.00"
