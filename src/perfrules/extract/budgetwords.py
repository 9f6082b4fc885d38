"""The words of budget prose: the phrase before a figure, and what it says (a field, a cue, a direction).

Shared by the budget reader (:mod:`perfrules.extract.budget`): a phrase is
cleaned of its numbering and connectors (``其中：``, ``为``, ``共计``), then read for
the budget field it ends with (``年初预算数`` → initial), for a cue that says
budget or spent, for the direction of an adjustment (调减/调增), and for a
comparison with another year (比上年增加), which is not a figure of its own.
"""

from __future__ import annotations

import re

from perfrules.document.provenance import Traced
from perfrules.extract.draft import PROSE, Amount, Stated
from perfrules.extract.reading import Figure
from perfrules.extract.sections import Block, Document

__all__ = [
    "amount",
    "budget_field",
    "clean",
    "comparison",
    "cue",
    "direction",
    "named_project",
    "stated_at",
]

_LEAD = re.compile(r"(?:\d{1,2}[.、．]|[(（]?\d{1,2}[)）]|其中|以及|和|及|另|此外)+")
_CONNECTORS = ("资金共", "共计", "合计", "总计", "为", "是", "共", "计", "达", "约", "=")


def clean(s: str, lo: int, hi: int) -> tuple[int, int]:
    """The span of ``s[lo:hi]`` without leading numbering/其中 and trailing connectors (为, 共计 …)."""
    while lo < hi and s[lo] in " \t":
        lo += 1
    m = _LEAD.match(s, lo, hi)
    if m is not None:
        lo = m.end()
    changed = True
    while changed:
        changed = False
        for word in _CONNECTORS:
            if hi - len(word) >= lo and s.startswith(word, hi - len(word)):
                hi -= len(word)
                changed = True
    return lo, hi


def stated_at(
    doc: Document, block: Block, lo: int, f: Figure, value: object, note: str = ""
) -> Stated:
    text = block.text
    assert text is not None
    origin = Traced(text.place_at(f.start), text.source(lo, f.end))
    return Stated(value, origin, doc.locator(block), PROSE, block.index * 100000 + f.start, note)


def amount(f: Figure) -> Amount:
    return Amount(f.value, f.unit)


def named_project(s: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The span of a clause between ``lo`` and ``hi`` that is only a project's name (…项目)."""
    clauses = [m for m in re.finditer(r"[^，,；;。：:、]+", s[lo:hi])]
    if not clauses:
        return None
    m = clauses[-1]
    name = m.group().strip()
    if 4 <= len(name) <= 30 and name.endswith("项目") and not re.search(r"\d", name):
        return lo + m.start(), lo + m.end()
    return None


def cue(doc: Document, rest: str) -> str | None:
    """``budget`` or ``executed`` by the nearest cue word at the end of ``rest``, else None."""
    best: tuple[int, str] | None = None
    for field in ("budget", "executed"):
        for word in doc.forms.get(f"cues.{field}"):
            k = rest.rfind(word)
            if k >= 0 and (best is None or k + len(word) > best[0]):
                best = (k + len(word), field)
    return best[1] if best else None


def budget_field(doc: Document, phrase: str, percent: bool) -> str | None:
    """The budget field a phrase ends with (``年初预算数`` → initial), or ``ignore``, or None."""
    if "=" in phrase:  # 预算执行率=预算数/执行数=188.44/202.98=
        phrase = phrase.split("=", 1)[0]
    for word in doc.forms.get("budget.ignore"):
        if phrase.endswith(word):
            return "ignore"
    fields = (
        ("execution_rate",)
        if percent
        else ("initial", "adjustment", "adjusted", "executed", "carryover")
    )
    best: tuple[int, str] | None = None
    for field in fields:
        for word in doc.forms.get(f"budget.{field}"):
            if phrase.endswith(word) and (best is None or len(word) > best[0]):
                best = (len(word), field)
    return best[1] if best else None


def direction(doc: Document, phrase: str) -> int:
    if any(w in phrase for w in doc.forms.get("budget.direction.down")):
        return -1
    if any(w in phrase for w in doc.forms.get("budget.direction.up")):
        return 1
    return 0


def comparison(doc: Document, phrase: str) -> bool:
    return any(w in phrase for w in doc.forms.get("cues.comparison")) and not any(
        phrase.endswith(w) for w in doc.forms.get("budget.adjustment")
    )
