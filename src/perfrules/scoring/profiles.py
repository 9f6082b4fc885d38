"""Scoring profiles: how a region's rules score a self-evaluation, held as TOML data.

A profile (``rules/profiles/<id>.toml``) says everything :mod:`perfrules.scoring.scorer`
and the score rules need to recompute a report's scores and grade the way a
set of regulations does: the grade bands (等级), the tier weights (一级指标权重)
and what happens to an absent tier, the budget-execution part (预算执行率: its
basis, weight and cap), how each kind of indicator is scored, the qualitative
bands (定性指标分档), the deviation thresholds that call for a stated reason,
and the rounding. A region is added by writing a file, not Python.

A profile may ``extends`` another: tables merge key by key (the extending
file wins), arrays replace the parent's whole array, and ``sources``
accumulate. Every key is validated; a typo, a wrong type, a band that leaves
a gap, an unknown parent or a cycle of ``extends`` is a
:class:`~perfrules.errors.ProfileError` naming the file, the key path and the
line. A profile, and each of its tiers, may carry ``years = [first, last]``
(or ``[first]``, open-ended) of report years in force; loading a profile for
a year outside its range (or outside the range of a profile it extends) is a
clear error.

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

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import ClassValidationError, IterableValidationError

from perfrules.document.convert import BadValue, converter, walk_errors
from perfrules.document.source import nearest, read_toml, toml_lines
from perfrules.document.values import Op
from perfrules.errors import Problem, ProfileError
from perfrules.resources import rules_dir

__all__ = [
    "EXECUTION_BASES",
    "QUALITATIVE_LEVELS",
    "GradeBand",
    "Profile",
    "QualitativeBand",
    "TierRule",
    "available_profiles",
    "load_profile",
    "loads_profile",
    "profiles_dir",
]

#: Budget figures the execution rate may be measured against.
EXECUTION_BASES = ("adjusted", "initial")
#: Levels of a qualitative indicator, best first (达成 / 部分达成 / 未达成).
QUALITATIVE_LEVELS = ("achieved", "partial", "missed")
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
#: ``years`` end used when a range is open.
OPEN_END = 9999

_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
_HUNDRED = Decimal(100)


# --- the profile objects the scorer and the rules use -------------------------------


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
        return value.quantize(self.quantum, rounding=self.rounding_mode)

    def in_force(self, year: int) -> bool:
        """True when this profile (and every profile it extends) applies to reports of ``year``."""
        return self.years is None or self.years[0] <= year <= self.years[1]

    def __repr__(self) -> str:
        return f"Profile(id={self.id!r}, year={self.year!r}, file={self.file!r})"


# --- the TOML schema, structured through the one converter --------------------------
#
# Every field is optional here so that a file which ``extends`` another is
# validated on its own (types, unknown keys) before the layers are merged;
# required keys are checked on the merged result.


@attrs.frozen
class _GradeSpec:
    word: str
    min: Decimal
    max: Decimal | None = None
    synonyms: list[str] = attrs.field(factory=list)


@attrs.frozen
class _TierSpec:
    name: str
    weight: Decimal | None = None
    required: bool = False
    absent: str = "lost"
    years: list[int] | None = None


@attrs.frozen
class _ExecutionSpec:
    basis: str | None = None
    weight: Decimal | None = None
    cap: Decimal | None = None
    reason_below: Decimal | None = None
    adjustment_reason: bool | None = None
    weight_from_report: bool | None = None


@attrs.frozen
class _ScoringSpec:
    bare_target: str | None = None
    le: str | None = None
    eq: str | None = None


@attrs.frozen
class _QualitativeSpec:
    level: str
    word: str
    min: Decimal
    max: Decimal


@attrs.frozen
class _DeviationSpec:
    exceeded_ratio: Decimal | None = None


@attrs.frozen
class _RoundingSpec:
    places: int | None = None
    mode: str | None = None
    per_indicator: bool | None = None


@attrs.frozen
class _ProfileSpec:
    id: str | None = None
    title: str | None = None
    extends: str | None = None
    years: list[int] | None = None
    sources: list[str] | None = None
    notes: str | None = None
    total: Decimal | None = None
    grades: list[_GradeSpec] | None = None
    tiers: list[_TierSpec] | None = None
    execution: _ExecutionSpec | None = None
    scoring: _ScoringSpec | None = None
    qualitative: list[_QualitativeSpec] | None = None
    deviation: _DeviationSpec | None = None
    rounding: _RoundingSpec | None = None


#: Keys whose values are tables merged key by key across ``extends``.
_TABLES = ("execution", "scoring", "deviation", "rounding")
#: Keys each file states for itself (never inherited).
_OWN = ("id", "title", "extends", "years")
#: Keys a merged profile must have.
_REQUIRED: tuple[tuple[str, ...], ...] = (
    ("total",),
    ("grades",),
    ("qualitative",),
    ("execution", "basis"),
    ("execution", "weight"),
    ("scoring", "le"),
    ("deviation", "exceeded_ratio"),
    ("rounding", "places"),
)


@attrs.frozen
class _Layer:
    """One profile file as read: its name, text, raw data and validated spec."""

    file: str
    text: str
    data: dict[str, Any]
    spec: _ProfileSpec
    _lines: dict[str, int] = attrs.field(factory=dict, eq=False, repr=False)

    def line(self, path: str) -> int | None:
        """The line where ``path`` (or its nearest parent) starts in this file."""
        if not self._lines:
            self._lines.update(toml_lines(self.text))
        return nearest(self._lines, path)


def _invalid(path: str, en: str, zh: str) -> Problem:
    return Problem("invalid", path, params={"detail": en, "detail_zh": zh})


def _error(
    problems: Iterable[Problem], layer: _Layer | None = None, file: str | None = None
) -> ProfileError:
    if layer is not None:
        return ProfileError(p.at(layer.file, layer.line) for p in problems)
    return ProfileError(p.at(file) for p in problems)


def profiles_dir() -> Path:
    """The folder of the built-in profiles (``rules/profiles``)."""
    return rules_dir() / "profiles"


def _read(path: Path) -> tuple[str, str]:
    name = str(path)
    try:
        return name, path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ProfileError([Problem("unreadable", file=name, params={"detail": detail})]) from None


def _parse_layer(text: str, file: str) -> _Layer:
    """Parse one profile file and validate its keys and types (before merging)."""
    data = read_toml(text, file, ProfileError)
    layer = _Layer(file, text, data, _ProfileSpec())
    try:
        spec = converter.structure(data, _ProfileSpec)
    except (
        ClassValidationError,
        IterableValidationError,
        BadValue,
        TypeError,
        ValueError,
        KeyError,
    ) as exc:
        raise _error(walk_errors(exc, ""), layer) from None
    problems = []
    for key in ("id", "title"):
        if getattr(spec, key) is None:
            problems.append(Problem("missing-key", key))
    if spec.id is not None and not _NAME.match(spec.id):
        problems.append(
            _invalid(
                "id",
                f"profile id {spec.id!r} must be lower-case letters, digits, '-' or '_'",
                f"配置方案 id {spec.id!r} 只能由小写字母、数字、- 或 _ 组成",
            )
        )
    problems.extend(_check_years(spec.years, "years"))
    if problems:
        raise _error(problems, layer)
    return attrs.evolve(layer, spec=spec)


def _check_years(years: list[int] | None, path: str) -> Iterator[Problem]:
    if years is None:
        return
    if not 1 <= len(years) <= 2 or (len(years) == 2 and years[0] > years[1]):
        yield _invalid(
            path,
            "years must be [first] or [first, last] with first ≤ last",
            "years 应为 [起始年] 或 [起始年, 终止年]（起始年不晚于终止年）",
        )


def _year_range(years: list[int] | None) -> tuple[int, int] | None:
    if not years:
        return None
    return years[0], years[1] if len(years) == 2 else OPEN_END


def _span(years: tuple[int, int]) -> str:
    return f"{years[0]}–" if years[1] >= OPEN_END else f"{years[0]}–{years[1]}"


def _extends_path(name: str, here: str | None) -> Path | None:
    """The file ``extends = name`` refers to: a path relative to the extending file, or a built-in."""
    if name.endswith(".toml") or "/" in name or os.sep in name:
        path = Path(name)
        if not path.is_absolute() and here is not None:
            path = Path(here).parent / path
        return path
    if here is not None:
        sibling = Path(here).parent / f"{name}.toml"
        # a file may extend the built-in of its own name (a local "national.toml")
        if sibling.is_file() and sibling.resolve() != Path(here).resolve():
            return sibling
    if not _NAME.match(name):
        return None
    builtin = profiles_dir() / f"{name}.toml"
    return builtin if builtin.is_file() else None


def _chain(first: _Layer) -> list[_Layer]:
    """The layer and every layer it extends, nearest first; detects unknown parents and cycles."""
    chain = [first]
    seen = {str(Path(first.file).resolve()) if not first.file.startswith("<") else first.file}
    layer = first
    while layer.spec.extends is not None:
        here = None if layer.file.startswith("<") else layer.file
        path = _extends_path(layer.spec.extends, here)
        if path is None or not path.is_file():
            known = ", ".join(_builtin_ids())
            raise _error(
                [
                    _invalid(
                        "extends",
                        f"extends names no profile: {layer.spec.extends!r} (built-in: {known})",
                        f"extends 指向的配置方案不存在：{layer.spec.extends!r}（内置：{known}）",
                    )
                ],
                layer,
            )
        key = str(path.resolve())
        if key in seen:
            cycle = " → ".join([*(Path(x.file).stem for x in chain), path.stem])
            raise _error(
                [
                    _invalid(
                        "extends",
                        f"profiles extend each other in a cycle: {cycle}",
                        f"配置方案的 extends 形成循环：{cycle}",
                    )
                ],
                layer,
            )
        seen.add(key)
        file, text = _read(path)
        layer = _parse_layer(text, file)
        chain.append(layer)
    return chain


def _merge(chain: list[_Layer]) -> tuple[dict[str, Any], dict[str, _Layer]]:
    """Merge the layers' raw data (farthest first) and remember which layer set each key."""
    merged: dict[str, Any] = {}
    origin: dict[str, _Layer] = {}
    sources: list[str] = []
    for layer in reversed(chain):
        for key, value in layer.data.items():
            if key in _OWN:
                continue
            if key == "sources":
                sources.extend(s for s in value if s not in sources)
                origin[key] = layer
            elif key in _TABLES and isinstance(value, Mapping):
                table = merged.setdefault(key, {})
                for sub, item in value.items():
                    table[sub] = item
                    origin[f"{key}.{sub}"] = layer
            else:
                merged[key] = value
                origin[key] = layer
    leaf = chain[0]
    for key in _OWN:
        if key in leaf.data:
            merged[key] = leaf.data[key]
            origin[key] = leaf
    merged.pop("extends", None)
    merged["sources"] = sources
    return merged, origin


def _origin_of(path: str, origin: Mapping[str, _Layer], leaf: _Layer) -> _Layer:
    return nearest(origin, path) or leaf


def _check_grades(grades: list[_GradeSpec], total: Decimal) -> Iterator[Problem]:
    if not grades:
        yield _invalid("grades", "a profile needs at least one grade band", "至少需要一个等级")
        return
    words: dict[str, int] = {}
    for i, g in enumerate(grades):
        here = f"grades[{i}]"
        for w in (g.word, *g.synonyms):
            if not w.strip():
                yield Problem("empty", f"{here}.word")
            elif w in words:
                yield _invalid(
                    f"{here}.word",
                    f"grade word {w!r} is already used by grades[{words[w]}]",
                    f"等级用语 {w!r} 已用于 grades[{words[w]}]",
                )
            else:
                words[w] = i
        if i == 0:
            if g.max is not None:
                yield _invalid(
                    f"{here}.max",
                    "the best band has no max (it runs to the top of the scale)",
                    "最高等级不设 max（上不封顶）",
                )
        elif g.max is None:
            yield Problem("missing-key", f"{here}.max")
        elif g.max != grades[i - 1].min:
            yield _invalid(
                f"{here}.max",
                f"bands must meet: max {g.max} ≠ the min {grades[i - 1].min} of the better band above",
                f"等级区间须首尾相接：max {g.max} 不等于上一等级的 min {grades[i - 1].min}",
            )
        if g.max is not None and g.min >= g.max:
            yield _invalid(
                f"{here}.min",
                f"empty band: min {g.min} ≥ max {g.max}",
                f"等级区间为空：min {g.min} ≥ max {g.max}",
            )
        if g.min < 0 or g.min > total:
            yield _invalid(
                f"{here}.min", f"min {g.min} is outside 0..{total}", f"min {g.min} 超出 0～{total}"
            )
    if grades[-1].min != 0:
        yield _invalid(
            f"grades[{len(grades) - 1}].min",
            "the worst band must start at 0",
            "最低等级须从 0 分起",
        )


def _check_qualitative(bands: list[_QualitativeSpec]) -> Iterator[Problem]:
    levels = tuple(b.level for b in bands)
    if levels != QUALITATIVE_LEVELS:
        yield _invalid(
            "qualitative",
            f"qualitative bands must be the levels {', '.join(QUALITATIVE_LEVELS)} in this order (found {', '.join(levels) or 'none'})",
            f"定性分档须依次为 {', '.join(QUALITATIVE_LEVELS)}（实际为 {', '.join(levels) or '无'}）",
        )
        return
    if bands[0].max != 100:
        yield _invalid(
            "qualitative[0].max",
            "the best qualitative band must end at 100 (percent of the weight)",
            "最高定性档须止于 100（分值的百分比）",
        )
    for i, b in enumerate(bands):
        if not 0 <= b.min < b.max <= 100:
            yield _invalid(
                f"qualitative[{i}]",
                f"band [{b.min}, {b.max}) is not inside 0..100",
                f"分档 [{b.min}, {b.max}) 不在 0～100 之内",
            )
        if i and b.max != bands[i - 1].min:
            yield _invalid(
                f"qualitative[{i}].max",
                f"bands must meet: max {b.max} ≠ {bands[i - 1].min}",
                f"分档须首尾相接：max {b.max} 不等于 {bands[i - 1].min}",
            )
    if bands[-1].min != 0:
        yield _invalid(
            "qualitative[2].min",
            "the lowest qualitative band must start at 0",
            "最低定性档须从 0 起",
        )


def _choice(path: str, found: object, choices: Iterable[str]) -> Problem:
    return Problem("choice", path, params={"found": found, "choices": ", ".join(choices)})


def _check(spec: _ProfileSpec, merged: Mapping[str, Any]) -> Iterator[Problem]:
    """Required keys and the meaning of every value of a merged profile."""
    for path in _REQUIRED:
        node: Any = merged
        for part in path:
            node = node.get(part) if isinstance(node, Mapping) else None
        if node is None:
            yield Problem("missing-key", ".".join(path))
    total = spec.total if spec.total is not None else _HUNDRED
    if spec.total is not None and spec.total <= 0:
        yield _invalid("total", "total must be positive", "满分须为正数")
    if spec.grades is not None:
        yield from _check_grades(spec.grades, total)
    if spec.qualitative is not None:
        yield from _check_qualitative(spec.qualitative)
    names: dict[str, int] = {}
    for i, t in enumerate(spec.tiers or ()):
        here = f"tiers[{i}]"
        if t.name in names:
            yield _invalid(
                f"{here}.name",
                f"tier {t.name!r} is already listed at tiers[{names[t.name]}]",
                f"一级指标 {t.name!r} 已在 tiers[{names[t.name]}] 列出",
            )
        names.setdefault(t.name, i)
        if t.absent not in ABSENT_POLICIES:
            yield _choice(f"{here}.absent", t.absent, ABSENT_POLICIES)
        if t.weight is not None and t.weight < 0:
            yield _invalid(f"{here}.weight", "a weight cannot be negative", "分值不能为负")
        yield from _check_years(t.years, f"{here}.years")
    ex = spec.execution or _ExecutionSpec()
    if ex.basis is not None and ex.basis not in EXECUTION_BASES:
        yield _choice("execution.basis", ex.basis, EXECUTION_BASES)
    if ex.weight is not None and not 0 <= ex.weight <= total:
        yield _invalid(
            "execution.weight",
            f"weight {ex.weight} is outside 0..{total}",
            f"分值 {ex.weight} 超出 0～{total}",
        )
    if ex.cap is not None and ex.cap <= 0:
        yield _invalid("execution.cap", "cap must be a positive percentage", "上限须为正的百分比")
    if ex.reason_below is not None and not 0 <= ex.reason_below <= 100:
        yield _invalid(
            "execution.reason_below",
            "reason_below is a percentage in 0..100 (0: no threshold)",
            "reason_below 为 0～100 的百分比（0 表示不设）",
        )
    sc = spec.scoring or _ScoringSpec()
    if sc.bare_target is not None and sc.bare_target not in BARE_TARGETS:
        yield _choice("scoring.bare_target", sc.bare_target, BARE_TARGETS)
    if sc.le is not None and sc.le not in LE_STRATEGIES:
        yield _choice("scoring.le", sc.le, LE_STRATEGIES)
    if sc.eq is not None and sc.eq not in EQ_STRATEGIES:
        yield _choice("scoring.eq", sc.eq, EQ_STRATEGIES)
    dev = spec.deviation or _DeviationSpec()
    if dev.exceeded_ratio is not None and dev.exceeded_ratio < 1:
        yield _invalid(
            "deviation.exceeded_ratio",
            "exceeded_ratio is a ratio of the target, at least 1 (1.30 = 130%)",
            "exceeded_ratio 为相对目标值的倍数，不小于 1（1.30 即 130%）",
        )
    rd = spec.rounding or _RoundingSpec()
    if rd.places is not None and not 0 <= rd.places <= 6:
        yield _invalid("rounding.places", "places must be 0..6", "小数位数须为 0～6")
    if rd.mode is not None and rd.mode not in ROUNDING_MODES:
        yield _choice("rounding.mode", rd.mode, ROUNDING_MODES)


def _check_weights(profile: Profile, blame: str) -> Iterator[Problem]:
    """Tier weights and the execution weight add up to the total (when tiers carry weights)."""
    weighted = [t.weight for t in profile.tiers if t.weight is not None]
    if not weighted:
        return
    total = sum(weighted, profile.execution_weight)
    if total != profile.total:
        yield _invalid(
            blame,
            f"tier weights plus the execution weight add up to {total}, not the total {profile.total}",
            f"各一级指标分值与预算执行分值之和为 {total}，不等于满分 {profile.total}",
        )


def _build(spec: _ProfileSpec, chain: list[_Layer], year: int | None) -> Profile:
    ex = spec.execution or _ExecutionSpec()
    sc = spec.scoring or _ScoringSpec()
    rd = spec.rounding or _RoundingSpec()
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
        TierRule(t.name, t.weight, t.required, t.absent, _year_range(t.years))
        for t in spec.tiers or ()
    )
    tiers = tuple(t for t in tiers if t.in_force(year))
    years: tuple[int, int] | None = None
    for layer in chain:
        own = _year_range(layer.spec.years)
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
        extends=tuple(layer.spec.id or "" for layer in chain[1:]),
        years=years,
        year=year,
        file=chain[0].file,
    )


def _from_layer(leaf: _Layer, year: int | None) -> Profile:
    chain = _chain(leaf)
    merged, origin = _merge(chain)
    try:
        spec = converter.structure(merged, _ProfileSpec)
    except (
        ClassValidationError,
        IterableValidationError,
        BadValue,
        TypeError,
        ValueError,
        KeyError,
    ) as exc:
        problems = list(walk_errors(exc, ""))
        raise ProfileError(
            p.at(_origin_of(p.path, origin, leaf).file, _origin_of(p.path, origin, leaf).line)
            for p in problems
        ) from None
    problems = list(_check(spec, merged))
    if not problems:
        profile = _build(spec, chain, year)
        # blame the key, of those that decide the sum, set nearest to the file loaded
        depth = {id(x): i for i, x in enumerate(chain)}
        blame = min(
            ("tiers", "execution.weight", "total"),
            key=lambda k: depth.get(id(origin[k]), len(chain)) if k in origin else len(chain),
        )
        problems = list(_check_weights(profile, blame))
        if not problems and profile.years is not None and profile.years[0] > profile.years[1]:
            spans = "; ".join(
                f"{x.spec.id}: {_span(r)}"
                for x in chain
                if (r := _year_range(x.spec.years)) is not None
            )
            raise ProfileError(
                [
                    _invalid(
                        "years",
                        f"the years of this profile and of the profiles it extends do not overlap ({spans})",
                        f"本配置方案与其所继承方案的适用年度没有交集（{spans}）",
                    ).at(leaf.file, leaf.line)
                ]
            )
        if year is not None and not problems and not profile.in_force(year):
            assert profile.years is not None
            span = _span(profile.years)
            # name the file whose own years exclude the year
            culprit = next(
                (
                    x
                    for x in chain
                    if (r := _year_range(x.spec.years)) is not None and not r[0] <= year <= r[1]
                ),
                leaf,
            )
            raise ProfileError(
                [
                    _invalid(
                        "years",
                        f"profile {profile.id!r} applies to report years {span}, not {year}",
                        f"配置方案 {profile.id!r} 适用于 {span} 年度的报告，不适用于 {year} 年度",
                    ).at(culprit.file, culprit.line)
                ]
            )
    if problems:
        raise ProfileError(
            p.at(_origin_of(p.path, origin, leaf).file, _origin_of(p.path, origin, leaf).line)
            for p in problems
        )
    return profile


def loads_profile(text: str, file: str = "<profile>", year: int | None = None) -> Profile:
    """Parse and validate a profile from TOML text (``extends`` resolves relative to ``file``)."""
    return _from_layer(_parse_layer(text, file), year)


def _builtin_ids() -> list[str]:
    try:
        return sorted(p.stem for p in profiles_dir().glob("*.toml"))
    except OSError:
        return []


@cache
def _load_builtin(name: str, year: int | None) -> Profile:
    path = profiles_dir() / f"{name}.toml"
    if not _NAME.match(name) or not path.is_file():
        known = ", ".join(_builtin_ids())
        raise ProfileError([Problem("choice", "profile", params={"found": name, "choices": known})])
    file, text = _read(path)
    profile = loads_profile(text, file, year)
    if profile.id != name:
        raise ProfileError(
            [
                _invalid(
                    "id",
                    f"a built-in profile's id must be its file name: {profile.id!r} in {name}.toml",
                    f"内置配置方案的 id 须与文件名一致：{name}.toml 中为 {profile.id!r}",
                ).at(file, toml_lines(text).get("id"))
            ]
        )
    return profile


def _is_path(name: str) -> bool:
    return name.endswith(".toml") or "/" in name or os.sep in name


def load_profile(name_or_path: str | os.PathLike[str], year: int | None = None) -> Profile:
    """The profile named ``name_or_path`` (a built-in id or a ``.toml`` file), for report ``year``.

    Built-ins are loaded once per (id, year) and cached; a file path is read
    every time. ``year`` None gives the latest rules and skips the year check.
    Raises :class:`~perfrules.errors.ProfileError` for an unknown name, a
    malformed file, or a year the profile is not in force for.
    """
    if isinstance(year, bool) or (year is not None and not isinstance(year, int)):
        raise ProfileError(
            [_invalid("", f"year must be an integer, not {year!r}", f"年度须为整数，而非 {year!r}")]
        )
    if isinstance(name_or_path, str) and not _is_path(name_or_path):
        return _load_builtin(name_or_path, year)
    file, text = _read(Path(name_or_path))
    return loads_profile(text, file, year)


def available_profiles() -> list[Profile]:
    """Every built-in profile (latest rules), ordered by id."""
    return [_load_builtin(name, None) for name in _builtin_ids()]
