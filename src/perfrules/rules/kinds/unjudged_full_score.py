"""The unjudged-full-score check: full marks self-assessed on an indicator whose values cannot be judged.

Full marks say the target was met; when the scorer cannot tell whether it
was — the target and actual cannot be compared (``mismatch``, ``no-date``,
``units``), or one of them is unreadable or not filled in — nothing in the
report supports them. The hit is about the score; the values' own problem
is another rule's finding (indicator_uncomparable, indicator_units,
indicator_unreadable, indicator_values). Full marks are a stated score equal
to a positive weight; a partial score on such a row is the evaluator's
judgment and not a hit, a score above the weight is ``indicator_score_range``'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from perfrules.messages import Message
from perfrules.rules.context import Context
from perfrules.rules.findings import Hit
from perfrules.rules.kinds import NoParams
from perfrules.rules.kinds._indicators import UNJUDGED, verdicts

Params = NoParams  # this kind takes no parameters

#: The scorer's reasons that leave met or missed unknown because of the values.
REASONS = UNJUDGED


@attrs.frozen(eq=False, repr=False, slots=False)
class Args:
    """What a hit's message may name."""

    name: str
    score: Decimal
    #: Why the values cannot be judged, in the scorer's words (``IndicatorScore.reason_message``).
    why: Message | str


def check(ctx: Context, params: Params) -> Iterator[Hit]:
    indicators = ctx.report.indicators
    # the rows with one of REASONS and a stated score equal to a positive weight
    for s in verdicts(ctx).unjudged_full:
        assert s.stated is not None
        ind = indicators[s.index]
        yield Hit(
            ind.key,
            f"indicators[{s.index}].score",
            found=s.stated,
            args=Args(
                name=ind.name,
                score=s.stated,
                why=s.reason_message() or "",
            ),
        )
