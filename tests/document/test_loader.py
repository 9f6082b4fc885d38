"""The report model and loader: every key of the spec arrives typed, precise, and round-trips."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import perfrules
from perfrules import DocumentError, LineKind, Op, ReportKind
from perfrules.document.values import Comparison, Qualitative, Quantity


def test_spec_example_loads_every_key_into_its_field(clean_text: str) -> None:
    r = perfrules.loads(clean_text)
    info = r.report
    assert (info.kind, info.department, info.year) == (ReportKind.DEPARTMENT, "某区档案馆", 2023)
    assert info.title == "2023年度部门整体支出绩效自评报告"
    assert info.filled_on == datetime.date(2024, 4, 12)
    assert info.money_unit == "万元"
    b = r.budget
    assert b is not None and b.initial is not None and b.adjustment is not None
    assert str(b.initial.amount) == "120.00" and b.initial.exponent == -2 and not b.initial.exact
    assert b.adjustment.amount == Decimal("-8.00")
    assert b.adjusted is not None and str(b.adjusted.amount) == "112.00"
    assert b.executed is not None and str(b.executed.amount) == "106.40"
    assert b.execution_rate is not None and str(b.execution_rate.value) == "95.00"
    assert b.execution_rate.exponent == -2
    assert str(b.execution_score) == "9.5"
    assert [ln.id for ln in r.lines] == ["basic", "personnel", "public", "digitize"]
    public = r.lines[2]
    assert public.parent == "basic" and public.kind is LineKind.PUBLIC
    assert (
        public.executed is not None and str(public.executed.amount) == "8.20"
    )  # two decimals kept
    assert public.share is not None and str(public.share.value) == "8.33"
    assert r.lines[3].budget is not None and str(r.lines[3].budget.amount) == "10.00"
    first = r.indicators[0]
    assert (first.goal, first.tier1, first.tier2, first.name) == (
        "档案数字化",
        "产出指标",
        "数量指标",
        "档案数字化页数",
    )
    assert first.target == Comparison(Op.GE, Decimal(50), "万页")
    assert first.target.raw == "≥50万页"
    assert first.actual == Quantity(Decimal(42), "万页")
    assert first.weight == 30 and str(first.score) == "25.2"
    assert (
        first.deviation_reason == "扫描设备采购延迟两个月"
        and first.improvement == "提前开展设备采购"
    )
    assert r.indicators[1].target == Comparison(Op.GE, Decimal(2000), "人次")
    assert isinstance(r.indicators[2].target, Qualitative) and r.indicators[2].target.word == "是"
    assert (
        r.evaluation is not None
        and str(r.evaluation.score) == "94.7"
        and r.evaluation.grade == "优"
    )
    assert r.narrative is not None and r.narrative.problems == "预算编制不够精细。"
    assert r.claims[0].about == "indicator:档案数字化页数.target"
    assert r.claims[0].value == Comparison(Op.GE, Decimal(50), "万页")  # 50万页以上 means ≥50万页


def test_money_strings_normalise_to_the_report_unit_and_keep_precision() -> None:
    text = """
[report]
department = "x"
year = 2024
[budget]
executed = "1.12元"
initial = "6,306,545.19元"
adjusted = "95.81万元"
carryover = 10
"""
    b = perfrules.loads(text).budget
    assert b is not None and b.executed is not None and b.initial is not None
    assert (
        b.executed.amount == Decimal("0.000112")
        and b.executed.exponent == -6
        and b.executed.unit == "元"
    )
    assert b.initial.amount == Decimal("630.654519") and b.initial.raw == "6,306,545.19元"
    assert b.carryover is not None and b.carryover.exact and b.carryover.bounds() == (10, 10)
    assert b.adjusted is not None and b.adjusted.bounds() == (Decimal("95.805"), Decimal("95.815"))


def test_json_round_trip(clean_text: str) -> None:
    r = perfrules.loads(clean_text)
    again = perfrules.loads(perfrules.dumps(r), "json")
    assert again == r
    assert again.lines[2].executed is not None and str(again.lines[2].executed.amount) == "8.20"


def _problems(text: str, fmt: str = "toml") -> list[tuple[str, str, int | None]]:
    with pytest.raises(DocumentError) as info:
        perfrules.loads(text, fmt, file="doc.toml")
    return [(p.path, p.code, p.line) for p in info.value.problems]


def test_every_problem_is_reported_with_path_and_line(clean_text: str) -> None:
    bad = (
        clean_text.replace("year = 2023", "year = 2023\nyaer = 2023")
        .replace("weight = 20", 'weight = "20"')
        .replace("initial = 120.00", 'initial = "120美元"')
    )
    found = _problems(bad)
    lines = bad.splitlines()
    assert ("report.yaer", "unknown-key", lines.index("yaer = 2023") + 1) in found
    assert ("budget.initial", "money-unit", lines.index('initial = "120美元"') + 1) in found
    assert ("indicators[1].weight", "type", lines.index('weight = "20"') + 1) in found


def test_wrong_format_and_money_unit_are_refused() -> None:
    found = _problems('format = 2\n[report]\ndepartment = "x"\nyear = 2023\nmoney_unit = "美元"\n')
    assert ("format", "format-version", 1) in found
    assert ("report.money_unit", "choice", 5) in found


def test_missing_required_keys_and_structure_errors() -> None:
    assert _problems("[report]\nyear = 2023\n") == [("report.department", "missing-key", 1)]
    head = '[report]\ndepartment = "x"\nyear = 2023\n'
    found = _problems(head + '[[lines]]\nid = "a"\nlabel = "A"\nparent = "zz"\n')
    assert found == [("lines[0].parent", "unknown-parent", 7)]
    loop = '[[lines]]\nid = "a"\nlabel = "A"\nparent = "b"\n[[lines]]\nid = "b"\nlabel = "B"\nparent = "a"\n'
    assert _problems(head + loop)[0][1] == "parent-cycle"
    dup = '[[lines]]\nid = "a"\nlabel = "A"\n[[lines]]\nid = "a"\nlabel = "B"\n'
    assert _problems(head + dup) == [("lines[1].id", "duplicate-id", 8)]


def test_syntax_errors_carry_the_line() -> None:
    assert _problems('[report]\ndepartment = "x"\nyear = = 3\n') == [("", "syntax", 3)]
    assert _problems('{"report": {"department": "x",\n "year": }}', "json")[0][1:] == ("syntax", 2)


def test_json_lines_and_nan() -> None:
    text = '{\n "report": {\n  "department": "x",\n  "year": "2023"\n }\n}'
    assert _problems(text, "json") == [("report.year", "type", 4)]
    assert (
        _problems(
            '{"report": {"department": "x", "year": 2023}, "budget": {"initial": NaN}}', "json"
        )[0][1]
        == "number-invalid"
    )


def test_unknown_input_format() -> None:
    with pytest.raises(DocumentError):
        perfrules.loads("", "yaml")


def test_messages_in_both_languages(clean_text: str) -> None:
    with pytest.raises(DocumentError) as info:
        perfrules.loads(clean_text.replace("year = 2023", "year = 2023\nfoo = 1"), file="a.toml")
    n = clean_text.splitlines().index("year = 2023") + 2
    assert info.value.render("zh") == f"a.toml:{n}: report.foo: 未知的键 foo"
    assert info.value.render("en") == f"a.toml:{n}: report.foo: unknown key foo"


# --- issue 14, item 8b: a figure with a unit that is not money; a wrong shape -----------------


@pytest.mark.parametrize("written", ['"12人"', '"12个"', '"12%"', '"12美元"'])
def test_money_with_a_unit_that_is_not_money_is_a_located_error(
    clean_text: str, written: str
) -> None:
    bad = clean_text.replace("initial = 120.00", f"initial = {written}")
    line = bad.splitlines().index(f"initial = {written}") + 1
    with pytest.raises(DocumentError) as info:
        perfrules.loads(bad, file="reports/a.toml")
    (problem,) = info.value.problems
    assert (problem.code, problem.path, problem.file, problem.line) == (
        "money-unit",
        "budget.initial",
        "reports/a.toml",
        line,
    )
    assert problem.message("en").endswith("is not an amount of money (the unit must be 元 or 万元)")
    assert "不是货币金额" in problem.message("zh")


@pytest.mark.parametrize(("written", "amount"), [('"12万元"', "12"), ('"1,200,000元"', "120")])
def test_money_units_stay_accepted_and_converted(
    clean_text: str, written: str, amount: str
) -> None:
    report = perfrules.loads(clean_text.replace("initial = 120.00", f"initial = {written}"))
    assert report.budget is not None and report.budget.initial is not None
    assert report.budget.initial.amount == Decimal(amount)


@pytest.mark.parametrize(
    ("key", "written", "expected"),
    [
        ("lines", '"ab"', "array"),
        ("lines", "5", "array"),
        ("indicators", "{ a = 1 }", "array"),
        ("claims", "true", "array"),
        ("lines", '["ab"]', "table"),
    ],
)
def test_a_wrong_type_where_a_table_or_array_is_expected(
    key: str, written: str, expected: str
) -> None:
    text = f'format = 1\n{key} = {written}\n[report]\ndepartment = "x"\nyear = 2023\n'
    found = _problems(text)
    path = key if expected == "array" else f"{key}[0]"
    assert found == [(path, "type", 2)]
    with pytest.raises(DocumentError) as info:
        perfrules.loads(text, file="doc.toml")
    assert f"wrong type: expected {expected}" in info.value.render("en")
    assert "类型错误" in info.value.render("zh")


def test_a_table_written_as_text() -> None:
    found = _problems('format = 1\nbudget = "ab"\n[report]\ndepartment = "x"\nyear = 2023\n')
    assert found == [("budget", "type", 2)]
