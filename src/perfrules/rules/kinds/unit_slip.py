"""The unit-slip check: the one figure whose reading in the other money unit mends a sum or share.

The slips are found by ``_lines.analyse`` (sums) and ``_lines.shares``
(shares), shared per check, so the sum and share kinds can stay silent about
them; a figure is reported once even when it breaks several relations.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.figures import Money
from perfrules.messages import Message
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._lines import Figure, analyse, figure_name, shares, unit_of_power

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    label: str
    figure: str
    figure_name: Message
    written: Money
    meant: Decimal
    unit: str
    meant_unit: str


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
        args=Args(
            label=label,
            figure=fig.key,
            figure_name=figure_name(fig.key),
            written=written,
            meant=meant.amount,
            unit=unit,
            meant_unit=unit_of_power(power, unit),
        ),
    )


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    seen: set[tuple[int, str]] = set()
    for key, (fig, power) in ctx.shared(analyse).slips.items():
        seen.add(key)
        yield _hit(ctx, fig, power)
    for sc in ctx.shared(shares):
        if sc.slip is not None and (sc.slip[0].index, sc.slip[0].key) not in seen:
            seen.add((sc.slip[0].index, sc.slip[0].key))
            yield _hit(ctx, *sc.slip)
