"""``perfrules schema``: print the JSON Schema (draft 2020-12) of report format 1.

A thin layer over :func:`perfrules.document.schema.schema_text`.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from perfrules.cli.common import EXIT_OK

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the schema to ``out``; return 0."""
    from perfrules.document.schema import schema_text

    out.write(schema_text())
    return EXIT_OK
