"""The score sheet: every recomputed score, subtotal, total and grade of a report next to what it states.

:func:`perfrules.scoring.scorer.score` builds a :class:`ScoreSheet`. Every
stated-versus-recomputed comparison is data here (``matches``, ``in_range``,
``inflated`` …), so the score, total and grade rules only read the sheet.
Tier subtotals are keyed by the nodes of the report's indicator system
(:class:`~perfrules.document.system.FirstTier`), the one tree the taxonomy
rules read too.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import attrs

from perfrules.document.system import FirstTier, IndicatorSystem
from perfrules.messages import Joined, Message
from perfrules.messages import formulas as fm
from perfrules.messages.document import Text
from perfrules.messages.reasons import BASES
from perfrules.scoring.indicatorscore import REASONS, IndicatorScore, at_precision, figure
from perfrules.scoring.model import GradeBand, Profile

__all__ = [
    "ExecutionScore",
    "GradeResult",
    "IndicatorScore",
    "ScoreSheet",
    "TierSubtotal",
    "TotalScore",
]

_ZERO = Decimal(0)


@attrs.frozen
class TierSubtotal:
    """A first-level tier's subtotal: stated (``evaluation.tier_scores``), sum of stated, recomputed.

    ``node`` is the tier in the report's indicator system: its canonical name
    (``tier``), the names as written, its indicators (``indices``) and the
    subtotal the report states for it (``stated``, under the key
    ``stated_key`` as written, for ``about = evaluation.tier_scores.<key>``).
    ``weight`` is the sum of the tier's indicator weights (for a stated
    subtotal of the budget-execution part, the execution weight);
    ``expected_weight`` the profile's weight for the tier after moving the
    weight of absent tiers (None when the profile fixes none). ``partial`` is
    True when an indicator of the tier could not be scored.
    """

    node: FirstTier
    weight: Decimal
    expected_weight: Decimal | None
    stated_sum: Decimal | None
    recomputed: Decimal
    partial: bool
    quantum: Decimal = attrs.field(default=Decimal("0.01"), eq=False, repr=False)
    rounding: str = attrs.field(default=ROUND_HALF_UP, eq=False, repr=False)

    @property
    def tier(self) -> str:
        """The canonical name (as written for an unknown tier; empty for the untiered node)."""
        return self.node.name or ""

    @property
    def indices(self) -> tuple[int, ...]:
        """The tier's indicators, in document order."""
        return self.node.indices

    @property
    def stated(self) -> Decimal | None:
        """The subtotal the report states for the tier."""
        return self.node.stated

    @property
    def stated_key(self) -> str | None:
        """The ``tier_scores`` key the stated subtotal is written under."""
        return self.node.stated_key

    @property
    def matches(self) -> bool | None:
        """Stated subtotal equals the sum of the tier's stated scores (None: nothing to compare)."""
        if self.stated is None or self.stated_sum is None:
            return None
        q, mode = self.quantum, self.rounding
        return self.stated.quantize(q, mode) == self.stated_sum.quantize(q, mode)

    @property
    def weight_matches(self) -> bool | None:
        """The tier's indicator weights add up to the profile's weight for it (None: not fixed)."""
        return (
            None
            if self.expected_weight is None or not self.indices
            else self.weight == self.expected_weight
        )


@attrs.frozen
class ExecutionScore:
    """The budget-execution part (预算执行率得分).

    ``rate`` is the rate used, in percent and unrounded: executed/basis when
    both figures are given (``rate_source`` ``computed``), else the stated rate
    (``stated``). ``basis_from`` says which figure served as the basis
    (``adjusted``, ``initial+adjustment``, ``initial``). ``weight_source`` is
    ``report`` (budget.execution_weight), ``profile``, or ``remainder`` (the
    profile has no execution part and the report scores one: what the
    indicator weights leave of the total).
    """

    basis: str
    weight: Decimal
    weight_source: str
    cap: Decimal  # percent
    stated: Decimal | None = None
    recomputed: Decimal | None = None
    basis_amount: Decimal | None = None
    basis_from: str | None = None
    executed: Decimal | None = None
    rate: Decimal | None = None
    rate_source: str | None = None
    stated_rate: Decimal | None = None
    recomputed_from_stated_rate: Decimal | None = None
    reason: str | None = None
    exact: Decimal | None = attrs.field(default=None, eq=False, repr=False)
    quantum: Decimal = attrs.field(default=Decimal("0.01"), eq=False, repr=False)
    rounding: str = attrs.field(default=ROUND_HALF_UP, eq=False, repr=False)

    @property
    def counted(self) -> bool:
        """True when budget execution is part of the score (its weight is positive)."""
        return self.weight > 0

    @property
    def over_budget(self) -> bool | None:
        """Executed above the basis (None when unknown)."""
        if self.executed is None or self.basis_amount is None:
            return None
        return self.executed > self.basis_amount

    @property
    def stated_rounded(self) -> Decimal | None:
        """The stated execution score at the profile's precision."""
        return at_precision(self.stated, self.quantum, self.rounding)

    @property
    def in_range(self) -> bool | None:
        """0 ≤ stated ≤ weight (None when nothing is stated)."""
        return None if self.stated is None else _ZERO <= self.stated <= self.weight

    @property
    def matches(self) -> bool | None:
        """The stated score equals the recomputed one, from the computed or the stated rate."""
        s = self.stated_rounded
        if s is None or self.recomputed is None:
            return None
        return s == self.recomputed or s == self.recomputed_from_stated_rate

    def reason_text(self, lang: str = "zh") -> str | None:
        """Why the execution score could not be recomputed, in ``lang``."""
        message = self.reason_message()
        return message.render(lang) if message is not None else self.reason

    def reason_message(self) -> Message | None:
        """Why the execution score could not be recomputed, as a catalogue message (None: scored, or unknown)."""
        entry = REASONS.get(self.reason) if self.reason is not None else None
        if entry is None:
            return None
        if "basis" not in entry.names:
            return entry()
        name = BASES.get(self.basis)
        return entry(basis=name() if name else Text(text=self.basis))

    @property
    def formula(self) -> str:
        """How the execution score was reached, with its inputs (in English)."""
        return self.explanation("en")

    def explanation(self, lang: str = "zh") -> str:
        """How the execution score was reached, with its inputs, in ``lang``."""
        return self._how().render(lang)

    def _how(self) -> Message:
        if self.recomputed is None:
            if self.reason is None:
                return fm.NoExecutionPart()
            return fm.NotScored(reason=self.reason_message() or Text(text=self.reason))
        if not self.counted:
            return fm.NoExecutionWeight()
        rate = self.rate if self.rate is not None else _ZERO
        shown = figure(rate.quantize(Decimal("0.01"), rounding=self.rounding))
        head: Message
        if self.rate_source == "computed":
            basis = BASES.get(self.basis_from or "")
            head = fm.RateComputed(
                basis=basis() if basis else Text(text=self.basis_from or ""),
                executed=figure(self.executed),
                amount=figure(self.basis_amount),
                rate=shown,
            )
        else:
            head = fm.RateStated(rate=shown)
        weight, score = figure(self.weight), figure(self.recomputed)
        if rate > self.cap:
            tail: Message = fm.RateCapped(cap=figure(self.cap), weight=weight, score=score)
        else:
            tail = fm.RateTimesWeight(rate=shown, weight=weight, score=score)
        return Joined(parts=(head, tail))


@attrs.frozen
class TotalScore:
    """The total: stated (``evaluation.score``), the sum of the stated parts, and recomputed.

    ``stated_sum`` adds the stated indicator scores and the stated execution
    score (None when nothing is stated); ``missing_stated`` names the parts
    with a weight but no stated score (indicator keys, ``budget.execution_score``).
    ``weights`` adds the indicator weights and the execution weight, to be
    compared with ``expected_weights`` (the profile's total). ``partial`` is
    True when some part could not be recomputed.
    """

    stated: Decimal | None
    stated_sum: Decimal | None
    missing_stated: tuple[str, ...]
    recomputed: Decimal
    partial: bool
    weights: Decimal
    expected_weights: Decimal
    unweighted: tuple[str, ...] = ()
    quantum: Decimal = attrs.field(default=Decimal("0.01"), eq=False, repr=False)
    rounding: str = attrs.field(default=ROUND_HALF_UP, eq=False, repr=False)

    @property
    def stated_rounded(self) -> Decimal | None:
        """The stated total at the profile's precision."""
        return at_precision(self.stated, self.quantum, self.rounding)

    @property
    def sum_matches(self) -> bool | None:
        """The stated total equals the sum of the stated parts (None: nothing to compare)."""
        s = self.stated_rounded
        if s is None or self.stated_sum is None:
            return None
        return s == self.stated_sum.quantize(self.quantum, self.rounding)

    @property
    def weights_match(self) -> bool:
        """The weights add up to the profile's total."""
        return self.weights == self.expected_weights

    @property
    def inflated(self) -> bool | None:
        """The stated total is above the recomputed one (None when not comparable or partial)."""
        s = self.stated_rounded
        if s is None or self.partial:
            return None
        return s > self.recomputed

    @property
    def matches(self) -> bool | None:
        """The stated total equals the recomputed one (None when not comparable or partial)."""
        s = self.stated_rounded
        if s is None or self.partial:
            return None
        return s == self.recomputed


@attrs.frozen
class GradeResult:
    """The grade: the stated word, the band it names, and the bands the scores earn.

    ``stated_band`` is None for a word the profile does not know (PR123).
    ``of_stated_score`` is the band of ``evaluation.score``; ``of_recomputed``
    the band of the recomputed total (``recomputed_partial`` when that total
    is partial).
    """

    stated: str | None
    stated_band: GradeBand | None
    stated_score: Decimal | None
    of_stated_score: GradeBand | None
    recomputed_score: Decimal
    of_recomputed: GradeBand
    recomputed_partial: bool

    @property
    def known(self) -> bool | None:
        """The stated word names one of the profile's bands (None when no grade is stated)."""
        return None if self.stated is None else self.stated_band is not None

    @property
    def without_score(self) -> bool:
        """A grade is stated but no score (PR121)."""
        return self.stated is not None and self.stated_score is None

    @property
    def matches(self) -> bool | None:
        """The stated grade is the grade of the stated score (None: not comparable)."""
        if self.stated_band is None or self.of_stated_score is None:
            return None
        return self.stated_band == self.of_stated_score

    @property
    def inflated(self) -> bool | None:
        """The stated grade is better than the recomputed total's grade (None: not comparable)."""
        if self.stated_band is None or self.recomputed_partial:
            return None
        return self.stated_band.better_than(self.of_recomputed)


@attrs.frozen
class ScoreSheet:
    """A report's scores recomputed under a profile, next to what the report states."""

    profile: Profile = attrs.field(eq=False)
    indicators: tuple[IndicatorScore, ...]
    tiers: tuple[TierSubtotal, ...]
    execution: ExecutionScore
    total: TotalScore
    grade: GradeResult
    #: The report's indicator system the subtotals are keyed by.
    system: IndicatorSystem = attrs.field(eq=False, repr=False)
    #: The subtotal of the indicators that name no tier1 (not among ``tiers``).
    untiered: TierSubtotal | None = None

    @property
    def partial(self) -> bool:
        """True when some part could not be recomputed (the total is a lower bound)."""
        return self.total.partial

    @property
    def unscorable(self) -> tuple[IndicatorScore, ...]:
        """The indicators that could not be scored, each with its reason."""
        return tuple(s for s in self.indicators if s.recomputed is None)

    def indicator(self, key: str) -> IndicatorScore | None:
        """The score of the indicator with this ``indicator:<id or name>`` key."""
        for s in self.indicators:
            if s.key == key:
                return s
        return None

    def tier(self, name: str) -> TierSubtotal | None:
        """The subtotal of a (canonical) first-level tier."""
        for t in self.tiers:
            if t.tier == name:
                return t
        return None

    def subtotal(self, node: FirstTier) -> TierSubtotal | None:
        """The subtotal of a node of :attr:`system` (the untiered node's too)."""
        if node.name is None:
            return self.untiered
        for t in self.tiers:
            if t.node.name == node.name:
                return t
        return None

    @property
    def recomputed_by_tier(self) -> dict[str | None, Decimal]:
        """Each node's recomputed subtotal by node name (None: the untiered node).

        What :func:`~perfrules.document.systemtext.system_lines` shows next to the tree.
        """
        out: dict[str | None, Decimal] = {t.node.name: t.recomputed for t in self.tiers}
        if self.untiered is not None:
            out[None] = self.untiered.recomputed
        return out
