"""Budget figures stated in prose: the budget block (年初预算数 …) and the budget lines with their 其中 breakdowns.

Each amount of money and percentage of a paragraph is read with the phrase
before it (back to the previous punctuation or figure). A phrase ending in a
line's label (基本支出, 人员经费, a 功能分类 class …), possibly followed by words
that say budget or spent (预算数, 实际支出), is that line's figure; a phrase
ending in a budget label (年初预算数, 调减数, 执行率) is the budget block's. After
其中 / 分别是 the figures are the parts of the one before (their field is
inherited: 其中 after a budget is a budget's parts); a numbered list of
unknown labels there is a list of child lines. What says neither budget nor
spent, or an adjustment that says neither 调减 nor 调增, is left for a person
(:class:`~perfrules.extract.draft.Review`). A figure no rule places is kept
in :attr:`Draft.unplaced`, listed at the end of the document.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from perfrules.document.provenance import Traced
from perfrules.extract.budgetwords import (
    amount,
    budget_field,
    clean,
    comparison,
    cue,
    direction,
    named_project,
    stated_at,
)
from perfrules.extract.draft import PROSE, Draft, Review, Stated
from perfrules.extract.forms import LineLabel
from perfrules.extract.lines import find_label, line_for
from perfrules.extract.reading import Figure, figures, traced, written
from perfrules.extract.sections import Block, Document
from perfrules.messages import extract as msg

__all__ = ["read_budget"]

_BOUNDARY = re.compile(r"[，,；;。：:、]")
_ENUM = re.compile(r"其中|分别是|分别为|分别用于")
_GROUP = re.compile(r"(?:共有|共计|批复|安排|合计)(\d+)个项目")
_TOTAL_OF = re.compile(r"以上([一二三四五六七八九十两\d]+)项(?:共计|合计|总计)")
_SCORE_AFTER = re.compile(r"[,，]?得(?P<points>\d+(?:\.\d+)?)分")
_CN = {**{c: k for k, c in enumerate("一二三四五六七八九十", start=1)}, "两": 2}


@attrs.define
class _Subject:
    """What a figure was read as: the budget block or a line, and the field."""

    line: str | None  # line id, None for the budget block
    field: str  # budget / executed (lines); initial … (budget)


@attrs.define
class _State:
    topic: _Subject | None = None  # the paragraph's subject: its first placed figure
    last: _Subject | None = None  # the latest placed figure
    parent: _Subject | None = None  # the figure a 其中 breaks down
    parent_until: int = -1
    #: the unplaced amounts of this sentence (a later 以上N项共计 may total them)
    pending: list[tuple[Figure, str, int]] = attrs.field(factory=list)


def read_budget(doc: Document, draft: Draft) -> None:
    """Read the budget block's figures and the budget lines from every paragraph."""
    for block in doc.paragraphs():
        if block.text is not None:
            _Paragraph(doc, draft, block).read()


class _Paragraph:
    """One paragraph being read, figure by figure."""

    def __init__(self, doc: Document, draft: Draft, block: Block) -> None:
        assert block.text is not None
        self.doc, self.draft, self.block = doc, draft, block
        self.text = block.text
        self.s = block.text.text
        self.state = _State()
        self.source = doc.locator(block)

    def stated(self, lo: int, f: Figure, value: object, note: str = "") -> Stated:
        return stated_at(self.doc, self.block, lo, f, value, note)

    def written(self, lo: int, hi: int) -> str:
        return written(self.text, lo, hi, self.doc.forms.simplify)

    def read(self) -> None:
        s, state = self.s, self.state
        prev_end = 0
        for f in figures(s):
            if not (f.money or f.percent):
                continue
            between = s[prev_end : f.start]
            cut = max((m.end() for m in _BOUNDARY.finditer(between)), default=0)
            enum = list(_ENUM.finditer(between))
            if enum:
                state.parent = state.last
                end = s.find("。", prev_end + enum[-1].end())
                state.parent_until = len(s) if end < 0 else end
            if f.start > state.parent_until:
                state.parent = None
            if "。" in between:
                state.pending.clear()
            group = _GROUP.search(s, prev_end, f.start)
            lo, hi = clean(s, prev_end + cut, f.start)
            named = named_project(s, prev_end, prev_end + cut)
            prev_end = f.end
            if (self.block.index, f.start) in self.draft.consumed:
                continue
            if group is not None and f.money:
                placed: _Subject | None = self.group(f, lo, group)
            elif named is not None and state.topic is not None and state.topic.line == "project":
                placed = self.named(f, lo, named)
            else:
                placed = self.place(f, lo, hi)
            if placed is None:
                if f.money and not self.total_of(f, lo, hi):
                    state.pending.append((f, s[lo:hi], lo))
                    self.draft.unplaced.append(self.stated(lo, f, amount(f)))
                continue
            if state.topic is None and not self.is_source(placed):
                state.topic = placed
            state.last = placed

    def group(self, f: Figure, lo: int, group: re.Match[str]) -> _Subject:
        """``共有1个项目，项目总金额为0.45万元``: the 项目支出 line, and the number of projects as a claim."""
        at = traced(self.text, group.start(), group.end())
        line = line_for(self.doc, self.draft, "project", None, at, self.source)
        self.draft.claims.append(
            (
                "count:lines:project",
                Stated(int(group.group(1)), at, self.source, PROSE, self.order(group.start())),
            )
        )
        field = cue(self.doc, self.s[group.start() : f.start]) or "budget"
        field = "executed" if field == "executed" else "budget"
        subject = self.to_line(line.id, field, f, lo)
        self.state.topic = subject
        return subject

    def named(self, f: Figure, lo: int, named: tuple[int, int]) -> _Subject | None:
        """``驻社区人员补助项目，预算金额为0.45万元``: a project of the 项目支出 line, named in a clause of its own."""
        field = cue(self.doc, self.s[lo : f.start])
        if field is None:
            return None
        label = self.written(*named)
        child = line_for(
            self.doc,
            self.draft,
            None,
            "project",
            traced(self.text, *named),
            self.source,
            label=label,
            kind="project",
        )
        getattr(child, field).append(self.stated(lo, f, amount(f)))
        self.state.topic = _Subject(child.id, field)
        return self.state.topic

    def order(self, k: int) -> int:
        return self.block.index * 100000 + k

    def is_source(self, subject: _Subject) -> bool:
        """True for a source-of-funds line (均为财政拨款), which never becomes a paragraph's topic."""
        line = self.draft.line(subject.line) if subject.line is not None else None
        return line is not None and line.kind == "source"

    def place(self, f: Figure, lo: int, hi: int) -> _Subject | None:
        doc, phrase = self.doc, self.s[lo:hi]
        if f.percent:
            return self.percent(f, lo, phrase)
        whole = self.whole_of(f, lo, phrase)
        if comparison(doc, phrase):
            return None
        found = find_label(doc, phrase, suffix=True)
        if found is not None:
            return self.line_figure(f, lo, hi, found)
        field = budget_field(doc, phrase, percent=False)
        topic = self.state.topic
        if field == "ignore":
            return whole
        if field is None:
            said = cue(doc, phrase) if len(phrase) <= 6 else None
            if topic is not None and topic.line is not None and said is not None:
                return self.to_line(topic.line, said, f, lo)
            parent = self.state.parent
            if parent is not None and parent.line is not None and 0 < len(phrase) <= 30:
                return self.child(f, lo, hi)
            return whole
        if (
            topic is not None
            and topic.line is not None
            and field in ("initial", "adjusted", "executed")
        ):
            return self.to_line(topic.line, "executed" if field == "executed" else "budget", f, lo)
        value = amount(f)
        stated = self.stated(lo, f, value)
        if field == "adjustment":
            way = direction(doc, phrase)
            if way == 0:
                self.draft.reviews.append(
                    Review(
                        "budget.adjustment",
                        msg.AdjustmentSign(phrase=phrase),
                        ((value.negated(), "调减 (a reduction)"), (value, "调增 (an increase)")),
                        stated.origin,
                    )
                )
                return _Subject(None, field)
            if way < 0:
                stated = attrs.evolve(stated, value=value.negated(), note="调减: negative")
        self.draft.state(self.draft.budget, field, stated)
        return _Subject(None, field)

    def whole_of(self, f: Figure, lo: int, phrase: str) -> _Subject | None:
        """``收入6,306,545.19元，均为财政拨款``: the figure is also the source line's.

        Returns the line as the figure's subject only for the unplaced
        figures that need one (a paragraph's topic stays the budget block).
        """
        words = "|".join(re.escape(w) for w in self.doc.forms.get("cues.whole_of"))
        m = (
            re.match(
                r"[,，(（]\s*(?:" + words + r")(?P<what>[^，。；)）,;]{2,12})", self.s[f.end :]
            )
            if words
            else None
        )
        if m is None:
            return None
        found = find_label(self.doc, m.group("what"))
        if found is None or found[0].kind != "source":
            return None
        at = f.end + m.start("what")
        line = line_for(
            self.doc,
            self.draft,
            found[0].id,
            None,
            traced(self.text, at, f.end + m.end()),
            self.source,
        )
        field = "executed" if cue(self.doc, phrase) == "executed" else "budget"
        getattr(line, field).append(
            self.stated(lo, f, amount(f), f"“{m.group().strip('，,(（ ')}”")
        )
        return _Subject(line.id, field)

    def percent(self, f: Figure, lo: int, phrase: str) -> _Subject | None:
        state, draft = self.state, self.draft
        share = re.search(r"占[^，。；]{0,12}?的?(?:比重|比例)?$", phrase)
        if share is not None and state.last is not None and state.last.line is not None:
            line = draft.line(state.last.line)
            if line is not None:
                line.share.append(self.stated(lo, f, f.value))
                return state.last
        if budget_field(self.doc, phrase, percent=True) != "execution_rate" or find_label(
            self.doc, phrase
        ):
            return None
        draft.state(draft.budget, "execution_rate", self.stated(lo, f, f.value))
        after = _SCORE_AFTER.match(self.s, f.end)
        if after is not None:
            k = after.start("points")
            origin = Traced(self.text.place_at(k), self.text.source(f.end, after.end()))
            order = self.block.index * 100000 + k
            draft.state(
                draft.budget,
                "execution_score",
                Stated(Decimal(after.group("points")), origin, self.source, PROSE, order),
            )
        return _Subject(None, "execution_rate")

    def line_figure(
        self, f: Figure, lo: int, hi: int, found: tuple[LineLabel, int, int]
    ) -> _Subject:
        doc, draft, state = self.doc, self.draft, self.state
        label, start, end = found
        phrase = self.s[lo:hi]
        inherited: str | None = None
        if state.parent is not None:
            inherited = "executed" if state.parent.field == "executed" else "budget"
        field = cue(doc, phrase[end:]) or inherited
        parent = label.parent if label.parent and draft.line(label.parent) is not None else None
        written_label = self.written(lo + start, lo + end)
        line = line_for(
            doc,
            draft,
            label.id,
            parent,
            traced(self.text, lo + start, lo + end),
            self.source,
            label=written_label,
        )
        stated = self.stated(lo, f, amount(f))
        if field is None:
            if line.label.endswith("支出") or doc.in_section(self.block, "sections.results"):
                field = "executed"
            else:
                draft.reviews.append(
                    Review(
                        f"line:{line.id}",
                        msg.BudgetOrSpent(phrase=phrase),
                        (("budget", "预算数 budget"), ("executed", "执行数 executed")),
                        stated.origin,
                        amount(f),
                    )
                )
                return _Subject(line.id, "budget")
        if field == "budget" and any(w in phrase for w in doc.forms.get("cues.initial")):
            line.initial_budget.append(stated)
        else:
            getattr(line, field).append(stated)
        return _Subject(line.id, field)

    def to_line(self, line_id: str, field: str, f: Figure, lo: int) -> _Subject:
        line = self.draft.line(line_id)
        assert line is not None
        getattr(line, field).append(self.stated(lo, f, amount(f)))
        return _Subject(line_id, field)

    def child(self, f: Figure, lo: int, hi: int) -> _Subject | None:
        state = self.state
        assert state.parent is not None and state.parent.line is not None
        parent = self.draft.line(state.parent.line)
        if parent is None:
            return None
        kind = (
            parent.kind
            if parent.kind in ("project", "three_public", "function", "source", "item")
            else "item"
        )
        label = self.written(lo, hi)
        child = line_for(
            self.doc,
            self.draft,
            None,
            parent.id,
            traced(self.text, lo, hi),
            self.source,
            label=label,
            kind=kind,
        )
        field = "executed" if state.parent.field == "executed" else "budget"
        getattr(child, field).append(self.stated(lo, f, amount(f)))
        return _Subject(child.id, field)

    def total_of(self, f: Figure, lo: int, hi: int) -> bool:
        """``以上三项共计6.03万元``: a line (the section's goal) whose parts are the last N amounts before it."""
        m = _TOTAL_OF.search(self.s, max(0, lo - 12), f.start)
        block, state = self.block, self.state
        if m is None or not block.path:
            return False
        count = m.group(1)
        n = int(count) if count.isdigit() else _CN.get(count, 0)
        parts = list(state.pending)
        monthly = {p[1:] for _, p, _ in parts if p.startswith("年")}
        parts = [
            (g, p, plo) for g, p, plo in parts if not (p.startswith("月") and p[1:] in monthly)
        ]
        if n < 2 or len(parts) < n:
            return False
        parts = parts[-n:]
        goal = block.path[-1].title
        results = self.doc.in_section(block, "sections.results") and not self.doc.in_section(
            block, "sections.goals"
        )
        field = "executed" if results and not self.s.startswith("绩效目标") else "budget"
        total = line_for(
            self.doc,
            self.draft,
            None,
            None,
            traced(self.text, lo, f.end),
            self.source,
            label=goal,
            kind="project",
        )
        getattr(total, field).append(self.stated(lo, f, amount(f), "以上各项合计"))
        dropped = set()
        for g, _, plo in parts:
            label = self.written(*clean(self.s, plo, g.start))
            part = line_for(
                self.doc,
                self.draft,
                None,
                total.id,
                traced(self.text, plo, g.start),
                self.source,
                label=label,
                kind="item",
            )
            getattr(part, field).append(self.stated(plo, g, amount(g)))
            dropped.add(block.index * 100000 + g.start)
        self.draft.unplaced[:] = [u for u in self.draft.unplaced if u.order not in dropped]
        state.pending.clear()
        return True
