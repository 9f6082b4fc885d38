"""The evaluation (total score, grade, tier subtotals) and the narrative sections rules read.

A grade or score counts only when the sentence says it of the whole (评价结论为优,
综合得分 86.57 分, 单位整体绩效管理情况均为优秀), not of a project, a tier or an
indicator (10个项目自评均为优秀, 评估为优秀, 得分 ≥ 85 分为优秀). Narrative sections are
found by their titles (``[sections]`` of the form knowledge); a section that
has sub-sections of the same purpose gives the first of them. With no section
of its own, the unmet targets are the sentences of the problems section that
say a target was not met, and the conclusion is the sentence stating the grade.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from perfrules.extract.draft import PROSE, Draft, Stated
from perfrules.extract.reading import traced, written
from perfrules.extract.sections import Block, Document, Heading

__all__ = ["read_evaluation", "read_narrative"]

_CLAUSE = re.compile(r"[^，,；;。:：]+")
_UNMET = re.compile(r"(?<!无)(?<!没有)(?:未达到|未完成|未达成|没有完成|没有达到|未能完成|未能达到)")
_EMPTY = frozenset({"无", "无。", "没有", "暂无", "无其他资料。"})


def _stated(doc: Document, block: Block, lo: int, hi: int, value: object, note: str = "") -> Stated:
    assert block.text is not None
    return Stated(
        value,
        traced(block.text, lo, hi),
        doc.locator(block),
        PROSE,
        block.index * 100000 + lo,
        note,
    )


def _prose(doc: Document, draft: Draft) -> Iterator[Block]:
    """The paragraphs of ``doc`` that hold none of the indicators ``draft`` has read."""
    indicator_blocks = {
        st.order // 100000 for ind in draft.indicators for sts in ind.fields.values() for st in sts
    }
    return (block for block in doc.paragraphs() if block.index not in indicator_blocks)


def read_evaluation(doc: Document, draft: Draft) -> None:
    """The stated total score, grade and tier subtotals."""
    grades = "|".join(
        re.escape(g) for g in sorted(doc.forms.get("evaluation.grades"), key=len, reverse=True)
    )
    grade_re = re.compile(
        rf"(?:为|是|评定为|评为)[“\"「']?(?P<grade>{grades})[”\"」']?(?=[。，,；;]|$)"
    )
    labels = "|".join(re.escape(w) for w in doc.forms.get("evaluation.score_labels"))
    score_re = re.compile(rf"(?P<label>{labels})(?:为|是|:)?(?P<score>\d+(?:\.\d+)?)分")
    tier_re = re.compile(
        r"(?P<tier>产出|效益|效果|满意度|成本)指标(?:自评)?得分(?:为)?(?P<score>\d+(?:\.\d+)?)分"
    )
    subjects = doc.forms.get("evaluation.grade_subjects")
    excluded = doc.forms.get("evaluation.not_subjects")
    for block in _prose(doc, draft):
        assert block.text is not None
        s = block.text.text
        for clause in _CLAUSE.finditer(s):
            c = clause.group()
            m = grade_re.search(c)
            if m is not None:
                subject = c[: m.start()]
                scheme = re.search(
                    r"\d+(?:\.\d+)?分$|[≥≤<>]", subject
                )  # 得分≥85分为优秀: a band, not a grade
                if (
                    any(w in subject for w in subjects)
                    and not any(w in subject for w in excluded)
                    and not scheme
                ):
                    lo = clause.start() + m.start("grade")
                    draft.state(
                        draft.evaluation,
                        "grade",
                        _stated(doc, block, lo, lo + len(m["grade"]), m["grade"]),
                    )
                    draft.state(draft.evaluation, "_grade_sentence", _sentence(doc, block, lo))
            m = score_re.search(c)
            if m is not None:
                subject = c[: m.end("label")]
                whole = m["label"] in ("综合得分", "总得分", "总分", "自评总分", "综合评分") or any(
                    w in subject for w in ("整体", "部门", "综合")
                )
                if whole and not any(w in c[: m.start()] for w in ("指标", "项目")):
                    lo = clause.start() + m.start("score")
                    draft.state(
                        draft.evaluation,
                        "score",
                        _stated(doc, block, lo, lo + len(m["score"]), Decimal(m["score"])),
                    )
        for m in tier_re.finditer(s):
            tier = ("效益" if m["tier"] == "效果" else m["tier"]) + "指标"
            lo = m.start("score")
            draft.state(
                draft.evaluation,
                f"tier:{tier}",
                _stated(doc, block, lo, m.end("score"), Decimal(m["score"])),
            )


def _sentence(doc: Document, block: Block, at: int) -> Stated:
    assert block.text is not None
    s = block.text.text
    lo = max(s.rfind("。", 0, at) + 1, 0)
    hi = s.find("。", at)
    hi = len(s) if hi < 0 else hi + 1
    return _stated(doc, block, lo, hi, written(block.text, lo, hi, doc.forms.simplify))


def _section(doc: Document, words: str) -> Heading | None:
    """The section for a purpose: the first heading titled for it that has no sub-heading titled for it."""
    headings = doc.headings_for(words)
    for heading in headings:
        inner = [
            b.heading
            for b in doc.content(heading)
            if b.heading is not None and b.heading in headings
        ]
        return inner[0] if inner else heading
    return None


def _text_of(doc: Document, blocks: list[Block]) -> Stated | None:
    paragraphs = [
        b for b in blocks if b.text is not None and b.heading is None and b.text.text.strip()
    ]
    if not paragraphs:
        return None
    parts = []
    for b in paragraphs:
        assert b.text is not None
        parts.append(written(b.text, 0, len(b.text.text), doc.forms.simplify))
    value = "\n".join(parts)
    if value.strip() in _EMPTY:
        value = "无"
    first = paragraphs[0]
    assert first.text is not None
    return Stated(
        value,
        traced(first.text, 0, len(first.text.text)),
        doc.locator(first),
        PROSE,
        first.index * 100000,
    )


_BUDGET_REASON = re.compile(r"(?:预算)?执行率?(?:偏离|偏差)原因(?:分析)?[:：]")


def read_budget_reasons(doc: Document, draft: Draft) -> None:
    """``预算执行率偏离原因：…``: the reason the report gives for its budget execution."""
    for block in _prose(doc, draft):
        assert block.text is not None
        s = block.text.text
        for m in _BUDGET_REASON.finditer(s):
            end = s.find("。", m.end())
            hi = len(s) if end < 0 else end + 1
            if hi > m.end():
                value = written(block.text, m.end(), hi, doc.forms.simplify)
                draft.state(
                    draft.budget, "deviation_reason", _stated(doc, block, m.end(), hi, value)
                )


def read_narrative(doc: Document, draft: Draft) -> None:
    """The unmet targets, problems, measures and conclusion sections (and the budget's reasons)."""
    read_budget_reasons(doc, draft)
    for field in ("problems", "measures", "unmet_targets", "conclusion"):
        heading = _section(doc, f"sections.{field}")
        if heading is None:
            continue
        content = doc.content(heading)
        if field == "conclusion":
            direct: list[Block] = []
            for b in content:
                if b.heading is not None:
                    break
                direct.append(b)
            if not any(b.text is not None and b.heading is None for b in direct):
                sub = next((b.heading for b in content if b.heading is not None), None)
                direct = doc.content(sub) if sub is not None else []
            content = direct
        stated = _text_of(doc, content)
        if stated is not None:
            draft.state(draft.narrative, field, stated)
    if "unmet_targets" not in draft.narrative and "problems" in draft.narrative:
        problems = draft.narrative["problems"][0]
        sentences = [x for x in re.findall(r"[^。]+。?", str(problems.value)) if _UNMET.search(x)]
        if sentences:
            note = "the sentences of the problems section that name a target not met (the report has no section of its own for them)"
            draft.state(
                draft.narrative,
                "unmet_targets",
                Stated(
                    "".join(sentences).strip(),
                    problems.origin,
                    problems.source,
                    PROSE + 1,
                    problems.order,
                    note,
                ),
            )
    sentence = draft.evaluation.pop("_grade_sentence", [])
    if "conclusion" not in draft.narrative and sentence:
        note = "the sentence stating the grade (the report has no conclusion section)"
        first = sentence[0]
        draft.state(
            draft.narrative,
            "conclusion",
            Stated(first.value, first.origin, first.source, PROSE + 1, first.order, note),
        )
