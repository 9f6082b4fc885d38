"""The expression language: what it accepts, what it computes, and what it refuses."""

from __future__ import annotations

import builtins
import datetime
import os
import re
import subprocess
import time
import tracemalloc
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfrules.document import model
from perfrules.document.figures import Money, Percent
from perfrules.document.values import Comparison, Op, Quantity, Unparsed
from perfrules.errors import ExpressionError
from perfrules.rules.expr import (
    FUNCTIONS,
    LIMITS,
    Expression,
    ExpressionEvalError,
    compile_expression,
    model_attributes,
)

D = Decimal
ATTRS = model_attributes()
NAMES = ("x", "y", "z", "s", "items", "budget", "indicators", "lines", "report", "ind", "sentinel")
DATA = Path(__file__).resolve().parents[1] / "data" / "hostile_expressions.toml"


def env(**values: object) -> dict[str, object]:
    """An environment binding every name in NAMES (to None unless given)."""
    base: dict[str, object] = dict.fromkeys(NAMES)
    base.update(values)
    return base


def ev(source: str, **values: object) -> object:
    """Compile ``source`` over NAMES and evaluate it with ``values``."""
    return compile_expression(source, NAMES, ATTRS, where="test").evaluate(env(**values))


def rejected(source: str, names: tuple[str, ...] = NAMES) -> ExpressionError:
    with pytest.raises(ExpressionError) as info:
        compile_expression(source, names, ATTRS, where="rules[0].expression")
    return info.value


# --- the hostile catalogue -------------------------------------------------------------------


def _cases() -> list[Any]:
    data = tomli.loads(DATA.read_text(encoding="utf-8"))
    cases = []
    for i, case in enumerate(data["case"]):
        text = case["expr"] if "expr" in case else "".join(t * n for t, n in case["parts"])
        label = f"{i:02d}-{text[:40]!r}"
        cases.append(pytest.param(text, case["why"], case["expect"], id=label))
    return cases


HOSTILE = _cases()


def test_catalogue_is_large_enough() -> None:
    assert len(HOSTILE) >= 40


class _Sentinel:
    """A callable bound as ``sentinel``: calling it (or anything reaching it) records the call."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args: object, **kwargs: object) -> None:
        self.calls += 1


@pytest.fixture
def tripwires(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record any call of open/os.system/subprocess while the test runs."""
    calls: list[str] = []
    real_open = builtins.open

    def fake_open(*args: Any, **kwargs: Any) -> Any:
        calls.append(f"open{args!r}")
        return real_open(*args, **kwargs)

    def fake_system(*args: Any, **kwargs: Any) -> int:
        calls.append(f"os.system{args!r}")
        return 1

    def fake_popen(*args: Any, **kwargs: Any) -> Any:
        calls.append(f"Popen{args!r}")
        raise OSError("blocked")

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "system", fake_system)
    monkeypatch.setattr(subprocess, "Popen", fake_popen)
    yield calls


@pytest.mark.parametrize(("text", "why", "expect"), HOSTILE)
def test_hostile_expression_is_rejected_at_compile_time(
    text: str, why: str, expect: str, tmp_path: Path, tripwires: list[str]
) -> None:
    sentinel_file = tmp_path / "pwned"
    text = text.replace("SENTINEL_FILE", str(sentinel_file))
    sentinel = _Sentinel()
    started = time.perf_counter()
    with pytest.raises(ExpressionError) as info:
        compile_expression(text, NAMES, ATTRS, where="rules[7].expression")
    elapsed = time.perf_counter() - started
    problem = info.value.problems[0]
    assert problem.code == "invalid"
    assert problem.path == "rules[7].expression"
    en, zh = problem.message("en"), problem.message("zh")
    assert expect.lower() in en.lower(), (why, en)
    assert zh and zh != en
    assert "Traceback" not in en
    # Nothing ran: no sentinel call, no file, no process, and compiling was quick.
    assert sentinel.calls == 0
    assert not sentinel_file.exists()
    assert tripwires == []
    assert elapsed < 1.0


def test_compiling_never_runs_the_expression() -> None:
    # Even an accepted expression is only compiled: a sentinel bound to a name is never called.
    sentinel = _Sentinel()
    expr = compile_expression("defined(x) and len(s) > 0", NAMES, ATTRS)
    assert sentinel.calls == 0
    assert expr.evaluate(env(x=sentinel, s="a")) is True
    assert sentinel.calls == 0


# --- literals and Decimal semantics ------------------------------------------------------------


def test_decimal_not_float() -> None:
    assert ev("0.1 + 0.2 == 0.3") is True
    result = ev("0.1 + 0.2")
    assert type(result) is Decimal and result == D("0.3")
    assert type(ev("1 / 3")) is Decimal
    assert type(ev("True / True")) is Decimal
    assert ev("1 / 4") == D("0.25")


def test_literals_keep_their_written_exponent() -> None:
    value = ev("1.50")
    assert isinstance(value, Decimal) and value.as_tuple().exponent == -2
    assert str(ev("1e3")) == "1E+3"
    assert ev("1_000") == D(1000)
    assert ev("0x10") == D(16)
    assert ev(".5") == D("0.5")


def test_other_literals() -> None:
    assert ev("'无'") == "无"
    assert ev('"a" "b"') == "ab"
    assert ev("True") is True and ev("False") is False and ev("None") is None
    assert ev("[1, 'a', None]") == [D(1), "a", None]
    assert ev("(1, 2)") == (D(1), D(2))
    assert ev("[]") == []


# --- operators ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 + 2", D(3)),
        ("5 - 7", D(-2)),
        ("2.5 * 4", D("10.0")),
        ("7 / 2", D("3.5")),
        ("7 % 3", D(1)),
        ("-7 % 3", D(-1)),  # Decimal remainder: the sign of the dividend
        ("-x", D(-2)),
        ("+x", D(2)),
        ("x ** 2", D(4)),
        ("x ** -1", D("0.5")),
        ("x ** 0", D(1)),
        ("2 ** 10", D(1024)),
        ("(1 + 2) * 3", D(9)),
        ("'a' + 'b'", "ab"),
        ("[1] + [2]", [D(1), D(2)]),
    ],
)
def test_arithmetic(source: str, expected: object) -> None:
    assert ev(source, x=D(2)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 < x <= 3", True),
        ("1 < x < 2", False),
        ("x == 2.00", True),
        ("x != 2", False),
        ("x >= 2 > 1", True),
        ("x in [1, 2, 3]", True),
        ("x not in [1, 3]", True),
        ("'无' in s", True),
        ("'有' not in s", True),
        ("y is None", True),
        ("x is not None", True),
        ("not y", True),
        ("x > 1 and s", "无偏差"),  # and/or return an operand, as in Python
        ("y or 'fallback'", "fallback"),
        ("defined(y) and y > 1", False),  # short-circuit: y > 1 never evaluated
        ("'big' if x > 1 else 'small'", "big"),
        ("'big' if x > 5 else 'small'", "small"),
    ],
)
def test_comparisons_and_logic(source: str, expected: object) -> None:
    assert ev(source, x=D(2), s="无偏差") == expected


def test_subscripts() -> None:
    assert ev("items[0]", items=(D(1), D(2))) == D(1)
    assert ev("items[-1]", items=[D(1), D(2)]) == D(2)
    assert ev("s[0]", s="预算") == "预"
    with pytest.raises(ExpressionEvalError, match="index out of range"):
        ev("items[5]", items=(D(1),))


# --- functions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("sum([1, 2, 3.5])", D("6.5")),
        ("sum([])", D(0)),
        ("sum([1, None, 2])", D(3)),
        ("abs(-3.20)", D("3.20")),
        ("min([3, 1, 2])", D(1)),
        ("min(3, 1, 2)", D(1)),
        ("max([3, None, 2])", D(3)),
        ("max(x, 4)", D(4)),
        ("min([])", None),
        ("max([None])", None),
        ("len('预算执行率')", D(5)),
        ("len([1, 2])", D(2)),
        ("any([0, None, 1])", True),
        ("any([])", False),
        ("all([1, 'a'])", True),
        ("all([1, 0])", False),
        ("all([])", True),
        ("round(2.345, 2)", D("2.35")),
        ("round(2.5)", D(3)),  # half up (四舍五入), not banker's rounding
        ("round(-2.5)", D(-3)),
        ("round(0.125, 2)", D("0.13")),
        ("round(1234.5, -2)", D("1.2E+3")),
        ("count([1, 0, None, 'a', ''])", D(2)),
        ("count([])", D(0)),
        ("close(12.95, 12.949)", True),
        ("close(12.95, 12.955)", True),  # the interval is closed
        ("close(12.95, 12.956)", False),
        ("close(86, 85.5)", True),  # 86 stands for [85.5, 86.5]
        ("close(86, 85.4)", False),
        ("close(92.84, 92.8373)", True),
        ("ratio(1, 4)", D(25)),
        ("ratio(92.84, 100)", D("92.84")),
        ("ratio(1, 0)", None),
        ("ratio(None, 1)", None),
        ("ratio(1, None)", None),
        ("defined(0)", True),
        ("defined(None)", False),
        ("defined('')", True),
    ],
)
def test_functions(source: str, expected: object) -> None:
    result = ev(source, x=D(2))
    assert result == expected
    if isinstance(expected, Decimal):
        assert type(result) is Decimal


def test_close_uses_the_less_precise_figure() -> None:
    rate = ev("ratio(x, y)", x=D("928.4"), y=D("1000.00"))
    assert ev("close(ratio(x, y), 92.84)", x=D("928.4"), y=D("1000.00")) is True
    assert ev("close(ratio(x, y), 92.8)", x=D("928.4"), y=D("1000.00")) is True
    assert ev("close(ratio(x, y), 92.85)", x=D("928.4"), y=D("1000.00")) is False
    assert rate == D("92.84")


def test_function_errors_are_evaluation_errors() -> None:
    for source, values in [
        ("sum(x)", {"x": D(1)}),
        ("sum(['a'])", {}),
        ("abs('a')", {}),
        ("len(x)", {"x": D(1)}),
        ("round(x, 0.5)", {"x": D(1)}),
        ("round(x, 50)", {"x": D(1)}),
        ("close(x, None)", {"x": D(1)}),
        ("any(x)", {"x": D(1)}),
        ("min(['a', 1])", {}),
    ]:
        with pytest.raises(ExpressionEvalError):
            ev(source, **values)


def test_function_arity_and_names_are_checked_at_compile_time() -> None:
    assert "close() takes 2 argument(s), 1 given" in rejected("close(1)").problems[0].message("en")
    assert "takes 1 to 2" in rejected("round(1, 2, 3)").problems[0].message("en")
    assert "sum is a function" in rejected("sum").problems[0].message("en")
    assert "calling print() is not allowed" in rejected("print(1)").problems[0].message("en")
    assert sorted(FUNCTIONS) == sorted(
        [
            "sum",
            "abs",
            "min",
            "max",
            "len",
            "any",
            "all",
            "round",
            "count",
            "close",
            "ratio",
            "defined",
        ]
    )


# --- model objects -------------------------------------------------------------------------------


def _money(text: str) -> Money:
    amount = D(text)
    exp = int(amount.as_tuple().exponent)
    return Money(amount, exp, exp >= 0, "万元")


BUDGET = model.Budget(
    initial=_money("100.00"),
    adjustment=_money("-5.00"),
    adjusted=_money("95.00"),
    executed=_money("88.20"),
    execution_rate=Percent(D("92.84")),
)
INDICATORS = (
    model.Indicator(
        name="发表论文",
        tier1="产出指标",
        weight=D(10),
        score=D(9),
        target=Comparison(Op.GE, D(12), "篇"),
        actual=Quantity(D(13), "篇"),
    ),
    model.Indicator(
        name="满意度", weight=D(20), target=Quantity(D(90), "%"), actual=Unparsed("较好")
    ),
    model.Indicator(name="无分值"),
)
REPORT = model.Report(
    report=model.ReportInfo(department="某局", year=2024, filled_on=datetime.date(2025, 3, 1)),
    budget=BUDGET,
    indicators=INDICATORS,
)


def test_fields_of_model_objects() -> None:
    assert ev("budget.executed", budget=BUDGET) == D("88.20")  # Money reads as its amount
    assert ev("budget.execution_rate", budget=BUDGET) == D("92.84")  # Percent as its value
    assert ev(
        "close(ratio(budget.executed, budget.adjusted), budget.execution_rate)", budget=BUDGET
    )
    assert ev("budget.initial + budget.adjustment == budget.adjusted", budget=BUDGET) is True
    assert ev("report.report.kind", report=REPORT) == "department"  # enums read as their value
    assert ev("report.report.year + 1", report=REPORT) == D(2025)  # ints read as Decimal
    assert type(ev("report.report.year", report=REPORT)) is Decimal
    assert ev("report.report.filled_on.month", report=REPORT) == D(3)
    assert ev("ind.target.op", ind=INDICATORS[0]) == ">="
    assert ev("ind.target.value < ind.actual.value", ind=INDICATORS[0]) is True


def test_missing_fields_and_none_read_as_none() -> None:
    # A field the object's class lacks (only a Comparison has `op`) and a field of None.
    assert ev("ind.target.op", ind=INDICATORS[1]) is None
    assert ev("ind.target.op", ind=INDICATORS[2]) is None
    assert ev("report.evaluation.score", report=REPORT) is None
    assert ev("ind.actual.raw", ind=INDICATORS[1]) == "较好"


def test_fields_of_a_list_are_projected() -> None:
    assert ev("sum(indicators.weight)", indicators=INDICATORS) == D(30)
    assert ev("count(indicators.weight)", indicators=INDICATORS) == D(2)
    assert ev("indicators.name", indicators=list(INDICATORS)) == ("发表论文", "满意度", "无分值")
    assert ev("indicators[0].tier1", indicators=INDICATORS) == "产出指标"
    assert ev("len(report.indicators)", report=REPORT) == D(3)
    assert ev("'满意度' in indicators.name", indicators=INDICATORS) is True


def test_field_of_a_plain_value_is_an_evaluation_error() -> None:
    with pytest.raises(ExpressionEvalError, match="no field 'value'"):
        ev("x.value", x=D(1))


def test_env_values_are_converted() -> None:
    assert ev("x + y", x=_money("1.50"), y=Percent(D("2.5"))) == D("4.00")
    assert ev("x", x=model.LineKind.PROJECT) == "project"
    assert type(ev("x", x=3)) is Decimal
    with pytest.raises(ExpressionEvalError, match="float"):
        ev("x", x=1.5)


# --- compile-time errors -----------------------------------------------------------------------


def test_unknown_name_lists_the_allowed_names() -> None:
    error = rejected("wieght > 1", ("weight", "score", "target"))
    problem = error.problems[0]
    assert problem.code == "invalid"
    assert problem.path == "rules[0].expression"
    en = problem.message("en")
    assert "unknown name 'wieght'" in en
    assert "score, target, weight" in en
    assert "未知名称 wieght" in problem.message("zh")
    assert "score, target, weight" in problem.message("zh")


def test_unknown_field_lists_the_fields() -> None:
    en = rejected("budget.exectued").problems[0].message("en")
    assert "unknown field '.exectued'" in en and "executed" in en


def test_columns_count_characters_not_bytes() -> None:
    error = rejected('"中文" + _x')
    assert "(column 8)" in error.problems[0].message("en")
    assert "第 8 列" in error.problems[0].message("zh")
    assert "(column 12)" in rejected('"中文中文" + x.__class__').problems[0].message("en")


def test_multiline_source_and_line_numbers() -> None:
    source = "\n  x +\n    y  # a comment\n"
    assert ev(source, x=D(1), y=D(2)) == D(3)
    message = rejected("x +\n  _y").problems[0].message("en")
    assert "line 2, column 3" in message


def test_syntax_errors_are_expression_errors() -> None:
    for source in ["x +", "(x", "x)", "'unterminated", "1 +* 2", "if x", "x = 1", ""]:
        error = rejected(source)
        assert error.problems[0].message("en")


def test_is_only_with_none() -> None:
    assert "is None" in rejected("x is y").problems[0].message("en")
    assert "is None" in rejected("None is x").problems[0].message("en")


def test_non_string_source() -> None:
    with pytest.raises(ExpressionError):
        compile_expression(42, NAMES, ATTRS)  # type: ignore[arg-type]


def test_names_that_cannot_be_bound_are_rejected() -> None:
    # Names include a rule's parameters, so a parameter called `max` is the rule author's error.
    for name in ("_x", "sum", "not an identifier", "lambda"):
        with pytest.raises(ExpressionError) as info:
            compile_expression("1", [name], ATTRS, where="rules[1].expression")
        assert name in info.value.problems[0].message("en")
        assert info.value.problems[0].path == "rules[1].expression"


def test_limits_are_published() -> None:
    assert LIMITS["source_chars"] == 2000
    assert LIMITS["nodes"] == 500
    assert LIMITS["depth"] == 30
    assert LIMITS["string_chars"] == 200
    assert LIMITS["list_items"] == 100
    assert LIMITS["power"] == 10


def test_limits_are_inclusive() -> None:
    ev("'" + "a" * 200 + "'")
    ev("[" + "1," * 99 + "1]")
    ev("(" * 29 + "1" + ")" * 29)
    ev("-" * 29 + "1")
    ev("x ** 10", x=D(2))
    rejected("'" + "a" * 201 + "'")
    rejected("[" + "1," * 100 + "1]")
    rejected("-" * 30 + "1")
    rejected("x ** 11")


# --- runtime errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "values", "fragment"),
    [
        ("x / 0", {"x": D(1)}, "division by zero"),
        ("0 / 0", {}, "division by zero"),
        ("x % 0", {"x": D(1)}, "division by zero"),
        ("x + 1", {}, "missing (None)"),
        ("x > 1", {}, "missing (None)"),
        ("s < 1", {"s": "a"}, "wrong type"),
        ("s * 3", {"s": "ab"}, "* needs numbers"),
        ("items * 3", {"items": [D(1)]}, "* needs numbers"),
        ("x % 2", {"x": "%s"}, "% needs numbers"),
        ("s ** 2", {"s": "a"}, "** needs numbers"),
        ("((x ** 10) ** 10) ** 10", {"x": D("1E+100")}, "too large"),
        ("x * x", {"x": D("1E+600")}, "too large"),
        ("round(x, 20)", {"x": D("1E+30")}, "invalid decimal operation"),
        ("x.name", {"x": "text"}, "no field"),
    ],
)
def test_runtime_errors(source: str, values: Mapping[str, object], fragment: str) -> None:
    expr = compile_expression(source, NAMES, ATTRS, where="rules[2].expression")
    with pytest.raises(ExpressionEvalError) as info:
        expr.evaluate(env(**values))
    error = info.value
    assert fragment in error.detail
    assert error.detail_zh
    assert error.where == "rules[2].expression"
    assert str(error).startswith("rules[2].expression: ")
    assert error.problem.path == "rules[2].expression"
    assert isinstance(error, ValueError)


def test_unbound_name_is_an_evaluation_error() -> None:
    expr = compile_expression("x + 1", ["x"], ATTRS)
    with pytest.raises(ExpressionEvalError, match="name 'x' is not bound"):
        expr.evaluate({})


# --- growth: every value an expression builds stays within a published limit -------------------

#: What one evaluation may allocate: every `+` (at most a third of `nodes`) holding a value of
#: the largest size allowed (`concat_chars` characters of 4 bytes, `concat_items` items of 8),
#: with room to spare.
_MEMORY = 2 * LIMITS["nodes"] // 3 * 8 * max(LIMITS["concat_chars"], LIMITS["concat_items"])


def _doubling(leaf: str, leaves: int) -> str:
    """A balanced ``+`` tree of ``leaves`` copies of ``leaf``: ``((s+s)+(s+s))`` …"""
    if leaves == 1:
        return leaf
    half = leaves // 2
    return f"({_doubling(leaf, half)}+{_doubling(leaf, leaves - half)})"


def _measured(source: str, **values: object) -> object:
    """The value of ``source`` (or its ExpressionEvalError), which must come quickly and cheaply."""
    expr = compile_expression(source, NAMES, ATTRS, where="rules[4].expression")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = expr.evaluate(env(**values))
    except ExpressionEvalError as error:
        result = error
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < _MEMORY, peak
    return result


def _refused(source: str, **values: object) -> ExpressionEvalError:
    error = _measured(source, **values)
    assert isinstance(error, ExpressionEvalError), f"not refused: {type(error).__name__}"
    assert error.detail_zh and error.where == "rules[4].expression"
    return error


def test_growth_limits_are_published() -> None:
    assert LIMITS["concat_chars"] == 10_000
    assert LIMITS["concat_items"] == 10_000
    # Literals alone can never reach them: the bounds act on values from the document.
    assert LIMITS["source_chars"] < LIMITS["concat_chars"]
    assert LIMITS["list_items"] < LIMITS["concat_items"]


def test_concatenation_limits_are_inclusive() -> None:
    chars, items = LIMITS["concat_chars"], LIMITS["concat_items"]
    half = "中" * (chars // 2)
    assert ev("s + z", s=half, z=half) == half + half
    assert ev("s + 'a'", s="a" * (chars - 1)) == "a" * chars
    assert ev("items + items", items=[D(1)] * (items // 2)) == [D(1)] * items
    assert ev("items + items", items=(None,) * (items // 2)) == (None,) * items
    for source, values, fragment, limit in [
        ("s + 'a'", {"s": "a" * chars}, f"text of {chars + 1} characters", chars),
        ("'a' + s", {"s": "a" * chars}, f"text of {chars + 1} characters", chars),
        ("items + [1]", {"items": [D(1)] * items}, f"a list of {items + 1} items", items),
        (
            "items + items",
            {"items": (D(1),) * (items // 2 + 1)},
            f"a list of {items + 2} items",
            items,
        ),
    ]:
        error = _refused(source, **values)
        assert f"{fragment}; the limit is {limit}" in error.detail, error.detail
        assert f"上限 {limit}" in error.detail_zh and "+" in error.detail_zh


def _runtime_value(spec: Any) -> object:
    """A value of the runtime catalogue: text or a list repeated, or a number written as text."""
    if isinstance(spec, str):
        return D(spec)
    if "text" in spec:
        return spec["text"] * spec["times"]
    item = D(spec["item"]) if isinstance(spec["item"], (int, str)) else spec["item"]
    return [item] * spec["times"]


def _runtime_cases() -> list[Any]:
    data = tomli.loads(DATA.read_text(encoding="utf-8"))
    return [
        pytest.param(case["expr"], case["values"], case["expect"], id=f"{i:02d}-{case['expr']}")
        for i, case in enumerate(data["runtime"])
    ]


RUNTIME = _runtime_cases()


def test_the_runtime_catalogue_has_every_growing_operator() -> None:
    """+ (text, lists, numbers), -, unary -, *, % (numbers, text), **, / and sum() each have a case."""
    sources = [source for source, _, _ in (case.values for case in RUNTIME)]
    for operator in ("+", "-", "*", "%", "**", "/", "sum("):
        assert any(operator in source for source in sources), operator
    assert any(source.startswith("-") for source in sources)


@pytest.mark.parametrize(("source", "values", "expect"), RUNTIME)
def test_hostile_growth_is_refused_while_evaluating(
    source: str, values: dict[str, Any], expect: str
) -> None:
    bound = {name: _runtime_value(spec) for name, spec in values.items()}
    error = _refused(source, **bound)
    assert expect in error.detail, error.detail
    assert not error.missing  # a fault of the rule, reported (issue 14, item 7)


def test_doubling_a_field_is_refused() -> None:
    # The review's payload (issue 14, 9b): a ~510-character (s+s) tree of 128 leaves turned
    # a 1 MB field into 128 MB; 240 concatenations of a 10 MB field reached 4.9 GB.
    payload = _doubling("s", 128)
    assert len(payload) <= 514
    assert "text of 2000000 characters" in _refused(payload, s="预" * 1_000_000).detail
    _refused(_doubling("s", 240), s="a" * 10_000_000)
    _refused(_doubling("items", 128), items=(D(1),) * 1_000_000)
    _refused(_doubling("z", 240), z=list(INDICATORS) * 1000)


def test_doubling_a_small_field_stops_at_the_limit() -> None:
    # Each input is small; the values built from it grow until one would pass the limit.
    assert _measured(_doubling("s", 64), s="a" * 100) == "a" * 6400
    assert "text of 12800 characters" in _refused(_doubling("s", 128), s="a" * 100).detail
    assert _measured(_doubling("items", 64), items=[D(1)] * 100) == [D(1)] * 6400
    assert "a list of 12800 items" in _refused(_doubling("items", 128), items=[D(1)] * 100).detail


def test_values_held_at_once_are_bounded() -> None:
    # The worst cases for memory: many values of the largest size alive together, pending as
    # left operands of a deep `+`, or as items of a list literal.
    s = "𝟘" * (LIMITS["concat_chars"] - 1)  # 4 bytes a character
    deep = "(s + 'a')"
    for _ in range(LIMITS["depth"] - 2):
        deep = f"((s + 'a') + {deep})"
    assert "the limit is" in _refused(deep, s=s).detail
    wide = "[" + ", ".join(["s + 'a'"] * LIMITS["list_items"]) + "]"
    assert _measured(wide, s=s) == [s + "a"] * LIMITS["list_items"]
    rows = "[" + ", ".join(["z + z"] * 40) + "]"  # 121 nodes
    many = f"[{rows}, {rows}, {rows}, {rows}]"  # 485 nodes: 160 lists of the largest size
    z = [D(1)] * (LIMITS["concat_items"] // 2)
    assert _measured(many, z=z) == [[z + z] * 40] * 4


def test_concatenation_errors_are_unchanged() -> None:
    # Below the limits, + is Python's: text to text, lists to lists, numbers to numbers.
    for source, values, fragment in [
        ("s + 1", {"s": "a"}, "wrong type"),
        ("items + s", {"items": [D(1)], "s": "a"}, "wrong type"),
        ("items + y", {"items": [D(1)], "y": (D(2),)}, "wrong type"),
        ("s + y", {"s": "a"}, "missing (None)"),
    ]:
        with pytest.raises(ExpressionEvalError, match=re.escape(fragment)):
            ev(source, **values)
    assert ev("True + True") == 2
    assert ev("x + True", x=D("1.5")) == D("2.5")


def test_sums_of_numbers_stay_within_precision_and_exponent() -> None:
    # Numbers cannot grow through + or - either: every result is rounded to `precision`
    # digits, and one beyond 1E+`emax` is an error, however the document wrote its values.
    assert ev("x + x", x=D("5E+997")) == D("1.0E+998")
    assert "too large" in _refused(_doubling("x", 240), x=D("5E+997")).detail
    assert "too large" in _refused("x - y", x=D("6E+999"), y=D("-6E+999")).detail
    huge, tiny = D("1E+999999999"), D("1E-999999999")  # far beyond the limits
    for source in ("x + y", "x - y", "y - x", "x + 1", "-x"):
        assert "too large" in _refused(source, x=huge, y=tiny).detail
    total = ev("x + y + z", x=D("1E+30"), y=D("1E-30"), z=tiny)
    assert isinstance(total, Decimal) and len(total.as_tuple().digits) == LIMITS["precision"]
    assert ev("y + 1 - 1", y=tiny) == 0


# --- the Expression object -------------------------------------------------------------------


def test_expression_object() -> None:
    expr = compile_expression(
        "defined(x) and x > limit", ["x", "limit", "unused"], ATTRS, where="w"
    )
    assert isinstance(expr, Expression)
    assert expr.source == "defined(x) and x > limit"
    assert expr.names_used == frozenset({"x", "limit"})
    assert expr.where == "w"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        expr.source = "1"  # type: ignore[misc]
    # Compiled once, evaluated many times with different bindings.
    assert expr.evaluate({"x": D(5), "limit": D(3)}) is True
    assert expr.evaluate({"x": D(1), "limit": D(3)}) is False
    assert expr.evaluate({"x": None, "limit": D(3)}) is False
    assert expr == compile_expression("defined(x) and x > limit", ["x", "limit"], ATTRS, where="w")


def test_evaluation_does_not_touch_the_callers_decimal_context() -> None:
    import decimal

    with decimal.localcontext() as ctx:
        ctx.prec = 5
        third = ev("1 / 3")
        assert isinstance(third, Decimal) and len(third.as_tuple().digits) == LIMITS["precision"]
        assert decimal.getcontext().prec == 5


# --- hypothesis: nothing but ExpressionError / ExpressionEvalError, and quickly ------------------

TOKENS = [
    "x", "y", "z", "s", "items", "ind", "budget", "indicators", "report",
    "0", "1", "2.50", "10", "1e3", "'a'", "'无'", "True", "False", "None",
    "+", "-", "*", "/", "%", "**", "<", "<=", "==", "!=", ">", ">=",
    "and", "or", "not", "in", "not in", "is", "is not", "if", "else",
    "(", ")", "[", "]", ",", ".", ":", "lambda", "for",
    ".weight", ".target", ".value", ".name", ".__class__", ".amount",
    "sum(", "abs(", "min(", "max(", "len(", "any(", "all(", "round(",
    "count(", "close(", "ratio(", "defined(", "getattr(", "_x", "[0]", "[-1]",
]  # fmt: skip

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12),
    st.sampled_from([D(0), D("1E+900"), D("1E-900"), D("-0"), D("0.00")]),
    st.text(max_size=20),
    st.lists(st.decimals(allow_nan=False, allow_infinity=False, places=2), max_size=5),
    st.sampled_from([BUDGET, *INDICATORS, REPORT, _money("12.34"), Percent(D("86"))]),
    st.just(INDICATORS),
)


@st.composite
def environments(draw: st.DrawFn) -> dict[str, object]:
    return {name: draw(VALUES) for name in NAMES}


def _check(source: str, environment: dict[str, object]) -> None:
    try:
        expr = compile_expression(source, NAMES, ATTRS, where="fuzz")
    except ExpressionError as error:
        assert error.problems and error.problems[0].message("en")
        return
    started = time.perf_counter()
    try:
        expr.evaluate(environment)
    except ExpressionEvalError as error:
        assert error.detail and error.detail_zh
    assert time.perf_counter() - started < 0.5


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), environments())
def test_arbitrary_text_never_escapes(source: str, environment: dict[str, object]) -> None:
    _check(source, environment)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join), environments())
def test_token_soup_never_escapes(source: str, environment: dict[str, object]) -> None:
    _check(source, environment)


_LEAVES = st.sampled_from(
    ["x", "y", "z", "s", "items", "ind", "None", "True", "0", "1", "2.5", "1e900", "'a'", "[]"]
)


def _extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binary = st.tuples(
        inner, st.sampled_from(["+", "-", "*", "/", "%", "<", "==", "and", "or", "in"]), inner
    )
    return st.one_of(
        binary.map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(inner, st.sampled_from(["-", "not "])).map(lambda t: f"{t[1]}({t[0]})"),
        st.tuples(inner, st.integers(-3, 10)).map(lambda t: f"({t[0]}) ** {t[1]}"),
        st.tuples(st.sampled_from(sorted(FUNCTIONS)), st.lists(inner, min_size=1, max_size=3)).map(
            lambda t: f"{t[0]}({', '.join(t[1])})"
        ),
        st.lists(inner, max_size=4).map(lambda xs: f"[{', '.join(xs)}]"),
        st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        st.tuples(inner, st.sampled_from([".weight", ".target", ".value", ".name", "[0]"])).map(
            lambda t: f"({t[0]}){t[1]}"
        ),
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.recursive(_LEAVES, _extend, max_leaves=40), environments())
def test_generated_expressions_evaluate_safely_and_quickly(
    source: str, environment: dict[str, object]
) -> None:
    _check(source, environment)
