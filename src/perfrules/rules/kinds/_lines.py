"""Shared analysis of the line trees: every sum relation, whether it holds, and unit slips.

Computed once per check (``ctx.shared(analyse)``) and used by the
``line_sum``, ``root_sum``, ``line_share`` and ``unit_slip`` kinds, so that one
mistake gives one finding: a sum that fails only because one figure was
written in 元 instead of 万元 (or the reverse) is reported as that unit slip,
not also as a failed sum and a wrong share. Only bare figures are suspected.
``rounding_gaps`` lists the sums that hold only within rounding, for the
``sum_rounding`` kind.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from perfrules.document.figures import Money, Percent
from perfrules.document.model import Line
from perfrules.document.tolerance import (
    Gap,
    agrees_as_written,
    percent_matches,
    sum_gap,
)
from perfrules.messages import Message
from perfrules.messages.document import Text
from perfrules.messages.kinds import FIGURES as FIGURE_NAMES
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds._linesums import (
    FIGURES,
    PARTITIONS,
    Figure,
    Relation,
    Sum,
    holds_within,
    parts,
    read,
    relation,
)

__all__ = [
    "FIGURES",
    "PARTITIONS",
    "Analysis",
    "Figure",
    "Relation",
    "ShareCheck",
    "SumArgs",
    "analyse",
    "corrected",
    "doubtful_shares",
    "figure_name",
    "rounding_gaps",
    "shares",
    "sum_hits",
    "unit_of_power",
]


def figure_name(key: str) -> Message:
    """The name of the budget figure ``key`` on the form (an unknown key as it is)."""
    entry = FIGURE_NAMES.get(key)
    return entry() if entry is not None else Text(text=key)


SLIP_POWERS = (4, -4)  # 元 written for 万元, 万元 written for 元


@attrs.frozen
class Analysis:
    """The failing sum relations of a report, and the figures found to be unit slips."""

    relations: tuple[Relation, ...]
    slips: dict[tuple[int, str], tuple[Figure, int]]
    #: Every sum relation as read (``_linesums.read``), holding or not.
    sums: list[Sum] = attrs.field(factory=list, eq=False, repr=False)


def _candidates(
    totals: Sequence[Figure], parts: Sequence[Figure], exact: bool
) -> list[tuple[Figure, int]]:
    """Each bare figure whose rescaling by 10**±4 makes the relation hold.

    A figure written with a unit of its own (``"500元"`` in a 万元 table) is
    never a candidate: its unit was written, not assumed, and it converts as
    written (500元 = 0.05万元). Only a bare number can be in the wrong unit.
    """
    found: list[tuple[Figure, int]] = []
    monies = [p.money for p in parts]
    for i, part in enumerate(parts):
        if part.money.has_unit:
            continue
        for power in SLIP_POWERS:
            trial = [*monies[:i], part.money.rescaled(power), *monies[i + 1 :]]
            if holds_within([t.money for t in totals], trial, exact):
                found.append((part, power))
    for t in totals:
        if t.money.has_unit:
            continue
        for power in SLIP_POWERS:
            if holds_within([t.money.rescaled(power)], monies, exact):
                found.append((t, power))
    return found


def _breaks_what_holds(ctx: Context, sums: list[Sum], fig: Figure, power: int) -> bool:
    """True when the figure, as written, agrees elsewhere and its rescaling would break that.

    A sum that holds with the figure as written (500 in a parent whose other
    parts and total agree with it), or a stated execution rate that fits the
    figure as written, is evidence that its unit is right.
    """
    exact = ctx.integers_exact
    index, fkey = fig.index, fig.key
    for _, key, _, _, totals, members, holds, _ in sums:
        if not holds:
            continue
        touched = False
        moved_totals: list[Money] = []
        for i, k, m in totals:
            if i == index and k == fkey:
                m, touched = m.rescaled(power), True
            moved_totals.append(m)
        moved_parts = parts(members, key)
        if key == fkey:
            for n, (i, _) in enumerate(members):
                if i == index:
                    moved_parts[n], touched = moved_parts[n].rescaled(power), True
        if touched and not holds_within(moved_totals, moved_parts, exact):
            return True
    if fig.index >= 0:
        return _breaks_a_share(ctx, fig, power)
    budget = ctx.report.budget
    if budget is None or budget.execution_rate is None:
        return False
    base_key = ctx.profile.execution_basis
    executed, base = budget.executed, getattr(budget, base_key, None)
    if executed is None or base is None or fig.key not in ("executed", base_key):
        return False
    rate = budget.execution_rate
    as_written = percent_matches(rate, executed.bounds(exact), base.bounds(exact))
    if fig.key == "executed":
        executed = executed.rescaled(power)
    else:
        base = base.rescaled(power)
    return bool(as_written) and not percent_matches(
        rate, executed.bounds(exact), base.bounds(exact)
    )


def _breaks_a_share(ctx: Context, fig: Figure, power: int) -> bool:
    """True when a stated share that holds with the line figure as written fails once it is rescaled.

    The line's own share (its figure over its parent's) and its children's
    shares (their figures over it) are the ones it takes part in.
    """
    exact = ctx.integers_exact
    line = ctx.report.lines[fig.index]
    pairs: list[tuple[Percent, Money, Money, bool]] = []  # share, part, whole, rescale the part
    if line.share is not None and line.parent in ctx.lines_by_id:
        whole = getattr(ctx.lines_by_id[line.parent][1], fig.key)
        if whole is not None:
            pairs.append((line.share, fig.money, whole, True))
    for _, kid in ctx.children.get(line.id, []):
        part = getattr(kid, fig.key)
        if kid.share is not None and part is not None:
            pairs.append((kid.share, part, fig.money, False))
    for share, part, whole, on_part in pairs:
        moved_part = part.rescaled(power) if on_part else part
        moved_whole = whole if on_part else whole.rescaled(power)
        if percent_matches(share, part.bounds(exact), whole.bounds(exact)) and not percent_matches(
            share, moved_part.bounds(exact), moved_whole.bounds(exact)
        ):
            return True
    return False


def rounding_gaps(ctx: Context) -> list[tuple[Relation, Figure, Gap]]:
    """The sum relations that hold only if rounding is assumed, each with the total it is nearest.

    A relation whose parts add up, as written, to one of its totals at the
    coarser written place agrees; one that meets a total only within the
    figures' rounding intervals is listed with that total and the difference.
    """
    out: list[tuple[Relation, Figure, Gap]] = []
    # a relation whose parts add up exactly to a total agrees at any place: those (the
    # common case) are skipped before anything is built
    for s in ctx.shared(analyse).sums:
        if s[7] or not s[6]:  # adds up exactly, or fails (the sum kinds')
            continue
        rel = relation(s)
        parts = [p.money for p in rel.parts]
        gaps = [(t, sum_gap(t.money, parts, ctx.integers_exact)) for t in rel.totals]
        if any(g.agrees for _, g in gaps):
            continue
        near = [(t, g) for t, g in gaps if g.by_rounding_only]
        if near:
            out.append((rel, *near[0]))
    return out


def analyse(ctx: Context) -> Analysis:
    """The report's failing sum relations, and the unit slips that explain them.

    A relation is explained by a slip when exactly one bare figure's rescaling
    makes it hold without breaking anything that holds as written.
    """
    relations: list[Relation] = []
    slips: dict[tuple[int, str], tuple[Figure, int]] = {}
    read_sums = read(ctx)
    for s in read_sums:
        if s[6]:
            continue  # holds: the common case, nothing to build
        rel = relation(s)
        found = _candidates(rel.totals, rel.parts, ctx.integers_exact)
        found = [(f, p) for f, p in found if not _breaks_what_holds(ctx, read_sums, f, p)]
        if len(found) == 1:
            fig = found[0][0]
            rel = attrs.evolve(rel, slip=found[0])
            slips.setdefault((fig.index, fig.key), found[0])
        relations.append(rel)
    return Analysis(tuple(relations), slips, read_sums)


def corrected(analysis: Analysis, index: int, key: str, money: Money) -> Money:
    """A line figure with its unit slip (if any) undone."""
    slip = analysis.slips.get((index, key))
    return money.rescaled(slip[1]) if slip is not None else money


@attrs.frozen
class ShareCheck:
    """A stated share (占比) of a line and the figures it was checked against."""

    index: int
    key: str
    part: Money
    whole: Money
    holds: bool
    explained: bool  # fails as stated, holds once a unit slip is undone
    slip: tuple[Figure, int] | None  # a slip found by the share alone


def _doubtful_shares(ctx: Context) -> list[tuple[int, Line, int, Line]]:
    """Each line with a stated share and a stated parent (index, line, parent's index, parent).

    Left out: a share that agrees as written with the executed figures
    (``tolerance.agrees_as_written``, the common case). It fits within
    precision on that basis, so it neither fails (``shares``) nor holds by
    rounding only (``rate_rounding``): both would pass it.
    """
    exact = ctx.integers_exact
    lines_by_id = ctx.lines_by_id
    out: list[tuple[int, Line, int, Line]] = []
    for index, line in enumerate(ctx.report.lines):
        share = line.share
        if share is None or line.parent is None:
            continue
        entry = lines_by_id.get(line.parent)
        if entry is None:
            continue
        part, whole = line.executed, entry[1].executed
        if part is not None and whole is not None and agrees_as_written(share, part, whole, exact):
            continue
        out.append((index, line, *entry))
    return out


def doubtful_shares(ctx: Context) -> list[tuple[int, Line, int, Line]]:
    """The stated shares that may fail or hold by rounding only (shared per check)."""
    return ctx.shared(_read_shares)[0]


def shares(ctx: Context) -> list[ShareCheck]:
    """Every failing stated share with its verdict (shared per check)."""
    return ctx.shared(_read_shares)[1]


def _read_shares(ctx: Context) -> tuple[list[tuple[int, Line, int, Line]], list[ShareCheck]]:
    doubtful = _doubtful_shares(ctx)
    return doubtful, (_failing_shares(ctx, doubtful) if doubtful else [])


def _failing_shares(ctx: Context, doubtful: list[tuple[int, Line, int, Line]]) -> list[ShareCheck]:
    analysis = ctx.shared(analyse)
    out: list[ShareCheck] = []
    exact = ctx.integers_exact
    for index, line, pindex, parent in doubtful:
        assert line.share is not None
        candidates = [(k, getattr(line, k), getattr(parent, k)) for k in ("executed", "budget")]
        candidates = [(k, a, b) for k, a, b in candidates if a is not None and b is not None]
        if not candidates:
            continue
        if any(
            percent_matches(line.share, a.bounds(exact), b.bounds(exact)) is not False
            for k, a, b in candidates
        ):
            continue
        key, part, whole = candidates[0]
        explained = any(
            percent_matches(
                line.share,
                corrected(analysis, index, k, a).bounds(exact),
                corrected(analysis, pindex, k, b).bounds(exact),
            )
            for k, a, b in candidates
        )
        slip = None
        if not explained and not part.has_unit:
            for power in SLIP_POWERS:
                if percent_matches(
                    line.share, part.rescaled(power).bounds(exact), whole.bounds(exact)
                ) and not _breaks_what_holds(ctx, analysis.sums, Figure(index, key, part), power):
                    slip = (Figure(index, key, part), power)
                    break
        out.append(ShareCheck(index, key, part, whole, False, explained, slip))
    return out


def unit_of_power(power: int, written: str) -> str:
    """The unit a figure written in ``written`` was probably meant in."""
    return {("元", 4): "万元", ("万元", -4): "元", ("万元", 4): "亿元", ("亿元", -4): "万元"}.get(
        (written, power), written
    )


@attrs.frozen(eq=False, repr=False, slots=False)
class SumArgs:
    """What a failing sum's message may name: the line (or group of root lines), the figure, its total and the parts."""

    label: str
    figure: str
    #: The figure's name on the form (年初预算数 …).
    figure_name: Message
    total: Money
    sum: Decimal
    parts: str


def sum_hits(ctx: Context, prefix: str) -> Iterator[Hit]:
    """A hit for each failing relation whose subject starts with ``prefix`` (``line:``, ``budget.``).

    A relation explained by a unit slip is left to the ``unit_slip`` kind, so
    that one mistake gives one finding.
    """
    for rel in ctx.shared(analyse).relations:
        if rel.holds or rel.slip is not None or not rel.about.startswith(prefix):
            continue
        computed = rel.sum()
        yield Hit(
            rel.about,
            rel.path,
            expected=computed,
            found=rel.total.money.amount,
            args=SumArgs(
                label=rel.label,
                figure=rel.total.key,
                figure_name=figure_name(rel.total.key),
                total=rel.total.money,
                sum=computed,
                parts=" + ".join(str(p.money) for p in rel.parts),
            ),
        )
