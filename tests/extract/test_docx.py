"""The Word reader gives back what the fixture builder wrote: placed paragraphs, numbering, the 自评表 with its merges."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from perfrules.document.provenance import Place
from perfrules.errors import DocumentError, PerfrulesError
from perfrules.extract import docx
from perfrules.extract.docxnum import render_number
from perfrules.extract.layout import Layout, Paragraph, Table
from tests.extract.builders import build_docx, hostile
from tests.extract.content import (
    CAIDIAN_LABELS,
    LEFT,
    CellSpec,
    caidian_form,
    caidian_paragraphs,
    example,
    urumqi_labels,
    urumqi_paragraphs,
)


@pytest.fixture(scope="module")
def caidian() -> Layout:
    return docx.read(build_docx("caidian-2024"), "caidian.docx")


def _paragraphs(layout: Layout) -> list[Paragraph]:
    return [b for b in layout.blocks if isinstance(b, Paragraph)]


def _tables(layout: Layout) -> list[Table]:
    return [b for b in layout.blocks if isinstance(b, Table)]


def test_body_paragraphs_in_order_numbered_and_placed(caidian: Layout) -> None:
    before, after = caidian_paragraphs()
    labels = iter(CAIDIAN_LABELS)
    expected = []
    for number, para in enumerate([*before, *after], start=1):
        if para.text.strip():
            label = next(labels) if para.level is not None else ""
            expected.append((number, label + para.text))
    got = [(p.text.place.paragraph, p.text.raw) for p in _paragraphs(caidian)]
    assert got == expected
    assert all(
        p.text.place == Place("caidian.docx", "docx", paragraph=n)
        for p, (n, _) in zip(_paragraphs(caidian), expected, strict=True)
    )
    # the paragraphs after the table go on counting body paragraphs (the table is not one)
    assert got[-1][0] == len(before) + len(after)


def test_chinese_numbering_restarts_under_a_new_top_level(caidian: Layout) -> None:
    texts = [p.text.raw for p in _paragraphs(caidian)]
    assert "一、自评结论" in texts
    assert "（三）存在的问题和原因" in texts
    assert texts.index("二、佐证材料") + 1 == texts.index("（一）基本情况")


def test_the_form_cell_by_cell_with_its_merges(caidian: Layout) -> None:
    [table] = _tables(caidian)
    grid = caidian_form()
    assert table.place == Place("caidian.docx", "docx", table=1)
    assert len(table.rows) == len(grid)
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(grid):
        assert len(table.rows[r]) == len(row), f"row {r + 1}: one cell per column"
        for c, entry in enumerate(row):
            cell = table.rows[r][c]
            if isinstance(entry, CellSpec):
                origins[(r, c)] = (r, c)
                assert not cell.merged
                assert cell.text.raw == entry.shown(), (r + 1, c + 1)
                assert cell.text.place == Place(
                    "caidian.docx", "docx", table=1, row=r + 1, cell=c + 1
                )
            else:
                origin = origins[(r, c - 1) if entry == LEFT else (r - 1, c)]
                origins[(r, c)] = origin
                assert cell.merged, (r + 1, c + 1)
                assert cell.text == table.rows[origin[0]][origin[1]].text


def test_merges_both_ways_are_flagged(caidian: Layout) -> None:
    [table] = _tables(caidian)
    first_goal = next(row for row in table.rows if row[3].text.text == "普及救护培训人次数")
    tier1, tier2 = first_goal[1], first_goal[2]
    assert tier1.merged and tier1.text.text == "产出指标"  # vertical (w:vMerge)
    assert tier2.merged and tier2.text.text == "数量指标"
    assert tier1.text.place.row == 7  # the place of the cell it continues
    unit = table.rows[0]
    assert [c.merged for c in unit] == [False, False, True, True, True, True]  # w:gridSpan
    assert unit[5].text.text == example("caidian-2024")["report"]["department"]


def test_line_breaks_and_empty_paragraphs_stay_in_the_cell(caidian: Layout) -> None:
    [table] = _tables(caidian)
    reason_row, measures_row = table.rows[-2], table.rows[-1]
    assert reason_row[0].text.raw == "偏差大或\n目标未完成\n原因分析"
    assert reason_row[0].text.text == "偏差大或 目标未完成 原因分析"
    measures = measures_row[1].text.raw.split("\n")
    assert [m[:2] for m in measures[:3]] == ["1.", "2.", "3."]  # numbered by numbering.xml
    assert measures[3] == ""  # the cell's closing empty paragraph
    assert measures_row[1].text.raw.startswith("1.细化预算编制工作")


def test_nothing_of_the_indicators_is_dropped(caidian: Layout) -> None:
    [table] = _tables(caidian)
    rows = {tuple(c.text.raw for c in row[1:6]) for row in table.rows}
    for ind in example("caidian-2024")["indicators"]:
        assert (ind["tier1"], ind["tier2"], ind["name"], ind["target"], ind["actual"]) in rows
    assert caidian.unread == ()


def test_style_numbering_with_tab_and_space_suffixes() -> None:
    layout = docx.read(build_docx("urumqi-2023"), "urumqi.docx")
    assert _tables(layout) == []  # a report with no table reads as paragraphs alone
    labels = iter(urumqi_labels())
    expected = [(next(labels) if p.level is not None else "") + p.text for p in urumqi_paragraphs()]
    assert [p.text.raw for p in _paragraphs(layout)] == expected
    assert "一、\t基本概况" in expected and "(七) 指标七：" in expected
    last = _paragraphs(layout)[-1].text
    assert "\n" in last.raw  # a line break inside a body paragraph


def test_a_picture_is_listed_as_unread() -> None:
    layout = docx.read(hostile("picture-docx"), "scan.docx")
    [title] = _paragraphs(layout)
    assert title.text.raw == "部门整体绩效自评表（扫描件）"
    assert [(u.reason, u.place.label("en")) for u in layout.unread] == [("image", "paragraph 2")]


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCountingThousand", "十一"),
        (20, "chineseCounting", "二十"),
        (101, "chineseCounting", "一百零一"),
        (110, "chineseCounting", "一百一十"),
        (1010, "chineseCounting", "一千零一十"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (10, "ideographDigital", "一〇"),
        (3, "ideographTraditional", "丙"),
        (3, "decimalEnclosedCircle", "③"),
        (21, "decimalEnclosedCircleChinese", "21"),
        (2, "decimalEnclosedParen", "⑵"),
        (12, "decimalFullWidth", "１２"),
        (7, "decimalZero", "07"),
        (28, "upperLetter", "BB"),
        (14, "lowerRoman", "xiv"),
        (3, "ordinalText", None),
    ],
)
def test_number_formats(n: int, fmt: str, shown: str | None) -> None:
    assert render_number(n, fmt) == shown


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("empty", "empty-file"),
        ("binary", "not-format"),
        ("ole", "not-format"),
        ("encrypted-office", "encrypted"),
        ("corrupt-docx", "not-format"),
        ("zip-not-docx", "not-format"),
        ("blank-docx", "no-content"),
    ],
)
def test_bad_files_give_one_line_errors(kind: str, code: str) -> None:
    with pytest.raises(DocumentError) as caught:
        docx.read(hostile(kind), f"{kind}.docx")
    [problem] = caught.value.problems
    assert problem.code == code
    assert problem.file == f"{kind}.docx"
    for lang in ("zh", "en"):
        line = caught.value.render(lang)
        assert "\n" not in line and line.startswith(f"{kind}.docx: ")


def test_a_missing_library_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(PerfrulesError) as caught:
        docx.read(b"PK\x03\x04 any bytes", "r.docx")
    [problem] = caught.value.problems
    assert problem.code == "extra-missing"
    assert "pip install 'perfrules[docx]'" in caught.value.render("en")
    assert "pip install 'perfrules[docx]'" in caught.value.render("zh")


def test_revisions_content_controls_text_boxes_and_odd_rows() -> None:
    layout = docx.read(hostile("odd-docx"), "odd.docx")
    texts = [(p.text.place.paragraph, p.text.raw) for p in _paragraphs(layout)]
    assert texts == [
        (1, "执行数188.44万元"),  # the inserted figure, not the deleted one
        (2, "填报日期：2024.4.15"),  # inside a content control
        (3, "单位（公章）"),
    ]
    assert [(u.reason, u.place.paragraph, u.text) for u in layout.unread] == [
        ("text-box", 3, "武汉市蔡甸区红十字会")
    ]
    [table] = _tables(layout)
    second = table.rows[1]
    # w:gridBefore: the row's first grid column is an empty cell, not a merge
    assert (second[0].text.raw, second[0].merged) == ("", False)
    assert second[0].text.place == Place("odd.docx", "docx", table=1, row=2, cell=1)
    # a vMerge continuation under a cell that starts no merge is not known to merge
    assert (second[1].text.raw, second[1].merged) == ("", False)
    assert second[2].text.raw == "92.84"


def _repacked(drop: str = "", body: str | None = None) -> bytes:
    """The caidian Word file with the part ``drop`` left out, or its body replaced by ``body``."""
    import io
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(build_docx("caidian-2024")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == drop:
                continue
            if body is not None and info.filename == "word/document.xml":
                text = re.sub(
                    r"<w:body>.*</w:body>", f"<w:body>{body}</w:body>", data.decode(), flags=re.S
                )
                data = text.encode()
            package.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "zh", "en"),
    [
        (
            lambda: _repacked(drop="word/document.xml"),
            "不是有效的 .docx 文件：压缩包中缺少部件 word/document.xml（",
            "not a valid .docx file: the package lacks its part word/document.xml (",
        ),
        (
            lambda: _repacked(body="<w:tbl><w:tr><w:tc>" * 400 + "</w:tc></w:tr></w:tbl>" * 400),
            "不是有效的 .docx 文件：部件中的 XML 已损坏或嵌套过深（",
            "not a valid .docx file: a part's XML is broken or nested too deeply (",
        ),
    ],
)
def test_a_broken_package_is_told_in_the_readers_words(data: Any, zh: str, en: str) -> None:
    with pytest.raises(DocumentError) as caught:
        docx.read(data(), "r.docx")
    assert caught.value.render("zh").startswith(f"r.docx: {zh}")
    assert caught.value.render("en").startswith(f"r.docx: {en}")
