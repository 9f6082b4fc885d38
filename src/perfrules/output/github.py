"""GitHub Actions workflow annotations (``--format github``).

::

    ::error file=reports/a.toml,line=92,title=PR023::<message> (expected 1.12, found 0.000112)

Severities map to ``error``, ``warning`` and ``notice``. Findings present in
the baseline are notices titled ``PR123 (known)``; waived findings are notices
titled ``PR123 (waived)``, written only with ``--show-waived``. A document that
could not be loaded gives one ``::error`` per problem, titled ``perfrules``.
A finding about a report read as written names the original file, with
``line`` and ``col`` in a text file; elsewhere its message starts with the
place (``表2 第5行 “实际完成值”: …``).
The summary line closes the output as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfrules.output.text import summary_line, values_suffix
from perfrules.output.writer import Summary, Writer

if TYPE_CHECKING:
    from perfrules.output.records import Outcome, Record

__all__ = ["GithubWriter", "annotation", "escape_data", "escape_property"]

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    command: str, file: str, line: int | None, title: str, message: str, col: int | None = None
) -> str:
    """``::command file=…,line=…,col=…,title=…::message``."""
    props = [f"file={escape_property(file)}"]
    if line is not None:
        props.append(f"line={line}")
        if col is not None:
            props.append(f"col={col}")
    props.append(f"title={escape_property(title)}")
    return f"::{command} {','.join(props)}::{escape_data(message)}"


def _message(f: Record, lang: str) -> str:
    text = f.message
    if f.origin is not None and f.origin.line is None and f.origin.label:
        text = f"{f.origin.label}: {text}"
    return text + values_suffix(f.expected, f.found, lang)


def _file_col(path: str, f: Record) -> tuple[str, int | None]:
    """The file an annotation names, and its column (a text report read as written)."""
    if f.origin is None:
        return path, None
    return f.origin.file, f.origin.column


class GithubWriter(Writer):
    """Workflow annotations, one line per finding or problem."""

    def file(self, outcome: Outcome) -> None:
        """Write the document's annotations."""
        lines: list[str] = []
        if outcome.problems:  # load problems, or rules that failed on the document
            for p in outcome.problems:
                text = ": ".join(part for part in (p.rule, p.path, p.message) if part)
                lines.append(annotation("error", p.file or outcome.path, p.line, "perfrules", text))
        for f in outcome.findings:
            file, col = _file_col(outcome.path, f)
            if f.known:
                lines.append(
                    annotation(
                        "notice", file, f.line, f"{f.rule} (known)", _message(f, self.lang), col
                    )
                )
            else:
                command = _COMMANDS.get(f.severity, "warning")
                lines.append(annotation(command, file, f.line, f.rule, _message(f, self.lang), col))
        if self.show_waived:
            for f in outcome.waived:
                file, col = _file_col(outcome.path, f)
                text = f"{_message(f, self.lang)} — {f.reason}"
                lines.append(annotation("notice", file, f.line, f"{f.rule} (waived)", text, col))
        if lines:
            self.out.write("\n".join(lines) + "\n")
            self.out.flush()

    def finish(self, summary: Summary) -> None:
        """Write the summary as plain text."""
        self.out.write(summary_line(summary, self.lang) + "\n")
        self.out.flush()
