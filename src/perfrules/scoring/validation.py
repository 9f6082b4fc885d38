"""Profile validation: the meaning of every value of a merged profile spec, each problem at its key path.

Types and unknown keys are the converter's (:mod:`perfrules.scoring.spec`);
here: required keys present, grade and qualitative bands that meet without a
gap, choices among the allowed words, ranges, and tier weights that add up to
the total. Problems carry key paths; the loader adds file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from perfrules.errors import Problem
from perfrules.scoring.model import QUALITATIVE_LEVELS, Profile
from perfrules.scoring.spec import (
    ABSENT_POLICIES,
    BARE_TARGETS,
    EQ_STRATEGIES,
    EXECUTION_BASES,
    LE_STRATEGIES,
    REQUIRED,
    ROUNDING_MODES,
    DeviationSpec,
    ExecutionSpec,
    GradeSpec,
    ProfileSpec,
    QualitativeSpec,
    RoundingSpec,
    ScoringSpec,
)

__all__ = ["check", "check_weights", "check_years", "invalid"]

_HUNDRED = Decimal(100)


def invalid(path: str, en: str, zh: str) -> Problem:
    """An ``invalid`` problem at ``path`` with its detail in English and Chinese."""
    return Problem("invalid", path, params={"detail": en, "detail_zh": zh})


def check_years(years: list[int] | None, path: str) -> Iterator[Problem]:
    """``years`` is ``[first]`` or ``[first, last]`` with first ≤ last."""
    if years is None:
        return
    if not 1 <= len(years) <= 2 or (len(years) == 2 and years[0] > years[1]):
        yield invalid(
            path,
            "years must be [first] or [first, last] with first ≤ last",
            "years 应为 [起始年] 或 [起始年, 终止年]（起始年不晚于终止年）",
        )


def _check_grades(grades: list[GradeSpec], total: Decimal) -> Iterator[Problem]:
    if not grades:
        yield invalid("grades", "a profile needs at least one grade band", "至少需要一个等级")
        return
    words: dict[str, int] = {}
    for i, g in enumerate(grades):
        here = f"grades[{i}]"
        for w in (g.word, *g.synonyms):
            if not w.strip():
                yield Problem("empty", f"{here}.word")
            elif w in words:
                yield invalid(
                    f"{here}.word",
                    f"grade word {w!r} is already used by grades[{words[w]}]",
                    f"等级用语 {w!r} 已用于 grades[{words[w]}]",
                )
            else:
                words[w] = i
        if i == 0:
            if g.max is not None:
                yield invalid(
                    f"{here}.max",
                    "the best band has no max (it runs to the top of the scale)",
                    "最高等级不设 max（上不封顶）",
                )
        elif g.max is None:
            yield Problem("missing-key", f"{here}.max")
        elif g.max != grades[i - 1].min:
            yield invalid(
                f"{here}.max",
                f"bands must meet: max {g.max} ≠ the min {grades[i - 1].min} of the better band above",
                f"等级区间须首尾相接：max {g.max} 不等于上一等级的 min {grades[i - 1].min}",
            )
        if g.max is not None and g.min >= g.max:
            yield invalid(
                f"{here}.min",
                f"empty band: min {g.min} ≥ max {g.max}",
                f"等级区间为空：min {g.min} ≥ max {g.max}",
            )
        if g.min < 0 or g.min > total:
            yield invalid(
                f"{here}.min", f"min {g.min} is outside 0..{total}", f"min {g.min} 超出 0～{total}"
            )
    if grades[-1].min != 0:
        yield invalid(
            f"grades[{len(grades) - 1}].min",
            "the worst band must start at 0",
            "最低等级须从 0 分起",
        )


def _check_qualitative(bands: list[QualitativeSpec]) -> Iterator[Problem]:
    levels = tuple(b.level for b in bands)
    if levels != QUALITATIVE_LEVELS:
        yield invalid(
            "qualitative",
            f"qualitative bands must be the levels {', '.join(QUALITATIVE_LEVELS)} in this order (found {', '.join(levels) or 'none'})",
            f"定性分档须依次为 {', '.join(QUALITATIVE_LEVELS)}（实际为 {', '.join(levels) or '无'}）",
        )
        return
    if bands[0].max != 100:
        yield invalid(
            "qualitative[0].max",
            "the best qualitative band must end at 100 (percent of the weight)",
            "最高定性档须止于 100（分值的百分比）",
        )
    for i, b in enumerate(bands):
        if not 0 <= b.min < b.max <= 100:
            yield invalid(
                f"qualitative[{i}]",
                f"band [{b.min}, {b.max}) is not inside 0..100",
                f"分档 [{b.min}, {b.max}) 不在 0～100 之内",
            )
        if i and b.max != bands[i - 1].min:
            yield invalid(
                f"qualitative[{i}].max",
                f"bands must meet: max {b.max} ≠ {bands[i - 1].min}",
                f"分档须首尾相接：max {b.max} 不等于 {bands[i - 1].min}",
            )
    if bands[-1].min != 0:
        yield invalid(
            "qualitative[2].min",
            "the lowest qualitative band must start at 0",
            "最低定性档须从 0 起",
        )


def _choice(path: str, found: object, choices: Iterable[str]) -> Problem:
    return Problem("choice", path, params={"found": found, "choices": ", ".join(choices)})


def check(spec: ProfileSpec, merged: Mapping[str, Any]) -> Iterator[Problem]:
    """Required keys and the meaning of every value of a merged profile."""
    for path in REQUIRED:
        node: Any = merged
        for part in path:
            node = node.get(part) if isinstance(node, Mapping) else None
        if node is None:
            yield Problem("missing-key", ".".join(path))
    total = spec.total if spec.total is not None else _HUNDRED
    if spec.total is not None and spec.total <= 0:
        yield invalid("total", "total must be positive", "满分须为正数")
    if spec.grades is not None:
        yield from _check_grades(spec.grades, total)
    if spec.qualitative is not None:
        yield from _check_qualitative(spec.qualitative)
    names: dict[str, int] = {}
    for i, t in enumerate(spec.tiers or ()):
        here = f"tiers[{i}]"
        if t.name in names:
            yield invalid(
                f"{here}.name",
                f"tier {t.name!r} is already listed at tiers[{names[t.name]}]",
                f"一级指标 {t.name!r} 已在 tiers[{names[t.name]}] 列出",
            )
        names.setdefault(t.name, i)
        if t.absent not in ABSENT_POLICIES:
            yield _choice(f"{here}.absent", t.absent, ABSENT_POLICIES)
        if t.weight is not None and t.weight < 0:
            yield invalid(f"{here}.weight", "a weight cannot be negative", "分值不能为负")
        yield from check_years(t.years, f"{here}.years")
    ex = spec.execution or ExecutionSpec()
    if ex.basis is not None and ex.basis not in EXECUTION_BASES:
        yield _choice("execution.basis", ex.basis, EXECUTION_BASES)
    if ex.weight is not None and not 0 <= ex.weight <= total:
        yield invalid(
            "execution.weight",
            f"weight {ex.weight} is outside 0..{total}",
            f"分值 {ex.weight} 超出 0～{total}",
        )
    if ex.cap is not None and ex.cap <= 0:
        yield invalid("execution.cap", "cap must be a positive percentage", "上限须为正的百分比")
    if ex.reason_below is not None and not 0 <= ex.reason_below <= 100:
        yield invalid(
            "execution.reason_below",
            "reason_below is a percentage in 0..100 (0: no threshold)",
            "reason_below 为 0～100 的百分比（0 表示不设）",
        )
    sc = spec.scoring or ScoringSpec()
    if sc.bare_target is not None and sc.bare_target not in BARE_TARGETS:
        yield _choice("scoring.bare_target", sc.bare_target, BARE_TARGETS)
    if sc.le is not None and sc.le not in LE_STRATEGIES:
        yield _choice("scoring.le", sc.le, LE_STRATEGIES)
    if sc.eq is not None and sc.eq not in EQ_STRATEGIES:
        yield _choice("scoring.eq", sc.eq, EQ_STRATEGIES)
    dev = spec.deviation or DeviationSpec()
    if dev.exceeded_ratio is not None and dev.exceeded_ratio < 1:
        yield invalid(
            "deviation.exceeded_ratio",
            "exceeded_ratio is a ratio of the target, at least 1 (1.30 = 130%)",
            "exceeded_ratio 为相对目标值的倍数，不小于 1（1.30 即 130%）",
        )
    rd = spec.rounding or RoundingSpec()
    if rd.places is not None and not 0 <= rd.places <= 6:
        yield invalid("rounding.places", "places must be 0..6", "小数位数须为 0～6")
    if rd.mode is not None and rd.mode not in ROUNDING_MODES:
        yield _choice("rounding.mode", rd.mode, ROUNDING_MODES)


def check_weights(profile: Profile, blame: str) -> Iterator[Problem]:
    """Tier weights and the execution weight add up to the total (when tiers carry weights)."""
    weighted = [t.weight for t in profile.tiers if t.weight is not None]
    if not weighted:
        return
    total = sum(weighted, profile.execution_weight)
    if total != profile.total:
        yield invalid(
            blame,
            f"tier weights plus the execution weight add up to {total}, not the total {profile.total}",
            f"各一级指标分值与预算执行分值之和为 {total}，不等于满分 {profile.total}",
        )
