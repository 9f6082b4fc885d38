"""Tables: the indicator table by its column labels (tiers filled down, goals from spanning rows), the budget block."""

from __future__ import annotations

from decimal import Decimal

from perfrules.extract.api import interpret
from perfrules.extract.draft import Amount
from perfrules.extract.text import read, read_text
from tests.extract.conftest import seed_path


def test_seed_001_indicator_table() -> None:
    path = seed_path("001")
    draft = interpret(read(path.read_bytes(), path.name))
    table = [i for i in draft.indicators if i.origin.place.table == 1]
    assert len(table) == 16
    rows = [
        (
            i.goal.value if i.goal else None,
            i.tier1.value if i.tier1 else None,
            i.tier2.value if i.tier2 else None,
            i.name,
        )
        for i in table
    ]
    assert rows[1] == ("完成红十字业务工作", "产出指标", "数量指标", "普及救护培训人次数")
    assert rows[-1] == (
        "完成红十字发展专项工作",
        "效果指标",
        "社会公众或服务对象满意度指标",
        "社会公众对开展此项工作的满意度",
    )
    first = table[0]
    assert first.fields["target"][0].value == "1500人"
    assert table[4].fields["target"][0].value == "＞90%"  # as written
    assert first.fields["target"][0].origin.place.render() == f"{path.name}:120:2 (表1 第6行 第5列)"


def test_budget_block_of_a_form_names_the_form() -> None:
    path = seed_path("001")
    draft = interpret(read(path.read_bytes(), path.name))
    table = [st for st in draft.budget["initial"] if st.origin.place.table is not None]
    assert [st.value for st in table] == [Amount(Decimal("202.98"), "万元")]
    assert [st.value for st in draft.info["profile"]] == ["hubei"]


def test_national_form_with_scores_and_merged_rows() -> None:
    text = (
        "某区档案馆2023年度部门整体支出绩效自评表\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 产出指标 | 数量指标 | 档案数字化页数 | ≥50万页 | 42万页 | 30 | 25.2 | 设备采购延迟 |\n"
        "| | | 档案查询服务人次 | 不少于2000人次 | 2350人次 | 20 | 20 | — |\n"
        "| 满意度指标 | 服务对象满意度指标 | 查档群众满意度 | ≥90% | 96% | 10 | 10 | |\n"
    )
    draft = interpret(read_text(text, "n.txt"))
    names = [
        (i.tier1.value if i.tier1 else None, i.tier2.value if i.tier2 else None, i.name)
        for i in draft.indicators
    ]
    assert names[1] == ("产出指标", "数量指标", "档案查询服务人次")
    assert draft.indicators[0].fields["score"][0].value == Decimal("25.2")
    assert draft.indicators[0].fields["deviation_reason"][0].value == "设备采购延迟"
    assert "deviation_reason" not in draft.indicators[1].fields
