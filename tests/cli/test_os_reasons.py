"""Why a named path cannot be read is said in the output's language, not in the operating system's English."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from perfrules.cli import EXIT_USAGE, run
from perfrules.errors import os_detail


def _check(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["check", "--no-progress", *argv], out, err)
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize("name", ["missing.toml", "missing.txt", "missing.docx"])
def test_a_missing_file_is_told_in_chinese(tmp_path: Path, name: str) -> None:
    code, text = _check(str(tmp_path / name))
    assert code == EXIT_USAGE
    line = text.splitlines()[0]
    assert line.startswith(f"{tmp_path / name}: 无法读取文件：")
    assert not re.search(r"[A-Za-z]{3,}", line.removeprefix(str(tmp_path / name))), line


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("name", ["pipe.toml", "pipe.txt"])
def test_a_pipe_is_told_in_chinese_and_in_english(tmp_path: Path, name: str) -> None:
    os.mkfifo(tmp_path / name)
    code, zh = _check(str(tmp_path / name))
    assert code == EXIT_USAGE
    assert f"{tmp_path / name}: 无法读取文件：不是普通文件" in zh
    code, en = _check(str(tmp_path / name), "--lang", "en")
    assert f"{tmp_path / name}: cannot read the file: not a regular file" in en


def test_os_detail_keeps_the_systems_words_in_english() -> None:
    from perfrules.messages import render

    (detail,) = os_detail(PermissionError(13, "Permission denied")).values()
    assert (render(detail, "zh"), render(detail, "en")) == ("没有读取权限", "Permission denied")
    assert os_detail(OSError(999999, "Something odd")) == {"detail": "Something odd"}
