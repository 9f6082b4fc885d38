"""``perfrules rules``: every rule, one a line: id, category, severity and title.

The built-in rules and the configuration's own, from :func:`perfrules.cli.common.all_rules`.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from perfrules.cli.common import EXIT_OK, all_rules, print_problems

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """List every rule; return 0, or 2 for a bad configuration."""
    from perfrules.errors import PerfrulesError

    try:
        rules = all_rules(args)
    except PerfrulesError as exc:
        return print_problems(err, exc, args.lang)
    width = max((len(r.category) for r in rules.values()), default=8)
    for rule in rules.values():
        out.write(
            f"{rule.id}  {rule.category:<{width}}  {rule.severity.value:<7}  {rule.title.get(args.lang)}\n"
        )
    return EXIT_OK
