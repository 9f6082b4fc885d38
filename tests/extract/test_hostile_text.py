"""Hostile text files: whatever the bytes, the text reader says one located thing or reads them.

Arbitrary bytes and arbitrary text given to :func:`perfrules.extract` as a
``.txt`` report raise nothing but :class:`~perfrules.errors.DocumentError`
(or are read); a line too long to be a report's is refused with its line
instead of being read into memory character by character (a 50 MB line took
12 GB); a paragraph joined from many lines is bounded; a UTF-8 file damaged
in the middle (cut, or another encoding pasted in) and a text with a NUL byte
say the line and column of the damage instead of "binary data".
"""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import perfrules
from perfrules.cli import EXIT_USAGE, run
from perfrules.errors import DocumentError
from perfrules.extract.layout import Paragraph
from perfrules.extract.text import MAX_LINE_CHARS, MAX_PARAGRAPH_CHARS, read
from tests.extract.conftest import seed_path

SEED_002 = seed_path("002").read_text(encoding="utf-8")


def _refusal(data: bytes, name: str = "r.txt") -> DocumentError:
    try:
        read(data, name)
    except DocumentError as exc:
        return exc
    raise AssertionError("read without complaint")


def test_a_line_too_long_for_a_report_is_refused_with_its_line() -> None:
    lines = SEED_002.split("\n")
    lines[4] += "x" * MAX_LINE_CHARS
    error = _refusal("\n".join(lines).encode("utf-8"))
    (problem,) = error.problems
    assert (problem.file, problem.line) == ("r.txt", 5)
    assert str(len(lines[4])) in problem.message("en")
    assert problem.render("zh").startswith("r.txt:5: 该行长达 ")
    assert "\n" not in error.render("zh")


def test_a_line_at_the_bound_is_read() -> None:
    lines = SEED_002.split("\n")
    lines[4] = lines[4] + "x" * (MAX_LINE_CHARS - len(lines[4]))
    layout = read("\n".join(lines).encode("utf-8"), "r.txt")
    assert any("x" * 100 in b.text.text for b in layout.blocks if isinstance(b, Paragraph))


def test_a_paragraph_joined_from_many_lines_is_bounded() -> None:
    # A converter's output (headings, paragraphs wrapped over lines); one paragraph of 60 lines.
    line = "这是一段没有句号的文字" * 500  # 5,500 characters, well under the line bound
    text = "# 一、基本情况\n\n" + "\n".join([line] * 60) + "\n\n# 二、绩效\n\n完成。\n"
    layout = read(text.encode("utf-8"), "md.txt")
    paragraphs = [b.text.text for b in layout.blocks if isinstance(b, Paragraph)]
    assert max(map(len, paragraphs)) <= MAX_PARAGRAPH_CHARS
    assert sum(p.count("这是") for p in paragraphs) == 60 * 500  # cut, nothing dropped


def test_utf8_damaged_in_the_middle_names_line_and_byte() -> None:
    data = SEED_002.encode("utf-8")
    at = data.index("公用经费".encode())
    error = _refusal(data[:at] + b"\xff" + data[at:])
    (problem,) = error.problems
    line = SEED_002[: SEED_002.index("公用经费")].count("\n") + 1
    assert problem.line == line
    assert "0xff" in problem.message("zh")
    assert "UTF-8" in problem.message("en")
    assert "binary" not in problem.message("en")


def test_utf8_then_gbk_is_damaged_not_binary() -> None:
    half = len(SEED_002) // 2
    data = SEED_002[:half].encode("utf-8") + SEED_002[half:].encode("gb18030")
    (problem,) = _refusal(data).problems
    assert problem.line == SEED_002[:half].count("\n") + 1
    assert problem.message("en").startswith("byte 0x")


def test_a_nul_byte_in_a_text_names_its_line() -> None:
    data = SEED_002.encode("utf-8")
    at = data.index("公用经费".encode())
    (problem,) = _refusal(data[:at] + b"\x00" + data[at:]).problems
    assert problem.line == SEED_002[: SEED_002.index("公用经费")].count("\n") + 1
    assert "NUL" in problem.message("zh")


def test_gbk_and_binary_files_are_unchanged() -> None:
    assert read(SEED_002.encode("gb18030"), "g.txt").blocks
    assert [p.code for p in _refusal(bytes(range(256)) * 8).problems] == ["binary-file"]


def test_the_command_line_says_one_line_and_exits_2(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "long.txt").write_bytes(b"a" * (MAX_LINE_CHARS + 10))
    out, err = io.StringIO(), io.StringIO()
    code = run(["check", str(folder / "long.txt")], out, err)
    text = out.getvalue() + err.getvalue()
    assert code == EXIT_USAGE
    assert "Traceback" not in text
    assert f"{folder / 'long.txt'}:1: 该行长达 {MAX_LINE_CHARS + 10} 个字符" in text


_PIECES = [
    *SEED_002[:3000].split("\n"),
    "\t",
    "|",
    "\u3000\u3000",
    "\x00",
    "\r",
    "\x0c",
    "#",
    "**",
    "$x$",
    "①",
    "\u200b",
    "\ufeff",
    "（一）",
    "1、",
    "— 3 —",
    "",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_raise_nothing_but_document_error(data: bytes) -> None:
    try:
        perfrules.extract(data, "text", file="x.txt", overrides=False)
    except DocumentError as exc:
        assert exc.problems and all(p.file == "x.txt" for p in exc.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_PIECES) | st.text(max_size=20), max_size=40),
    st.sampled_from(["\n", "\r\n", "\r", "\n\n"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
)
def test_arbitrary_text_raises_nothing_but_document_error(
    pieces: list[str], newline: str, encoding: str
) -> None:
    data = newline.join(pieces).encode(encoding, errors="replace")
    try:
        extraction = perfrules.extract(data, "text", file="x.txt", overrides=False)
    except DocumentError as exc:
        assert exc.problems and "\n" not in exc.render("zh")
    else:
        assert extraction.report.source is not None


def test_a_huge_paragraph_of_a_word_file_is_refused_where_it_stands() -> None:
    import docx

    from perfrules.extract.layout import MAX_TEXT_CHARS

    document = docx.Document()
    document.add_paragraph("2023年度部门整体支出绩效自评报告")
    document.add_paragraph("x" * (MAX_TEXT_CHARS + 1))
    out = io.BytesIO()
    document.save(out)
    try:
        perfrules.extract(out.getvalue(), "docx", file="big.docx", overrides=False)
    except DocumentError as exc:
        assert exc.render("zh") == (
            f"big.docx: 第2段：该处文字长达 {MAX_TEXT_CHARS + 1} 个字符，"
            f"超过一处 {MAX_TEXT_CHARS} 个字符的上限：不像报告的文字"
        )
        assert exc.render("en").startswith("big.docx: paragraph 2: a text of ")
    else:
        raise AssertionError("read without complaint")


def test_a_workbook_holding_more_text_than_a_report_is_refused() -> None:
    import openpyxl

    from perfrules.extract.layout import MAX_LAYOUT_CHARS

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "2023年度部门整体支出绩效自评报告"
    for r in range(2, MAX_LAYOUT_CHARS // 32000 + 3):  # Excel holds at most 32767 in a cell
        ws.cell(r, 1, "y" * 32000)
    out = io.BytesIO()
    wb.save(out)
    try:
        perfrules.extract(out.getvalue(), "xlsx", file="big.xlsx", overrides=False)
    except DocumentError as exc:
        assert (
            exc.render("zh")
            == f"big.xlsx: 文件中的文字超过 {MAX_LAYOUT_CHARS} 个字符的上限：不像一份报告"
        )
    else:
        raise AssertionError("read without complaint")


def test_the_text_budget_counts_a_text_files_lines_too() -> None:
    from perfrules.extract.layout import text_budget

    with text_budget(1000):
        error = _refusal(SEED_002.encode("utf-8"))
    (problem,) = error.problems
    assert (
        problem.message("en")
        == "the file holds more than 1000 characters of text: more than a report"
    )
    assert problem.line is not None
    assert read(SEED_002.encode("utf-8"), "r.txt").blocks  # no budget outside extract: read
