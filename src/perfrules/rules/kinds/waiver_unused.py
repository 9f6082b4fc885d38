"""The unused-waiver check: a waiver with a reason that silenced no finding in this run.

Runs after waivers are applied (``AFTER_WAIVERS``) and reads which waivers
matched from ``ctx.waiver_used``. A waiver of a known rule that this run did
not select (``ctx.known`` but not ``ctx.selected``) cannot be judged and is
skipped; waivers without a reason are the ``waiver_reason`` kind's.
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
    about_text: str


def _not_run(ctx: Context, rule: str) -> bool:
    """A known rule that this run did not select: its waivers cannot be judged."""
    return rule in ctx.known and rule not in ctx.selected


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for i, w in enumerate(ctx.report.waivers):
        if w.reason.strip() and not ctx.waiver_used[i] and not _not_run(ctx, w.rule):
            yield Hit(
                waiver_about(w.rule, w.about),
                f"waivers[{i}]",
                found=w.rule,
                args=Args(rule=w.rule, about_text=w.about or "*"),
            )
