"""A usage error is said in the --lang of the command line: Chinese by default, argparse's English with --lang en."""

from __future__ import annotations

import io
import re

import pytest

from perfrules.cli import EXIT_USAGE, run


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, err.getvalue().splitlines()[-1]


@pytest.mark.parametrize(
    ("argv", "zh"),
    [
        (["review", "a.toml"], "perfrules review：错误：缺少必需的参数：-o/--output"),
        (["check", "a.toml", "--bogus"], "perfrules：错误：无法识别的参数：--bogus"),
        (["check", "--jobs"], "perfrules check：错误：参数 --jobs：需要一个值"),
        (["check", "--jobs", "x", "a.toml"], "perfrules check：错误：参数 --jobs：不是整数：'x'"),
        (["check", "--jobs", "0", "a.toml"], "perfrules check：错误：参数 --jobs：至少为 1"),
    ],
)
def test_usage_errors_in_chinese(argv: list[str], zh: str) -> None:
    code, line = _run(*argv)
    assert (code, line) == (EXIT_USAGE, zh)
    assert not re.search(r"\b(error|argument|required|expected)\b", line)


def test_usage_errors_in_english_with_lang_en() -> None:
    code, line = _run("review", "a.toml", "--lang", "en")
    assert code == EXIT_USAGE
    assert line == "perfrules review: error: the following arguments are required: -o/--output"
