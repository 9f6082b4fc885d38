"""How long the PDF reader takes, and how much memory, on a long PDF: prints figures, asserts none.

Run from a checkout after ``pip install -e '.[test]'`` (reportlab writes the PDF)::

    python bench/extract_pdf.py              # 200 pages
    python bench/extract_pdf.py --pages 50

The PDF is the caidian-2024 fixture of tests/extract (narrative, page
headers and numbers, the 自评表 running over a page break) laid out again
and again until it has the pages asked for. Figures: pages, blocks and
tables read, seconds in all and per page, and the process's peak resident
memory before and after reading.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def long_pdf(pages: int) -> bytes:
    """The caidian fixture's story repeated until the PDF has at least ``pages`` pages."""
    from reportlab.platypus import PageBreak, Paragraph
    from tests.extract import pdfbuild
    from tests.extract.content import caidian_form, caidian_paragraphs

    styles = pdfbuild._styles()
    before, after = caidian_paragraphs()
    chunk: list[Any] = []
    for para in [*before, *after]:
        if para.text.strip():
            chunk.append(Paragraph(pdfbuild._escape(para.text.replace("\t", "　")), styles["body"]))
    story: list[Any] = []
    repeats = max(1, pages // 2)
    for _ in range(repeats):
        story.extend(chunk)
        story.append(pdfbuild._table(caidian_form(), styles))
        story.append(PageBreak())
    out = io.BytesIO()
    furniture = pdfbuild._furniture(pdfbuild.CAIDIAN_HEADER)
    pdfbuild._doc(out).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue()


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()

    from perfrules.extract import pdf
    from perfrules.extract.layout import Table

    start = time.perf_counter()
    data = long_pdf(args.pages)
    made = time.perf_counter() - start
    before = _peak_mib()
    start = time.perf_counter()
    layout = pdf.read(data, "long.pdf")
    took = time.perf_counter() - start
    pages = max((u.place.page or 0 for u in layout.unread if u.reason == "page-number"), default=0)
    tables = sum(1 for b in layout.blocks if isinstance(b, Table))
    print(f"PDF: {len(data) / 1024:.0f} KiB, {pages} pages (written in {made:.1f} s)")
    print(
        f"read: {len(layout.blocks)} blocks, {tables} tables, {len(layout.unread)} unread entries"
    )
    print(f"time: {took:.2f} s in all, {1000 * took / max(pages, 1):.1f} ms per page")
    print(f"peak RSS: {before:.0f} MiB before reading, {_peak_mib():.0f} MiB after")


if __name__ == "__main__":
    main()
