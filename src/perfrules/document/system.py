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

The taxonomy rules and scoring read this tree instead of the taxonomy;
scoring adds the recomputed subtotal of each node
(:attr:`perfrules.ScoreSheet.tiers`, keyed by these nodes), and
:func:`system_lines` renders tree and subtotals as text.
"""

from __future__ import annotations

import enum
import threading
import weakref
from collections.abc import Mapping
from decimal import Decimal

import attrs

from perfrules.document.model import Report
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
    "system_lines",
]

_ZERO = Decimal(0)

#: ``evaluation.tier_scores`` keys that stand for the budget-execution part, not a tier.
EXECUTION_TIER_NAMES = frozenset(
    {"预算执行率", "预算执行", "预算执行情况", "预算资金执行率", "资金执行率"}
)


class TierStatus(str, enum.Enum):
    """What a node of the indicator system is."""

    KNOWN = "known"  # in the year's taxonomy, under its name or an accepted alias
    UNKNOWN = "unknown"  # written, not in the year's taxonomy (a typo; 成本指标 before 2021)
    UNTIERED = "untiered"  # the indicators that name no tier at this level
    EXECUTION = "execution"  # a stated subtotal for the budget-execution part (预算执行率)


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
        return self.status is TierStatus.KNOWN

    @property
    def unknown(self) -> bool:
        """A tier2 is written that the taxonomy does not know."""
        return self.status is TierStatus.UNKNOWN


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
        return self.status is TierStatus.KNOWN

    @property
    def unknown(self) -> bool:
        """A tier1 is written (or a subtotal stated) that the year's taxonomy does not know."""
        return self.status is TierStatus.UNKNOWN

    @property
    def execution(self) -> bool:
        """The node is a stated subtotal of the budget-execution part, not a tier."""
        return self.status is TierStatus.EXECUTION

    def tier(self, name: str | None) -> SecondTier | None:
        """The second-level node of this canonical name (None: the untiered one)."""
        for t in self.tiers:
            if t.name == name:
                return t
        return None


@attrs.frozen
class Placement:
    """Where one indicator sits: its first- and second-level nodes, and whether it wrote aliases."""

    index: int
    tier1: FirstTier = attrs.field(eq=False, repr=False)
    tier2: SecondTier = attrs.field(eq=False, repr=False)
    tier1_alias: bool = False  # its tier1 is written under an alias (效果指标)
    tier2_alias: bool = False  # its tier2 is written under an alias (社会公众满意度指标)


@attrs.frozen
class IndicatorSystem:
    """A report's indicator system: first-level nodes in order of first use, one placement per indicator."""

    year: int
    tiers: tuple[FirstTier, ...]
    placements: tuple[Placement, ...]
    taxonomy: Taxonomy = attrs.field(eq=False, repr=False)
    _by_name: dict[str | None, FirstTier] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {t.name: t for t in self.tiers})

    def tier(self, name: str | None) -> FirstTier | None:
        """The first-level node a name stands for: canonical, alias, or as written when unknown.

        None gives the untiered node (None when every indicator names a tier1).
        """
        if name is None:
            return self._by_name.get(None)
        found = self.taxonomy.tier1(name)
        return self._by_name.get(found.name if found is not None else name.strip())

    def place(self, index: int) -> Placement:
        """Where the indicator at ``index`` sits."""
        return self.placements[index]

    @property
    def weight(self) -> Decimal:
        """The sum of every indicator's weight (the nodes' weights add up to it)."""
        return sum((t.weight for t in self.tiers), _ZERO)


def build_system(report: Report, tax: Taxonomy | None = None) -> IndicatorSystem:
    """Build ``report``'s indicator system against ``tax`` (default: the built-in taxonomy).

    Pure and uncached; :func:`indicator_system` is the one to call.
    """
    tax = tax if tax is not None else taxonomy()
    year = report.report.year
    # first-level name → second-level name → indices, in order of first use
    groups: dict[str | None, dict[str | None, list[int]]] = {}
    status1: dict[str | None, TierStatus] = {None: TierStatus.UNTIERED}
    written1: dict[str | None, list[str]] = {}
    written2: dict[tuple[str | None, str | None], list[str]] = {}
    # each distinct written name is looked up once: (canonical name, alias?)
    read1: dict[str, tuple[str, bool]] = {}
    read2: dict[str, tuple[str, bool]] = {}
    places: list[tuple[str | None, str | None, bool, bool]] = []
    for i, ind in enumerate(report.indicators):
        name1: str | None = None
        name2: str | None = None
        alias1 = alias2 = False
        if ind.tier1 is not None:
            as_written = ind.tier1.strip()
            if ind.tier1 not in read1:
                tier = tax.tier1(ind.tier1)
                if tier is None:
                    read1[ind.tier1] = (as_written, False)
                else:
                    read1[ind.tier1] = (tier.name, tier.name != as_written)
                    if tier.in_force(year):
                        status1[tier.name] = TierStatus.KNOWN
            name1, alias1 = read1[ind.tier1]
            status1.setdefault(name1, TierStatus.UNKNOWN)
            _add(written1.setdefault(name1, []), as_written)
        if ind.tier2 is not None:
            as_written = ind.tier2.strip()
            if ind.tier2 not in read2:
                canonical = tax.canonical_tier2(ind.tier2) or as_written
                read2[ind.tier2] = (canonical, canonical != as_written)
            name2, alias2 = read2[ind.tier2]
            _add(written2.setdefault((name1, name2), []), as_written)
        groups.setdefault(name1, {}).setdefault(name2, []).append(i)
        places.append((name1, name2, alias1, alias2))
    stated: dict[str, tuple[str, Decimal]] = {}
    if report.evaluation is not None:
        for ts in report.evaluation.tier_scores:
            found = tax.tier1_for_key(ts.tier)
            name = found.name if found is not None else ts.tier.strip()
            stated.setdefault(name, (ts.tier, ts.score))
    weights = [ind.weight for ind in report.indicators]
    firsts: list[FirstTier] = []
    for name1, seconds in groups.items():
        status = status1[name1]
        children = tuple(
            _second(tax, name1, status, name2, indices, written2.get((name1, name2), []), weights)
            for name2, indices in seconds.items()
        )
        names = written1.get(name1, [])
        entry = stated.get(name1) if name1 is not None else None
        firsts.append(
            FirstTier(
                name1,
                status,
                tuple(names),
                tuple(n for n in names if n != name1),
                children,
                tuple(sorted(i for t in children for i in t.indices)),
                sum((t.weight for t in children), _ZERO),
                entry[1] if entry is not None else None,
                entry[0] if entry is not None else None,
            )
        )
    for name, (key, value) in stated.items():
        if name in groups:
            continue
        found = tax.tier1(name)
        if found is not None and found.in_force(year):
            status = TierStatus.KNOWN
        elif name in EXECUTION_TIER_NAMES:
            status = TierStatus.EXECUTION
        else:
            status = TierStatus.UNKNOWN
        firsts.append(FirstTier(name, status, (), (), (), (), _ZERO, value, key))
    by_name = {t.name: t for t in firsts}
    placements = []
    for i, (name1, name2, alias1, alias2) in enumerate(places):
        first = by_name[name1]
        second = first.tier(name2)
        assert second is not None  # every indicator's pair of names has its node
        placements.append(Placement(i, first, second, alias1, alias2))
    return IndicatorSystem(year, tuple(firsts), tuple(placements), tax)


def _add(names: list[str], name: str) -> None:
    if name not in names:
        names.append(name)


def _second(
    tax: Taxonomy,
    parent: str | None,
    parent_status: TierStatus,
    name: str | None,
    indices: list[int],
    written: list[str],
    weights: list[Decimal | None],
) -> SecondTier:
    weight = sum((w for w in (weights[i] for i in indices) if w is not None), _ZERO)
    if name is None:
        return SecondTier(None, TierStatus.UNTIERED, (), (), (), False, tuple(indices), weight)
    homes = tuple(sorted(tax.homes(name)))  # a known tier2 has a home, an unknown one none
    return SecondTier(
        name,
        TierStatus.KNOWN if homes else TierStatus.UNKNOWN,
        tuple(written),
        tuple(n for n in written if n != name),
        homes,
        bool(homes) and parent_status is TierStatus.KNOWN and parent not in homes,
        tuple(indices),
        weight,
    )


# Built once per report object: the rules and scoring of one check share the tree.
_BUILT: dict[int, tuple[weakref.ref[Report], IndicatorSystem]] = {}
_LOCK = threading.Lock()


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
        with _LOCK:
            if key in _BUILT and _BUILT[key][0] is ref:
                del _BUILT[key]

    with _LOCK:
        entry = _BUILT.get(key)
        if entry is not None and entry[0]() is report:
            return entry[1]
        _BUILT[key] = (weakref.ref(report, forget), system)
    return system


_LABELS = {
    "zh": {
        "weight": "分值",
        "stated": "填报小计",
        "recomputed": "重算",
        "indicators": "指标",
        "untiered1": "（未填一级指标）",
        "untiered2": "（未填二级指标）",
        "unknown": "不在指标体系中",
        "execution": "预算执行",
        "misplaced": "应属于{home}",
    },
    "en": {
        "weight": "weight",
        "stated": "stated",
        "recomputed": "recomputed",
        "indicators": "indicators",
        "untiered1": "(no tier1)",
        "untiered2": "(no tier2)",
        "unknown": "not in the taxonomy",
        "execution": "budget execution",
        "misplaced": "belongs under {home}",
    },
}


def _figure(value: Decimal | None) -> str:
    return "—" if value is None else format(value, "f")


def _title(name: str | None, written: tuple[str, ...], untiered: str) -> str:
    if name is None:
        return untiered
    if not written or written == (name,):
        return name
    return f"{'、'.join(written)} → {name}"


def system_lines(
    system: IndicatorSystem,
    recomputed: Mapping[str | None, Decimal] | None = None,
    lang: str = "zh",
) -> list[str]:
    """The tree as indented text lines: name as written → canonical, weight, stated, recomputed.

    One line per first-level node (its recomputed subtotal from ``recomputed``,
    keyed by node name, e.g. :meth:`perfrules.ScoreSheet.recomputed_by_tier`),
    then one indented line per second-level node with its indicators' indices.
    ``lang`` is ``zh`` or ``en``.
    """
    words = _LABELS["en" if lang == "en" else "zh"]
    sep = "，" if lang != "en" else ", "
    out: list[str] = []
    for t in system.tiers:
        title = _title(t.name, t.written, words["untiered1"])
        notes = [words["unknown"]] if t.unknown else []
        notes += [words["execution"]] if t.execution else []
        line = [title + (f" ({sep.join(notes)})" if notes else "")]
        line.append(f"{words['weight']} {_figure(t.weight)}")
        key = f" ({t.stated_key})" if t.stated_key not in (None, t.name) else ""
        line.append(f"{words['stated']} {_figure(t.stated)}{key}")
        if recomputed is not None:
            line.append(f"{words['recomputed']} {_figure(recomputed.get(t.name))}")
        out.append("  ".join(line))
        for s in t.tiers:
            notes = [words["unknown"]] if s.unknown else []
            if s.misplaced:
                notes.append(words["misplaced"].format(home="、".join(s.homes)))
            title = _title(s.name, s.written, words["untiered2"])
            indices = ", ".join(str(i) for i in s.indices)
            out.append(
                "  "
                + "  ".join(
                    [
                        title + (f" ({sep.join(notes)})" if notes else ""),
                        f"{words['weight']} {_figure(s.weight)}",
                        f"{words['indicators']} {indices}",
                    ]
                )
            )
    return out
