"""Indicators written in prose: one paragraph per indicator, lists of targets, and indicators a problem names.

Three ways reports state indicators without a table:

* a paragraph per indicator naming its fields: ``群众满意度指标：该预期指标值为大于等于
  95%，年中监控实际完成值为 95%，本次评价群众满意度为 97%，该指标完成率为 102.11%。…该指标权重分值为
  10 分，自评得分 10 分。`` (the labels are form knowledge, ``[prose]``);
* a goal's list of indicators with their targets: ``绩效指标：租赁备灾仓库，面积不低于 100
  平方米；…群众满意度达到 90%以上。``, one indicator per clause;
* a problems section naming unmet indicators: ``经济效益指标中的人道救助受益人数未达到年度
  指标值，其原因为人道救助资金缺少``, with the measure of the same ordinal (一是 …) in
  the measures section as its 改进措施.
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfrules.document.taxonomy import taxonomy
from perfrules.document.valueparse import parse_value
from perfrules.document.values import Unparsed
from perfrules.extract.draft import PROSE, Draft, IndicatorDraft, Stated
from perfrules.extract.reading import figures, traced, written
from perfrules.extract.sections import Block, Document

__all__ = ["read_prose_indicators"]

_FIELDS = ("target", "midyear", "actual", "completion_rate", "weight", "score")
_TEXT_FIELDS = ("deviation_reason", "improvement")
_END = re.compile(r"[，,；;。]")
_ORDINAL = re.compile(r"([一二三四五六七八九十])是")
_VALUE = re.compile(
    r"(?P<op>不低于|不少于|不超过|不高于|大于等于|小于等于|大于|小于|达到|超过|高于|低于|≥|≤|>|<|=)?"
    r"(?P<num>\d+(?:\.\d+)?)(?P<unit>%|[^\W\d_]{0,4}?)(?P<suffix>以上|以下|以内)?$"
)
_UNMET = re.compile(
    r"(?:[一二三四五六七八九十]是)?(?P<tier2>[^，。；、,;]{2,10}?指标)中的(?P<name>[^，。；,;]{2,40}?)"
    r"(?:未达到|未完成|未达成)[^，。；,;]*(?:[，,]\s*(?:其)?原因(?:为|是)(?P<reason>[^。]+))?"
)


def read_prose_indicators(doc: Document, draft: Draft) -> None:
    """Add the indicators stated in prose (and mark their figures so budget prose skips them)."""
    for block in doc.paragraphs():
        if block.text is None:
            continue
        if not _paragraph(doc, draft, block):
            _target_list(doc, draft, block)
    if not draft.indicators:
        _named_unmet(doc, draft)


def _stated(doc: Document, block: Block, lo: int, hi: int, value: object) -> Stated:
    assert block.text is not None
    return Stated(
        value, traced(block.text, lo, hi), doc.locator(block), PROSE, block.index * 100000 + lo
    )


def _labels(
    doc: Document, s: str, fields: tuple[str, ...], spans: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, field) of the field labels in ``s``, outside ``spans``, longest first."""
    found: list[tuple[int, int, str]] = []
    taken = [False] * len(s)
    for lo, hi in spans:
        for k in range(lo, min(hi, len(s))):
            taken[k] = True
    words = sorted(
        ((w, f) for f in fields for w in doc.forms.get(f"prose.{f}")), key=lambda x: -len(x[0])
    )
    for word, field in words:
        for m in re.finditer(re.escape(word), s):
            if not any(taken[m.start() : m.end()]):
                found.append((m.start(), m.end(), field))
                for k in range(m.start(), m.end()):
                    taken[k] = True
    return sorted(found)


def _paragraph(doc: Document, draft: Draft, block: Block) -> bool:
    """Read a paragraph that states one indicator's fields; False when it is not one."""
    assert block.text is not None
    text, s = block.text, block.text.text
    reasons: list[tuple[int, int, str]] = []
    for _, hi, field in _labels(doc, s, _TEXT_FIELDS, []):
        m = re.match(r"\s*[:：]\s*", s[hi:])
        if m is None:
            continue
        start = hi + m.end()
        end = s.find("。", start)
        end = len(s) if end < 0 else end + 1
        reasons.append((start, end, field))
    labels = _labels(doc, s, _FIELDS, [(lo, hi) for lo, hi, _ in reasons])
    if len({f for _, _, f in labels}) < 3 or not any(
        f in ("target", "actual") for _, _, f in labels
    ):
        return False
    first = labels[0][0]
    head = s[:first].rstrip("，,:：该 ")
    name = re.split(r"[:：]", head)[-1].strip("，, ")
    name = name[2:] if name.startswith("指标") else name
    for suffix in ("指标",):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
    if not name:
        return False
    k = s.find(name)
    ind = IndicatorDraft(
        name, traced(text, k, k + len(name)), doc.locator(block), order=block.index * 100000
    )
    ind.name = written(text, k, k + len(name), doc.forms.simplify) or name
    for lo, hi, field in labels:
        end_m = _END.search(s, hi)
        end = len(s) if end_m is None else end_m.start()
        value_lo = hi
        if field == "actual" and s.startswith("本次评价", lo):
            at = s.find("为", hi, end)
            if at < 0:
                continue
            value_lo = at + 1
        m = re.match(r"(?:是|为|:|：)\s*", s[value_lo:end])
        if m is not None:
            value_lo += m.end()
        if value_lo >= end:
            continue
        raw = written(text, value_lo, end, doc.forms.simplify)
        if field in ("completion_rate", "weight", "score"):
            num = re.match(r"\d+(?:\.\d+)?", s[value_lo:end])
            if num is None:
                continue
            ind.add(
                field, _stated(doc, block, value_lo, value_lo + num.end(), Decimal(num.group()))
            )
        else:
            ind.add(field, _stated(doc, block, value_lo, end, raw))
        for f in figures(s[value_lo:end]):
            draft.consumed.add((block.index, value_lo + f.start))
    for lo, hi, field in reasons:
        ind.add(field, _stated(doc, block, lo, hi, written(text, lo, hi, doc.forms.simplify)))
    draft.indicators.append(ind)
    return True


def _target_list(doc: Document, draft: Draft, block: Block) -> None:
    """``绩效指标：租赁备灾仓库，面积不低于 100 平方米；…``: one indicator per clause that ends with a target."""
    assert block.text is not None
    text, s = block.text, block.text.text
    lists = doc.forms.get("prose.lists")
    head = next(
        (w for w in lists if s.startswith(w) and s[len(w) : len(w) + 1] in (":", "：")), None
    )
    if head is None:
        return
    goal = block.path[-1] if block.path and block.path[-1].level >= 3 else None
    clauses = [(m.start(), m.end()) for m in re.finditer(r"[^，,；;。:：]+", s[len(head) + 1 :])]
    clauses = [(lo + len(head) + 1, hi + len(head) + 1) for lo, hi in clauses]
    measure_words = doc.forms.get("prose.measure_words")
    previous: tuple[int, int] | None = None
    for lo, hi in clauses:
        clause = s[lo:hi]
        m = _VALUE.search(clause)
        if m is None or not (m["op"] or m["suffix"] or m["unit"]):
            previous = (lo, hi)
            continue
        v_lo = lo + m.start()
        value = written(text, v_lo, hi, doc.forms.simplify)
        if isinstance(parse_value(value), Unparsed):
            previous = (lo, hi)
            continue
        n_lo, n_hi = lo, v_lo
        name = s[n_lo:n_hi]
        for verb in doc.forms.get("prose.lead_verbs"):
            if name.startswith(verb) and len(name) > len(verb) + 2:
                n_lo += len(verb)
                break
        names: list[tuple[int, int]] = [(n_lo, n_hi)]
        if s[n_lo:n_hi] in measure_words and previous is not None:
            names = [(previous[0], n_hi)]
        parts = _split_parts(doc, s, n_lo, n_hi)
        if parts is not None:
            names = parts
        for a, b in names:
            label = written(text, a, b, doc.forms.simplify).replace("，", "").replace(",", "")
            if previous is not None and (a, b) == (previous[0], n_hi):
                label = written(text, previous[0], previous[1], doc.forms.simplify) + written(
                    text, n_lo, n_hi, doc.forms.simplify
                )
            if not label:
                continue
            ind = IndicatorDraft(
                label, traced(text, a, b), doc.locator(block), order=block.index * 100000 + a
            )
            heading = doc.blocks[goal.index].text if goal is not None else None
            if goal is not None and heading is not None:
                k = max(heading.text.find(goal.title), 0)
                origin = traced(heading, k, k + len(goal.title))
                ind.goal = Stated(goal.title, origin, doc.locator(block))
            ind.add("target", _stated(doc, block, v_lo, hi, value))
            draft.indicators.append(ind)
        previous = None


def _split_parts(doc: Document, s: str, lo: int, hi: int) -> list[tuple[int, int]] | None:
    """``培训宣传普及合格率、各项任务完成及时率``: names joined by 、 that each end as an indicator does."""
    if "、" not in s[lo:hi]:
        return None
    parts: list[tuple[int, int]] = []
    pos = lo
    for m in re.finditer("、", s[lo:hi]):
        parts.append((pos, lo + m.start()))
        pos = lo + m.end()
    parts.append((pos, hi))
    ends = ("率", "度", "数", "量", "人次", "次数")
    if all(s[a:b].endswith(ends) and b - a >= 3 for a, b in parts):
        return parts
    return None


def _named_unmet(doc: Document, draft: Draft) -> None:
    """Indicators a problems section names as unmet, with their reasons and the matching measures."""
    tax = taxonomy()
    found: list[tuple[int, IndicatorDraft]] = []
    for block in doc.paragraphs():
        if block.text is None or not doc.in_section(block, "sections.problems"):
            continue
        text, s = block.text, block.text.text
        for m in _UNMET.finditer(s):
            tier2 = m["tier2"]
            ordinal = _ORDINAL.search(s[: m.start("tier2")][-4:])
            start_name = m.start("name")
            ind = IndicatorDraft(
                written(text, start_name, m.end("name"), doc.forms.simplify),
                traced(text, start_name, m.end("name")),
                doc.locator(block),
                order=block.index * 100000 + m.start(),
            )
            ind.tier2 = _stated(
                doc,
                block,
                m.start("tier2"),
                m.end("tier2"),
                written(text, m.start("tier2"), m.end("tier2"), doc.forms.simplify),
            )
            homes = tax.homes(tax.canonical_tier2(tier2) or tier2)
            if len(homes) == 1:
                home = next(iter(homes))
                ind.tier1 = Stated(
                    home,
                    ind.tier2.origin,
                    ind.source,
                    PROSE,
                    ind.order,
                    f"read from {tier2}: a {home} tier",
                )
            if m["reason"]:
                lo, hi = m.start("reason"), m.end("reason")
                ind.add(
                    "deviation_reason",
                    _stated(doc, block, lo, hi, written(text, lo, hi, doc.forms.simplify)),
                )
            found.append((_CN_ORDINALS.index(ordinal.group(1)) + 1 if ordinal else 0, ind))
            draft.indicators.append(ind)
    if not found:
        return
    measures = _ordinal_items(doc, "sections.measures")
    for n, ind in found:
        if n and n in measures:
            ind.add("improvement", measures[n])


_CN_ORDINALS = "一二三四五六七八九十"


def _ordinal_items(doc: Document, section: str) -> dict[int, Stated]:
    """The items 一是 … 二是 … of the first paragraphs of a section, by ordinal."""
    items: dict[int, Stated] = {}
    for heading in doc.headings_for(section):
        for block in doc.content(heading):
            if block.text is None or block.heading is not None:
                continue
            s = block.text.text
            marks = list(_ORDINAL.finditer(s))
            for k, m in enumerate(marks):
                end = marks[k + 1].start() if k + 1 < len(marks) else len(s)
                n = _CN_ORDINALS.index(m.group(1)) + 1
                if n not in items:
                    items[n] = _stated(
                        doc,
                        block,
                        m.end(),
                        end,
                        written(block.text, m.end(), end, doc.forms.simplify),
                    )
        if items:
            break
    return items
