"""The sum relations of the line trees as read, once per check: which hold, which add up exactly.

Each parent line against its children and each partition of the root lines
(``PARTITIONS``) against the budget block, figure by figure (``FIGURES``),
when every figure is stated. ``_lines`` builds its analysis on this reading
(``read``, once per check in ``_lines.analyse``): the failing relations for the sum kinds and the
unit slips, those that hold only within rounding for ``sum_rounding``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from perfrules.document.figures import Money
from perfrules.document.model import Line, LineKind
from perfrules.document.tolerance import sum_interval, within
from perfrules.rules.context import Context

__all__ = [
    "FIGURES",
    "PARTITIONS",
    "Figure",
    "Relation",
    "Sum",
    "holds_within",
    "parts",
    "read",
    "relation",
]

#: Root kinds that together make up the whole budget (the spec's ``[[lines]]`` section).
PARTITIONS: tuple[frozenset[LineKind], ...] = (
    frozenset({LineKind.SOURCE}),
    frozenset({LineKind.FUNCTION}),
    frozenset({LineKind.ITEM}),
    frozenset({LineKind.BASIC, LineKind.PROJECT}),
)
FIGURES = ("budget", "executed")
_ZERO = Decimal(0)


@attrs.frozen
class Figure:
    """A stated figure of a line (``index`` ≥ 0) or of the budget block (``index`` = -1, ``key``)."""

    index: int
    key: str  # "budget" / "executed" for lines; the budget key for the block
    money: Money

    @property
    def path(self) -> str:
        """The figure's key path."""
        return f"lines[{self.index}].{self.key}" if self.index >= 0 else f"budget.{self.key}"


@attrs.frozen
class Relation:
    """A stated total and the stated parts that must add up to it."""

    about: str
    path: str
    label: str
    totals: tuple[Figure, ...]  # the sum must match one of these (roots: adjusted or initial)
    parts: tuple[Figure, ...]
    holds: bool
    slip: tuple[Figure, int] | None = None

    @property
    def total(self) -> Figure:
        """The first candidate total (the one named in messages)."""
        return self.totals[0]

    def sum(self) -> Decimal:
        """The sum of the parts as stated."""
        return sum((p.money.amount for p in self.parts), Decimal(0))


def holds_within(totals: Sequence[Money], parts: Sequence[Money], exact: bool) -> bool:
    """True when the parts' sum can equal one of the totals, within written precision."""
    s = sum_interval(parts, exact)
    return any(within(s, t.bounds(exact)) for t in totals)


#: A sum relation as read (:func:`read`), a plain tuple: the parent line's index (-1: the
#: budget block), the parts' figure key, the parent's id (None for the block), the label, the
#: candidate totals as (index, key, Money), the lines whose ``key`` figures are the parts
#: (index, line), whether it holds within written precision, and whether the parts add up
#: exactly to one of the totals.
Sum = tuple[
    int,
    str,
    "str | None",
    str,
    tuple[tuple[int, str, Money], ...],
    list[tuple[int, Line]],
    bool,
    bool,
]

#: Each root kind's partition (its index in :data:`PARTITIONS`) and each partition's label.
_PARTITION_OF: dict[LineKind, int] = {k: gi for gi, group in enumerate(PARTITIONS) for k in group}
_PARTITION_LABELS = tuple("/".join(sorted(k.value for k in group)) for group in PARTITIONS)


def read(ctx: Context) -> list[Sum]:
    """Every sum relation whose figures are all stated: parents and children, then the roots.

    Parts that add up exactly to a total hold at any precision (the exact sum
    lies inside every interval): the interval test runs only for the others.
    """
    exact = ctx.integers_exact
    lines_by_id = ctx.lines_by_id
    children = ctx.children
    out: list[Sum] = []
    for parent_id, kids in children.items():
        if parent_id is None:
            continue
        entry = lines_by_id.get(parent_id)
        if entry is None:
            continue
        pindex, parent = entry
        for key in FIGURES:
            total = getattr(parent, key)
            if total is None:
                continue
            amount = _ZERO
            for _, kid in kids:
                value = getattr(kid, key)
                if value is None:
                    break
                amount += value.amount
            else:
                equal = total.amount == amount
                holds = equal or holds_within((total,), parts(kids, key), exact)
                out.append(
                    (
                        pindex,
                        key,
                        parent.id,
                        parent.label,
                        ((pindex, key, total),),
                        kids,
                        holds,
                        equal,
                    )
                )
    budget = ctx.report.budget
    roots = children.get(None)
    if budget is None or not roots:
        return out
    groups: list[list[tuple[int, Line]]] = [[] for _ in PARTITIONS]
    for root in roots:
        gi = _PARTITION_OF.get(root[1].kind)
        if gi is not None:
            groups[gi].append(root)
    adjusted, initial, executed = budget.adjusted, budget.initial, budget.executed
    planned = [
        (-1, k, m) for k, m in (("adjusted", adjusted), ("initial", initial)) if m is not None
    ]
    block = (tuple(planned), ((-1, "executed", executed),) if executed is not None else ())
    for group, members, label in zip(PARTITIONS, groups, _PARTITION_LABELS, strict=True):
        if not members or (len(group) > 1 and not group <= {line.kind for _, line in members}):
            continue  # a partition is checked only when every kind of its group is given
        for key, totals in zip(FIGURES, block, strict=True):
            if not totals:
                continue
            amount = _ZERO
            for _, line in members:
                value = getattr(line, key)
                if value is None:
                    break
                amount += value.amount
            else:
                equal = False
                for _, _, m in totals:
                    if m.amount == amount:
                        equal = True
                        break
                holds = equal or holds_within([m for _, _, m in totals], parts(members, key), exact)
                out.append((-1, key, None, label, totals, members, holds, equal))
    return out


def parts(members: list[tuple[int, Line]], key: str) -> list[Money]:
    """The ``key`` figures of a relation's lines (every one stated, as :func:`read` reads them)."""
    out: list[Money] = []
    for _, line in members:
        value = getattr(line, key)
        assert value is not None
        out.append(value)
    return out


def relation(s: Sum) -> Relation:
    """The relation a read sum stands for, with its subject, key path and figures."""
    pindex, key, parent_id, label, totals, members, holds, _ = s
    if pindex >= 0:
        about, path = f"line:{parent_id}", f"lines[{pindex}].{key}"
    else:
        about = path = f"budget.{totals[0][1]}"
    return Relation(
        about,
        path,
        label,
        tuple(Figure(i, k, m) for i, k, m in totals),
        tuple(Figure(i, key, m) for (i, _), m in zip(members, parts(members, key), strict=True)),
        holds,
    )
