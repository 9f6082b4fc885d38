"""The HTML writer's building blocks: the one escaping function, element ids, labels in zh and en.

Every string that comes from a report, a file name or a message reaches the
page through :func:`esc`, in text and in attribute values alike: it escapes
``& < > " '``, and makes the characters a reviewer must not be fooled by
visible — control characters (an ANSI escape ``\\x1b[31m`` shows as
``␛[31m``), bidirectional overrides (shown as ``[U+202E]``) and lone surrogates
(shown as ``�``, so that the page can always be written as UTF-8).
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = [
    "LABELS",
    "SEVERITIES",
    "anchor_id",
    "colon",
    "esc",
    "label",
    "num",
    "paren",
    "severity_badge",
    "severity_word",
]

_ODD = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _visible(m: re.Match[str]) -> str:
    c = ord(m.group(0))
    if c < 0x20:
        return chr(0x2400 + c)  # the Unicode control pictures: ␀ … ␟
    if c == 0x7F:
        return "\u2421"  # ␡
    if 0xD800 <= c <= 0xDFFF:
        return "\ufffd"
    return f"[U+{c:04X}]"


_SPECIAL = re.compile(
    "[&<>\"'\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def esc(text: object) -> str:
    """``text`` made safe for HTML text and attribute values (the only escaping function)."""
    s = text if type(text) is str else str(text)
    if _SPECIAL.search(s) is None:  # most report text: nothing to do
        return s
    s = (
        s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )
    if _ODD.search(s) is not None:
        s = _ODD.sub(_visible, s)
    return s


_ID_ODD = re.compile(r"[^\w-]")
_ID_MAP = str.maketrans("[].", "---")


def anchor_id(path: str) -> str:
    """The element id of the place of key path ``path``: ``lines[2].executed`` → ``at-lines-2--executed``."""
    if not path:
        return "at-report-page"
    ident = path.translate(_ID_MAP)
    if not ident.replace("-", "").replace("_", "").isalnum():
        ident = _ID_ODD.sub("-", ident)
    return "at-" + ident


def num(value: Decimal | int | str | None) -> str:
    """A number as the page writes it: Decimals as held (never through float), None as a dash."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else str(value)
    return str(value)


#: Severity → (icon, zh, en); the icon and the word carry the meaning, colour only repeats it.
SEVERITIES: dict[str, tuple[str, str, str]] = {
    "error": ("✖", "错误", "error"),
    "warning": ("▲", "警告", "warning"),
    "info": ("ℹ", "提示", "info"),
    "waived": ("○", "已豁免", "waived"),
}


def severity_word(severity: str, lang: str) -> str:
    """``错误`` / ``error`` for ``error``, and so on."""
    _, zh, en = SEVERITIES.get(severity, ("•", severity, severity))
    return en if lang == "en" else zh


def severity_badge(severity: str, lang: str) -> str:
    """The severity as icon and word, for tables and notes: ``<span class="sev sev-error">✖ 错误</span>``."""
    icon, zh, en = SEVERITIES.get(severity, ("•", severity, severity))
    word = en if lang == "en" else zh
    return (
        f'<span class="sev sev-{esc(severity)}"><span aria-hidden="true">{icon}</span> '
        f"{esc(word)}</span>"
    )


#: Every fixed text of the pages: key → (zh, en).
LABELS: dict[str, tuple[str, str]] = {
    "tool": ("perfrules 审阅", "perfrules review"),
    "report": ("报告", "Report"),
    "department": ("部门（单位）", "Department"),
    "region": ("地区", "Region"),
    "year": ("预算年度", "Budget year"),
    "kind": ("类型", "Kind"),
    "title": ("标题", "Title"),
    "filled_on": ("填报日期", "Filed on"),
    "money_unit": ("金额单位", "Money unit"),
    "profile": ("评分方案", "Scoring profile"),
    "profile_claimed": ("报告所称", "as the report says"),
    "grade": ("等级", "Grade"),
    "score": ("总分", "Total score"),
    "stated": ("自评", "stated"),
    "recomputed": ("复核", "recomputed"),
    "file": ("文件", "File"),
    "kind_department": ("部门整体支出", "department (部门整体支出)"),
    "kind_project": ("项目支出", "project (项目支出)"),
    "findings": ("发现的问题", "Findings"),
    "no_findings": ("未发现问题。", "No findings."),
    "severity": ("严重程度", "Severity"),
    "rule": ("规则", "Rule"),
    "category": ("类别", "Category"),
    "where": ("位置", "Where"),
    "message": ("说明", "Message"),
    "known": ("已知", "known"),
    "known_title": ("基线中已有的问题", "present in the baseline"),
    "waiver_reason": ("豁免理由", "reason given"),
    "budget": ("预算执行情况", "Budget execution"),
    "no_budget": ("报告未填写预算执行情况。", "The report gives no budget block."),
    "item": ("项目", "Item"),
    "as_written": ("报告所填", "As written"),
    "b_initial": ("年初预算数", "Initial budget"),
    "b_adjustment": ("年中调整数", "Adjustment"),
    "b_adjusted": ("调整后预算数", "Adjusted budget"),
    "b_executed": ("全年执行数", "Executed"),
    "b_execution_rate": ("预算执行率", "Execution rate"),
    "b_carryover": ("年末结转结余", "Carry-over"),
    "b_execution_weight": ("预算执行分值", "Execution weight"),
    "b_execution_score": ("预算执行得分", "Execution score"),
    "b_deviation_reason": ("执行率偏离原因", "Reason for the execution rate"),
    "b_adjustment_reason": ("预算调整原因", "Reason for the adjustment"),
    "rate_recomputed": ("复核执行率", "recomputed rate"),
    "lines": ("收支明细", "Breakdown lines"),
    "no_lines": ("报告未列收支明细。", "The report lists no breakdown lines."),
    "line_kind": ("类别", "Kind"),
    "line_budget": ("预算数", "Budget"),
    "line_executed": ("执行数", "Executed"),
    "line_share": ("占比（%）", "Share (%)"),
    "source": ("出处", "Source"),
    "indicators": ("绩效指标自评表", "Indicator table (自评表)"),
    "no_indicators": ("报告未列绩效指标。", "The report lists no indicators."),
    "tier1": ("一级指标", "Tier 1"),
    "tier2": ("二级指标", "Tier 2"),
    "tier3": ("三级指标", "Indicator (tier 3)"),
    "target": ("年度指标值", "Target"),
    "actual": ("实际完成值", "Actual"),
    "completion_rate": ("完成率（%）", "Completion (%)"),
    "weight": ("分值", "Weight"),
    "ind_score": ("得分", "Score"),
    "ind_recomputed": ("复核得分", "Recomputed"),
    "deviation": ("偏差原因及改进措施", "Deviation reason and measures"),
    "improvement": ("改进措施", "Measures"),
    "midyear": ("年中", "mid-year"),
    "goal": ("年度目标", "Goal"),
    "evaluation": ("自评结果", "Self-evaluation"),
    "no_evaluation": ("报告未填写自评得分与等级。", "The report states no score or grade."),
    "tier_score": ("一级指标小计", "Tier subtotal"),
    "scoresheet": ("评分复核", "Score sheet"),
    "sum_stated": ("各项自评之和", "sum of stated"),
    "tier": ("一级指标", "Tier"),
    "execution": ("预算执行", "Budget execution"),
    "total": ("总分", "Total"),
    "partial_note": (
        "* 部分指标无法重算：复核分为下限，复核等级按下限评定。",
        "* Some indicators cannot be recomputed: the recomputed score is a lower bound, and so is its grade.",
    ),
    "chart_score": (
        "各一级指标：分值、自评得分与复核得分",
        "Each tier: weight, stated and recomputed",
    ),
    "chart_budget": ("预算链：年初 → 调整后 → 执行", "Budget chain: initial → adjusted → executed"),
    "not_given": ("未填", "not given"),
    "narrative": ("报告正文", "Narrative"),
    "n_unmet_targets": ("未完成绩效目标及原因", "Unmet targets and reasons"),
    "n_problems": ("存在的问题", "Problems"),
    "n_measures": ("改进措施", "Measures"),
    "n_conclusion": ("评价结论", "Conclusion"),
    "claims": ("报告他处所述", "Stated elsewhere in the report"),
    "claim_about": ("所述对象", "About"),
    "claim_value": ("所述值", "Value"),
    "waivers": ("豁免", "Waivers"),
    "waiver_about": ("对象", "About"),
    "provenance": ("取值来源", "Where each value was read"),
    "prov_path": ("键路径", "Key path"),
    "prov_place": ("原文位置", "Place"),
    "prov_text": ("原文", "Source text"),
    "from": ("来源", "from"),
    "unreadable": ("无法读取", "Could not be read"),
    "rule_failed": (
        "规则无法求值（本报告未经完整检查）",
        "Rules that failed (the report was not fully checked)",
    ),
    "unreadable_files": ("无法读取的文件", "Files that could not be read"),
    "index_title": ("报告汇总", "Reports"),
    "reports": ("报告", "Reports"),
    "errors": ("错误", "Errors"),
    "warnings": ("警告", "Warnings"),
    "infos": ("提示", "Info"),
    "page": ("页面", "Page"),
    "open": ("查看", "open"),
    "filter_rule": ("按规则或类别筛选", "Filter by rule or category"),
    "filter_all": ("全部", "all"),
    "filter_text": ("搜索", "Search"),
    "shown": ("显示", "showing"),
    "by_category": ("各类别问题数", "Findings per category"),
    "sort_hint": (
        "点击列标题排序。默认按需关注程度排序：错误多者在前。",
        "Click a column heading to sort. By default the reports that need attention come first.",
    ),
    "back": ("返回汇总", "Back to the overview"),
    "page_level": ("整份报告", "the whole report"),
    "skipped": ("非报告文件（已跳过）", "not report documents (skipped)"),
    "generated": ("由 perfrules {version} 生成", "Made by perfrules {version}"),
    "checked_summary": ("已检查 {files} 个文件", "{files} files checked"),
}


def colon(lang: str) -> str:
    """``：`` in Chinese, ``: `` in English."""
    return ": " if lang == "en" else "："


def paren(lang: str, text: str) -> str:
    """``text`` in brackets: ``（text）`` in Chinese, `` (text)`` in English (``text`` is markup)."""
    return f" ({text})" if lang == "en" else f"（{text}）"


def label(lang: str, key: str) -> str:
    """The fixed text ``key`` in ``lang`` (``en``, else Chinese)."""
    zh, en = LABELS[key]
    return en if lang == "en" else zh
