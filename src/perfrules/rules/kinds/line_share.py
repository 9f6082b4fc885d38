"""The line-share check: a line's stated share against its figure over its parent's.

Reads the failing shares of ``_lines.shares`` (shared per check); a share
that holds once a unit slip is undone, or that found a slip of its own, is
left to the ``unit_slip`` kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.figures import Money, Percent
from perfrules.document.tolerance import midpoint_ratio
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._lines import shares

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    label: str
    share: Percent
    computed: Decimal | None
    part: Money
    whole: Money


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for sc in shares(ctx):
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
            args=Args(
                label=line.label,
                share=line.share,
                computed=computed,
                part=sc.part,
                whole=sc.whole,
            ),
        )
