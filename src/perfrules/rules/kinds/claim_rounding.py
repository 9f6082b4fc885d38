"""The claim-rounding check: a figure stated twice whose two statements differ only by rounding.

``claim_mismatch`` passes a claim whose written interval meets the stated
figure's: 106.41 against 106.40 passes, since 106.405 is in both. Both are
written to the cent and differ by 0.01, which a reviewer reads as two
different figures. This kind reports such claims (``_claims.claim_gap``: the
two compared at the coarser written place, ``tolerance.value_gap``) with the
difference; claims that disagree beyond rounding stay ``claim_mismatch``'s.
The verdicts are read once per check for the three claim kinds
(``_claims.readings``).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.messages import Message
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit, render_arg
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._claims import claim_hit, described, readings

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    subject: Message
    stated: str
    claimed: str
    claim_source: str
    difference: Decimal


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for i, claim, value, _, difference in ctx.shared(readings):
        if difference is None:
            continue  # agrees as written, or a mismatch beyond rounding (claim_mismatch)
        stated = render_arg(value)
        claimed = render_arg(claim.value)
        args = Args(
            subject=described(ctx, claim.about),
            stated=stated,
            claimed=claimed,
            claim_source=claim.source or "—",
            difference=difference,
        )
        yield claim_hit(i, claim, stated, claimed, args)
