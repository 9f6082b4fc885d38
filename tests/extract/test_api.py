"""``perfrules.extract`` from the outside: inputs, formats, bad input, overwriting, the JSON form, the lazy import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import perfrules
from perfrules.errors import DocumentError
from perfrules.extract import api
from tests.extract.conftest import extracted, seed_path


def test_bytes_and_paths_give_the_same_report() -> None:
    data = seed_path("004").read_bytes()
    from_bytes = perfrules.extract(data, file="r.txt")
    assert from_bytes.report == extracted("004").report
    assert from_bytes.format == "text" and from_bytes.file == "r.txt"
    assert perfrules.extract(data).file == "<input>"


@pytest.mark.parametrize(
    ("data", "name", "fmt"),
    [
        (b"%PDF-1.7\n", "x.bin", "pdf"),
        (b"PK\x03\x04....word/document.xml", "x.bin", "docx"),
        (b"PK\x03\x04....xl/workbook.xml", "x.bin", "xlsx"),
        (b"text", "x.docx", "docx"),
        (b"text", "x.TXT", "text"),
        (b"text", "x", "text"),
    ],
)
def test_format_from_suffix_then_content(data: bytes, name: str, fmt: str) -> None:
    assert api.detect_format(data, name) == fmt


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty-file"),
        (b"\x00\x01\x02binary\xff\xfe" * 100, "binary-file"),
        (
            "从前有座山，山里有座庙，庙里有个老和尚在讲故事。\n他讲的是什么呢？\n".encode(),
            "not-a-report",
        ),
    ],
)
def test_bad_input_is_one_clear_line(data: bytes, code: str) -> None:
    with pytest.raises(perfrules.PerfrulesError) as info:
        perfrules.extract(data, "text", file="bad.txt")
    assert [p.code for p in info.value.problems] == [code]
    for lang in ("zh", "en"):
        message = info.value.render(lang)
        assert message.startswith("bad.txt: ") and "\n" not in message


def test_a_report_without_indicators_says_so() -> None:
    ex = extracted("000")
    assert not ex.found_indicators
    assert any("no indicator table" in n for n in ex.notes)
    assert "# NOTE: no indicator table" in ex.text


def test_a_missing_reader_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real = api.importlib.import_module

    def fake(name: str) -> object:
        if name == "perfrules.extract.pdf":
            raise ImportError("no module named perfrules.extract.pdf")
        return real(name)

    monkeypatch.setattr(api.importlib, "import_module", fake)
    with pytest.raises(DocumentError) as info:
        perfrules.extract(b"%PDF-1.7\n", file="r.pdf")
    assert [p.code for p in info.value.problems] == ["reader-unavailable"]
    with pytest.raises(DocumentError) as info:
        perfrules.extract(b"abc", "odt", file="r.odt")
    assert [p.code for p in info.value.problems] == ["unknown-input"]


def test_an_edited_file_is_not_overwritten(tmp_path: Path) -> None:
    ex = extracted("004")
    target = tmp_path / "report.toml"
    assert perfrules.may_overwrite(target)
    perfrules.write_extraction(ex, target)
    assert perfrules.may_overwrite(target)
    perfrules.write_extraction(ex, target)  # unedited: written again
    target.write_text(
        target.read_text(encoding="utf-8").replace("85.58", "85.59", 1), encoding="utf-8"
    )
    assert not perfrules.may_overwrite(target)
    with pytest.raises(DocumentError) as info:
        perfrules.write_extraction(ex, target)
    assert [p.code for p in info.value.problems] == ["overwrite-edited"]
    perfrules.write_extraction(ex, target, force=True)
    hand = tmp_path / "hand.toml"
    hand.write_text('[report]\ndepartment = "x"\nyear = 2023\n', encoding="utf-8")
    assert not perfrules.may_overwrite(hand)  # no hash: written by a person


def test_json_form_of_what_was_not_read() -> None:
    data = extracted("000").as_json()
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text)["indicators_found"] is False
    reasons = {u["reason"] for u in data["unread"]}
    assert reasons == {"marker", "figure-not-placed"}
    (review,) = data["review"]
    assert review["about"] == "budget.adjustment" and review["place"]["line"] == 38
    assert len(review["alternatives"]) == 2


def test_import_perfrules_stays_cheap_and_extract_is_callable() -> None:
    code = "import sys, perfrules; print('perfrules.extract.api' in sys.modules, callable(perfrules.extract))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "True"]
    assert "extract" in perfrules.__all__ and "Extraction" in perfrules.__all__
    import perfrules.extract.text as text_module

    assert perfrules.extract.text is text_module  # the package is still the package
