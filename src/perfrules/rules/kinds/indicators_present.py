"""Indicators present: a department report (部门整体支出) has a table of performance indicators.

The 部门整体支出绩效自评表 is built on the indicator table (绩效指标: 一级、
二级、三级指标 with 年初目标值 and 实际完成值); a self-evaluation without one
cannot show whether any target was met. Project reports are not checked here
(their form varies).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.document.model import ReportKind
from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ()


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    if ctx.report.report.kind is ReportKind.DEPARTMENT and not ctx.report.indicators:
        yield Hit("indicators", "indicators")
