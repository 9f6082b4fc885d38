"""The claim-subject check: a claim whose ``about`` names no figure the document states.

Uses the same lookup as the ``claim_mismatch`` kind (``_claims.stated_figure``,
read once per check for the three claim kinds: ``_claims.readings``):
what it cannot resolve, or resolves to an empty figure, is a hit here and
nothing there. ``all_targets_met`` claims have no subject and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._claims import readings

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    subject: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for i, claim, value, _, _ in ctx.shared(readings):
        if value is None:
            yield Hit(
                claim.about,
                f"claims[{i}].about",
                found=claim.about,
                args=Args(subject=claim.about),
            )
