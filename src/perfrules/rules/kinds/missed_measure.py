"""The missed-measure check: a missed target whose reason is given but no improvement measure.

The lesser half of explaining a missed target (the ``missed_target`` kind
asks for the reason): the scorer judges the target missed, a
``deviation_reason`` is written, and neither ``improvement`` nor the reason
itself says what will be done (``_indicators.states_measure``: 下一步, 今后,
加强, 改进措施 … — the national form's one column 偏差原因分析及改进措施 often
holds both). The hit's path is ``improvement``.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.document.values import Value
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._indicators import given, indicator_hit, states_measure, verdicts

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    target: Value | None
    actual: Value | None
    reason: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    for s in verdicts(ctx).missed:  # the rows whose target is judged missed
        ind = indicators[s.index]
        reason = ind.deviation_reason
        if not given(reason) or given(ind.improvement) or states_measure(reason):
            continue
        assert reason is not None
        yield indicator_hit(
            ind,
            s.index,
            "improvement",
            Args(name=ind.name, target=ind.target, actual=ind.actual, reason=reason.strip()),
        )
