"""The unreadable-value check: targets, actuals and mid-year values kept as written text.

The loader reads values into the vocabulary of :mod:`perfrules.document.values`;
what it cannot read stays an ``Unparsed`` value with its raw text, and every
such value is a hit.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.document.values import Unparsed
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    field: str
    raw: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for i, ind in enumerate(ctx.report.indicators):
        for field in ("target", "actual", "midyear"):
            value = getattr(ind, field)
            if isinstance(value, Unparsed):
                yield Hit(
                    ind.key,
                    f"indicators[{i}].{field}",
                    found=value.raw,
                    args=Args(name=ind.name, field=field, raw=value.raw),
                )
