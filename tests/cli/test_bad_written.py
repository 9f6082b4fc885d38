"""Reports as written that cannot be read, at the command line: one clear line and exit 2.

An empty file, a binary file renamed .docx (or .txt), an image-only or an
encrypted PDF, a Word file with no table and no report in it, a text that is
not a report at all: ``perfrules check`` and ``perfrules extract`` each say so
in one line naming the file, never with a traceback; a folder mixing them with
good reports checks every good one and names each bad one. The files are
built here (python-docx, and the PDFs of tests/extract/pdfbuild.py, drawn
with reportlab).
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from perfrules.cli import EXIT_FINDINGS, EXIT_USAGE
from tests.cli.helpers import cli
from tests.extract.builders import build_docx, hostile
from tests.extract.pdfbuild import hostile_pdf

ROOT = Path(__file__).resolve().parents[2]
SEED_002 = next((ROOT / "tests" / "data" / "seeds").glob("002_*.txt"))


def _docx(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


#: name → (the file's bytes, the message it gets in English).
BAD: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty.txt": (lambda: b"", "the file is empty: there is nothing to read"),
    "empty.docx": (lambda: b"", "the file is empty: there is nothing to read"),
    "renamed.docx": (lambda: hostile("binary"), "not a valid .docx file: "),
    "binary.txt": (
        lambda: hostile("binary"),
        "the file is not text (it holds binary data) and cannot be read as a text report",
    ),
    "scanned.pdf": (lambda: hostile_pdf("scanned-pdf"), "the PDF has no usable text layer"),
    "encrypted.pdf": (
        lambda: hostile_pdf("encrypted-pdf"),
        "the file is encrypted and needs a password: give an unencrypted copy",
    ),
    "notice.docx": (
        lambda: _docx("会议通知", "请各单位于周五下午三点到三楼会议室开会。"),
        "the file does not read as a performance self-evaluation report: "
        "it states no budget year and no report title",
    ),
    "shopping.txt": (
        lambda: "购物清单\n苹果 3 个\n牛奶 2 盒\n".encode(),
        "the file does not read as a performance self-evaluation report: "
        "it states no budget year and no report title",
    ),
}


def make(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(BAD[name][0]())
    return path


def said(text: str) -> list[str]:
    """The lines of an output that are not blank and not the summary."""
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("Checked ")]


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_report_is_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
    path = make(tmp_path, name)
    message = BAD[name][1]
    code, out, err = cli("check", path, "--lang", "en")
    assert code == EXIT_USAGE
    (line,) = said(out + err)
    assert line.startswith(f"{path}: {message}"), line
    assert out.endswith("Checked 1 file: no report was checked; 1 file could not be loaded.\n")
    code, out, err = cli("extract", path, "--lang", "en")
    assert code == EXIT_USAGE
    assert out == ""
    (line,) = said(err)
    assert line.startswith(f"{path}: {message}"), line
    assert not path.with_suffix(".toml").exists()
    code, out, _ = cli("check", path, "--format", "json", "--lang", "en")
    (entry,) = json.loads(out)["files"]
    assert entry["error"]["message"].startswith(message)


def test_a_word_report_with_no_table_says_so(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(
        _docx(
            "某某区档案馆2023年度部门整体支出绩效自评报告",
            "2023年度年初预算100万元，全年执行数95万元，预算执行率95%。",
        )
    )
    code, out, _ = cli("check", path, "--lang", "en")
    assert code == EXIT_FINDINGS
    assert f"{path}: PR070 [missing] error: " in out
    code, _, err = cli("extract", path, "--lang", "en")
    assert f"{path}: note: no indicator table and no indicator stated in prose was found" in err
    text = path.with_suffix(".toml").read_text(encoding="utf-8")
    assert "# NOTE: no indicator table and no indicator stated in prose was found" in text


def test_a_folder_mixing_bad_and_good_reports_checks_every_good_one(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in BAD:
        make(folder, name)
    shutil.copyfile(SEED_002, folder / "good.txt")
    (folder / "good.docx").write_bytes(build_docx("caidian-2024"))
    for jobs in ("1", "2"):
        code, out, _ = cli("check", folder, "--lang", "en", "--jobs", jobs, "--no-group")
        assert code == EXIT_USAGE
        assert f"{folder / 'good.txt'}:23:15: PR020 [sum] error: " in out
        assert f"{folder / 'good.docx'}: table 1 row 10 “年初目标值”: PR033 [unit] warning: " in out
        for name, (_, message) in BAD.items():
            (line,) = [ln for ln in out.splitlines() if ln.startswith(f"{folder / name}:")]
            assert line.startswith(f"{folder / name}: {message}"), line
        n = len(BAD)
        assert f"Checked {n + 2} files: " in out
        assert out.rstrip().endswith(f"; {n} files could not be loaded.")


#: The bad files that hold no report at all: what --skip-non-reports skips.
NOT_REPORTS = ("empty.docx", "empty.txt", "notice.docx", "shopping.txt")


def test_skip_non_reports_skips_written_files_that_hold_no_report(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in BAD:
        make(folder, name)
    shutil.copyfile(SEED_002, folder / "good.txt")
    code, out, _ = cli("check", folder, "--lang", "en", "--skip-non-reports", "--no-group")
    assert code == EXIT_USAGE  # the renamed, binary, scanned and encrypted files are not skipped
    assert f"{folder / 'good.txt'}:23:15: PR020 [sum] error: " in out
    for name in BAD:
        listed = [ln for ln in out.splitlines() if ln.startswith(f"{folder / name}:")]
        assert (listed == []) == (name in NOT_REPORTS), name
    skipped, failed = len(NOT_REPORTS), len(BAD) - len(NOT_REPORTS)
    assert f"{failed} files could not be loaded" in out
    assert f"; {skipped} skipped (not report documents)" in out
    (folder / "good.txt").unlink()
    for name in BAD:
        if name not in NOT_REPORTS:
            (folder / name).unlink()
    # only non-reports left: the folder holds no report, which is still an error
    code, out, _ = cli("check", folder, "--lang", "en", "--skip-non-reports")
    assert code == EXIT_USAGE
    assert "no report" in out


@pytest.mark.parametrize("name", NOT_REPORTS)
def test_skip_non_reports_skips_a_named_written_non_report(tmp_path: Path, name: str) -> None:
    path = make(tmp_path, name)
    good = tmp_path / "good.txt"
    shutil.copyfile(SEED_002, good)
    code, out, _ = cli("check", path, good, "--lang", "en", "--skip-non-reports")
    assert code == EXIT_FINDINGS
    assert f"{path}: skipped: not a report document\n" in out
    code, out, _ = cli("check", path, good, "--format", "json", "--skip-non-reports")
    summary = json.loads(out)["summary"]
    assert summary["skipped"] == 1 and summary["failed"] == 0
