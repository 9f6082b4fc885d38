"""``perfrules extract``: read reports as written into annotated report documents (or JSON).

A thin layer over :func:`perfrules.extract` and
:mod:`perfrules.batch.written`: for each FILE the annotated format-1 TOML is
written beside it (``<name>.toml``), into ``-o`` (a file for one report, a
folder for several) or to standard output (``-o -``); a document edited by
hand since it was extracted is not overwritten (:func:`perfrules.may_overwrite`)
unless ``--force``. ``report.overrides.toml`` beside a report is applied and
a stale override is reported. ``--format json`` writes one JSON object
instead: every document with its values' places and what was not read.
What is said about each report goes to standard error; a report that cannot
be read (empty, binary, not a report, a missing optional extra) is one line
there, and the exit code is then 2.
"""

from __future__ import annotations

import argparse
import os
from typing import Any, TextIO

from perfrules.cli.common import EXIT_OK, EXIT_USAGE, print_problems

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Extract ``args.files``; return 0, or 2 when one could not be read or written."""
    from perfrules._version import __version__
    from perfrules.batch.written import (
        extraction_data,
        extraction_lines,
        read_written,
        target_for,
        written_format,
    )
    from perfrules.errors import DocumentError, PerfrulesError, Problem
    from perfrules.extract.api import may_overwrite, write_extraction
    from perfrules.messages import cli as msg
    from perfrules.output.jsonout import encode

    lang = args.lang
    several = len(args.files) > 1
    code = EXIT_OK
    entries: list[dict[str, Any]] = []
    written: dict[str, str] = {}  # the documents this run wrote → the report each was read from
    if args.format == "toml" and args.output == "-" and several:
        err.write(msg.ExtractStdoutOne().render(lang) + "\n")
        return EXIT_USAGE
    for file in args.files:
        target = file
        try:
            suffix = os.path.splitext(file)[1].lower()
            if suffix in (".toml", ".json"):
                detail = msg.ExtractDocument(suffix=suffix, file=file)
                raise DocumentError([Problem("invalid", params={"detail": detail})])
            extraction = read_written(file, written_format(file))
            if args.format == "json":
                entries.append(extraction_data(extraction, None, lang))
                continue
            target = target_for(file, args.output, several)
            first = written.get(os.path.realpath(target)) if target != "-" else None
            if first is not None:
                same = msg.ExtractSameTarget(target=target, first=first)
                raise DocumentError([Problem("invalid", params={"detail": same})])
            if target != "-" and _same_file(target, file):
                over = msg.ExtractOverSource(target=target)
                raise DocumentError([Problem("invalid", params={"detail": over})])
            if target == "-":
                out.write(extraction.text)
            elif not args.force and not may_overwrite(target):
                raise DocumentError([Problem("overwrite-edited", params={"found": target})])
            else:
                folder = os.path.dirname(target)
                if folder:
                    os.makedirs(folder, exist_ok=True)
                write_extraction(extraction, target, force=True)
                written[os.path.realpath(target)] = file
            err.write("".join(f"{line}\n" for line in extraction_lines(extraction, target, lang)))
        except PerfrulesError as exc:
            code = print_problems(err, DocumentError([p.at(file) for p in exc.problems]), lang)
            if args.format == "json":
                problems = [{"message": p.message(lang), "path": p.path} for p in exc.problems]
                entries.append({"file": file, "error": problems})
        except OSError as exc:
            code = EXIT_USAGE
            err.write(f"{exc.filename or target}: {exc.strerror or exc}\n")
    if args.format == "json":
        text = (
            encode(
                {
                    "version": 1,
                    "tool": {"name": "perfrules", "version": __version__},
                    "files": entries,
                }
            )
            + "\n"
        )
        if args.output and args.output != "-":
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.write(text)
        else:
            out.write(text)
    return code


def _same_file(target: str, source: str) -> bool:
    """True when writing ``target`` would write over ``source`` (the same path, or a link to it)."""
    try:
        return os.path.samefile(target, source)
    except OSError:
        return os.path.realpath(target) == os.path.realpath(source)
