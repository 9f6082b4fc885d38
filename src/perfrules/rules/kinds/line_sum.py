"""The line-sum check: a line's children against the line, figure by figure.

Reads the failing relations of ``_lines.analyse`` (shared per check) whose
total is a line; a relation explained by a unit slip is left to the
``unit_slip`` kind, so that one mistake gives one finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.figures import Money
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._lines import FIGURE_ZH, analyse

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    label: str
    figure: str
    figure_zh: str
    total: Money
    sum: Decimal
    parts: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for rel in ctx.shared(analyse).relations:
        if rel.holds or rel.slip is not None or not rel.about.startswith("line:"):
            continue
        total = rel.total.money
        computed = rel.sum()
        yield Hit(
            rel.about,
            rel.path,
            expected=computed,
            found=total.amount,
            args=Args(
                label=rel.label,
                figure=rel.total.key,
                figure_zh=FIGURE_ZH.get(rel.total.key, rel.total.key),
                total=total,
                sum=computed,
                parts=" + ".join(str(p.money) for p in rel.parts),
            ),
        )
