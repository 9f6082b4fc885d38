"""``perfrules score``: a report's score sheet, as a table or as the JSON ``score`` block.

A thin layer over :func:`perfrules.load` (or, for a report as written,
:func:`perfrules.extract`), :func:`perfrules.load_profile` and
:func:`perfrules.score`, written by :func:`perfrules.output.text.score_table` or
as :func:`perfrules.output.scoredata.score_data`.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from perfrules.cli.common import EXIT_OK, EXIT_USAGE, load_config, print_problems
from perfrules.messages import cli as msg

__all__ = ["run"]


def _written(path: str, input_format: str | None) -> str | None:
    """The format of a report as written (.txt .docx .xlsx .pdf, or --input-format), else None."""
    from pathlib import Path

    from perfrules.extract.api import INPUT_FORMATS

    if input_format is not None:
        return input_format if input_format in INPUT_FORMATS else None
    suffix = Path(path).suffix.lower()
    return next((fmt for fmt, suffixes in INPUT_FORMATS.items() if suffix in suffixes), None)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the score sheet of ``args.file``; return 0, or 2 when it cannot be scored."""
    from perfrules.document.encoding import explain_encoding
    from perfrules.document.loader import format_of, load
    from perfrules.errors import DocumentError, PerfrulesError
    from perfrules.scoring.profiles import resolve_profile
    from perfrules.scoring.scorer import score

    lang = args.lang
    try:
        config = load_config(args)
        try:
            written = _written(args.file, args.input_format)
            if written is not None:
                from perfrules.extract.api import extract

                report = extract(args.file, written).report
            else:
                report = load(args.file, args.input_format or format_of(args.file))
        except DocumentError as exc:
            raise explain_encoding(exc, args.file) from None
        if args.profile:
            from perfrules.cli.suggest import profile_hint

            hint = profile_hint(args.profile, lang)
            if hint:
                err.write(f"perfrules score: {hint}\n")
                return EXIT_USAGE
        profile = resolve_profile(report, args.profile, config.profile)
        sheet = score(report, profile)
    except PerfrulesError as exc:
        return print_problems(err, exc, lang)
    if args.format == "json":
        from perfrules.output.jsonout import encode
        from perfrules.output.scoredata import score_data

        out.write(encode(score_data(sheet, lang)) + "\n")
    else:
        from perfrules.document.systemtext import system_lines
        from perfrules.output.text import score_table

        out.write(score_table(sheet, args.file, lang))
        heading = msg.SystemHeading().render(lang)
        lines = system_lines(sheet.system, sheet.recomputed_by_tier, lang)
        out.write("\n" + heading + "\n" + "".join(f"  {line}\n" for line in lines))
    return EXIT_OK
