"""Root sums: root lines that partition the budget add up to the budget block.

Root lines (no ``parent``) partition the budget by their ``kind``: the
``source`` roots together, the ``function`` roots together, the ``item`` roots
together, and the ``basic`` and ``project`` roots together (checked only when
both kinds are given) each make up the whole budget. Their ``executed``
figures must add up to ``budget.executed``; their ``budget`` figures to the
adjusted or the initial budget (either: forms list line budgets on one basis
or the other). Roots of other kinds are subsets and are not checked here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._lines import FIGURE_ZH, analyse

ARGS = ("group", "figure", "figure_zh", "total", "sum", "parts")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    for rel in ctx.shared(analyse).relations:
        if rel.holds or rel.slip is not None or not rel.about.startswith("budget."):
            continue
        computed = rel.sum()
        yield Hit(
            rel.about,
            rel.path,
            expected=computed,
            found=rel.total.money.amount,
            args=(
                ("group", rel.label),
                ("figure", rel.total.key),
                ("figure_zh", FIGURE_ZH.get(rel.total.key, rel.total.key)),
                ("total", rel.total.money),
                ("sum", computed),
                ("parts", " + ".join(str(p.money) for p in rel.parts)),
            ),
        )
