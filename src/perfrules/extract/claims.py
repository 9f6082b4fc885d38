"""Figures the prose states again: indicators' targets and actuals repeated in the text, and "all targets met".

Matching a sentence to an indicator is done conservatively, because a wrong
match is a false finding (PR050). A figure is an indicator's when

* its paragraph is about the indicator (it opens with the indicator's name:
  ``救护员培训人数：…取得救护员证 1849人，完成目标值1500人``), and the figure is
  either cued as a target (完成目标值…) or is the one figure in the paragraph
  whose unit is the indicator's; or
* it ends a list item whose words cover the indicator's name in blocks of at
  least three characters (``开展志愿服务活动不少于14次`` ↔ 组织志愿服务活动次数),
  among the indicators of the tier the list names (``①数量指标：…``), with the
  indicator's unit; or
* its unit is carried by one indicator of the table alone (人次 when only
  普及救护培训人次数 counts 人次), and the words before it share at least two
  blocks of two characters with that indicator's name in order (``普及培训人数9770人次``,
  ``完成应急救护知识普及培训2000人次以上``). A paragraph about one indicator
  may so also restate another's figure (``…取得救护员证1849人，普及培训人数9770人次``).

Targets are figures cued as targets, comparisons (不少于14次) and deadlines
(12月底); the others are actuals in a results section and targets in a goals
section. The matches become further statements of the indicator's fields,
which the assembler turns into claims.
"""

from __future__ import annotations

import functools
import re
from difflib import SequenceMatcher

from perfrules.document.units import canonical
from perfrules.document.valueparse import parse_value
from perfrules.document.values import Comparison, Quantity, Timing, Value
from perfrules.extract.draft import PROSE, TABLE, Draft, IndicatorDraft, Stated
from perfrules.extract.reading import traced, written
from perfrules.extract.sections import Block, Document

__all__ = ["read_claims"]

_VALUE = re.compile(
    r"(?P<value>(?:不少于|不低于|大于等于|小于等于|大于|小于|超过|达到|≥|≤|>|<)?"
    r"(?:(?:20\d\d年)?\d{1,2}月(?:底|末)?(?:前)?(?:完成)?"
    r"|\d+(?:\.\d+)?(?:余)?(?:%|人次|人份|场次|人|名|户|篇|期|次|场|种|个|份|所|家|项|天|辆|本|件|条|例)(?:以上|以下)?))"
)
_TARGET_CUE = re.compile(r"(?:完成)?目标值(?:为|是|:)?$|预期指标值(?:为|是)?$|年初目标(?:为|是)?$")
_TOPIC = re.compile(r"(?P<name>[^，,。:：；;]{2,30})[:：。]")
_ITEM_LABEL = re.compile(r"(?:[①-⑳]|\d[.、])?(?P<tier>[^:：，,。]{2,10}指标)[:：]")


class _Names:
    """The indicators a prose phrase may name, found through the 3-character pieces of their names.

    Indicators of the same name are compared once (the first of them is the
    one a phrase names), so that matching stays linear in the document.
    """

    def __init__(self, doc: Document, indicators: list[IndicatorDraft]) -> None:
        self.suffixes = doc.forms.get("prose.name_suffixes")
        self.first: dict[str, IndicatorDraft] = {}
        self.units: dict[str, set[str]] = {}
        self.grams: dict[str, set[str]] = {}
        self.short: set[str] = set()
        self.tier1: dict[object, set[str]] = {}
        self.tier2: dict[object, set[str]] = {}
        for ind in indicators:
            self.first.setdefault(ind.name, ind)
            self.units.setdefault(ind.name, set()).update(_units(ind))
            if ind.tier1 is not None:
                self.tier1.setdefault(ind.tier1.value, set()).add(ind.name)
            if ind.tier2 is not None:
                self.tier2.setdefault(ind.tier2.value, set()).add(ind.name)
        for name in self.first:
            for core in _cores(name, self.suffixes):
                if len(core) < 3:
                    self.short.add(name)
                for k in range(len(core) - 2):
                    self.grams.setdefault(core[k : k + 3], set()).add(name)

    def candidates(self, phrase: str, among: set[str] | None = None) -> list[str]:
        """Names sharing a 3-character piece with ``phrase`` (or short enough to be inside it), in order."""
        found = set(self.short)
        for k in range(len(phrase) - 2):
            found |= self.grams.get(phrase[k : k + 3], set())
        if among is not None:
            found &= among
        return [n for n in self.first if n in found]

    def cover(self, phrase: str, name: str) -> float:
        return _cover(phrase, name, self.suffixes)


def read_claims(doc: Document, draft: Draft) -> None:
    """Add the prose's further statements of indicator figures, and its "all targets met" claims."""
    _all_met(doc, draft)
    tabled = [
        ind for ind in draft.indicators if ind.origin.place.table is not None or _rank(ind) == TABLE
    ]
    if not tabled:
        return
    names = _Names(doc, tabled)
    read = {
        st.order // 100000 for ind in draft.indicators for sts in ind.fields.values() for st in sts
    }
    for block in doc.paragraphs():
        if block.text is None or block.index in read:
            continue
        if not _topic(doc, block, names):
            _items(doc, block, names, tabled)


def _rank(ind: IndicatorDraft) -> int:
    return min((st.rank for sts in ind.fields.values() for st in sts), default=PROSE)


def _all_met(doc: Document, draft: Draft) -> None:
    words = "|".join(re.escape(w) for w in doc.forms.get("prose.all_met"))
    patterns = [
        re.compile(rf"目标[^，,。；;]{{0,4}}?(?:{words})"),
        re.compile(r"无未完成的?(?:绩效)?目标"),
        re.compile(
            r"(?:达到|完成|实现|达成)了?(?:年初|年度|预期|既定|预算|绩效|整体|各项)+目标(?!值)"
        ),
    ]
    for block in doc.paragraphs():
        assert block.text is not None
        s = block.text.text
        for sentence in re.finditer(r"[^。]+", s):
            text = sentence.group()
            for pattern in patterns:
                m = pattern.search(text)
                if m is None:
                    continue
                clause_lo = max(text.rfind(c, 0, m.start()) for c in "，,；;") + 1
                clause = text[clause_lo : m.end()]
                if re.search(
                    r"未|没有|不能|无法|确保|力争|争取|是否|要|将", clause.replace("无未完成", "")
                ):
                    continue
                lo, hi = sentence.start() + clause_lo, sentence.start() + m.end()
                source = f"{doc.locator(block)}: {written(block.text, lo, hi, doc.forms.simplify)}"
                st = Stated(
                    True, traced(block.text, lo, hi), source, PROSE, block.index * 100000 + lo
                )
                draft.claims.append(("all_targets_met", st))
                break


def _units(ind: IndicatorDraft) -> set[str]:
    out = set()
    for field in ("target", "actual"):
        for st in ind.fields.get(field, []):
            v = parse_value(str(st.value))
            if isinstance(v, (Comparison, Quantity)) and v.unit:
                out.add(canonical(v.value, v.unit)[1])
            elif isinstance(v, Timing):
                out.add("timing")
    return out


def _unit_of(v: Value) -> str | None:
    if isinstance(v, (Comparison, Quantity)):
        return canonical(v.value, v.unit)[1] if v.unit else ""
    if isinstance(v, Timing):
        return "timing"
    return None


def _cores(name: str, suffixes: tuple[str, ...]) -> set[str]:
    cores = {name}
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            cores.add(name[: -len(suffix)])
    return cores


@functools.lru_cache(maxsize=65536)
def _cover(phrase: str, name: str, suffixes: tuple[str, ...]) -> float:
    """How much of ``name`` (or of its core, without 人数/率 …) ``phrase`` holds, in blocks of 2+ with one of 3+."""
    best = 0.0
    for core in _cores(name, suffixes):
        if core in phrase:
            return 1.0
        blocks = [
            b
            for b in SequenceMatcher(None, phrase, core, autojunk=False).get_matching_blocks()
            if b.size >= 2
        ]
        if any(b.size >= 3 for b in blocks):
            best = max(best, sum(b.size for b in blocks) / len(core))
    return best


def _field(doc: Document, block: Block, v: Value, cued: bool) -> str:
    if cued or isinstance(v, Comparison) or (isinstance(v, Timing) and v.by):
        return "target"
    goals = doc.in_section(block, "sections.goals") and not doc.in_section(
        block, "sections.results"
    )
    return "target" if goals else "actual"


def _add(doc: Document, block: Block, ind: IndicatorDraft, field: str, lo: int, hi: int) -> None:
    assert block.text is not None
    value = written(block.text, lo, hi, doc.forms.simplify)
    start = _lead_in(block.text.text, lo)
    source = f"{doc.locator(block)}: {written(block.text, start, hi, doc.forms.simplify)}"
    ind.add(
        field, Stated(value, traced(block.text, lo, hi), source, PROSE, block.index * 100000 + lo)
    )


def _lead_in(s: str, lo: int, width: int = 12) -> int:
    """Where the words quoted before the figure at ``lo`` start: up to ``width`` characters back.

    Never inside a number or a word of another clause: the quote starts after
    the last clause mark (，；。：、) within reach, else not in the middle of a run
    of digits ("不少于200人次，开展…" is quoted from 开展, never from "0人次").
    """
    start = max(0, lo - width)
    marks = [s.rfind(c, start, lo) for c in "，,；;。：:、"]
    cut = max(marks)
    if cut >= 0:
        return cut + 1
    while (
        0 < start < lo and (s[start - 1].isdigit() or s[start - 1] in ".．") and s[start].isdigit()
    ):
        start += 1
    return start


def _topic(doc: Document, block: Block, names: _Names) -> bool:
    """A paragraph about one indicator (it opens with its name); False when it is not one."""
    assert block.text is not None
    s = block.text.text
    m = _TOPIC.match(s)
    if m is None:
        return False
    scored = sorted(
        ((names.cover(m["name"], n), n) for n in names.candidates(m["name"])), key=lambda x: -x[0]
    )
    if not scored or scored[0][0] < 0.75 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return False
    ind = names.first[scored[0][1]]
    units = names.units[ind.name]
    actuals: list[tuple[float, int, int]] = []
    for v in _VALUE.finditer(s, m.end()):
        lo, hi = v.start("value"), v.end("value")
        if re.match(r"开始|启动|起", s[hi : hi + 2]):
            continue
        value = parse_value(s[lo:hi])
        unit = _unit_of(value)
        if _TARGET_CUE.search(s[max(0, lo - 8) : lo]) is not None:
            _add(doc, block, ind, "target", lo, hi)
            continue
        if unit is None or unit not in units:
            clause_lo = max(s.rfind(c, 0, lo) for c in "，,；;。") + 1
            other = _match(names, s[clause_lo:lo], unit, None, 0.75)
            if other is not None and other is not ind and hi == _clause_end(s, hi):
                _add(doc, block, other, _field(doc, block, value, False), lo, hi)
            continue
        if _field(doc, block, value, False) == "target":
            _add(doc, block, ind, "target", lo, hi)
            continue
        clause_lo = max(s.rfind(c, 0, lo) for c in "，,；;。") + 1
        actuals.append((names.cover(s[clause_lo:lo], ind.name), lo, hi))
    actuals.sort(key=lambda a: -a[0])
    if len(actuals) == 1 or (len(actuals) > 1 and actuals[0][0] > actuals[1][0]):
        _add(doc, block, ind, "actual", actuals[0][1], actuals[0][2])
    return True


def _clause_end(s: str, hi: int) -> int:
    """Where the clause holding position ``hi`` ends (at the next ，；。 or the text's end)."""
    ends = [k for k in (s.find(c, hi) for c in "，,；;。") if k >= 0]
    return min(ends, default=len(s.rstrip()))


def _items(doc: Document, block: Block, names: _Names, indicators: list[IndicatorDraft]) -> None:
    """A list of figures (``①数量指标：培训救护员1849人，普及救护培训9770人次…``), each matched to an indicator."""
    assert block.text is not None
    if not (doc.in_section(block, "sections.results") or doc.in_section(block, "sections.goals")):
        return
    s = block.text.text
    label = _ITEM_LABEL.match(s)
    among: set[str] | None = None
    threshold = 0.75
    start = 0
    if label is not None:
        tier = label["tier"]
        among = names.tier1.get(tier) or names.tier2.get(tier, set())
        threshold, start = 0.6, label.end()
    for item in re.finditer(r"[^，,；;。]+", s[start:]):
        lo_item = start + item.start()
        text = item.group()
        found = list(_VALUE.finditer(text))
        v = found[-1] if found else None
        if v is None or v.end() < len(text.rstrip()):
            continue
        lo, hi = lo_item + v.start("value"), lo_item + v.end("value")
        value = parse_value(s[lo:hi])
        unit = _unit_of(value)
        ind = _match(names, s[lo_item:lo], unit, among, threshold)
        if ind is not None:
            _add(doc, block, ind, _field(doc, block, value, False), lo, hi)


def _match(
    names: _Names, phrase: str, unit: str | None, among: set[str] | None, threshold: float
) -> IndicatorDraft | None:
    """The one indicator whose figure ``phrase`` (the words before a figure in ``unit``) states, or None."""
    fitting = [n for n in (among if among is not None else names.first) if unit in names.units[n]]
    scored = [(names.cover(phrase, n), n) for n in names.candidates(phrase, set(fitting))]
    matches = sorted((x for x in scored if x[0] >= threshold), key=lambda x: -x[0])
    if (
        not matches
        and among is not None
        and len(fitting) == 1
        and names.cover(phrase, fitting[0]) > 0
    ):
        matches = [(1.0, fitting[0])]
    if not matches and unit not in (None, "", "%", "timing"):
        alone = [n for n in names.first if unit in names.units[n]]
        if len(alone) == 1 and _shares(phrase, alone[0], names.suffixes):
            matches = [(1.0, alone[0])]
    if not matches or (len(matches) > 1 and matches[1][0] == matches[0][0]):
        return None
    return names.first[matches[0][1]]


def _shares(phrase: str, name: str, suffixes: tuple[str, ...]) -> bool:
    """Whether ``phrase`` holds two blocks of two or more characters of ``name`` (or its core), in order."""
    return any(
        sum(
            b.size >= 2
            for b in SequenceMatcher(None, phrase, core, autojunk=False).get_matching_blocks()
        )
        >= 2
        for core in _cores(name, suffixes)
    )
