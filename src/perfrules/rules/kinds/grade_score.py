"""Grade and score: the stated grade is the grade the stated score earns under the profile.

Grade bands are half-open intervals (nationally 优 ≥ 90, 良 [80, 90),
中 [60, 80), 差 < 60); synonyms count (优秀 = 优). The message names the grade
the score earns.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("grade", "score", "earned")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    g = ctx.sheet.grade
    if g.matches is False and g.of_stated_score is not None:
        yield Hit(
            "evaluation.grade",
            "evaluation.grade",
            expected=g.of_stated_score.word,
            found=g.stated,
            args=(
                ("grade", g.stated),
                ("score", g.stated_score),
                ("earned", g.of_stated_score.word),
            ),
        )
