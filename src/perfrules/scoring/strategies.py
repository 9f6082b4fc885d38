"""The per-indicator scoring strategies (ge, eq, le, timing, qualitative): one indicator in, its IndicatorScore out.

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
Each strategy returns its findings as a plain tuple in :class:`Outcome`'s
field order, which :meth:`IndicatorScorer.indicator` passes on, positionally,
to an :class:`~perfrules.scoring.indicatorscore.IndicatorScore`
(:meth:`IndicatorScorer.outcome` gives the same as an :class:`Outcome`).

:func:`~perfrules.scoring.cells.read_values` reads the cells first (a
blank or dash-only cell is not filled in; 无 is none only where the other cell
aims at none); the rules read the cells the same way.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from perfrules._frozen import builder
from perfrules.document.model import Indicator
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
from perfrules.scoring.cells import read_values
from perfrules.scoring.indicatorscore import IndicatorScore
from perfrules.scoring.model import Profile, QualitativeBand

__all__ = ["IndicatorScorer", "Outcome"]

_ZERO = Decimal(0)
_ONE = Decimal(1)
_TWO = Decimal(2)
# enum members as plain names: reading one off its class costs as much as a dict lookup
_LE, _LT, _EQ, _GT = Op.LE, Op.LT, Op.EQ, Op.GT
_DATE = TimingKind.DATE


class Outcome(NamedTuple):
    """What scoring one indicator found: the parts of its IndicatorScore a strategy decides.

    ``recomputed`` is the score at the profile's precision, ``exact`` the
    unrounded one; the other fields are IndicatorScore's of the same name.
    The scorer itself passes the same fields on as a plain tuple (no class
    to build per indicator); this named form is what :meth:`IndicatorScorer.outcome` returns.
    """

    method: str
    recomputed: Decimal | None = None
    exact: Decimal | None = None
    reason: str | None = None
    met: bool | None = None
    ratio: Decimal | None = None
    exceeded: bool | None = None
    band: QualitativeBand | None = None
    op: Op | None = None
    strategy: str | None = None
    actual_value: Decimal | None = None
    target_value: Decimal | None = None
    unit: str = ""


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
    if target.kind is _DATE:
        if actual.kind is not _DATE:
            return True  # done on schedule / in time, by the report's own account
        tk, ak = _date_key(target, year), _date_key(actual, year)
        if tk is None or ak is None:
            return None
        return ak <= tk
    if actual.kind is _DATE:
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


#: The value classes, each its own kind; a subclass reads as the class it extends.
_VALUE_TYPES = (Comparison, Quantity, Timing, Qualitative, Unparsed)
_EXACT_TYPES = frozenset(_VALUE_TYPES)


def _kind(value: object) -> type:
    """The value class ``value`` is (``type(value)`` but for a subclass of one, which reads as it)."""
    cls = type(value)
    if cls in _EXACT_TYPES:
        return cls
    for base in _VALUE_TYPES:
        if isinstance(value, base):
            return base
    return cls


_D = Decimal | None
_S = str | None
_B = bool | None
#: An outcome as a plain tuple in IndicatorScore's field order, from ``recomputed`` to
#: ``exact``: (recomputed, method, reason, met, ratio, exceeded, band, op, strategy,
#: actual_value, target_value, unit, exact). What the strategies return.
_Fields = tuple[_D, str, _S, _B, _D, _B, "QualitativeBand | None", "Op | None", _S, _D, _D, str, _D]


def _unscored(method: str, reason: str | None, met: bool | None = None) -> _Fields:
    return (None, method, reason, met, None, None, None, None, None, None, None, "", None)


def _scored(
    method: str, exact: Decimal, rounded: Decimal, met: bool, band: QualitativeBand | None
) -> _Fields:
    return (rounded, method, None, met, None, None, band, None, None, None, None, "", exact)


_NO_TARGET = _unscored("none", "no-target")
_NO_ACTUAL = _unscored("none", "no-actual")
_UNREADABLE_TARGET = _unscored("none", "unreadable-target")
_UNREADABLE_ACTUAL = _unscored("none", "unreadable-actual")
_MISMATCH = _unscored("none", "mismatch")
_UNITS = _unscored("none", "units")


#: ``IndicatorScore(...)`` at the cost of a mutable object (see :mod:`perfrules._frozen`).
_IndicatorScore = builder(IndicatorScore)


class IndicatorScorer:
    """Scores indicators under one profile: its parameters unpacked once for the loop."""

    __slots__ = ("bands", "bare", "eq", "exceeded", "le", "profile", "q", "rmode", "year")

    def __init__(self, profile: Profile, year: int) -> None:
        self.profile = profile
        self.q = profile.quantum
        self.rmode = profile.rounding_mode
        self.exceeded = profile.exceeded_ratio
        self.le = profile.le_strategy
        self.eq = profile.eq_strategy
        self.bare = profile.bare_target
        self.bands = {q.level: q for q in profile.qualitative_bands}
        self.year = year

    def indicator(self, index: int, ind: Indicator, tier: str | None) -> IndicatorScore:
        """Score the indicator at ``index``, filed under the canonical first-level ``tier``."""
        # positional, in IndicatorScore's field order (keywords cost half as much again)
        return _IndicatorScore(
            ind, index, tier, ind.weight, ind.score, *self._fields(ind), self.q, self.rmode
        )

    def outcome(self, ind: Indicator) -> Outcome:
        """What the indicator's target, actual and weight give, by the strategy its target calls for."""
        (r, method, reason, met, ratio, exceeded, band, op, strategy, a, t, unit, exact) = (
            self._fields(ind)
        )
        return Outcome(
            method, r, exact, reason, met, ratio, exceeded, band, op, strategy, a, t, unit
        )

    def _fields(self, ind: Indicator) -> _Fields:
        """:meth:`outcome`'s fields as a plain tuple (see ``_Fields``): the strategy the target calls for."""
        target, actual = read_values(ind)
        if target is None:
            return _NO_TARGET
        if actual is None:
            return _NO_ACTUAL
        tk, ak = type(target), type(actual)
        if tk not in _EXACT_TYPES:  # a subclass (rare): read as the class it extends
            tk = _kind(target)
        if tk is Unparsed:
            return _UNREADABLE_TARGET
        if ak not in _EXACT_TYPES:
            ak = _kind(actual)
        if ak is Unparsed:
            return _UNREADABLE_ACTUAL
        w = ind.weight
        bad_weight = "no-weight" if w is None else ("bad-weight" if w < _ZERO else None)
        if tk is Comparison or tk is Quantity:
            if ak is not Quantity and ak is not Comparison:
                return _MISMATCH
            op = target.op if tk is Comparison else self.bare  # type: ignore[union-attr]
            return self._numeric(target, actual, op, w, bad_weight)  # type: ignore[arg-type]
        if tk is Timing:
            return self._timing(target, actual, w, bad_weight)  # type: ignore[arg-type]
        return self._qualitative(target, actual, w, bad_weight, ind.score)  # type: ignore[arg-type]

    def _timing(
        self, target: Timing, actual: object, w: Decimal | None, bad_weight: str | None
    ) -> _Fields:
        met = _timing_met(target, actual, self.year)
        if met is None:
            return _unscored("timing", "no-date" if isinstance(actual, Timing) else "mismatch")
        if bad_weight is not None or w is None:
            return _unscored("timing", bad_weight or "no-weight", met)
        exact = w if met else _ZERO
        return _scored("timing", exact, exact.quantize(self.q, self.rmode), met, None)

    def _qualitative(
        self,
        target: Qualitative,
        actual: object,
        w: Decimal | None,
        bad_weight: str | None,
        stated: Decimal | None,
    ) -> _Fields:
        if not isinstance(actual, Qualitative):
            return _unscored("qualitative", "mismatch")
        level, met = _level(target, actual)
        band = self.bands[level]
        if bad_weight is not None or w is None:
            reason = bad_weight or "no-weight"
            return (
                None,
                "qualitative",
                reason,
                met,
                None,
                None,
                band,
                None,
                None,
                None,
                None,
                "",
                None,
            )
        exact = self._in_band(band, w, stated)
        return _scored("qualitative", exact, exact.quantize(self.q, self.rmode), met, band)

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
        actual: Comparison | Quantity,
        op: Op,
        w: Decimal | None,
        bad_weight: str | None,
    ) -> _Fields:
        a, au = actual.value, actual.unit
        t, tu = target.value, target.unit
        unit = tu or au
        if au != tu and au and tu:
            a, au = canonical(a, au)
            t, tu = canonical(t, tu)
            if au != tu:
                return _UNITS
            unit = tu
        strategy: str | None = None
        ratio: Decimal | None = None
        if op is _LE or op is _LT:
            method = "le"
            met = a <= t if op is _LE else a < t
            if a > _ZERO and t >= _ZERO:
                ratio = t / a
            if met:
                frac = _ONE
            elif t <= _ZERO:
                frac, strategy = _ZERO, "zero-target"
            elif self.le == "linear-to-double":
                strategy = "linear-to-double"
                frac = (_TWO * t - a) / t
            else:
                strategy = "ratio"
                frac = t / a
        elif op is _EQ and t == _ZERO:
            method, strategy = "eq", "zero-target"
            met = a == _ZERO
            frac = _ONE if met else _ZERO
        else:
            if op is _EQ:
                method, strategy = "eq", self.eq
                met = a == t if strategy == "exact" else a >= t
            else:
                method = "ge"
                met = a >= t if op is not _GT else a > t
            if t > _ZERO:
                ratio = a / t
            if met:
                frac = _ONE
            elif t <= _ZERO:
                frac = _ZERO
            elif a > t:  # only "=" read exactly gets here: min/max
                frac = t / a
            else:
                frac = a / t
        # over-achievement (PR041) is about an actual far above its target: ≥, > and = only
        exceeded = None if ratio is None or method == "le" else ratio >= self.exceeded
        if w is None:
            return (
                None,
                method,
                "no-weight",
                met,
                ratio,
                exceeded,
                None,
                op,
                strategy,
                a,
                t,
                unit,
                None,
            )
        if bad_weight is not None:
            exact = rounded = None
        elif met:  # frac is 1: full marks
            exact = w
            rounded = w.quantize(self.q, self.rmode)
        else:
            if frac > _ONE:
                frac = _ONE
            elif frac < _ZERO:
                frac = _ZERO
            exact = frac * w
            rounded = exact.quantize(self.q, self.rmode)
        return (
            rounded,
            method,
            bad_weight,
            met,
            ratio,
            exceeded,
            None,
            op,
            strategy,
            a,
            t,
            unit,
            exact,
        )
