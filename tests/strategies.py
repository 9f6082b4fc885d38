"""Hypothesis strategies for report documents (format 1), reusable by every test module.

Valid documents (they load; their figures need not be consistent):

- :func:`documents` — a report document as plain data (dicts, lists,
  :class:`~decimal.Decimal`, dates), the shape ``tomli`` gives;
- :func:`document_texts` — ``(text, format)`` pairs, TOML or JSON;
- :func:`reports` — loaded :class:`~perfrules.document.model.Report` objects.

Hostile documents (anything a file can hold):

- :func:`hostile_values` — arbitrary TOML/JSON values: booleans, huge
  integers, floats including NaN and infinities, decimals such as ``1E+400``
  and ``-0``, control characters, dates, times, nested arrays and tables;
- :func:`hostile_documents` — a valid document with values replaced by
  hostile ones, keys deleted and unknown keys added, anywhere in the tree;
- :func:`to_toml` / :func:`to_json` — write plain data as TOML or JSON text
  exactly (Decimals keep their digits; NaN and infinities as the formats
  spell them).

Example::

    from hypothesis import given
    from tests.strategies import reports

    @given(reports())
    def test_something(report): ...
"""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

import perfrules
from perfrules.rules.pack import builtin_rules

__all__ = [
    "FORMATS",
    "PROFILES",
    "document_texts",
    "documents",
    "hostile_documents",
    "hostile_values",
    "reports",
    "to_json",
    "to_toml",
]

FORMATS = ("toml", "json")

# --- pieces of a valid document ------------------------------------------------------------

_UNITS = ("篇", "人次", "人", "户", "场", "次", "个", "项", "万页", "万元", "元", "%", "")
_COUNT_FORMS = (
    "≥{n}{u}",
    "不少于{n}{u}",
    "{n}{u}以上",
    "大于等于{n}{u}",
    "{n}{u}",
    "＞{n}{u}",
    "≤{n}{u}",
    "<{n}{u}",
)
_ACTUAL_FORMS = ("{n}{u}", "{n}余{u}", "约{n}{u}")
_WORDS = (
    "是",
    "否",
    "达成",
    "部分达成",
    "未达成",
    "完成",
    "未完成",
    "好",
    "较好",
    "一般",
    "差",
    "有效",
    "明显",
)
_TIMINGS = (
    "12月底完成",
    "10月完成",
    "按计划完成",
    "及时",
    "2024年12月31日前",
    "11月底前完成",
    "6月",
)
_ODD = ("明显提升", "详见附件", "", " ", "—", "N/A", "≥", "万元", "9999999999999999999篇")
_TIER1 = ("产出指标", "效益指标", "效果指标", "满意度指标", "成本指标", "其他指标")
_TIER2 = (
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "社会效益指标",
    "经济效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
    "社会公众或服务对象满意度指标",
    "未知指标",
)
_LINE_KINDS = (
    "source",
    "basic",
    "project",
    "personnel",
    "public",
    "three_public",
    "function",
    "item",
    "other",
)
#: Built-in scoring profiles, all in force from 2019.
PROFILES = ("national", "hubei", "sichuan", "guangxi", "shijiazhuang")
_GRADES = ("优", "良", "中", "差", "优秀", "良好", "一般", "较差", "合格", "甲")

#: Plain text that reports contain: Chinese, ASCII, digits and a little punctuation.
_text = st.text(
    alphabet=st.sampled_from(
        "某区县局馆会档案红十字培训服务人次费用项目年度目标完成率达成ab1 2-_（）、。，"
    ),
    min_size=1,
    max_size=12,
)


def _decimal(places: int, low: int = 0, high: int = 10**7) -> st.SearchStrategy[Decimal]:
    return st.integers(low * 10**places, high * 10**places).map(
        lambda n: Decimal(n).scaleb(-places)
    )


#: Money as bare numbers (integers or up to 2 decimals) or strings with their own unit.
money = st.one_of(
    st.integers(0, 10**7),
    _decimal(2),
    _decimal(2, -1000, 1000),
    st.builds(
        lambda d, u, comma: (f"{d:,}" if comma else str(d)) + u,
        _decimal(2, 0, 10**6),
        st.sampled_from(("元", "万元", "")),
        st.booleans(),
    ),
)
#: Percentages as numbers or ``"91.35%"``.
percent = st.one_of(
    _decimal(2, 0, 200), st.integers(0, 200), _decimal(2, 0, 150).map(lambda d: f"{d}%")
)
#: Points (weights, scores).
points = st.one_of(st.integers(0, 100), _decimal(2, 0, 100), _decimal(1, -5, 120))


@st.composite
def written_values(draw: st.DrawFn) -> Any:
    """A target or actual as reports write it: text, a bare number, or a table."""
    kind = draw(st.integers(0, 6))
    n = draw(st.one_of(st.integers(0, 100_000), _decimal(2, 0, 10_000)))
    unit = draw(st.sampled_from(_UNITS))
    if kind == 0:
        return draw(st.sampled_from(_COUNT_FORMS)).format(n=n, u=unit)
    if kind == 1:
        return draw(st.sampled_from(_ACTUAL_FORMS)).format(n=n, u=unit)
    if kind == 2:
        return draw(st.sampled_from(_WORDS))
    if kind == 3:
        return draw(st.sampled_from(_TIMINGS))
    if kind == 4:
        return n
    if kind == 5:
        table: dict[str, Any] = {"value": n}
        if draw(st.booleans()):
            table["op"] = draw(st.sampled_from((">=", ">", "<=", "<", "=")))
        if unit and draw(st.booleans()):
            table["unit"] = unit
        return table
    return draw(st.one_of(st.sampled_from(_ODD), _text).filter(_in_range))


def _in_range(text: str) -> bool:
    """Free text whose number (if it reads as one) is within the figures' range: a valid document."""
    from perfrules.document.convert import MAX_DIGITS, MAX_PLACES
    from perfrules.document.valueparse import parse_value

    number = getattr(parse_value(text), "value", None)
    if not isinstance(number, Decimal) or not number:
        return True
    return number.adjusted() < MAX_DIGITS and int(number.as_tuple().exponent) >= -MAX_PLACES


def _optional(
    draw: st.DrawFn, out: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]
) -> None:
    if draw(st.booleans()):
        out[key] = draw(strategy)


@st.composite
def _lines(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Lines forming trees (a parent always comes earlier, so there are no cycles)."""
    n = draw(st.integers(0, 12))
    rows: list[dict[str, Any]] = []
    for i in range(n):
        row: dict[str, Any] = {"id": f"l{i}", "label": draw(_text)}
        if i and draw(st.booleans()):
            row["parent"] = f"l{draw(st.integers(0, i - 1))}"
        _optional(draw, row, "kind", st.sampled_from(_LINE_KINDS))
        _optional(draw, row, "budget", money)
        _optional(draw, row, "executed", money)
        _optional(draw, row, "share", percent)
        _optional(draw, row, "source", _text)
        rows.append(row)
    return rows


@st.composite
def _indicators(draw: st.DrawFn) -> list[dict[str, Any]]:
    n = draw(st.integers(0, 12))
    rows: list[dict[str, Any]] = []
    names = draw(st.lists(_text, min_size=n, max_size=n))
    for i in range(n):
        row: dict[str, Any] = {"name": names[i]}
        if draw(st.booleans()):
            row["id"] = f"i{i}"
        _optional(draw, row, "goal", _text)
        _optional(draw, row, "tier1", st.sampled_from(_TIER1))
        _optional(draw, row, "tier2", st.sampled_from(_TIER2))
        _optional(draw, row, "target", written_values())
        _optional(draw, row, "actual", written_values())
        _optional(draw, row, "midyear", written_values())
        _optional(draw, row, "weight", points)
        _optional(draw, row, "score", points)
        _optional(draw, row, "completion_rate", percent)
        _optional(draw, row, "deviation_reason", st.one_of(_text, st.just("")))
        _optional(draw, row, "improvement", _text)
        rows.append(row)
    return rows


def _abouts(doc: Mapping[str, Any]) -> list[str]:
    out = ["budget.executed", "budget.execution_rate", "evaluation.score", "evaluation.grade"]
    out += [
        "count:indicators",
        "count:lines:project",
        "all_targets_met",
        "budget.nothing",
        "line:nowhere.budget",
    ]
    out += [
        f"line:{row['id']}.{k}"
        for row in doc.get("lines", [])
        for k in ("budget", "executed", "share")
    ]
    for row in doc.get("indicators", []):
        ref = row.get("id", row["name"])
        out += [f"indicator:{ref}.{k}" for k in ("target", "actual", "weight", "score")]
    return out


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid report document as plain data; its figures may or may not be consistent."""
    year = draw(st.integers(2019, 2026))
    report: dict[str, Any] = {"department": draw(_text), "year": year}
    _optional(draw, report, "kind", st.sampled_from(("department", "project")))
    _optional(
        draw,
        report,
        "title",
        st.builds(lambda y, t: f"{y}年度{t}绩效自评报告", st.integers(2018, 2027), _text),
    )
    _optional(draw, report, "region", _text)
    _optional(
        draw,
        report,
        "filled_on",
        st.dates(datetime.date(year - 1, 1, 1), datetime.date(year + 2, 12, 31)),
    )
    _optional(draw, report, "money_unit", st.sampled_from(("元", "万元")))
    _optional(draw, report, "profile", st.sampled_from(PROFILES))
    doc: dict[str, Any] = {}
    if draw(st.booleans()):
        doc["format"] = 1
    doc["report"] = report
    if draw(st.booleans()):
        budget: dict[str, Any] = {}
        for key in ("initial", "adjustment", "adjusted", "executed", "carryover"):
            _optional(draw, budget, key, money)
        _optional(draw, budget, "execution_rate", percent)
        _optional(draw, budget, "execution_weight", st.sampled_from((10, 20, Decimal("15.5"))))
        _optional(draw, budget, "execution_score", points)
        _optional(draw, budget, "deviation_reason", _text)
        _optional(draw, budget, "adjustment_reason", _text)
        doc["budget"] = budget
    lines = draw(_lines())
    if lines:
        doc["lines"] = lines
    indicators = draw(_indicators())
    if indicators:
        doc["indicators"] = indicators
    if draw(st.booleans()):
        evaluation: dict[str, Any] = {}
        _optional(draw, evaluation, "score", points)
        _optional(draw, evaluation, "grade", st.sampled_from(_GRADES))
        _optional(
            draw,
            evaluation,
            "tier_scores",
            st.dictionaries(st.sampled_from(_TIER1), points, max_size=3),
        )
        doc["evaluation"] = evaluation
    if draw(st.booleans()):
        narrative: dict[str, Any] = {}
        for key in ("unmet_targets", "problems", "measures", "conclusion"):
            _optional(draw, narrative, key, st.one_of(_text, st.just("无")))
        doc["narrative"] = narrative
    abouts = _abouts(doc)
    claims = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "about": st.sampled_from(abouts),
                    "value": st.one_of(written_values(), st.booleans(), money),
                },
                optional={"source": _text},
            ),
            max_size=4,
        )
    )
    if claims:
        doc["claims"] = claims
    rule_ids = sorted(builtin_rules())
    waivers = draw(
        st.lists(
            st.fixed_dictionaries(
                {"rule": st.sampled_from(rule_ids), "reason": st.one_of(_text, st.just(""))},
                optional={"about": st.sampled_from(abouts)},
            ),
            max_size=3,
        )
    )
    if waivers:
        doc["waivers"] = waivers
    return doc


# --- writing documents -------------------------------------------------------------------


def _toml_string(text: str) -> str:
    # JSON's escapes are TOML's, except that TOML also forbids a raw DEL (U+007F)
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


_BARE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


def _toml_key(key: str) -> str:
    return key if key and set(key) <= _BARE else _toml_string(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, Decimal):
        if value.is_nan():
            return "nan"
        if value.is_infinite():
            return "inf" if value > 0 else "-inf"
        return str(value)  # 1E+400, -0, 0E-30 are TOML numbers as they stand
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()  # datetime is a date too: both write themselves
    if isinstance(value, Mapping):
        return (
            "{ "
            + ", ".join(
                f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items() if v is not None
            )
            + " }"
        )
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value if v is not None) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def to_toml(doc: Mapping[str, Any], crlf: bool = False) -> str:
    """``doc`` as TOML: scalars first, then ``[tables]`` and ``[[arrays of tables]]``; None is left out."""
    out: list[str] = []
    for key, value in doc.items():
        if value is not None and not isinstance(value, Mapping) and not _is_table_array(value):
            out.append(f"{_toml_key(key)} = {_toml_value(value)}")
    for key, value in doc.items():
        if isinstance(value, Mapping):
            out.append(f"\n[{_toml_key(key)}]")
            out += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items() if v is not None]
        elif _is_table_array(value):
            for row in value:
                out.append(f"\n[[{_toml_key(key)}]]")
                out += [
                    f"{_toml_key(k)} = {_toml_value(v)}" for k, v in row.items() if v is not None
                ]
    return ("\r\n" if crlf else "\n").join(out) + "\n"


def _json_value(value: Any) -> str:
    if value is None or isinstance(value, (bool, str)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return json.dumps(value)  # NaN, Infinity, -Infinity as Python's json writes them
    if isinstance(value, Decimal):
        if value.is_nan():
            return "NaN"
        if value.is_infinite():
            return "Infinity" if value > 0 else "-Infinity"
        return str(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return json.dumps(value.isoformat())
    if isinstance(value, Mapping):
        return (
            "{"
            + ", ".join(
                f"{json.dumps(str(k), ensure_ascii=False)}: {_json_value(v)}"
                for k, v in value.items()
            )
            + "}"
        )
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_json_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(doc: Any) -> str:
    """``doc`` as JSON text; Decimals keep their digits, dates become ISO strings."""
    return _json_value(doc) + "\n"


def write(doc: Mapping[str, Any], format: str) -> str:
    """``doc`` as text in ``format`` (``toml`` or ``json``)."""
    return to_toml(doc) if format == "toml" else to_json(doc)


@st.composite
def document_texts(draw: st.DrawFn, formats: tuple[str, ...] = FORMATS) -> tuple[str, str]:
    """``(text, format)`` of a valid report document."""
    fmt = draw(st.sampled_from(formats))
    return write(draw(documents()), fmt), fmt


def reports() -> st.SearchStrategy[perfrules.Report]:
    """Loaded reports (through the public loader, from TOML or JSON text)."""
    return document_texts().map(lambda pair: perfrules.loads(pair[0], pair[1]))


# --- hostile documents ----------------------------------------------------------------------


_scalars = st.one_of(
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        (
            Decimal("NaN"),
            Decimal("Infinity"),
            Decimal("-Infinity"),
            Decimal("1E+400"),
            Decimal("-1E+400"),
            Decimal("1E-400"),
            Decimal("-0"),
            Decimal("-0.0"),
            Decimal("0E-30"),
            10**40,
            -(2**63),
        )
    ),
    st.text(max_size=20),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=6),
    st.sampled_from(
        ("", "\x00", "\x7f", "\u2028", "\ufeff", "≥", "万元", "1e400", "NaN", "-0", "1,2,3元")
    ),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(datetime.timezone.utc)),
    st.times(),
)


def hostile_values(allow_none: bool = False) -> st.SearchStrategy[Any]:
    """Any value a TOML or JSON document can hold (None only for JSON), nested a few levels."""
    base = st.one_of(_scalars, st.none()) if allow_none else _scalars
    return st.recursive(
        base,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(st.text(max_size=8), inner, max_size=4),
        ),
        max_leaves=12,
    )


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (keys and indices) into a nested document, the root included."""
    out = [prefix]
    if isinstance(value, Mapping):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


@st.composite
def hostile_documents(draw: st.DrawFn, format: str = "toml") -> dict[str, Any] | Any:
    """A valid document with 1–4 hostile changes: values replaced, keys removed or added.

    For TOML the top level stays a table (TOML cannot write anything else);
    for JSON even the top level may be replaced.
    """
    import copy

    doc: Any = copy.deepcopy(draw(documents()))
    values = hostile_values(allow_none=format == "json")
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(doc)
        if format == "toml" or not isinstance(doc, Mapping):
            paths = [p for p in paths if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(("replace", "replace", "delete", "add")))
        if not path:  # the whole document (JSON only)
            doc = draw(values)
            continue
        parent = _get(doc, path[:-1])
        if action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "delete":
            del parent[path[-1]]
        else:
            target = _get(doc, path)
            if isinstance(target, dict):
                target[draw(st.text(max_size=8))] = draw(values)
            elif isinstance(target, list):
                target.append(draw(values))
            else:
                parent[path[-1]] = draw(values)
    if format == "toml" and not isinstance(doc, Mapping):
        doc = {"report": doc}
    return doc
