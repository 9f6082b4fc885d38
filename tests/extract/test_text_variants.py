"""Texts as other exporters write them: traditional characters, running headers, GBK, odd spaces, full-width forms."""

from __future__ import annotations

from decimal import Decimal

import perfrules
from perfrules.extract.layout import Paragraph
from perfrules.extract.text import read_text

REPORT = (
    "某区档案馆２０２３年度部门整体支出绩效自评报告\n"
    "一、预算执行情况\n"
    "本年度年初预算数为１２０．００万元，调减数８万元，调整后预算数１１２万元，全年执行数１０６．４０万元，预算执行率为９５．００％。\n"
    "二、评价结论\n"
    "综合得分\u00a094.7分，评价结果为“优”。\n"
)


def test_full_width_digits_and_odd_spaces() -> None:
    ex = perfrules.extract(REPORT.encode("gb18030"), "text", file="r.txt")
    budget = ex.report.budget
    assert (
        budget is not None
        and budget.initial is not None
        and budget.initial.amount == Decimal("120.00")
    )
    assert budget.execution_rate is not None and budget.execution_rate.value == Decimal("95.00")
    assert ex.report.evaluation is not None and ex.report.evaluation.score == Decimal("94.7")
    assert ex.report.report.year == 2023


def test_traditional_characters_are_read_through_the_vocabulary() -> None:
    traditional = (
        "某區檔案館2023年度部門整體支出績效自評報告\n"
        "一、預算執行情況\n"
        "本年度年初預算數為120.00萬元，全年執行數106.40萬元，預算執行率為88.67%。\n"
    )
    ex = perfrules.extract(traditional.encode("utf-8"), "text", file="r.txt")
    budget = ex.report.budget
    assert (
        budget is not None
        and budget.initial is not None
        and budget.initial.amount == Decimal("120.00")
    )
    assert budget.executed is not None and budget.executed.amount == Decimal("106.40")
    assert "年初預算數為120.00萬元" in ex.text  # the comment keeps the text as written


def test_running_headers_beside_page_numbers_are_furniture() -> None:
    pages = []
    for n in range(1, 4):
        pages.append(
            "某区档案馆绩效自评报告\n第" + str(n) + "段正文，内容不同。\n- " + str(n) + " -\n"
        )
    layout = read_text("".join(pages), "r.txt")
    texts = [b.text.text for b in layout.blocks if isinstance(b, Paragraph)]
    assert texts == ["第1段正文,内容不同。", "第2段正文,内容不同。", "第3段正文,内容不同。"]
    assert sorted({u.reason for u in layout.unread}) == ["page-header", "page-number"]
