"""What the fixture reports say: their paragraphs and forms, from the hand encodings in examples/*.toml.

The builders (:mod:`tests.extract.builders`) write these into .docx, .xlsx
and .pdf files; the tests expect the readers to give them back. Values come
from the example's TOML (read with decimals, so 202.98 stays "202.98"), the
connecting wording from the seed reports in shared/seeds (quoted here).

A form is a grid of rows with one entry per column: a :class:`CellSpec` (the
cell's paragraphs), :data:`LEFT` (merged into the cell on the left) or
:data:`UP` (merged into the cell above).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import tomli

from tests.conftest import EXAMPLES

LEFT = "<merged left>"
UP = "<merged up>"


@attrs.frozen
class Para:
    """A paragraph: its text (``\\n`` is a line break inside it) and its list level, if numbered."""

    text: str
    level: int | None = None  # 0: 一、  1: （一）  2: 1.   (the heading list)
    listed: bool = False  # numbered in the cell list: 1. 2. 3.


@attrs.frozen
class CellSpec:
    """A table cell's paragraphs."""

    paras: tuple[Para, ...]

    @classmethod
    def of(cls, text: str) -> CellSpec:
        return cls((Para(text),))

    def shown(self, labels: tuple[str, ...] = ()) -> str:
        """The cell's text as Word shows it: paragraphs joined by line breaks, labels in front."""
        out = []
        n = 0
        for para in self.paras:
            label = ""
            if para.listed:
                label = labels[n] if n < len(labels) else f"{n + 1}."
                n += 1
            out.append(label + para.text)
        return "\n".join(out)


Entry = CellSpec | str


#: The header row of the national form's indicator table, as written.
INDICATOR_HEADER = (
    "年度绩效目标完成情况",
    "一级指标",
    "二级指标",
    "三级指标",
    "年初目标值",
    "实际完成值",
)


def example(name: str) -> dict[str, Any]:
    """The example's TOML, numbers as decimals."""
    text = (EXAMPLES / f"{name}.toml").read_text(encoding="utf-8")
    return tomli.loads(text, parse_float=Decimal)


def _line(doc: dict[str, Any], line_id: str) -> dict[str, Any]:
    return next(line for line in doc["lines"] if line["id"] == line_id)


# --- caidian-2024: the 部门整体绩效自评表 with merged tier cells --------------------

CAIDIAN_MEASURES = (
    "细化预算编制工作，认真做好预算的编制。进一步加强单位内部机构的预算管理意识，严格按照预算编制的相关制度和要求。",
    "遵循预算管理办法，对于年度无法预计的相关工作所需费用和结余资金确保资金严格按照预算专项资金使用程序申报及使用。",
    "预算财务分析常态化。定期做好支出预算财务分析，及时对费用预算执行情况进行通报和预警。",
)
CAIDIAN_NOTES = (
    "备注：",
    "1.预算执行情况口径：预算数为年初预算总额（包括上年结余结转），执行数为调整后单位实际支出数。",
    "2.定性指标分档原则：分为达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标且效果较差三档。",
)


def caidian_form() -> list[list[Entry]]:
    """The 自评表 of seed 001 laid out as the Hubei form does, from examples/caidian-2024.toml."""
    doc = example("caidian-2024")
    report, budget = doc["report"], doc["budget"]
    c = CellSpec.of
    rows: list[list[Entry]] = [
        [c("单位名称"), c(report["department"]), LEFT, LEFT, LEFT, LEFT],
        [
            c("基本支出总额（万元）"),
            c(str(_line(doc, "basic")["executed"])),
            LEFT,
            c("项目支出总额"),
            c(str(_line(doc, "project")["executed"])),
            LEFT,
        ],
        [
            c("预算执行情况（万元）"),
            c(""),
            LEFT,
            c("预算数（A）"),
            c("执行数（B）"),
            c("执行率（B/A）"),
        ],
        [
            UP,
            c("部门整体支出总额"),
            LEFT,
            c(str(budget["initial"])),
            c(str(budget["executed"])),
            c(str(budget["execution_rate"])),
        ],
    ]
    goals: list[str] = []
    for ind in doc["indicators"]:
        if ind["goal"] not in goals:
            goals.append(ind["goal"])
    for n, goal in enumerate(goals, start=1):
        rows.append([c(f"年度目标{n}：{goal}"), LEFT, LEFT, LEFT, LEFT, LEFT])
        rows.append([c(t) for t in INDICATOR_HEADER])
        previous: dict[str, Any] | None = None
        for ind in (i for i in doc["indicators"] if i["goal"] == goal):
            same1 = previous is not None and previous["tier1"] == ind["tier1"]
            same2 = same1 and previous is not None and previous["tier2"] == ind["tier2"]
            rows.append(
                [
                    UP,
                    UP if same1 else c(ind["tier1"]),
                    UP if same2 else c(ind["tier2"]),
                    c(ind["name"]),
                    c(ind["target"]),
                    c(ind["actual"]),
                ]
            )
            previous = ind
    rows.append(
        [c("偏差大或\n目标未完成\n原因分析"), c(budget["deviation_reason"]), LEFT, LEFT, LEFT, LEFT]
    )
    measures = CellSpec(
        (*(Para(text, listed=True) for text in CAIDIAN_MEASURES), Para(""))
    )  # an empty paragraph closes the cell, as in the seed
    rows.append([c("改进措施及\n结果应用方案"), measures, LEFT, LEFT, LEFT, LEFT])
    return rows


def caidian_paragraphs() -> tuple[list[Para], list[Para]]:
    """The report's paragraphs before and after its 自评表 (seed 001's wording, the example's figures)."""
    doc = example("caidian-2024")
    report, budget, narrative = doc["report"], doc["budget"], doc["narrative"]
    filled = report["filled_on"]
    before = [
        Para(report["department"]),
        Para(report["title"]),
        Para(""),
        Para("自评结论", 0),
        Para("整体绩效自评得分", 1),
        Para(
            "为加强财政支出管理，强化支出责任，建立科学、合理的财政支出绩效评价管理体系，"
            "提高财政资金使用效益，根据《中华人民共和国预算法》等有关规定，"
            f"{report['department']}对绩效目标设定情况、资金投入和使用情况等进行评价，"
            f"{narrative['conclusion']}。"
        ),
        Para("整体绩效目标完成情况", 1),
        Para("执行率情况", 2),
        Para(
            f"{report['department']}（以下简称“区红十字会”）{report['year']}年部门整体预算金额"
            f"{budget['initial']}万元，部门决算支出{budget['executed']}万元,"
            f"预算执行率{budget['execution_rate']}%。"
        ),
        Para("未完成的绩效目标", 2),
        Para(narrative["unmet_targets"]),
        Para("存在的问题和原因", 1),
        Para(narrative["problems"]),
        Para("佐证材料", 0),
        Para("基本情况", 1),
        Para(
            f"1.区红十字会{report['year']}年预算总额资金共{budget['initial']}万元（全部为财政拨款收入），"
            f"预算调减数为{-budget['adjustment']}万元，调减后预算数{budget['adjusted']}万元。"
            f"其中：基本支出{_line(doc, 'basic')['executed']}万元，"
            f"项目支出{_line(doc, 'project')['executed']}万元。"
        ),
        Para(f" {report['year']}年度{report['department']}"),
        Para("部门整体绩效自评表"),
        Para(
            f"单位名称：{report['department']}\t\t填报日期：{filled.year}.{filled.month}.{filled.day}"
        ),
    ]
    after = [Para(text) for text in CAIDIAN_NOTES]
    return before, after


#: The labels Word shows for caidian's numbered headings, in order.
CAIDIAN_LABELS = ("一、", "（一）", "（二）", "1.", "2.", "（三）", "二、", "（一）")


# --- urumqi-2023: prose indicators, no table -----------------------------------------

_NUMERALS = "一二三四五六七八九十"


def urumqi_paragraphs() -> list[Para]:
    """Seed 004's sections (headings numbered by their styles), figures from examples/urumqi-2023.toml."""
    doc = example("urumqi-2023")
    report, budget, ev = doc["report"], doc["budget"], doc["evaluation"]
    filled = report["filled_on"]
    basic = _line(doc, "basic")
    paras = [
        Para("高新区部门单位整体支出 绩效自评报告"),
        Para(f"({report['year']} 年度)"),
        Para(f"部门单位名称(公章): {report['department']}"),
        Para(f"填报时间: {filled.year} 年 {filled.month} 月 {filled.day} 日"),
        Para("基本概况", 0),
        Para("部门单位年度重点工作", 1),
        Para(
            "慈善募捐方面，区红十字会组织全区各乡镇、街道开展了“爱心大礼包”认捐宣传工作，"
            "为弱势群体送去党和政府的温暖，发扬红十字会的桥梁纽带作用，大力弘扬“人道、博爱、奉献”的红十字会"
            "精神，区红十字会在辖区开展了“红十字博爱送万家”帮扶困难家庭慰问活动。"
        ),
        Para("部门单位整体预算规模及安排情况", 1),
        Para(
            f"我单位年初批复预算数 {budget['initial']} 万元，年中调减数 {-budget['adjustment']} 万元，"
            f"调整后全年预算数 {budget['adjusted']} 万元。"
        ),
        Para(
            f"全年预算数为 {budget['adjusted']} 万元，全年实际支出资金 {budget['executed']} 万元，"
            f"预算执行率为 {budget['execution_rate']}%。"
        ),
        Para("部门单位整体支出管理及使用情况", 0),
        Para(
            f"{report['year']}年本单位基本支出全年预算总额{basic['budget']}万元,"
            f"其中:人员经费{_line(doc, 'personnel')['budget']}万元,"
            f"公用经费{_line(doc, 'public')['budget']}万元。实际支出{basic['executed']}万元。"
        ),
        Para("部门单位整体支出绩效分析", 0),
        Para(
            f"我单位{report['year']}年全年预算金额为{budget['adjusted']}万元，执行金额为{budget['executed']}万元，"
            f"执行率为{budget['execution_rate']}%，得{budget['execution_score']}分。"
        ),
    ]
    for n, ind in enumerate(doc["indicators"]):
        paras.append(Para(f"指标{_NUMERALS[n]}：", 1))
        text = (
            f"{ind['name']}:该预期指标值为{ind['target']},年中监控实际完成值为{ind['midyear']},"
            f"本次评价{ind['name']}为{ind['actual']},该指标完成率为{ind['completion_rate']}%。"
        )
        if "deviation_reason" in ind:
            text += f"偏差原因:{ind['deviation_reason']}"
        if "improvement" in ind:
            text += f"改进措施:{ind['improvement']}"
        text += f"该指标权重分值为{ind['weight']}分,自评得分{ind['score']}分。"
        paras.append(Para(text))
    paras += [
        Para("评价结论", 0),
        Para(
            f"{report['year']} 年度部门整体支出绩效自评综合得分 {ev['score']} 分，"
            f"评价结果为“{ev['grade']}”。"
        ),
        Para("存在的主要问题及原因分析", 0),
        Para(
            doc["narrative"]["problems"].removesuffix("……")
            + "\n绩效指标的明确性、可衡量性、相关性还需进一步提升。"
        ),
    ]
    return paras


def urumqi_labels() -> list[str]:
    """The labels Word shows for urumqi's headings: 一、 (tab), (一) (space)."""
    labels = []
    top = sub = 0
    for para in urumqi_paragraphs():
        if para.level == 0:
            top, sub = top + 1, 0
            labels.append(f"{_NUMERALS[top - 1]}、\t")
        elif para.level == 1:
            sub += 1
            labels.append(f"({_NUMERALS[sub - 1]}) ")
    return labels
