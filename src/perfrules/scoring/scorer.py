"""Recompute a report's scores, subtotals, total and grade under a scoring profile.

:func:`score` returns a :class:`ScoreSheet`: for every indicator the score the
profile's rules give it (or why it cannot be scored), the per-tier subtotals,
the budget-execution score, the total and the grade, each next to what the
report states. Every stated-versus-recomputed comparison is available as data
(``matches``, ``in_band``, ``in_range``, ``inflated`` …), so the score, total
and grade rules only read the sheet.

How an indicator is scored (``method``):

- ``ge`` (≥ and >, and a target written without operator when the profile
  reads it so): full marks when met, else actual/target × weight; never more
  than the weight.
- ``eq`` (=): ``as-ge`` reads it like ≥ (over-achievement is met); ``exact``
  gives min/max × weight when missed. A zero target is met only by zero.
- ``le`` (≤ and <, 反向指标): full marks when met, else by the profile's
  strategy: ``ratio`` target/actual × weight, ``linear-to-double`` falling
  linearly to 0 at twice the target. A zero target missed scores 0.
- ``timing`` (时效: ``12月底完成``): met or missed by date (the report's year when
  a date names none); full marks or 0.
- ``qualitative`` (是/否, 达成/部分达成/未达成 …): the actual's level (达成, 部分达成,
  未达成) gives a band of the weight (80–100%, 60–80%, 0–60% nationally); the
  stated score must lie in it. The recomputed score is the stated one when it
  does, else the nearest score in the band (full marks when nothing is stated
  and the target is achieved).

An actual and its target must measure the same unit (万页 and 页 do, after
folding the 万); a bare number on one side takes the other side's unit.

Scoring is pure (no I/O, no shared state) and cheap: the formula strings are
built only when asked for (:attr:`IndicatorScore.formula`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

import attrs

from perfrules.document.model import Indicator, Report
from perfrules.document.taxonomy import taxonomy
from perfrules.document.units import canonical
from perfrules.document.values import (
    Comparison,
    Op,
    Qualitative,
    Quantity,
    Timing,
    TimingKind,
    Unparsed,
)
from perfrules.scoring.profiles import GradeBand, Profile, QualitativeBand, load_profile

__all__ = [
    "REASONS",
    "ExecutionScore",
    "GradeResult",
    "IndicatorScore",
    "ScoreSheet",
    "TierSubtotal",
    "TotalScore",
    "score",
]

_ZERO = Decimal(0)
_ONE = Decimal(1)
_TWO = Decimal(2)
_HUNDRED = Decimal(100)

#: Why something could not be scored, by code: (Chinese, English) templates.
REASONS: Mapping[str, tuple[str, str]] = {
    "no-weight": ("未填写分值", "no weight is given"),
    "bad-weight": ("分值为负数", "the weight is negative"),
    "no-target": ("缺少年初目标值", "no target is given"),
    "no-actual": ("缺少实际完成值", "no actual is given"),
    "unreadable-target": ("无法识别目标值“{target}”", "the target {target!r} cannot be read"),
    "unreadable-actual": ("无法识别实际完成值“{actual}”", "the actual {actual!r} cannot be read"),
    "units": (
        "目标值与实际完成值单位不同（{target_unit} / {actual_unit}）",
        "target and actual are in different units ({target_unit} / {actual_unit})",
    ),
    "mismatch": (
        "目标值“{target}”与实际完成值“{actual}”无法比较",
        "the target {target!r} and the actual {actual!r} cannot be compared",
    ),
    "no-date": (
        "时间目标“{target}”与实际“{actual}”缺少可比较的日期",
        "the time target {target!r} and the actual {actual!r} give no dates to compare",
    ),
    "no-budget": ("缺少预算执行数据", "the budget block is missing"),
    "no-rate": (
        "缺少执行数或{basis_zh}，也未填报执行率",
        "no executed amount or {basis_en}, and no stated execution rate",
    ),
}

_BASIS_NAMES = {
    "adjusted": ("调整后预算数", "adjusted budget"),
    "initial": ("年初预算数", "initial budget"),
}

#: ``evaluation.tier_scores`` keys that stand for the budget-execution part.
EXECUTION_TIER_NAMES = frozenset(
    {"预算执行率", "预算执行", "预算执行情况", "预算资金执行率", "资金执行率"}
)


def _fmt(d: Decimal | None) -> str:
    return "—" if d is None else format(d, "f")


def _text(value: object) -> str:
    if value is None:
        return "—"
    raw = getattr(value, "raw", None)
    return raw if isinstance(raw, str) else str(value)


def _rounded(value: Decimal | None, quantum: Decimal, rounding: str) -> Decimal | None:
    """A stated figure at the profile's precision (None stays None)."""
    return None if value is None else value.quantize(quantum, rounding=rounding)


@attrs.frozen
class IndicatorScore:
    """One indicator's recomputed score next to the stated one.

    ``recomputed`` is rounded per the profile, or None with a ``reason`` code
    (see :data:`REASONS`). ``met`` says whether the target was reached (None
    when it cannot be judged); ``ratio`` is the completion ratio (actual/target,
    target/actual for ≤; 1 = 100%), ``exceeded`` whether actual/target reaches
    the profile's over-achievement threshold (≥, > and = targets only). ``band`` is the qualitative level's
    band for qualitative indicators. ``actual_value``/``target_value`` are the
    numbers compared (in ``unit``), kept for :attr:`formula`. ``indicator`` is
    the indicator itself (``key`` and ``tier1`` are read from it).
    """

    indicator: Indicator = attrs.field(eq=False, repr=False)
    index: int
    tier: str | None  # canonical first-level tier (效果指标 → 效益指标)
    weight: Decimal | None
    stated: Decimal | None
    recomputed: Decimal | None
    method: str  # ge | eq | le | timing | qualitative | none
    reason: str | None = None
    met: bool | None = None
    ratio: Decimal | None = None
    exceeded: bool | None = None
    band: QualitativeBand | None = None
    op: Op | None = None
    strategy: str | None = None  # le: ratio | linear-to-double; eq: as-ge | exact | zero-target
    actual_value: Decimal | None = None
    target_value: Decimal | None = None
    unit: str = ""
    exact: Decimal | None = attrs.field(default=None, eq=False, repr=False)  # unrounded
    quantum: Decimal = attrs.field(default=Decimal("0.01"), eq=False, repr=False)
    rounding: str = attrs.field(default=ROUND_HALF_UP, eq=False, repr=False)

    @property
    def key(self) -> str:
        """The indicator's subject: ``indicator:<id or name>``."""
        return self.indicator.key

    @property
    def tier1(self) -> str | None:
        """The first-level tier as written."""
        return self.indicator.tier1

    @property
    def path(self) -> str:
        """The indicator's key path in the document."""
        return f"indicators[{self.index}]"

    @property
    def scorable(self) -> bool:
        """True when a score was recomputed."""
        return self.recomputed is not None

    @property
    def qualitative(self) -> bool:
        """True for a qualitative indicator (scored by band)."""
        return self.band is not None

    @property
    def stated_rounded(self) -> Decimal | None:
        """The stated score at the profile's precision."""
        return _rounded(self.stated, self.quantum, self.rounding)

    @property
    def in_range(self) -> bool | None:
        """0 ≤ stated ≤ weight (None when either is missing)."""
        if self.stated is None or self.weight is None:
            return None
        return _ZERO <= self.stated <= self.weight

    @property
    def band_points(self) -> tuple[Decimal, Decimal] | None:
        """The qualitative band in points of this indicator's weight."""
        if self.band is None or self.weight is None:
            return None
        return self.band.points(self.weight)

    @property
    def in_band(self) -> bool | None:
        """Whether the stated score lies in the qualitative band (None when not applicable)."""
        if self.band is None or self.stated is None or self.weight is None:
            return None
        return self.band.contains(self.stated, self.weight)

    @property
    def matches(self) -> bool | None:
        """Stated score equals the recomputed one at the profile's precision.

        None when there is nothing to compare: no stated score, not scorable,
        or qualitative (judged by :attr:`in_band` instead).
        """
        if self.stated is None or self.recomputed is None or self.band is not None:
            return None
        return self.stated_rounded == self.recomputed

    @property
    def difference(self) -> Decimal | None:
        """stated − recomputed (at the profile's precision), when both exist."""
        s = self.stated_rounded
        return None if s is None or self.recomputed is None else s - self.recomputed

    def reason_text(self, lang: str = "zh") -> str | None:
        """Why the indicator could not be scored, in ``lang``."""
        if self.reason is None:
            return None
        zh, en = REASONS.get(self.reason, (self.reason, self.reason))
        ind = self.indicator
        params = {
            "target": _text(ind.target),
            "actual": _text(ind.actual),
            "target_unit": _unit_of(ind.target) or "无",
            "actual_unit": _unit_of(ind.actual) or "无",
        }
        return (en if lang == "en" else zh).format(**params)

    @property
    def formula(self) -> str:
        """How the score was reached, with its inputs, for a person to follow."""
        w = _fmt(self.weight)
        r = _fmt(self.recomputed)
        if self.recomputed is None:
            return f"not scored: {self.reason_text('en')}"
        ind = self.indicator
        if self.method == "qualitative":
            assert self.band is not None and self.weight is not None
            lo, hi = self.band.points(self.weight)
            upper = "]" if self.band.top else ")"
            head = (
                f"qualitative {_text(ind.actual)} → {self.band.word}: "
                f"{_fmt(self.band.low)}–{_fmt(self.band.high)}% of {w} = [{_fmt(lo)}, {_fmt(hi)}{upper}"
            )
            if self.stated is None:
                return f"{head}; nothing stated: {r}"
            if self.in_band:
                return f"{head}; stated {_fmt(self.stated)} in band: {r}"
            return f"{head}; stated {_fmt(self.stated)} outside the band, nearest in band: {r}"
        if self.method == "timing":
            head = f"time target {_text(ind.target)}, done {_text(ind.actual)}"
            return f"{head}: met, full marks {w}" if self.met else f"{head}: missed, 0"
        sym = self.op.symbol if self.op is not None else ""
        a, t, u = _fmt(self.actual_value), _fmt(self.target_value), self.unit
        if self.met:
            return f"{sym} met ({a}{u} vs {t}{u}): full marks {w}"
        if self.strategy == "zero-target":
            return f"{sym} target 0{u} missed by {a}{u}: 0"
        if self.method == "le":
            if self.strategy == "linear-to-double":
                return f"(2 × target − actual)/target × weight = (2 × {t} − {a})/{t} × {w} = {r}"
            return f"target/actual × weight = {t}/{a} × {w} = {r}"
        if self.strategy == "exact" and (self.actual_value or _ZERO) > (self.target_value or _ZERO):
            return f"target/actual × weight = {t}/{a} × {w} = {r}"
        return f"actual/target × weight = {a}/{t} × {w} = {r}"


def _unit_of(value: object) -> str:
    return getattr(value, "unit", "") or ""


@attrs.frozen
class TierSubtotal:
    """A first-level tier's subtotal: stated (``evaluation.tier_scores``), sum of stated, recomputed.

    ``tier`` is the canonical name; ``stated_key`` the key as the report wrote
    it in ``tier_scores`` (for ``about = evaluation.tier_scores.<key>``).
    ``expected_weight`` is the profile's weight for the tier after moving the
    weight of absent tiers (None when the profile fixes none); ``weight`` the
    sum of the tier's indicator weights. ``partial`` is True when an indicator
    of the tier could not be scored.
    """

    tier: str
    indices: tuple[int, ...]
    weight: Decimal
    expected_weight: Decimal | None
    stated: Decimal | None
    stated_key: str | None
    stated_sum: Decimal | None
    recomputed: Decimal
    partial: bool
    quantum: Decimal = attrs.field(default=Decimal("0.01"), eq=False, repr=False)
    rounding: str = attrs.field(default=ROUND_HALF_UP, eq=False, repr=False)

    @property
    def matches(self) -> bool | None:
        """Stated subtotal equals the sum of the tier's stated scores (None: nothing to compare)."""
        if self.stated is None or self.stated_sum is None:
            return None
        q = self.quantum
        return self.stated.quantize(q, rounding=self.rounding) == self.stated_sum.quantize(
            q, rounding=self.rounding
        )

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
        return _rounded(self.stated, self.quantum, self.rounding)

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
        if self.reason is None:
            return None
        zh, en = REASONS.get(self.reason, (self.reason, self.reason))
        names = _BASIS_NAMES.get(self.basis, (self.basis, self.basis))
        return (en if lang == "en" else zh).format(basis_zh=names[0], basis_en=names[1])

    @property
    def formula(self) -> str:
        """How the execution score was reached, with its inputs."""
        if self.recomputed is None:
            return f"not scored: {self.reason_text('en')}" if self.reason else "no execution part"
        if not self.counted:
            return "no execution part (weight 0)"
        rate = self.rate if self.rate is not None else _ZERO
        shown = _fmt(rate.quantize(Decimal("0.01"), rounding=self.rounding))
        if self.rate_source == "computed":
            head = f"rate = executed/{self.basis_from} = {_fmt(self.executed)}/{_fmt(self.basis_amount)} = {shown}%"
        else:
            head = f"rate = {shown}% (stated)"
        if rate > self.cap:
            return f"{head}; capped at {_fmt(self.cap)}%: {_fmt(self.cap)}% × {_fmt(self.weight)} = {_fmt(self.recomputed)}"
        return f"{head}; rate × weight = {shown}% × {_fmt(self.weight)} = {_fmt(self.recomputed)}"


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
        return _rounded(self.stated, self.quantum, self.rounding)

    @property
    def sum_matches(self) -> bool | None:
        """The stated total equals the sum of the stated parts (None: nothing to compare)."""
        s = self.stated_rounded
        if s is None or self.stated_sum is None:
            return None
        return s == self.stated_sum.quantize(self.quantum, rounding=self.rounding)

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


# --- scoring ------------------------------------------------------------------------


def _date_key(t: Timing, year: int) -> int | None:
    """A sortable key of a dated target or actual: yyyymmdd (day 99 = end of month)."""
    y = t.year if t.year is not None else year
    m = t.month
    if m is None:
        if t.year is None:
            return None
        m = 12
    return y * 10000 + m * 100 + (t.day if t.day is not None else 99)


def _timing_met(target: Timing, actual: object, year: int) -> bool | None:
    """Whether a time target was met; None when the two cannot be compared."""
    if isinstance(actual, Qualitative):
        return actual.positive
    if not isinstance(actual, Timing):
        return None
    if target.kind is TimingKind.DATE:
        if actual.kind is not TimingKind.DATE:
            return True  # done on schedule / in time, by the report's own account
        tk, ak = _date_key(target, year), _date_key(actual, year)
        if tk is None or ak is None:
            return None
        return ak <= tk
    if actual.kind is TimingKind.DATE:
        return None  # the plan's date is not known
    return True


def _level(target: Qualitative, actual: Qualitative) -> tuple[str, bool]:
    """The qualitative level (achieved / partial / missed) of ``actual`` against ``target``."""
    if target.family == actual.family:
        if target.rank == 0:  # a negative target (否: no accident happened): met only by itself
            met = actual.rank == 0
            return ("achieved" if met else "missed"), met
        if actual.rank >= target.rank:
            return "achieved", True
    elif actual.positive:
        return "achieved", True
    return ("partial" if actual.rank > 0 else "missed"), False


#: What scoring one indicator found, in IndicatorScore's field order after ``stated``:
#: recomputed, method, reason, met, ratio, exceeded, band, op, strategy,
#: actual_value, target_value, unit, exact.
_Outcome = tuple[
    Decimal | None,
    str,
    str | None,
    bool | None,
    Decimal | None,
    bool | None,
    QualitativeBand | None,
    Op | None,
    str | None,
    Decimal | None,
    Decimal | None,
    str,
    Decimal | None,
]


def _result(
    method: str,
    *,
    exact: Decimal | None = None,
    rounded: Decimal | None = None,
    reason: str | None = None,
    met: bool | None = None,
    ratio: Decimal | None = None,
    exceeded: bool | None = None,
    band: QualitativeBand | None = None,
    op: Op | None = None,
    strategy: str | None = None,
    actual: Decimal | None = None,
    target: Decimal | None = None,
    unit: str = "",
) -> _Outcome:
    """An outcome by name (recomputed is ``rounded``, the unrounded score ``exact``)."""
    return (
        rounded,
        method,
        reason,
        met,
        ratio,
        exceeded,
        band,
        op,
        strategy,
        actual,
        target,
        unit,
        exact,
    )


def _unscored(method: str, reason: str, met: bool | None = None) -> _Outcome:
    return _result(method, reason=reason, met=met)


class _Scorer:
    """Per-call scoring state: the profile's parameters unpacked once for the loop."""

    __slots__ = ("canon", "eq", "exceeded", "le", "profile", "q", "rmode", "tiers", "year")

    def __init__(self, profile: Profile, year: int) -> None:
        self.profile = profile
        self.q = profile.quantum
        self.rmode = profile.rounding_mode
        self.exceeded = profile.exceeded_ratio
        self.le = profile.le_strategy
        self.eq = profile.eq_strategy
        self.year = year
        self.canon = taxonomy().canonical_tier1
        self.tiers: dict[str | None, str | None] = {None: None}

    def indicator(self, index: int, ind: Indicator) -> IndicatorScore:
        """Score one indicator."""
        tier1 = ind.tier1
        try:
            tier = self.tiers[tier1]
        except KeyError:
            tier = self.tiers[tier1] = self.canon(tier1)
        return IndicatorScore(
            ind, index, tier, ind.weight, ind.score, *self._outcome(ind), self.q, self.rmode
        )

    def _outcome(self, ind: Indicator) -> _Outcome:
        target, actual, w = ind.target, ind.actual, ind.weight
        if target is None:
            return _unscored("none", "no-target")
        if actual is None:
            return _unscored("none", "no-actual")
        if isinstance(target, Unparsed):
            return _unscored("none", "unreadable-target")
        if isinstance(actual, Unparsed):
            return _unscored("none", "unreadable-actual")
        bad_weight = "no-weight" if w is None else ("bad-weight" if w < 0 else None)
        if isinstance(target, (Comparison, Quantity)):
            return self._numeric(target, actual, w, bad_weight)
        if isinstance(target, Timing):
            met = _timing_met(target, actual, self.year)
            if met is None:
                return _unscored("timing", "no-date" if isinstance(actual, Timing) else "mismatch")
            if bad_weight is not None or w is None:
                return _unscored("timing", bad_weight or "no-weight", met)
            exact = w if met else _ZERO
            return _result("timing", exact=exact, rounded=self._round(exact), met=met)
        # a qualitative target
        if not isinstance(actual, Qualitative):
            return _unscored("qualitative", "mismatch")
        level, met = _level(target, actual)
        band = self.profile.qualitative_band(level)
        if bad_weight is not None or w is None:
            return _result("qualitative", reason=bad_weight or "no-weight", met=met, band=band)
        exact = self._in_band(band, w, ind.score)
        return _result("qualitative", exact=exact, rounded=self._round(exact), met=met, band=band)

    def _round(self, value: Decimal) -> Decimal:
        return value.quantize(self.q, rounding=self.rmode)

    def _in_band(self, band: QualitativeBand, w: Decimal, stated: Decimal | None) -> Decimal:
        """The stated score when it lies in the band, else the nearest score in it."""
        lo, hi = band.points(w)
        if not band.top:
            hi -= self.q  # the band's upper edge belongs to the better band
            if hi < lo:
                hi = lo
        if stated is None or stated > hi:
            return hi
        if stated < lo:
            return lo
        return stated

    def _numeric(
        self,
        target: Comparison | Quantity,
        actual: object,
        w: Decimal | None,
        bad_weight: str | None,
    ) -> _Outcome:
        if isinstance(actual, (Quantity, Comparison)):
            a, au = actual.value, actual.unit
        else:
            return _unscored("none", "mismatch")
        t, tu = target.value, target.unit
        unit = tu or au
        if au != tu and au and tu:
            a, au = canonical(a, au)
            t, tu = canonical(t, tu)
            if au != tu:
                return _unscored("none", "units")
            unit = tu
        op = target.op if isinstance(target, Comparison) else self.profile.bare_target
        strategy: str | None = None
        ratio: Decimal | None = None
        if op is Op.LE or op is Op.LT:
            method = "le"
            met = a <= t if op is Op.LE else a < t
            if a > 0 and t >= 0:
                ratio = t / a
            if met:
                frac = _ONE
            elif t <= 0:
                frac, strategy = _ZERO, "zero-target"
            elif self.le == "linear-to-double":
                strategy = "linear-to-double"
                frac = (_TWO * t - a) / t
            else:
                strategy = "ratio"
                frac = t / a
        elif op is Op.EQ and t == 0:
            method, strategy = "eq", "zero-target"
            met = a == 0
            frac = _ONE if met else _ZERO
        else:
            if op is Op.EQ:
                method, strategy = "eq", self.eq
                met = a == t if strategy == "exact" else a >= t
            else:
                method = "ge"
                met = a >= t if op is not Op.GT else a > t
            if t > 0:
                ratio = a / t
            if met:
                frac = _ONE
            elif t <= 0:
                frac = _ZERO
            elif a > t:  # only "=" read exactly gets here: min/max
                frac = t / a
            else:
                frac = a / t
        if frac > _ONE:
            frac = _ONE
        elif frac < _ZERO:
            frac = _ZERO
        # over-achievement (PR041) is about an actual far above its target: ≥, > and = only
        exceeded = None if ratio is None or method == "le" else ratio >= self.exceeded
        if bad_weight is not None or w is None:
            exact = rounded = None
        else:
            exact = w if met else frac * w
            rounded = self._round(exact)
        return _result(
            method,
            exact=exact,
            rounded=rounded,
            reason=bad_weight if w is not None else "no-weight",
            met=met,
            ratio=ratio,
            exceeded=exceeded,
            op=op,
            strategy=strategy,
            actual=a,
            target=t,
            unit=unit,
        )


def _execution(report: Report, profile: Profile, indicator_weights: Decimal) -> ExecutionScore:
    b = report.budget
    q, mode = profile.quantum, profile.rounding_mode
    basis = profile.execution_basis
    stated = b.execution_score if b is not None else None
    if b is not None and b.execution_weight is not None:
        weight, weight_source = b.execution_weight, "report"
    elif profile.execution_weight > 0 or not profile.execution_weight_from_report or stated is None:
        weight, weight_source = profile.execution_weight, "profile"
    else:  # the profile has no execution part, the report scores one on its own form
        remainder = profile.total - indicator_weights
        weight, weight_source = (remainder if remainder > 0 else _ZERO), "remainder"
    cap = profile.execution_cap
    # with no weight there is nothing to earn: 0, whatever the figures
    nothing = None if weight > 0 else _ZERO
    if b is None:
        return ExecutionScore(
            basis,
            weight,
            weight_source,
            cap,
            recomputed=nothing,
            reason="no-budget" if nothing is None else None,
            exact=nothing,
            quantum=q,
            rounding=mode,
        )
    amount: Decimal | None = None
    basis_from: str | None = None
    if basis == "initial":
        if b.initial is not None:
            amount, basis_from = b.initial.amount, "initial"
    elif b.adjusted is not None:
        amount, basis_from = b.adjusted.amount, "adjusted"
    elif b.initial is not None and b.adjustment is not None:
        amount, basis_from = b.initial.amount + b.adjustment.amount, "initial+adjustment"
    elif b.initial is not None:
        amount, basis_from = b.initial.amount, "initial"  # no adjustment stated
    executed = b.executed.amount if b.executed is not None else None
    stated_rate = b.execution_rate.value if b.execution_rate is not None else None
    rate: Decimal | None = None
    rate_source: str | None = None
    if executed is not None and amount is not None and amount > 0:
        rate, rate_source = executed * _HUNDRED / amount, "computed"
    elif stated_rate is not None:
        rate, rate_source = stated_rate, "stated"

    def points(r: Decimal) -> Decimal:
        r = cap if r > cap else (_ZERO if r < 0 else r)
        return r * weight / _HUNDRED

    exact = points(rate) if rate is not None else nothing
    return ExecutionScore(
        basis,
        weight,
        weight_source,
        cap,
        stated=stated,
        recomputed=None if exact is None else exact.quantize(q, rounding=mode),
        basis_amount=amount,
        basis_from=basis_from,
        executed=executed,
        rate=rate,
        rate_source=rate_source,
        stated_rate=stated_rate,
        recomputed_from_stated_rate=(
            None if stated_rate is None else points(stated_rate).quantize(q, rounding=mode)
        ),
        reason="no-rate" if exact is None else None,
        exact=exact,
        quantum=q,
        rounding=mode,
    )


def _tier_key(name: str) -> str:
    """The canonical tier a ``tier_scores`` key stands for (``效果指标`` → 效益指标, ``产出`` → 产出指标)."""
    tax = taxonomy()
    name = name.strip()
    for candidate in (name, name + "指标"):
        tier = tax.tier1(candidate)
        if tier is not None:
            return tier.name
    return name


def _tiers(
    report: Report, profile: Profile, scores: list[IndicatorScore], execution: ExecutionScore
) -> tuple[TierSubtotal, ...]:
    q = profile.quantum
    groups: dict[str, list[IndicatorScore]] = {}
    for s in scores:
        if s.tier is not None:
            groups.setdefault(s.tier, []).append(s)
    stated: dict[str, tuple[str, Decimal]] = {}
    ev = report.evaluation
    if ev is not None:
        for ts in ev.tier_scores:
            stated.setdefault(_tier_key(ts.tier), (ts.tier, ts.score))
    # expected weights, with the weight of absent "redistribute" tiers moved to present ones
    expected: dict[str, Decimal] = {}
    moved = _ZERO
    for rule in profile.tiers:
        if rule.weight is None:
            continue
        if rule.name in groups or rule.absent != "redistribute":
            expected[rule.name] = rule.weight
        else:
            moved += rule.weight
    if moved:
        present = {n: w for n, w in expected.items() if n in groups}
        base = sum(present.values(), _ZERO)
        if base > 0:
            for n, w in present.items():
                expected[n] = w + moved * w / base
    out: list[TierSubtotal] = []
    names = [*groups, *(n for n in stated if n not in groups)]
    for name in names:
        members = groups.get(name, [])
        key, value = stated.get(name, (None, None))
        if not members and name in EXECUTION_TIER_NAMES:
            out.append(
                TierSubtotal(
                    name,
                    (),
                    execution.weight,
                    None,
                    value,
                    key,
                    execution.stated,
                    execution.recomputed if execution.recomputed is not None else _ZERO,
                    execution.recomputed is None,
                    q,
                    profile.rounding_mode,
                )
            )
            continue
        weight = sum((s.weight for s in members if s.weight is not None), _ZERO)
        stated_scores = [s.stated for s in members if s.stated is not None]
        recomputed = sum((s.recomputed for s in members if s.recomputed is not None), _ZERO)
        partial = any(s.recomputed is None for s in members)
        out.append(
            TierSubtotal(
                name,
                tuple(s.index for s in members),
                weight,
                expected.get(name),
                value,
                key,
                sum(stated_scores, _ZERO) if stated_scores else None,
                recomputed,
                partial,
                q,
                profile.rounding_mode,
            )
        )
    return tuple(out)


def score(report: Report, profile: Profile | str | None = None) -> ScoreSheet:
    """Recompute ``report``'s scores under ``profile`` (default: the report's own, else ``national``).

    A string names a built-in profile or a profile file and is loaded for the
    report's year (:func:`~perfrules.scoring.profiles.load_profile`, cached for
    built-ins). A report's ``budget.execution_weight`` overrides the
    profile's execution weight.
    """
    if not isinstance(profile, Profile):
        profile = load_profile(profile or report.report.profile or "national", report.report.year)
    scorer = _Scorer(profile, report.report.year)
    scores = [scorer.indicator(i, ind) for i, ind in enumerate(report.indicators)]
    indicator_weights = _ZERO
    unweighted: list[str] = []
    for s in scores:
        if s.weight is None:
            unweighted.append(s.key)
        else:
            indicator_weights += s.weight
    execution = _execution(report, profile, indicator_weights)
    # the total: per-indicator rounded scores (or exact ones when the profile rounds only the sum)
    per = profile.per_indicator_rounding
    recomputed = _ZERO
    partial = False
    stated_sum = _ZERO
    any_stated = False
    missing: list[str] = []
    for s in scores:
        value = s.recomputed if per else s.exact
        if value is None:
            partial = True
        else:
            recomputed += value
        if s.stated is not None:
            stated_sum += s.stated
            any_stated = True
        elif s.weight:
            missing.append(s.key)
    if execution.counted:
        value = execution.recomputed if per else execution.exact
        if value is None:
            partial = True
        else:
            recomputed += value
        if execution.stated is not None:
            stated_sum += execution.stated
            any_stated = True
        else:
            missing.append("budget.execution_score")
    elif execution.stated is not None:  # a stated execution score worth nothing still adds up
        stated_sum += execution.stated
        any_stated = True
    recomputed = recomputed.quantize(profile.quantum, rounding=profile.rounding_mode)
    ev = report.evaluation
    stated_total = ev.score if ev is not None else None
    total = TotalScore(
        stated_total,
        stated_sum if any_stated else None,
        tuple(missing),
        recomputed,
        partial,
        indicator_weights + execution.weight,
        profile.total,
        tuple(unweighted),
        profile.quantum,
        profile.rounding_mode,
    )
    stated_word = ev.grade if ev is not None else None
    grade = GradeResult(
        stated_word,
        profile.band_of_word(stated_word) if stated_word is not None else None,
        stated_total,
        profile.grade_for(stated_total) if stated_total is not None else None,
        recomputed,
        profile.grade_for(recomputed),
        partial,
    )
    tiers = _tiers(report, profile, scores, execution)
    return ScoreSheet(profile, tuple(scores), tiers, execution, total, grade)
