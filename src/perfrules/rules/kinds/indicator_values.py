"""The indicator-values check: indicators that leave out their target or their actual.

A value is left out when the cell is not written, or holds nothing
(blank, ``—``, ``/``), or 无 where the row does not aim at none: the
scorer's reading (:func:`perfrules.scoring.cells.read_values`), so
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
from perfrules.rules.kinds._indicators import reading

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    #: The cells not filled in, in the form's words.
    missing: Message


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    # only the indicators with a cell left out, as the scorer reads them (_indicators.reading)
    for i, ind, no_target, no_actual in reading(ctx).missing:
        parts: tuple[Message, ...]
        if no_target and no_actual:
            path, parts = f"indicators[{i}]", (msg.Target(), msg.Actual())
        elif no_target:
            path, parts = f"indicators[{i}].target", (msg.Target(),)
        else:
            path, parts = f"indicators[{i}].actual", (msg.Actual(),)
        yield Hit(ind.key, path, args=Args(name=ind.name, missing=Both(parts=parts)))
