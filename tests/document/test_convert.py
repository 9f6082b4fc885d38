"""Strict structuring of report documents (document/convert.py), through ``from_data`` and ``loads``.

A string is never taken for a number nor a number for a string, a boolean is
not an integer, an unknown key is refused where it stands, figures are finite
and of a sane size (below 10**15, at most 12 decimal places in the report's
unit), and money keeps its written unit and precision while its amount is
normalised to the report's ``money_unit``. Every refusal is a problem with a
code and a key path; nothing else escapes.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

import perfrules
from perfrules.document.loader import from_data
from perfrules.errors import DocumentError

D = Decimal
HEAD = {"department": "某区档案馆", "year": 2023}


def problems(doc: Any) -> list[tuple[str, str]]:
    """(code, path) of every problem ``from_data`` finds in ``doc`` (fails if it structures)."""
    with pytest.raises(DocumentError) as info:
        from_data(doc)
    return [(p.code, p.path) for p in info.value.problems]


def with_budget(**budget: Any) -> dict[str, Any]:
    return {"report": HEAD, "budget": budget}


def with_indicator(**indicator: Any) -> dict[str, Any]:
    return {"report": HEAD, "indicators": [{"name": "培训人数", **indicator}]}


# --- no silent coercion --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc", "path", "found"),
    [
        pytest.param({"report": {**HEAD, "year": "2023"}}, "report.year", "string", id="year-text"),
        pytest.param({"report": {**HEAD, "year": True}}, "report.year", "boolean", id="year-bool"),
        pytest.param(
            {"report": {**HEAD, "year": D("2023.0")}}, "report.year", "number", id="year-decimal"
        ),
        pytest.param(
            {"report": {**HEAD, "department": 3}}, "report.department", "number", id="dept"
        ),
        pytest.param(
            with_indicator(weight="10"), "indicators[0].weight", "string", id="weight-text"
        ),
        pytest.param(
            with_indicator(weight=True), "indicators[0].weight", "boolean", id="weight-bool"
        ),
        pytest.param(with_indicator(score=[10]), "indicators[0].score", "array", id="score-array"),
        pytest.param(with_budget(initial=False), "budget.initial", "boolean", id="money-bool"),
        pytest.param(
            with_budget(execution_weight="20"), "budget.execution_weight", "string", id="w"
        ),
        pytest.param(
            {"report": HEAD, "evaluation": {"grade": 1}}, "evaluation.grade", "number", id="grade"
        ),
        pytest.param(
            {"report": HEAD, "lines": [{"id": 1, "label": "基本支出"}]},
            "lines[0].id",
            "number",
            id="id",
        ),
    ],
)
def test_no_type_is_coerced(doc: dict[str, Any], path: str, found: str) -> None:
    """A value of the wrong type is a type problem at its path, naming what was found."""
    with pytest.raises(DocumentError) as info:
        from_data(doc)
    (problem,) = info.value.problems
    assert (problem.code, problem.path) == ("type", path)
    assert problem.params["found"] == found


def test_booleans_are_not_integers_even_for_format() -> None:
    """``format = true`` is neither the integer 1 nor a valid version."""
    assert sorted(problems({"format": True, "report": HEAD})) == [
        ("format-version", "format"),
        ("type", "format"),
    ]


def test_every_wrong_value_is_reported_at_once() -> None:
    """Problems in several tables and rows come together, each at its own path."""
    doc = {
        "report": {**HEAD, "year": "二〇二三"},
        "budget": {"initial": "很多", "execution_rate": "92.84元"},
        "indicators": [{"name": "a"}, {"name": "b", "weight": "5"}],
    }
    assert sorted(problems(doc)) == [
        ("money-unit", "budget.initial"),
        ("percent", "budget.execution_rate"),
        ("type", "indicators[1].weight"),
        ("type", "report.year"),
    ]


# --- unknown and missing keys ----------------------------------------------------------------


def test_unknown_keys_are_refused_where_they_stand() -> None:
    doc = {
        "report": {**HEAD, "titel": "2023年度报告"},
        "budjet": {},
        "indicators": [{"name": "a", "traget": "≥1篇"}],
        "claims": [{"about": "budget.executed", "value": 1, "sorce": "二、"}],
    }
    assert sorted(problems(doc)) == [
        ("unknown-key", "budjet"),
        ("unknown-key", "claims[0].sorce"),
        ("unknown-key", "indicators[0].traget"),
        ("unknown-key", "report.titel"),
    ]


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        ({"budget": {}}, "report"),
        ({"report": {"year": 2023}}, "report.department"),
        ({"report": HEAD, "indicators": [{"target": "≥1篇"}]}, "indicators[0].name"),
        ({"report": HEAD, "lines": [{"id": "a"}]}, "lines[0].label"),
        ({"report": HEAD, "waivers": [{"reason": "原表如此"}]}, "waivers[0].rule"),
        ({"report": HEAD, "claims": [{"value": 1}]}, "claims[0].about"),
    ],
)
def test_required_keys(doc: dict[str, Any], path: str) -> None:
    assert problems(doc) == [("missing-key", path)]


# --- finite, sane figures ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc", "code", "path"),
    [
        (with_budget(initial=D("NaN")), "number-invalid", "budget.initial"),
        (with_budget(execution_rate=D("-Infinity")), "number-invalid", "budget.execution_rate"),
        (with_indicator(weight=D("Infinity")), "number-invalid", "indicators[0].weight"),
        (with_budget(initial=D("1E+15")), "number-range", "budget.initial"),
        (with_budget(initial=10**15), "number-range", "budget.initial"),
        (with_budget(initial=D("0.0000000000001")), "number-range", "budget.initial"),
        # 9 places in 元 are 13 in a 万元 report
        (with_budget(initial="0.000000001元"), "number-range", "budget.initial"),
        (with_indicator(target=10**20), "number-range", "indicators[0].target"),
        (with_indicator(actual="≥1" + "0" * 40 + "篇"), "number-range", "indicators[0].actual"),
        (
            with_indicator(target={"value": D("1E+16"), "unit": "篇"}),
            "number-range",
            "indicators[0].target",
        ),
    ],
)
def test_figures_must_be_finite_and_sane(doc: dict[str, Any], code: str, path: str) -> None:
    assert problems(doc) == [(code, path)]


@pytest.mark.parametrize(
    "doc",
    [
        with_budget(initial=D("999999999999999")),  # 15 digits
        with_budget(initial=D("0.000000000001")),  # 12 places
        with_budget(initial="0.00000001元"),  # 8 places in 元: 12 in 万元
        with_budget(adjustment=D("-0.00"), initial=D("-0")),
    ],
)
def test_figures_at_the_limits_are_accepted(doc: dict[str, Any]) -> None:
    assert from_data(doc).budget is not None


# --- money and percentages -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "written", "amount", "exponent", "exact", "written_unit"),
    [
        ("万元", D("12.95"), D("12.95"), -2, False, "万元"),
        ("万元", D("10"), D("10"), 0, True, "万元"),
        ("万元", "1.12元", D("0.000112"), -6, False, "元"),
        ("万元", "6,306,545.19元", D("630.654519"), -6, False, "元"),
        ("万元", "3亿元", D("30000"), 4, True, "亿元"),
        ("万元", "12.9500万元", D("12.95"), -4, False, "万元"),
        ("万元", "－6.35万元", D("-6.35"), -2, False, "万元"),
        ("元", "95.81万元", D("958100"), 2, False, "万元"),
        ("元", D("5558080.78"), D("5558080.78"), -2, False, "元"),
        ("元", "32,260", D("32260"), 0, True, "元"),
    ],
)
def test_money_is_normalised_to_the_report_unit(
    unit: str, written: Any, amount: Decimal, exponent: int, exact: bool, written_unit: str
) -> None:
    """The amount is in the report's unit; the exponent is of the last written digit in it."""
    report = from_data({"report": {**HEAD, "money_unit": unit}, "budget": {"initial": written}})
    assert report.budget is not None and report.budget.initial is not None
    money = report.budget.initial
    assert (money.amount, money.exponent, money.exact, money.unit) == (
        amount,
        exponent,
        exact,
        written_unit,
    )
    assert money.raw == (written if isinstance(written, str) else None)


@pytest.mark.parametrize("written", ["3美元", "很多", "1,23元", "万元", "", "≥12万元"])
def test_money_in_no_money_unit_is_refused(written: str) -> None:
    assert problems(with_budget(executed=written)) == [("money-unit", "budget.executed")]


def test_report_money_unit_is_one_of_yuan_and_wanyuan() -> None:
    """A figure may be written in 亿元, a report's unit may not be (bare numbers would be 亿元)."""
    assert problems({"report": {**HEAD, "money_unit": "亿元"}}) == [("choice", "report.money_unit")]
    assert sorted(problems({"report": {**HEAD, "money_unit": 10000}})) == [
        ("choice", "report.money_unit"),
        ("type", "report.money_unit"),
    ]


@pytest.mark.parametrize(
    ("written", "value", "bounds"),
    [
        (D("92.84"), D("92.84"), (D("92.835"), D("92.845"))),
        ("92.84%", D("92.84"), (D("92.835"), D("92.845"))),
        ("９２．８４％", D("92.84"), (D("92.835"), D("92.845"))),
        (D("86"), D("86"), (D("85.5"), D("86.5"))),  # a whole percent keeps its precision
        (D("92.840"), D("92.840"), (D("92.8395"), D("92.8405"))),
    ],
)
def test_percentages_keep_their_written_precision(
    written: Any, value: Decimal, bounds: tuple[Decimal, Decimal]
) -> None:
    report = from_data(with_budget(execution_rate=written))
    assert report.budget is not None and report.budget.execution_rate is not None
    rate = report.budget.execution_rate
    assert rate.value == value and rate.bounds() == bounds


@pytest.mark.parametrize("written", ["92.84元", "九十", "约92%"])
def test_percent_that_is_not_a_percentage(written: str) -> None:
    assert problems(with_budget(execution_rate=written)) == [("percent", "budget.execution_rate")]


# --- dates, choices, tables -------------------------------------------------------------------


def test_dates_are_dates_or_iso_strings() -> None:
    as_date = from_data({"report": {**HEAD, "filled_on": datetime.date(2024, 4, 12)}})
    as_text = perfrules.loads(
        '{"report": {"department": "某区档案馆", "year": 2023, "filled_on": "2024-04-12"}}', "json"
    )
    assert as_date.report.filled_on == as_text.report.filled_on == datetime.date(2024, 4, 12)
    assert problems({"report": {**HEAD, "filled_on": "2024-13-01"}}) == [
        ("date", "report.filled_on")
    ]
    assert problems({"report": {**HEAD, "filled_on": "2024.4.15"}}) == [
        ("date", "report.filled_on")
    ]
    assert problems({"report": {**HEAD, "filled_on": datetime.datetime(2024, 4, 12, 8)}}) == [
        ("type", "report.filled_on")
    ]


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        ({"report": {**HEAD, "kind": "dept"}}, "report.kind"),
        (
            {"report": HEAD, "lines": [{"id": "a", "label": "基本支出", "kind": "basics"}]},
            "lines[0].kind",
        ),
    ],
)
def test_kinds_are_choices(doc: dict[str, Any], path: str) -> None:
    with pytest.raises(DocumentError) as info:
        from_data(doc)
    (problem,) = info.value.problems
    assert (problem.code, problem.path) == ("choice", path)
    assert problem.params["found"] in ("dept", "basics")


def test_tier_scores_are_a_table_of_numbers() -> None:
    report = from_data({"report": HEAD, "evaluation": {"tier_scores": {"产出指标": D("45.20")}}})
    assert report.evaluation is not None
    assert [(t.tier, t.score) for t in report.evaluation.tier_scores] == [("产出指标", D("45.20"))]
    assert problems({"report": HEAD, "evaluation": {"tier_scores": [30]}}) == [
        ("type", "evaluation.tier_scores")
    ]
    assert problems({"report": HEAD, "evaluation": {"tier_scores": {"产出指标": "30"}}}) == [
        ("type", "evaluation.tier_scores")
    ]


def test_values_written_as_tables() -> None:
    """``{op, value, unit}`` needs a numeric value and a known operator."""
    report = from_data(with_indicator(target={"op": ">=", "value": 12, "unit": "篇"}))
    target = report.indicators[0].target
    assert isinstance(target, perfrules.Comparison)
    assert (target.op, target.value, target.unit) == (perfrules.Op.GE, D(12), "篇")
    assert problems(with_indicator(target={"op": ">=", "unit": "篇"})) == [
        ("invalid", "indicators[0].target")
    ]
    assert problems(with_indicator(target={"op": "~", "value": 1})) == [
        ("invalid", "indicators[0].target")
    ]
    assert problems(with_indicator(target={"value": "12"})) == [("type", "indicators[0].target")]


def test_claim_values_are_booleans_or_values() -> None:
    report = from_data(
        {
            "report": HEAD,
            "claims": [
                {"about": "all_targets_met", "value": True},
                {"about": "budget.executed", "value": D("85.58")},
                {"about": "indicator:a.target", "value": "50万页以上"},
            ],
        }
    )
    values = [c.value for c in report.claims]
    assert values[0] is True
    assert isinstance(values[1], perfrules.Quantity) and values[1].value == D("85.58")
    assert isinstance(values[2], perfrules.Comparison) and values[2].unit == "万页"
    assert problems({"report": HEAD, "claims": [{"about": "x", "value": [1]}]}) == [
        ("type", "claims[0].value")
    ]


def test_structured_then_unstructured_gives_the_document_back() -> None:
    """``to_data`` writes money and percentages as they were written (text stays text, defaults go)."""
    doc = {
        "format": 1,
        "report": HEAD,
        "budget": {"initial": "1.12元", "executed": D("10"), "execution_rate": "92.84%"},
        "indicators": [{"name": "档案数字化页数", "target": "≥50万页", "weight": D("30")}],
    }
    assert perfrules.to_data(from_data(doc)) == doc
