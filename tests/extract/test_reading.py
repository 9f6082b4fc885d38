"""Figures in a reading: money, percentages and counts with their units; dates, years and document numbers are not figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfrules.extract.reading import figures


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("58.38万元", [("58.38", "万元")]),  # a number at the very start of a text
        ("年中监控实际完成值为58.38万元", [("58.38", "万元")]),
        ("6,306,545.19元，均为财政拨款", [("6306545.19", "元")]),
        ("合格率100%，共1849人", [("100", "%"), ("1849", "人")]),
        ("普及培训9770人次", [("9770", "人次")]),
        ("2024.4.15", []),
        ("填报日期2024年4月15日", []),
        ("2021年预算", []),
        ("鹿发〔2019〕8号", []),
        ("12月底完成", []),
    ],
)
def test_figures(text: str, found: list[tuple[str, str]]) -> None:
    assert [(f.digits, f.unit) for f in figures(text)] == found


def test_values_keep_their_written_exponent() -> None:
    (figure,) = figures("38,831.00元")
    assert figure.value == Decimal("38831.00") and str(figure.value) == "38831.00" and figure.money
