"""The rule pages of the reference: the index of every rule and one page per category.

Each rule's section gives its id, name, category, severity, title and message
in Chinese and English, what it checks, why, why its severity, how to fix a
finding and its source (each in English, then in Chinese), parameters, the check
itself (its kind, or its expression), and the passing and failing
examples as TOML, with the findings the failing example really produces.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from perfrules.document.taxonomy import Taxonomy
from perfrules.output.docgen.markdown import (
    MARKER,
    _anchor,
    _fence,
    _inline,
    _value,
)
from perfrules.output.text import values_suffix
from perfrules.rules.findings import CATEGORIES, Finding
from perfrules.rules.pack import Param, Rule, RulePack

__all__ = ["CATEGORY_DOCS", "finding_line"]


def _range(param: Param) -> str:
    """The range a parameter may take, after its type (``, ≥ 0``), or nothing."""
    low = None if param.min is None else _value(param.min)
    high = None if param.max is None else _value(param.max)
    if low is not None and high is not None:
        return f", {low} to {high}"
    if low is not None:
        return f", ≥ {low}"
    return f", ≤ {high}" if high is not None else ""


#: What each category covers: (Chinese name, English description).
CATEGORY_DOCS: Mapping[str, tuple[str, str]] = {
    "chain": (
        "预算链",
        "The budget chain: initial + adjustment = adjusted, and what is left over.",
    ),
    "rate": (
        "比率",
        "A stated rate or share (执行率, 完成率, 占比) that does not follow from its inputs.",
    ),
    "sum": ("合计", "Parts that do not add up to their total (明细之和 ≠ 合计)."),
    "unit": (
        "单位",
        "A probable unit slip (元 for 万元), or a target and actual in different units.",
    ),
    "missing": ("缺失", "A value or part the report must have is absent or unreadable."),
    "score": (
        "得分",
        "An indicator's stated score is out of range or differs from the profile's formula.",
    ),
    "total": (
        "总分",
        "A stated total or subtotal ≠ the sum of its parts; weights that do not add up.",
    ),
    "grade": (
        "等级",
        "The grade does not match the score under the profile, or a grade with no score.",
    ),
    "explanation": (
        "说明",
        "A missed or far-exceeded target, a low execution rate or an adjustment with no stated reason.",
    ),
    "claim": ("重复表述", "A figure stated twice in the report disagrees with itself."),
    "statement": (
        "表述",
        'Prose contradicts the data ("all targets met" while a target was missed).',
    ),
    "date": ("日期", "The year, title and dates of the report disagree."),
    "taxonomy": ("指标体系", "An unknown, aliased or misplaced indicator tier (一级/二级指标)."),
    "waiver": ("豁免", "A waiver with no reason, or one that silences nothing."),
}

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}

#: A rule's prose sections as the pages show them: the doc field and its heading
#: (the English text, then the Chinese ``<field>_zh``, under each).
_DOC_SECTIONS = (
    ("what", "What it checks / 检查内容"),
    ("why", "Why / 为何检查"),
    ("severity_why", "Why this severity / 为何是此级别"),
    ("fix", "How to fix / 如何修改"),
    ("source", "Source / 依据"),
)

# --- findings of the examples ----------------------------------------------------------


def finding_line(finding: Finding, lang: str = "zh", file: str | None = None) -> str:
    """A finding as the command line prints it: ``path:line: PR023 [unit] error: message（应为 …，实际为 …）``."""
    where = file or finding.file or "<input>"
    line = finding.line
    head = f"{where}:{line}: " if line is not None else f"{where}: "
    text = f"{head}{finding.rule} [{finding.category}] {finding.severity.value}: {finding.message(lang)}"
    return text + values_suffix(finding.expected, finding.found, lang)


def _example_findings(rule: Rule, text: str, file: str) -> list[Finding]:
    """The findings of ``rule`` that the example document produces under the built-in rules.

    Every built-in rule runs (some rules judge others' findings, e.g. waivers);
    only this rule's findings are returned. Rules from outside the built-in
    packs are added to the configuration so that they run too.
    """
    from perfrules.document.loader import loads
    from perfrules.rules.config import Config
    from perfrules.rules.engine import check
    from perfrules.rules.pack import builtin_rules

    config = Config() if rule.id in builtin_rules() else Config(rules=(rule,))
    report = loads(text, "toml", file=file)
    result = check(report, config)
    return [f for f in result.findings if f.rule == rule.id]


def _param_doc(param: Param) -> str:
    """A parameter's meaning as the table shows it: the English, then the Chinese."""
    return " ".join(text for text in (param.doc, param.doc_zh) if text)


# --- pages -----------------------------------------------------------------------------


def _rule_section(rule: Rule, pack: RulePack, with_findings: bool) -> str:
    parts: list[str] = [f"## {rule.id} {rule.name} {{#{_anchor(rule.id)}}}"]
    parts.append(f"**{_inline(rule.title.zh)}** — {_inline(rule.title.en)}")
    facts = [
        ("Id", f"`{rule.id}`"),
        ("Name", f"`{rule.name}`"),
        (
            "Category",
            f"[`{rule.category}`]({rule.category}.md) ({CATEGORY_DOCS[rule.category][0]})",
        ),
        ("Default severity", f"`{rule.severity.value}` ({_SEVERITY_ZH[rule.severity.value]})"),
        (
            "Check",
            f"kind `{rule.kind}`" if rule.kind else f"expression, for each `{rule.for_each}`",
        ),
        (
            "Rule pack",
            f"`{pack.id}` ({_inline(pack.title, table=True)}), `rules/{Path(pack.file).name}`",
        ),
    ]
    if rule.years is not None:
        first, last = rule.years
        facts.append(("Report years", f"{first}–{last}" if last < 9999 else f"{first} on"))
    table = ["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in facts)]
    parts.append("\n".join(table))
    for field, heading in _DOC_SECTIONS:
        texts = [getattr(rule.doc, key).strip() for key in (field, f"{field}_zh")]
        if any(texts):
            parts.append(f"**{heading}.**")
            parts.extend(_inline(text) for text in texts if text)
    parts.append(
        "**Message.**\n\n" + _fence(f"zh: {rule.message.zh}\nen: {rule.message.en}", "text")
    )
    if rule.params:
        rows = ["| parameter | type | default | meaning |", "|---|---|---|---|"]
        for name, param in sorted(rule.params.items()):
            rows.append(
                f"| `{name}` | {param.type}{_range(param)} | `{_value(param.default)}` | {_inline(_param_doc(param), table=True)} |"
            )
        parts.append("**Parameters.**\n\n" + "\n".join(rows))
        first_name, first_param = sorted(rule.params.items())[0]
        parts.append(
            "Change a parameter in `perfrules.toml`:\n\n"
            + _fence(f"[params.{rule.id}]\n{first_name} = {_value(first_param.default)}")
        )
    if rule.expression is not None:
        expr = [f'for_each = "{rule.for_each}"', f"expression = {_value(rule.expression or '')}"]
        for key in ("about", "found", "expected"):
            value = getattr(rule, key)
            if value is not None:
                expr.append(f"{key} = {_value(value)}")
        parts.append(
            "**How it is checked** (an [expression](../expressions.md): what must hold for each subject).\n\n"
            + _fence("\n".join(expr))
        )
    if rule.doc.passing.strip():
        parts.append("**Passing example** (`passing.toml`).\n\n" + _fence(rule.doc.passing))
    if rule.doc.failing.strip():
        parts.append("**Failing example** (`failing.toml`).\n\n" + _fence(rule.doc.failing))
        if with_findings:
            findings = _example_findings(rule, rule.doc.failing.strip("\n") + "\n", "failing.toml")
            if findings:
                lines = [finding_line(f, "zh") for f in findings] + [
                    finding_line(f, "en") for f in findings
                ]
                parts.append(
                    f"What {rule.id} reports on it (messages in Chinese, then with `--lang en`):\n\n"
                    + _fence("\n".join(lines), "text")
                )
            else:
                parts.append(
                    f"*The failing example produces no {rule.id} finding under the default configuration.*"
                )
    return "\n\n".join(parts)


def _category_page(
    category: str,
    rules: Sequence[tuple[Rule, RulePack]],
    taxonomy: Taxonomy | None,
    with_findings: bool,
) -> str:
    zh, en = CATEGORY_DOCS[category]
    parts = [MARKER, f"# Category `{category}` ({zh})", _inline(en)]
    if rules:
        rows = ["| rule | name | severity | title |", "|---|---|---|---|"]
        for rule, _ in rules:
            rows.append(
                f"| [{rule.id}](#{_anchor(rule.id)}) | `{rule.name}` | {rule.severity.value} "
                f"| {_inline(rule.title.zh, table=True)} — {_inline(rule.title.en, table=True)} |"
            )
        parts.append("\n".join(rows))
        parts.append(
            f"Select or ignore the whole category with `--select {category}` / `--ignore {category}`, "
            f'or in `perfrules.toml` with `ignore = ["{category}"]`.'
        )
    else:
        parts.append("*No built-in rule is in this category yet.*")
    for rule, pack in rules:
        parts.append(_rule_section(rule, pack, with_findings))
    if category == "taxonomy" and taxonomy is not None:
        parts.append(_taxonomy_section(taxonomy))
    return "\n\n".join(parts) + "\n"


def _taxonomy_section(taxonomy: Taxonomy) -> str:
    parts = [
        "## The indicator taxonomy {#tiers}",
        "The taxonomy rules read `rules/taxonomy/tiers.toml`: the first-level tiers (一级指标), "
        "the second-level tiers (二级指标) each belongs to, and the other names reports use.",
    ]
    rows = ["| 一级指标 | also written | report years | 二级指标 |", "|---|---|---|---|"]
    for tier in taxonomy.tiers:
        years = "all"
        if tier.years:
            first, last = tier.years[0], tier.years[-1]
            years = f"{first} on" if last >= 9999 else f"{first}–{last}"
        rows.append(
            f"| {tier.name} | {'、'.join(tier.aliases) or '—'} | {years} | {'、'.join(tier.tier2)} |"
        )
    parts.append("\n".join(rows))
    if taxonomy.tier2_aliases:
        alias_rows = ["| 二级指标 as written | read as |", "|---|---|"]
        for alias, canonical in sorted(taxonomy.tier2_aliases.items()):
            alias_rows.append(f"| {alias} | {canonical} |")
        parts.append("Second-level names as forms write them:\n\n" + "\n".join(alias_rows))
    return "\n\n".join(parts)


def _index_page(rules: Sequence[tuple[Rule, RulePack]], packs: Sequence[RulePack]) -> str:
    parts = [
        MARKER,
        "# Rule reference",
        f"Every built-in rule, generated from the rule packs in `rules/` ({len(rules)} rules in "
        f"{len(packs)} packs). Each rule has a stable id (`PR` and three digits, never reused), a "
        "category, a default severity, and its documentation with a passing and a failing example. "
        "`perfrules rules` lists them on the command line and `perfrules explain PR023` prints one.",
        "A rule's prose — what it checks, why, why its default severity is what it is, how to fix a "
        "finding, and its source — is given in English, then in Chinese, under each heading; "
        "`perfrules explain` prints the Chinese (`--lang en`: the English).",
        "Select and ignore rules by id or by category (`--select`, `--ignore`, or `select`/`ignore` in "
        "`perfrules.toml`); change a rule's severity with `[severity]` and its parameters with "
        "`[params.PRxxx]` (see [Writing rules](../writing-rules.md)). Add your own rules in TOML with an "
        "[expression](../expressions.md).",
        "## Categories",
    ]
    counts: dict[str, int] = {c: 0 for c in CATEGORIES}
    for rule, _ in rules:
        counts[rule.category] = counts.get(rule.category, 0) + 1
    cat_rows = ["| category | | what it covers | rules |", "|---|---|---|---|"]
    for category in CATEGORIES:
        zh, en = CATEGORY_DOCS[category]
        cat_rows.append(
            f"| [`{category}`]({category}.md) | {zh} | {_inline(en, table=True)} | {counts[category]} |"
        )
    parts.append("\n".join(cat_rows))
    parts.append("## All rules")
    rows = ["| rule | name | category | severity | title |", "|---|---|---|---|---|"]
    for rule, _ in rules:
        rows.append(
            f"| [{rule.id}]({rule.category}.md#{_anchor(rule.id)}) | `{rule.name}` | {rule.category} "
            f"| {rule.severity.value} | {_inline(rule.title.zh, table=True)} — {_inline(rule.title.en, table=True)} |"
        )
    parts.append("\n".join(rows))
    parts.append("## Rule packs")
    pack_rows = ["| pack | file | title | rules |", "|---|---|---|---|"]
    for pack in packs:
        ids = ", ".join(r.id for r in pack.rules)
        pack_rows.append(
            f"| `{pack.id}` | `rules/{Path(pack.file).name}` | {_inline(pack.title, table=True)} | {ids} |"
        )
    parts.append("\n".join(pack_rows))
    return "\n\n".join(parts) + "\n"
