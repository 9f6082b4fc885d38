"""The profiles page of the reference: every shipped scoring profile as perfrules reads it.

One table of the profiles, then a section per profile: its file, what it
extends, report years, full marks, budget execution, the reasons it requires,
indicator scoring, rounding, grades, tiers, qualitative bands, sources and notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from perfrules.output.docgen.markdown import MARKER, _inline, _join_lines
from perfrules.scoring.profiles import Profile

__all__: list[str] = []

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
