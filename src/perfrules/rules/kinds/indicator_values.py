"""Indicator values: every indicator states its target (年初目标值) and its actual (实际完成值).

An indicator without a target cannot be judged; one without an actual leaves
the reviewer unable to tell whether it was met. Reported once per indicator,
naming what is missing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("name", "missing_zh", "missing_en")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
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
            args=(
                ("name", ind.name),
                ("missing_zh", "、".join(m[0] for m in missing)),
                ("missing_en", " and ".join(m[1] for m in missing)),
            ),
        )
