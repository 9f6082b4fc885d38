"""The line-sum check: a line's children against the line, figure by figure.

Reads the failing relations of ``_lines.analyse`` (shared per check) whose
total is a line; a relation explained by a unit slip is left to the
``unit_slip`` kind, so that one mistake gives one finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._lines import SumArgs, sum_hits

Params = NoParams  # this kind takes no parameters
Args = SumArgs  # a failing sum: the line, the figure, its total and its parts


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    return sum_hits(ctx, "line:")
