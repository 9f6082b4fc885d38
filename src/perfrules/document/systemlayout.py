"""The layout of an indicator system: how the tier pairs a report writes group into nodes.

A report's indicator system (:mod:`perfrules.document.system`) has two parts.
One is the report's own: which indicators sit in each node, and their
weights. The other depends only on the distinct (tier1, tier2) pairs the
report writes, in the order of their first use, and on the taxonomy and
year. That part is the *layout*: the nodes, with their canonical names,
statuses, names as written, aliases, homes and misplacement, and the node
each pair goes to.

Reports filed on one form write the same few layouts (产出指标 over 数量指标,
质量指标, 时效指标 …), so :func:`layout` reads each distinct layout once and
keeps it (bounded). An entry is exactly what reading the pairs again would
give; a report's indicators, weights and subtotals never enter it.
"""

from __future__ import annotations

import enum

from perfrules.document.taxonomy import Taxonomy

__all__ = ["FirstLayout", "Layout", "Pair", "SecondLayout", "TierStatus", "layout"]


class TierStatus(str, enum.Enum):
    """What a node of the indicator system is (:mod:`perfrules.document.system`)."""

    KNOWN = "known"  # in the year's taxonomy, under its name or an accepted alias
    UNKNOWN = "unknown"  # written, not in the year's taxonomy (a typo; 成本指标 before 2021)
    UNTIERED = "untiered"  # the indicators that name no tier at this level
    EXECUTION = "execution"  # a stated subtotal for the budget-execution part (预算执行率)


# the members as plain names: reading one off its class costs as much as a dict lookup
KNOWN, UNKNOWN, UNTIERED, EXECUTION = tuple(TierStatus)  # in their order of definition

#: A pair of tiers as an indicator writes them (tier1, tier2); either may be absent.
Pair = tuple[str | None, str | None]

#: A second-level node of a layout: canonical name, status, the names as written
#: (stripped, in order of first use), those of them that are aliases, the tier's
#: homes (sorted), whether it is misplaced under its parent, and the positions
#: (in the layout's pairs) of the pairs that go to it.
SecondLayout = tuple[
    str | None, TierStatus, tuple[str, ...], tuple[str, ...], tuple[str, ...], bool, tuple[int, ...]
]

#: A first-level node of a layout: canonical name, status, names as written,
#: aliases, its second-level nodes in order of first use, and the positions of the
#: pairs that go to it.
FirstLayout = tuple[
    str | None,
    TierStatus,
    tuple[str, ...],
    tuple[str, ...],
    tuple[SecondLayout, ...],
    tuple[int, ...],
]

#: A layout: the first-level nodes in order of first use, and for each pair (in the
#: order given) the positions of its first- and second-level node and whether its
#: tier1 and tier2 were written as aliases.
Layout = tuple[tuple[FirstLayout, ...], tuple[tuple[int, int, bool, bool], ...]]

# The layouts read so far, by taxonomy, year and pairs. Bounded (an entry with its key
# holds about 4 KB: at most about 1 MB; a layout writing a longer name than any tier's
# is read every time, not kept); plain dict operations only (each atomic): two threads
# may both read a layout, which is harmless.
_LAYOUTS: dict[tuple[int, int, tuple[Pair, ...]], tuple[Taxonomy, Layout]] = {}
_LAYOUTS_MAX = 256
_NAME_MAX = 64


def layout(tax: Taxonomy, year: int, pairs: tuple[Pair, ...]) -> Layout:
    """The layout of ``pairs`` (distinct, in order of first use) against ``tax`` for ``year`` (memoised)."""
    key = (id(tax), year, pairs)
    hit = _LAYOUTS.get(key)
    if hit is not None and hit[0] is tax:
        return hit[1]
    read = _read(tax, year, pairs)
    if len(_LAYOUTS) < _LAYOUTS_MAX and all(
        len(name) <= _NAME_MAX for pair in pairs for name in pair if name is not None
    ):
        _LAYOUTS[key] = (tax, read)
    return read


class _Group:
    """A node being gathered: name, status, names as written (any an alias?), homes, pairs."""

    __slots__ = ("alias", "children", "homes", "name", "slots", "status", "written")

    def __init__(self, name: str | None, status: TierStatus) -> None:
        self.name = name
        self.status = status
        self.homes: tuple[str, ...] = ()
        self.alias = False
        self.written: list[str] = []
        self.slots: list[int] = []
        self.children: dict[str | None, _Group] = {}

    def write(self, written: str | None) -> None:
        """Note a name as written (stripped; None: nothing written) for this group."""
        if written is not None and written not in self.written:
            self.written.append(written)
            if written != self.name:
                self.alias = True

    def names(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The names as written, and those of them that are aliases."""
        written = tuple(self.written)
        return written, tuple([n for n in written if n != self.name]) if self.alias else ()


def _read(tax: Taxonomy, year: int, pairs: tuple[Pair, ...]) -> Layout:
    groups: dict[str | None, _Group] = {}
    placed: list[tuple[_Group, bool, bool]] = []
    for slot, (t1, t2) in enumerate(pairs):
        name1: str | None = None
        written1: str | None = None
        status1 = UNTIERED
        if t1 is not None:
            written1 = t1.strip()
            tier = tax.tier1(t1)
            name1 = tier.name if tier is not None else written1
            status1 = KNOWN if tier is not None and tier.in_force(year) else UNKNOWN
        first = groups.get(name1)
        if first is None:
            first = groups[name1] = _Group(name1, status1)
        first.write(written1)
        first.slots.append(slot)
        name2: str | None = None
        written2: str | None = None
        status2 = UNTIERED
        if t2 is not None:
            written2 = t2.strip()
            name2 = tax.canonical_tier2(t2) or written2
            status2 = KNOWN if tax.homes(name2) else UNKNOWN
        second = first.children.get(name2)
        if second is None:
            second = first.children[name2] = _Group(name2, status2)
            if name2 is not None:
                second.homes = tuple(sorted(tax.homes(name2)))
        second.write(written2)
        second.slots.append(slot)
        placed.append(
            (second, t1 is not None and name1 != written1, t2 is not None and name2 != written2)
        )
    firsts: list[FirstLayout] = []
    positions: dict[int, tuple[int, int]] = {}  # by id of the second-level group
    for i, group in enumerate(groups.values()):
        seconds: list[SecondLayout] = []
        for j, child in enumerate(group.children.values()):
            homes = child.homes
            misplaced = bool(homes) and group.status is KNOWN and group.name not in homes
            seconds.append(
                (child.name, child.status, *child.names(), homes, misplaced, tuple(child.slots))
            )
            positions[id(child)] = (i, j)
        firsts.append(
            (group.name, group.status, *group.names(), tuple(seconds), tuple(group.slots))
        )
    return tuple(firsts), tuple([(*positions[id(s)], a1, a2) for s, a1, a2 in placed])
