"""Unreadable values: a target, actual or mid-year value perfrules cannot read.

Values are read into a small vocabulary (comparisons, quantities, time targets,
qualitative words); anything else is kept as written and reported here with
its raw text, because no rule can judge it — write it in a measurable form
(``≥90%``, ``12月底完成``, ``是``) or split a compound target into indicators.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.document.values import Unparsed
from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("name", "field", "raw")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    for i, ind in enumerate(ctx.report.indicators):
        for field in ("target", "actual", "midyear"):
            value = getattr(ind, field)
            if isinstance(value, Unparsed):
                yield Hit(
                    ind.key,
                    f"indicators[{i}].{field}",
                    found=value.raw,
                    args=(("name", ind.name), ("field", field), ("raw", value.raw)),
                )
