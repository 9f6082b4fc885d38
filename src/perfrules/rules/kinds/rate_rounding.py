"""The rate-rounding check: a stated rate or share that fits its figures only if rounding is assumed.

``execution_rate`` and ``line_share`` pass a percentage whose interval meets
the ratio's over the figures' written intervals: 28.45 ÷ 30.00 = 94.83%, yet
a stated 94.84% passes, since 28.453 ÷ 30 is 94.84%. A reviewer divides the
figures as written and gets 94.83. This kind reports such percentages
(``tolerance.ratio_gap``: the ratio of the written figures rounded to the
stated percentage's place) with the difference; a percentage wrong beyond
rounding stays the rate kinds'.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.document.figures import Money, Percent
from perfrules.document.tolerance import Gap, ratio_gap
from perfrules.messages import Message
from perfrules.messages import kinds as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams, _slips
from perfrules.rules.kinds._budget import basis, basis_name, rate_agrees
from perfrules.rules.kinds._lines import doubtful_shares

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    #: What is stated: the execution rate (and its basis) or a line's share.
    subject: Message
    stated: Percent
    part: Money
    whole: Money
    computed: Decimal
    difference: Decimal


def _hit(
    about: str, path: str, subject: Message, stated: Percent, part: Money, whole: Money, gap: Gap
) -> Hit:
    computed = stated.value - gap.difference
    return Hit(
        about,
        path,
        expected=computed,
        found=stated.value,
        args=Args(
            subject=subject,
            stated=stated,
            part=part,
            whole=whole,
            computed=computed,
            difference=abs(gap.difference),
        ),
    )


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    exact = ctx.integers_exact
    b = _slips.budget(ctx)
    base = basis(ctx)
    if (
        b is not None
        and b.execution_rate is not None
        and b.executed is not None
        and base
        and not rate_agrees(ctx)  # agrees as written: no gap
    ):
        gap = ratio_gap(b.execution_rate, b.executed, base, exact)
        if gap is not None and gap.by_rounding_only:
            yield _hit(
                "budget.execution_rate",
                "budget.execution_rate",
                msg.RateSubject(basis=basis_name(ctx.profile.execution_basis)),
                b.execution_rate,
                b.executed,
                base,
                gap,
            )
    # a share that agrees as written on the executed figures is passed (_lines.doubtful_shares)
    for index, line, _, parent in doubtful_shares(ctx):
        share = line.share
        assert share is not None
        gaps = []
        for key in ("executed", "budget"):
            part, whole = getattr(line, key), getattr(parent, key)
            if part is not None and whole is not None:
                gap = ratio_gap(share, part, whole, exact)
                if gap is not None:
                    gaps.append((part, whole, gap))
        near = [x for x in gaps if x[2].by_rounding_only]
        if not near or any(g.agrees for _, _, g in gaps):
            continue  # agrees as written on some basis, or fails on all (line_share's)
        part, whole, gap = near[0]
        yield _hit(
            f"line:{line.id}",
            f"lines[{index}].share",
            msg.ShareSubject(label=line.label),
            share,
            part,
            whole,
            gap,
        )
