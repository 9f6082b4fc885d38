"""The review pages in a real browser: headless Chromium shows every finding where it says, with no errors.

Marked ``browser``. It drives Debian's ``chromium`` (``/usr/bin/chromium``,
or ``$PERFRULES_CHROMIUM``) through Playwright for Python with a fresh
profile folder; Playwright's own browser downloads are not used. Without a
browser or Playwright the tests are skipped on a developer's machine and
FAIL in CI (``CI`` or ``PERFRULES_REQUIRE_BROWSER`` set), where ``.ci/run``
installs both. Screenshots of every
page are saved under the test's temporary folder.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from perfrules.cli import run
from perfrules.output.html.markup import esc
from perfrules.output.html.notes import parent_path

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RANK = {"error": 0, "warning": 1, "info": 2}
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(what: str) -> None:
    message = f"the browser test needs {what}"
    if os.environ.get("CI") or os.environ.get("PERFRULES_REQUIRE_BROWSER"):
        pytest.fail(message + " (CI must install it: see .ci/run)")
    pytest.skip(message)


def chromium_path() -> str | None:
    """Debian's Chromium, or the browser ``$PERFRULES_CHROMIUM`` names."""
    named = os.environ.get("PERFRULES_CHROMIUM")
    if named:
        return named if os.path.exists(named) else None
    for candidate in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    """Playwright for Python, checked to have a Chromium to drive."""
    if chromium_path() is None:
        _missing("Chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python (pip install -e '.[browser]')")
    with sync_playwright() as p:
        yield p


def launch(playwright: Any, profile: Path, **options: Any) -> Any:
    """Debian's Chromium, headless, with a fresh profile folder and the flags that work here."""
    return playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=chromium_path(),
        headless=True,
        args=FLAGS,
        viewport={"width": 1200, "height": 900},
        **options,
    )


@pytest.fixture(scope="module")
def browser(playwright: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A browser context with JavaScript, as a reviewer opens the pages."""
    context = launch(playwright, tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield context
    finally:
        context.close()


def _cli(*argv: object) -> str:
    out, err = io.StringIO(), io.StringIO()
    run([str(a) for a in argv], out, err)
    return out.getvalue()


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The pages of every example and of a hostile report, and the JSON output of the same run."""
    from tests.output.test_html import HOSTILE

    inputs = tmp_path_factory.mktemp("reports")
    for example in EXAMPLES.glob("*.toml"):
        shutil.copy(example, inputs / example.name)
    (inputs / "hostile.toml").write_text(HOSTILE, encoding="utf-8")
    (inputs / "broken.toml").write_text("[report\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("pages")
    _cli("review", inputs, "-o", out, "--jobs", "1")
    data = json.loads(_cli("check", inputs, "--format", "json", "--jobs", "1"))
    return out, data


def shown(text: str) -> str:
    """What a page shows of ``text``: control and bidi characters made visible (see test_esc)."""
    return html.unescape(esc(text))


class Page:
    """A page opened in the browser, with the console errors and dialogs it caused."""

    def __init__(self, context: Any, url: str) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on(
            "request",
            lambda r: (
                None
                if r.url.startswith(("file:", "data:", "about:"))
                else self.errors.append(f"fetched {r.url}")
            ),
        )
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.page, name)


_DOM = """() => ({
  cells: Array.from(document.querySelectorAll('[data-path]')).map(e => ({
    path: e.getAttribute('data-path'), classes: Array.from(e.classList),
    described: (e.getAttribute('aria-describedby') || '').split(' ').filter(Boolean),
    visible: e.getBoundingClientRect().width > 0})),
  notes: Array.from(document.querySelectorAll('li.note')).map(e => ({
    id: e.id, rule: e.dataset.rule, at: e.dataset.for, text: e.textContent,
    href: e.querySelector('a.rule').getAttribute('href'),
    visible: e.getBoundingClientRect().height > 0}))
})"""


def test_every_page_shows_its_findings_where_they_say(
    browser: Any, batch: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    out, data = batch
    checked = [f for f in data["files"] if f["error"] is None]
    assert len(checked) == len(list(EXAMPLES.glob("*.toml"))) + 1
    for entry in checked:
        name = Path(entry["path"]).stem
        page = Page(browser, (out / f"{name}.html").as_uri())
        dom = page.evaluate(_DOM)
        page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
        assert page.errors == [] and page.dialogs == [], name
        cells = {c["path"]: c for c in dom["cells"]}
        for finding in entry["findings"]:
            where = finding["path"]
            while where and where not in cells:
                where = parent_path(where)
            (note,) = [
                n
                for n in dom["notes"]
                if n["rule"] == finding["rule"]
                and n["at"] == where
                and shown(finding["message"]) in n["text"]
            ]
            assert note["visible"], (name, finding)
            assert note["href"].endswith(f"/{finding['category']}.md#{finding['rule'].lower()}")
            if where:
                cell = cells[where]
                assert "hl" in cell["classes"] and cell["visible"], (name, finding)
                assert note["id"] in cell["described"], (name, finding)
                # the cell shows the worst severity of its findings: never a milder one
                worst = next(
                    r for r in ("error", "warning", "info") if f"sev-{r}" in cell["classes"]
                )
                assert RANK[worst] <= RANK[finding["severity"]], (name, finding)
        assert len(dom["notes"]) == len(entry["findings"]), name
        page.close()


def test_hostile_strings_stay_text_in_the_browser(
    browser: Any, batch: tuple[Path, dict[str, Any]]
) -> None:
    out, _ = batch
    page = Page(browser, (out / "hostile.html").as_uri())
    assert page.dialogs == [] and page.errors == []
    assert page.evaluate("document.querySelectorAll('script, img, i').length") == 0
    assert "pwned" not in page.title()
    department = page.inner_text('[data-path="report.department"]')
    assert department.startswith("<script>alert('x')</script>部门␛[31m红␛[0m")
    reason = page.inner_text('[data-path="budget.deviation_reason"]')
    assert "</td></tr></table><script>document.title='pwned'</script>" in reason
    assert "<script>alert(2)</script>" in page.inner_text('[data-path="indicators[0].name"]')
    page.close()


def test_the_overview_sorts_and_filters(
    browser: Any, batch: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    out, data = batch
    page = Page(browser, (out / "index.html").as_uri())
    page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
    assert page.errors == []
    rows = "Array.from(document.querySelectorAll('#reports tbody tr')).filter(r => !r.hidden)"
    paths = page.evaluate(f"{rows}.map(r => r.dataset.path)")
    errors = {
        f["path"]: sum(x["severity"] == "error" for x in f["findings"]) for f in data["files"]
    }
    assert [errors[p] for p in paths] == sorted((errors[p] for p in paths), reverse=True)
    # unreadable files are listed with their message
    assert "broken.toml" in page.inner_text("table.failed") and "语法错误" in page.inner_text(
        "table.failed"
    )
    # sort by year: ascending on the second click
    year = page.locator("#reports thead th", has_text="预算年度").locator("button")
    year.click()
    year.click()
    years = page.evaluate(f"{rows}.map(r => Number(r.cells[1].dataset.v))")
    assert years == sorted(years)
    assert page.get_attribute("#reports thead th:nth-child(2)", "aria-sort") == "ascending"
    # filter by rule, then by category
    page.select_option("#filter", "PR022")
    assert [Path(p).name for p in page.evaluate(f"{rows}.map(r => r.dataset.path)")] == [
        "quyuan-2024.toml"
    ]
    page.select_option("#filter", "missing")
    shown = page.evaluate(f"{rows}.map(r => r.dataset.path)")
    expected = [
        f["path"] for f in data["files"] if any(x["category"] == "missing" for x in f["findings"])
    ]
    assert sorted(shown) == sorted(expected)
    assert page.inner_text("#shown") == str(len(expected))
    page.select_option("#filter", "")
    page.fill("#search", "屈原")
    assert len(page.evaluate(f"{rows}.map(r => r.dataset.path)")) == 1
    assert page.errors == []
    page.close()


def test_pages_read_without_javascript(
    playwright: Any, batch: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    out, data = batch
    context = launch(playwright, tmp_path / "profile", java_script_enabled=False)
    if True:
        try:
            page = context.new_page()
            page.goto((out / "index.html").as_uri())
            reports = [f for f in data["files"] if f["error"] is None]
            assert page.locator("#reports tbody tr").count() == len(reports)
            assert page.locator("#reports tbody tr").first.is_visible()
            assert not page.locator(
                ".controls"
            ).is_visible()  # sorting and filtering need the script
            page.goto((out / "quyuan-2024.html").as_uri())
            assert page.locator("li.note").first.is_visible()
            assert page.locator('[data-path="lines[2].executed"]').is_visible()
        finally:
            context.close()


def test_a_provenance_popover_opens_on_hover_and_on_focus(browser: Any, tmp_path: Path) -> None:
    from perfrules.output.html.page import report_page
    from tests.output.test_html import DOCS, provenance_outcome

    target = tmp_path / "extracted.html"
    target.write_text(report_page(provenance_outcome(), "zh", DOCS), encoding="utf-8")
    page = Page(browser, target.as_uri())
    trigger = page.locator('[data-path="lines[0].executed"] .pv')
    box = trigger.locator(".pvbox")
    assert box.bounding_box()["width"] <= 1  # hidden until asked for
    trigger.hover()
    shown = box.bounding_box()
    assert shown["width"] > 80 and shown["height"] > 20
    assert "表2 第5行 第3列" in box.inner_text() and "财政拨款基本支出12.95万元" in box.inner_text()
    page.screenshot(path=str(tmp_path / "provenance.png"))
    page.mouse.move(0, 0)
    other = page.locator('[data-path="report.department"] .pv')
    other.focus()
    assert other.locator(".pvbox").bounding_box()["width"] > 80
    assert page.errors == []
    page.close()


def test_a_page_prints_on_a4_portrait(
    browser: Any, batch: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    out, _ = batch
    page = Page(browser, (out / "caidian-2024.html").as_uri())
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.crumb')).display") == "none"
    assert (
        page.evaluate("getComputedStyle(document.querySelector('li.note')).breakInside") == "avoid"
    )
    pdf = tmp_path / "caidian-2024.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    assert boxes and all(abs(float(w) - 595.9) < 2 and abs(float(h) - 842) < 2 for w, h in boxes)
    page.close()
