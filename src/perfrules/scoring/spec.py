"""The profile TOML schema: attrs classes the one converter structures a profile file into, and how a merged spec becomes a Profile.

Every field is optional here so that a file which ``extends`` another is
validated on its own (types, unknown keys) before the layers are merged;
required keys and the meaning of values are checked on the merged result
(:mod:`perfrules.scoring.validation`).

The TOML schema (every key optional in a file that ``extends`` another;
``id`` and ``title`` are never inherited)::

    id = "national"                  # must match the file name for built-ins
    title = "..."
    extends = "national"             # a built-in id, or a path relative to this file
    years = [2019]                   # report years in force: [first] or [first, last]
    sources = ["财预〔2020〕10号 ..."] # regulations / published documents followed
    notes = "..."                    # free text: what is practice rather than regulation
    total = 100                      # full marks

    [[grades]]                       # best first; half-open [min, max)
    word = "优"                      # canonical word
    synonyms = ["优秀"]              # other words accepted for the same band
    min = 90                         # the best band has no max

    [[tiers]]                        # first-level tiers (一级指标)
    name = "满意度指标"
    weight = 10                      # optional: points the tier is worth
    required = false                 # must a report have it? (completeness rule PR071)
    absent = "redistribute"          # "lost" | "redistribute": an absent tier's weight
    years = [2021]                   # optional: report years the tier is recognised in

    [execution]                      # 预算执行率
    basis = "adjusted"               # "adjusted" | "initial" (Hubei: initial incl. carry-over)
    weight = 10                      # points; 0 = no execution part
    cap = 100                        # percent; a higher rate scores as this
    reason_below = 90                # percent; 0 = no threshold
    adjustment_reason = false        # must a mid-year adjustment give a reason?
    weight_from_report = false       # weight 0 and the report scores execution: use
                                     # total − Σ indicator weights (the report's own form)

    [scoring]
    bare_target = ">="               # a target without operator ("1500人") reads as ">=" | "="
    le = "ratio"                     # ≤/<: "ratio" (target/actual × w) | "linear-to-double"
    eq = "as-ge"                     # =: "as-ge" (over-achievement is met) | "exact" (min/max × w)

    [[qualitative]]                  # best first, percent of the weight, [min, max)
    level = "achieved"               # "achieved" | "partial" | "missed", in this order
    word = "达成"
    min = 80
    max = 100                        # the best band includes its max

    [deviation]
    exceeded_ratio = 1.30            # completion ratio from which a reason is required

    [rounding]
    places = 2
    mode = "half-up"                 # "half-up" | "half-even"
    per_indicator = true             # round each indicator before summing
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import attrs

from perfrules.document.values import Op
from perfrules.scoring.model import OPEN_END, GradeBand, Profile, QualitativeBand, TierRule

__all__ = [
    "ABSENT_POLICIES",
    "BARE_TARGETS",
    "EQ_STRATEGIES",
    "EXECUTION_BASES",
    "LE_STRATEGIES",
    "NAME",
    "OWN",
    "REQUIRED",
    "ROUNDING_MODES",
    "TABLES",
    "ExecutionSpec",
    "GradeSpec",
    "ProfileSpec",
    "QualitativeSpec",
    "build",
    "span",
    "year_range",
]

#: Budget figures the execution rate may be measured against.
EXECUTION_BASES = ("adjusted", "initial")
#: Strategies for ≤ / < targets (反向指标) when missed.
LE_STRATEGIES = ("ratio", "linear-to-double")
#: Strategies for = targets when missed.
EQ_STRATEGIES = ("as-ge", "exact")
#: How a target written without an operator is read.
BARE_TARGETS = {">=": Op.GE, "=": Op.EQ}
#: Rounding modes.
ROUNDING_MODES = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN}
#: What happens to the weight of a tier that has no indicator.
ABSENT_POLICIES = ("lost", "redistribute")
#: A profile id: lower-case letters, digits, '-' and '_'.
NAME = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")

_HUNDRED = Decimal(100)


@attrs.frozen
class GradeSpec:
    """``[[grades]]``: one grade band as written."""

    word: str
    min: Decimal
    max: Decimal | None = None
    synonyms: list[str] = attrs.field(factory=list)


@attrs.frozen
class TierSpec:
    """``[[tiers]]``: one first-level tier as written."""

    name: str
    weight: Decimal | None = None
    required: bool = False
    absent: str = "lost"
    years: list[int] | None = None


@attrs.frozen
class ExecutionSpec:
    """``[execution]``: the budget-execution part."""

    basis: str | None = None
    weight: Decimal | None = None
    cap: Decimal | None = None
    reason_below: Decimal | None = None
    adjustment_reason: bool | None = None
    weight_from_report: bool | None = None


@attrs.frozen
class ScoringSpec:
    """``[scoring]``: how targets are read and missed targets scored."""

    bare_target: str | None = None
    le: str | None = None
    eq: str | None = None


@attrs.frozen
class QualitativeSpec:
    """``[[qualitative]]``: one qualitative band as written."""

    level: str
    word: str
    min: Decimal
    max: Decimal


@attrs.frozen
class DeviationSpec:
    """``[deviation]``: thresholds that call for a stated reason."""

    exceeded_ratio: Decimal | None = None


@attrs.frozen
class RoundingSpec:
    """``[rounding]``: places and mode."""

    places: int | None = None
    mode: str | None = None
    per_indicator: bool | None = None


@attrs.frozen
class ProfileSpec:
    """A whole profile file (or the merge of an ``extends`` chain) as written."""

    id: str | None = None
    title: str | None = None
    extends: str | None = None
    years: list[int] | None = None
    sources: list[str] | None = None
    notes: str | None = None
    total: Decimal | None = None
    grades: list[GradeSpec] | None = None
    tiers: list[TierSpec] | None = None
    execution: ExecutionSpec | None = None
    scoring: ScoringSpec | None = None
    qualitative: list[QualitativeSpec] | None = None
    deviation: DeviationSpec | None = None
    rounding: RoundingSpec | None = None


#: Keys whose values are tables merged key by key across ``extends``.
TABLES = ("execution", "scoring", "deviation", "rounding")
#: Keys each file states for itself (never inherited).
OWN = ("id", "title", "extends", "years")
#: Keys a merged profile must have.
REQUIRED: tuple[tuple[str, ...], ...] = (
    ("total",),
    ("grades",),
    ("qualitative",),
    ("execution", "basis"),
    ("execution", "weight"),
    ("scoring", "le"),
    ("deviation", "exceeded_ratio"),
    ("rounding", "places"),
)


def year_range(years: list[int] | None) -> tuple[int, int] | None:
    """``[first]`` or ``[first, last]`` as (first, last); an open range ends at :data:`OPEN_END`."""
    if not years:
        return None
    return years[0], years[1] if len(years) == 2 else OPEN_END


def span(years: tuple[int, int]) -> str:
    """A year range for messages: ``2019–`` or ``2019–2023``."""
    return f"{years[0]}–" if years[1] >= OPEN_END else f"{years[0]}–{years[1]}"


def build(spec: ProfileSpec, chain: Sequence[ProfileSpec], file: str, year: int | None) -> Profile:
    """The :class:`Profile` of a merged, validated ``spec`` for report ``year``.

    ``chain`` is the spec of every file in the ``extends`` chain, nearest
    first (their own ``years`` intersect); ``file`` the file loaded.
    """
    ex = spec.execution or ExecutionSpec()
    sc = spec.scoring or ScoringSpec()
    rd = spec.rounding or RoundingSpec()
    assert spec.id is not None and spec.title is not None and spec.total is not None
    assert spec.grades is not None and spec.qualitative is not None
    assert ex.basis is not None and ex.weight is not None and sc.le is not None
    assert spec.deviation is not None and spec.deviation.exceeded_ratio is not None
    assert rd.places is not None
    bands = tuple(
        GradeBand(g.word, g.min, g.max, i, tuple(g.synonyms)) for i, g in enumerate(spec.grades)
    )
    qual = tuple(
        QualitativeBand(q.level, q.word, q.min, q.max, i == 0)
        for i, q in enumerate(spec.qualitative)
    )
    tiers = tuple(
        TierRule(t.name, t.weight, t.required, t.absent, year_range(t.years))
        for t in spec.tiers or ()
    )
    tiers = tuple(t for t in tiers if t.in_force(year))
    years: tuple[int, int] | None = None
    for layer in chain:
        own = year_range(layer.years)
        if own is None:
            continue
        years = own if years is None else (max(years[0], own[0]), min(years[1], own[1]))
    reason_below = ex.reason_below if ex.reason_below else None
    return Profile(
        id=spec.id,
        title=spec.title,
        sources=tuple(spec.sources or ()),
        bands=bands,
        tiers=tiers,
        total=spec.total,
        execution_basis=ex.basis,
        execution_weight=ex.weight,
        execution_cap=ex.cap if ex.cap is not None else _HUNDRED,
        execution_reason_below=reason_below,
        adjustment_reason_required=bool(ex.adjustment_reason),
        execution_weight_from_report=bool(ex.weight_from_report),
        bare_target=BARE_TARGETS[sc.bare_target or ">="],
        le_strategy=sc.le,
        eq_strategy=sc.eq or "as-ge",
        qualitative_bands=qual,
        exceeded_ratio=spec.deviation.exceeded_ratio,
        rounding_places=rd.places,
        rounding_mode=ROUNDING_MODES[rd.mode or "half-up"],
        per_indicator_rounding=True if rd.per_indicator is None else rd.per_indicator,
        notes=spec.notes or "",
        extends=tuple(layer.id or "" for layer in chain[1:]),
        years=years,
        year=year,
        file=file,
    )
