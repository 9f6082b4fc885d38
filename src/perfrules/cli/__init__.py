"""The ``perfrules`` command: check, score and explain self-evaluation reports.

Commands::

    perfrules check PATH...      check report documents (files, folders searched for
                                 *.toml / *.json report documents and *.txt / *.docx /
                                 *.xlsx / *.pdf reports as written, or - for standard input)
    perfrules extract FILE... [-o OUT] [--format toml|json]
                                 read reports as written into annotated report documents
    perfrules review PATH... -o DIR
                                 HTML review pages: one per report, its findings marked in
                                 its own tables, and DIR/index.html over all of them
    perfrules score FILE         the score sheet: each indicator's stated and recomputed score
    perfrules rules              every rule: id, category, severity, title
    perfrules explain RULE       a rule's documentation, with its passing and failing examples
    perfrules profiles           the scoring profiles and the regulations they follow
    perfrules schema             the JSON Schema of report format 1
    perfrules init [PATH]        write a commented template report document
    perfrules --version

``check`` options: ``--config FILE`` (default: the nearest ``perfrules.toml``
from the working directory upward), ``--profile ID|FILE``, ``--select`` /
``--ignore`` (rule ids or categories, comma-separated or repeated; ``--select``
replaces the configuration's selection, ``--ignore`` adds to its list),
``--format text|json|sarif|github|html``, ``--output DIR`` (html: the
folder for the pages; without it the one report's page goes to standard
output), ``--docs-url BASE`` (html: where rule links point), ``--lang zh|en``, ``--fail-on
error|warning|never``, ``--baseline FILE`` (an earlier ``--format json``
output: findings already in it are reported as known and do not fail the
run), ``--show-waived``, ``--input-format toml|json`` (standard input: toml
unless given), ``--jobs N`` (default: all cores), ``--no-progress``,
``--input-format`` also takes ``text|docx|xlsx|pdf``: a report as written,
extracted (``perfrules.extract``) and checked in one step, each finding placed
in the original file (``report.txt:47:12``, ``report.docx: 表2 第5行 “实际完成值”``),
``--skip-non-reports`` (named files that are not report documents are skipped
and counted instead of failing: the pre-commit hook's entry says it, as
pre-commit passes every ``.toml``/``.json`` file; also, named or in a folder,
reports as written that are empty or state no report year and no title),
``--no-group`` (text: one
line per finding in rule order instead of document order with a rule's
repeated findings in one block).

A misspelt sub-command, choice, ``--select``/``--ignore`` value, ``--profile``
or ``explain`` rule gets the closest known one ("did you mean"), in ``--lang``.

Exit codes:

- 0: no finding at or above ``--fail-on`` (default ``error``), other than known ones;
- 1: at least one such finding;
- 2: a usage error, a bad configuration or baseline, or a document that could
  not be loaded (the other documents are still checked and reported) — a file
  named on the command line that is not a report document, and a named folder
  in which no report is found, are such documents (unless ``--skip-non-reports``
  for files).

JSON output (``--format json``), contract version 1 (details and the score
block in :mod:`perfrules.output.jsonout`)::

    {"version": 1,
     "tool": {"name", "version"},
     "files": [{"path", "profile", "score": {...} | null,
                "findings": [{"rule", "category", "severity", "message", "about",
                              "path", "line", "expected", "found", "place", "known"}],
                "waived": [{... the same keys without "known" ..., "reason"}],
                "error": null | {"message", "path", "line", "problems": [...]},
                "extraction": null | {"file", "format", "unread", "review", ...}}],
     "summary": {"files", "errors", "warnings", "infos", "known", "waived",
                 "failed", "skipped"}}

``path`` of a finding is the key path in the document (``lines[2].executed``),
``line`` its line in the file (or null); ``place`` (null for a document) where
a report read as written states the value; ``expected``/``found`` are exact
numbers or texts (or null); ``known`` marks findings present in the baseline,
which ``errors``/``warnings``/``infos`` do not count. Documents that are not
reports (no report key at their top level) found in folders, or named with
``--skip-non-reports``, are counted in ``skipped`` and not listed. Keys may be added within version 1, never renamed or removed.

Nothing here formats a message until it is written, and bad input never
gives a traceback: every :class:`~perfrules.errors.PerfrulesError` is written
one problem per line as ``path:line: keypath: message`` in ``--lang``.
:func:`run` is the whole command, pure over its streams, for tests and
embedding; :func:`main` is the console script.

Layout: :mod:`perfrules.cli.parser` declares every sub-command and flag,
:mod:`perfrules.cli.common` holds what the sub-commands share, and each
sub-command is a module of its own (:mod:`~perfrules.cli.check`,
:mod:`~perfrules.cli.review`, :mod:`~perfrules.cli.score`, :mod:`~perfrules.cli.extract`,
:mod:`~perfrules.cli.rules`,
:mod:`~perfrules.cli.explain`, :mod:`~perfrules.cli.profiles`,
:mod:`~perfrules.cli.schema`, :mod:`~perfrules.cli.init`), imported only when
chosen, each with ``run(args, out, err) -> exit code``.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any, NoReturn, TextIO

from perfrules.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, ParserExit, print_problems
from perfrules.cli.parser import build_parser

if TYPE_CHECKING:
    import argparse

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main", "run"]


def _command(name: str) -> Callable[[argparse.Namespace, TextIO, TextIO], int]:
    """The ``run`` of sub-command ``name`` (module ``perfrules.cli.<name>``), imported only now."""
    command: Callable[[argparse.Namespace, TextIO, TextIO], int]
    command = importlib.import_module(f"perfrules.cli.{name}").run
    return command


def run(argv: Sequence[str], stdout: TextIO, stderr: TextIO, stdin: IO[Any] | None = None) -> int:
    """Run the ``perfrules`` command with arguments ``argv``; return the exit code.

    Everything is written to ``stdout`` and ``stderr``; nothing exits the
    process. ``stdin`` (default: the process's) is read by ``check -``; a
    binary stream, or a text stream with a ``buffer``, is read as bytes. Bad
    input gives messages and exit code 2, never a traceback.
    """
    parser = build_parser(stdout, stderr)
    try:
        args = parser.parse_args(list(argv))
    except ParserExit as stop:
        return stop.status
    args.stdin = stdin if stdin is not None else sys.stdin
    if args.command is None:
        parser.print_help(stderr)
        return EXIT_USAGE
    from perfrules.errors import PerfrulesError

    try:
        return _command(args.command)(args, stdout, stderr)
    except PerfrulesError as exc:  # anything a command did not handle itself
        return print_problems(stderr, exc, getattr(args, "lang", "zh"))


def main() -> NoReturn:
    """The console script: :func:`run` over the process's streams."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
    try:
        code = run(sys.argv[1:], sys.stdout, sys.stderr, sys.stdin)
        sys.stdout.flush()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # the reader went away (perfrules check ... | head): exit quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_FINDINGS
    sys.exit(code)
