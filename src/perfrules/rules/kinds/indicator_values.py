"""The indicator-values check: indicators that leave out their target or their actual.

A value is left out when the cell is not written, or holds nothing
(blank, ``—``, ``/``), or 无 where the row does not aim at none: the
scorer's reading (:func:`perfrules.scoring.strategies.read_values`), so
that this rule and the score sheet agree on what is filled in. One hit per
indicator, its path at the one missing field or at the indicator when both
are missing; the missing names are joined in both languages.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.messages import Both, Message
from perfrules.messages import kinds as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.scoring.strategies import read_values

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    #: The cells not filled in, in the form's words.
    missing: Message


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    for i, ind in enumerate(ctx.report.indicators):
        target, actual = read_values(ind)
        if target is not None and actual is not None:
            continue
        missing = [
            (word, f)
            for word, f, value in (
                (msg.Target(), "target", target),
                (msg.Actual(), "actual", actual),
            )
            if value is None
        ]
        yield Hit(
            ind.key,
            f"indicators[{i}].{missing[0][1]}" if len(missing) == 1 else f"indicators[{i}]",
            args=Args(name=ind.name, missing=Both(parts=tuple(m[0] for m in missing))),
        )
