"""``perfrules explain``: a rule's documentation, with its examples and what perfrules reports on them.

A thin layer over the rule packs (:func:`perfrules.cli.common.all_rules`) and
:func:`perfrules.check`, whose findings on the failing example are written as
``perfrules check`` writes them (:func:`perfrules.output.text.finding_line`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from perfrules.cli.common import EXIT_OK, EXIT_USAGE, all_rules, load_config, print_problems, t

if TYPE_CHECKING:
    from perfrules.rules.config import Config

__all__ = ["run"]


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(
        prefix + line if line.strip() else "" for line in text.strip("\n").splitlines()
    )


def _example_findings(rule: Any, config: Config, lang: str) -> list[str]:
    """What perfrules reports for the rule's failing example (empty when it cannot be run)."""
    from perfrules.document.loader import loads
    from perfrules.errors import PerfrulesError
    from perfrules.output.records import finding_record
    from perfrules.output.text import finding_line
    from perfrules.rules.engine import check

    try:
        report = loads(rule.doc.failing, file="failing.toml")
        result = check(report, config.with_changes(select=(rule.id,), ignore=()))
    except PerfrulesError:
        return []
    return [
        finding_line("failing.toml", finding_record(f, lang), lang=lang)
        for f in result.findings
        if f.rule == rule.id
    ]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the documentation of ``args.rule``; return 0, or 2 for an unknown rule."""
    from perfrules.errors import PerfrulesError

    lang = args.lang
    try:
        rules = all_rules(args)
        config = load_config(args)
    except PerfrulesError as exc:
        return print_problems(err, exc, lang)
    wanted = args.rule.strip()
    rule = rules.get(wanted.upper()) or next((r for r in rules.values() if r.name == wanted), None)
    if rule is None:
        from perfrules.cli.suggest import did_you_mean

        hint = did_you_mean(wanted, [*rules, *(r.name for r in rules.values())], lang)
        err.write(
            t(
                lang,
                f"perfrules explain: 没有规则 {wanted}{hint}（`perfrules rules` 列出全部规则）\n",
                f"perfrules explain: no rule {wanted}{hint} (`perfrules rules` lists them all)\n",
            )
        )
        return EXIT_USAGE
    doc = rule.doc
    parts = [
        f"{rule.id} {rule.name}: {rule.title.get(lang)}",
        t(
            lang,
            f"类别 {rule.category} · 严重程度 {rule.severity.value}",
            f"category {rule.category} · severity {rule.severity.value}",
        )
        + (
            f" · {t(lang, '适用年度', 'years')} {rule.years[0]}–{rule.years[1]}"
            if rule.years
            else ""
        ),
        "",
        t(lang, "检查内容 (what)", "What it checks"),
        _indent(doc.what),
        "",
        t(lang, "原因 (why)", "Why"),
        _indent(doc.why),
        "",
        t(lang, "依据 (source)", "Source"),
        _indent(doc.source),
        "",
        t(lang, "提示信息", "Message"),
        _indent(rule.message.get(lang)),
    ]
    if rule.params:
        parts += [
            "",
            t(
                lang,
                "参数（在 perfrules.toml 的 [params] 中设置）",
                "Parameters (set in perfrules.toml under [params])",
            ),
        ]
        for name, param in rule.params.items():
            default = (
                format(param.default, "f") if hasattr(param.default, "as_tuple") else param.default
            )
            bounds = [
                t(lang, f"不小于 {param.min}", f"at least {param.min}")
                if param.min is not None
                else "",
                t(lang, f"不大于 {param.max}", f"at most {param.max}")
                if param.max is not None
                else "",
            ]
            extra = "".join(f", {b}" for b in bounds if b)
            line = f"{name} ({param.type}, default {default}{extra})"
            parts.append(_indent(line + (f": {param.doc}" if param.doc else "")))
    if doc.passing.strip():
        parts += ["", t(lang, "通过的示例", "Passing example"), _indent(doc.passing)]
    if doc.failing.strip():
        parts += ["", t(lang, "不通过的示例", "Failing example"), _indent(doc.failing)]
        found = _example_findings(rule, config, lang)
        if found:
            parts += ["", t(lang, "perfrules 对该示例的检查结果", "What perfrules reports for it")]
            parts += [_indent(line) for line in found]
    out.write("\n".join(parts) + "\n")
    return EXIT_OK
