"""The indicators-present check: a department report (``kind = "department"``) with no indicators.

Project reports are never a hit: their forms vary too much to require a table.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.document.model import ReportKind
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """This kind's hits carry no message arguments."""


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    if ctx.report.report.kind is ReportKind.DEPARTMENT and not ctx.report.indicators:
        yield Hit("indicators", "indicators")
