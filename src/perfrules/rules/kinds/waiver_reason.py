"""The waiver-reason check: a ``[[waivers]]`` entry whose reason is empty.

Runs after waivers are applied (``AFTER_WAIVERS``), so its own findings can
never be waived; the engine does not let a waiver without a reason silence
anything.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._waivers import waiver_about

AFTER_WAIVERS = True


Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    rule: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for i, w in enumerate(ctx.report.waivers):
        if not w.reason.strip():
            yield Hit(waiver_about(w.rule, w.about), f"waivers[{i}].reason", args=Args(rule=w.rule))
