"""Reading prose sections: the early answer of ``empty`` is the answer of removing every punctuation mark."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfrules.rules.kinds import _narrative
from perfrules.rules.kinds._narrative import empty

#: The characters empty words are made of, punctuation, and a few others.
_ALPHABET = (
    "无没有暂不存在此情况适用" + "　 \t\n，。、；：,.;:！!（）()“”\"'—-" + "按计划完成偏差年度"
)


def _by_removing_punctuation(text: str) -> bool:
    return _narrative._PUNCT.sub("", text) in _narrative._EMPTY


@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_empty_is_what_removing_the_punctuation_says(text: str) -> None:
    assert empty(text) is _by_removing_punctuation(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, True),
        ("", True),
        ("无", True),
        (" 无此情况。", True),
        ("，，无，此，情，况，", True),  # punctuation inside the word too
        ("  暂\u3000无  ", True),
        ("无此情况啊", False),  # one character more than the longest empty word
        ("本年度无偏差", False),
        ("因疫情影响，部分培训改为线上开展，参训人数未达到年度指标值。", False),
    ],
)
def test_empty(text: str | None, expected: bool) -> None:
    assert empty(text) is expected
