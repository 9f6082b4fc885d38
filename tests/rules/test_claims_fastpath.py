"""The claim kinds' and title-year's shortcuts decide exactly what their full paths decide (issue 13).

``_claims._repeats`` skips :func:`~perfrules.rules.kinds._claims.agree` and
:func:`~perfrules.rules.kinds._claims.claim_gap` for a claim that is its
figure's very number; ``title_year`` skips :func:`years_in` for a title
whose only 年 follows the report's year. Over generated figures, claims and
titles, the shortcut never says something the full path does not.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import perfrules
from perfrules.document.figures import Money, Percent, exponent_of
from perfrules.document.valueparse import years_in
from perfrules.document.values import Approx, Comparison, Op, Quantity
from perfrules.rules.context import Context
from perfrules.rules.kinds import _claims, title_year
from perfrules.scoring.profiles import load_profile

_REPORT = perfrules.loads('[report]\ndepartment = "某局"\nyear = 2023\n')
_CTX = Context(_REPORT, load_profile("national", 2023))
_numbers = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)
_units = st.sampled_from(["", "元", "万元", "亿元", "%", "人"])
_claims_values = st.one_of(
    st.builds(Quantity, _numbers, _units, st.sampled_from([None, Approx.ABOUT, Approx.MORE])),
    st.builds(Comparison, st.sampled_from(list(Op)), _numbers, _units),
)


def _money(n: Decimal) -> Money:
    exp = exponent_of(n)
    return Money(n, exp, exp >= 0, "万元")


_stated = st.one_of(
    _numbers.map(_money),
    _numbers.map(Percent),
    _numbers,
    st.integers(-5, 50),
    _claims_values,
)


@settings(max_examples=400, deadline=None)
@given(_stated, _claims_values, st.booleans())
def test_a_repeated_figure_agrees_as_written(stated: object, claim: object, same: bool) -> None:
    if same and isinstance(claim, Quantity) and not isinstance(stated, (Comparison, Quantity)):
        number = stated.amount if isinstance(stated, Money) else getattr(stated, "value", stated)
        claim = Quantity(Decimal(number), claim.unit if not isinstance(stated, Money) else "万元")
    if _claims._repeats(_CTX, stated, claim):  # type: ignore[arg-type]
        assert _claims.agree(_CTX, stated, claim)  # type: ignore[arg-type]
        gap = _claims.claim_gap(_CTX, stated, claim)  # type: ignore[arg-type]
        assert gap is None or gap[0].agrees


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([*"20232２０２３二〇三 年度(局", "\u200b", "\u3000"]), max_size=12),
    st.integers(2015, 2030),
)
def test_the_title_shortcut_finds_what_years_in_finds(chars: list[str], year: int) -> None:
    title = "".join(chars)
    report = perfrules.loads(f'[report]\ndepartment = "某局"\nyear = {year}\ntitle = "{title}"\n')
    ctx = Context(report, _CTX.profile)
    found = [(h.found, h.expected) for h in title_year.check(ctx, title_year.Params())]
    wrong = [y for y in years_in(title) if y != year][:1] if title else []
    assert found == [(str(y), str(year)) for y in wrong]
