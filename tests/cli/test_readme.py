"""The README's first lines and its quoted output are true.

Issue 14, item 12: the README opens with exactly two commands — one line
that makes a virtual environment, installs perfrules and checks the clean
example, and ``pytest`` — and the text output it quotes is what perfrules
prints now (the docs pages are replayed by ``tests/test_docs.py``; the
README is not among them, so it is checked here).
"""

from __future__ import annotations

import io
import os
import re
import shlex
from pathlib import Path

from perfrules.cli import run

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
_FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```\s*$", re.S | re.M)


def test_the_first_lines_are_two_commands_in_a_virtual_environment() -> None:
    first = _FENCE.search(README)
    assert first is not None and first["lang"] == "sh"
    assert README[: first.start()].strip() == "# perfrules"  # nothing before the commands
    lines = first["body"].strip().splitlines()
    assert len(lines) == 2, lines
    steps = [step.strip() for step in lines[0].split("&&")]
    assert steps[0] == "python -m venv .venv"
    assert steps[1] == ". .venv/bin/activate"
    assert steps[2].startswith("python -m pip install -e '.[test]'")
    assert steps[-1] == "perfrules check examples/clean.toml"
    assert lines[1] == "pytest"


def test_the_quoted_output_is_what_perfrules_prints() -> None:
    quoted = [m["body"] for m in _FENCE.finditer(README) if m["body"].startswith("$ perfrules ")]
    assert quoted, "the README quotes no perfrules output"
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        for body in quoted:
            command, _, shown = body.partition("\n")
            out, err = io.StringIO(), io.StringIO()
            run(shlex.split(command)[2:], out, err)
            assert (out.getvalue() + err.getvalue()).rstrip("\n") == shown.rstrip("\n"), command
    finally:
        os.chdir(old)


def test_every_command_is_listed() -> None:
    listed = README[README.index("## Use it") :]
    for command in ("check", "extract", "score", "rules", "explain", "profiles", "schema", "init"):
        assert f"`perfrules {command}" in listed, command
