"""What the interpreters find, before it becomes a document: statements with their origins, and review items.

Every reader (tables, budget prose, indicator prose, claims, header) adds
:class:`Stated` values to a :class:`Draft`: a value, where it was read
(:class:`~perfrules.document.provenance.Traced`), the section it stands in,
and a rank. The assembler keeps the best-ranked statement of each field as
the value and turns the others into ``[[claims]]``: the report said the
figure twice. What only a person can decide is a :class:`Review`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from perfrules.document.provenance import Traced
from perfrules.messages import Message

__all__ = ["Amount", "Draft", "IndicatorDraft", "LineDraft", "Review", "Stated"]

#: Ranks: a form's table beats a labelled field, which beats running prose.
TABLE, LABELLED, PROSE = 0, 1, 2


@attrs.frozen
class Amount:
    """An amount of money as written: its number (written exponent kept) and unit (元, 万元, 亿元)."""

    value: Decimal
    unit: str

    def negated(self) -> Amount:
        """The same amount with the opposite sign (an adjustment written as 调减)."""
        return Amount(-self.value, self.unit)


@attrs.frozen
class Stated:
    """One statement of a value: what, where it was read, in which section, and how much it is trusted."""

    value: Any  # Amount, Decimal (percent or points), str, int, datetime.date, bool
    origin: Traced
    source: str = ""  # the section it stands in, by titles
    rank: int = PROSE
    order: int = 0  # document order: block index × 100000 + character
    note: str = ""  # why it was read this way, for the comment beside it


@attrs.frozen
class Review:
    """A value only a person can decide: the alternatives, why, and whether one was written live.

    ``about`` names the field in claim syntax (``budget.adjustment``,
    ``line:basic.executed``, ``report.year``). When the field is required
    ``chosen`` is the alternative written live; otherwise every alternative
    is written commented out.
    """

    about: str
    #: Why a person must decide (a message of the catalogue; both languages are written).
    message: Message
    alternatives: tuple[tuple[Any, str], ...]  # (value, note)
    origin: Traced
    chosen: Any = None

    @property
    def reason(self) -> str:
        """Why, in English."""
        return self.message.render("en")

    @property
    def reason_zh(self) -> str:
        """Why, in Chinese."""
        return self.message.render("zh")


@attrs.define
class LineDraft:
    """A budget line being read: label, kind, stable id, parent id, and the statements of its figures."""

    id: str
    label: str
    kind: str
    origin: Traced
    source: str = ""
    parent: str | None = None
    budget: list[Stated] = attrs.field(factory=list)
    executed: list[Stated] = attrs.field(factory=list)
    share: list[Stated] = attrs.field(factory=list)
    #: 年初 figures, when 全年 ones are stated too
    initial_budget: list[Stated] = attrs.field(factory=list)
    key: str = ""  # the label folded: a line is identified by it under its parent


@attrs.define
class IndicatorDraft:
    """An indicator being read: its name and tiers, and the statements of each of its fields."""

    name: str
    origin: Traced
    source: str = ""
    goal: Stated | None = None
    tier1: Stated | None = None
    tier2: Stated | None = None
    fields: dict[str, list[Stated]] = attrs.field(factory=dict)
    id: str | None = None
    order: int = 0

    def add(self, field: str, stated: Stated) -> None:
        """Add a statement of ``field`` (target, actual, weight …)."""
        self.fields.setdefault(field, []).append(stated)


@attrs.define
class Draft:
    """Everything found in one report, by part."""

    info: dict[str, list[Stated]] = attrs.field(factory=dict)
    budget: dict[str, list[Stated]] = attrs.field(factory=dict)
    lines: list[LineDraft] = attrs.field(factory=list)
    indicators: list[IndicatorDraft] = attrs.field(factory=list)
    evaluation: dict[str, list[Stated]] = attrs.field(factory=dict)
    narrative: dict[str, list[Stated]] = attrs.field(factory=dict)
    claims: list[tuple[str, Stated]] = attrs.field(factory=list)  # (about, statement)
    reviews: list[Review] = attrs.field(factory=list)
    unplaced: list[Stated] = attrs.field(factory=list)  # figures read but held by no field
    #: (block, char) of the figures read as an indicator's, which budget prose leaves alone
    consumed: set[tuple[int, int]] = attrs.field(factory=set)
    _by_id: dict[str, LineDraft] = attrs.field(factory=dict, init=False, repr=False)
    _labels: dict[tuple[str | None, str], LineDraft] = attrs.field(
        factory=dict, init=False, repr=False
    )
    _indexed: int = attrs.field(default=-1, init=False, repr=False)

    def state(self, part: dict[str, list[Stated]], field: str, stated: Stated) -> None:
        """Add a statement of ``field`` to ``part`` (``self.info``, ``self.budget`` …)."""
        part.setdefault(field, []).append(stated)

    def line(self, line_id: str) -> LineDraft | None:
        """The line with this id, if read."""
        return self._index().get(line_id)

    def _index(self) -> dict[str, LineDraft]:
        # lines are only appended while reading and removed while assembling: the count tells
        if self._indexed != len(self.lines):
            self._by_id = {ln.id: ln for ln in self.lines}
            self._labels = {(ln.parent, ln.key): ln for ln in reversed(self.lines)}
            self._indexed = len(self.lines)
        return self._by_id

    def line_by_label(self, parent: str | None, key: str) -> LineDraft | None:
        """The line under ``parent`` whose folded label is ``key``, if read."""
        self._index()
        return self._labels.get((parent, key))
