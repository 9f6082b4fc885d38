"""The report's header: title, department, region, year (title against body), filing date, kind, profile."""

from __future__ import annotations

import datetime

from perfrules.extract.api import interpret
from perfrules.extract.text import read_text
from tests.extract.conftest import extracted


def test_seed_headers() -> None:
    info = {n: extracted(n).report.report for n in ("000", "001", "002", "003", "004")}
    assert info["000"].department == "北京市海淀区红十字会" and info["000"].region == "北京市海淀区"
    assert info["000"].year == 2021 and info["000"].money_unit == "元"
    assert info["001"].filled_on == datetime.date(2024, 4, 15) and info["001"].profile == "hubei"
    assert (
        info["002"].title == "2024年度区红十字会部门整体支出绩效自评报告"
    )  # joined from two lines
    assert info["003"].filled_on == datetime.date(2024, 4, 10)  # the date under the signature
    assert info["003"].profile == "shijiazhuang"  # the report states the scheme of that profile
    assert info["004"].title == "高新区部门单位整体支出 绩效自评报告(2023 年度)"
    assert info["004"].region == "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)"
    assert all(i.kind.value == "department" for i in info.values())


def test_title_year_against_the_body_is_for_review() -> None:
    ex = extracted("003")
    assert ex.report.report.year == 2023
    (review,) = [r for r in ex.review if r.about == "report.year"]
    assert review.chosen == 2023 and [v for v, _ in review.alternatives] == [2023, 2024]
    assert "REVIEW: the title says 2024" in ex.text


def test_labels_and_project_reports() -> None:
    text = "某县农业农村局2023年度项目支出绩效自评报告\n单位名称：某县农业农村局    填报日期：2024年3月8日\n一、基本情况\n2023年预算执行良好。\n"
    draft = interpret(read_text(text, "p.txt"))
    assert [st.value for st in draft.info["kind"]] == ["project"]
    assert draft.info["filled_on"][0].value == datetime.date(2024, 3, 8)
    assert min(draft.info["department"], key=lambda st: st.rank).value == "某县农业农村局"
    assert draft.info["year"][0].value == 2023
