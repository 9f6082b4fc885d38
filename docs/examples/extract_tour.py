"""A tour of perfrules.extract on seed 000's text (docs/python-api.md shows its output)."""

from __future__ import annotations

import perfrules

# Read a report as written: a .txt here; .docx, .xlsx and text PDFs the same way.
extraction = perfrules.extract("docs/examples/haidian-2021.txt", overrides=False)
report = extraction.report  # a perfrules.Report, like perfrules.load gives
print(extraction.format, report.report.department, report.report.year, report.report.money_unit)

# Every value knows where it was read, and from which text.
for path in ("report.department", "budget.executed", "lines[4].budget"):
    traced = extraction.provenance[path]
    print(path, "←", traced.place.render(), repr(traced.text))

# What only a person can decide, and what was not read at all.
for item in extraction.review:
    print("review:", item.about, [str(value.value) for value, _ in item.alternatives])
print("not read:", sorted({u.reason for u in extraction.unread}))
print("indicators found:", extraction.found_indicators)

# The annotated TOML loads back to the same report.
text = perfrules.render_extraction(extraction)
print(perfrules.loads(text) == report, text.splitlines()[-1])

# Findings point into the original file.
for finding in perfrules.check(report).findings:
    print(finding.rule, finding.about, report.source.place(finding.path).render())
