"""The assembled document: it loads and equals the extraction, every value is traced to the characters it was read from."""

from __future__ import annotations

import perfrules
from perfrules.document.provenance import Traced
from tests.extract.conftest import extracted, seed_path


def test_generated_toml_loads_to_the_extracted_report(seed: str) -> None:
    ex = extracted(seed)
    reloaded = perfrules.loads(ex.text, file="x.toml")
    assert reloaded == ex.report
    assert perfrules.render_extraction(ex) == ex.text


def test_every_traced_value_points_at_its_text_in_the_original(seed: str) -> None:
    ex = extracted(seed)
    lines = seed_path(seed).read_text(encoding="utf-8").split("\n")
    assert ex.provenance
    for path, traced in ex.provenance.items():
        assert isinstance(traced, Traced)
        place = traced.place
        if (
            path
            in (
                "report",
                "budget",
                "lines",
                "indicators",
                "evaluation",
                "narrative",
                "claims",
                "waivers",
            )
            and not traced.text
        ):
            assert place.line is None  # a part the report lacks: the file as a whole
            continue
        assert place.format == "text" and place.line is not None and place.column is not None, path
        # the place is the value's own character, inside the source text it was read from
        line = lines[place.line - 1]
        pieces = [p.strip() for p in traced.text.split("\n") if p.strip()]
        assert pieces, (path, traced)
        spans = [(m, m + len(p)) for p in pieces for m in range(len(line)) if line.startswith(p, m)]
        assert spans, (path, traced)
        assert any(a <= place.column - 1 < b for a, b in spans), (path, traced)


def test_the_report_source_places_findings_in_the_original() -> None:
    ex = extracted("002")
    source = ex.report.source
    assert source is not None and source.file == str(seed_path("002"))
    finding = next(f for f in perfrules.check(ex.report).findings if f.rule == "PR022")
    place = source.place(finding.path)
    assert place is not None and place.render().startswith(f"{seed_path('002')}:23:")
    traced = source.traced("lines[2].executed.whatever")  # the nearest parent answers
    assert traced is not None and "1.12元" in traced.text


def test_money_in_another_unit_is_written_with_it() -> None:
    lines = {ln.label: ln for ln in extracted("000").report.lines}
    assert lines["红十字业务费"].budget is not None and lines["红十字业务费"].budget.raw == "40万元"
    assert extracted("002").report.lines[2].executed.raw == "1.12元"  # type: ignore[union-attr]


def test_lines_of_one_project_and_of_two_budgets() -> None:
    lines = {ln.id: ln for ln in extracted("004").report.lines}
    assert (
        lines["project"].label == "驻社区人员补助项目"
    )  # 共有1个项目: the project is the 项目支出
    assert (
        lines["initial_basic"].parent == "initial"
        and lines["initial_basic"].label == "基本支出年初预算数"
    )
    assert lines["basic"].budget is not None and str(lines["basic"].budget.amount) == "89.01"


def test_an_indicator_named_twice_gets_an_id() -> None:
    inds = extracted("001").report.indicators
    assert [i.id for i in inds if i.name == "社会公众对开展此项工作的满意度"] == [
        None,
        "社会公众对开展此项工作的满意度-2",
    ]
