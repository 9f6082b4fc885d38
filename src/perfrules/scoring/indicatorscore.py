"""One indicator's recomputed score next to the stated one (IndicatorScore), and why an indicator may not be scorable.

The per-indicator strategies (:mod:`perfrules.scoring.strategies`) fill an
:class:`IndicatorScore`; its comparisons (``matches``, ``in_band``,
``in_range`` …) are what the score rules read, and :attr:`IndicatorScore.formula`
spells out, only when asked, how the score was reached.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import attrs

from perfrules.document.model import Indicator
from perfrules.document.values import Op
from perfrules.messages import Joined, Message, reasons
from perfrules.messages import formulas as fm
from perfrules.messages.document import Text
from perfrules.scoring.model import QualitativeBand

__all__ = ["REASONS", "IndicatorScore", "at_precision", "figure"]

_ZERO = Decimal(0)

#: Why something could not be scored: the catalogue's entry of each reason code.
REASONS = reasons.REASONS


def figure(d: Decimal | None) -> str:
    """A figure for a formula: its digits, or ``—`` for none."""
    return "—" if d is None else format(d, "f")


def _text(value: object) -> str:
    if value is None:
        return "—"
    raw = getattr(value, "raw", None)
    return raw if isinstance(raw, str) else str(value)


def at_precision(value: Decimal | None, quantum: Decimal, rounding: str) -> Decimal | None:
    """A stated figure at the profile's precision (None stays None)."""
    return None if value is None else value.quantize(quantum, rounding)


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
        return at_precision(self.stated, self.quantum, self.rounding)

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
        message = self.reason_message()
        return message.render(lang) if message is not None else self.reason

    def reason_message(self) -> Message | None:
        """Why the indicator could not be scored, as a message of the catalogue (None: scored, or an unknown reason)."""
        entry = REASONS.get(self.reason) if self.reason is not None else None
        if entry is None:
            return None
        ind = self.indicator
        params = {
            "target": _text(ind.target),
            "actual": _text(ind.actual),
            "target_unit": _unit_of(ind.target) or "无",
            "actual_unit": _unit_of(ind.actual) or "无",
        }
        return entry(**{k: v for k, v in params.items() if k in entry.names})

    @property
    def formula(self) -> str:
        """How the score was reached, with its inputs, for a person to follow (in English)."""
        return self.explanation("en")

    def explanation(self, lang: str = "zh") -> str:
        """How the score was reached, with its inputs, in ``lang``."""
        return self._how().render(lang)

    def _how(self) -> Message:
        w = figure(self.weight)
        r = figure(self.recomputed)
        if self.recomputed is None:
            return fm.NotScored(reason=self.reason_message() or Text(text=self.reason or ""))
        ind = self.indicator
        if self.method == "qualitative":
            assert self.band is not None and self.weight is not None
            lo, hi = self.band.points(self.weight)
            head = fm.QualitativeBand(
                actual=_text(ind.actual),
                word=self.band.word,
                low=figure(self.band.low),
                high=figure(self.band.high),
                weight=w,
                lo=figure(lo),
                hi=figure(hi),
                upper="]" if self.band.top else ")",
            )
            if self.stated is None:
                return Joined(parts=(head, fm.NothingStated(score=r)))
            if self.in_band:
                return Joined(parts=(head, fm.StatedInBand(stated=figure(self.stated), score=r)))
            return Joined(parts=(head, fm.StatedOutsideBand(stated=figure(self.stated), score=r)))
        if self.method == "timing":
            if self.met:
                return fm.TimingMet(target=_text(ind.target), actual=_text(ind.actual), weight=w)
            return fm.TimingMissed(target=_text(ind.target), actual=_text(ind.actual))
        sym = self.op.symbol if self.op is not None else ""
        a, t, u = figure(self.actual_value), figure(self.target_value), self.unit
        if self.met:
            return fm.Met(op=sym, actual=f"{a}{u}", target=f"{t}{u}", weight=w)
        if self.strategy == "zero-target":
            return fm.ZeroTargetMissed(op=sym, unit=u, actual=f"{a}{u}")
        if self.method == "le":
            if self.strategy == "linear-to-double":
                return fm.LinearToDouble(target=t, actual=a, weight=w, score=r)
            return fm.TargetOverActual(target=t, actual=a, weight=w, score=r)
        if self.strategy == "exact" and (self.actual_value or _ZERO) > (self.target_value or _ZERO):
            return fm.TargetOverActual(target=t, actual=a, weight=w, score=r)
        return fm.ActualOverTarget(actual=a, target=t, weight=w, score=r)


def _unit_of(value: object) -> str:
    return getattr(value, "unit", "") or ""
