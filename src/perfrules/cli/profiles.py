"""``perfrules profiles``: the scoring profiles, what they extend, their years and sources.

A thin layer over :func:`perfrules.available_profiles`.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from perfrules.cli.common import EXIT_OK, print_problems
from perfrules.messages import cli as msg

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """List the scoring profiles; return 0, or 2 when one cannot be read."""
    from perfrules.errors import PerfrulesError
    from perfrules.scoring.profiles import available_profiles

    lang = args.lang
    try:
        profiles = available_profiles()
    except PerfrulesError as exc:
        return print_problems(err, exc, lang)
    blocks = []
    for p in profiles:
        lines = [f"{p.id}: {p.title}"]
        if p.extends:
            lines.append(f"  {msg.Extends().render(lang)}: {', '.join(p.extends)}")
        if p.years is not None:
            first, last = p.years
            span = f"{first}–" if last >= 9999 else f"{first}–{last}"
            lines.append(f"  {msg.Years().render(lang)}: {span}")
        if p.sources:
            lines.append(f"  {msg.Sources().render(lang)}:")
            lines.extend(f"    - {s}" for s in p.sources)
        blocks.append("\n".join(lines))
    out.write("\n\n".join(blocks) + "\n")
    return EXIT_OK
