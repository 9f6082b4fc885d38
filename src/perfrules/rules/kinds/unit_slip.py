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
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._lines import FIGURE_ZH, Figure, analyse, shares, unit_of_power
from perfrules.rules.kinds._slips import BUDGET_KEYS, plain

Params = NoParams  # this kind takes no parameters

#: How the budget block's figures are named (the line label of a line figure).
BUDGET_LABEL = "预算执行情况"
BUDGET_FIGURE_ZH = {"executed": "全年执行数", "adjusted": "全年预算数", "initial": "年初预算数"}


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    label: str
    figure: str
    figure_zh: str
    written: Money
    number: str
    meant: str
    unit: str
    meant_unit: str
    relation_zh: str
    relation_en: str
    then_zh: str
    then_en: str


def _consequences(ctx: Context, meant: str) -> tuple[str, str]:
    """What else a slipped budget figure feeds, judged as meant (zh and en message tails)."""
    b = ctx.report.budget
    zh: list[str] = []
    en: list[str] = []
    if b is not None and b.execution_rate is not None:
        zh.append("预算执行率")
        en.append("execution rate")
    zh.append("超预算")
    en.append("over-budget")
    if b is not None and b.execution_score is not None:
        zh.append("执行得分")
        en.append("execution score")
    return (
        f"；{'、'.join(zh)}等均按 {meant} 判断",
        f"; the {', '.join(en[:-1])} and {en[-1]} checks read it as {meant}"
        if len(en) > 1
        else f"; the {en[0]} check reads it as {meant}",
    )


def _hit(ctx: Context, fig: Figure, power: int, relation: str) -> Hit:
    written = fig.money
    meant = written.rescaled(power)
    unit = ctx.report.report.money_unit
    meant_unit = unit_of_power(power, unit)
    then_zh = then_en = ""
    if fig.index >= 0:
        line = ctx.report.lines[fig.index]
        label, about, figure_zh = line.label, f"line:{line.id}", FIGURE_ZH.get(fig.key, fig.key)
    else:
        label, about = BUDGET_LABEL, f"budget.{fig.key}"
        figure_zh = BUDGET_FIGURE_ZH.get(fig.key, fig.key)
        if fig.key in BUDGET_KEYS:
            then_zh, then_en = _consequences(ctx, f"{plain(meant.amount)}{unit}")
    return Hit(
        about,
        fig.path,
        expected=Decimal(plain(meant.amount)),
        found=written.amount,
        args=Args(
            label=label,
            figure=fig.key,
            figure_zh=figure_zh,
            written=written,
            number=plain(written.amount),
            meant=plain(meant.amount),
            unit=unit,
            meant_unit=meant_unit,
            relation_zh="合计" if relation == "sum" else "占比",
            relation_en=relation,
            then_zh=then_zh,
            then_en=then_en,
        ),
    )


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    seen: set[tuple[int, str]] = set()
    for key, (fig, power) in ctx.shared(analyse).slips.items():
        seen.add(key)
        yield _hit(ctx, fig, power, "sum")
    for sc in ctx.shared(shares):
        if sc.slip is not None and (sc.slip[0].index, sc.slip[0].key) not in seen:
            seen.add((sc.slip[0].index, sc.slip[0].key))
            yield _hit(ctx, *sc.slip, "share")
