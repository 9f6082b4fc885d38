"""Total score: the stated total (自评得分) equals the sum of the stated parts.

The parts are the indicators' stated scores plus the stated execution score
(when execution is weighted). Compared at the profile's rounding.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("stated", "sum")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    total = ctx.sheet.total
    if total.sum_matches is False:
        yield Hit(
            "evaluation.score",
            "evaluation.score",
            expected=total.stated_sum,
            found=total.stated,
            args=(("stated", total.stated), ("sum", total.stated_sum)),
        )
