"""The indicator-values check: indicators that leave out their target or their actual.

One hit per indicator, its path at the one missing field or at the indicator
when both are missing; the missing names are joined in both languages.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    missing_zh: str
    missing_en: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for i, ind in enumerate(ctx.report.indicators):
        if ind.target is not None and ind.actual is not None:
            continue
        missing = [
            (zh, en, f)
            for zh, en, f in (
                ("年初目标值", "target", "target"),
                ("实际完成值", "actual", "actual"),
            )
            if getattr(ind, f) is None
        ]
        yield Hit(
            ind.key,
            f"indicators[{i}].{missing[0][2]}" if len(missing) == 1 else f"indicators[{i}]",
            args=Args(
                name=ind.name,
                missing_zh="、".join(m[0] for m in missing),
                missing_en=" and ".join(m[1] for m in missing),
            ),
        )
