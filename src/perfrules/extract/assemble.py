"""From what was read to a format-1 document: each field's value, the repeats as claims, every value traced.

Of all statements of a field the best ranked (a form's table, then a
labelled field, then prose; then the first in the document) is the value;
the others become ``[[claims]]`` about it, so that the rules compare them.
Money is written as a number in the report's money unit (the unit of its
budget block) or as a string with its own unit (``"0.2万元"``, ``"1.12元"``).
The result is a list of :class:`Part` (one per TOML table), which gives both
the document's data and, through :mod:`perfrules.extract.writer`, its text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from perfrules.document.model import BUDGET_FIGURES
from perfrules.document.provenance import Traced
from perfrules.extract.draft import Amount, Draft, LineDraft, Review, Stated
from perfrules.extract.forms import folded
from perfrules.messages import extract as msg

__all__ = ["Entry", "Part", "assemble", "render_amount"]


@attrs.frozen
class Entry:
    """One key of the document: its value (as TOML writes it), where it was read, and a note."""

    key: str
    value: Any
    origin: Traced | None = None
    note: str = ""


@attrs.frozen
class Part:
    """One TOML table (``[budget]``) or one element of an array of tables (``[[lines]]``)."""

    name: str
    path: str  # the key path of the table: report, budget, lines[3]
    entries: tuple[Entry, ...]
    array: bool = False
    comments: tuple[str, ...] = ()
    reviews: tuple[Review, ...] = ()
    origin: Traced | None = None


def render_amount(amount: Amount, unit: str) -> Decimal | str:
    """An amount as the document writes it: a number in ``unit``, else a string with its own unit."""
    if not amount.unit or amount.unit == unit:
        return amount.value
    return f"{amount.value}{amount.unit}"


def _best(statements: list[Stated]) -> Stated:
    return min(statements, key=lambda st: (st.rank, st.order))


def _money_unit(draft: Draft) -> str:
    for field in ("initial", "adjusted", "executed"):
        for st in sorted(draft.budget.get(field, []), key=lambda st: (st.rank, st.order)):
            if isinstance(st.value, Amount) and st.value.unit in ("元", "万元"):
                return st.value.unit
    units: Counter[str] = Counter(
        st.value.unit
        for ln in draft.lines
        for st in (*ln.budget, *ln.executed)
        if isinstance(st.value, Amount) and st.value.unit in ("元", "万元")
    )
    return units.most_common(1)[0][0] if units else "万元"


class _Assembler:
    def __init__(self, draft: Draft, simplify: dict[int, int]) -> None:
        self.draft = draft
        self.simplify = simplify
        self.unit = _money_unit(draft)
        self.claims: list[tuple[str, Any, Stated]] = []

    def value(self, stated: Stated) -> Any:
        if isinstance(stated.value, Amount):
            return render_amount(stated.value, self.unit)
        return stated.value

    def field(self, about: str | None, statements: list[Stated]) -> Stated | None:
        """The statement that is the value; the others become claims about ``about`` (when claimable)."""
        if not statements:
            return None
        best = _best(statements)
        if about is not None:
            for st in sorted(statements, key=lambda st: st.order):
                if st is not best and st.origin != best.origin:
                    self.claims.append((about, self.value(st), st))
        return best

    def entry(self, key: str, stated: Stated | None, about: str | None = None) -> Entry | None:
        if stated is None:
            return None
        return Entry(key, self.value(stated), stated.origin, stated.note)


def _entries(items: Iterable[Entry | None]) -> tuple[Entry, ...]:
    return tuple(e for e in items if e is not None)


def _collapse_single_project(draft: Draft) -> None:
    """A 项目支出 line with one project of the same figures is that project (共有1个项目)."""
    parent = draft.line("project")
    if parent is None:
        return
    kids = [ln for ln in draft.lines if ln.parent == "project"]
    if len(kids) != 1 or kids[0].kind != "project":
        return
    kid = kids[0]
    for field in ("budget", "executed"):
        mine, theirs = getattr(parent, field), getattr(kid, field)
        if mine and theirs and _best(mine).value != _best(theirs).value:
            return
    parent.label = kid.label
    parent.origin = kid.origin
    parent.budget.extend(kid.budget)
    parent.executed.extend(kid.executed)
    draft.lines.remove(kid)


def _initial_tree(draft: Draft) -> None:
    """Lines stated with both 年初 and 全年 budgets: the 年初 ones become a tree of their own (kind other)."""
    split = [ln for ln in draft.lines if ln.initial_budget and ln.budget]
    for ln in draft.lines:
        if ln.initial_budget and not ln.budget:
            ln.budget, ln.initial_budget = ln.initial_budget, []
    if not split:
        return
    first = split[0].initial_budget[0]
    root = LineDraft("initial", "年初预算", "other", first.origin, first.source)
    root.budget = list(draft.budget.get("initial", []))[:1]
    draft.lines.append(root)
    for ln in split:
        child = LineDraft(
            f"initial_{ln.id}",
            f"{ln.label}年初预算数",
            "other",
            ln.initial_budget[0].origin,
            ln.initial_budget[0].source,
            "initial",
        )
        child.budget = ln.initial_budget
        ln.initial_budget = []
        draft.lines.append(child)


def _same_label_claims(asm: _Assembler, draft: Draft) -> None:
    """A line label stated in two trees (公务接待费 in 三公经费 and in the project list): the second repeats the first."""
    first: dict[str, LineDraft] = {}
    for ln in draft.lines:
        key = folded(ln.label, asm.simplify)
        if len(key) < 4:
            continue
        other = first.setdefault(key, ln)
        if other is not ln and other.parent != ln.parent:
            for field in ("budget", "executed"):
                if getattr(ln, field) and getattr(other, field):
                    st = _best(getattr(ln, field))
                    asm.claims.append((f"line:{other.id}.{field}", asm.value(st), st))


def _second_reasons(draft: Draft, simplify: dict[int, int]) -> None:
    """A second, different 偏离原因: format 1 holds one; a person decides what the other explains."""
    reasons = sorted(draft.budget.get("deviation_reason", []), key=lambda st: (st.rank, st.order))
    if not reasons or "adjustment_reason" in draft.budget:
        return
    first = folded(str(reasons[0].value), simplify)

    def same(st: Stated) -> bool:
        text = folded(str(st.value), simplify)
        return text in first or first in text

    other = next((st for st in reasons[1:] if not same(st)), None)
    if other is None:
        return
    draft.reviews.append(
        Review(
            "budget.adjustment_reason",
            msg.SecondReason(),
            ((other.value, "the second reason, as the adjustment's"),),
            other.origin,
        )
    )


def _lines(asm: _Assembler, draft: Draft) -> list[Part]:
    _collapse_single_project(draft)
    _initial_tree(draft)
    ids = {ln.id for ln in draft.lines}
    has_figure = {ln.id for ln in draft.lines if ln.budget or ln.executed}
    for ln in draft.lines:
        if ln.parent in ids and ln.id in has_figure:
            has_figure.add(ln.parent)
    reviews = {r.about: r for r in draft.reviews if r.about.startswith("line:")}
    kept = [ln for ln in draft.lines if ln.id in has_figure or f"line:{ln.id}" in reviews]
    _same_label_claims(asm, draft)
    parts = []
    for i, ln in enumerate(kept):
        budget = asm.field(f"line:{ln.id}.budget", ln.budget)
        executed = asm.field(f"line:{ln.id}.executed", ln.executed)
        share = asm.field(f"line:{ln.id}.share", ln.share)
        entries = _entries(
            [
                Entry("id", ln.id),
                Entry("label", ln.label, ln.origin),
                Entry("kind", ln.kind),
                Entry("parent", ln.parent) if ln.parent in ids else None,
                asm.entry("budget", budget),
                asm.entry("executed", executed),
                asm.entry("share", share),
                Entry("source", ln.source) if ln.source else None,
            ]
        )
        review = reviews.get(f"line:{ln.id}")
        parts.append(
            Part(
                "lines",
                f"lines[{i}]",
                entries,
                True,
                reviews=(review,) if review else (),
                origin=ln.origin,
            )
        )
    return parts


def _indicators(asm: _Assembler, draft: Draft) -> list[Part]:
    names = Counter(ind.name for ind in draft.indicators)
    seen: Counter[str] = Counter()
    parts = []
    for i, ind in enumerate(sorted(draft.indicators, key=lambda x: x.order)):
        seen[ind.name] += 1
        if names[ind.name] > 1 and seen[ind.name] > 1:
            ind.id = f"{ind.name}-{seen[ind.name]}"
        ref = ind.id or ind.name
        fields = {
            f: asm.field(f"indicator:{ref}.{f}" if f in _CLAIMABLE else None, ind.fields.get(f, []))
            for f in (
                "target",
                "actual",
                "midyear",
                "completion_rate",
                "weight",
                "score",
                "deviation_reason",
                "improvement",
            )
        }
        entries = _entries(
            [
                Entry("id", ind.id) if ind.id else None,
                asm.entry("goal", ind.goal),
                asm.entry("tier1", ind.tier1),
                asm.entry("tier2", ind.tier2),
                Entry("name", ind.name, ind.origin),
                *(asm.entry(k, v) for k, v in fields.items()),
                Entry("source", ind.source) if ind.source else None,
            ]
        )
        parts.append(Part("indicators", f"indicators[{i}]", entries, True, origin=ind.origin))
    return parts


_CLAIMABLE = ("target", "actual", "midyear", "weight", "score", "completion_rate")
_INFO = ("kind", "title", "department", "region", "year", "filled_on", "money_unit", "profile")


def assemble(draft: Draft, simplify: dict[int, int]) -> list[Part]:
    """The document's parts, in the order format 1 lists them."""
    asm = _Assembler(draft, simplify)
    parts: list[Part] = []
    info = {k: asm.field(None, v) for k, v in draft.info.items()}
    reviews = [r for r in draft.reviews if r.about.startswith("report.")]
    report: list[Entry | None] = []
    for key in _INFO:
        if key == "money_unit":
            report.append(
                Entry("money_unit", asm.unit, None, "the unit of the budget block's figures")
            )
            continue
        report.append(asm.entry(key, info.get(key)))
    if info.get("department") is None:
        report.append(Entry("department", "", None, "REVIEW: the report names no department"))
    parts.append(Part("report", "report", _entries(report), reviews=tuple(reviews)))
    budget = [asm.entry(f, asm.field(f"budget.{f}", draft.budget.get(f, []))) for f in _BUDGET]
    budget += [
        asm.entry(f, asm.field(None, draft.budget.get(f, [])))
        for f in ("deviation_reason", "adjustment_reason")
    ]
    _second_reasons(draft, simplify)
    budget_reviews = tuple(r for r in draft.reviews if r.about.startswith("budget."))
    if any(budget) or budget_reviews:
        parts.append(Part("budget", "budget", _entries(budget), reviews=budget_reviews))
    parts.extend(_lines(asm, draft))
    parts.extend(_indicators(asm, draft))
    evaluation = [
        asm.entry("score", asm.field("evaluation.score", draft.evaluation.get("score", [])))
    ]
    evaluation.append(
        asm.entry("grade", asm.field("evaluation.grade", draft.evaluation.get("grade", [])))
    )
    tiers = {
        k[5:]: asm.field(None, v) for k, v in draft.evaluation.items() if k.startswith("tier:")
    }
    stated_tiers = {k: v for k, v in tiers.items() if v is not None}
    if any(evaluation) or stated_tiers:
        if stated_tiers:
            first = next(iter(stated_tiers.values()))
            scores = {k: v.value for k, v in stated_tiers.items()}
            evaluation.append(Entry("tier_scores", scores, first.origin))
        parts.append(Part("evaluation", "evaluation", _entries(evaluation)))
    narrative = [
        asm.entry(f, asm.field(None, draft.narrative.get(f, [])))
        for f in ("unmet_targets", "problems", "measures", "conclusion")
    ]
    if any(narrative):
        parts.append(Part("narrative", "narrative", _entries(narrative)))
    claims = [
        (about, value, st) for about, st in draft.claims for value in [asm.value(st)]
    ] + asm.claims
    claims.sort(key=lambda c: (c[2].order, c[0]))
    for k, (about, value, st) in enumerate(claims):
        entries = (
            Entry("about", about),
            Entry("value", value, st.origin, st.note),
            Entry("source", st.source or st.origin.place.label()),
        )
        parts.append(Part("claims", f"claims[{k}]", entries, True, origin=st.origin))
    return parts


_BUDGET = BUDGET_FIGURES


def to_data(parts: list[Part]) -> dict[str, Any]:
    """The document as data (what ``perfrules.loads`` of the written text gives)."""
    data: dict[str, Any] = {"format": 1}
    for part in parts:
        table = {e.key: e.value for e in part.entries}
        if part.array:
            data.setdefault(part.name, []).append(table)
        else:
            data[part.name] = table
    return data


def provenance(parts: list[Part]) -> dict[str, Traced]:
    """Key path → origin of every value read from the original."""
    out: dict[str, Traced] = {}
    for part in parts:
        if part.origin is not None:
            out[part.path] = part.origin
        for e in part.entries:
            if e.origin is not None:
                out[f"{part.path}.{e.key}"] = e.origin
    return out
