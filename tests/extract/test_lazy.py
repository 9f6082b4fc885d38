"""The readers' libraries load only when a file of their format is read."""

from __future__ import annotations

import subprocess
import sys

LIBRARIES = ("docx", "openpyxl", "pdfplumber", "pdfminer", "lxml", "reportlab")


def test_importing_the_readers_loads_no_library() -> None:
    code = (
        "import sys, perfrules, perfrules.extract.docx, perfrules.extract.xlsx, perfrules.extract.pdf\n"
        f"print(sorted(m for m in {LIBRARIES!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
