"""What the other readers give (docx/xlsx/pdf Layouts) is read the same way: merged cells, their places, and the API path."""

from __future__ import annotations

import pytest

import perfrules
from perfrules.document.provenance import Place
from perfrules.extract import api
from perfrules.extract.layout import Cell, Layout, Paragraph, Table, Text
from tests.extract.content import INDICATOR_HEADER


def _docx_layout() -> Layout:
    """A .docx as a reader would give it: paragraphs numbered, a table with cells merged down and across."""

    def para(n: int, raw: str) -> Paragraph:
        return Paragraph(Text.of(raw, Place("r.docx", "docx", paragraph=n)))

    def cell(r: int, c: int, raw: str) -> Cell:
        return Cell(Text.of(raw, Place("r.docx", "docx", table=1, row=r, cell=c)))

    header = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    rows = [tuple(cell(1, c, h) for c, h in enumerate(header, start=1))]
    data = [
        ("产出指标", "数量指标", "档案数字化页数", "≥50万页", "42万页", "30", "25.2"),
        ("产出指标", "数量指标", "档案查询服务人次", "不少于2000人次", "2350人次", "20", "20"),
        ("满意度指标", "服务对象满意度指标", "查档群众满意度", "≥90%", "96%", "10", "10"),
    ]
    for r, values in enumerate(data, start=2):
        cells = []
        for c, v in enumerate(values, start=1):
            first = cell(r, c, v)
            if r == 3 and c <= 2:  # merged down: the reader repeats the origin cell, marked merged
                first = Cell(rows[-1][c - 1].text, merged=True)
            cells.append(first)
        rows.append(tuple(cells))
    goal = cell(5, 1, "偏差原因分析：设备采购延迟")
    rows.append((goal, *(Cell(goal.text, merged=True) for _ in range(6))))
    blocks = (
        para(1, "某区档案馆2023年度部门整体支出绩效自评报告"),
        para(2, "一、基本情况"),
        para(
            3,
            "本年度年初预算数为120.00万元，调减数8.00万元，调整后预算数112.00万元，全年执行数106.40万元，预算执行率95.00%。",
        ),
        Table(tuple(rows), Place("r.docx", "docx", table=1)),
        para(4, "二、评价结论"),
        para(5, "综合得分94.7分，评价结果为“优”。"),
    )
    return Layout("r.docx", "docx", blocks)


def test_a_docx_layout_reads_like_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "_reader", lambda fmt, file: lambda data, name: _docx_layout())
    ex = perfrules.extract(b"PK\x03\x04 word/", file="r.docx")
    report = ex.report
    assert ex.format == "docx"
    assert [(i.tier1, i.tier2, i.name) for i in report.indicators][1] == (
        "产出指标",
        "数量指标",
        "档案查询服务人次",
    )
    assert report.budget is not None and str(report.budget.adjustment.amount) == "-8.00"  # type: ignore[union-attr]
    assert report.evaluation is not None and str(report.evaluation.score) == "94.7"
    place = report.source.place("indicators[0].score")  # type: ignore[union-attr]
    assert place is not None and place.render() == "r.docx: 表1 第2行 第7列"
    para = report.source.place("budget.initial")  # type: ignore[union-attr]
    assert para is not None and para.render() == "r.docx: 第3段"
    assert perfrules.loads(ex.text) == report
    assert ("PR040", "indicator:档案数字化页数") in {
        (f.rule, f.about) for f in perfrules.check(report).findings
    }


def _xlsx_layout() -> Layout:
    """A workbook as the xlsx reader gives it: one table, the title and 单位名称 in cells spanning the sheet."""

    def cell(r: int, c: int, raw: str) -> Cell:
        ref = "ABCDEF"[c - 1] + str(r)
        return Cell(Text.of(raw, Place("r.xlsx", "xlsx", sheet="自评表", ref=ref)))

    def spanning(r: int, raw: str) -> tuple[Cell, ...]:
        first = cell(r, 1, raw)
        return (first, *(Cell(first.text, merged=True) for _ in range(5)))

    rows = [
        spanning(1, "2024年度某区红十字会部门整体绩效自评表"),
        (
            cell(2, 1, "单位名称：某区红十字会"),
            cell(2, 2, ""),
            cell(2, 3, ""),
            cell(2, 4, ""),
            cell(2, 5, "填报日期："),
            cell(2, 6, "2025.3.20"),
        ),
        tuple(cell(3, c, h) for c, h in enumerate(INDICATOR_HEADER, start=1)),
        tuple(
            cell(4, c, v)
            for c, v in enumerate(
                ("", "产出指标", "数量指标", "救护员培训人数", "1500人", "1849人"), start=1
            )
        ),
    ]
    return Layout("r.xlsx", "xlsx", (Table(tuple(rows), Place("r.xlsx", "xlsx", sheet="自评表")),))


def test_a_workbook_states_its_header_in_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "_reader", lambda fmt, file: lambda data, name: _xlsx_layout())
    ex = perfrules.extract(b"PK\x03\x04 xl/", file="r.xlsx")
    info = ex.report.report
    assert (info.title, info.year, info.department) == (
        "2024年度某区红十字会部门整体绩效自评表",
        2024,
        "某区红十字会",
    )
    assert str(info.filled_on) == "2025-03-20"
    assert [i.name for i in ex.report.indicators] == ["救护员培训人数"]
    place = ex.report.source.place("report.title")  # type: ignore[union-attr]
    assert place is not None and place.render() == "r.xlsx: 自评表!A1"
