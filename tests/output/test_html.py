"""The review pages as HTML text: findings placed at their cells, tables whole, strings escaped, nothing fetched.

Every page is parsed (:mod:`tests.output.htmldom`, which also fails on
mis-nested markup) and checked against the same outcome records the JSON
output is written from. The browser's view of the same pages is in
``test_html_browser.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

import perfrules
from perfrules.batch import Options, check_path
from perfrules.document.provenance import Place, Traced
from perfrules.document.source import Source
from perfrules.output.html.markup import esc
from perfrules.output.html.notes import DocsLinks, parent_path
from perfrules.output.html.page import report_page
from perfrules.output.html.sections import anchors
from perfrules.output.jsonout import file_data
from perfrules.output.records import Outcome, finding_record
from perfrules.output.reportview import report_view
from perfrules.output.scoredata import score_data
from perfrules.scoring.profiles import load_profile
from perfrules.scoring.scorer import score
from tests.output.htmldom import Element, grid_widths, parse

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
DOCS = DocsLinks("../docs/rules")


def outcome_of(path: Path | str, lang: str = "zh") -> Outcome:
    """What ``perfrules review`` checks for one document (score sheet and report data kept)."""
    return check_path(str(path), Options(lang=lang, want_score=True, want_report=True))


def page_of(outcome: Outcome, lang: str = "zh", **kw: object) -> Element:
    return parse(report_page(outcome, lang, DOCS, **kw))  # type: ignore[arg-type]


def placed_at(path: str, rendered: set[str]) -> str:
    """Where a finding about ``path`` must be shown: the nearest rendered element (computed from the DOM)."""
    while path and path not in rendered:
        path = parent_path(path)
    return path


# --- escaping ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ('</table>"q"', "&lt;/table&gt;&quot;q&quot;"),
        ("a & b", "a &amp; b"),
        ("\x1b[31m红\x1b[0m", "␛[31m红␛[0m"),
        ("bell\x07 nul\x00 del\x7f", "bell␇ nul␀ del␡"),
        ("\u202eabc", "[U+202E]abc"),
        ("\ud800x", "\ufffdx"),
        ("行一\n行二\t列", "行一\n行二\t列"),
        ("\x85", "[U+0085]"),
    ],
)
def test_esc_makes_every_string_inert_and_visible(raw: str, shown: str) -> None:
    assert esc(raw) == shown
    esc(raw).encode("utf-8")  # always writable


# --- the seeds' pages ----------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_finding_is_marked_at_its_cell_with_its_message(path: Path) -> None:
    outcome = outcome_of(path)
    assert outcome.status == "checked"
    dom = page_of(outcome)
    rendered = {e.attrs["data-path"] for e in dom.with_attr("data-path")}
    json_findings = file_data(outcome)["findings"]
    notes = dom.find_all("li")
    notes = [n for n in notes if "note" in n.classes]
    assert len(notes) == len(json_findings)
    for data in json_findings:
        where = placed_at(data["path"], rendered)
        (note,) = [
            n
            for n in notes
            if n.attrs["data-rule"] == data["rule"]
            and n.attrs["data-for"] == where
            and data["message"] in n.text()
        ]
        # the note says the severity in words, and links the rule to its documentation
        assert {"error": "错误", "warning": "警告", "info": "提示"}[data["severity"]] in note.text()
        (link,) = [a for a in note.find_all("a") if "rule" in a.classes]
        assert link.attrs["href"] == f"../docs/rules/{data['category']}.md#{data['rule'].lower()}"
        number = note.attrs["id"]
        if where:
            (target,) = [e for e in dom.with_attr("data-path") if e.attrs["data-path"] == where]
            assert "hl" in target.classes
            assert number in target.attrs["aria-describedby"].split()
            marks = [a for a in target.find_all("a") if "mark" in a.classes]
            assert f"#{number}" in {a.attrs["href"] for a in marks}
            # beside it: a cell's note is in the notes row right below its row
            row = target if target.tag == "tr" else target.ancestor("tr")
            if row is not None and where.startswith(("indicators[", "lines[", "budget.")):
                siblings = [c for c in row.parent.children if isinstance(c, Element)]
                after = siblings[siblings.index(row) + 1 :]
                following = next(r for r in after if "notes" in r.classes)
                assert note in list(following.iter())
        # and the summary lists it, linking to the note
        summary = dom.by_id(f"s{number[1:]}")
        assert summary is not None and data["message"] in summary.text()


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_anchors_are_exactly_what_the_page_renders(path: Path) -> None:
    outcome = outcome_of(path)
    assert outcome.report is not None
    dom = page_of(outcome)
    rendered = {e.attrs["data-path"] for e in dom.with_attr("data-path")}
    expected = anchors(outcome.report, (f.path for f in outcome.findings))
    assert rendered == expected
    ids = [e.attrs["id"] for e in dom.with_attr("id")]
    assert len(ids) == len(set(ids)), "element ids are unique"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_tables_are_rectangular_with_headers_and_captions(path: Path) -> None:
    dom = page_of(outcome_of(path))
    tables = dom.find_all("table")
    assert tables
    for table in tables:
        widths = grid_widths(table)
        assert len(set(widths)) == 1, (table.attrs, widths)
        assert table.find_all("caption"), table.attrs
        headers = [th for th in table.find_all("th")]
        assert headers and all("scope" in th.attrs for th in headers), table.attrs


def test_the_indicator_table_has_the_forms_columns_and_merges_tiers() -> None:
    dom = page_of(outcome_of(ROOT / "examples" / "caidian-2024.toml"))
    (table,) = [t for t in dom.find_all("table") if "indicators" in t.classes]
    head = [th.text() for th in table.find_all("thead")[0].find_all("th")]
    assert head[:5] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"]
    assert {"分值", "得分", "复核得分", "偏差原因及改进措施"} <= set(head)
    merged = [th for th in table.find_all("th") if th.attrs.get("scope") == "rowgroup"]
    assert any(int(th.attrs.get("rowspan", "1")) > 1 for th in merged)
    # the one indicator whose tier1 a finding is about keeps its own cell
    tier1 = [e for e in table.with_attr("data-path") if e.attrs["data-path"].endswith(".tier1")]
    for cell in tier1:
        if "hl" in cell.classes:
            assert cell.attrs.get("rowspan") in ("1", "2")


def test_score_sheet_and_budget_chain_are_drawn() -> None:
    outcome = outcome_of(ROOT / "examples" / "clean.toml")
    dom = page_of(outcome)
    charts = [s for s in dom.find_all("svg") if "chart" in s.classes]
    assert len(charts) == 2
    score_chart, budget_chart = sorted(
        charts, key=lambda s: s.attrs["aria-labelledby"], reverse=True
    )
    text = score_chart.text()
    assert outcome.score is not None
    for tier in outcome.score["tiers"]:
        assert tier["tier"] in text
        assert format(tier["weight"], "f") in text
    assert "复核" in text and "自评" in text and "分值" in text
    assert "年初预算数" in budget_chart.text() and "%" in budget_chart.text()
    for svg in charts:
        assert svg.find_all("title") and svg.find_all("desc")
        assert svg.attrs["role"] == "img"


def test_english_pages() -> None:
    outcome = outcome_of(ROOT / "examples" / "quyuan-2024.toml", lang="en")
    dom = page_of(outcome, lang="en")
    assert dom.find_all("html")[0].attrs["lang"] == "en"
    text = dom.text()
    assert "Indicator table" in text and "Findings" in text and "error" in text
    assert "but its parts" in text


def test_a_page_fetches_nothing_and_prints_on_a4() -> None:
    text = report_page(outcome_of(ROOT / "examples" / "urumqi-2023.toml"), "zh", DOCS)
    assert "<link" not in text and "<script src" not in text and "@import" not in text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert "@page{size:A4 portrait" in text and "break-inside:avoid" in text


def test_known_and_waived_findings_are_told_apart() -> None:
    outcome = outcome_of(ROOT / "examples" / "quyuan-2024.toml")
    first = outcome.findings[0]._replace(known=True)
    waived = outcome.findings[1]._replace(reason="已由财政局同意")
    outcome = outcome._replace(findings=(first, *outcome.findings[2:]), waived=(waived,))
    hidden = page_of(outcome)
    assert "已由财政局同意" not in hidden.text()
    dom = page_of(outcome, show_waived=True)
    notes = {n.attrs["id"]: n for n in dom.find_all("li") if "note" in n.classes}
    (waived_note,) = [n for n in notes.values() if n.attrs["data-severity"] == "waived"]
    assert "已豁免" in waived_note.text() and "已由财政局同意" in waived_note.text()
    (known_note,) = [n for n in notes.values() if "已知" in n.text()]
    assert known_note.attrs["data-rule"] == first.rule


def test_a_document_that_cannot_be_read_gets_a_page_with_its_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[report]\ndepartment = "x"\nyear = "二〇二四"\n', encoding="utf-8")
    outcome = outcome_of(bad)
    assert outcome.status == "failed"
    dom = page_of(outcome)
    assert str(bad) in dom.text()
    assert outcome.problems[0].message in dom.text()


# --- hostile strings -----------------------------------------------------------------------

HOSTILE = """\
[report]
department = "<script>alert('x')</script>部门\\u001b[31m红\\u001b[0m"
year = 2023
title = "</table><img src=x onerror=alert(1)> \\"引号\\" 'single' 2024年度"
[budget]
initial = 100
adjusted = 100
executed = 90
execution_rate = 95
deviation_reason = "</td></tr></table><script>document.title='pwned'</script>"
[[lines]]
id = "a"
label = "<b>粗</b>\\u202e反向"
kind = "basic"
executed = 50
[[lines]]
id = "b"
label = "人员 & 经费 \\"x\\""
parent = "a"
kind = "personnel"
executed = 40
[[indicators]]
tier1 = "产出指标"
tier2 = "<i>数量指标</i>"
name = "<script>alert(2)</script>"
target = "≥12篇"
actual = "1篇"
weight = 10
score = 10
[evaluation]
score = 90
grade = "<优>"
[[claims]]
about = "budget.executed"
value = "</q>80万元"
source = "<!-- comment -->"
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "evil<b>'\".toml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_strings_from_the_report_render_as_text(hostile: Path) -> None:
    outcome = outcome_of(hostile)
    text = report_page(outcome, "zh", DOCS)
    dom = parse(text)
    assert not dom.find_all("script") and not dom.find_all("img") and not dom.find_all("i")
    assert not [b for b in dom.find_all("b") if "粗" in b.text()]  # the page's own <b> are counts
    assert "<!-- comment -->" not in text
    shown = dom.text()
    assert "<script>alert('x')</script>部门␛[31m红␛[0m" in shown
    assert "</td></tr></table><script>document.title='pwned'</script>" in shown
    assert "<b>粗</b>[U+202E]反向" in shown and '人员 & 经费 "x"' in shown
    assert "<!-- comment -->" in shown and "</q>80万元" in shown
    assert "\x1b" not in text
    # the messages quoting those strings are text too, and the findings are still placed
    assert any("<script>alert(2)</script>" in n.text() for n in dom.find_all("li"))
    (name,) = dom.find_all(data_path="indicators[0].name")
    assert name.text().startswith("<script>alert(2)</script>")


# --- provenance ----------------------------------------------------------------------------


class TracedSource(Source):
    """A Source carrying a provenance map, as ``perfrules.extract`` builds it."""

    __slots__ = ("provenance",)

    def __init__(self, text: str, fmt: str, file: str, provenance: dict[str, Traced]) -> None:
        super().__init__(text, fmt, file)
        self.provenance = provenance


def provenance_outcome() -> Outcome:
    """Seed 002 as if extracted from a Word file: two values carry their place and source text."""
    path = ROOT / "examples" / "quyuan-2024.toml"
    report = perfrules.load(str(path))
    docx = Place("红十字会2024自评报告.docx", "docx", table=2, row=5, cell=3)
    text = Place("红十字会2024自评报告.txt", "text", line=47, column=12)
    provenance = {
        "lines[0].executed": Traced(docx, "财政拨款基本支出12.95万元"),
        "report.department": Traced(text, "屈原管理区红十字会<script>"),
    }
    assert report.source is not None
    source = TracedSource(report.source.text, "toml", "红十字会2024自评报告.docx", provenance)
    report = attrs.evolve(report, source=source)
    profile = load_profile("national", report.report.year)
    result = perfrules.check(report, profile=profile)
    return Outcome(
        str(path),
        "checked",
        result.profile,
        tuple(finding_record(f, "zh") for f in result.findings),
        (),
        (),
        score_data(score(report, profile)),
        report_view(report),
    )


def test_an_extracted_reports_values_show_where_they_were_read() -> None:
    path = ROOT / "examples" / "quyuan-2024.toml"
    outcome = provenance_outcome()
    dom = page_of(outcome)
    (cell,) = dom.find_all(data_path="lines[0].executed")
    assert "hl" in cell.classes  # still marked: PR020 is about this cell
    (box,) = [e for e in cell.iter() if "prov" in e.classes]
    assert "红十字会2024自评报告.docx: 表2 第5行 第3列" in box.text()
    assert "财政拨款基本支出12.95万元" in box.text()
    trigger = box.parent
    assert trigger is not None and trigger.attrs.get("tabindex") == "0"  # focusable: click or tab
    (dept,) = dom.find_all(data_path="report.department")
    assert "红十字会2024自评报告.txt:47:12" in dept.text()
    assert not dom.find_all("script")
    table = [t for t in dom.find_all("table") if "provenance" in t.classes]
    assert len(table) == 1 and "lines[0].executed" in table[0].text()
    # a report without provenance has no popovers at all
    plain = page_of(outcome_of(path))
    assert not [e for e in plain.iter() if "prov" in e.classes]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_why_the_execution_was_not_scored_is_in_the_pages_language(lang: str) -> None:
    outcome = outcome_of(ROOT / "examples" / "quyuan-2024.toml", lang)
    assert outcome.score is not None
    execution = outcome.score["execution"]
    assert execution["recomputed"] is None and execution["reason"]
    text = page_of(outcome, lang).text()
    assert execution["reason"] in text
    if lang == "zh":
        assert "not scored" not in text and "no executed amount" not in text
