"""Line shares: a stated share (占比) equals the line's figure over its parent's same figure.

The share holds when some values inside the line's and the parent's written
intervals give a percentage inside the stated share's interval (``91.35``
stands for [91.345, 91.355]). The executed figures are used when both lines
state them, else the budget figures. A share that fails only because of a
unit slip is left to the unit-slip rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.document.tolerance import midpoint_ratio
from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._lines import shares

ARGS = ("label", "share", "computed", "part", "whole")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    for sc in ctx.shared(shares):
        if sc.explained or sc.slip is not None:
            continue
        line = ctx.report.lines[sc.index]
        computed = midpoint_ratio(sc.part.amount, sc.whole.amount)
        assert line.share is not None
        yield Hit(
            f"line:{line.id}",
            f"lines[{sc.index}].share",
            expected=computed,
            found=line.share.value,
            args=(
                ("label", line.label),
                ("share", line.share),
                ("computed", computed),
                ("part", sc.part),
                ("whole", sc.whole),
            ),
        )
