"""The text reader: the seed texts' tables, joins, furniture and markup, and every character traced to the original."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from perfrules.extract.layout import Layout, Paragraph, Table, Text
from perfrules.extract.text import read, read_text
from tests.extract.conftest import seed_path
from tests.extract.content import INDICATOR_HEADER


def _layout(number: str) -> Layout:
    path = seed_path(number)
    return read(path.read_bytes(), path.name)


def _tables(layout: Layout) -> list[Table]:
    return [b for b in layout.blocks if isinstance(b, Table)]


def _paragraphs(layout: Layout) -> list[Text]:
    return [b.text for b in layout.blocks if isinstance(b, Paragraph)]


def _cells(layout: Layout) -> list[Text]:
    return [c.text for t in _tables(layout) for row in t.rows for c in row if not c.merged]


def test_word_export_table_is_counted_against_its_widest_row() -> None:
    (table,) = _tables(_layout("001"))
    assert all(len(row) == 6 for row in table.rows)
    header = [c.text.text for c in table.rows[4]]
    assert header == list(INDICATOR_HEADER)
    # an empty paragraph inside 数量指标's cell looked like a row end: the two halves are one row
    first = [c.text.text for c in table.rows[5]]
    assert first == ["", "产出指标", "数量指标", "救护员培训人数", "1500人", "1849人"]
    # cells merged downwards are blank; a row merged across is padded with merged copies
    assert [c.text.text for c in table.rows[6]][:3] == ["", "", ""]
    goal = table.rows[3]
    assert goal[0].text.text.startswith("年度目标1") and all(c.merged for c in goal[1:])


def test_a_cell_written_on_several_lines_is_one_cell_placed_line_by_line() -> None:
    (table,) = _tables(_layout("001"))
    cell = table.rows[-2][0].text
    assert cell.text == "偏差大或目标未完成原因分析"
    assert cell.raw == "偏差大或\n目标未完成\n原因分析"
    place = cell.place_at(cell.text.index("目标"))
    lines = seed_path("001").read_text(encoding="utf-8").split("\n")
    assert lines[place.line - 1][place.column - 1 :].startswith("目标未完成")  # type: ignore[operator]
    assert place.table == 1 and place.row == len(table.rows) - 1 and place.cell == 1


def test_markers_and_page_numbers_are_listed_not_dropped() -> None:
    unread = _layout("001").unread
    assert [(u.reason, u.text) for u in unread] == [("marker", "[bookmark: _GoBack]")]
    assert not any("bookmark" in t.text for t in _paragraphs(_layout("001")))
    junk = [u.text for u in _layout("003").unread]
    assert junk == ["1", "2", "3", "4", "5", "1952年"]


def test_paragraphs_split_at_page_breaks_are_joined() -> None:
    texts = [t.text for t in _paragraphs(_layout("003"))]
    assert any("和《中国红十字会章程》" in t for t in texts)
    assert any(t.endswith("评估为优秀。") for t in texts)
    assert not any(t == "秀。" for t in texts)
    joined = [t for t in _paragraphs(_layout("003")) if "\n\n" in t.raw]
    assert len(joined) == 5
    texts4 = [t.text for t in _paragraphs(_layout("004"))]
    assert any("加强绩效业务学习及培训" in t for t in texts4)
    # a title is not joined to the paragraph after it, a field line not to the next field
    assert "石家庄市鹿泉区红十字会 2024 年度整体支出绩效自评报告" in [
        t.text for t in _paragraphs(_layout("003"))
    ]
    assert any(t.startswith("填报时间") for t in texts4)


def test_markdown_markup_and_latex_are_read_as_text() -> None:
    texts = [t.text for t in _paragraphs(_layout("004"))]
    assert not any("#" in t or "**" in t for t in texts)
    assert "(三) 部门单位整体预算规模及安排情况" in texts
    scheme = next(t for t in _paragraphs(_layout("003")) if "分为良好" in t.text)
    assert "75 ≤ 得分 < 85 分为良好" in scheme.text
    k = scheme.text.index("≤")
    assert scheme.raw[scheme.raw_index(k) :].startswith("\\leq")


def test_tab_separated_rows_are_a_table() -> None:
    (table,) = _tables(_layout("003"))
    assert [c.text.text for c in table.rows[0]] == ["姓名", "工作单位", "职务", "签字"]
    assert [c.text.text for c in table.rows[1]] == ["于永利", "区红十字会", "常务副会长", ""]


def test_pipe_and_space_rows_and_dashes() -> None:
    text = (
        "前言\n| 指标 | 目标值 | 实际值 |\n|---|---|---|\n| 培训人数 | ≥100人 | — |\n\n"
        "姓名    单位\n张三    区红会\n\n正文。\n单独一行    有空格\n"
    )
    layout = read_text(text, "t.txt")
    tables = _tables(layout)
    assert [[c.text.text for c in r] for r in tables[0].rows] == [
        ["指标", "目标值", "实际值"],
        ["培训人数", "≥100人", ""],
    ]
    assert tables[0].rows[1][2].text.raw == "—"
    assert [[c.text.text for c in r] for r in tables[1].rows] == [
        ["姓名", "单位"],
        ["张三", "区红会"],
    ]
    assert "单独一行    有空格" in [t.text for t in _paragraphs(layout)]


def test_line_endings_bom_and_trailing_tabs() -> None:
    layout = read("\ufeff一、自评结论\t\r\n正文，第二行。\r\n".encode(), "t.txt")
    assert [t.text for t in _paragraphs(layout)] == ["一、自评结论", "正文,第二行。"]
    assert _paragraphs(layout)[1].place.line == 2


_ALPHABET = st.sampled_from(
    list("预算执行率指标完成人次篇一二三（）：，。％＞≥0123456789０１２ 　\u00a0abAB|-—")
)


def _check_traced(text: Text, lines: list[str]) -> None:
    for i, ch in enumerate(text.text):
        place = text.place_at(i)
        assert place.line is not None and place.column is not None
        line = lines[place.line - 1]
        if place.column - 1 == len(line):  # the line break between two lines of one text
            assert ch == " "
            continue
        original = line[place.column - 1]
        expected = " " if original.isspace() else unicodedata.normalize("NFKC", original)
        assert ch in expected or (ch == " " and original.isspace()), (ch, original, place)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(_ALPHABET, max_size=30), min_size=1, max_size=12), st.booleans())
def test_every_character_read_points_at_its_original(rows: list[str], cells: bool) -> None:
    lines = [("\t" + r if cells and k % 3 else r) for k, r in enumerate(rows)]
    source = "\n".join(lines)
    layout = read_text(source, "p.txt")
    for text in [*_paragraphs(layout), *_cells(layout)]:
        _check_traced(text, source.split("\n"))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        # single spaces only: lines whose cells are split by wide gaps are table rows
        # when their neighbours agree (test_pipe_and_space_rows_and_dashes)
        st.text(st.sampled_from(list("预算执行率指标一二三，。：０１２abc ")), max_size=20).map(
            lambda t: "报" + re.sub(" {2,}", " ", t)
        ),
        min_size=1,
        max_size=10,
        unique=True,
    )
)
def test_lines_of_prose_read_back_as_written(rows: list[str]) -> None:
    """A text of prose lines (one paragraph per line) reads back as those lines, normalised."""
    source = "\n".join(rows)
    texts = [t.text for t in _paragraphs(read_text(source, "p.txt"))]
    expected = [
        "".join(" " if c.isspace() else unicodedata.normalize("NFKC", c) for c in r).strip()
        for r in rows
    ]
    assert texts == expected
