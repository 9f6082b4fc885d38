"""Shared reading of the indicators' tiers against the taxonomy, computed once per check."""

from __future__ import annotations

import attrs

from perfrules.document.taxonomy import taxonomy
from perfrules.rules.context import Context


@attrs.frozen
class TierFacts:
    """What the taxonomy says about a (tier1, tier2) pair as written."""

    tier1: str | None  # canonical first-level name (unknown names as written)
    tier1_known: bool  # in the taxonomy and in force for the report's year
    tier1_alias: bool  # written under an accepted alias
    tier2_known: bool | None  # None when no tier2 is written
    homes: frozenset[str]  # the first-level tiers the tier2 belongs under


def tier_facts(ctx: Context) -> list[tuple[int, TierFacts]]:
    """Taxonomy facts for every indicator (index, facts), in document order.

    Reports repeat the same few tier pairs, so facts are computed once per pair.
    """
    tax = taxonomy()
    year = ctx.report.report.year
    out = []
    cache: dict[tuple[str | None, str | None], TierFacts] = {}
    for i, ind in enumerate(ctx.report.indicators):
        key = (ind.tier1, ind.tier2)
        facts = cache.get(key)
        if facts is None:
            tier = tax.tier1(ind.tier1)
            t2 = tax.canonical_tier2(ind.tier2)
            facts = cache[key] = TierFacts(
                tier.name if tier is not None else (ind.tier1.strip() if ind.tier1 else None),
                tier is not None and tier.in_force(year),
                tier is not None and ind.tier1 is not None and tier.name != ind.tier1.strip(),
                None if ind.tier2 is None else tax.known_tier2(ind.tier2),
                frozenset(tax.homes(t2)) if t2 else frozenset(),
            )
        out.append((i, facts))
    return out
