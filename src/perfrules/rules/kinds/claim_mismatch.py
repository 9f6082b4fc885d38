"""The claim-mismatch check: a ``[[claims]]`` entry that disagrees with the figure it repeats.

``_claims.stated_figure`` finds the stated figure a claim's ``about`` names and
``_claims.agree`` compares by meaning (written precision, 余/约, money
units, the profile's grade synonyms). Claims whose subject is missing are the
``claim_subject`` kind's; ``all_targets_met`` claims the ``all_targets_met``
kind's. The verdicts are read once per check for the three claim kinds
(``_claims.readings``).
"""

from __future__ import annotations

from collections.abc import Iterator

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


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for i, claim, value, agrees, _ in ctx.shared(readings):
        if value is None or agrees:
            continue
        stated = render_arg(value)
        claimed = render_arg(claim.value)
        args = Args(
            subject=described(ctx, claim.about),
            stated=stated,
            claimed=claimed,
            claim_source=claim.source or "—",
        )
        yield claim_hit(i, claim, stated, claimed, args)
