"""The indicator-units check: a numeric target and its actual in units that do not compare.

Units are compared after ``document.units.canonical`` (万/亿 folded, counting
words made equivalent); the message shows the units as written, ``—`` for
none.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from perfrules.document.units import canonical
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._indicators import number, reading

Params = NoParams  # this kind takes no parameters


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    target_unit: str
    actual_unit: str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    # only numeric targets and actuals whose units are written differently (_indicators.reading)
    for i, ind in reading(ctx).units:
        t, a = number(ind.target), number(ind.actual)
        assert t is not None and a is not None
        tu, au = canonical(t[0], t[1])[1], canonical(a[0], a[1])[1]
        if tu != au:
            yield Hit(
                ind.key,
                f"indicators[{i}].target",
                expected=t[1] or None,
                found=a[1] or None,
                args=Args(name=ind.name, target_unit=t[1] or "—", actual_unit=a[1] or "—"),
            )
