"""The score sheet as plain data: the ``score`` block of the JSON output and of ``perfrules score``.

Numbers stay :class:`~decimal.Decimal`, so that :func:`perfrules.output.jsonout.encode`
writes them exactly as perfrules holds them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from perfrules.scoring.scorer import ScoreSheet

__all__ = ["score_data"]


def _band(band: object) -> str | None:
    return None if band is None else str(band)


def _text(value: object) -> str | None:
    if value is None:
        return None
    raw = getattr(value, "raw", None)
    return raw if isinstance(raw, str) else str(value)


def score_data(sheet: ScoreSheet, lang: str = "zh") -> dict[str, Any]:
    """The score sheet as plain data (the ``score`` block of the JSON output).

    Numbers stay :class:`~decimal.Decimal`; ``formula`` is in English (stable for
    tools), ``explanation`` is the same in ``lang``, as are reasons for not scoring.
    """
    indicators = []
    for s in sheet.indicators:
        ind = s.indicator
        indicators.append(
            {
                "about": s.key,
                "path": s.path,
                "name": ind.name if ind is not None else None,
                "tier": s.tier,
                "target": _text(ind.target) if ind is not None else None,
                "actual": _text(ind.actual) if ind is not None else None,
                "weight": s.weight,
                "stated": s.stated,
                "recomputed": s.recomputed,
                "method": s.method,
                "met": s.met,
                "formula": s.formula,
                "explanation": s.explanation(lang),
                "reason": s.reason_text(lang),
            }
        )
    tiers = [
        {
            "tier": t.tier,
            "weight": t.weight,
            "stated": t.stated,
            "stated_sum": t.stated_sum,
            "recomputed": t.recomputed,
            "partial": t.partial,
        }
        for t in sheet.tiers
    ]
    ex = sheet.execution
    total = sheet.total
    grade = sheet.grade
    return {
        "profile": sheet.profile.id,
        "indicators": indicators,
        "tiers": tiers,
        "execution": {
            "weight": ex.weight,
            "rate": ex.rate.quantize(Decimal("0.01")) if ex.rate is not None else None,
            "stated": ex.stated,
            "recomputed": ex.recomputed,
            "formula": ex.formula,
            "explanation": ex.explanation(lang),
            "reason": ex.reason_text(lang),
        },
        "total": {
            "stated": total.stated,
            "stated_sum": total.stated_sum,
            "recomputed": total.recomputed,
            "partial": total.partial,
            "weights": total.weights,
            "expected_weights": total.expected_weights,
        },
        "grade": {
            "stated": grade.stated,
            "of_stated_score": _band(grade.of_stated_score),
            "recomputed": _band(grade.of_recomputed),
        },
    }
