"""The scoring profile model: the grade bands, qualitative bands and tier rules of a Profile, as the scorer and the rules read them.

Profiles are read from TOML by :mod:`perfrules.scoring.profiles` (the schema is
in :mod:`perfrules.scoring.spec`); the objects here are plain, validated data.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from perfrules.document.values import Op

__all__ = ["OPEN_END", "QUALITATIVE_LEVELS", "GradeBand", "Profile", "QualitativeBand", "TierRule"]

#: Levels of a qualitative indicator, best first (达成 / 部分达成 / 未达成).
QUALITATIVE_LEVELS = ("achieved", "partial", "missed")
#: ``years`` end used when a range is open.
OPEN_END = 9999

_HUNDRED = Decimal(100)


@attrs.frozen
class GradeBand:
    """A grade (等级) as the half-open score interval [low, high) with its words.

    ``rank`` is 0 for the best band; ``high`` is None for the best band (it has
    no upper bound). ``word`` is the canonical word (优), ``synonyms`` the other
    words accepted for it (优秀).
    """

    word: str
    low: Decimal
    high: Decimal | None
    rank: int
    synonyms: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        """The canonical word first, then its synonyms."""
        return (self.word, *self.synonyms)

    def contains(self, score: Decimal) -> bool:
        """True when ``score`` falls into this band."""
        return score >= self.low and (self.high is None or score < self.high)

    def better_than(self, other: GradeBand) -> bool:
        """True when this band is a better grade than ``other``."""
        return self.rank < other.rank

    def __str__(self) -> str:
        return self.word


@attrs.frozen
class QualitativeBand:
    """A qualitative level's share of the weight (定性指标分档), in percent.

    The interval is [low, high) except for the best band, which includes
    ``high`` (100%): 达成 80–100%（含80%）, 部分达成 60–80%（含60%）, 未达成 0–60%.
    """

    level: str
    word: str
    low: Decimal
    high: Decimal
    top: bool

    def points(self, weight: Decimal) -> tuple[Decimal, Decimal]:
        """The band in points of an indicator worth ``weight``: (low, high)."""
        return self.low * weight / _HUNDRED, self.high * weight / _HUNDRED

    def contains(self, score: Decimal, weight: Decimal) -> bool:
        """True when ``score`` of an indicator worth ``weight`` lies in this band."""
        lo, hi = self.points(weight)
        return lo <= score <= hi if self.top else lo <= score < hi


@attrs.frozen
class TierRule:
    """A first-level tier (一级指标) in the profile: its weight and whether it must be present."""

    name: str
    weight: Decimal | None = None
    required: bool = False
    absent: str = "lost"  # "lost" | "redistribute"
    years: tuple[int, int] | None = None

    def in_force(self, year: int | None) -> bool:
        """True when the tier applies to reports of ``year`` (None: the latest rules)."""
        if self.years is None:
            return True
        if year is None:
            return self.years[1] >= OPEN_END
        return self.years[0] <= year <= self.years[1]


@attrs.frozen(eq=False)
class Profile:
    """A validated scoring profile for one report year (or the latest rules when ``year`` is None).

    Build it with :func:`load_profile`. The attributes the scorer and the rules
    use are plain data; :meth:`grade_for` and :meth:`band_of_word` are the
    grade lookups.
    """

    id: str
    title: str
    sources: tuple[str, ...]
    bands: tuple[GradeBand, ...]  # best first
    tiers: tuple[TierRule, ...]
    total: Decimal
    execution_basis: str  # "adjusted" | "initial"
    execution_weight: Decimal
    execution_cap: Decimal  # percent
    execution_reason_below: Decimal | None  # percent
    adjustment_reason_required: bool
    execution_weight_from_report: bool
    bare_target: Op
    le_strategy: str
    eq_strategy: str
    qualitative_bands: tuple[QualitativeBand, ...]  # achieved, partial, missed
    exceeded_ratio: Decimal  # 1.30 = 130% of the target
    rounding_places: int
    rounding_mode: str  # a decimal module rounding constant
    per_indicator_rounding: bool
    notes: str = ""
    extends: tuple[str, ...] = ()  # ids of the profiles this one extends, nearest first
    years: tuple[int, int] | None = None  # in force, intersected over the extends chain
    year: int | None = None  # the report year this profile was loaded for
    file: str = ""
    quantum: Decimal = attrs.field(init=False, repr=False)
    required_tiers: tuple[str, ...] = attrs.field(init=False)
    recognised_tiers: tuple[str, ...] = attrs.field(init=False)
    _by_word: dict[str, GradeBand] = attrs.field(init=False, repr=False)
    _by_level: dict[str, QualitativeBand] = attrs.field(init=False, repr=False)
    _by_tier: dict[str, TierRule] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_word: dict[str, GradeBand] = {}
        for band in self.bands:
            for w in band.words:
                by_word.setdefault(w, band)
        setattr_ = object.__setattr__
        setattr_(self, "quantum", Decimal(1).scaleb(-self.rounding_places))
        setattr_(self, "required_tiers", tuple(t.name for t in self.tiers if t.required))
        setattr_(self, "recognised_tiers", tuple(t.name for t in self.tiers))
        setattr_(self, "_by_word", by_word)
        setattr_(self, "_by_level", {q.level: q for q in self.qualitative_bands})
        setattr_(self, "_by_tier", {t.name: t for t in self.tiers})

    def grade_for(self, score: Decimal) -> GradeBand:
        """The grade band ``score`` falls into (below every band: the worst band)."""
        for band in self.bands:
            if score >= band.low:
                return band
        return self.bands[-1]

    def band_of_word(self, word: str) -> GradeBand | None:
        """The band a grade word (or synonym) names; None for a word the profile does not know."""
        band = self._by_word.get(word)
        if band is None and word != word.strip():
            band = self._by_word.get(word.strip())
        return band

    def qualitative_band(self, level: str) -> QualitativeBand:
        """The qualitative band of ``level`` (``achieved``, ``partial`` or ``missed``)."""
        return self._by_level[level]

    def tier(self, name: str | None) -> TierRule | None:
        """The profile's rule for a (canonical) first-level tier name."""
        return self._by_tier.get(name) if name is not None else None

    def rounded(self, value: Decimal) -> Decimal:
        """``value`` rounded to the profile's places in its rounding mode."""
        return value.quantize(self.quantum, self.rounding_mode)

    def in_force(self, year: int) -> bool:
        """True when this profile (and every profile it extends) applies to reports of ``year``."""
        return self.years is None or self.years[0] <= year <= self.years[1]

    def __repr__(self) -> str:
        return f"Profile(id={self.id!r}, year={self.year!r}, file={self.file!r})"
