"""``perfrules explain``: a rule's documentation, with its examples and what perfrules reports on them.

A thin layer over the rule packs (:func:`perfrules.cli.common.all_rules`) and
:func:`perfrules.check`, whose findings on the failing example are written as
``perfrules check`` writes them (:func:`perfrules.output.text.finding_line`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from perfrules.cli.common import EXIT_OK, EXIT_USAGE, all_rules, load_config, print_problems
from perfrules.messages import Message
from perfrules.messages import cli as msg
from perfrules.messages.rules import AtLeast, AtMost

if TYPE_CHECKING:
    from perfrules.rules.config import Config

__all__ = ["run"]

#: The prose sections, in the order they are printed: the doc field and its heading.
_SECTIONS: tuple[tuple[str, type[Message]], ...] = (
    ("what", msg.WhatHeading),
    ("why", msg.WhyHeading),
    ("severity_why", msg.SeverityWhyHeading),
    ("fix", msg.FixHeading),
    ("source", msg.SourceHeading),
)


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
        err.write(msg.NoSuchRule(wanted=wanted, hint=hint).render(lang))
        return EXIT_USAGE
    doc = rule.doc
    parts = [
        f"{rule.id} {rule.name}: {rule.title.get(lang)}",
        msg.RuleHead(
            category=rule.category, severity=msg.SEVERITY_SHOWN[rule.severity.value]()
        ).render(lang)
        + (
            msg.RuleYears(first=rule.years[0], last=rule.years[1]).render(lang)
            if rule.years
            else ""
        ),
    ]
    own = "en" if lang == "en" else "zh"
    for field, heading in _SECTIONS:
        text, written_in = doc.text(field, lang)
        if not text:
            continue
        head = heading().render(lang)
        if written_in != own:
            head += msg.OtherLanguageOnly().render(lang)
        parts += ["", head, _indent(text)]
    parts += ["", msg.MessageHeading().render(lang), _indent(rule.message.get(lang))]
    if rule.params:
        parts += ["", msg.ParamsHeading().render(lang)]
        for name, param in rule.params.items():
            default = (
                format(param.default, "f") if hasattr(param.default, "as_tuple") else param.default
            )
            limits = [
                AtLeast(low=param.min) if param.min is not None else None,
                AtMost(high=param.max) if param.max is not None else None,
            ]
            extra = "".join(f", {b.render(lang)}" for b in limits if b is not None)
            line = msg.ParamLine(name=name, type=param.type, default=default, limits=extra)
            text = (param.doc if own == "en" else param.doc_zh) or param.doc or param.doc_zh
            parts.append(
                _indent(line.render(lang) + (msg.ParamDoc(doc=text).render(lang) if text else ""))
            )
    if doc.passing.strip():
        parts += ["", msg.PassingHeading().render(lang), _indent(doc.passing)]
    if doc.failing.strip():
        parts += ["", msg.FailingHeading().render(lang), _indent(doc.failing)]
        found = _example_findings(rule, config, lang)
        if found:
            parts += ["", msg.ReportsHeading().render(lang)]
            parts += [_indent(line) for line in found]
    out.write("\n".join(parts) + "\n")
    return EXIT_OK
