"""perfrules._frozen: a builder gives exactly what the frozen class's own ``__init__`` gives."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import perfrules
from perfrules import _frozen
from perfrules.document import figures, system
from perfrules.scoring import scorer, sheet, strategies
from perfrules.scoring.indicatorscore import IndicatorScore
from tests.conftest import EXAMPLES

#: Every class the hot path builds through a builder, with the builder it uses.
BUILT: list[tuple[type, Any]] = [
    (IndicatorScore, strategies._IndicatorScore),
    (figures.Money, figures._Money),
    (figures.Percent, figures._Percent),
    (system.FirstTier, system._FirstTier),
    (system.SecondTier, system._SecondTier),
    (system.Placement, system._Placement),
    (sheet.ExecutionScore, scorer._ExecutionScore),
    (sheet.GradeResult, scorer._GradeResult),
    (sheet.ScoreSheet, scorer._ScoreSheet),
    (sheet.TierSubtotal, scorer._TierSubtotal),
    (sheet.TotalScore, scorer._TotalScore),
]

_ANY = st.one_of(st.none(), st.integers(), st.text(max_size=3), st.booleans())


@pytest.mark.parametrize(("cls", "build"), BUILT, ids=[c.__name__ for c, _ in BUILT])
@given(data=st.data())
def test_builder_equals_init(cls: type, build: Any, data: st.DataObject) -> None:
    fields = attrs.fields(cls)
    required = sum(1 for f in fields if f.default is attrs.NOTHING)
    n = data.draw(st.integers(required, len(fields)), label="arguments given")
    args = [data.draw(_ANY, label=f.name) for f in fields[:n]]
    made, expected = build(*args), cls(*args)
    assert type(made) is cls
    assert attrs.astuple(made, recurse=False) == attrs.astuple(expected, recurse=False)
    assert made == expected
    try:
        shown = repr(expected)
    except AttributeError:  # Placement's own repr reads its nodes' names
        shown = None
    if shown is not None:
        assert repr(made) == shown
    if cls.__hash__ is not None:
        try:
            h = hash(expected)
        except TypeError:  # an unhashable value drawn into a field
            pass
        else:
            assert hash(made) == h
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(made, fields[0].name, 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        delattr(made, fields[0].name)
    assert weakref.ref(made)() is made


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.name)
def test_loaded_objects_are_the_model_classes(path: Path) -> None:
    """The loader's fast path builds each model class through a builder: the classes themselves."""
    from perfrules.document import model

    report = perfrules.load(path)
    assert type(report) is model.Report
    assert type(report.report) is model.ReportInfo
    assert {type(i) for i in report.indicators} <= {model.Indicator}
    assert {type(line) for line in report.lines} <= {model.Line}
    money = [m for line in report.lines for m in (line.budget, line.executed) if m is not None]
    if report.budget is not None:
        money += [m for m in (report.budget.initial, report.budget.adjusted) if m is not None]
    assert {type(m) for m in money} <= {figures.Money}
    rates = [i.completion_rate for i in report.indicators if i.completion_rate is not None]
    assert {type(p) for p in rates + [line.share for line in report.lines if line.share]} <= {
        figures.Percent
    }


def test_builder_keyword_arguments() -> None:
    build = strategies._IndicatorScore
    made = build(None, 3, "产出指标", None, None, None, "none", reason="no-target", unit="%")
    assert made == IndicatorScore(
        None, 3, "产出指标", None, None, None, "none", reason="no-target", unit="%"
    )


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.name)
def test_scored_objects_are_the_frozen_classes(path: Path) -> None:
    result = perfrules.score(perfrules.load(path))
    assert type(result) is sheet.ScoreSheet
    assert {type(s) for s in result.indicators} <= {IndicatorScore}
    assert {type(t) for t in result.tiers} <= {sheet.TierSubtotal}
    tree = result.system
    assert {type(p) for p in tree.placements} <= {system.Placement}
    assert {type(t) for t in tree.tiers} <= {system.FirstTier}
    assert len(result.indicators) == len(tree.placements)
    assert {type(t) for f in tree.tiers for t in f.tiers} <= {system.SecondTier}


@attrs.frozen
class _KwOnly:
    a: int
    b: str = "b"
    c: int = attrs.field(default=3, kw_only=True)
    d: int = attrs.field(kw_only=True)


def test_builder_keeps_keyword_only_fields_and_defaults() -> None:
    build = _frozen.builder(_KwOnly)
    assert build(1, d=4) == _KwOnly(1, d=4) == _KwOnly(1, "b", c=3, d=4)
    assert build(1, "x", c=5, d=6) == _KwOnly(1, "x", c=5, d=6)
    with pytest.raises(TypeError):
        build(1, "x", 5, 6)  # type: ignore[call-arg]  # keyword-only, as in the class
    with pytest.raises(TypeError):
        build(1)  # d is required


@attrs.frozen
class _Validated:
    a: int = attrs.field(validator=attrs.validators.instance_of(int))


@attrs.frozen
class _Converted:
    a: int = attrs.field(converter=int)


@attrs.frozen
class _Factory:
    a: list[int] = attrs.field(factory=list)


@attrs.frozen
class _NotInit:
    a: int
    b: int = attrs.field(init=False, default=0)


@attrs.frozen
class _Private:
    _a: int


@attrs.frozen
class _PostInit:
    a: int

    def __attrs_post_init__(self) -> None:
        pass


@attrs.frozen
class _PreInit:
    a: int

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen(cache_hash=True)
class _CachedHash:
    a: int


@attrs.frozen(slots=False)
class _Dict:
    a: int


class _Plain:
    __slots__ = ("a",)


@pytest.mark.parametrize(
    "cls",
    [
        _Validated,
        _Converted,
        _Factory,
        _NotInit,
        _Private,
        _PreInit,
        _PostInit,
        _CachedHash,
        _Dict,
        _Plain,
    ],
)
def test_builder_refuses_what_an_init_does_beyond_storing(cls: type) -> None:
    with pytest.raises(TypeError, match=cls.__name__):
        _frozen.builder(cls)
