"""The indicator system (绩效指标体系) of one report as a typed tree, built once from the report and its year's taxonomy.

A report files each indicator under a first-level tier (一级指标: 产出, 效益,
满意度, and 成本 from 2021) and a second-level one (二级指标: 数量, 质量 …), and
may state a subtotal per first-level tier (``evaluation.tier_scores``). Reports
write these names in many ways; :func:`indicator_system` reads them against
the taxonomy (:mod:`perfrules.document.taxonomy`) once and gives an
:class:`IndicatorSystem`:

- :class:`FirstTier` nodes, one per canonical first-level tier, in the order
  the report first uses them: an alias is folded into its tier (效果指标 is
  效益指标, and ``aliases`` says which names were aliases); a name outside the
  year's taxonomy is an ``unknown`` node under its written name, never
  dropped; the indicators without a tier1 form one ``untiered`` node (name
  None); a subtotal stated for a tier without indicators is a node of its own
  (``execution`` for 预算执行率 and the like). Each node carries its weight (the
  sum of its indicators' weights) and its stated subtotal, the key resolved
  (产出 and 效果指标 name their canonical tiers).
- :class:`SecondTier` nodes under each, the same way, each knowing whether
  the taxonomy puts it under its parent (``misplaced``: a 满意度 tier2 under
  效益指标) and holding its indicators by index.
- :class:`Placement`, one per indicator in document order: the two nodes it
  sits in and whether its names were aliases.

The taxonomy rules and scoring read this tree instead of the taxonomy; scoring adds
the recomputed subtotal of each node (:attr:`perfrules.ScoreSheet.tiers`, keyed by
these nodes), and :func:`perfrules.document.systemtext.system_lines` renders both.
"""

from __future__ import annotations

import weakref
from decimal import Decimal

import attrs

from perfrules._frozen import builder
from perfrules.document.model import Report
from perfrules.document.systemlayout import EXECUTION as _EXECUTION
from perfrules.document.systemlayout import KNOWN as _KNOWN
from perfrules.document.systemlayout import UNKNOWN as _UNKNOWN
from perfrules.document.systemlayout import TierStatus, layout
from perfrules.document.taxonomy import Taxonomy, taxonomy

__all__ = [
    "EXECUTION_TIER_NAMES",
    "FirstTier",
    "IndicatorSystem",
    "Placement",
    "SecondTier",
    "TierStatus",
    "build_system",
    "indicator_system",
]

_ZERO = Decimal(0)

#: ``evaluation.tier_scores`` keys that stand for the budget-execution part, not a tier.
EXECUTION_TIER_NAMES = frozenset(
    {"预算执行率", "预算执行", "预算执行情况", "预算资金执行率", "资金执行率"}
)


@attrs.frozen
class SecondTier:
    """A second-level tier (二级指标) under one first-level node, with its indicators.

    ``name`` is the canonical name (the name as written when unknown; None for
    the indicators of the parent that name no tier2). ``written`` lists the
    names as the report writes them (stripped), ``aliases`` those of them that
    are other names for ``name``. ``homes`` are the first-level tiers the
    taxonomy puts this tier under; ``misplaced`` is True when the parent is a
    known tier and not one of them.
    """

    name: str | None
    status: TierStatus
    written: tuple[str, ...]
    aliases: tuple[str, ...]
    homes: tuple[str, ...]
    misplaced: bool
    indices: tuple[int, ...]
    weight: Decimal

    @property
    def known(self) -> bool:
        """The taxonomy knows this tier2 (under its name or an alias)."""
        return self.status is _KNOWN

    @property
    def unknown(self) -> bool:
        """A tier2 is written that the taxonomy does not know."""
        return self.status is _UNKNOWN


@attrs.frozen
class FirstTier:
    """A first-level tier (一级指标) of the report: its second-level tiers, weight and stated subtotal.

    ``name`` is the canonical name (效果指标 → 效益指标), the name as written for
    an unknown tier or a stated key of its own, None for the untiered node.
    ``written`` lists the names the indicators write for it (stripped),
    ``aliases`` those of them that are accepted aliases. ``indices`` are its
    indicators in document order, ``weight`` the sum of their weights.
    ``stated`` is the subtotal ``evaluation.tier_scores`` gives it under the
    key ``stated_key`` (as written: 产出, 效果指标 …), the first such key when
    several name it.
    """

    name: str | None
    status: TierStatus
    written: tuple[str, ...]
    aliases: tuple[str, ...]
    tiers: tuple[SecondTier, ...]
    indices: tuple[int, ...]
    weight: Decimal
    stated: Decimal | None = None
    stated_key: str | None = None

    @property
    def known(self) -> bool:
        """The tier is first-level in the year's taxonomy."""
        return self.status is _KNOWN

    @property
    def unknown(self) -> bool:
        """A tier1 is written (or a subtotal stated) that the year's taxonomy does not know."""
        return self.status is _UNKNOWN

    @property
    def execution(self) -> bool:
        """The node is a stated subtotal of the budget-execution part, not a tier."""
        return self.status is _EXECUTION

    def tier(self, name: str | None) -> SecondTier | None:
        """The second-level node of this canonical name (None: the untiered one)."""
        for t in self.tiers:
            if t.name == name:
                return t
        return None


@attrs.frozen(repr=False)
class Placement:
    """Where an indicator sits: its first- and second-level nodes, and whether it wrote aliases.

    Indicators that write the same pair of tiers share one placement.
    """

    tier1: FirstTier
    tier2: SecondTier
    tier1_alias: bool = False  # the tier1 is written under an alias (效果指标)
    tier2_alias: bool = False  # the tier2 is written under an alias (社会公众满意度指标)

    def __repr__(self) -> str:
        return (
            f"Placement(tier1={self.tier1.name!r}, tier2={self.tier2.name!r}, "
            f"tier1_alias={self.tier1_alias!r}, tier2_alias={self.tier2_alias!r})"
        )


@attrs.frozen
class IndicatorSystem:
    """A report's indicator system: first-level nodes in order of first use, one placement per indicator."""

    year: int
    tiers: tuple[FirstTier, ...]
    placements: tuple[Placement, ...]
    taxonomy: Taxonomy = attrs.field(eq=False, repr=False)

    def tier(self, name: str | None) -> FirstTier | None:
        """The first-level node a name stands for: canonical, alias, or as written when unknown.

        None gives the untiered node (None when every indicator names a tier1).
        """
        if name is not None:
            found = self.taxonomy.tier1(name)
            name = found.name if found is not None else name.strip()
        for t in self.tiers:  # a few nodes, each of its own name
            if t.name == name:
                return t
        return None

    def place(self, index: int) -> Placement:
        """Where the indicator at ``index`` sits (``placements[index]``)."""
        return self.placements[index]

    @property
    def weight(self) -> Decimal:
        """The sum of every indicator's weight (the nodes' weights add up to it)."""
        return sum((t.weight for t in self.tiers), _ZERO)


#: The tree at the cost of mutable objects (see :mod:`perfrules._frozen`): a report has dozens of nodes.
_FirstTier, _SecondTier, _Placement = builder(FirstTier), builder(SecondTier), builder(Placement)
_IndicatorSystem = builder(IndicatorSystem)


def build_system(report: Report, tax: Taxonomy | None = None) -> IndicatorSystem:
    """Build ``report``'s indicator system against ``tax`` (default: the built-in taxonomy).

    Pure and uncached (the layout of its tier pairs is read once per distinct
    layout, :func:`perfrules.document.systemlayout.layout`); :func:`indicator_system`
    is the one to call.
    """
    tax = tax if tax is not None else taxonomy()
    year = report.report.year
    inds = report.indicators
    # the indicators and weight of each distinct pair of tiers as written, the pairs in
    # order of first use (``at`` gives each pair's position in ``slots`` and ``weights``)
    at: dict[tuple[str | None, str | None], int] = {}
    slots: list[list[int]] = []
    weights: list[Decimal] = []
    for i, ind in enumerate(inds):
        pair = (ind.tier1, ind.tier2)
        k = at.get(pair)
        if k is None:
            k = at[pair] = len(slots)
            slots.append([i])
            weights.append(_ZERO)
        else:
            slots[k].append(i)
        w = ind.weight
        if w is not None:
            weights[k] += w
    firsts_layout, places_layout = layout(tax, year, tuple(at))
    stated: dict[str, tuple[str, Decimal]] = {}
    if report.evaluation is not None:
        for ts in report.evaluation.tier_scores:
            tier = tax.tier1_for_key(ts.tier)
            stated.setdefault(
                tier.name if tier is not None else ts.tier.strip(), (ts.tier, ts.score)
            )
    firsts: list[FirstTier] = []
    for name1, status1, written1, aliases1, seconds, slots1 in firsts_layout:
        children = tuple(
            [
                _SecondTier(
                    name2,
                    status2,
                    written2,
                    aliases2,
                    homes,
                    misplaced,
                    *_gathered(slots, weights, slots2),
                )
                for name2, status2, written2, aliases2, homes, misplaced, slots2 in seconds
            ]
        )
        entry = stated.get(name1) if name1 is not None else None
        firsts.append(
            _FirstTier(
                name1,
                status1,
                written1,
                aliases1,
                children,
                *_gathered(slots, weights, slots1),
                entry[1] if entry is not None else None,
                entry[0] if entry is not None else None,
            )
        )
    names = {t.name for t in firsts}
    for name, (key, value) in stated.items():
        if name not in names:
            status = _stated_status(tax, year, name)
            firsts.append(_FirstTier(name, status, (), (), (), (), _ZERO, value, key))
    placements: list[Placement | None] = [None] * len(inds)
    for indices, (i1, i2, alias1, alias2) in zip(slots, places_layout, strict=True):
        first = firsts[i1]
        placement = _Placement(first, first.tiers[i2], alias1, alias2)
        for i in indices:
            placements[i] = placement
    return _IndicatorSystem(year, tuple(firsts), tuple(placements), tax)


def _gathered(
    slots: list[list[int]], weights: list[Decimal], of: tuple[int, ...]
) -> tuple[tuple[int, ...], Decimal]:
    """The indicators (in document order) and weight of a node the pairs at ``of`` go to."""
    if len(of) == 1:
        k = of[0]
        return tuple(slots[k]), weights[k]
    weight = _ZERO
    for k in of:
        weight += weights[k]
    return tuple(sorted([i for k in of for i in slots[k]])), weight


def _stated_status(tax: Taxonomy, year: int, name: str) -> TierStatus:
    """The status of a stated subtotal's tier that no indicator is under."""
    tier = tax.tier1(name)
    if tier is not None and tier.in_force(year):
        return _KNOWN
    return _EXECUTION if name in EXECUTION_TIER_NAMES else _UNKNOWN


# Built once per report object: the rules and scoring of one check share the tree.
# Plain dict operations only (each atomic): two threads scoring one report at the
# same moment may both build it, which is harmless; a weakref callback can run at
# any allocation, so it takes no lock.
_BUILT: dict[int, tuple[weakref.ref[Report], IndicatorSystem]] = {}


def indicator_system(report: Report) -> IndicatorSystem:
    """``report``'s indicator system under the built-in taxonomy, built once per report object.

    The tree is kept while the report lives (and no longer), so the tier
    rules and scoring of a check read the same object.
    """
    key = id(report)
    entry = _BUILT.get(key)
    if entry is not None and entry[0]() is report:
        return entry[1]
    system = build_system(report)

    def forget(ref: weakref.ref[Report]) -> None:
        entry = _BUILT.get(key)
        if entry is not None and entry[0] is ref:
            _BUILT.pop(key, None)

    _BUILT[key] = (weakref.ref(report, forget), system)
    return system
