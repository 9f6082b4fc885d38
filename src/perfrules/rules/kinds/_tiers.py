"""The report's indicator system as the tier rules read it: one tree per report, shared with scoring."""

from __future__ import annotations

from perfrules.document.system import IndicatorSystem, indicator_system
from perfrules.rules.context import Context


def tier_system(ctx: Context) -> IndicatorSystem:
    """The checked report's indicator system (built once per report; the score sheet reads the same one)."""
    return indicator_system(ctx.report)
