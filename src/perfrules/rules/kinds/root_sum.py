"""The root-sum check: the root lines of each partition of the budget against the budget block.

Reads the failing relations of ``_lines.analyse`` (shared per check) whose
total is a budget figure; ``_lines.PARTITIONS`` says which root kinds make
up the whole budget together. A relation explained by a unit slip is left to
the ``unit_slip`` kind.
"""

from __future__ import annotations

from collections.abc import Iterator

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._lines import SumArgs, sum_hits

Params = NoParams  # this kind takes no parameters
Args = SumArgs  # a failing sum: the group of root lines, the figure, its total and its parts


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    return sum_hits(ctx, "budget.")
