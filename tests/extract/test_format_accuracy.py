"""The .docx, .xlsx and .pdf fixtures read as the seed texts do: every field they state equals the hand encoding.

The fixtures are built from examples/*.toml by :mod:`tests.extract.builders`
(never from a reader's output) and compared field by field with the
comparators of ``bench/extract_accuracy.py`` (``--formats`` prints the table).
A field the bench leaves out as not in a fixture must truly be absent from it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import perfrules
from perfrules.extract.docx import read as read_docx
from perfrules.extract.layout import Paragraph
from perfrules.extract.pdf import read as read_pdf
from perfrules.extract.xlsx import read as read_xlsx
from tests.extract.builders import build_docx, build_xlsx
from tests.extract.pdfbuild import build_pdf

ROOT = Path(__file__).resolve().parent.parent.parent


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "extract_accuracy", ROOT / "bench" / "extract_accuracy.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
BUILD = {"docx": build_docx, "xlsx": build_xlsx, "pdf": build_pdf}
READ = {"docx": read_docx, "xlsx": read_xlsx, "pdf": read_pdf}


@pytest.mark.parametrize(("example", "fmt"), BENCH.FORMATS, ids=lambda x: str(x))
def test_every_field_the_fixture_states_is_extracted(example: str, fmt: str) -> None:
    tally = BENCH.measure_format(example, fmt)
    assert tally.diffs == []
    assert sum(n for _, n in tally.counts.values()) >= 70  # the form was read, not skipped
    assert tally.counts["indicators"][0] == tally.counts["indicators"][1]


def _written(example: str, fmt: str) -> str:
    """All the text a fixture holds, as its reader gives it (paragraphs and cells)."""
    layout = READ[fmt](BUILD[fmt](example), f"fixture.{fmt}")
    parts: list[str] = []
    for block in layout.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text.raw)
        else:
            parts.extend(cell.text.raw for row in block.rows for cell in row)
    return "\n".join(parts)


#: How the form writes a budget figure's label: an absent figure's label is not in the fixture.
_LABELS = {"budget.adjustment": "调整", "budget.adjusted": "调整"}


def _absent(example: str, fmt: str, field: str) -> bool:
    """Whether ``field`` of the hand encoding is nowhere in the fixture.

    A budget figure is absent when the fixture has no row with its label (the
    amount may equal another figure's); a text when one of its pieces (the hand
    encoding joins excerpts with ……) is not written in the fixture.
    """
    written = _written(example, fmt)
    if field in _LABELS:
        return _LABELS[field] not in written
    hand = perfrules.load(ROOT / "examples" / f"{example}.toml")
    section, key = field.split(".")
    value = str(getattr(getattr(hand, section), key))
    pieces = [p.strip("，。") for p in value.split("……") if p.strip("，。")]
    return not all(p in written for p in pieces)


@pytest.mark.parametrize(
    ("example", "fmt", "field"),
    [(e, f, x) for (e, f), fields in sorted(BENCH.NOT_IN_FIXTURE.items()) for x in sorted(fields)],
)
def test_fields_left_uncounted_are_not_in_the_fixture(example: str, fmt: str, field: str) -> None:
    assert _absent(example, fmt, field), f"{field} is in the {fmt} fixture of {example}: count it"
