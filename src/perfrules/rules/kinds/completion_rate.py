"""Completion rates: a stated 完成率 equals actual ÷ target (target ÷ actual for ≤ and < targets).

For a "more is better" target (≥, >, =, or a bare number) the completion rate
is actual ÷ target × 100; for a "less is better" target (≤, <) it is
target ÷ actual × 100. The stated rate holds when some values inside the
figures' written intervals produce it (whole counts such as ``8场`` are exact;
percentages and decimals keep their written precision). Not checked when the values are not
numeric, their units differ, or a divisor is zero.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.document.tolerance import midpoint_ratio, ratio_interval, within
from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._indicators import comparable, interval, number

ARGS = ("name", "stated", "computed", "formula")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    for i, ind in enumerate(ctx.report.indicators):
        if ind.completion_rate is None:
            continue
        c = comparable(ind.target, ind.actual)
        if c is None:
            continue
        target, actual, op, unit, approx = c
        downward = op is not None and op.downward
        num, den = (target, actual) if downward else (actual, target)
        num_i = interval(target, None, unit) if downward else interval(actual, approx, unit)
        den_i = interval(actual, approx, unit) if downward else interval(target, None, unit)
        ratio = ratio_interval(num_i, den_i)
        if ratio is None or within(ratio, ind.completion_rate.bounds()):
            continue
        computed = midpoint_ratio(num, den)
        t, a = number(ind.target), number(ind.actual)
        assert t is not None and a is not None
        written = (f"{t[0]:f}{t[1]}", f"{a[0]:f}{a[1]}")
        formula = f"{written[0]} ÷ {written[1]}" if downward else f"{written[1]} ÷ {written[0]}"
        yield Hit(
            ind.key,
            f"indicators[{i}].completion_rate",
            expected=computed,
            found=ind.completion_rate.value,
            args=(
                ("name", ind.name),
                ("stated", ind.completion_rate),
                ("computed", computed),
                ("formula", formula),
            ),
        )
