"""The five seed reports: perfrules finds exactly what a finance reviewer finds.

Each example's header comment lists the reviewer's findings with their
arithmetic; this test holds the engine to that list under the profile the
report follows. A finding outside the list is either a new real problem (add
it to the header with its arithmetic) or a false alarm (fix the rule).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import perfrules
from tests.conftest import EXAMPLES

CAIDIAN_EXCEEDED = (
    "信息数量",
    "宣传方式多样性",
    "新增志愿者人数",
    "普及救护培训人次数",
    "红十字宣传",
    "组织志愿服务活动次数",
)
LUQUAN_NO_ACTUAL = (
    "制作发放外宣品",
    "单位人员对工资福利等发放工作的满意程度",
    "各项任务完成及时率",
    "培训宣传普及合格率",
    "应急救护知识普及",
    "开展常规节日志愿服务活动",
    "开展无偿献血、造血干细胞及人体和器官捐献等活动对外宣传",
    "开展社区红十字志愿服务活动次数",
    "开展红十字宣传纪念活动",
    "普及培训初级救护员人数",
    "服务对象满意度",
    "活动开展参与者的满意度",
    "满意度",
    "社会影响力和工作满意度",
    "社区居民宣传",
    "社区群众对红十字社区为群众所提供服务的满意度",
    "租赁备灾仓库面积",
    "系列活动参与者满意度",
    "红十字宣传展牌及宣传资料",
    "群众满意度",
)

EXPECTED: dict[str, set[tuple[str, str]]] = {
    "clean.toml": set(),
    "haidian-2021.toml": {
        ("PR002", "budget.carryover"),
        ("PR070", "indicators"),
        ("PR121", "evaluation.grade"),
    },
    "caidian-2024.toml": {
        ("PR033", "indicator:新增志愿者人数"),
        *{("PR041", f"indicator:{name}") for name in CAIDIAN_EXCEEDED},
        ("PR050", "indicator:新增志愿者人数.target"),
        ("PR050", "indicator:普及救护培训人次数.target"),
        ("PR050", "indicator:组织志愿服务活动次数.target"),
        ("PR061", "report.filled_on"),
        ("PR074", "indicator:satisfaction-2"),
        ("PR074", "indicator:保障红十字会工作顺利开展，更好服务于民（是否）"),
        ("PR075", "indicator:satisfaction-2"),
        ("PR121", "evaluation.grade"),
    },
    "quyuan-2024.toml": {
        ("PR020", "line:basic"),
        ("PR022", "line:public"),
        ("PR030", "indicator:人道救助受益人数"),
        ("PR030", "indicator:积极动员社会力量参与扶弱助残、助医、助学、助困"),
        ("PR043", "all_targets_met"),
        ("PR071", "tier:产出指标"),
        ("PR121", "evaluation.grade"),
    },
    "luquan-2024.toml": {
        ("PR020", "line:veterans"),
        *{("PR030", f"indicator:{name}") for name in LUQUAN_NO_ACTUAL},
        ("PR060", "report.title"),
        ("PR071", "tier:产出指标"),
        ("PR071", "tier:效益指标"),
        ("PR072", "evaluation"),
    },
    "urumqi-2023.toml": {
        ("PR032", "indicator:人员经费支出总金额"),
        ("PR040", "indicator:项目支出执行率"),
        ("PR071", "tier:产出指标"),
        ("PR071", "tier:效益指标"),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_findings_are_exactly_the_reviewers(name: str) -> None:
    report = perfrules.load(EXAMPLES / name)
    found = {(f.rule, f.about) for f in perfrules.check(report).findings}
    assert found == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_expected_finding_is_in_the_example_header(name: str) -> None:
    header = (EXAMPLES / name).read_text(encoding="utf-8").split("\n[", 1)[0]
    for rule, _ in EXPECTED[name]:
        assert rule in header, f"{name}: {rule} is expected but its arithmetic is not in the header"


def test_urumqi_scores_like_its_report() -> None:
    report = perfrules.load(EXAMPLES / "urumqi-2023.toml")
    sheet = perfrules.score(report)
    assert sheet.total.recomputed == sheet.total.stated == Decimal("86.57")
    assert sheet.grade.of_recomputed.word == "良"
    assert all(s.recomputed == s.stated for s in sheet.indicators)
    under = perfrules.score(report, "shijiazhuang")
    assert under.grade.of_recomputed.word == "优秀"
    findings = perfrules.check(report, profile="shijiazhuang").findings
    grade = [f for f in findings if f.rule == "PR120"]
    assert grade and "优秀" in grade[0].message("zh")


def test_caidian_rate_follows_hubei_basis_and_names_it_under_national() -> None:
    report = perfrules.load(EXAMPLES / "caidian-2024.toml")
    assert not [f for f in perfrules.check(report).findings if f.rule == "PR010"]
    national = [
        f for f in perfrules.check(report, profile="national").findings if f.rule == "PR010"
    ]
    assert len(national) == 1
    assert "年初预算数" in national[0].message("zh") and "initial budget" in national[0].message(
        "en"
    )
