"""The unit-slip check: the one bare figure whose reading in the other money unit mends a sum or share.

The slips are found by ``_lines.analyse`` (sums) and ``_lines.shares``
(shares), shared per check, so the sum and share kinds can stay silent about
them; a figure is reported once even when it breaks several relations, and
the budget kinds judge a slipped budget figure as meant (``_slips``), so the
rate and score it would break are folded into this one finding. Only a bare
number is ever suspected: a figure written with its own unit converts as
written.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.figures import Money
from perfrules.messages import Message
from perfrules.messages import kinds as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._lines import Figure, analyse, figure_name, shares, unit_of_power
from perfrules.rules.kinds._slips import BUDGET_KEYS, plain

Params = NoParams  # this kind takes no parameters

#: How the budget block is named where a line figure names its line.
BUDGET_LABEL = "预算执行情况"


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    label: str
    figure: str
    figure_name: Message
    written: Money
    number: str
    meant: str
    unit: str
    meant_unit: str
    #: What the slip breaks: the sum (合计) or the share (占比).
    relation: Message
    #: The checks that read a slipped budget figure as meant (empty for a line).
    then: Message | str


def _consequences(ctx: Context, meant: str) -> Message:
    """What else a slipped budget figure feeds, judged as meant (the message's tail)."""
    b = ctx.report.budget
    checks: list[Message] = []
    if b is not None and b.execution_rate is not None:
        checks.append(msg.CHECKS["execution-rate"]())
    checks.append(msg.CHECKS["over-budget"]())
    if b is not None and b.execution_score is not None:
        checks.append(msg.CHECKS["execution-score"]())
    tail = msg.ReadAsMeant if len(checks) > 1 else msg.ReadAsMeantOne
    return tail(checks=msg.Series(items=tuple(checks)), meant=meant)


def _hit(ctx: Context, fig: Figure, power: int, relation: str) -> Hit:
    written = fig.money
    meant = written.rescaled(power)
    unit = ctx.report.report.money_unit
    meant_unit = unit_of_power(power, unit)
    then: Message | str = ""
    if fig.index >= 0:
        line = ctx.report.lines[fig.index]
        label, about, name = line.label, f"line:{line.id}", figure_name(fig.key)
    else:
        label, about = BUDGET_LABEL, f"budget.{fig.key}"
        block = msg.BLOCK_FIGURES.get(fig.key)
        name = block() if block is not None else figure_name(fig.key)
        if fig.key in BUDGET_KEYS:
            then = _consequences(ctx, f"{plain(meant.amount)}{unit}")
    return Hit(
        about,
        fig.path,
        expected=Decimal(plain(meant.amount)),
        found=written.amount,
        args=Args(
            label=label,
            figure=fig.key,
            figure_name=name,
            written=written,
            number=plain(written.amount),
            meant=plain(meant.amount),
            unit=unit,
            meant_unit=meant_unit,
            relation=msg.RELATIONS[relation](),
            then=then,
        ),
    )


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    seen: set[tuple[int, str]] = set()
    for key, (fig, power) in ctx.shared(analyse).slips.items():
        seen.add(key)
        yield _hit(ctx, fig, power, "sum")
    for sc in shares(ctx):
        if sc.slip is not None and (sc.slip[0].index, sc.slip[0].key) not in seen:
            seen.add((sc.slip[0].index, sc.slip[0].key))
            yield _hit(ctx, *sc.slip, "share")
