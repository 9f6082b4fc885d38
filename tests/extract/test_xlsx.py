"""The Excel reader gives back the workbook the builder wrote: sheet!cell places, merged ranges, numbers as shown."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal

import pytest
from openpyxl.utils import get_column_letter

from perfrules.document.provenance import Place
from perfrules.errors import DocumentError, PerfrulesError
from perfrules.extract import xlsx
from perfrules.extract.layout import Layout, Table
from perfrules.extract.xlsxfmt import cell_text, format_number
from tests.extract.builders import XLSX_FORM_ROW, build_xlsx, hostile
from tests.extract.content import LEFT, CellSpec, caidian_form, example


@pytest.fixture(scope="module")
def caidian() -> Layout:
    return xlsx.read(build_xlsx("caidian-2024"), "caidian.xlsx")


def _place(ref: str) -> Place:
    return Place("caidian.xlsx", "xlsx", sheet="自评表", ref=ref)


def test_one_table_per_sheet_heading_rows_first(caidian: Layout) -> None:
    [table] = caidian.blocks
    assert isinstance(table, Table)
    assert table.place == _place("A1")
    report = example("caidian-2024")["report"]
    title = table.rows[0]
    assert title[0].text.raw == f"{report['year']}年度{report['department']}部门整体绩效自评表"
    assert [c.merged for c in title] == [False] + [True] * 5
    assert all(c.text.place == _place("A1") for c in title)
    heading = [c.text.raw for c in table.rows[1]]
    assert heading == [f"单位名称：{report['department']}", "", "", "", "填报日期：", "2024.4.15"]
    assert caidian.unread == ()


def test_the_form_cell_by_cell_with_its_merged_ranges(caidian: Layout) -> None:
    [table] = caidian.blocks
    assert isinstance(table, Table)
    grid = caidian_form()
    rows = table.rows[2:]  # the blank row between heading and form holds nothing: left out
    assert len(rows) == len(grid)
    origins: dict[tuple[int, int], str] = {}
    for r, row in enumerate(grid):
        for c, entry in enumerate(row):
            cell = rows[r][c]
            ref = f"{get_column_letter(c + 1)}{XLSX_FORM_ROW + r}"
            if isinstance(entry, CellSpec):
                origins[(r, c)] = ref
                assert not cell.merged and cell.text.raw == entry.shown()
                assert cell.text.place == _place(ref)
            else:
                origins[(r, c)] = origins[(r, c - 1) if entry == LEFT else (r - 1, c)]
                assert cell.merged and cell.text.place == _place(origins[(r, c)]), ref


def test_bare_numbers_read_as_written(caidian: Layout) -> None:
    [table] = caidian.blocks
    assert isinstance(table, Table)
    texts = {c.text.place.ref: c.text.raw for row in table.rows for c in row}
    budget = example("caidian-2024")["budget"]
    assert texts["D7"] == str(budget["initial"]) == "202.98"
    assert texts["E7"] == "188.44" and texts["F7"] == "92.84"
    new_volunteers = next(row for row in table.rows if row[3].text.raw == "新增志愿者人数")
    assert new_volunteers[4].text.raw == "100"  # an int cell, no ".0"


def test_formulas_without_a_saved_value_and_hidden_sheets_are_listed() -> None:
    layout = xlsx.read(hostile("formula-xlsx"), "f.xlsx")
    [table] = layout.blocks
    assert isinstance(table, Table)
    assert [c.text.raw for c in table.rows[1]] == ["202.98", "188.44", ""]
    reasons = {(u.reason, u.place.label(), u.text) for u in layout.unread}
    assert reasons == {("formula-not-computed", "预算!C2", "=B2/A2"), ("hidden-sheet", "底稿", "")}


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (202.98, "General", "202.98"),
        (0.1 + 0.2, "General", "0.3"),
        (1849, "General", "1849"),
        (0.9284, "0.00%", "92.84%"),
        (92.84, "0.0", "92.8"),
        (2.675, "0.00", "2.68"),
        (1234567.891, "#,##0.00", "1,234,567.89"),
        (-6.35, "#,##0.00;[Red]-#,##0.00", "-6.35"),
        (-6.35, "0.00;(0.00)", "(6.35)"),
        (0, '#,##0.00;-#,##0.00;"-"', "-"),
        (12, '0.00"万元"', "12.00万元"),
        (3, "[$¥-804]#,##0.00", "¥3.00"),
        (88.4, "0.00_ ", "88.40"),
        (1.5e-7, "General", "0.00000015"),
        (True, "General", "TRUE"),
        (dt.datetime(2024, 4, 15), 'yyyy"年"m"月"d"日"', "2024年4月15日"),
        (dt.datetime(2024, 4, 15), "yyyy.m.d", "2024.4.15"),
        (dt.datetime(2024, 4, 15), "mm-dd-yy", "2024-04-15"),
        (dt.datetime(2024, 4, 15, 10, 30), "yyyy/m/d h:mm", "2024/4/15 10:30"),
        (dt.datetime(2024, 4, 15), "d-mmm-yy", "2024-04-15"),
        ("＞90%", "@", "＞90%"),
    ],
)
def test_cells_show_as_excel_shows_them(value: object, fmt: str, shown: str) -> None:
    assert cell_text(value, fmt) == shown


def test_number_formatting_is_decimal() -> None:
    assert format_number(Decimal("0.125"), "0.00") == "0.13"  # half away from zero
    assert format_number(Decimal("-0.004"), "0.00") == "0.00"


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("empty", "empty-file"),
        ("binary", "not-format"),
        ("ole", "not-format"),
        ("encrypted-office", "encrypted"),
        ("corrupt-docx", "not-format"),
        ("zip-not-docx", "not-format"),
        ("blank-xlsx", "no-content"),
        ("far-cell-xlsx", "too-many-cells"),
    ],
)
def test_bad_files_give_one_line_errors(kind: str, code: str) -> None:
    with pytest.raises(DocumentError) as caught:
        xlsx.read(hostile(kind), f"{kind}.xlsx")
    [problem] = caught.value.problems
    assert problem.code == code
    for lang in ("zh", "en"):
        assert "\n" not in caught.value.render(lang)


def test_a_huge_sheet_is_refused_before_the_workbook_is_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("自评表")
    for r in range(xlsx.MAX_CELLS // 5 + 1):  # one row more than the bound: 5 cells a row
        ws.append([f"x{r}", r, r * 2, "指标", "100%"])
    out = io.BytesIO()
    wb.save(out)

    def load_workbook(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole workbook was loaded")

    monkeypatch.setattr(openpyxl, "load_workbook", load_workbook)
    with pytest.raises(DocumentError) as caught:
        xlsx.read(out.getvalue(), "huge.xlsx")
    [problem] = caught.value.problems
    assert (problem.code, problem.params["sheet"]) == ("too-many-cells", "自评表")
    assert xlsx.MAX_CELLS <= 200_000  # a self-evaluation form has a few thousand cells


def test_a_missing_library_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(PerfrulesError) as caught:
        xlsx.read(b"PK\x03\x04 any bytes", "r.xlsx")
    assert caught.value.problems[0].code == "extra-missing"
    assert "pip install 'perfrules[xlsx]'" in caught.value.render("en")
