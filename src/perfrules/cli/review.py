"""``perfrules review``: write a self-contained HTML review page per report and an overview.

The same run as ``perfrules check --format html --output DIR`` (the same
options, findings and exit codes): for each report a page with its own
tables, the cells the findings are about highlighted with their messages
beside them, the score sheet and the budget chain drawn; ``DIR/index.html``
lists every report, sorted by what needs attention.
"""

from __future__ import annotations

import argparse
from typing import TextIO

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the pages of ``args.paths`` into ``args.output``; return 0, 1 or 2 as ``check`` does."""
    from perfrules.cli.check import run as check

    args.format = "html"
    return check(args, out, err)
