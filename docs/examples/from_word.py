"""From a Word report to findings: extract seed 000's text, write its document, check it.

docs/from-word-to-findings.md runs this twice: before and after the decision
in haidian-2021.overrides.toml.
"""

from __future__ import annotations

from pathlib import Path

import perfrules

SOURCE = Path("docs/examples/haidian-2021.txt")  # the report as Word exported it
TARGET = SOURCE.with_suffix(".toml")  # the document extraction writes

extraction = perfrules.extract(SOURCE)  # and applies haidian-2021.overrides.toml, if there is one
report = extraction.report
print(f"read: {len(report.lines)} lines, {len(report.indicators)} indicators, {len(report.claims)} claims")
for note in extraction.notes:
    print("note:", note)
for item in extraction.review:
    print("review:", item.about, "-", item.reason)
for outcome in extraction.overrides:
    print("override:", outcome.override.about, "applied" if outcome.applied else outcome.detail)
print(f"not read: {len(extraction.unread)} pieces, listed at the end of {TARGET.name}")

if perfrules.may_overwrite(TARGET):  # never over a file someone has edited
    perfrules.write_extraction(extraction, TARGET)
else:
    print(f"{TARGET} was edited by hand: not overwritten")

for finding in perfrules.check(report).findings:
    place = report.source.place(finding.path) if report.source else None
    where = place.render("en") if place else str(SOURCE)
    print(f"{where}: {finding.rule} {finding.severity.value}: {finding.message('en')}")
