"""Budget prose: the block's figures, the lines and their 其中 parts, and what is left for a person."""

from __future__ import annotations

from decimal import Decimal

from perfrules.extract.api import interpret
from perfrules.extract.draft import Amount, Draft
from perfrules.extract.text import read, read_text
from tests.extract.conftest import seed_path


def _draft(number: str) -> Draft:
    path = seed_path(number)
    return interpret(read(path.read_bytes(), path.name))


def _values(statements: list) -> list[object]:  # type: ignore[type-arg]
    return [st.value for st in statements]


def test_adjustment_without_a_direction_is_for_review() -> None:
    draft = _draft("000")
    assert "adjustment" not in draft.budget
    (review,) = [r for r in draft.reviews if r.about == "budget.adjustment"]
    assert [v for v, _ in review.alternatives] == [
        Amount(Decimal("-748464.41"), "元"),
        Amount(Decimal("748464.41"), "元"),
    ]
    assert review.origin.text == "调整预算748,464.41元"


def test_a_reduction_is_negative() -> None:
    draft = _draft("004")
    assert _values(draft.budget["adjustment"]) == [Amount(Decimal("-6.35"), "万元")] * 2
    assert _values(draft.budget["execution_score"]) == [Decimal("9.57")]


def test_parts_after_qi_zhong_inherit_budget_or_spent() -> None:
    draft = _draft("002")
    basic, personnel, public = (draft.line(i) for i in ("basic", "personnel", "public"))
    assert basic is not None and personnel is not None and public is not None
    assert _values(personnel.executed) == [Amount(Decimal("11.83"), "万元")]
    assert _values(public.executed) == [
        Amount(Decimal("1.12"), "元")
    ]  # the report's unit slip, as written
    assert personnel.parent == public.parent == "basic"
    assert _values(public.share) == [Decimal("8.65")]
    draft4 = _draft("004")
    personnel4 = draft4.line("personnel")
    assert personnel4 is not None and _values(personnel4.budget) == [
        Amount(Decimal("82.89"), "万元")
    ]


def test_lists_of_projects_and_three_public() -> None:
    draft = _draft("000")
    kids = [ln for ln in draft.lines if ln.parent == "project"]
    assert len(kids) == 12 and kids[9].label == "区长额度--购买AED"
    assert _values(kids[0].budget) == [Amount(Decimal("40"), "万元")]
    tp = [ln.label for ln in draft.lines if ln.parent == "three_public"]
    assert tp == ["因公出国（境）费用", "公务接待费", "公务用车购置及运行维护费"]
    assert ("count:lines:project", 12) in [(a, st.value) for a, st in draft.claims]


def test_total_of_the_items_before_it() -> None:
    draft = _draft("003")
    (total,) = [ln for ln in draft.lines if ln.parent is None]
    assert total.label == "退红十字事业发展-退役军人工资保障工作"
    parts = [(ln.label, _values(ln.budget)) for ln in draft.lines if ln.parent == total.id]
    assert [p for p, _ in parts] == [
        "年工资",
        "年社保费",
        "过冬补贴",
    ]  # the monthly figures are rates, not parts


def test_figures_no_rule_places_are_kept() -> None:
    placed = {st.origin.text for st in _draft("000").unplaced}
    assert "单位固定资产总额889,588.99元" in placed
    assert any("比2020年" in t for t in placed)  # a comparison with another year


def test_synthetic_sentences() -> None:
    text = (
        "一、预算执行情况\n"
        "年初预算数为120.00万元，年中调增数8万元，调整后预算数128.00万元，全年执行数121.60万元，预算执行率为95.00%，得9.5分。\n"
        "其中：基本支出100万元，项目支出21.6万元。\n"
        "人员经费30万元。\n"
    )
    draft = interpret(read_text(text, "s.txt"))
    assert _values(draft.budget["adjustment"]) == [Amount(Decimal("8"), "万元")]
    assert _values(draft.budget["execution_rate"]) == [Decimal("95.00")]
    basic = draft.line("basic")
    assert basic is not None and _values(basic.executed) == [Amount(Decimal("100"), "万元")]
    # 人员经费 alone: neither budget nor spent is said
    assert [r.about for r in draft.reviews] == ["line:personnel"]
