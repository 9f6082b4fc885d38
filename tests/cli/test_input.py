"""Reading documents: a GBK/GB18030 file is told to be saved as UTF-8; ``check -`` reads stdin.

Issue 14, item 11. A report document saved as GBK (Notepad's default on
Chinese Windows) gets a message on the line of its first non-UTF-8 byte
that says to save it as UTF-8, in ``--lang``, from ``check`` (text and
JSON) and ``score``. What must not happen: that message for bytes that are
not GBK Chinese text (Latin-1, binary), where the UTF-8 problem stands.

``perfrules check -`` checks one document read from standard input
(``--input-format`` decides, TOML by default), named ``<stdin>``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from perfrules.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from perfrules.document.encoding import legacy_encoding_problem
from tests.cli.helpers import cli

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "examples" / "clean.toml"
QUYUAN = ROOT / "examples" / "quyuan-2024.toml"

GBK_EN = (
    "the file is saved as GBK/GB18030, not UTF-8: save it as UTF-8 "
    "(in Notepad: Save As → Encoding: UTF-8) and check it again"
)
GBK_ZH = (
    "文件以 GBK/GB18030 编码保存，而不是 UTF-8：请将其另存为 UTF-8 编码"
    "（记事本：另存为 → 编码选 UTF-8）后再检查"
)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_a_gbk_report_is_told_to_be_saved_as_utf8(tmp_path: Path, codec: str) -> None:
    text = CLEAN.read_text(encoding="utf-8").replace("−", "-")  # GBK has no U+2212
    (tmp_path / "r.toml").write_bytes(text.encode(codec))
    first_cjk = next(i for i, line in enumerate(text.splitlines(), 1) if not line.isascii())
    code, out, _ = cli("check", "r.toml", "--lang", "en")
    assert code == EXIT_USAGE
    assert out.splitlines()[0] == f"r.toml:{first_cjk}: {GBK_EN}"
    code, out, _ = cli("check", "r.toml")
    assert out.splitlines()[0] == f"r.toml:{first_cjk}: {GBK_ZH}"
    code, out, err = cli("check", "r.toml", "--format", "json", "--lang", "en")
    error = json.loads(out)["files"][0]["error"]
    assert (error["message"], error["line"]) == (GBK_EN, first_cjk)
    assert err == f"r.toml:{first_cjk}: {GBK_EN}\n"
    code, out, err = cli("score", "r.toml")
    assert code == EXIT_USAGE and out == ""
    assert err == f"r.toml:{first_cjk}: {GBK_ZH}\n"


def test_a_gbk_json_report_and_one_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r.json").write_bytes('{\n"report": {"department": "测试"}}'.encode("gbk"))
    code, out, _ = cli("check", "reports", "--lang", "en")
    assert code == EXIT_USAGE
    assert out.splitlines()[0] == f"reports/r.json:2: {GBK_EN}"


@pytest.mark.parametrize(
    "data",
    [
        '[report]\ndepartment = "Café"\n'.encode("latin-1"),  # Latin-1, no Chinese
        b'[report]\ndepartment = "\xff\xfe\xfd"\n',  # not GB18030 either
        b"\x80\x81\x82",  # binary
    ],
    ids=["latin-1", "bad-bytes", "binary"],
)
def test_other_bad_bytes_keep_the_utf8_message(tmp_path: Path, data: bytes) -> None:
    """What must not happen: "saved as GBK" for bytes that are not GBK Chinese text."""
    (tmp_path / "r.toml").write_bytes(data)
    code, out, _ = cli("check", "r.toml", "--lang", "en")
    assert code == EXIT_USAGE
    assert "the file is not valid UTF-8 text" in out
    assert "GBK" not in out
    assert legacy_encoding_problem(data) is None


def test_utf8_with_or_without_bom_is_no_encoding_problem(tmp_path: Path) -> None:
    text = CLEAN.read_text(encoding="utf-8")
    (tmp_path / "bom.toml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert cli("check", "bom.toml")[0] == EXIT_OK
    assert legacy_encoding_problem(text.encode("utf-8")) is None
    assert legacy_encoding_problem(b"\xef\xbb\xbf" + text.encode("utf-8")) is None


# --- standard input ------------------------------------------------------------------------


def test_check_reads_a_toml_report_from_stdin() -> None:
    data = QUYUAN.read_bytes()
    code, out, _ = cli("check", "-", "--lang", "en", stdin=io.BytesIO(data))
    assert code == EXIT_FINDINGS
    assert out.splitlines()[0].startswith("<stdin>:74: PR020 [sum] error:")
    assert out.splitlines()[-1] == "Checked 1 file: 6 errors, 1 warning."


def test_check_reads_stdin_as_a_text_stream_too() -> None:
    stream = io.TextIOWrapper(io.BytesIO(CLEAN.read_bytes()), encoding="utf-8")
    assert cli("check", "-", stdin=stream)[0] == EXIT_OK
    assert cli("check", "-", stdin=io.StringIO(CLEAN.read_text(encoding="utf-8")))[0] == EXIT_OK


def test_check_reads_json_from_stdin_with_input_format(tmp_path: Path) -> None:
    from perfrules.document.loader import dumps, load

    as_json = dumps(load(CLEAN)).encode("utf-8")
    code, out, _ = cli(
        "check", "-", "--input-format", "json", "--format", "json", stdin=io.BytesIO(as_json)
    )
    assert code == EXIT_OK
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == ["<stdin>"]
    # without --input-format standard input is TOML: JSON text does not parse as TOML
    code, out, _ = cli("check", "-", stdin=io.BytesIO(as_json))
    assert code == EXIT_USAGE
    assert out.startswith("<stdin>:1: ")


def test_stdin_with_files_and_its_problems_are_named_stdin(tmp_path: Path) -> None:
    code, out, _ = cli(
        "check", CLEAN, "-", "--lang", "en", stdin=io.BytesIO(b"[report]\ndepartment = 3\n")
    )
    assert code == EXIT_USAGE
    lines = out.splitlines()
    assert lines[0].startswith("<stdin>:2: report.department: wrong type")
    assert lines[-1].startswith(
        "Checked 2 files: no findings in the files that loaded; 1 file could not be loaded"
    )


def test_empty_or_gbk_stdin() -> None:
    code, out, _ = cli("check", "-", "--lang", "en", stdin=io.BytesIO(b""))
    assert code == EXIT_USAGE
    assert out.splitlines()[0].startswith("<stdin>: not a report document: the file is empty")
    gbk = CLEAN.read_text(encoding="utf-8").replace("−", "-").encode("gbk")
    code, out, _ = cli("check", "-", "--lang", "en", stdin=io.BytesIO(gbk))
    assert code == EXIT_USAGE
    assert out.splitlines()[0].endswith(GBK_EN)
    assert out.startswith("<stdin>:")
    code, out, _ = cli("check", "-", "--skip-non-reports", "--lang", "en", stdin=io.BytesIO(b""))
    assert code == EXIT_OK
    assert out.splitlines()[-1] == "Checked 0 files: no findings; 1 skipped (not report documents)."


def test_unreadable_stdin() -> None:
    closed = io.BytesIO(b"")
    closed.close()
    code, out, _ = cli("check", "-", "--lang", "en", stdin=closed)
    assert code == EXIT_USAGE
    assert out.startswith("<stdin>: cannot read the file: ")
