"""A grade with no score: a stated grade needs the total score it is read from.

A grade is a band of the total score; stated alone it cannot be checked and
usually means the form was not scored at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("grade",)


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    g = ctx.sheet.grade
    if g.without_score:
        yield Hit(
            "evaluation.grade", "evaluation.grade", found=g.stated, args=(("grade", g.stated),)
        )
