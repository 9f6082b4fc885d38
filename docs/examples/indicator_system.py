"""The indicator system of seed 001 (caidian-2024) as a tree (docs/python-api.md shows its output)."""

from __future__ import annotations

import perfrules

report = perfrules.load("examples/caidian-2024.toml")
system = perfrules.indicator_system(report)  # built once; check() and score() read this tree

for tier in system.tiers:
    print(tier.name, tier.status.value, "、".join(tier.written), tier.indices)
    for second in tier.tiers:
        where = f"belongs under {'、'.join(second.homes)}" if second.misplaced else "in place"
        print("   ", second.name, "←", "、".join(second.written), where)

benefit = system.tier("效果指标")  # an alias finds its canonical node
print(benefit is system.tier("效益指标"), benefit.aliases if benefit else None)
place = system.place(15)
print(place.tier1.name, place.tier1_alias, place.tier2.name, place.tier2.misplaced)

# The score sheet's subtotals are keyed by the same nodes.
sheet = perfrules.score(report)
print(sheet.system is system, [(t.tier, t.indices) for t in sheet.tiers])
for line in perfrules.system_lines(system, sheet.recomputed_by_tier, lang="en"):
    print(line)
