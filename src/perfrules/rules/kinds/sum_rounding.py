"""The sum-rounding check: a total that meets its parts only if rounding is assumed.

The sum rules (``line_sum``, ``root_sum``, ``budget_chain``) pass a total
whose written interval meets the parts' (XBRL round-to-nearest): 98.41
against 90.20 + 8.20 = 98.40 passes, since 98.405 is in both. As written
they differ by 0.01, and a reviewer adding the figures up says so. This kind
reports those relations (``_lines.rounding_gaps`` for the lines, the budget
chain here): they differ at the coarser written place (``tolerance.sum_gap``),
and the message gives the difference of the figures as written, so no
within-rounding difference passes silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.figures import Money
from perfrules.document.tolerance import sum_gap
from perfrules.messages import Message
from perfrules.messages import kinds as msg
from perfrules.messages.document import Text
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips
from perfrules.rules.kinds._budget import chain_adds_up
from perfrules.rules.kinds._lines import figure_name, rounding_gaps

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    #: The stated total: a line's figure, a budget figure, or the adjusted budget.
    subject: Message
    total: Money
    parts: str
    sum: Decimal
    difference: Decimal


def _parts(monies: list[Money]) -> str:
    return " + ".join(str(m) for m in monies)


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for rel, total, _gap in rounding_gaps(ctx):
        subject: Message
        if total.index >= 0:
            line = ctx.report.lines[total.index]
            subject = msg.LineFigureSubject(label=line.label, figure=figure_name(total.key))
        else:
            named = msg.BUDGET_FIGURES.get(total.key)
            figure = named() if named is not None else Text(text=total.key)
            subject = msg.BudgetFigureSubject(figure=figure)
        computed = rel.sum()
        yield Hit(
            rel.about if total.index >= 0 else f"budget.{total.key}",
            total.path,
            expected=computed,
            found=total.money.amount,
            args=Args(
                subject=subject,
                total=total.money,
                parts=_parts([p.money for p in rel.parts]),
                sum=computed,
                difference=abs(total.money.amount - computed),
            ),
        )
    if chain_adds_up(ctx):
        return  # agrees as written
    b = _slips.budget(ctx)
    if b is None or b.initial is None or b.adjustment is None or b.adjusted is None:
        return
    gap = sum_gap(b.adjusted, (b.initial, b.adjustment), ctx.integers_exact)
    if gap.by_rounding_only:
        computed = b.initial.amount + b.adjustment.amount
        yield Hit(
            "budget.adjusted",
            "budget.adjusted",
            expected=computed,
            found=b.adjusted.amount,
            args=Args(
                subject=msg.AdjustedSubject(),
                total=b.adjusted,
                parts=_parts([b.initial, b.adjustment]),
                sum=computed,
                difference=abs(b.adjusted.amount - computed),
            ),
        )
