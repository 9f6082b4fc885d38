"""Claims: prose figures repeated from the indicator table, matched conservatively, and "all targets met"."""

from __future__ import annotations

import perfrules
from perfrules.extract.api import interpret
from perfrules.extract.text import read, read_text
from tests.extract.conftest import extracted, seed_path


def _claims(number: str) -> set[tuple[str, object]]:
    return {
        (c.about, c.value if isinstance(c.value, bool) else c.value.raw)
        for c in extracted(number).report.claims
    }


def test_seed_001_repeats_found_and_disagreements_kept() -> None:
    claims = _claims("001")
    assert (
        "indicator:普及救护培训人次数.target",
        "7500人次",
    ) in claims  # disagrees with the table's 2500人次
    assert ("indicator:新增志愿者人数.target", "300人") in claims  # disagrees with 100
    assert ("indicator:组织志愿服务活动次数.target", "不少于14次") in claims  # the annual goal
    assert ("indicator:新增志愿者人数.actual", "1314人") in claims  # not 新增红十字会员1219人
    assert ("indicator:培训完成时间.target", "12月底") in claims  # a deadline is a target
    assert ("indicator:培训完成时间.actual", "2024年10月完成") in claims
    assert ("all_targets_met", True) in claims


def test_a_figure_in_a_unit_only_one_indicator_carries() -> None:
    """Worded unlike the name, but in 人次 (only 普及救护培训人次数's unit) and sharing two of its pieces."""
    claims = _claims("001")
    assert ("indicator:普及救护培训人次数.target", "2000人次以上") in claims  # the annual goal
    sources = {c.source for c in extracted("001").report.claims}
    # 普及培训人数9770人次, in the paragraph about 提高群众自救能力和应急处置能力
    assert any((s or "").endswith("普及培训人数9770人次") for s in sources)
    # in the paragraph about 参加救护培训人员合格率, the one indicator counted in 人's figure
    assert any((s or "").endswith("参加救护培训人员共计1849人") for s in sources)


def _restated(table_rows: str) -> dict[str, list[str]]:
    text = (
        "2023年度部门整体支出绩效自评报告\n"
        "二、绩效目标完成情况\n"
        "全年开展宣传12场，接待来访群众培训300人次，普及培训人数290人次。\n"
        "三、部门整体绩效自评表\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\n" + table_rows
    )
    draft = interpret(read_text(text, "t.txt"))
    return {i.name: [str(st.value) for st in i.fields.get("actual", [])] for i in draft.indicators}


def test_a_unit_one_indicator_carries_matches_two_shared_pieces_only() -> None:
    found = _restated(
        "产出指标\t数量指标\t普及救护培训人次数\t≥200人次\t260人次\n"
        "产出指标\t数量指标\t志愿服务活动场次\t≥10场\t12场\n"
    )
    # 普及培训人数 shares 普及 and 培训人; 接待来访群众培训 only 培训: not its figure
    assert found["普及救护培训人次数"] == ["260人次", "290人次"]


def test_a_unit_two_indicators_carry_is_no_match() -> None:
    found = _restated(
        "产出指标\t数量指标\t普及救护培训人次数\t≥200人次\t260人次\n"
        "产出指标\t数量指标\t志愿服务培训人次数\t≥100人次\t120人次\n"
    )
    assert found == {"普及救护培训人次数": ["260人次"], "志愿服务培训人次数": ["120人次"]}


def test_no_claim_from_a_goal_that_only_shares_words() -> None:
    claims = _claims("001")
    values = {v for _, v in claims}
    assert "10人以上" not in values  # 应急救护师资培训10人以上 is not 救护员培训人数
    assert "不少于200人次" not in values  # 参加志愿服务人数 is no indicator
    assert "13人" not in values and "713人" not in values


def test_all_targets_met_statements() -> None:
    assert ("all_targets_met", True) in _claims("002")  # 能够及时完成年初预算绩效目标
    assert ("all_targets_met", True) in _claims("000")  # 达到预期目标
    assert not any(a == "all_targets_met" for a, _ in _claims("004"))  # 目标值完成不理想
    text = "2023年度部门整体支出绩效自评报告\n二、绩效目标完成情况\n本年度未完成年度绩效目标。确保完成年度目标。\n"
    draft = interpret(read_text(text, "t.txt"))
    assert not any(a == "all_targets_met" for a, _ in draft.claims)


def test_claims_are_only_made_about_an_indicator_table() -> None:
    """Prose indicators (seed 004) are not matched against the prose again."""
    assert not any(a.startswith("indicator:") for a, _ in _claims("004"))
    path = seed_path("003")
    assert not any(
        ind.fields.get("actual") for ind in interpret(read(path.read_bytes(), path.name)).indicators
    )


def test_claims_check_as_the_reviewer_found() -> None:
    report = extracted("001").report
    found = {
        (f.rule, f.about)
        for f in perfrules.check(report, profile="hubei").findings
        if f.rule == "PR050"
    }
    assert found == {
        ("PR050", "indicator:普及救护培训人次数.target"),
        ("PR050", "indicator:组织志愿服务活动次数.target"),
        ("PR050", "indicator:新增志愿者人数.target"),
    }


def test_a_claims_source_quotes_from_a_clause_start_never_inside_a_number() -> None:
    """The words quoted before a figure start after a clause mark, not in "200人次" or "志愿者"."""
    sources = {
        c.value.raw: c.source  # type: ignore[union-attr]
        for c in extracted("001").report.claims
        if c.about.startswith("indicator:")
    }
    assert sources["不少于14次"].endswith(": 开展志愿服务活动不少于14次")  # not "0人次，开展…"
    assert sources["300人"].endswith(": 完成目标值300人")  # not "者1314人。完成…"
    assert sources["7500人次"].endswith(": 完成目标值7500人次")  # not "9770人次，完成…"


def test_the_lead_in_does_not_start_inside_a_number() -> None:
    from perfrules.extract.claims import _lead_in

    s = "共开展培训活动123456789次完成目标值7500人次"
    lo = s.index("7500")
    assert s[lo - 12 : lo] == "456789次完成目标值"  # twelve back falls inside 123456789
    assert s[_lead_in(s, lo) : lo] == "次完成目标值"
    t = "参加1234567人次开展活动14次"
    assert t[_lead_in(t, t.index("14")) :] == "人次开展活动14次"
