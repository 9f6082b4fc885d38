"""The report's own data as the review page shows it: small picklable records of texts as written.

:func:`report_view` turns a loaded :class:`~perfrules.document.model.Report`
into a :class:`ReportView`: the header, the budget block, the breakdown lines
in tree order, the indicators, the evaluation, the narrative, the claims, the
waivers and (for an extracted report) the provenance of each value. Every
figure is kept as the report writes it (``"1.12元"``, ``"≥12篇"``), with the
key path (``lines[2].executed``) that findings use, so that the HTML writer
only lays it out. It is computed once, in the worker that checked the
document, and only when HTML output is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from perfrules.document.model import BUDGET_KEYS

if TYPE_CHECKING:
    from perfrules.document.model import Report
    from perfrules.document.provenance import Traced

__all__ = [
    "BUDGET_KEYS",
    "NARRATIVE_KEYS",
    "ClaimRow",
    "IndicatorRow",
    "LineRow",
    "ReportView",
    "WaiverRow",
    "report_view",
    "value_text",
]

#: The keys of ``[narrative]``, in the order of the report's sections.
NARRATIVE_KEYS = ("unmet_targets", "problems", "measures", "conclusion")


class LineRow(NamedTuple):
    """One ``[[lines]]`` row; ``depth`` is its level in the tree (0 for a root)."""

    pos: int  # its index in the document
    id: str
    label: str
    depth: int
    kind: str
    budget: str | None
    executed: str | None
    share: str | None
    source: str | None


class IndicatorRow(NamedTuple):
    """One ``[[indicators]]`` row of the 自评表, every value as written."""

    pos: int  # its index in the document
    tier1: str | None
    tier2: str | None
    name: str
    goal: str | None
    target: str | None
    actual: str | None
    completion_rate: str | None
    midyear: str | None
    weight: str | None
    score: str | None
    deviation_reason: str | None
    improvement: str | None
    source: str | None


class ClaimRow(NamedTuple):
    """One ``[[claims]]`` row."""

    pos: int  # its index in the document
    about: str
    value: str
    source: str | None


class WaiverRow(NamedTuple):
    """One ``[[waivers]]`` row."""

    pos: int  # its index in the document
    rule: str
    about: str | None
    reason: str


class ReportView(NamedTuple):
    """What the review page shows of one report, as texts with their key paths.

    ``budget`` holds ``(key, text)`` for the keys the report gives, in
    :data:`BUDGET_KEYS` order; ``chain`` the amounts of 年初预算数, 调整数,
    调整后预算数 and 执行数 in the report's money unit (None when not given),
    ``stated_rate`` the stated execution rate in percent. ``provenance`` maps
    key paths to their origin for a report extracted from a Word, Excel, PDF
    or text file (empty otherwise); ``file`` is the file it was read from.
    """

    department: str
    year: int
    kind: str
    title: str | None
    region: str | None
    filled_on: str | None
    money_unit: str
    profile: str | None
    budget: tuple[tuple[str, str], ...]
    chain: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    stated_rate: Decimal | None
    lines: tuple[LineRow, ...]
    indicators: tuple[IndicatorRow, ...]
    has_evaluation: bool
    score: str | None
    grade: str | None
    tier_scores: tuple[tuple[str, str], ...]
    narrative: tuple[tuple[str, str], ...]
    claims: tuple[ClaimRow, ...]
    waivers: tuple[WaiverRow, ...]
    provenance: Mapping[str, Traced]
    file: str | None


def value_text(value: object) -> str | None:
    """How the page writes a value: as written where the report gave text, else canonically."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    raw = getattr(value, "raw", None)
    if isinstance(raw, str):
        return raw
    from perfrules.document.values import Comparison, Qualitative, Quantity, Timing, Unparsed

    if isinstance(value, (Comparison, Quantity, Timing, Qualitative, Unparsed)):
        from perfrules.document.valueparse import render_value

        return render_value(value)
    return str(value)


def _amount(money: object) -> Decimal | None:
    amount = getattr(money, "amount", None)
    return amount if isinstance(amount, Decimal) and amount.is_finite() else None


def _tree_order(report: Report) -> list[tuple[int, int]]:
    """``(index, depth)`` of every line, parents before their children, in document order."""
    lines = report.lines
    ids = {line.id for line in lines}
    children: dict[str, list[int]] = {}
    roots: list[int] = []
    for i, line in enumerate(lines):
        if line.parent is not None and line.parent in ids and line.parent != line.id:
            children.setdefault(line.parent, []).append(i)
        else:
            roots.append(i)
    order: list[tuple[int, int]] = []
    placed: set[int] = set()
    stack = [(i, 0) for i in reversed(roots)]
    while stack:
        i, depth = stack.pop()
        if i in placed:
            continue
        placed.add(i)
        order.append((i, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(lines[i].id, ())))
    # rows caught in a parent cycle are reachable from no root: list them last, flat
    order.extend((i, 0) for i in range(len(lines)) if i not in placed)
    return order


def report_view(report: Report) -> ReportView:
    """The page's view of ``report`` (texts as written, key paths, provenance)."""
    info = report.report
    budget = report.budget
    budget_rows: list[tuple[str, str]] = []
    chain: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    chain = (None, None, None, None)
    stated_rate: Decimal | None = None
    if budget is not None:
        for key in BUDGET_KEYS:
            text = value_text(getattr(budget, key))
            if text is not None:
                budget_rows.append((key, text))
        chain = (
            _amount(budget.initial),
            _amount(budget.adjustment),
            _amount(budget.adjusted),
            _amount(budget.executed),
        )
        if budget.execution_rate is not None and budget.execution_rate.value.is_finite():
            stated_rate = budget.execution_rate.value
    lines = tuple(
        LineRow(
            i,
            report.lines[i].id,
            report.lines[i].label,
            depth,
            report.lines[i].kind.value,
            value_text(report.lines[i].budget),
            value_text(report.lines[i].executed),
            value_text(report.lines[i].share),
            report.lines[i].source,
        )
        for i, depth in _tree_order(report)
    )
    indicators = tuple(
        IndicatorRow(
            i,
            ind.tier1,
            ind.tier2,
            ind.name,
            ind.goal,
            value_text(ind.target),
            value_text(ind.actual),
            value_text(ind.completion_rate),
            value_text(ind.midyear),
            value_text(ind.weight),
            value_text(ind.score),
            ind.deviation_reason,
            ind.improvement,
            ind.source,
        )
        for i, ind in enumerate(report.indicators)
    )
    ev = report.evaluation
    narrative = report.narrative
    source = report.source
    provenance: Mapping[str, Traced] = getattr(source, "provenance", None) or {}
    return ReportView(
        department=info.department,
        year=info.year,
        kind=info.kind.value,
        title=info.title,
        region=info.region,
        filled_on=info.filled_on.isoformat() if info.filled_on is not None else None,
        money_unit=info.money_unit,
        profile=info.profile,
        budget=tuple(budget_rows),
        chain=chain,
        stated_rate=stated_rate,
        lines=lines,
        indicators=indicators,
        has_evaluation=ev is not None,
        score=value_text(ev.score) if ev is not None else None,
        grade=ev.grade if ev is not None else None,
        tier_scores=tuple((t.tier, format(t.score, "f")) for t in ev.tier_scores)
        if ev is not None
        else (),
        narrative=tuple(
            (key, text)
            for key in NARRATIVE_KEYS
            if narrative is not None and (text := getattr(narrative, key)) is not None
        ),
        claims=tuple(
            ClaimRow(i, c.about, value_text(c.value) or "", c.source)
            for i, c in enumerate(report.claims)
        ),
        waivers=tuple(
            WaiverRow(i, w.rule, w.about, w.reason) for i, w in enumerate(report.waivers)
        ),
        provenance=dict(provenance),
        file=source.file if source is not None else None,
    )
