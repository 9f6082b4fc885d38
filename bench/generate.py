"""A seeded generator of realistic report documents (format 1) for the benchmarks.

Each document looks like a 部门整体支出绩效自评报告 exported to TOML: a budget
block whose figures chain (年初预算数 + 调整数 = 调整后预算数, 执行率 = 执行数 ÷
预算数), 6–15 budget lines in two- and three-level trees that add up (基本支出 →
人员经费/公用经费, 项目支出 → projects → their items, 三公经费 and its items),
20–40 indicators with targets and actuals written the way reports write them
(``"≥12篇"``, ``"不少于200人次"``, ``"100%"``, ``"12月底完成"``, ``"是"``),
weights and scores that follow the national profile, an evaluation, narrative
sections and claims that repeat figures. A few percent of the documents carry
one injected mistake (a broken chain, a wrong rate, a line that does not add
up, a unit slip, a wrong claim, a wrong total, …), named in a comment at the
top of the file.

The same seed always gives the same documents. Run as a script to write a
folder::

    python bench/generate.py OUT_DIR --count 100 --seed 1
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

__all__ = ["MISTAKES", "make_document", "to_toml", "write_folder"]

_CENT = Decimal("0.01")
_HUNDRED = Decimal(100)

#: Mistakes a document may carry (one at most), with the rule that should catch it.
MISTAKES: dict[str, str] = {
    "budget-chain": "PR001",
    "execution-rate": "PR010",
    "line-sum": "PR020",
    "line-share": "PR022",
    "unit-slip": "PR023",
    "completion-rate": "PR032",
    "claim-mismatch": "PR050",
    "title-year": "PR060",
    "total-score": "PR111",
    "grade": "PR120",
    "missed-no-reason": "PR040",
}

_DEPARTMENTS = (
    "区档案馆",
    "区红十字会",
    "县农业农村局",
    "区市场监督管理局",
    "县文化和旅游局",
    "区退役军人事务局",
    "县自然资源和规划局",
    "区卫生健康委员会",
    "县应急管理局",
    "区残疾人联合会",
    "县科学技术协会",
    "区妇女联合会",
    "县水务局",
    "区民政局",
    "区教育局",
    "县司法局",
)
_REGIONS = (
    ("湖北省武汉市", "蔡甸区"),
    ("北京市", "海淀区"),
    ("河北省石家庄市", "鹿泉区"),
    ("湖南省岳阳市", "屈原管理区"),
    ("新疆维吾尔自治区乌鲁木齐市", "天山区"),
    ("四川省成都市", "双流区"),
    ("广西壮族自治区南宁市", "青秀区"),
    ("江苏省苏州市", "吴江区"),
)
_GOALS = (
    "保障单位正常运转",
    "完成年度重点业务工作",
    "提升公共服务水平",
    "加强队伍建设",
    "推进信息化建设",
    "做好宣传教育工作",
)
# (name, unit, target range) of 数量指标
_COUNTS = (
    ("开展业务培训", "场", (4, 40)),
    ("培训服务人次", "人次", (200, 5000)),
    ("发放宣传资料", "份", (500, 20000)),
    ("开展志愿服务活动", "次", (6, 60)),
    ("新增志愿者人数", "人", (50, 2000)),
    ("检查企业户数", "户", (30, 900)),
    ("发布信息", "篇", (10, 200)),
    ("完成档案数字化", "万页", (5, 80)),
    ("举办主题活动", "期", (2, 24)),
    ("走访慰问困难群众", "户", (20, 600)),
    ("建设服务站点", "个", (2, 30)),
    ("办理民生实事", "项", (3, 20)),
    ("开展应急演练", "次", (2, 12)),
    ("编印简报", "期", (4, 24)),
)
_RATES = (
    "验收合格率",
    "资金使用合规率",
    "培训合格率",
    "问题整改完成率",
    "信息公开率",
    "档案完整率",
    "设备完好率",
    "政策知晓率",
)
_TIMES = ("项目完成时间", "资金拨付及时性", "培训完成时间", "工作任务完成时限")
_BENEFITS = (
    ("社会效益指标", "群众自救互救能力提升"),
    ("社会效益指标", "公共服务水平提高"),
    ("社会效益指标", "社会影响力扩大"),
    ("经济效益指标", "带动相关产业发展"),
    ("可持续影响指标", "长效工作机制建立"),
    ("可持续影响指标", "单位正常运转保障"),
    ("生态效益指标", "生态环境质量改善"),
    ("社会效益指标", "政策宣传覆盖面扩大"),
)
_SATISFACTION = ("服务对象满意度", "群众满意度", "参训人员满意度", "受助群众满意度")
_PROJECTS = (
    "档案数字化项目",
    "应急救护培训项目",
    "志愿服务项目",
    "信息化建设项目",
    "宣传教育经费",
    "困难群众救助专项",
    "业务工作经费",
    "基础设施维护项目",
    "专项检查经费",
    "人才培养项目",
)
_ITEMS = ("设备购置费", "委托业务费", "印刷费", "培训费", "劳务费", "差旅费", "维修维护费")
_THREE_PUBLIC = ("公务接待费", "公务用车运行维护费", "因公出国（境）费用")
_REASONS = (
    "受政策调整影响，部分工作延后实施",
    "上级下达任务量增加，实际完成超出预期",
    "设备采购流程较长，项目进度滞后",
    "服务需求大于年初预计",
)
_IMPROVEMENTS = (
    "加强项目前期论证，科学设定绩效目标",
    "加快项目实施进度，强化过程监控",
    "完善绩效目标动态调整机制",
)
_PROBLEMS = (
    "预算编制不够精细，部分项目执行进度不均衡。",
    "绩效目标设置不够细化量化，个别指标可衡量性不强。",
    "绩效监控结果运用不够充分。",
    "部分支出科目预计不充分，出现有的科目支出不足、有的科目结余。",
)
_MEASURES = (
    "进一步加强预算编制管理，提高预算编制的科学性和准确性。",
    "强化绩效目标管理，做到目标明确、指标细化、可衡量。",
    "加强绩效运行监控，及时纠正执行偏差。",
    "强化绩效评价结果运用，将评价结果作为以后年度预算安排的重要依据。",
)


def _money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def _pct(num: Decimal | int, den: Decimal | int) -> Decimal:
    return (Decimal(num) * _HUNDRED / Decimal(den)).quantize(_CENT, ROUND_HALF_UP)


def _split(total: int, n: int, rng: random.Random, spread: float = 0.6) -> list[int]:
    """``n`` positive integers summing to ``total`` (``total`` ≥ ``n``), unevenly."""
    if n <= 1:
        return [total]
    weights = [rng.uniform(1 - spread, 1 + spread) for _ in range(n)]
    scale = (total - n) / sum(weights)
    parts = [1 + int(w * scale) for w in weights]
    parts[rng.randrange(n)] += total - sum(parts)
    return parts


def _split_like(total: int, like: list[int]) -> list[int]:
    """``total`` split in proportion to ``like`` (non-negative, summing exactly)."""
    whole = sum(like) or 1
    parts = [total * x // whole for x in like]
    parts[-1] += total - sum(parts)
    return parts


# --- lines ---------------------------------------------------------------------------


def _item_groups(rng: random.Random, items: int, projects: int) -> list[int]:
    """How many items (0 or at least 2) each of ``projects`` projects gets, ``items`` in all."""
    per = [0] * projects
    j = 0
    while items > 0:
        take = items if items <= 3 else rng.choice((2, 3))
        if items - take == 1:
            take = 2 if take == 3 else 3
        per[j % projects] += take
        items -= take
        j += 1
    return per


def _lines(rng: random.Random, n: int, budget: int, executed: int) -> list[dict[str, Any]]:
    """``n`` (≥ 6) lines: 基本支出 and 项目支出 roots partitioning the budget, and their trees.

    基本支出 splits into 人员经费 and 公用经费 (with stated shares), 项目支出 into
    projects, some projects into items (a third level); a 三公经费 subtree is
    added to some documents. Every parent equals the sum of its children.
    """
    rest = n - 4  # basic, personnel, public, project
    three_public = rest >= 6 and rng.random() < 0.6
    if three_public:
        rest -= 4
    projects = rng.randint(2, max(2, rest))
    items = rest - projects
    if items == 1:
        projects, items = projects + 1, 0

    basic_share = rng.uniform(0.5, 0.8)
    basic_b = int(budget * basic_share)
    project_b = budget - basic_b
    basic_e = min(basic_b, int(executed * basic_share))
    project_e = executed - basic_e
    if project_e > project_b:  # keep each root within its budget
        basic_e, project_e = basic_e + project_e - project_b, project_b
    pers_e = int(basic_e * rng.uniform(0.78, 0.92))
    pers_b = basic_b * pers_e // basic_e if basic_e else basic_b // 2
    out: list[dict[str, Any]] = [
        {
            "id": "basic",
            "label": "基本支出",
            "kind": "basic",
            "budget": basic_b,
            "executed": basic_e,
        }
    ]
    for lid, label, b, e in (
        ("personnel", "人员经费", pers_b, pers_e),
        ("public", "公用经费", basic_b - pers_b, basic_e - pers_e),
    ):
        row: dict[str, Any] = {
            "id": lid,
            "label": label,
            "kind": lid,
            "parent": "basic",
            "budget": b,
            "executed": e,
        }
        if basic_e:
            row["share"] = _pct(e, basic_e)
        out.append(row)
    out.append(
        {
            "id": "project",
            "label": "项目支出",
            "kind": "project",
            "budget": project_b,
            "executed": project_e,
        }
    )

    pbudgets = _split(project_b, projects, rng)
    pexec = _split_like(project_e, pbudgets)
    per_project = _item_groups(rng, items, projects)
    names = list(_PROJECTS)
    rng.shuffle(names)
    for k in range(projects):
        pid = f"p{k + 1}"
        label = names[k % len(names)]
        if k >= len(names):
            label += f"（{k // len(names) + 1}）"
        out.append(
            {
                "id": pid,
                "label": label,
                "kind": "project",
                "parent": "project",
                "budget": pbudgets[k],
                "executed": pexec[k],
            }
        )
        m = per_project[k]
        if m:
            ib = _split(pbudgets[k], m, rng)
            ie = _split_like(pexec[k], ib)
            for t in range(m):
                out.append(
                    {
                        "id": f"{pid}-{t + 1}",
                        "label": _ITEMS[t % len(_ITEMS)]
                        + (f"（{t // len(_ITEMS) + 1}）" if t >= len(_ITEMS) else ""),
                        "kind": "item",
                        "parent": pid,
                        "budget": ib[t],
                        "executed": ie[t],
                    }
                )
    if three_public:
        total_e = rng.randint(300, max(301, min(basic_e // 20, 500_000)))
        parts = _split(total_e, 3, rng)
        out.append(
            {"id": "three-public", "label": "三公经费", "kind": "three_public", "executed": total_e}
        )
        for t, name in enumerate(_THREE_PUBLIC):
            out.append(
                {
                    "id": f"three-public-{t + 1}",
                    "label": name,
                    "kind": "three_public",
                    "parent": "three-public",
                    "executed": parts[t],
                    "share": _pct(parts[t], total_e),
                }
            )
    for row in out:
        for key in ("budget", "executed"):
            if key in row:
                row[key] = _money(row[key])
    return out


# --- indicators ----------------------------------------------------------------------


def _weights(total: int, n: int, rng: random.Random) -> list[Decimal]:
    """``n`` weights summing to ``total`` points: whole points when possible, else halves or cents."""
    for step in (Decimal(1), Decimal("0.5"), _CENT, Decimal("0.001"), Decimal("0.0001")):
        units = int(total / step)
        if units >= n:
            return [step * u for u in _split(units, n, rng, spread=0.3)]
    raise ValueError("too many indicators for the weight")


def _round(d: Decimal) -> Decimal:
    return d.quantize(_CENT, ROUND_HALF_UP)


def _count_indicator(rng: random.Random, n: int, state: dict[str, Any]) -> dict[str, Any]:
    name, unit, (lo, hi) = _COUNTS[n % len(_COUNTS)]
    if n >= len(_COUNTS):
        name = f"{name}（{n // len(_COUNTS) + 1}）"
    target = rng.randint(lo, hi)
    form = rng.choice(
        ("≥{n}{u}", "不少于{n}{u}", "{n}{u}以上", "大于等于{n}{u}", "{n}{u}", "≥{n}{u}")
    )
    ind: dict[str, Any] = {
        "tier2": "数量指标",
        "name": name,
        "target": form.format(n=target, u=unit),
    }
    roll = rng.random()
    if roll < state["miss_rate"] and target > 1:
        actual = min(target - 1, max(1, int(target * rng.uniform(0.6, 0.97))))
        ind["_missed"] = True
        ind["deviation_reason"] = rng.choice(_REASONS[::2])
        ind["improvement"] = rng.choice(_IMPROVEMENTS)
    elif roll < 0.88:
        actual = rng.randint(target, max(target, int(target * 1.25)))
        if rng.random() < 0.15 and actual >= 20 and actual // 10 * 10 >= target:
            ind["actual"] = f"{actual // 10 * 10}余{unit}"
            return ind
    else:  # well above target, with the reason the exceeded-target rule asks for
        actual = int(target * rng.uniform(1.35, 2.5)) + 1
        ind["deviation_reason"] = _REASONS[1]
    ind["actual"] = f"{actual}{unit}"
    ind["_numbers"] = (Decimal(target), Decimal(actual), unit)
    if rng.random() < 0.5:
        ind["completion_rate"] = _pct(actual, target)
    return ind


def _rate_indicator(rng: random.Random, n: int, state: dict[str, Any]) -> dict[str, Any]:
    name = _RATES[n % len(_RATES)]
    if n >= len(_RATES):
        name = f"{name}（{n // len(_RATES) + 1}）"
    if rng.random() < 0.4:
        target, ind, strict = 100, {"target": "100%"}, False
    else:
        target = rng.choice((85, 90, 95, 98))
        form = rng.choice(("≥{n}%", "＞{n}%", "不低于{n}%"))
        ind, strict = {"target": form.format(n=target)}, form.startswith("＞")
    actual = rng.randint(target + strict, 100) if target < 100 else 100
    ind.update({"tier2": "质量指标", "name": name, "actual": f"{actual}%"})
    return ind


def _time_indicator(rng: random.Random, n: int) -> dict[str, Any]:
    name = _TIMES[n % len(_TIMES)] + (f"（{n // len(_TIMES) + 1}）" if n >= len(_TIMES) else "")
    target, actual = rng.choice(
        (
            ("12月底完成", "10月完成"),
            ("12月底完成", "11月完成"),
            ("按计划完成", "按计划完成"),
            ("12月31日前完成", "11月底完成"),
        )
    )
    return {"tier2": "时效指标", "name": name, "target": target, "actual": actual}


def _cost_indicator(rng: random.Random, n: int, budget: int) -> dict[str, Any]:
    cap = max(100, budget // rng.randint(5, 20))
    spent = int(cap * rng.uniform(0.85, 1.0))
    return {
        "tier2": "成本指标",
        "name": "项目成本控制" + (f"（{n + 1}）" if n else ""),
        "target": f"≤{_money(cap)}万元",
        "actual": f"{_money(spent)}万元",
    }


def _benefit_indicator(rng: random.Random, n: int, state: dict[str, Any]) -> dict[str, Any]:
    tier2, name = _BENEFITS[n % len(_BENEFITS)]
    if n >= len(_BENEFITS):
        name = f"{name}（{n // len(_BENEFITS) + 1}）"
    target = rng.choice(("是", "是", "达成", "有效", "好"))
    actual = target
    ind: dict[str, Any] = {"tier2": tier2, "name": name, "target": target, "actual": actual}
    if target == "达成" and rng.random() < state["miss_rate"]:
        ind["actual"] = "部分达成"
        ind["_partial"] = True
        ind["deviation_reason"] = _REASONS[0]
        ind["improvement"] = _IMPROVEMENTS[1]
    return ind


def _satisfaction_indicator(rng: random.Random, n: int) -> dict[str, Any]:
    name = _SATISFACTION[n % len(_SATISFACTION)] + (
        f"（{n // len(_SATISFACTION) + 1}）" if n >= len(_SATISFACTION) else ""
    )
    target = rng.choice((85, 90, 95))
    return {
        "tier2": "服务对象满意度指标",
        "name": name,
        "target": rng.choice(("≥{n}%", "不低于{n}%")).format(n=target),
        "actual": f"{rng.randint(target, 100)}%",
    }


def _indicators(rng: random.Random, n: int, budget: int, miss_rate: float) -> list[dict[str, Any]]:
    """``n`` indicators over the national tiers (产出 50, 效益 30, 满意度 10 points)."""
    n_sat = max(1, round(n * rng.uniform(0.06, 0.12)))
    n_ben = max(1, round(n * rng.uniform(0.22, 0.32)))
    n_out = n - n_sat - n_ben
    state = {"miss_rate": miss_rate}
    goals = list(_GOALS)
    rng.shuffle(goals)
    goals = goals[: rng.randint(2, 4)]
    out: list[dict[str, Any]] = []
    counters = {"count": 0, "rate": 0, "time": 0, "cost": 0}
    for k in range(n_out):
        roll = rng.random()
        if roll < 0.55:
            ind = _count_indicator(rng, counters["count"], state)
            counters["count"] += 1
        elif roll < 0.8:
            ind = _rate_indicator(rng, counters["rate"], state)
            counters["rate"] += 1
        elif roll < 0.93:
            ind = _time_indicator(rng, counters["time"])
            counters["time"] += 1
        else:
            ind = _cost_indicator(rng, counters["cost"], budget)
            counters["cost"] += 1
        ind["tier1"] = "产出指标"
        ind["goal"] = goals[k * len(goals) // max(1, n_out)]
        out.append(ind)
    for k in range(n_ben):
        ind = _benefit_indicator(rng, k, state)
        ind["tier1"] = "效益指标"
        ind["goal"] = goals[k % len(goals)]
        out.append(ind)
    for k in range(n_sat):
        ind = _satisfaction_indicator(rng, k)
        ind["tier1"] = "满意度指标"
        out.append(ind)
    for tier, total in (("产出指标", 50), ("效益指标", 30), ("满意度指标", 10)):
        members = [ind for ind in out if ind["tier1"] == tier]
        for ind, w in zip(members, _weights(total, len(members), rng), strict=True):
            ind["weight"] = w
            if ind.pop("_missed", False):
                target, actual, _ = ind["_numbers"]
                ind["score"] = _round(w * actual / target)
            elif ind.pop("_partial", False):
                ind["score"] = _round(w * Decimal("0.7"))
            else:
                ind["score"] = w
    return out


# --- the whole document --------------------------------------------------------------


def _grade(score: Decimal) -> str:
    return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"


def make_document(
    seed: int,
    *,
    indicators: int | None = None,
    lines: int | None = None,
    mistake_rate: float = 0.03,
) -> tuple[dict[str, Any], str | None]:
    """A report document (plain data, as TOML would parse it) and the mistake injected, if any.

    ``indicators`` (default 20–40) and ``lines`` (default 6–15) set the size;
    ``mistake_rate`` is the chance that the document carries one mistake.
    """
    rng = random.Random(seed)
    year = rng.randint(2020, 2024)
    region, district = rng.choice(_REGIONS)
    dept = f"某{district}{rng.choice(_DEPARTMENTS)}"
    n_ind = indicators if indicators is not None else rng.randint(20, 40)
    n_lines = lines if lines is not None else rng.randint(6, 15)
    miss_rate = 0.08

    # 50万元 to 5000万元, in cents of 万元 (more for very large documents, so every line gets money)
    adjusted = max(rng.randint(5_000, 500_000), 1_000 * n_lines + rng.randint(0, 999))
    adjustment = int(adjusted * rng.uniform(-0.1, 0.08))
    initial = adjusted - adjustment
    rate = rng.uniform(0.86, 1.0) if rng.random() < 0.85 else rng.uniform(0.7, 0.86)
    executed = int(adjusted * rate)
    budget: dict[str, Any] = {
        "initial": _money(initial),
        "adjustment": _money(adjustment),
        "adjusted": _money(adjusted),
        "executed": _money(executed),
        "execution_rate": _pct(executed, adjusted),
    }
    if rng.random() < 0.5:
        budget["carryover"] = _money(adjusted - executed)
    exec_score = _round(Decimal(10) * Decimal(min(executed, adjusted)) / Decimal(adjusted))
    budget["execution_score"] = exec_score

    line_rows = _lines(rng, max(6, n_lines), adjusted, executed)
    inds = _indicators(rng, n_ind, adjusted, miss_rate)
    missed = [ind for ind in inds if ind["score"] < ind["weight"]]
    total = sum((ind["score"] for ind in inds), exec_score)
    evaluation: dict[str, Any] = {"score": total, "grade": _grade(total)}
    if rng.random() < 0.5:
        evaluation["tier_scores"] = {
            tier: sum((i["score"] for i in inds if i["tier1"] == tier), Decimal(0))
            for tier in ("产出指标", "效益指标", "满意度指标")
        }
    narrative = {
        "unmet_targets": (
            "；".join(
                f"{ind['name']}未达到年度目标，原因是{ind['deviation_reason']}"
                for ind in missed[:5]
            )
            + "。"
            if missed
            else "无"
        ),
        "problems": "".join(rng.sample(_PROBLEMS, 2)),
        "measures": "".join(rng.sample(_MEASURES, 3)),
        "conclusion": f"{year}年度本单位整体绩效目标基本完成，自评得分{total}分，等级为{_grade(total)}。",
    }
    first_count = next((ind for ind in inds if ind["tier2"] == "数量指标"), inds[0])
    claims: list[dict[str, Any]] = [
        {
            "about": "budget.executed",
            "value": f"{budget['executed']}万元",
            "source": "一、（二）预算执行情况",
        },
        {"about": "evaluation.score", "value": total, "source": "一、（一）自评结论"},
        {
            "about": f"indicator:{first_count['name']}.target",
            "value": first_count["target"],
            "source": "二、（一）年度绩效目标",
        },
    ]
    if rng.random() < 0.6:
        claims.append(
            {
                "about": "budget.execution_rate",
                "value": f"{budget['execution_rate']}%",
                "source": "一、（二）",
            }
        )
    if rng.random() < 0.5:
        claims.append({"about": "count:indicators", "value": len(inds), "source": "二、（三）"})
    if rng.random() < 0.5:
        claims.append({"about": "all_targets_met", "value": not missed, "source": "一、（一）"})

    doc: dict[str, Any] = {
        "format": 1,
        "report": {
            "kind": "department",
            "title": f"{year}年度{dept}部门整体支出绩效自评报告",
            "department": dept,
            "region": f"{region}{district}",
            "year": year,
            "filled_on": datetime.date(year + 1, rng.randint(2, 5), rng.randint(1, 28)),
            "money_unit": "万元",
        },
        "budget": budget,
        "lines": line_rows,
        "indicators": inds,
        "evaluation": evaluation,
        "narrative": narrative,
        "claims": claims,
    }
    mistake = rng.choice(sorted(MISTAKES)) if rng.random() < mistake_rate else None
    if mistake is not None:
        _inject(doc, mistake, rng)
    return doc, mistake


def _inject(doc: dict[str, Any], mistake: str, rng: random.Random) -> None:
    """Change ``doc`` so that it carries ``mistake`` (see :data:`MISTAKES`)."""
    budget, lines, inds = doc["budget"], doc["lines"], doc["indicators"]
    if mistake == "budget-chain":
        budget["adjusted"] += Decimal("1.00")
        budget.pop("carryover", None)
        budget["execution_rate"] = _pct(budget["executed"], budget["adjusted"])
    elif mistake == "execution-rate":
        budget["execution_rate"] += Decimal("1.50")
    elif mistake == "line-sum":
        row = next(r for r in lines if r.get("parent") == "project")
        row["executed"] += Decimal("0.37")
    elif mistake == "line-share":
        row = next(r for r in lines if "share" in r)
        row["share"] += Decimal("2.00")
    elif mistake == "unit-slip":
        row = next(r for r in lines if r.get("parent") == "project")
        row["executed"] = row["executed"].scaleb(4)  # written in 元 in a 万元 report
    elif mistake == "completion-rate":
        row = next((i for i in inds if "completion_rate" in i), None)
        if row is None:
            row = next(i for i in inds if "_numbers" in i)
            target, actual, _ = row["_numbers"]
            row["completion_rate"] = _pct(actual, target)
        row["completion_rate"] += Decimal("7.00")
    elif mistake == "claim-mismatch":
        doc["claims"][0]["value"] = f"{budget['executed'] + Decimal('3.20')}万元"
    elif mistake == "title-year":
        doc["report"]["title"] = doc["report"]["title"].replace(
            str(doc["report"]["year"]), str(doc["report"]["year"] - 1), 1
        )
    elif mistake == "total-score":
        doc["evaluation"]["score"] += 2
    elif mistake == "grade":
        doc["evaluation"]["grade"] = {"优": "良", "良": "优", "中": "良", "差": "中"}[
            doc["evaluation"]["grade"]
        ]
    elif mistake == "missed-no-reason":
        row = next((i for i in inds if "_numbers" in i and i["score"] < i["weight"]), None)
        if row is None:  # no missed target yet: miss one (its score then disagrees too)
            row = next(i for i in inds if "_numbers" in i)
            target, _, unit = row["_numbers"]
            row["actual"] = f"{max(1, int(target) // 2)}{unit}"
            row.pop("completion_rate", None)
        row.pop("deviation_reason", None)
        row.pop("improvement", None)


# --- TOML writing --------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        text = str(value)
        if isinstance(value, Decimal) and ("E" in text or "e" in text):
            text = f"{value:f}"
        return text
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_scalar(v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


_BARE_KEY = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


def _key(key: str) -> str:
    return key if key and set(key) <= _BARE_KEY else _scalar(key)


def _table(out: list[str], values: Mapping[str, Any]) -> None:
    for k, v in values.items():
        if not k.startswith("_"):
            out.append(f"{_key(k)} = {_scalar(v)}\n")


def to_toml(doc: Mapping[str, Any], comment: Iterable[str] = ()) -> str:
    """``doc`` (a format-1 document as plain data) as TOML text."""
    out = [f"# {c}\n" for c in comment]
    scalars = {k: v for k, v in doc.items() if not isinstance(v, (Mapping, list))}
    _table(out, scalars)
    for key, value in doc.items():
        if isinstance(value, Mapping):
            out.append(f"\n[{key}]\n")
            _table(out, value)
        elif isinstance(value, list):
            for row in value:
                out.append(f"\n[[{key}]]\n")
                _table(out, row)
    return "".join(out)


def document_text(seed: int, **kwargs: Any) -> tuple[str, str | None]:
    """TOML text of the document for ``seed`` and its injected mistake (see :func:`make_document`)."""
    doc, mistake = make_document(seed, **kwargs)
    comment = [f"generated by bench/generate.py, seed {seed}"]
    if mistake:
        comment.append(f"injected mistake: {mistake} ({MISTAKES[mistake]})")
    return to_toml(doc, comment), mistake


def write_folder(folder: Path, count: int, seed: int = 1, **kwargs: Any) -> list[Path]:
    """Write ``count`` documents to ``folder`` (``report-00001.toml`` …); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    width = max(5, len(str(count)))
    for n in range(count):
        text, _ = document_text(seed * 1_000_003 + n, **kwargs)
        path = folder / f"report-{n + 1:0{width}d}.toml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: write a folder of generated documents."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--indicators", type=int, default=None, help="indicators per document (default 20-40)"
    )
    parser.add_argument("--lines", type=int, default=None, help="lines per document (default 6-15)")
    parser.add_argument("--mistake-rate", type=float, default=0.03)
    args = parser.parse_args(argv)
    paths = write_folder(
        args.folder,
        args.count,
        args.seed,
        indicators=args.indicators,
        lines=args.lines,
        mistake_rate=args.mistake_rate,
    )
    print(f"wrote {len(paths)} documents to {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
