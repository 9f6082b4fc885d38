"""The tiers-present check: a first-level tier the profile requires that no indicator is under.

Silent for a report without indicators (the ``indicators_present`` kind's
case). Tiers are compared by their canonical names (``_tiers.tier_facts``,
shared per check, and the taxonomy's ``canonical_tier1``), so aliases count.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.document.taxonomy import taxonomy
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._tiers import tier_facts

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    tier: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    if not indicators:
        return
    tax = taxonomy()
    present = {facts.tier1 for _, facts in ctx.shared(tier_facts)}
    for tier in ctx.profile.required_tiers:
        if tax.canonical_tier1(tier) not in present:
            yield Hit(f"tier:{tier}", "indicators", expected=tier, args=Args(tier=tier))
