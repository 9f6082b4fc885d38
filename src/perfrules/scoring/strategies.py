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
Each strategy returns an :class:`Outcome`, which
:meth:`IndicatorScorer.indicator` turns into an
:class:`~perfrules.scoring.indicatorscore.IndicatorScore` field by field.

Before any strategy, :func:`read_values` reads the cells that hold no
written value: a cell left blank, or holding only dashes, slashes or dots
(``—``, ``/``, as exported tables write an empty cell), is not filled in;
``无`` (暂无, 没有) means "none" — zero, or 否 — where the other cell says
none is the aim (``0起``, ``否``, ``无``, ``零事故`` …: 无 as the actual of
``0起`` is met), and is not filled in otherwise (无 against ``≥100人`` or
``≤1起`` states no result). The rules read the cells the same way.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

import attrs

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
    Value,
)
from perfrules.scoring.indicatorscore import IndicatorScore
from perfrules.scoring.model import Profile, QualitativeBand

__all__ = ["IndicatorScorer", "Outcome", "read_value", "read_values"]

_ZERO = Decimal(0)
_ONE = Decimal(1)
_TWO = Decimal(2)

#: A cell with nothing in it: blank, or only dashes, slashes and dots, or N/A.
_BLANK = re.compile(r"[\s\u3000\-‐‑‒–—―─－/／\\.。·…]*|[Nn]/?[Aa]")
#: The words for "none": a value only where the other cell aims at none.
_NONE_WORDS = frozenset({"无", "暂无", "没有"})
#: A target or actual written as a none: 无重大安全事故, 零事故, 未发生, 杜绝… (not 无法, 无偿).
_NONE_TEXT = re.compile(r"(?:无(?![法偿])|暂无|零|没有|未发生|不发生|杜绝)")


def _aims_at_none(other: Value | None) -> bool:
    """True when the other cell of the row says none is the aim or the result: 0, 否, 无, 零事故 ….

    A ≤ target that is not zero (≤1起, ≤95.81万元) is no such sign: 无 against
    it may as well be a cell left unfilled.
    """
    if isinstance(other, (Comparison, Quantity)):
        return other.value == 0
    if isinstance(other, Qualitative):
        return other.family == "yes_no" and other.rank == 0
    if isinstance(other, Unparsed):
        return _NONE_TEXT.match(other.raw.strip()) is not None
    return False


#: (blank, a none word) of a cell's text; _WRITTEN when it is neither (most cells).
_WRITTEN = (False, False)
_TEXT_FLAGS: dict[str, tuple[bool, bool]] = {}
_TEXT_FLAGS_MAX = 4096


def _text_flags(raw: str) -> tuple[bool, bool]:
    """Whether a cell's text is blank (dashes, slashes …) and whether it is a bare none word."""
    text = raw.strip()
    blank = _BLANK.fullmatch(text) is not None
    none = text in _NONE_WORDS
    flags = _WRITTEN if not blank and not none else (blank, none)
    if len(_TEXT_FLAGS) < _TEXT_FLAGS_MAX:
        _TEXT_FLAGS[raw] = flags
    return flags


def read_value(value: Value | None, other: Value | None, *, target: bool) -> Value | None:
    """A target (``target=True``) or actual as judged next to the ``other`` cell of its row.

    None when nothing is filled in: no value, a blank or dash-only cell, or
    无 where the other cell does not aim at none. 无 where it does reads as
    否 against 否 and as zero otherwise (``=0`` as a target, ``0`` as an actual,
    in the other cell's unit). Every other value is returned as it is.
    """
    if value is None:
        return None
    raw = value.raw
    if raw is None:
        return value  # given as a number or a table: filled in
    flags = _TEXT_FLAGS.get(raw)
    if flags is None:
        flags = _text_flags(raw)
    if flags is _WRITTEN:
        return value  # the common case: a value written out
    if flags[0] and isinstance(value, Unparsed):
        return None
    if not flags[1]:
        return value  # 零事故, 无安全事故 … say none in so many words: read as parsed (= 0)
    if not _aims_at_none(other):
        return None
    if isinstance(other, Qualitative):
        return attrs.evolve(other, raw=raw)
    unit = other.unit if isinstance(other, (Comparison, Quantity)) else ""
    if target:
        return Comparison(Op.EQ, _ZERO, unit, raw=raw)
    return Quantity(_ZERO, unit, raw=raw)


def read_values(ind: Indicator) -> tuple[Value | None, Value | None]:
    """The indicator's target and actual as judged (:func:`read_value`)."""
    return (
        read_value(ind.target, ind.actual, target=True),
        read_value(ind.actual, ind.target, target=False),
    )


class Outcome(NamedTuple):
    """What scoring one indicator found: the parts of its IndicatorScore a strategy decides.

    ``recomputed`` is the score at the profile's precision, ``exact`` the
    unrounded one; the other fields are IndicatorScore's of the same name.
    An immutable tuple rather than an attrs class: one is made per indicator
    and read once, and a tuple is built in a third of the time.
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


class IndicatorScorer:
    """Scores indicators under one profile: its parameters unpacked once for the loop."""

    __slots__ = ("eq", "exceeded", "le", "profile", "q", "rmode", "year")

    def __init__(self, profile: Profile, year: int) -> None:
        self.profile = profile
        self.q = profile.quantum
        self.rmode = profile.rounding_mode
        self.exceeded = profile.exceeded_ratio
        self.le = profile.le_strategy
        self.eq = profile.eq_strategy
        self.year = year

    def indicator(self, index: int, ind: Indicator, tier: str | None) -> IndicatorScore:
        """Score the indicator at ``index``, filed under the canonical first-level ``tier``."""
        o = self.outcome(ind)
        return IndicatorScore(
            indicator=ind,
            index=index,
            tier=tier,
            weight=ind.weight,
            stated=ind.score,
            recomputed=o.recomputed,
            method=o.method,
            reason=o.reason,
            met=o.met,
            ratio=o.ratio,
            exceeded=o.exceeded,
            band=o.band,
            op=o.op,
            strategy=o.strategy,
            actual_value=o.actual_value,
            target_value=o.target_value,
            unit=o.unit,
            exact=o.exact,
            quantum=self.q,
            rounding=self.rmode,
        )

    def outcome(self, ind: Indicator) -> Outcome:
        """What the indicator's target, actual and weight give, by the strategy its target calls for."""
        (target, actual), w = read_values(ind), ind.weight
        if target is None:
            return Outcome("none", reason="no-target")
        if actual is None:
            return Outcome("none", reason="no-actual")
        if isinstance(target, Unparsed):
            return Outcome("none", reason="unreadable-target")
        if isinstance(actual, Unparsed):
            return Outcome("none", reason="unreadable-actual")
        bad_weight = "no-weight" if w is None else ("bad-weight" if w < 0 else None)
        if isinstance(target, (Comparison, Quantity)):
            return self._numeric(target, actual, w, bad_weight)
        if isinstance(target, Timing):
            return self._timing(target, actual, w, bad_weight)
        return self._qualitative(target, actual, w, bad_weight, ind.score)

    def _round(self, value: Decimal) -> Decimal:
        return value.quantize(self.q, rounding=self.rmode)

    def _timing(
        self, target: Timing, actual: object, w: Decimal | None, bad_weight: str | None
    ) -> Outcome:
        met = _timing_met(target, actual, self.year)
        if met is None:
            return Outcome("timing", reason="no-date" if isinstance(actual, Timing) else "mismatch")
        if bad_weight is not None or w is None:
            return Outcome("timing", reason=bad_weight or "no-weight", met=met)
        exact = w if met else _ZERO
        return Outcome("timing", recomputed=self._round(exact), exact=exact, met=met)

    def _qualitative(
        self,
        target: Qualitative,
        actual: object,
        w: Decimal | None,
        bad_weight: str | None,
        stated: Decimal | None,
    ) -> Outcome:
        if not isinstance(actual, Qualitative):
            return Outcome("qualitative", reason="mismatch")
        level, met = _level(target, actual)
        band = self.profile.qualitative_band(level)
        if bad_weight is not None or w is None:
            return Outcome("qualitative", reason=bad_weight or "no-weight", met=met, band=band)
        exact = self._in_band(band, w, stated)
        return Outcome(
            "qualitative", recomputed=self._round(exact), exact=exact, met=met, band=band
        )

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
    ) -> Outcome:
        if isinstance(actual, (Quantity, Comparison)):
            a, au = actual.value, actual.unit
        else:
            return Outcome("none", reason="mismatch")
        t, tu = target.value, target.unit
        unit = tu or au
        if au != tu and au and tu:
            a, au = canonical(a, au)
            t, tu = canonical(t, tu)
            if au != tu:
                return Outcome("none", reason="units")
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
        return Outcome(
            method,
            recomputed=rounded,
            exact=exact,
            reason=bad_weight if w is not None else "no-weight",
            met=met,
            ratio=ratio,
            exceeded=exceeded,
            op=op,
            strategy=strategy,
            actual_value=a,
            target_value=t,
            unit=unit,
        )
