"""``perfrules extract``: reports as written into annotated documents, overrides, refusals, JSON.

The inputs are the seed texts of tests/data/seeds (copied into a temporary
folder, so that the documents are written beside them) and the Word file the
extract tests build from examples/caidian-2024.toml.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

import perfrules
from perfrules.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from tests.cli.helpers import cli
from tests.extract.builders import build_docx

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "data" / "seeds"
DECISION = ROOT / "docs" / "examples" / "haidian-2021.decisions.toml"


def seed(number: str, folder: Path, name: str = "report") -> Path:
    """A copy of seed ``number`` in ``folder`` as ``name.txt``."""
    target = folder / f"{name}.txt"
    shutil.copyfile(next(SEEDS.glob(f"{number}_*.txt")), target)
    return target


def test_extract_writes_the_annotated_document_beside_the_report(tmp_path: Path) -> None:
    source = seed("002", tmp_path)
    code, out, err = cli("extract", source, "--lang", "en")
    assert code == EXIT_OK, err
    assert out == ""
    written = tmp_path / "report.toml"
    text = written.read_text(encoding="utf-8")
    assert text == perfrules.extract(source).text
    assert "# extract-hash: sha256:" in text
    assert f"← {source}:23:104 “公用经费1.12元”" in text  # provenance beside the value
    assert err.splitlines()[0] == (f"{source}: wrote {written}: 4 lines, 2 indicators, 1 claim")
    assert f"{source}: 5 pieces not read, listed at the end of the document" in err
    # the document is an ordinary report document: checked with lines of the TOML file
    code, out, _ = cli("check", written, "--lang", "en")
    assert code == EXIT_FINDINGS
    assert f"{written}:" in out and "PR020" in out


def test_extract_refuses_to_overwrite_an_edited_document(tmp_path: Path) -> None:
    source = seed("002", tmp_path)
    assert cli("extract", source)[0] == EXIT_OK
    assert cli("extract", source)[0] == EXIT_OK  # unedited: extracted again
    written = tmp_path / "report.toml"
    edited = written.read_text(encoding="utf-8").replace("1.12元", "1.12万元")
    written.write_text(edited, encoding="utf-8")
    code, _, err = cli("extract", source, "--lang", "en")
    assert code == EXIT_USAGE
    assert err == (
        f"{source}: {written} was edited by hand since extraction (its hash no longer "
        "matches): not overwritten; use an overrides file or another output file\n"
    )
    assert written.read_text(encoding="utf-8") == edited
    assert cli("extract", source, "--force")[0] == EXIT_OK
    assert written.read_text(encoding="utf-8") != edited


def test_extract_to_standard_output_a_file_or_a_folder(tmp_path: Path) -> None:
    one, two = seed("002", tmp_path, "a"), seed("004", tmp_path, "b")
    code, out, err = cli("extract", one, "-o", "-")
    assert code == EXIT_OK
    assert out == perfrules.extract(one).text
    assert "已写入 标准输出" in err
    code, _, _ = cli("extract", one, "-o", tmp_path / "named.toml")
    assert code == EXIT_OK and (tmp_path / "named.toml").is_file()
    code, _, _ = cli("extract", one, two, "-o", tmp_path / "docs")
    assert code == EXIT_OK
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["a.toml", "b.toml"]
    code, _, err = cli("extract", one, two, "-o", "-")
    assert code == EXIT_USAGE and "-o -" in err


def test_extract_applies_the_overrides_beside_the_report_and_reports_stale_ones(
    tmp_path: Path,
) -> None:
    source = seed("000", tmp_path)
    _, _, err = cli("extract", source, "--lang", "en")
    assert "needs review budget.adjustment" in err
    overrides = tmp_path / "report.overrides.toml"
    stale = '\n[[override]]\nabout = "budget.initial"\nwas = 1\nvalue = 2\n'
    overrides.write_text(DECISION.read_text(encoding="utf-8") + stale, encoding="utf-8")
    code, _, err = cli("extract", source, "--lang", "en")
    assert code == EXIT_OK
    assert "needs review" not in err  # the decision settled it
    (line,) = [ln for ln in err.splitlines() if "stale" in ln]
    assert line.startswith(f"{overrides}: stale override budget.initial: ")
    assert line.endswith("; not applied")
    text = (tmp_path / "report.toml").read_text(encoding="utf-8")
    assert "\nadjustment = -748464.41" in text
    assert "initial = 6306545.19" in text  # the stale override was not applied


def test_extract_as_json_lists_what_was_not_read(tmp_path: Path) -> None:
    source = seed("000", tmp_path)
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code, out, err = cli("extract", source, bad, "--format", "json", "--lang", "en")
    assert code == EXIT_USAGE  # the empty file
    assert err == f"{bad}: the file is empty: there is nothing to read\n"
    assert not (tmp_path / "report.toml").exists()  # json instead of the documents
    data = json.loads(out)
    assert data["version"] == 1
    good, failed = data["files"]
    assert failed == {
        "file": str(bad),
        "error": [{"message": "the file is empty: there is nothing to read", "path": ""}],
    }
    assert good["file"] == str(source) and good["format"] == "text"
    assert good["indicators_found"] is False
    assert len(good["unread"]) == 7
    assert {"reason", "place", "text"} <= set(good["unread"][0])
    assert [r["about"] for r in good["review"]] == ["budget.adjustment"]
    assert good["document"]["budget"]["initial"] == 6306545.19
    assert good["provenance"]["budget.initial"]["render"] == f"{source}:35:41"
    assert good["provenance"]["budget.initial"]["line"] == 35
    assert good["written"] is None
    code, _, _ = cli("extract", source, "--format", "json", "-o", tmp_path / "x.json")
    assert code == EXIT_OK
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["files"][0]["file"]


def test_a_missing_optional_extra_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.extract.builders import build_docx

    report = tmp_path / "report.docx"
    report.write_bytes(build_docx("caidian-2024"))
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    for command in ("extract", "check"):
        code, out, err = cli(command, report, "--lang", "en")
        assert code == EXIT_USAGE
        expected = f"{report}: reading .docx files needs python-docx: pip install 'perfrules[docx]'"
        lines = (out + err).splitlines()
        assert expected in lines, lines
        assert len([ln for ln in lines if "pip install" in ln]) == 1


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_extract_never_writes_over_the_report_itself(tmp_path: Path, force: list[str]) -> None:
    source = seed("002", tmp_path)
    before = source.read_bytes()
    code, _, err = cli("extract", source, "-o", source, *force)
    assert code == EXIT_USAGE
    assert err == (
        f"{source}: 输出文件 {source} 就是报告原文：不会用提取的文档覆盖原文（--force 也不会），请换一个输出文件\n"
    )
    assert source.read_bytes() == before


def test_extract_of_a_report_document_says_to_check_it(tmp_path: Path) -> None:
    document = tmp_path / "clean.toml"
    shutil.copyfile(ROOT / "examples" / "clean.toml", document)
    before = document.read_bytes()
    code, _, err = cli("extract", document, "--lang", "en")
    assert code == EXIT_USAGE
    assert err == (
        f"{document}: this is a report document (.toml), not a report as written: there is"
        f" nothing to extract; run perfrules check {document}\n"
    )
    assert document.read_bytes() == before


def test_extract_to_standard_output_of_several_is_said_in_chinese(tmp_path: Path) -> None:
    code, _, err = cli("extract", seed("002", tmp_path, "a"), seed("004", tmp_path, "b"), "-o", "-")
    assert (code, err) == (
        EXIT_USAGE,
        "perfrules extract：-o - 只能写出一份报告的文档；多份报告请给出一个文件夹\n",
    )


def test_two_reports_of_one_name_do_not_write_over_each_others_document(tmp_path: Path) -> None:
    text = seed("002", tmp_path, "a")
    word = tmp_path / "a.docx"
    word.write_bytes(build_docx("caidian-2024"))
    code, _, err = cli("extract", text, word, "--lang", "en")
    assert code == EXIT_USAGE
    document = tmp_path / "a.toml"
    assert f"{word}: {document} was just written from {text}: two reports would write" in err
    assert perfrules.extract(text).text == document.read_text(encoding="utf-8")  # the first kept
