"""The commented template report document that ``perfrules init`` writes, its comments in Chinese or English.

The template is a complete, consistent report (the figures of the format
specification's example) with a comment on every key, so that it loads
cleanly and checks without findings as written; a user replaces the figures
with their own and runs ``perfrules check`` as they go. The document itself
(keys and values) is written once; the Chinese comments are the English
ones translated phrase by phrase (:data:`perfrules.messages.template.ZH_COMMENTS`).
"""

from __future__ import annotations

from perfrules.messages.template import ZH_COMMENTS

__all__ = ["TEMPLATE", "ZH_COMMENTS", "template"]

TEMPLATE = """\
# 绩效自评报告 — perfrules report document (format 1)
#
# Replace the example figures with your report's own, then run
#     perfrules check report.toml
# Every key is described in docs/report-format.md; `perfrules schema` prints
# the JSON Schema. Money is in report.money_unit unless written as a string
# with its own unit ("1.12元", "95.81万元"). Percentages are numbers in percent
# (92.84 means 92.84%). Keys marked "optional" may be left out.

format = 1

[report]
kind = "department"                    # "department" 部门整体支出 | "project" 项目支出
title = "2023年度部门整体支出绩效自评报告"   # as written; its year must be report.year
department = "某区档案馆"               # 部门（单位）名称
year = 2023                            # 预算年度: the budget year evaluated
filled_on = 2024-04-12                 # 填报日期 (optional): after the year ended
money_unit = "万元"                    # "元" | "万元": unit of every bare money number
# region = "某省某市某区"               # optional
# profile = "national"                 # optional scoring profile (`perfrules profiles`)

[budget]                               # 预算执行情况
initial = 120.00                       # 年初预算数
adjustment = -8.00                     # 年中调整数 (调减 is negative)
adjusted = 112.00                      # 调整后预算数 = initial + adjustment
executed = 106.40                      # 全年执行数
execution_rate = 95.00                 # 预算执行率 % = executed / adjusted
execution_score = 9.5                  # 预算执行率得分 (optional)
# carryover = 5.60                     # 年末结转结余 (optional) = adjusted − executed
# deviation_reason = "..."             # 执行率偏低的原因, when the rate is low

# [[lines]]: 支出明细. Rows form trees through `parent`; children add up to
# their parent, and a share is a percentage of the parent's same figure.
[[lines]]
id = "basic"
label = "基本支出"
kind = "basic"                         # source | basic | project | personnel | public |
executed = 98.40                       # three_public | function | item | other

[[lines]]
id = "personnel"
label = "人员经费"
kind = "personnel"
parent = "basic"
executed = 90.20
share = 91.67                          # 占基本支出的比例 %

[[lines]]
id = "public"
label = "公用经费"
kind = "public"
parent = "basic"
executed = 8.20
share = 8.33

[[lines]]
id = "digitize"
label = "档案数字化项目"
kind = "project"
budget = 10.00                         # 预算数
executed = 8.00                        # 执行数

# [[indicators]]: 绩效指标. target/actual as written ("≥50万页", "不少于2000人次",
# "12月底完成", "是") or as a table {op = ">=", value = 50, unit = "万页"}.
[[indicators]]
goal = "档案数字化"                      # 年度目标 (optional)
tier1 = "产出指标"                       # 一级指标
tier2 = "数量指标"                       # 二级指标
name = "档案数字化页数"                   # 三级指标
target = "≥50万页"                      # 年初目标值
actual = "42万页"                       # 实际完成值
weight = 30                            # 分值
score = 25.2                           # 自评得分 = 42 / 50 × 30
deviation_reason = "扫描设备采购延迟两个月"  # 偏差原因: required for a missed target
improvement = "提前开展设备采购"           # 改进措施: required for a missed target

[[indicators]]
goal = "档案利用服务"
tier1 = "产出指标"
tier2 = "数量指标"
name = "档案查询服务人次"
target = "不少于2000人次"
actual = "2350人次"
weight = 20
score = 20

[[indicators]]
goal = "档案利用服务"
tier1 = "效益指标"
tier2 = "社会效益指标"
name = "档案资源服务社会能力提升"
target = "是"
actual = "是"
weight = 30
score = 30

[[indicators]]
tier1 = "满意度指标"
tier2 = "服务对象满意度指标"
name = "查档群众满意度"
target = "≥90%"
actual = "96%"
weight = 10
score = 10

[evaluation]                           # 自评结果
score = 94.7                           # 总分 = indicator scores + execution_score
grade = "优"                           # 等级: must be the grade of the score
# tier_scores = { 产出指标 = 45.2, 效益指标 = 30, 满意度指标 = 10 }   # optional

[narrative]                            # the prose sections rules look at
unmet_targets = "档案数字化页数未达目标，原因是扫描设备采购延迟。"   # 未完成绩效目标及原因
problems = "预算编制不够精细。"                                   # 存在的问题
# measures = "..."                     # 改进措施
# conclusion = "..."                   # 评价结论

# [[claims]]: a figure the report states a second time, elsewhere; perfrules
# checks that both agree.
[[claims]]
about = "indicator:档案数字化页数.target"
value = "50万页以上"
source = "二、（一）年度绩效目标"

# [[waivers]]: a finding you knowingly accept, with the reason.
# [[waivers]]
# rule = "PR041"
# about = "indicator:档案查询服务人次"
# reason = "..."
"""


def template(lang: str = "zh") -> str:
    """The template document's text (TOML), its comments in ``lang`` (``zh`` or ``en``).

    Both languages give the same document; only the comments differ.
    """
    if lang == "en":
        return TEMPLATE
    text = TEMPLATE
    for en, zh in ZH_COMMENTS:
        text = text.replace(en, zh)
    return text
