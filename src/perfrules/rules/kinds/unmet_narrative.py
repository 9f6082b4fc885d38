"""The unmet-narrative check: a missed target while the unmet-targets section says there is none.

Missed targets are the scorer's verdicts. The section says there is none
when it is absent or empty (无), or states that every target was met
(``…均完成，无未完成绩效目标。``) without naming an unmet target or making an
exception (``_narrative.says_none``) — and without naming a missed
indicator, which it then describes. The hit's path is the section when it
is written, else ``narrative``.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._indicators import verdicts
from perfrules.rules.kinds._narrative import says_none

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    names: str
    written: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    missed_rows = verdicts(ctx).missed
    if not missed_rows:
        return  # no missed target: nothing to contradict, so the prose need not be read
    narrative = ctx.report.narrative
    text = narrative.unmet_targets if narrative is not None else None
    if not says_none(text):
        return
    indicators = ctx.report.indicators
    missed = [indicators[s.index].name for s in missed_rows]
    if text is not None and any(name and name in text for name in missed):
        return
    names = "、".join(missed)
    yield Hit(
        "narrative.unmet_targets",
        "narrative.unmet_targets" if text is not None else "narrative",
        expected=names,
        found=text if text is not None else None,
        args=Args(names=names, written=text if text is not None else "—"),
    )
