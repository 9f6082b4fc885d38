"""The all-targets-met check: an ``all_targets_met = true`` claim against the data and the prose.

The evidence is, first, the indicators the scorer judges missed, else a
statement of an unmet target in the unmet-targets or problems section
(``_narrative.names_unmet``); one hit per such claim.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.messages import Message, Names
from perfrules.messages import kinds as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._indicators import verdicts
from perfrules.rules.kinds._narrative import names_unmet

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    #: What shows a target was missed (a message of the catalogue).
    evidence: Message
    claim_source: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    report = ctx.report
    claims = [
        (i, c)
        for i, c in enumerate(report.claims)
        if c.about == "all_targets_met" and c.value is True
    ]
    if not claims:
        return
    indicators = report.indicators
    missed = [indicators[s.index].name for s in verdicts(ctx).missed]
    narrative = report.narrative
    if missed:
        evidence: Message = msg.IndicatorsMissed(names=Names(names=tuple(missed)))
    elif narrative is not None and (
        names_unmet(narrative.unmet_targets) or names_unmet(narrative.problems)
    ):
        evidence = msg.OwnTextUnmet()
    else:
        return
    for i, claim in claims:
        yield Hit(
            "all_targets_met",
            f"claims[{i}].value",
            expected="false",
            found="true",
            args=Args(evidence=evidence, claim_source=claim.source or "—"),
        )
