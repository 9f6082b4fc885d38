"""The execution-score check: a stated budget-execution score that differs from the recomputed one.

The verdict and the formula are the scorer's (``ExecutionScore.matches``,
which accepts a score following either the computed or the stated rate).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    stated: Decimal | None
    recomputed: Decimal | None
    formula: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    ex = _slips.sheet(ctx).execution
    if ex.matches is False:
        yield Hit(
            "budget.execution_score",
            "budget.execution_score",
            expected=ex.recomputed,
            found=ex.stated,
            args=Args(stated=ex.stated, recomputed=ex.recomputed, formula=ex.formula),
        )
