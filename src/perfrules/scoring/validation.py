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
from perfrules.messages import Message
from perfrules.messages import scoring as msg
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


def invalid(path: str, detail: Message) -> Problem:
    """An ``invalid`` problem at ``path`` whose detail is a message of the catalogue."""
    return Problem("invalid", path, params={"detail": detail})


def check_years(years: list[int] | None, path: str) -> Iterator[Problem]:
    """``years`` is ``[first]`` or ``[first, last]`` with first ≤ last."""
    if years is None:
        return
    if not 1 <= len(years) <= 2 or (len(years) == 2 and years[0] > years[1]):
        yield invalid(path, msg.Years())


def _check_grades(grades: list[GradeSpec], total: Decimal) -> Iterator[Problem]:
    if not grades:
        yield invalid("grades", msg.NoGrades())
        return
    words: dict[str, int] = {}
    for i, g in enumerate(grades):
        here = f"grades[{i}]"
        for w in (g.word, *g.synonyms):
            if not w.strip():
                yield Problem("empty", f"{here}.word")
            elif w in words:
                yield invalid(f"{here}.word", msg.GradeWordUsed(word=w, index=words[w]))
            else:
                words[w] = i
        if i == 0:
            if g.max is not None:
                yield invalid(f"{here}.max", msg.BestBandMax())
        elif g.max is None:
            yield Problem("missing-key", f"{here}.max")
        elif g.max != grades[i - 1].min:
            yield invalid(f"{here}.max", msg.GradesMeet(max=g.max, above=grades[i - 1].min))
        if g.max is not None and g.min >= g.max:
            yield invalid(f"{here}.min", msg.EmptyBand(min=g.min, max=g.max))
        if g.min < 0 or g.min > total:
            yield invalid(f"{here}.min", msg.MinOutside(min=g.min, total=total))
    if grades[-1].min != 0:
        yield invalid(f"grades[{len(grades) - 1}].min", msg.WorstBandZero())


def _check_qualitative(bands: list[QualitativeSpec]) -> Iterator[Problem]:
    levels = tuple(b.level for b in bands)
    if levels != QUALITATIVE_LEVELS:
        found = ", ".join(levels) or msg.NoneListed()
        detail = msg.QualitativeLevels(levels=", ".join(QUALITATIVE_LEVELS), found=found)
        yield invalid("qualitative", detail)
        return
    if bands[0].max != 100:
        yield invalid("qualitative[0].max", msg.QualitativeTop())
    for i, b in enumerate(bands):
        if not 0 <= b.min < b.max <= 100:
            yield invalid(f"qualitative[{i}]", msg.BandOutside(min=b.min, max=b.max))
        if i and b.max != bands[i - 1].min:
            yield invalid(f"qualitative[{i}].max", msg.BandsMeet(max=b.max, above=bands[i - 1].min))
    if bands[-1].min != 0:
        yield invalid("qualitative[2].min", msg.QualitativeBottom())


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
        yield invalid("total", msg.TotalPositive())
    if spec.grades is not None:
        yield from _check_grades(spec.grades, total)
    if spec.qualitative is not None:
        yield from _check_qualitative(spec.qualitative)
    names: dict[str, int] = {}
    for i, t in enumerate(spec.tiers or ()):
        here = f"tiers[{i}]"
        if t.name in names:
            yield invalid(f"{here}.name", msg.TierListed(name=t.name, index=names[t.name]))
        names.setdefault(t.name, i)
        if t.absent not in ABSENT_POLICIES:
            yield _choice(f"{here}.absent", t.absent, ABSENT_POLICIES)
        if t.weight is not None and t.weight < 0:
            yield invalid(f"{here}.weight", msg.NegativeWeight())
        yield from check_years(t.years, f"{here}.years")
    ex = spec.execution or ExecutionSpec()
    if ex.basis is not None and ex.basis not in EXECUTION_BASES:
        yield _choice("execution.basis", ex.basis, EXECUTION_BASES)
    if ex.weight is not None and not 0 <= ex.weight <= total:
        yield invalid("execution.weight", msg.WeightOutside(weight=ex.weight, total=total))
    if ex.cap is not None and ex.cap <= 0:
        yield invalid("execution.cap", msg.CapPositive())
    if ex.reason_below is not None and not 0 <= ex.reason_below <= 100:
        yield invalid("execution.reason_below", msg.ReasonBelow())
    sc = spec.scoring or ScoringSpec()
    if sc.bare_target is not None and sc.bare_target not in BARE_TARGETS:
        yield _choice("scoring.bare_target", sc.bare_target, BARE_TARGETS)
    if sc.le is not None and sc.le not in LE_STRATEGIES:
        yield _choice("scoring.le", sc.le, LE_STRATEGIES)
    if sc.eq is not None and sc.eq not in EQ_STRATEGIES:
        yield _choice("scoring.eq", sc.eq, EQ_STRATEGIES)
    dev = spec.deviation or DeviationSpec()
    if dev.exceeded_ratio is not None and dev.exceeded_ratio < 1:
        yield invalid("deviation.exceeded_ratio", msg.ExceededRatio())
    rd = spec.rounding or RoundingSpec()
    if rd.places is not None and not 0 <= rd.places <= 6:
        yield invalid("rounding.places", msg.Places())
    if rd.mode is not None and rd.mode not in ROUNDING_MODES:
        yield _choice("rounding.mode", rd.mode, ROUNDING_MODES)


def check_weights(profile: Profile, blame: str) -> Iterator[Problem]:
    """Tier weights and the execution weight add up to the total (when tiers carry weights)."""
    weighted = [t.weight for t in profile.tiers if t.weight is not None]
    if not weighted:
        return
    total = sum(weighted, profile.execution_weight)
    if total != profile.total:
        yield invalid(blame, msg.WeightsTotal(sum=total, total=profile.total))
