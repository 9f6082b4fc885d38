"""Unknown grade words: the stated grade is one of the profile's grade words or synonyms.

Nationally 优/良/中/差 with 优秀/良好/一般/较差 as synonyms; Shijiazhuang's scheme
uses 优秀/良好/一般/较差.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("grade", "words")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    g = ctx.sheet.grade
    if g.known is False:
        words = "、".join(w for band in ctx.profile.bands for w in (band.word, *band.synonyms))
        yield Hit(
            "evaluation.grade",
            "evaluation.grade",
            expected=words,
            found=g.stated,
            args=(("grade", g.stated), ("words", words)),
        )
