"""Indicators in prose: a paragraph per indicator (seed 004), target lists (seed 003), unmet ones named (seed 002)."""

from __future__ import annotations

from decimal import Decimal

from perfrules.extract.api import interpret
from perfrules.extract.draft import Draft
from perfrules.extract.text import read
from tests.extract.conftest import seed_path


def _draft(number: str) -> Draft:
    path = seed_path(number)
    return interpret(read(path.read_bytes(), path.name))


def _field(ind: object, name: str) -> object:
    return ind.fields[name][0].value  # type: ignore[attr-defined]


def test_one_paragraph_per_indicator() -> None:
    inds = _draft("004").indicators
    assert [i.name for i in inds] == [
        "人员经费支出总金额", "应急救护人员培训考核合格率", "项目支出执行率", "慰问贫困人员户数",
        "开展艾滋病宣传活动次数", "造血干细胞采样份数", "群众满意度",
    ]  # fmt: skip
    first, last = inds[0], inds[-1]
    assert (_field(first, "target"), _field(first, "midyear"), _field(first, "actual")) == (
        "小于等于95.81万元",
        "58.38万元",
        "85.58万元",
    )
    assert (_field(first, "completion_rate"), _field(first, "weight"), _field(first, "score")) == (
        Decimal("95.66"),
        Decimal("10"),
        Decimal("10"),
    )
    assert _field(first, "deviation_reason") == "由于实际考勤情况，造成人员经费与预期有偏差。"
    assert _field(last, "target") == "大于等于 95%"  # as written, its space kept
    assert "deviation_reason" not in inds[2].fields


def test_budget_figures_inside_an_indicator_paragraph_are_claims_not_its_fields() -> None:
    draft = _draft("004")
    adjusted = [st.origin.text for st in draft.budget["adjusted"]]
    assert any("调整后全年预算数89.46万元" in t for t in adjusted)
    assert not any(
        "95.81" in st.origin.text
        for st in draft.budget.get("initial", [])
        if "预期指标值" in st.origin.text
    )


def test_target_lists() -> None:
    inds = _draft("003").indicators
    assert len(inds) == 20
    names = {i.name: _field(i, "target") for i in inds}
    assert names["租赁备灾仓库面积"] == "不低于 100 平方米"  # 面积 alone names the clause before it
    assert (
        names["培训宣传普及合格率"] == names["各项任务完成及时率"] == "达到 90%以上"
    )  # one target, two names
    assert names["社区群众对红十字社区为群众所提供服务的满意度"] == "达到 90%以上"  # 接受 left out
    assert "开展无偿献血、造血干细胞及人体和器官捐献等活动对外宣传" in names  # 、 inside one name
    assert all(i.goal is not None for i in inds) and inds[0].goal.value == "开展应急救援工作"  # type: ignore[union-attr]
    assert not any("actual" in i.fields for i in inds)


def test_unmet_indicators_named_in_problems() -> None:
    first, second = _draft("002").indicators
    assert (first.name, first.tier2.value, first.tier1.value) == (
        "人道救助受益人数",
        "经济效益指标",
        "效益指标",
    )  # type: ignore[union-attr]
    assert _field(first, "deviation_reason") == "人道救助资金缺少"
    assert str(_field(first, "improvement")).startswith("加大筹资力度，扩大救助范围。")
    assert str(_field(second, "improvement")).startswith("加大宣传力度")
