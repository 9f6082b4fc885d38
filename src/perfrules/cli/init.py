"""``perfrules init``: write a commented template report document, or print it with ``-``.

A thin layer over :func:`perfrules.document.template.template`.
"""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from perfrules.cli.common import EXIT_OK, EXIT_USAGE
from perfrules.messages import cli as msg

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the template to ``args.path``; return 0, or 2 when it exists or cannot be written."""
    from perfrules.document.template import template

    lang = args.lang
    text = template(lang)
    if args.path == "-":
        out.write(text)
        return EXIT_OK
    path = args.path
    if os.path.isdir(path):
        path = os.path.join(path, "report.toml")
    if os.path.lexists(path) and not args.force:
        err.write(msg.FileExists(path=path).render(lang))
        return EXIT_USAGE
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        err.write(msg.CannotWrite(path=path, reason=reason).render(lang))
        return EXIT_USAGE
    out.write(msg.Wrote(path=path).render(lang))
    return EXIT_OK
