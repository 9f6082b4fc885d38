"""PDF fixtures written with reportlab, in its built-in CJK font STSong-Light (no system font needed).

:func:`build_pdf` lays the example report out as a Word-made PDF looks: a
running header and a ``- N -`` page number on every page, paragraphs wrapped
(Chinese wraps anywhere) with a two-character first-line indent, the 自评表
as a ruled table with spans that runs across a page break with its header
row repeated. :func:`hostile_pdf` writes the broken ones: image-only pages,
glyphs without Unicode (``(cid:N)``), an encrypted file.
"""

from __future__ import annotations

import io
from typing import Any

from tests.extract.content import (
    CAIDIAN_MEASURES,
    LEFT,
    UP,
    CellSpec,
    caidian_form,
    caidian_paragraphs,
    example,
    urumqi_paragraphs,
)

FONT = "STSong-Light"
CAIDIAN_HEADER = "武汉市蔡甸区红十字会2024年度部门整体绩效自评结果"
URUMQI_HEADER = "高新区部门单位整体支出绩效自评报告"


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=10.5, leading=16, firstLineIndent=21, wordWrap="CJK"
    )
    return {
        "body": body,
        "heading": ParagraphStyle("heading", parent=body, firstLineIndent=0, spaceBefore=6),
        "title": ParagraphStyle("title", parent=body, fontSize=16, leading=24, alignment=1),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=12, wordWrap="CJK"),
    }


def _furniture(header: str) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 9)
        width, height = doc.pagesize
        canvas.drawCentredString(width / 2, height - 40, header)
        canvas.drawCentredString(width / 2, 30, f"- {doc.page} -")
        canvas.restoreState()

    return draw


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(grid: list[list[Any]], styles: dict[str, Any]) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = []
    for row in grid:
        cells = []
        for entry in row:
            if isinstance(entry, CellSpec):
                text = "<br/>".join(_escape(line) for line in entry.shown().split("\n") if line)
                cells.append(Paragraph(text, styles["cell"]))
            else:
                cells.append("")
        data.append(cells)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for r, row in enumerate(grid):
        for c, entry in enumerate(row):
            if not isinstance(entry, CellSpec):
                continue
            c2, r2 = c, r
            while c2 + 1 < len(row) and row[c2 + 1] == LEFT:
                c2 += 1
            while r2 + 1 < len(grid) and grid[r2 + 1][c] == UP:
                r2 += 1
            if (r2, c2) != (r, c):
                commands.append(("SPAN", (c, r), (c2, r2)))
    widths = [62, 62, 78, 150, 70, 70]
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(commands))


def _doc(out: io.BytesIO) -> Any:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(
        out, pagesize=A4, leftMargin=72, rightMargin=72, topMargin=72, bottomMargin=72
    )


def build_pdf(name: str) -> bytes:
    """The example report ``name`` as a PDF with a text layer."""
    from reportlab.platypus import Paragraph, Spacer

    styles = _styles()
    out = io.BytesIO()
    story: list[Any] = []
    if name == "caidian-2024":
        header = CAIDIAN_HEADER
        before, after = caidian_paragraphs()
        counters = [0, 0, 0]
        for para in before:
            if not para.text.strip():
                story.append(Spacer(1, 12))
                continue
            if para.level is None:
                story.append(Paragraph(_escape(para.text.replace("\t", "　")), styles["body"]))
                continue
            counters[para.level] += 1
            for deeper in range(para.level + 1, 3):
                counters[deeper] = 0
            label = _label(para.level, counters[para.level])
            story.append(Paragraph(_escape(label + para.text), styles["heading"]))
        story.append(_table(caidian_form(), styles))
        story.extend(Paragraph(_escape(text.text), styles["heading"]) for text in after)
    elif name == "urumqi-2023":
        header = URUMQI_HEADER
        top = sub = 0
        for para in urumqi_paragraphs():
            if para.level == 0:
                top, sub = top + 1, 0
                text = _label(0, top) + para.text
            elif para.level == 1:
                sub += 1
                text = f"({_label(1, sub)[1:-1]}) {para.text}"
            else:
                text = para.text
            style = styles["body"] if para.level is None else styles["heading"]
            story.append(Paragraph(_escape(text).replace("\n", "<br/>"), style))
    else:
        raise KeyError(name)
    _doc(out).build(story, onFirstPage=_furniture(header), onLaterPages=_furniture(header))
    return out.getvalue()


def _label(level: int, n: int) -> str:
    numerals = "一二三四五六七八九十"
    if level == 0:
        return f"{numerals[n - 1]}、"
    if level == 1:
        return f"（{numerals[n - 1]}）"
    return f"{n}."


def png(width: int, height: int) -> io.BytesIO:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for y in range(40, height - 40, 24):  # lines of "scanned text": strokes, no glyphs
        draw.rectangle((40, y, width - 40 - (y * 7) % 120, y + 10), fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    out.seek(0)
    return out


def _raw_pdf(content: bytes, fonts: bytes) -> bytes:
    """A one-page PDF written by hand: ``content`` is the page's content stream."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << "
        + fonts
        + b" >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /GarbleSong /Encoding /Identity-H "
        b"/DescendantFonts [7 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GarbleSong "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 8 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /GarbleSong /Flags 4 /FontBBox [0 0 1000 1000] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def hostile_pdf(kind: str) -> bytes:
    """A PDF a reader must not extract silently."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    if kind in ("scanned-pdf", "scanned-page-pdf", "encrypted-pdf", "owner-only-pdf"):
        _styles()
        out = io.BytesIO()
        encrypt: Any = None
        if kind == "encrypted-pdf":
            encrypt = "secret"
        elif kind == "owner-only-pdf":
            from reportlab.lib import pdfencrypt

            encrypt = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=1)
        c = canvas.Canvas(out, pagesize=A4, encrypt=encrypt)
        width, height = A4
        if kind == "owner-only-pdf":
            # reportlab leaves the CID font's strings unencrypted in an encrypted file, so
            # this one is written in Helvetica
            c.setFont("Helvetica", 12)
            c.drawString(72, height - 100, "Budget 202.98, executed 188.44.")
            c.showPage()
        elif kind != "scanned-pdf":
            c.setFont(FONT, 12)
            report = example("urumqi-2023")["report"]
            c.drawString(72, height - 100, f"部门单位名称(公章): {report['department']}")
            c.drawString(72, height - 130, f"填报时间: {report['filled_on'].year} 年 4 月 15 日")
            c.showPage()
        for _ in range(1 if kind != "scanned-pdf" else 2):
            c.drawImage(ImageReader(png(500, 700)), 40, 60, width - 80, height - 120)
            c.showPage()
        c.save()
        return out.getvalue()
    if kind == "cid-pdf":  # every glyph without a Unicode meaning
        garble = b"".join(b"<%04X> Tj " % (0x0100 + i * 37) for i in range(30))
        content = (
            b"BT /F2 12 Tf 72 700 Td " + garble + b"ET BT /F2 12 Tf 72 680 Td " + garble + b"ET"
        )
        return _raw_pdf(content, b"/F1 5 0 R /F2 6 0 R")
    if kind == "mixed-cid-pdf":  # readable lines and one line of unmapped glyphs
        garble = b"<0101020203030404050506060707> Tj"
        content = (
            b"BT /F1 12 Tf 72 700 Td (Budget 202.98, executed 188.44.) Tj ET "
            b"BT /F2 12 Tf 72 680 Td " + garble + b" ET "
            b"BT /F1 12 Tf 72 660 Td (Execution rate 92.84%.) Tj ET"
        )
        return _raw_pdf(content, b"/F1 5 0 R /F2 6 0 R")
    if kind == "long-paragraph-pdf":  # one paragraph running over a page break
        from reportlab.platypus import Paragraph

        styles = _styles()
        text = "".join(CAIDIAN_MEASURES) * 16
        out = io.BytesIO()
        story = [Paragraph(_escape(text), styles["body"])]
        furniture = _furniture(CAIDIAN_HEADER)
        _doc(out).build(story, onFirstPage=furniture, onLaterPages=furniture)
        return out.getvalue()
    if kind == "text-as-pdf":
        return "部门整体预算金额202.98万元".encode()
    if kind == "truncated-pdf":
        data = build_pdf("urumqi-2023")
        return data[: len(data) // 3]
    raise KeyError(kind)
