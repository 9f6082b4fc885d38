"""Claim subjects: a claim's ``about`` names a figure the document states.

A claim about an indicator, line or budget figure that the document does not
have — a mistyped name, a removed line, a figure left empty — cannot be
checked, so the repetition it records goes unverified.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._claims import subject

ARGS = ("subject",)


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    for i, claim in enumerate(ctx.report.claims):
        if claim.about == "all_targets_met":
            continue
        subj = subject(ctx, claim.about)
        if subj is None or subj.value is None:
            yield Hit(
                claim.about,
                f"claims[{i}].about",
                found=claim.about,
                args=(("subject", claim.about),),
            )
