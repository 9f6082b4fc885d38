"""The weights check: indicator weights plus the execution weight against the profile's total.

Silent when no indicator states a weight (nothing was weighted); the sums
are the scorer's (``TotalScore.weights``, ``expected_weights``).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips
from perfrules.rules.kinds._indicators import weighted

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    weights: Decimal
    expected: Decimal


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    total = _slips.sheet(ctx).total
    if not weighted(ctx):
        return
    if not total.weights_match:
        yield Hit(
            "indicators",
            "indicators",
            expected=total.expected_weights,
            found=total.weights,
            args=Args(weights=total.weights, expected=total.expected_weights),
        )
