"""A tour of the Python API on seed 004 (docs/python-api.md shows its output)."""

from __future__ import annotations

import perfrules

# Load a report document (TOML or JSON, by extension).
report = perfrules.load("examples/urumqi-2023.toml")
print(report.report.department, report.report.year, report.budget.executed)

# Check it: findings are data.
result = perfrules.check(report)
print(f"profile {result.profile}: {len(result.findings)} findings, worst {result.worst().value}")
for f in result.findings:
    print(f.rule, f.category, f.severity.value, f.about, f.path, f.line, f.expected, f.found)
print(result.findings[0].message())
print(result.findings[0].message("en"))

# Score it: the recomputed sheet, next to what the report states.
sheet = perfrules.score(report)
for s in sheet.indicators[:3]:
    print(s.key, s.weight, s.stated, s.recomputed, s.formula)
print(sheet.execution.formula)
print(
    sheet.total.stated, sheet.total.recomputed, sheet.grade.stated, sheet.grade.of_recomputed.word
)

# Errors carry problems with file, key path and line.
try:
    perfrules.loads('[report]\ndepartment = "某单位"\nyear = "2023"\n', file="bad.toml")
except perfrules.DocumentError as exc:
    for p in exc.problems:
        print(p.file, p.line, p.path, p.code, p.message("en"))
