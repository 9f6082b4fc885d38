"""The catalogue's Chinese for the comments of the template report ``perfrules init`` writes.

:data:`ZH_COMMENTS` pairs each English comment phrase of
:data:`perfrules.document.template.TEMPLATE` with its Chinese; the Chinese
template is the English one with these phrases replaced, so the document
itself (keys and values) is written once.
"""

from __future__ import annotations

__all__ = ["ZH_COMMENTS"]

#: The English comment phrases of :data:`TEMPLATE` and their Chinese: every phrase
#: occurs in the template exactly once (tests/document/test_template.py), and
#: what the Chinese template's comments keep in Latin letters are keys, values
#: and commands.
ZH_COMMENTS: tuple[tuple[str, str], ...] = (
    ("perfrules report document (format 1)", "perfrules 报告文档（格式 1）"),
    (
        "# Replace the example figures with your report's own, then run",
        "# 把示例数字换成本报告的数字，然后运行",
    ),
    (
        "# Every key is described in docs/report-format.md; `perfrules schema` prints\n"
        "# the JSON Schema. Money is in report.money_unit unless written as a string\n"
        '# with its own unit ("1.12元", "95.81万元"). Percentages are numbers in percent\n'
        '# (92.84 means 92.84%). Keys marked "optional" may be left out.',
        "# 每个键的含义见 docs/report-format.md；`perfrules schema` 输出 JSON Schema。\n"
        '# 金额的单位是 report.money_unit，写成带单位的字符串（"1.12元"、"95.81万元"）\n'
        "# 时除外。百分比写成百分数（92.84 即 92.84%）。\n"
        "# 标为“可选”的键可以不写。",
    ),
    ("# as written; its year must be report.year", "# 按原文照录；其中的年度须等于 report.year"),
    ("# 预算年度: the budget year evaluated", "# 预算年度：被评价的预算年度"),
    ("# 填报日期 (optional): after the year ended", "# 填报日期（可选）：应在该年度结束之后"),
    ('"万元": unit of every bare money number', '"万元"：所有未写单位的金额的单位'),
    ('"某省某市某区"               # optional', '"某省某市某区"               # 可选'),
    (
        "# optional scoring profile (`perfrules profiles`)",
        "# 可选：评分方案（`perfrules profiles` 列出）",
    ),
    ("# 年中调整数 (调减 is negative)", "# 年中调整数（调减为负数）"),
    ("# 预算执行率得分 (optional)", "# 预算执行率得分（可选）"),
    ("# 年末结转结余 (optional) = adjusted", "# 年末结转结余（可选）= adjusted"),
    ("# 执行率偏低的原因, when the rate is low", "# 执行率偏低时，写明原因"),
    (
        "# [[lines]]: 支出明细. Rows form trees through `parent`; children add up to\n"
        "# their parent, and a share is a percentage of the parent's same figure.",
        "# [[lines]]：支出明细。各行通过 `parent` 组成树：子项之和等于父项，\n"
        "# share 是占父项同一数字的百分比。",
    ),
    (
        '# [[indicators]]: 绩效指标. target/actual as written ("≥50万页", "不少于2000人次",\n'
        '# "12月底完成", "是") or as a table {op = ">=", value = 50, unit = "万页"}.',
        '# [[indicators]]：绩效指标。target/actual 按原文照录（"≥50万页"、"不少于2000人次"、\n'
        '# "12月底完成"、"是"），或写成表 {op = ">=", value = 50, unit = "万页"}。',
    ),
    ("# 年度目标 (optional)", "# 年度目标（可选）"),
    ("# 偏差原因: required for a missed target", "# 偏差原因：未完成目标时必填"),
    ("# 改进措施: required for a missed target", "# 改进措施：未完成目标时必填"),
    ("# 总分 = indicator scores + execution_score", "# 总分 = 各指标得分 + execution_score"),
    ("# 等级: must be the grade of the score", "# 等级：须是总分所在的等级"),
    ("满意度指标 = 10 }   # optional", "满意度指标 = 10 }   # 可选"),
    ("# the prose sections rules look at", "# 规则要读的文字部分"),
    (
        "# [[claims]]: a figure the report states a second time, elsewhere; perfrules\n"
        "# checks that both agree.",
        "# [[claims]]：报告在别处再次写到的数字；\n# perfrules 检查两处是否一致。",
    ),
    (
        "# [[waivers]]: a finding you knowingly accept, with the reason.",
        "# [[waivers]]：明知而接受的检查结果，写明理由。",
    ),
)
