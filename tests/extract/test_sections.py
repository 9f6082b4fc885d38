"""The section tree: levels from the numbering style, not the numbers Word's automatic numbering wrote."""

from __future__ import annotations

from perfrules.extract.forms import forms
from perfrules.extract.sections import Document, build
from perfrules.extract.text import read
from tests.extract.conftest import seed_path


def _doc(number: str) -> Document:
    path = seed_path(number)
    return build(read(path.read_bytes(), path.name), forms())


def _levels(doc: Document) -> dict[str, int]:
    return {b.heading.title: b.heading.level for b in doc.blocks if b.heading is not None}


def test_automatic_numbering_written_as_arabic_keeps_its_level() -> None:
    levels = _levels(_doc("002"))
    # "1、 部门（单位）基本情况" and "4、 国有资本经营预算支出情况" stand for 一、 and 四、
    assert (
        levels["部门(单位)基本情况"]
        == levels["一般公共预算支出情况"]
        == levels["国有资本经营预算支出情况"]
        == 1
    )
    # "（2） 项目支出情况" stands for （二）
    assert levels["项目支出情况"] == levels["基本支出情况"] == 2
    levels1 = _levels(_doc("001"))
    assert levels1["部门自评工作开展情况"] == levels1["基本情况"] == 2
    assert levels1["产出指标完成情况分析"] == 4  # typed （1）, no space: below 2.


def test_markdown_levels_come_from_the_numbering_not_the_hashes() -> None:
    levels = _levels(_doc("004"))
    assert levels["部门单位整体支出绩效分析"] == levels["评价结论"] == levels["基本概况"] == 1
    assert levels["指标一"] == levels["改进措施"] == 2
    assert levels["年初预算安排情况"] == 3


def test_labelled_statements_and_sentences_are_not_headings() -> None:
    titles = _levels(_doc("001"))
    assert not any(t.startswith("时效指标:培训完成时间") for t in titles)
    assert (
        "数量指标完成情况分析" in titles
    )  # a short label line is a heading below the numbered ones


def test_section_purposes_and_locators() -> None:
    doc = _doc("003")
    assert [h.title for h in doc.headings_for("sections.problems")] == [
        "存在的问题及改进措施",
        "存在的主要问题",
    ]
    block = next(
        b
        for b in doc.paragraphs()
        if b.text is not None and b.text.text.startswith("绩效指标:租赁")
    )
    assert doc.locator(block) == "分项绩效目标实现情况及指标分析 › 开展应急救援工作"
