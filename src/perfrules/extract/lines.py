"""Budget lines while they are read: finding a line's label in a phrase, and one line per label with a stable id.

Lines the form knowledge names (基本支出, 人员经费, 三公经费 …) get its id
(``basic``, ``personnel`` …); other lines are identified by their label as
written, so that the id survives re-extraction and an overrides file can
name it. A label stated again under the same parent is the same line.
"""

from __future__ import annotations

import re

from perfrules.document.provenance import Traced
from perfrules.extract.draft import Draft, LineDraft
from perfrules.extract.forms import LineLabel, folded
from perfrules.extract.sections import Document

__all__ = ["find_label", "line_for", "strip_words"]

_BRACKETED_UNIT = re.compile(r"[(（](?:万元|元|亿元|%)[)）]")
_FILLERS = re.compile(
    r"^(?:20\d\d年度?|本年度?|全年|年度|部门|单位|整体|为|是|共|计|达|约|的|总额|总计|合计|=|:)"
)


def _labels(doc: Document) -> list[tuple[str, LineLabel]]:
    out = []
    for label in doc.forms.lines:
        for word in (label.label, *label.aliases):
            out.append((folded(word, doc.forms.simplify), label))
    return out


def find_label(
    doc: Document, phrase: str, suffix: bool = False
) -> tuple[LineLabel, int, int] | None:
    """The line label in ``phrase``: (label, start, end).

    Where several are written (财政拨款基本支出, “三公”经费财政拨款预算安排) the
    line is the one that is not a source of funds, else the one ending last.
    With ``suffix`` only labels followed by budget words alone count.
    """
    hits: list[tuple[LineLabel, int, int]] = []
    for word, label in _labels(doc):
        k = phrase.find(word)
        while k >= 0:
            hits.append((label, k, k + len(word)))
            k = phrase.find(word, k + 1)
    if suffix:
        hits = [h for h in hits if not strip_words(doc, phrase[h[2] :])]
    if not hits:
        return None
    own = [h for h in hits if h[0].kind != "source"] or hits
    return max(own, key=lambda h: (h[2], h[2] - h[1]))


def strip_words(doc: Document, rest: str) -> str:
    """``rest`` without budget words (cues, labels, connectors, years, bracketed units): what is left over."""
    words = sorted(
        {
            *doc.forms.get("cues.budget"),
            *doc.forms.get("cues.executed"),
            *doc.forms.get("cues.initial"),
            *doc.forms.get("cues.adjusted"),
            *(
                w
                for f in ("initial", "adjusted", "executed", "adjustment")
                for w in doc.forms.get(f"budget.{f}")
            ),
            *(w for w, label in _labels(doc) if label.kind == "source"),
        },
        key=len,
        reverse=True,
    )
    rest = _BRACKETED_UNIT.sub("", rest)
    changed = True
    while rest and changed:
        changed = False
        m = _FILLERS.match(rest)
        if m is not None and m.end():
            rest, changed = rest[m.end() :], True
            continue
        for word in words:
            if rest.startswith(word):
                rest, changed = rest[len(word) :], True
                break
    return rest


def line_for(
    doc: Document,
    draft: Draft,
    known: str | None,
    parent: str | None,
    origin: Traced,
    source: str,
    label: str | None = None,
    kind: str | None = None,
) -> LineDraft:
    """The line with form id ``known`` (or with ``label`` under ``parent``), created when first stated."""
    if known is not None:
        line = draft.line(known)
        spec = next((x for x in doc.forms.lines if x.id == known), None)
        if line is None:
            name = label or (spec.label if spec else known)
            kind = kind or (spec.kind if spec else "other")
            key = folded(name, doc.forms.simplify)
            line = LineDraft(known, name, kind, origin, source, parent, key=key)
            draft.lines.append(line)
        elif line.parent is None and parent is not None and parent != line.id:
            line.parent = parent
        return line
    assert label is not None
    key = folded(label, doc.forms.simplify)
    found = draft.line_by_label(parent, key)
    if found is not None:
        return found
    ident = key or "line"
    n = 2
    while draft.line(ident) is not None or any(x.id == ident for x in doc.forms.lines):
        ident = f"{key}-{n}"
        n += 1
    line = LineDraft(ident, label, kind or "other", origin, source, parent, key=key)
    draft.lines.append(line)
    return line
