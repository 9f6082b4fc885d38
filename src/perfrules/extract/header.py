"""The report's own header: title, department, region, budget year, kind, filing date and the form it follows.

The budget year is the title's unless the body says, at least twice and more
often, that another year is evaluated (对 2023 年整体支出情况实施了…自评价): then
the body's year is written and the title's is offered for review, because
which of the two is the slip is a person's call (the rules then report the
title year, PR060). The region is read from the department's name
(北京市海淀区红十字会 → 北京市海淀区).
"""

from __future__ import annotations

import datetime
import re
from collections import Counter

from perfrules.document.provenance import Traced
from perfrules.extract.draft import LABELLED, PROSE, Draft, Review, Stated
from perfrules.extract.forms import Template, folded
from perfrules.extract.layout import Table, Text
from perfrules.extract.reading import reading, traced, written
from perfrules.extract.sections import Block, Document
from perfrules.messages import extract as msg

__all__ = ["parse_date", "read_header"]

_YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)年")
_BODY_YEAR = re.compile(
    r"(?<![比与较至止])(?<!截至)(?:对|本部门|我单位|本单位)?(?P<year>20\d\d)年度?(?!\d{0,2}月)"
    r"(?=[^，。；]{0,8}?(?:预算|收|支|决算|整体|绩效|部门|执行|项目|基本支出|工作要点|工作计划))"
)
_DATE = re.compile(
    r"(?P<y>20\d\d)\s*(?:年|[.\-/．])\s*(?P<m>\d{1,2})\s*(?:月|[.\-/．])\s*(?P<d>\d{1,2})\s*(?:日|号)?"
)
_PAREN_YEAR = re.compile(r"[(（]\s*20\d\d\s*年度?\s*[)）]")
_BODY_ORG = (
    r"(?=是|设立|隶属|成立|为|作为|[(（]以下简称|下设|共有|现有|内设|属于|系|正科级|正处级|对|于)"
)


def parse_date(text: str) -> tuple[datetime.date | None, re.Match[str] | None]:
    """The first date written in ``text`` (2024.4.15, 2024年4月15日, 2024-04-15), if it is a real date."""
    m = _DATE.search(text)
    if m is None:
        return None, None
    try:
        return datetime.date(int(m["y"]), int(m["m"]), int(m["d"])), m
    except ValueError:
        return None, m


def _stated(
    doc: Document, block: Block, lo: int, hi: int, value: object, rank: int = PROSE, note: str = ""
) -> Stated:
    assert block.text is not None
    return Stated(
        value, traced(block.text, lo, hi), doc.locator(block), rank, block.index * 100000 + lo, note
    )


def read_header(doc: Document, draft: Draft, templates: list[tuple[Template, Traced]]) -> None:
    """Fill ``draft.info`` with what the report says of itself."""
    title = _title(doc, draft)
    _department(doc, draft, title)
    _year(doc, draft, title)
    _filled_on(doc, draft)
    _profile(doc, draft, templates)


def _lead(doc: Document) -> list[tuple[Block, Text]]:
    """The texts a report opens with: its first paragraphs, and the rows of a table that hold one cell only.

    A workbook writes its title and 单位名称 in cells spanning the sheet; those
    count as the report's opening lines.
    """
    out: list[tuple[Block, Text]] = []
    for block in doc.blocks[:12]:
        if block.text is not None:
            out.append((block, block.text))
        elif isinstance(block.block, Table):
            for row in block.block.rows[:3]:
                cells = [c for c in row if not c.merged and c.text.text.strip()]
                if len(cells) == 1:
                    out.append((block, reading(cells[0].text, doc.forms.simplify)))
    return out


def _title(doc: Document, draft: Draft) -> tuple[Block, Text, str] | None:
    words = doc.forms.get("header.title_words")
    lead = _lead(doc)
    for k, (block, text) in enumerate(lead):
        s = text.text
        if len(s) > 60 or not any(w in s for w in words):
            continue
        value = written(text, 0, len(s), doc.forms.simplify)
        raws = [text.raw]
        first, first_text = block, text
        prev = lead[k - 1][1] if k else None
        if prev is not None and any(s.startswith(w[:2]) for w in words):
            p = prev.text
            if (
                not p.endswith(("。", "：", ":"))
                and not _is_org(doc, p)
                and "附件" not in p
                and len(p) <= 40
            ):
                value = written(prev, 0, len(p), doc.forms.simplify) + value
                raws.insert(0, prev.raw)
                first, first_text = lead[k - 1]
        nxt = lead[k + 1][1] if k + 1 < len(lead) else None
        if nxt is not None and _PAREN_YEAR.fullmatch(nxt.text):
            value += written(nxt, 0, len(nxt.text), doc.forms.simplify)
            raws.append(nxt.raw)
        origin = Traced(first_text.place_at(0), "\n".join(raws))
        order = first.index * 100000
        draft.state(draft.info, "title", Stated(value, origin, "", LABELLED, order))
        project = any(w in s for w in doc.forms.get("header.project_words"))
        kind = "project" if project else "department"
        draft.state(
            draft.info, "kind", Stated(kind, origin, "", LABELLED, order, "read from the title")
        )
        return first, text, value
    return None


def _is_org(doc: Document, text: str) -> bool:
    return (
        len(text) <= 40
        and text.endswith(doc.forms.get("header.organisations"))
        and not re.search(r"\d", text)
    )


def _in(
    doc: Document, block: Block, text: Text, lo: int, hi: int, rank: int, note: str = ""
) -> Stated:
    """The text ``text[lo:hi]`` of ``block`` as a statement (its value as written)."""
    value = written(text, lo, hi, doc.forms.simplify)
    return Stated(
        value, traced(text, lo, hi), doc.locator(block), rank, block.index * 100000 + lo, note
    )


def _texts(doc: Document) -> list[tuple[Block, Text]]:
    """Every paragraph's reading, and the opening one-cell rows of tables."""
    seen = {id(t) for _, t in _lead(doc)}
    return [
        *_lead(doc),
        *((b, b.text) for b in doc.paragraphs() if b.text is not None and id(b.text) not in seen),
    ]


def _department(doc: Document, draft: Draft, title: tuple[Block, Text, str] | None) -> None:
    labels = "|".join(re.escape(w) for w in doc.forms.get("header.department_labels"))
    for block, text in _texts(doc):
        s = text.text
        m = re.search(rf"(?:{labels})(?:[(（][^)）]{{0,6}}[)）])?\s*[:：]\s*", s)
        if m is None:
            continue
        end = re.search(r"\s{2,}|(?=(?:填报|日期|时间|联系人|电话))", s[m.end() :])
        hi = m.end() + (end.start() if end else len(s) - m.end())
        if hi > m.end():
            draft.state(draft.info, "department", _in(doc, block, text, m.end(), hi, LABELLED))
    if title is not None:
        block, text, _ = title
        s = text.text
        y = _YEAR.search(s)
        if y is not None and _is_org(doc, s[: y.start()].strip()):
            draft.state(draft.info, "department", _in(doc, block, text, 0, y.start(), PROSE + 1))
        lead = _lead(doc)
        k = next((i for i, (_, t) in enumerate(lead) if t is text), 0)
        if k and _is_org(doc, lead[k - 1][1].text):
            b, t = lead[k - 1]
            draft.state(draft.info, "department", _in(doc, b, t, 0, len(t.text), PROSE + 1))
    orgs = "|".join(re.escape(w) for w in doc.forms.get("header.organisations"))
    for block in doc.paragraphs():
        assert block.text is not None
        m = re.match(rf"([\u4e00-\u9fff()（）]{{3,40}}?(?:{orgs})){_BODY_ORG}", block.text.text)
        if m is not None and not m.group(1).startswith(("我", "本", "该")):
            note = "the name the report opens a paragraph with"
            draft.state(
                draft.info, "department", _in(doc, block, block.text, 0, m.end(1), PROSE + 2, note)
            )
    found = draft.info.get("department")
    if found:
        best = min(found, key=lambda st: (st.rank, st.order))
        region = _region(str(best.value))
        if region:
            note = "read from the department's name"
            draft.state(
                draft.info,
                "region",
                Stated(region, best.origin, best.source, PROSE + 3, best.order, note),
            )


def _region(name: str) -> str | None:
    """The administrative area a department's name begins with: up to its last 省/市/区/县 outside brackets."""
    depth = 0
    end = -1
    for k, ch in enumerate(name):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "省市区县旗州盟":
            end = k
    if end < 0:
        return None
    rest = name[end + 1 :]
    m = re.match(r"[(（][^()（）]*[)）]", rest)
    region = name[: end + 1] + (m.group() if m else "")
    return region if region != name else None


def _year(doc: Document, draft: Draft, title: tuple[Block, Text, str] | None) -> None:
    title_year: Stated | None = None
    if title is not None:
        block, _, value = title
        m = _YEAR.search(folded(value, doc.forms.simplify)) or re.search(r"(20\d\d)\s*年", value)
        if m is not None:
            origin = draft.info["title"][0].origin
            title_year = Stated(int(m.group(1)), origin, "", LABELLED, block.index * 100000)
    body: Counter[int] = Counter()
    first: dict[int, Stated] = {}
    for block in doc.paragraphs():
        assert block.text is not None
        if title is not None and block.index == title[0].index:
            continue
        for m in _BODY_YEAR.finditer(block.text.text):
            year = int(m["year"])
            body[year] += 1
            first.setdefault(year, _stated(doc, block, m.start("year"), m.end(), year))
    if title_year is not None:
        chosen = title_year
        top = body.most_common(1)
        if (
            top
            and top[0][0] != title_year.value
            and top[0][1] >= 2
            and top[0][1] > body[title_year.value]
        ):
            year, count = top[0]
            chosen = attrs_evolve(
                first[year],
                f"the year the body evaluates ({count} times); the title says {title_year.value}",
            )
            draft.reviews.append(
                Review(
                    "report.year",
                    msg.TitleYear(title=title_year.value, year=year, count=count),
                    ((year, "the year the body evaluates"), (title_year.value, "the title's year")),
                    first[year].origin,
                    year,
                )
            )
        draft.state(draft.info, "year", chosen)
    elif body:
        year, count = body.most_common(1)[0]
        draft.state(
            draft.info,
            "year",
            attrs_evolve(
                first[year], f"the year the body states most ({count} times); the title states none"
            ),
        )


def attrs_evolve(stated: Stated, note: str) -> Stated:
    """``stated`` with a note."""
    return Stated(stated.value, stated.origin, stated.source, stated.rank, stated.order, note)


def _filled_on(doc: Document, draft: Draft) -> None:
    labels = "|".join(re.escape(w) for w in doc.forms.get("header.date_labels"))
    for block, text in _texts(doc):
        s = text.text
        m = re.search(rf"(?:{labels})\s*[:：]\s*", s)
        if m is None:
            continue
        date, dm = parse_date(s[m.end() : m.end() + 20])
        if dm is None:
            continue
        lo, hi = m.end() + dm.start(), m.end() + dm.end()
        if date is not None:
            origin = traced(text, lo, hi)
            draft.state(
                draft.info,
                "filled_on",
                Stated(date, origin, doc.locator(block), LABELLED, block.index * 100000 + lo),
            )
    for stated in draft.info.pop("filled_on_text", []):
        date, _ = parse_date(str(stated.value))
        if date is not None:
            draft.state(
                draft.info,
                "filled_on",
                Stated(date, stated.origin, stated.source, LABELLED - 1, stated.order),
            )
    if "filled_on" in draft.info:
        return
    tail = [b for b in doc.blocks[-6:] if b.text is not None]
    for block in reversed(tail):
        assert block.text is not None
        s = block.text.text.strip()
        date, dm = parse_date(s)
        if date is not None and dm is not None and dm.end() - dm.start() >= len(s) - 1:
            note = "the date under the signature at the end of the report"
            draft.state(
                draft.info,
                "filled_on",
                _stated(doc, block, dm.start(), dm.end(), date, PROSE, note),
            )
            return


def _profile(doc: Document, draft: Draft, templates: list[tuple[Template, Traced]]) -> None:
    for template, origin in templates:
        if template.profile and template.profile != "national":
            draft.state(
                draft.info,
                "profile",
                Stated(
                    template.profile,
                    origin,
                    "",
                    LABELLED,
                    0,
                    f"the report's table is the {template.title}",
                ),
            )
            return
    for template in doc.forms.templates:
        if not template.profile or not template.markers:
            continue
        for block in doc.paragraphs():
            assert block.text is not None
            s = block.text.text
            for marker in template.markers:
                k = s.find(marker)
                if k >= 0:
                    note = f"the report states the marker of the {template.title}: “{marker}”"
                    draft.state(
                        draft.info,
                        "profile",
                        _stated(doc, block, k, k + len(marker), template.profile, LABELLED, note),
                    )
                    return
