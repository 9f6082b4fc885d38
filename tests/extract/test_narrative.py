"""Evaluation statements of the whole report and the narrative sections found by their titles."""

from __future__ import annotations

from decimal import Decimal

from tests.extract.conftest import extracted


def test_grades_and_scores_of_the_whole_only() -> None:
    assert extracted("000").report.evaluation.grade == "优"  # type: ignore[union-attr]
    assert extracted("002").report.evaluation.grade == "优秀"  # type: ignore[union-attr]
    e4 = extracted("004").report.evaluation
    assert e4 is not None and (e4.score, e4.grade) == (Decimal("86.57"), "良")
    assert (
        extracted("003").report.evaluation is None
    )  # 得分≥85分为优秀 is the scheme; 评估为优秀 is said of a tier


def test_sections() -> None:
    n0 = extracted("000").report.narrative
    assert n0 is not None and n0.unmet_targets == "无"
    assert n0.measures is not None and n0.measures.startswith("聚焦保护人的生命和健康")
    n3 = extracted("003").report.narrative
    assert n3 is not None and (n3.problems, n3.measures) == ("无", "无")
    n4 = extracted("004").report.narrative
    assert (
        n4 is not None and n4.measures is not None and "加强预算绩效目标管理工作" not in n4.measures
    )  # （二）建议 is not （一）改进措施
    assert n4.unmet_targets is not None and n4.unmet_targets.startswith(
        "部门整体绩效预期目标值完成不理想"
    )
    n2 = extracted("002").report.narrative
    assert (
        n2 is not None
        and n2.conclusion
        == "从评价来看，单位整体绩效管理情况均为优秀，能够及时完成年初预算绩效目标。"
    )
