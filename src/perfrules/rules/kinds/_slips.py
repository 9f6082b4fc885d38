"""The budget block as it reads with its unit slips undone, for the kinds that judge what a slip breaks.

A bare figure of the budget block found to be a unit slip (``_lines.analyse``:
``executed = 285000`` in a 万元 report whose lines add up to 28.5) also breaks
the execution rate, the over-budget check, the carry-over and the execution
score computed from it. One slip is one finding: those kinds judge the figure
as ``undo`` reads it, so they stay silent about the slip's consequences and
speak only of what is wrong once it is mended.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from perfrules.document.figures import Money
from perfrules.document.model import Budget
from perfrules.rules.context import Context
from perfrules.rules.kinds._lines import analyse

if TYPE_CHECKING:
    from perfrules.scoring.scorer import ScoreSheet

__all__ = ["budget", "plain", "sheet", "slipped", "undo"]

#: The budget figures a slip can be found in (totals of the root partitions).
BUDGET_KEYS = ("executed", "adjusted", "initial")


def plain(value: Decimal) -> str:
    """A decimal without trailing zeros or an exponent: 28.5000 → ``28.5``, 1E+5 → ``100000``."""
    return format(value.normalize(), "f")


def undo(money: Money, power: int, unit: str) -> Money:
    """The figure read 10**power times larger, written as it is meant (``28.5万元``)."""
    meant = money.rescaled(power)
    return attrs.evolve(meant, unit=unit, raw=f"{plain(meant.amount)}{unit}")


def slipped(ctx: Context) -> dict[str, int]:
    """The budget block's figures found to be unit slips, by key, with their power."""
    out: dict[str, int] = {}
    for (index, key), (_, power) in ctx.shared(analyse).slips.items():
        if index < 0 and key in BUDGET_KEYS:
            out[key] = power
    return out


def _budget(ctx: Context) -> Budget | None:
    b = ctx.report.budget
    found = slipped(ctx)
    if b is None or not found:
        return b
    unit = ctx.report.report.money_unit
    changes: dict[str, Any] = {}
    for key, power in found.items():
        money = getattr(b, key)
        if money is not None:
            changes[key] = undo(money, power, unit)
    return attrs.evolve(b, **changes)


def budget(ctx: Context) -> Budget | None:
    """The report's budget block with its slipped figures undone (itself when there are none)."""
    return ctx.shared(_budget)


def _sheet(ctx: Context) -> ScoreSheet:
    if not slipped(ctx):
        return ctx.sheet
    # Imported on first use, for start-up cost (as Context.sheet does).
    from perfrules.scoring.scorer import score

    return score(attrs.evolve(ctx.report, budget=budget(ctx)), ctx.profile)


def sheet(ctx: Context) -> ScoreSheet:
    """The score sheet, recomputed from the mended budget block when it holds a unit slip."""
    return ctx.shared(_sheet)
