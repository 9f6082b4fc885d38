"""completion_rate: a rate that is its values' own ratio passes at once, as the interval test passes it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import perfrules
from perfrules.rules.config import Config
from perfrules.rules.engine import check, compile_rules
from perfrules.rules.kinds import completion_rate

_RULES = compile_rules(Config(select=("PR032",)))

_OPS = ["", "≥", "大于等于", ">", "≤", "小于", "=", "等于"]
_UNITS = ["", "%", "户", "人", "万元", "元", "天"]
_NUMBERS = st.decimals(min_value=0, max_value=2000, places=2, allow_nan=False).map(
    lambda d: d.normalize() if d == d.to_integral_value() else d
)


@st.composite
def _rows(draw: st.DrawFn) -> tuple[str, str, str]:
    """A target, an actual and a stated rate: often the ratio, rounded at some place, or near it."""
    unit = draw(st.sampled_from(_UNITS))
    t, a = draw(_NUMBERS), draw(_NUMBERS)
    approx = draw(st.sampled_from(["", "", "余", "多"])) if unit not in ("%", "") else ""
    target = f"{draw(st.sampled_from(_OPS))}{t:f}{unit}"
    actual = f"{a:f}{approx}{unit}"
    downward = target.startswith(("≤", "小于"))
    num, den = (t, a) if downward else (a, t)
    places = draw(st.integers(0, 3))
    if den > 0 and draw(st.booleans()):
        rate = (num * 100 / den).quantize(Decimal(1).scaleb(-places))
        rate += draw(st.sampled_from([0, 0, 0, 1, -1])) * Decimal(1).scaleb(-places)
    else:
        rate = draw(st.decimals(min_value=0, max_value=500, places=places, allow_nan=False))
    return target, actual, f"{rate:f}"


def _document(rows: list[tuple[str, str, str]]) -> str:
    out = ['[report]\ndepartment = "测试单位"\nyear = 2023\n']
    for i, (target, actual, rate) in enumerate(rows):
        out.append(
            f'[[indicators]]\nname = "指标{i}"\ntarget = "{target}"\n'
            f'actual = "{actual}"\ncompletion_rate = {rate}\n'
        )
    return "\n".join(out)


def _found(text: str) -> list[tuple[object, ...]]:
    result = check(perfrules.loads(text), _RULES)
    return [(f.rule, f.path, f.expected, f.found) for f in result.findings]


@settings(max_examples=300, deadline=None)
@given(st.lists(_rows(), min_size=1, max_size=6))
def test_the_shortcut_finds_what_the_intervals_find(
    rows: list[tuple[str, str, str]],
) -> None:
    text = _document(rows)
    fast = _found(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(completion_rate, "_as_written", lambda rate, num, den: False)
        full = _found(text)
    assert fast == full


def test_the_shortcut_settles_the_common_case() -> None:
    assert completion_rate._as_written(Decimal("496.67"), Decimal(447), Decimal(90))
    assert completion_rate._as_written(Decimal("102.11"), Decimal(97), Decimal(95))
    assert completion_rate._as_written(Decimal("102.1"), Decimal(97), Decimal(95))
    assert not completion_rate._as_written(Decimal("102.2"), Decimal(97), Decimal(95))
    assert not completion_rate._as_written(Decimal(0), Decimal(0), Decimal(0))
    assert not completion_rate._as_written(Decimal(50), Decimal(-1), Decimal(2))
