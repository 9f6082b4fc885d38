"""Unit slips: a figure probably written in the wrong money unit (元 for 万元, or the reverse).

When a sum of lines (or a stated share) fails, and reading exactly one of its
figures 10,000 times larger or smaller makes it hold, that figure is reported
as the probable cause — e.g. ``公用经费 1.12元`` in a 万元 report whose
基本支出 12.95 = 人员经费 11.83 + 1.12. The sum and share rules then stay
silent about the same mistake.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._lines import FIGURE_ZH, Figure, analyse, shares, unit_of_power

ARGS = ("label", "figure", "figure_zh", "written", "meant", "unit", "meant_unit")


def _hit(ctx: Context, fig: Figure, power: int) -> Hit:
    written = fig.money
    meant = written.rescaled(power)
    unit = written.unit
    label = ctx.report.lines[fig.index].label if fig.index >= 0 else fig.key
    about = f"line:{ctx.report.lines[fig.index].id}" if fig.index >= 0 else f"budget.{fig.key}"
    return Hit(
        about,
        fig.path,
        expected=meant.amount,
        found=written.amount,
        args=(
            ("label", label),
            ("figure", fig.key),
            ("figure_zh", FIGURE_ZH.get(fig.key, fig.key)),
            ("written", written),
            ("meant", meant.amount),
            ("unit", unit),
            ("meant_unit", unit_of_power(power, unit)),
        ),
    )


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    seen: set[tuple[int, str]] = set()
    for key, (fig, power) in ctx.shared(analyse).slips.items():
        seen.add(key)
        yield _hit(ctx, fig, power)
    for sc in ctx.shared(shares):
        if sc.slip is not None and (sc.slip[0].index, sc.slip[0].key) not in seen:
            seen.add((sc.slip[0].index, sc.slip[0].key))
            yield _hit(ctx, *sc.slip)
