"""The report's indicator system as the tier rules read it: one tree per report, shared with scoring."""

from __future__ import annotations

from typing import NamedTuple

from perfrules.document.system import IndicatorSystem, TierStatus, indicator_system
from perfrules.rules.context import Context


def tier_system(ctx: Context) -> IndicatorSystem:
    """The checked report's indicator system (built once per report; the score sheet reads the same one)."""
    return indicator_system(ctx.report)


class TierFlags(NamedTuple):
    """What the tree's nodes say can be found at all, read from its few nodes instead of every indicator.

    Every placement sits in a first-level node holding its indicator and in
    one of that node's second-level nodes, so: ``unknown`` is False when
    every first-level node with indicators is known and no second-level node
    is unknown (no ``tier_unknown`` hit); ``alias`` is False when no
    first-level node lists an alias (no placement writes its tier1 under one:
    no ``tier_alias`` hit); ``misplaced`` is False when no second-level node
    is misplaced (no ``tier_misplaced`` hit).
    """

    unknown: bool
    alias: bool
    misplaced: bool


_KNOWN = TierStatus.KNOWN
_UNKNOWN = TierStatus.UNKNOWN


def _flags(ctx: Context) -> TierFlags:
    unknown = alias = misplaced = False
    for first in tier_system(ctx).tiers:
        if not first.indices:
            continue  # a stated subtotal of its own: no indicator is placed in it
        if first.status is not _KNOWN:  # not first.known
            unknown = True
        if first.aliases:
            alias = True
        for second in first.tiers:
            if second.status is _UNKNOWN:  # second.unknown
                unknown = True
            if second.misplaced:
                misplaced = True
    return TierFlags(unknown, alias, misplaced)


def tier_flags(ctx: Context) -> TierFlags:
    """The tree's :class:`TierFlags`, read once per check."""
    return ctx.shared(_flags)
