"""The ``perfrules`` argument parser: every sub-command, flag, default and help text.

Parsing and ``--help`` need every sub-command's flags, so they are all here;
the sub-commands' modules are imported only when chosen.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from perfrules._version import __version__
from perfrules.cli.common import make_parser_class

__all__ = ["build_parser"]


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser(out: TextIO, err: TextIO) -> argparse.ArgumentParser:
    """The ``perfrules`` argument parser, writing to ``out`` and ``err``, never exiting."""
    parser_class = make_parser_class(out, err)
    parser = parser_class(
        prog="perfrules",
        description="Check Chinese budget performance self-evaluation reports (绩效自评报告).",
        epilog=(
            "exit codes: 0 no finding at or above --fail-on, 1 findings, "
            "2 usage error, a document that could not be loaded, or a rule that failed on one"
        ),
    )
    parser.add_argument("--version", action="version", version=f"perfrules {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    lang = parser_class(add_help=False)
    lang.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of messages (default: zh)"
    )
    config = parser_class(add_help=False)
    config.add_argument(
        "--config", metavar="FILE", help="configuration file (default: the nearest perfrules.toml)"
    )
    profile = parser_class(add_help=False)
    profile.add_argument(
        "--profile",
        metavar="ID|FILE",
        help="scoring profile (default: the report's, else national)",
    )
    profile.add_argument(
        "--input-format",
        choices=("toml", "json", "text", "docx", "xlsx", "pdf"),
        help="read documents as this format: a document (toml, json) or a report as written "
        "(text, docx, xlsx, pdf) (default: by file extension)",
    )

    checking = parser_class(add_help=False)
    checking.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="only these rule ids or categories (comma-separated or repeated)",
    )
    checking.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="leave out these rule ids or categories (comma-separated or repeated)",
    )
    checking.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    checking.add_argument(
        "--baseline",
        metavar="FILE",
        help="an earlier --format json output: its findings are known and do not fail the run",
    )
    checking.add_argument("--show-waived", action="store_true", help="also show waived findings")
    checking.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="worker processes (default: all cores)",
    )
    checking.add_argument(
        "--no-progress", action="store_true", help="no progress bar on a terminal's stderr"
    )
    checking.add_argument(
        "--skip-non-reports",
        action="store_true",
        help="skip (and count) named files that are not report documents instead of failing "
        "(for hooks that pass every .toml/.json file, like the pre-commit hook), and reports "
        "as written that are empty or state no report year and no title",
    )
    checking.add_argument(
        "--no-group",
        action="store_true",
        help="text output: one line per finding in rule order, repeated findings not grouped",
    )
    docs = parser_class(add_help=False)
    docs.add_argument(
        "--docs-url",
        metavar="BASE",
        help=(
            "where rule links point: a URL, or a path (relative to the working directory); "
            "links are BASE/<category>.md#<rule id in lower case>, or BASE itself when it holds "
            "{category} and {anchor} (default: docs/rules)"
        ),
    )

    check = sub.add_parser(
        "check",
        parents=[lang, config, profile, checking, docs],
        help="check report documents",
        description=(
            "Check report documents (*.toml / *.json) and reports as written "
            "(*.txt, *.docx, *.xlsx, *.pdf: extracted first, findings placed in the original): "
            "files, or folders of them."
        ),
    )
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="report files or folders ('-': standard input)"
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github", "html"),
        default="text",
        help="output format (html: review pages, see --output)",
    )
    check.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help=(
            "with --format html: write a page per report and index.html into DIR "
            "(without it, the page of a single report goes to standard output)"
        ),
    )

    review = sub.add_parser(
        "review",
        parents=[lang, config, profile, checking, docs],
        help="write HTML review pages of report documents",
        description=(
            "Check report documents and write a self-contained HTML page per report, "
            "with its findings marked in its own tables, and index.html over all of them."
        ),
    )
    review.add_argument(
        "paths", nargs="+", metavar="PATH", help="report files or folders ('-': standard input)"
    )
    review.add_argument(
        "-o", "--output", metavar="DIR", required=True, help="folder to write the pages into"
    )

    score = sub.add_parser(
        "score",
        parents=[lang, config, profile],
        help="the score sheet of a report",
        description="Each indicator's stated and recomputed score, tier subtotals, total and grade.",
    )
    score.add_argument(
        "file", metavar="FILE", help="a report document, or a report as written (.txt .docx …)"
    )
    score.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    extract = sub.add_parser(
        "extract",
        parents=[lang],
        help="read reports as written (.txt .docx .xlsx .pdf) into report documents",
        description=(
            "Read reports as written (.txt, .docx, .xlsx, text .pdf) into format-1 TOML "
            "documents, each value with the place and text it was read from; "
            "report.overrides.toml beside a report is applied. A document edited by hand "
            "is not overwritten."
        ),
    )
    extract.add_argument("files", nargs="+", metavar="FILE", help="reports as written")
    extract.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=(
            "where to write: a file (one report), a folder (several), or '-' for standard "
            "output (default: beside each report, as <name>.toml)"
        ),
    )
    extract.add_argument(
        "--format",
        choices=("toml", "json"),
        default="toml",
        help=(
            "toml: the annotated documents; json: one JSON object on standard output (or "
            "OUT) with each document, its values' places, and what was not read"
        ),
    )
    extract.add_argument(
        "--force", action="store_true", help="overwrite a document even when edited by hand"
    )

    sub.add_parser(
        "rules", parents=[lang, config], help="list every rule", description="List every rule."
    )
    explain = sub.add_parser(
        "explain",
        parents=[lang, config],
        help="a rule's documentation",
        description="A rule's documentation, with its passing and failing examples.",
    )
    explain.add_argument("rule", metavar="RULE", help="rule id (PR023) or name (unit-slip)")
    sub.add_parser(
        "profiles",
        parents=[lang],
        help="list the scoring profiles",
        description="List the scoring profiles.",
    )
    sub.add_parser(
        "schema",
        help="print the JSON Schema of report format 1",
        description="Print the JSON Schema (draft 2020-12) of report format 1.",
    )
    init = sub.add_parser(
        "init",
        parents=[lang],
        help="write a template report document",
        description="Write a commented template report document ('-' for standard output).",
    )
    init.add_argument(
        "path", nargs="?", default="report.toml", metavar="PATH", help="default: report.toml"
    )
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser
