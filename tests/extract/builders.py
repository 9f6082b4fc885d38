"""Fixture files for the extract tests: .docx, .xlsx and .pdf reports built from examples/*.toml.

``build_docx(name)``, ``build_xlsx(name)`` and ``build_pdf(name)`` write the
example report ``name`` (``caidian-2024``: narrative and the 自评表 with
merged tier cells; ``urumqi-2023``: prose indicators, no table) the way the
real report was written: Word files with python-docx (merges made with
python-docx's own ``merge``, Chinese automatic numbering in numbering.xml,
line breaks and empty paragraphs inside cells), workbooks with openpyxl
(merged ranges, bare numbers, a date cell), PDFs with reportlab
(:mod:`tests.extract.pdfbuild`). :func:`hostile` gives the broken files. The
content comes from :mod:`tests.extract.content`, never from a reader's output.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from tests.extract.content import (
    LEFT,
    UP,
    CellSpec,
    Entry,
    Para,
    caidian_form,
    caidian_paragraphs,
    example,
    urumqi_paragraphs,
)
from tests.extract.pdfbuild import build_pdf, hostile_pdf

__all__ = ["build_docx", "build_pdf", "build_xlsx", "hostile", "regions"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADINGS, CELL_LIST, STYLED = 100, 101, 102


def regions(grid: list[list[Entry]]) -> list[tuple[int, int, int, int]]:
    """Each origin cell's merged region: (row, column, last row, last column), 0-based."""
    out = []
    for r, row in enumerate(grid):
        for c, entry in enumerate(row):
            if not isinstance(entry, CellSpec):
                continue
            c2 = c
            while c2 + 1 < len(row) and row[c2 + 1] == LEFT:
                c2 += 1
            r2 = r
            while r2 + 1 < len(grid) and grid[r2 + 1][c] == UP:
                r2 += 1
            out.append((r, c, r2, c2))
    return out


# --- Word ------------------------------------------------------------------------------


def _w(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _level(ilvl: int, fmt: str, text: str, suffix: str | None) -> Any:
    lvl = _w("w:lvl", ilvl=str(ilvl))
    lvl.append(_w("w:start", val="1"))
    lvl.append(_w("w:numFmt", val=fmt))
    if suffix is not None:
        lvl.append(_w("w:suff", val=suffix))
    lvl.append(_w("w:lvlText", val=text))
    return lvl


def _add_list(document: Any, ident: int, levels: list[tuple[str, str, str | None]]) -> None:
    """A list definition (abstractNum) and one list (num) using it, both numbered ``ident``."""
    numbering = document.part.numbering_part.element
    abstract = _w("w:abstractNum", abstractNumId=str(ident))
    for ilvl, (fmt, text, suffix) in enumerate(levels):
        abstract.append(_level(ilvl, fmt, text, suffix))
    first_num = numbering.find(f"{{{W_NS}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = _w("w:num", numId=str(ident))
    num.append(_w("w:abstractNumId", val=str(ident)))
    numbering.append(num)


def _number(paragraph: Any, num_id: int, ilvl: int) -> None:
    numpr = _w("w:numPr")
    numpr.append(_w("w:ilvl", val=str(ilvl)))
    numpr.append(_w("w:numId", val=str(num_id)))
    paragraph._p.get_or_add_pPr().append(numpr)


def _write(paragraph: Any, text: str) -> None:
    """The text as runs, ``\\n`` as a line break (``w:br``)."""
    for i, piece in enumerate(text.split("\n")):
        if i:
            paragraph.add_run().add_break()
        if piece:
            paragraph.add_run(piece)


def _fill_cell(cell: Any, spec: CellSpec) -> None:
    for i, para in enumerate(spec.paras):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        _write(paragraph, para.text)
        if para.listed:
            _number(paragraph, CELL_LIST, 0)


def _docx_table(document: Any, grid: list[list[Entry]]) -> None:
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    table.style = "Table Grid"
    for r, c, r2, c2 in regions(grid):
        origin = table.cell(r, c)
        if (r2, c2) != (r, c):
            origin = origin.merge(table.cell(r2, c2))
        entry = grid[r][c]
        assert isinstance(entry, CellSpec)
        _fill_cell(origin, entry)


def _docx_paragraph(document: Any, para: Para, styled: bool) -> None:
    if styled and para.level is not None:
        paragraph = document.add_paragraph(style=f"Heading {para.level + 1}")
    else:
        paragraph = document.add_paragraph()
        if para.level is not None:
            _number(paragraph, HEADINGS, para.level)
    _write(paragraph, para.text)


def _style_numbering(document: Any) -> None:
    """Heading 1 and 2 numbered through their styles: 一、 (tab) and (一) (space)."""
    _add_list(
        document, STYLED, [("chineseCounting", "%1、", None), ("chineseCounting", "(%2)", "space")]
    )
    for ilvl in (0, 1):
        style = document.styles[f"Heading {ilvl + 1}"]
        numpr = _w("w:numPr")
        numpr.append(_w("w:ilvl", val=str(ilvl)))
        numpr.append(_w("w:numId", val=str(STYLED)))
        style.element.get_or_add_pPr().append(numpr)


def build_docx(name: str) -> bytes:
    """The example report ``name`` as a Word file."""
    import docx

    document = docx.Document()
    if name == "caidian-2024":
        _add_list(
            document,
            HEADINGS,
            [
                ("chineseCounting", "%1、", "nothing"),
                ("chineseCounting", "（%2）", "nothing"),
                ("decimal", "%3.", "nothing"),
            ],
        )
        _add_list(document, CELL_LIST, [("decimal", "%1.", "nothing")])
        before, after = caidian_paragraphs()
        for para in before:
            _docx_paragraph(document, para, styled=False)
        _docx_table(document, caidian_form())
        for para in after:
            _docx_paragraph(document, para, styled=False)
    elif name == "urumqi-2023":
        _style_numbering(document)
        for para in urumqi_paragraphs():
            _docx_paragraph(document, para, styled=True)
    else:
        raise KeyError(name)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- Excel -----------------------------------------------------------------------------


def _excel_value(text: str) -> Any:
    """A number typed into a cell is stored as a number: "202.98" → 202.98, "100" → 100."""
    try:
        number = Decimal(text)
    except ArithmeticError:
        return text
    if not number.is_finite():
        return text
    return int(number) if number == number.to_integral_value() and "." not in text else float(text)


def build_xlsx(name: str) -> bytes:
    """The example report ``name``'s 自评表 as a workbook (bare numbers stored as numbers)."""
    import openpyxl

    if name != "caidian-2024":
        raise KeyError(name)
    report = example(name)["report"]
    grid = caidian_form()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    width = len(grid[0])
    ws.cell(1, 1, f"{report['year']}年度{report['department']}部门整体绩效自评表")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(2, 1, f"单位名称：{report['department']}")
    ws.cell(2, width - 1, "填报日期：")
    filled: dt.date = report["filled_on"]
    date_cell = ws.cell(2, width, dt.datetime(filled.year, filled.month, filled.day))
    date_cell.number_format = "yyyy.m.d"
    top = 4  # a blank row between the heading and the form
    for r, c, r2, c2 in regions(grid):
        entry = grid[r][c]
        assert isinstance(entry, CellSpec)
        ws.cell(top + r, c + 1, _excel_value(entry.shown()))
        if (r2, c2) != (r, c):
            ws.merge_cells(
                start_row=top + r, start_column=c + 1, end_row=top + r2, end_column=c2 + 1
            )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


#: Where build_xlsx puts the form's first row.
XLSX_FORM_ROW = 4


# --- hostile files ---------------------------------------------------------------------

_NS = (
    f'xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


def _odd_docx() -> bytes:
    """Revisions, a content control, a text box, a row starting after the grid's first column,
    and a continuation of a vertical merge with nothing above it."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    sect = body[-1]
    sect.addprevious(
        parse_xml(
            f"<w:p {_NS}><w:r><w:t>执行数</w:t></w:r><w:del><w:r><w:delText>190.00</w:delText></w:r></w:del>"
            "<w:ins><w:r><w:t>188.44</w:t></w:r></w:ins><w:r><w:t>万元</w:t></w:r></w:p>"
        )
    )
    sect.addprevious(
        parse_xml(
            f"<w:sdt {_NS}><w:sdtContent><w:p><w:r><w:t>填报日期：2024.4.15</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        )
    )
    sect.addprevious(
        parse_xml(
            f"<w:p {_NS}><w:r><w:t>单位（公章）</w:t></w:r><w:r><w:pict><v:shape><v:textbox>"
            "<w:txbxContent><w:p><w:r><w:t>武汉市蔡甸区红十字会</w:t></w:r></w:p></w:txbxContent>"
            "</v:textbox></v:shape></w:pict></w:r></w:p>"
        )
    )
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "预算数"
    table.cell(0, 1).text = "执行数"
    table.cell(0, 2).text = "执行率"
    second = table.rows[1]._tr
    first_tc = second.tc_lst[0]
    first_tc.getparent().remove(first_tc)  # the row starts in the grid's second column
    second.get_or_add_trPr().append(parse_xml(f'<w:gridBefore {_NS} w:val="1"/>'))
    second.tc_lst[0].get_or_add_tcPr().append(parse_xml(f"<w:vMerge {_NS}/>"))
    table.rows[1].cells[-1].text = "92.84"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def hostile(kind: str) -> bytes:
    """A broken or unusual file: see the branches for the kinds."""
    import docx
    import openpyxl

    if kind == "empty":
        return b""
    if kind == "binary":  # any binary file renamed .docx/.xlsx
        return bytes(range(256)) * 64
    if kind == "ole":  # an old .doc/.xls renamed
        return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"WordDocument" * 40
    if kind == "encrypted-office":  # a password-protected .docx/.xlsx is an OLE file holding it
        header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
        return (
            header + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
        )
    if kind == "corrupt-docx":  # a real .docx cut in the middle
        data = build_docx("caidian-2024")
        return data[: len(data) // 2]
    if kind == "zip-not-docx":
        out = io.BytesIO()
        import zipfile

        with zipfile.ZipFile(out, "w") as z:
            z.writestr("hello.txt", "not a Word document")
        return out.getvalue()
    if kind == "blank-docx":
        out = io.BytesIO()
        docx.Document().save(out)
        return out.getvalue()
    if kind == "picture-docx":  # a scanned page pasted into a Word file
        from tests.extract.pdfbuild import png

        document = docx.Document()
        document.add_paragraph("部门整体绩效自评表（扫描件）")
        document.add_picture(png(300, 400))
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    if kind == "odd-docx":  # structures Word writes that python-docx's API leaves aside
        return _odd_docx()
    if kind == "blank-xlsx":
        out = io.BytesIO()
        openpyxl.Workbook().save(out)
        return out.getvalue()
    if kind == "far-cell-xlsx":  # one cell at the sheet's far corner: a used range of 17e9 cells
        wb = openpyxl.Workbook()
        wb.active["A1"] = "预算数"
        wb.active["XFD1048576"] = "x"
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    if kind == "formula-xlsx":  # written by a program: a formula with no saved value
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "预算"
        ws.append(["预算数", "执行数", "执行率"])
        ws.append([202.98, 188.44, "=B2/A2"])
        ws["C2"].number_format = "0.00%"
        hidden = wb.create_sheet("底稿")
        hidden["A1"] = "内部底稿"
        hidden.sheet_state = "hidden"
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    return hostile_pdf(kind)
