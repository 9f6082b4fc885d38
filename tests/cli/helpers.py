"""What the command-line tests share: running ``perfrules`` in memory and writing a file."""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, Any

from perfrules.cli import run


def cli(
    *argv: object,
    stdout: io.StringIO | None = None,
    stderr: io.StringIO | None = None,
    stdin: IO[Any] | None = None,
) -> tuple[int, str, str]:
    """Run the command; return (exit code, stdout, stderr). A traceback in either fails the test."""
    out = stdout if stdout is not None else io.StringIO()
    err = stderr if stderr is not None else io.StringIO()
    code = run([str(a) for a in argv], out, err, stdin=stdin)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue()


def write(path: Path, text: str) -> Path:
    """``text`` written to ``path`` (its folders made), as UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
