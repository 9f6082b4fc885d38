"""Recompute a report's scores, tier subtotals, budget-execution score, total and grade under a scoring profile.

:func:`score` returns a :class:`~perfrules.scoring.sheet.ScoreSheet`: for
every indicator the score the profile's rules give it (or why it cannot be
scored; :mod:`perfrules.scoring.strategies`), the subtotal of every node of
the report's indicator system (:func:`~perfrules.document.system.indicator_system`,
the tree the taxonomy rules read too), the budget-execution score, the total
and the grade, each next to what the report states.

Scoring is pure (no I/O; the one memo, a report's last sheet while the
report lives, returns what computing again would) and cheap: the formula
strings are built only when asked for.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from decimal import Decimal

from perfrules._frozen import builder
from perfrules.document.model import Report
from perfrules.document.system import FirstTier, IndicatorSystem, indicator_system
from perfrules.scoring.indicatorscore import IndicatorScore
from perfrules.scoring.model import Profile
from perfrules.scoring.profiles import resolve_profile
from perfrules.scoring.sheet import (
    ExecutionScore,
    GradeResult,
    ScoreSheet,
    TierSubtotal,
    TotalScore,
)
from perfrules.scoring.strategies import IndicatorScorer

__all__ = [
    "ExecutionScore",
    "GradeResult",
    "IndicatorScore",
    "ScoreSheet",
    "TierSubtotal",
    "TotalScore",
    "score",
]

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


# The last sheet of each live report object, by id: a check computes the sheet for its
# score rules, and ``score`` of the same report under the same profile then returns it
# instead of computing it again. An entry goes with its report (the weakref's callback).
_SHEETS: dict[int, tuple[weakref.ref[Report], Profile, ScoreSheet]] = {}


#: The sheet's parts at the cost of mutable objects (see :mod:`perfrules._frozen`).
_ExecutionScore, _GradeResult, _ScoreSheet = (
    builder(ExecutionScore),
    builder(GradeResult),
    builder(ScoreSheet),
)
_TierSubtotal, _TotalScore = builder(TierSubtotal), builder(TotalScore)


def score(report: Report, profile: Profile | str | None = None) -> ScoreSheet:
    """Recompute ``report``'s scores under ``profile`` (default: the report's own, else ``national``).

    A string names a built-in profile or a profile file and is loaded for the
    report's year (:func:`~perfrules.scoring.profiles.resolve_profile`, cached
    for built-ins). A report's ``budget.execution_weight`` overrides the
    profile's execution weight. The sheet is computed once per report object
    and profile object (a check and a score of the same report share it);
    sheets are immutable, so sharing one changes nothing a caller sees.
    """
    profile = resolve_profile(report, profile)
    key = id(report)
    entry = _SHEETS.get(key)
    if entry is not None and entry[0]() is report and entry[1] is profile:
        return entry[2]
    sheet = _score(report, profile)

    def forget(ref: weakref.ref[Report]) -> None:
        entry = _SHEETS.get(key)
        if entry is not None and entry[0] is ref:
            _SHEETS.pop(key, None)

    _SHEETS[key] = (weakref.ref(report, forget), profile, sheet)
    return sheet


def _score(report: Report, profile: Profile) -> ScoreSheet:
    system = indicator_system(report)
    one = IndicatorScorer(profile, report.report.year).indicator
    scores = [
        one(i, ind, place.tier1.name)
        for i, (ind, place) in enumerate(zip(report.indicators, system.placements, strict=True))
    ]
    # the indicators' weights add up in the tree already: its nodes' weights sum to them
    indicator_weights = system.weight
    unweighted = [s.key for s in scores if s.weight is None]
    execution = _execution(report, profile, indicator_weights)
    tiers, untiered, complete = _subtotals(system, profile, scores, execution)
    if complete and profile.per_indicator_rounding:
        # every indicator sits in exactly one first-level node and states its score: the
        # nodes' sums are the indicators' (exact decimal sums, in any order)
        sums = _node_sums((*tiers, untiered) if untiered is not None else tiers)
    else:
        sums = _score_sums(scores, profile.per_indicator_rounding)
    total = _total(report, profile, sums, execution, indicator_weights, tuple(unweighted))
    ev = report.evaluation
    stated_word = ev.grade if ev is not None else None
    grade = _GradeResult(
        stated_word,
        profile.band_of_word(stated_word) if stated_word is not None else None,
        total.stated,
        profile.grade_for(total.stated) if total.stated is not None else None,
        total.recomputed,
        profile.grade_for(total.recomputed),
        total.partial,
    )
    return _ScoreSheet(profile, tuple(scores), tiers, execution, total, grade, system, untiered)


#: The indicators' part of the total: (recomputed, partial, stated sum, any stated, the
#: weighted indicators that state no score).
_Sums = tuple[Decimal, bool, Decimal, bool, list[str]]


def _score_sums(scores: Sequence[IndicatorScore], per: bool) -> _Sums:
    """The indicators' part of the total, from their scores: rounded ones, or exact when not ``per``."""
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
    return recomputed, partial, stated_sum, any_stated, missing


def _node_sums(subtotals: Sequence[TierSubtotal]) -> _Sums:
    """The indicators' part of the total, from the first-level nodes' rounded subtotals."""
    recomputed = _ZERO
    partial = False
    stated_sum = _ZERO
    any_stated = False
    for sub in subtotals:
        if sub.node.execution:
            continue  # the execution part's own node: no indicators
        recomputed += sub.recomputed
        partial = partial or sub.partial
        if sub.stated_sum is not None:
            stated_sum += sub.stated_sum
            any_stated = True
    return recomputed, partial, stated_sum, any_stated, []


def _total(
    report: Report,
    profile: Profile,
    sums: _Sums,
    execution: ExecutionScore,
    indicator_weights: Decimal,
    unweighted: tuple[str, ...],
) -> TotalScore:
    """The total: per-indicator rounded scores (or exact ones when the profile rounds only the sum)."""
    per = profile.per_indicator_rounding
    recomputed, partial, stated_sum, any_stated, missing = sums
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
    ev = report.evaluation
    return _TotalScore(
        ev.score if ev is not None else None,
        stated_sum if any_stated else None,
        tuple(missing),
        recomputed.quantize(profile.quantum, profile.rounding_mode),
        partial,
        indicator_weights + execution.weight,
        profile.total,
        unweighted,
        profile.quantum,
        profile.rounding_mode,
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
        return _ExecutionScore(
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
    return _ExecutionScore(  # positional, in the field order: a keyword call costs more
        basis,
        weight,
        weight_source,
        cap,
        stated,
        None if exact is None else exact.quantize(q, mode),
        amount,
        basis_from,
        executed,
        rate,
        rate_source,
        stated_rate,
        None if stated_rate is None else points(stated_rate).quantize(q, mode),
        "no-rate" if exact is None else None,
        exact,
        q,
        mode,
    )


def _expected_weights(profile: Profile, present: set[str | None]) -> dict[str, Decimal]:
    """The profile's tier weights, the weight of absent ``redistribute`` tiers moved to present ones."""
    expected: dict[str, Decimal] = {}
    moved = _ZERO
    for rule in profile.tiers:
        if rule.weight is None:
            continue
        if rule.name in present or rule.absent != "redistribute":
            expected[rule.name] = rule.weight
        else:
            moved += rule.weight
    if moved:
        here = {n: w for n, w in expected.items() if n in present}
        base = sum(here.values(), _ZERO)
        if base > 0:
            for n, w in here.items():
                expected[n] = w + moved * w / base
    return expected


def _subtotals(
    system: IndicatorSystem,
    profile: Profile,
    scores: Sequence[IndicatorScore],
    execution: ExecutionScore,
) -> tuple[tuple[TierSubtotal, ...], TierSubtotal | None, bool]:
    """The subtotal of every first-level node: the named ones in order, the untiered one, and
    whether every weighted indicator states its score."""
    q, mode = profile.quantum, profile.rounding_mode
    expected = _expected_weights(profile, {t.name for t in system.tiers if t.indices})
    named: list[TierSubtotal] = []
    untiered: TierSubtotal | None = None
    complete = True
    for node in system.tiers:
        sub, stated_all = _subtotal(node, scores, execution, expected, q, mode)
        complete = complete and stated_all
        if node.name is None:
            untiered = sub
        else:
            named.append(sub)
    return tuple(named), untiered, complete


def _subtotal(
    node: FirstTier,
    scores: Sequence[IndicatorScore],
    execution: ExecutionScore,
    expected: dict[str, Decimal],
    q: Decimal,
    mode: str,
) -> tuple[TierSubtotal, bool]:
    """A node's subtotal, and whether every weighted indicator in it states its score."""
    if node.execution:  # a stated subtotal of the budget-execution part
        recomputed = execution.recomputed
        sub = _TierSubtotal(
            node,
            execution.weight,
            None,
            execution.stated,
            recomputed if recomputed is not None else _ZERO,
            recomputed is None,
            q,
            mode,
        )
        return sub, True
    stated_sum = recomputed = _ZERO
    any_stated = partial = False
    stated_all = True
    for i in node.indices:
        s = scores[i]
        if s.stated is not None:
            stated_sum += s.stated
            any_stated = True
        elif s.weight:
            stated_all = False
        if s.recomputed is None:
            partial = True
        else:
            recomputed += s.recomputed
    sub = _TierSubtotal(
        node,
        node.weight,
        expected.get(node.name) if node.name is not None else None,
        stated_sum if any_stated else None,
        recomputed,
        partial,
        q,
        mode,
    )
    return sub, stated_all
