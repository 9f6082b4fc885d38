"""Claims: a figure stated a second time agrees with the first statement.

Each ``[[claims]]`` entry repeats a figure found elsewhere in the document
(``indicator:<name>.target``, ``budget.executed``, ``line:<id>.budget``,
``evaluation.grade``, ``count:indicators``, ``count:lines:<kind>`` …). The two
must say the same, allowing for written forms that mean the same:
``50万页以上`` = ``≥50万页``; ``40余篇`` agrees with 40; ``95.81万元`` with
``958,100元``; grade synonyms of the profile (优 = 优秀). ``all_targets_met``
claims are judged by the statement rules instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit, render_arg
from perfrules.rules.kinds._claims import agree, subject

ARGS = ("subject", "stated", "claimed", "claim_source")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    for i, claim in enumerate(ctx.report.claims):
        if claim.about == "all_targets_met":
            continue
        subj = subject(ctx, claim.about)
        if subj is None or subj.value is None:
            continue
        if agree(ctx, subj.value, claim.value):
            continue
        stated = render_arg(subj.value)
        claimed = render_arg(claim.value)
        yield Hit(
            claim.about,
            f"claims[{i}].value",
            expected=stated,
            found=claimed,
            args=(
                ("subject", claim.about),
                ("stated", stated),
                ("claimed", claimed),
                ("claim_source", claim.source or "—"),
            ),
        )
