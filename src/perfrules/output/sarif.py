"""SARIF 2.1.0 output (``--format sarif``) for code-scanning tools.

One run; ``tool.driver.rules`` describes every selected rule (id, name, short
and full description, help, default level, category). Each finding is a
result with ``ruleId``, ``ruleIndex``, ``level`` (error, warning, note),
``message.text``, one location whose ``physicalLocation`` names the file
(``artifactLocation.uri``) and line (``region.startLine``, when known) and
whose ``logicalLocations`` entry carries the finding's ``about``. A finding
about a report read as written (``perfrules check report.docx``) is located in
the original file: ``region.startLine``/``startColumn`` in a text file, with
the source text as ``region.snippet``; elsewhere (Word, Excel, PDF places
have no lines) the place is ``properties.place``
(``report.docx: 表2 第5行 “实际完成值”``). Waived
findings are results with ``suppressions[].justification`` set to the
waiver's reason; with a baseline every result has a ``baselineState``
(``unchanged`` for known findings, ``new`` otherwise). Documents that could
not be loaded are ``toolExecutionNotifications`` of the invocation, whose
``executionSuccessful`` is then false.

Results are written as they come, so the log is streamed like the other
formats.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from perfrules._version import __version__
from perfrules.messages import Message
from perfrules.messages import cli as headings
from perfrules.messages import output as msg
from perfrules.output.writer import Summary, Writer

if TYPE_CHECKING:
    from perfrules.output.records import Outcome, Record
    from perfrules.rules.engine import RuleSet
    from perfrules.rules.pack import Rule

__all__ = ["LEVELS", "SCHEMA_URI", "SarifWriter", "artifact_uri", "rule_descriptor"]

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: perfrules severities as SARIF levels.
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A file path as a SARIF ``uri``: relative paths stay relative, with forward slashes."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path.replace(os.sep, "/"), safe="/-._~")


#: The sections of a rule's help after what it checks: the doc field and its heading.
_HELP_SECTIONS: tuple[tuple[str, type[Message]], ...] = (
    ("why", headings.WhyHeading),
    ("severity_why", headings.SeverityWhyHeading),
    ("fix", headings.FixHeading),
    ("source", headings.SourceHeading),
)


def rule_descriptor(rule: Rule, severity: str, lang: str) -> dict[str, Any]:
    """A ``reportingDescriptor`` for one rule, its documentation in ``lang`` (where the rule gives it)."""
    doc = rule.doc
    title = rule.title.get(lang)
    what = doc.text("what", lang)[0]
    sections = [
        (heading().render(lang), doc.text(field, lang)[0]) for field, heading in _HELP_SECTIONS
    ]
    given = [(head, text) for head, text in sections if text]
    lines = [msg.HelpLine(head=head, text=text).render(lang) for head, text in given]
    see = msg.HelpSee(rule=rule.id).render(lang)
    help_text = "\n\n".join([what, *lines, see])
    marked = [msg.HelpLineMarked(head=head, text=text).render(lang) for head, text in given]
    help_md = "\n\n".join(
        [f"**{rule.id} {rule.name}** — {title}", what, *marked, f"`perfrules explain {rule.id}`"]
    )
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": title},
        "fullDescription": {"text": what},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _location(path: str, line: int | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path)}}
    if line is not None and line >= 1:
        physical["region"] = {"startLine": line}
    return physical


def _physical(path: str, f: Record) -> dict[str, Any]:
    """The finding's physical location: the document's line, or the place in the original."""
    o = f.origin
    if o is None:
        return _location(path, f.line)
    physical = _location(o.file, o.line)
    region = physical.get("region")
    if region is not None:
        if o.column is not None and o.column >= 1:
            region["startColumn"] = o.column
        if o.text:
            region["snippet"] = {"text": o.text}
    return physical


class SarifWriter(Writer):
    """A SARIF 2.1.0 log with one run."""

    def __init__(
        self,
        out: TextIO,
        *,
        lang: str = "zh",
        show_waived: bool = False,
        rules: RuleSet | None = None,
        baseline: bool = False,
    ) -> None:
        super().__init__(out, lang=lang, show_waived=show_waived)
        self.baseline = baseline
        self.index: dict[str, int] = {}
        self.descriptors: list[dict[str, Any]] = []
        if rules is not None:
            severities = {a.rule.id: a.severity.value for a in (*rules.rules, *rules.post_rules)}
            for rid in rules.ids:
                self._add_rule(rules.all_rules[rid], severities.get(rid, "error"))
        self.notifications: list[dict[str, Any]] = []
        self._first = True

    def _add_rule(self, rule: Rule, severity: str) -> None:
        self.index[rule.id] = len(self.descriptors)
        self.descriptors.append(rule_descriptor(rule, severity, self.lang))

    def start(self) -> None:
        """Write the log's head and the driver with its rules, and open ``results``."""
        driver = {
            "name": "perfrules",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": self.descriptors,
        }
        head = {"$schema": SCHEMA_URI, "version": "2.1.0"}
        text = json.dumps(head, ensure_ascii=False)[:-1]
        tool = json.dumps({"driver": driver}, ensure_ascii=False, indent=2).replace(
            "\n", "\n      "
        )
        self.out.write(f'{text}, "runs": [\n  {{\n    "tool": {tool},\n    "results": [')

    def _result(self, path: str, f: Record, waived: bool) -> dict[str, Any]:
        location: dict[str, Any] = {
            "physicalLocation": _physical(path, f),
            "logicalLocations": [{"name": f.about, "fullyQualifiedName": f.about}],
        }
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": LEVELS.get(f.severity, "warning"),
            "message": {"text": f.message},
            "locations": [location],
            "properties": {
                "category": f.category,
                "about": f.about,
                "path": f.path,
                "expected": None if f.expected is None else str(f.expected),
                "found": None if f.found is None else str(f.found),
            },
        }
        if f.origin is not None:
            result["properties"]["place"] = f.origin.render
        if f.rule in self.index:
            result["ruleIndex"] = self.index[f.rule]
        if waived:
            result["suppressions"] = [
                {"kind": "inSource", "status": "accepted", "justification": f.reason or ""}
            ]
        if self.baseline and not waived:
            result["baselineState"] = "unchanged" if f.known else "new"
        return result

    def file(self, outcome: Outcome) -> None:
        """Write the document's results; load problems become notifications."""
        for p in outcome.problems:  # load problems, or rules that failed on the document
            text = ": ".join(part for part in (p.rule, p.path, p.message) if part)
            self.notifications.append(
                {
                    "level": "error",
                    "message": {"text": text},
                    "locations": [{"physicalLocation": _location(p.file or outcome.path, p.line)}],
                }
            )
        if outcome.status == "failed":
            return
        results = [self._result(outcome.path, f, False) for f in outcome.findings]
        results += [self._result(outcome.path, f, True) for f in outcome.waived]
        for r in results:
            sep = "\n      " if self._first else ",\n      "
            self._first = False
            self.out.write(sep + json.dumps(r, ensure_ascii=False))
        self.out.flush()

    def finish(self, summary: Summary) -> None:
        """Close ``results`` and write the invocation."""
        invocation: dict[str, Any] = {
            "executionSuccessful": summary.failed == 0 and summary.rule_errors == 0
        }
        if self.notifications:
            invocation["toolExecutionNotifications"] = self.notifications
        close = "]" if self._first else "\n    ]"
        text = json.dumps([invocation], ensure_ascii=False, indent=2).replace("\n", "\n    ")
        self.out.write(f'{close},\n    "invocations": {text}\n  }}\n]}}\n')
        self.out.flush()
