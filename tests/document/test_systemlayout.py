"""The layout memo of the indicator system: what reading the pairs again gives, nothing of a report's own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import perfrules
from perfrules.document import systemlayout
from perfrules.document.model import Indicator, Report, TierScore
from perfrules.document.system import TierStatus, build_system
from perfrules.document.systemlayout import layout
from perfrules.document.taxonomy import load_taxonomy, taxonomy
from perfrules.resources import rules_dir
from tests.strategies import reports

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
D = Decimal


def _pairs(report: Report) -> tuple[tuple[str | None, str | None], ...]:
    return tuple(dict.fromkeys((i.tier1, i.tier2) for i in report.indicators))


def _cold(report: Report) -> perfrules.IndicatorSystem:
    systemlayout._LAYOUTS.clear()
    return build_system(report)


@settings(max_examples=80, deadline=None)
@given(reports())
def test_a_remembered_layout_gives_the_tree_a_fresh_reading_gives(report: Report) -> None:
    cold = _cold(report)
    tax, year = taxonomy(), report.report.year
    assert (id(tax), year, _pairs(report)) in systemlayout._LAYOUTS
    warm = build_system(report)
    assert warm == cold and repr(warm) == repr(cold)
    assert [(p.tier1.name, p.tier2.name) for p in warm.placements] == [
        (p.tier1.name, p.tier2.name) for p in cold.placements
    ]
    assert layout(tax, year, _pairs(report)) == systemlayout._read(tax, year, _pairs(report))


def test_reports_of_one_layout_keep_their_own_indicators_weights_and_subtotals() -> None:
    clean = perfrules.load(EXAMPLES / "clean.toml")
    assert clean.evaluation is not None
    clean = attrs.evolve(
        clean,
        evaluation=attrs.evolve(clean.evaluation, tier_scores=(TierScore("产出", D(40)),)),
    )
    first = clean.indicators[0]
    # the same distinct pairs in the same order: one more indicator under the first pair,
    # every weight doubled, no stated subtotals
    other = attrs.evolve(
        clean,
        indicators=(
            *(
                attrs.evolve(i, weight=i.weight * 2 if i.weight is not None else None)
                for i in clean.indicators
            ),
            Indicator("又一项", tier1=first.tier1, tier2=first.tier2, weight=D("1.5")),
        ),
        evaluation=None,
    )
    assert _pairs(other) == _pairs(clean)
    systemlayout._LAYOUTS.clear()
    a = build_system(clean)
    b = build_system(other)  # read from the memo the first one filled
    assert len(systemlayout._LAYOUTS) == 1
    assert b == _cold(other)
    n = len(clean.indicators)
    assert b.tiers[0].indices == (*a.tiers[0].indices, n)
    assert b.tiers[0].tiers[0].indices == (*a.tiers[0].tiers[0].indices, n)
    assert b.tiers[0].weight == a.tiers[0].weight * 2 + D("1.5")
    assert b.placements[n] is b.placements[0]
    assert all(t.stated is None for t in b.tiers)
    assert (a.tiers[0].stated, a.tiers[0].stated_key) == (D(40), "产出")


def test_a_layout_depends_on_the_year_and_the_taxonomy(tmp_path: Path) -> None:
    tax = taxonomy()
    pairs = (("成本指标", "经济成本指标"), ("产出指标", "数目指标"))
    (cost_2020, _), (cost_2021, _) = layout(tax, 2020, pairs)[0], layout(tax, 2021, pairs)[0]
    assert cost_2020[1] is TierStatus.UNKNOWN and cost_2021[1] is TierStatus.KNOWN
    # another taxonomy, which knows 数目指标 as another name of 数量指标
    text = (rules_dir() / "taxonomy" / "tiers.toml").read_text(encoding="utf-8")
    path = tmp_path / "tiers.toml"
    path.write_text(text.replace("[tier2_aliases]\n", '[tier2_aliases]\n"数目指标" = "数量指标"\n'))
    mine = load_taxonomy(path)
    out_default = layout(tax, 2021, pairs)[0][1][4][0]
    out_mine = layout(mine, 2021, pairs)[0][1][4][0]
    assert out_default[:2] == ("数目指标", TierStatus.UNKNOWN)
    assert out_mine[:4] == ("数量指标", TierStatus.KNOWN, ("数目指标",), ("数目指标",))


def test_the_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(systemlayout, "_LAYOUTS_MAX", 2)
    systemlayout._LAYOUTS.clear()
    tax = taxonomy()
    layouts = [(("产出指标", f"指标{i}"),) for i in range(5)]
    for pairs in layouts:
        read = layout(tax, 2024, pairs)
        assert read[0][0][4][0][0] == pairs[0][1]  # right whether remembered or not
    assert len(systemlayout._LAYOUTS) == 2


def test_a_layout_with_a_name_longer_than_any_tiers_is_not_kept() -> None:
    systemlayout._LAYOUTS.clear()
    tax = taxonomy()
    long_name = "产出指标" + "很" * 200
    read = layout(tax, 2024, ((long_name, "数量指标"),))
    assert read[0][0][0] == long_name and read[0][0][1] is TierStatus.UNKNOWN
    assert systemlayout._LAYOUTS == {}
    assert layout(tax, 2024, (("产出指标", "数量指标"),)) is layout(
        tax, 2024, (("产出指标", "数量指标"),)
    )
