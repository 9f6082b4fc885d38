"""Unused waivers: every waiver silences at least one finding.

A waiver that matches no finding — the problem was fixed, the rule id or the
``about`` is mistyped, or the rule does not exist — is stale; left in place it
would silently hide the next real finding. Reported once per waiver (waivers
without a reason are the waiver-reason rule's). Runs after all others and
cannot be waived. Waivers of rules left out of the run (``--select``,
``--ignore``) are not judged: whether they silence anything is unknown.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds.waiver_reason import waiver_about

ARGS = ("rule", "about_text")
AFTER_WAIVERS = True


def _not_run(ctx: Context, rule: str) -> bool:
    """A known rule that this run did not select: its waivers cannot be judged."""
    return rule in ctx.known_rules and rule not in ctx.selected


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    for i, w in enumerate(ctx.report.waivers):
        if w.reason.strip() and not ctx.waiver_used[i] and not _not_run(ctx, w.rule):
            yield Hit(
                waiver_about(w.rule, w.about),
                f"waivers[{i}]",
                found=w.rule,
                args=(("rule", w.rule), ("about_text", w.about or "*")),
            )
