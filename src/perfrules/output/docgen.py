"""Generate the rule reference (Markdown) from the rule packs in ``rules/``.

The reference is data-driven: every page under ``docs/rules/`` is rendered
from the rule packs and the taxonomy, so the documentation cannot drift from
what perfrules checks; a rule's prose has one home, its ``doc`` in the pack. Regenerate with::

    python -m perfrules.output.docgen docs/rules

and verify (what the docs test does) with ``--check``. The output is
deterministic: one ``index.md`` listing every rule, and one page per category
(in the fixed order of :data:`~perfrules.rules.findings.CATEGORIES`) with a section
per rule: id, name, category, severity, title and message in Chinese and
English, what it checks, why, its source, parameters, the check itself (its
kind, or its expression), and the passing and failing examples as TOML, with
the findings the failing example really produces.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from perfrules.document.taxonomy import Taxonomy, load_taxonomy
from perfrules.rules.findings import CATEGORIES, Finding, render_arg
from perfrules.rules.pack import Rule, RulePack, builtin_packs, load_pack
from perfrules.scoring.profiles import Profile

__all__ = [
    "CATEGORY_DOCS",
    "MARKER",
    "REGENERATE",
    "check_pages",
    "finding_line",
    "main",
    "render_pages",
    "write_pages",
]

#: The command that regenerates the reference (quoted in the pages and in test failures).
REGENERATE = "python -m perfrules.output.docgen docs/rules"

#: First line of every generated page; :func:`write_pages` only deletes files that carry it.
MARKER = f"<!-- Generated from rules/ by `{REGENERATE}`. Do not edit by hand. -->"

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

# --- Markdown helpers ------------------------------------------------------------------

_CODE_SPAN = re.compile(r"(``.+?``|`[^`]+`)", re.S)
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _escape_text(text: str) -> str:
    """Escape Markdown/HTML specials in plain text (outside code spans)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*", r"\*")


def _inline(text: str, table: bool = False) -> str:
    """Text written with reST-style ````code```` (or Markdown code) as safe Markdown."""
    out: list[str] = []
    for i, part in enumerate(_CODE_SPAN.split(text)):
        if i % 2:
            code = part.strip("`").replace("\n", " ")
            fence = "``" if "`" in code else "`"
            pad = " " if code.startswith("`") or code.endswith("`") else ""
            out.append(f"{fence}{pad}{code}{pad}{fence}")
        else:
            out.append(_escape_text(part))
    result = "".join(out)
    if table:
        result = result.replace("|", r"\|").replace("\n", " ")
    return result


def _join_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines of one paragraph; no space where Chinese meets Chinese."""
    result = ""
    for line in lines:
        line = line.strip()
        if not result:
            result = line
        elif _CJK.match(line[:1]) and _CJK.match(result[-1:]):
            result += line
        else:
            result += " " + line
    return result


def _fence(code: str, lang: str = "toml") -> str:
    code = code.strip("\n")
    fence = "```"
    while fence in code:
        fence += "`"
    return f"{fence}{lang}\n{code}\n{fence}"


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def _anchor(rule_id: str) -> str:
    return rule_id.lower()


# --- findings of the examples ----------------------------------------------------------


def finding_line(finding: Finding, lang: str = "zh", file: str | None = None) -> str:
    """A finding as the command line prints it: ``path:line: PR023 [unit] error: message (expected …, found …)``."""
    where = file or finding.file or "<input>"
    line = finding.line
    head = f"{where}:{line}: " if line is not None else f"{where}: "
    text = f"{head}{finding.rule} [{finding.category}] {finding.severity.value}: {finding.message(lang)}"
    if finding.expected is not None or finding.found is not None:
        text += f" (expected {render_arg(finding.expected)}, found {render_arg(finding.found)})"
    return text


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
    parts.append(f"**What it checks.** {_inline(rule.doc.what.strip())}")
    parts.append(f"**Why.** {_inline(rule.doc.why.strip())}")
    parts.append(f"**Source.** {_inline(rule.doc.source.strip())}")
    parts.append(
        "**Message.**\n\n" + _fence(f"zh: {rule.message.zh}\nen: {rule.message.en}", "text")
    )
    if rule.params:
        rows = ["| parameter | type | default | meaning |", "|---|---|---|---|"]
        for name, param in sorted(rule.params.items()):
            rows.append(
                f"| `{name}` | {param.type} | `{_value(param.default)}` | {_inline(param.doc, table=True)} |"
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


_ROUNDING = {"ROUND_HALF_UP": "half-up", "ROUND_HALF_EVEN": "half-even"}


def _num(value: Decimal | None) -> str:
    return "—" if value is None else format(value.normalize(), "f")


def _years(years: tuple[int, int] | None) -> str:
    if years is None:
        return "all"
    first, last = years
    return f"{first} on" if last >= 9999 else f"{first}–{last}"


def _profile_section(profile: Profile) -> str:
    parts = [f"## `{profile.id}` — {_inline(profile.title)} {{#{profile.id}}}"]
    facts = [
        ("File", f"`rules/profiles/{Path(profile.file).name}`"),
        ("Extends", ", ".join(f"[`{e}`](#{e})" for e in profile.extends) or "—"),
        ("Report years", _years(profile.years)),
        ("Full marks", _num(profile.total)),
        (
            "Budget execution",
            f"basis `{profile.execution_basis}`, weight {_num(profile.execution_weight)}"
            + (
                " (else what the indicator weights leave)"
                if profile.execution_weight_from_report
                else ""
            )
            + f", rate capped at {_num(profile.execution_cap)}%",
        ),
        (
            "Reasons required",
            "; ".join(
                x
                for x in (
                    f"execution rate below {_num(profile.execution_reason_below)}%"
                    if profile.execution_reason_below
                    else "",
                    "any mid-year adjustment" if profile.adjustment_reason_required else "",
                    f"actual ≥ {_num(profile.exceeded_ratio * 100)}% of target",
                    "missed targets",
                )
                if x
            ),
        ),
        (
            "Indicator scoring",
            f"bare target reads as `{profile.bare_target.value}`; ≤/&lt; targets `{profile.le_strategy}`; "
            f"= targets `{profile.eq_strategy}`",
        ),
        (
            "Rounding",
            f"{profile.rounding_places} places, {_ROUNDING.get(str(profile.rounding_mode), str(profile.rounding_mode))}"
            + (
                ", each indicator before summing"
                if profile.per_indicator_rounding
                else ", the sum only"
            ),
        ),
    ]
    parts.append("\n".join(["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in facts)]))
    rows = ["| grade | also accepted | scores |", "|---|---|---|"]
    for band in profile.bands:
        span = (
            f"≥ {_num(band.low)}"
            if band.high is None
            else f"{_num(band.low)} ≤ score < {_num(band.high)}"
        )
        rows.append(f"| {band.word} | {'、'.join(band.synonyms) or '—'} | {span} |")
    parts.append("**Grades (等级).**\n\n" + "\n".join(rows))
    rows = [
        "| 一级指标 | weight | required | when absent | report years |",
        "|---|---|---|---|---|",
    ]
    for tier in profile.tiers:
        rows.append(
            f"| {tier.name} | {_num(tier.weight)} | {'yes' if tier.required else 'no'} "
            f"| {'weight moved to the other tiers' if tier.absent == 'redistribute' else 'weight lost'} "
            f"| {_years(tier.years)} |"
        )
    parts.append("**Tiers (一级指标).**\n\n" + "\n".join(rows))
    rows = ["| level | word | share of the weight |", "|---|---|---|"]
    for q in profile.qualitative_bands:
        top = "]" if q.top else ")"
        rows.append(f"| `{q.level}` | {q.word} | [{_num(q.low)}%, {_num(q.high)}%{top} |")
    parts.append("**Qualitative indicators (定性指标).**\n\n" + "\n".join(rows))
    parts.append("**Sources.**\n\n" + "\n".join(f"- {_inline(s)}" for s in profile.sources))
    if profile.notes.strip():
        notes = [
            _inline(_join_lines(p.splitlines()))
            for p in re.split(r"\n\s*\n", profile.notes.strip())
        ]
        parts.append("**Notes.** " + "\n\n".join(notes))
    return "\n\n".join(parts)


def _profiles_page(profiles: Sequence[Profile]) -> str:
    rows = ["| profile | title | extends | grades |", "|---|---|---|---|"]
    for p in profiles:
        grades = " / ".join(f"{b.word} {_num(b.low)}" for b in p.bands)
        rows.append(
            f"| [`{p.id}`](#{p.id}) | {_inline(p.title, table=True)} | {', '.join(p.extends) or '—'} | {grades} |"
        )
    parts = [
        MARKER,
        "# Scoring profiles (reference)",
        "Every scoring profile shipped in `rules/profiles/`, as perfrules reads it for the latest "
        "report year (a profile that `extends` another shows the merged result). "
        "[Profiles](../profiles.md) explains how scores are computed, with a worked example.",
        "\n".join(rows),
        *(_profile_section(p) for p in profiles),
    ]
    return "\n\n".join(parts) + "\n"


def _packs_in(folder: Path) -> tuple[RulePack, ...]:
    return tuple(load_pack(p) for p in sorted(folder.glob("*.toml")))


def render_pages(
    packs: Sequence[RulePack] | None = None,
    taxonomy: Taxonomy | None = None,
    profiles: Sequence[Profile] | None = None,
    *,
    with_findings: bool = True,
) -> dict[str, str]:
    """The rule reference as ``{file name: Markdown}``.

    ``index.md`` lists every rule, one page per category holds the rules'
    sections, and ``profiles.md`` the scoring profiles. ``packs`` defaults to
    the built-in packs, ``taxonomy`` and ``profiles`` to the built-in ones.
    With ``with_findings`` the failing examples are checked and the findings
    they produce are shown under them.
    """
    if packs is None:
        packs = builtin_packs()
    if taxonomy is None:
        from perfrules.document.taxonomy import taxonomy as builtin_taxonomy

        taxonomy = builtin_taxonomy()
    entries = sorted(((r, p) for p in packs for r in p.rules), key=lambda e: e[0].id)
    pages = {"index.md": _index_page(entries, sorted(packs, key=lambda p: p.id))}
    for category in CATEGORIES:
        chosen = [e for e in entries if e[0].category == category]
        pages[f"{category}.md"] = _category_page(category, chosen, taxonomy, with_findings)
    if profiles is None:
        from perfrules.scoring.profiles import available_profiles

        profiles = available_profiles()
    pages["profiles.md"] = _profiles_page(
        sorted(profiles, key=lambda p: (p.id != "national", p.id))
    )
    return pages


def check_pages(folder: str | Path, pages: Mapping[str, str] | None = None) -> list[str]:
    """How the generated files in ``folder`` differ from ``pages`` (empty when current)."""
    folder = Path(folder)
    pages = render_pages() if pages is None else pages
    problems: list[str] = []
    for name, text in sorted(pages.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{path}: out of date")
    if folder.is_dir():
        for path in sorted(folder.glob("*.md")):
            if path.name not in pages and _generated(path):
                problems.append(f"{path}: no longer generated (stale)")
    return problems


def _generated(path: Path) -> bool:
    with path.open(encoding="utf-8") as fh:
        return fh.readline().rstrip("\n") == MARKER


def write_pages(folder: str | Path, pages: Mapping[str, str] | None = None) -> list[Path]:
    """Write ``pages`` into ``folder`` (removing stale generated pages); return the files changed."""
    folder = Path(folder)
    pages = render_pages() if pages is None else pages
    folder.mkdir(parents=True, exist_ok=True)
    changed: list[Path] = []
    for name, text in sorted(pages.items()):
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changed.append(path)
    for path in sorted(folder.glob("*.md")):
        if path.name not in pages and _generated(path):
            path.unlink()
            changed.append(path)
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m perfrules.output.docgen OUT_DIR [--rules DIR] [--check]``."""
    parser = argparse.ArgumentParser(
        prog="python -m perfrules.output.docgen",
        description="Generate the rule reference from the rule packs.",
    )
    parser.add_argument("out", help="folder for the generated pages, e.g. docs/rules")
    parser.add_argument("--rules", help="folder of rule packs (default: the built-in rules/)")
    parser.add_argument(
        "--check", action="store_true", help="only report whether the pages are current"
    )
    args = parser.parse_args(argv)
    packs: Sequence[RulePack] | None = None
    taxonomy: Taxonomy | None = None
    profiles: list[Profile] | None = None
    from perfrules.errors import PerfrulesError

    try:
        if args.rules:
            from perfrules.scoring.profiles import load_profile

            folder = Path(args.rules)
            packs = _packs_in(folder)
            tiers = folder / "taxonomy" / "tiers.toml"
            taxonomy = load_taxonomy(tiers) if tiers.is_file() else None
            profiles = [load_profile(p) for p in sorted((folder / "profiles").glob("*.toml"))]
        pages = render_pages(packs, taxonomy, profiles)
    except PerfrulesError as exc:
        print(exc.render("en"), file=sys.stderr)
        return 2
    if args.check:
        problems = check_pages(args.out, pages)
        for problem in problems:
            print(problem)
        if problems:
            print(f"the rule reference is out of date: run `{REGENERATE}`", file=sys.stderr)
            return 1
        return 0
    changed = write_pages(args.out, pages)
    for path in changed:
        print(f"wrote {path}" if path.exists() else f"removed {path}")
    print(f"{len(pages)} pages in {args.out}, {len(changed)} changed")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
