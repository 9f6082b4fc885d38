"""The unreadable-value check: targets, actuals and mid-year values kept as written text.

The loader reads values into the vocabulary of :mod:`perfrules.document.values`;
what it cannot read stays an ``Unparsed`` value with its raw text, and every
such value is a hit — except a cell that holds nothing (blank, ``—``, ``/``,
or 无 the row does not read as none: the ``indicator_values`` kind's, for a
target or actual; a mid-year value need not be given) and 无 read as none
(:func:`perfrules.scoring.cells.read_values`). The message names the
field in the form's words (年初目标值, 实际完成值, 年中监控值).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.messages import Message
from perfrules.messages import kinds as msg
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._indicators import reading

Params = NoParams  # this kind takes no parameters

#: Each field with its name on the form.
FIELDS: tuple[tuple[str, type[Message]], ...] = (
    ("target", msg.Target),
    ("actual", msg.Actual),
    ("midyear", msg.Midyear),
)


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    #: The document key (``target``, ``actual``, ``midyear``).
    field: str
    #: The field's name on the form (年初目标值, 实际完成值, 年中监控值).
    field_name: Message
    raw: str


_WORDS = dict(FIELDS)


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    # only the values read as Unparsed, in the order of FIELDS (_indicators.reading)
    for i, ind, field, value in reading(ctx).unreadable:
        yield Hit(
            ind.key,
            f"indicators[{i}].{field}",
            found=value.raw,
            args=Args(name=ind.name, field=field, field_name=_WORDS[field](), raw=value.raw),
        )
