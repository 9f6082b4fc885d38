"""The kinds' shared readings of the indicators agree with the public pieces they stand for.

``_indicators.verdicts`` sorts the score sheet's rows with the comparisons of
:class:`~perfrules.scoring.indicatorscore.IndicatorScore` (``in_range``,
``in_band``, ``matches``, ``Op.upward``) written inline for speed, and
``_indicators.reading`` reads the cells with the scorer's ``read_value``.
Over the kinds' fixture documents (which reach every branch), the examples
and generated reports (valid ones and ones carrying a mistake) each list is
what the public properties give, so the two cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.rules.test_agreement import GENERATE
from tests.rules.test_kinds import _read as read_case
from tests.strategies import document_texts

import perfrules
from perfrules.document.loader import from_data
from perfrules.document.model import Report
from perfrules.document.values import Comparison, Quantity, Unparsed
from perfrules.rules.context import Context
from perfrules.rules.kinds._indicators import UNCOMPARABLE, UNJUDGED, reading, verdicts
from perfrules.scoring.cells import read_value
from perfrules.scoring.profiles import resolve_profile

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


HERE = Path(__file__).resolve().parent
FIXTURES = sorted(HERE.glob("*/*.toml"))
EXAMPLES = sorted((HERE.parents[2] / "examples").glob("*.toml"))


def _context(text: str, format: str = "toml") -> Context:
    return _of(perfrules.loads(text, format))


def _of(report: Report) -> Context:
    return Context(report, resolve_profile(report, None))


def _expected_verdicts(ctx: Context) -> list[list[Any]]:
    rows = ctx.sheet.indicators
    in_range = [s for s in rows if s.stated is not None and s.in_range is not False]
    return [
        [s for s in rows if s.reason in UNCOMPARABLE],
        [
            s
            for s in rows
            if s.reason in UNJUDGED
            and s.weight is not None
            and s.weight > 0
            and s.stated == s.weight
        ],
        [s for s in rows if s.met is False],
        [
            s
            for s in rows
            if s.ratio is not None and (s.op.upward if s.op is not None else s.method == "ge")
        ],
        [s for s in rows if s.in_range is False],
        [s for s in in_range if s.band is None and s.matches is False],
        [s for s in in_range if s.band is not None and s.in_band is False],
    ]


def _expected_reading(ctx: Context) -> list[list[Any]]:
    missing, unreadable, units, rated = [], [], [], []
    for i, ind in enumerate(ctx.report.indicators):
        t = read_value(ind.target, ind.actual, target=True)
        a = read_value(ind.actual, ind.target, target=False)
        if t is None or a is None:
            missing.append((i, ind, t is None, a is None))
        for field, value in (("target", t), ("actual", a)):
            if isinstance(value, Unparsed):
                unreadable.append((i, ind, field, value))
        m = read_value(ind.midyear, None, target=False)
        if isinstance(m, Unparsed):
            unreadable.append((i, ind, "midyear", m))
        target, actual = ind.target, ind.actual
        if isinstance(target, (Comparison, Quantity)) and isinstance(
            actual, (Comparison, Quantity)
        ):
            if target.unit != actual.unit:
                units.append((i, ind))
            if ind.completion_rate is not None:
                rated.append((i, ind))
    return [missing, unreadable, units, rated]


def _agree(ctx: Context) -> None:
    assert [list(v) for v in verdicts(ctx)] == _expected_verdicts(ctx)
    assert [list(v) for v in reading(ctx)] == _expected_reading(ctx)


@SETTINGS
@given(document_texts())
def test_valid_documents(pair: tuple[str, str]) -> None:
    _agree(_context(*pair))


@SETTINGS
@given(st.integers(min_value=0, max_value=10**6))
def test_generated_reports_with_a_mistake(seed: int) -> None:
    text, _ = GENERATE.document_text(seed, mistake_rate=1.0)
    _agree(_context(text))


@pytest.mark.parametrize("path", FIXTURES + EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixtures_and_examples(path: Path) -> None:
    if path in EXAMPLES:
        _agree(_of(perfrules.load(path)))
        return
    _agree(_of(from_data(read_case(path)["document"])))
