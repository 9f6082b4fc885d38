"""The documentation is true: generated pages current, links resolve, snippets parse, outputs real.

- The rule reference (``docs/rules/``) is what :mod:`perfrules.output.docgen` renders
  from ``rules/`` now; when not, the failure says how to regenerate it (those
  tests, with the generator's own, are in ``tests/output/test_docgen.py``).
- Every internal link in ``docs/`` points at an existing page (and anchor),
  and ``mkdocs.yml``'s nav lists every page.
- Every TOML snippet in the pages parses.
- A code block after ``<!-- example: PATH -->`` is the (end of the) file at
  PATH; one after ``<!-- output: COMMAND -->`` is what COMMAND prints now,
  each page's commands replayed in order as a reader would follow them (see
  the directives below).
- The tutorials' files (``docs/examples/``) give, through the API
  (``load_config``/``loads_config`` + ``check``), exactly the findings the
  pages claim; the worked example of seed 004 recomputes as
  ``docs/profiles.md`` says; the pre-submission hook exits as documented.
"""

from __future__ import annotations

import io
import os
import re
import shlex
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import tomli

import perfrules
from perfrules.rules.config import Config, load_config, loads_config
from perfrules.rules.engine import check
from perfrules.rules.pack import load_pack

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = DOCS / "examples"
PAGES = sorted(p for p in DOCS.rglob("*.md") if EXAMPLES not in p.parents)


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# --- Markdown structure ------------------------------------------------------------------

_FENCE = re.compile(r"^(?P<fence>`{3,})(?P<lang>[\w-]*)\n(?P<body>.*?)^(?P=fence)\s*$", re.S | re.M)
_LINK = re.compile(r"(?<!\!)\[(?:[^\]\[]|\[[^\]]*\])*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*$", re.M)
_ATTR_ID = re.compile(r"\{#(?P<id>[\w-]+)\}\s*$")


def _blocks(text: str) -> Iterator[tuple[str, str, int]]:
    """(language, body, start offset) of each fenced code block."""
    for m in _FENCE.finditer(text):
        yield m["lang"], m["body"], m.start()


def _prose(text: str) -> str:
    """The page without fenced blocks and code spans (where links are not links)."""
    text = _FENCE.sub("", text)
    return re.sub(r"`[^`\n]*`", "", text)


def _slug(text: str) -> str:
    """Python-Markdown's default heading id (toc extension, ASCII slugs)."""
    text = re.sub(r"<[^>]+>", "", text.replace("`", ""))
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def _anchors(path: Path) -> set[str]:
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    anchors: set[str] = set()
    for m in _HEADING.finditer(text):
        heading = m["text"]
        explicit = _ATTR_ID.search(heading)
        if explicit:
            anchors.add(explicit["id"])
        else:
            anchors.add(_slug(heading))
    return anchors


def _links(page: Path) -> Iterator[str]:
    for m in _LINK.finditer(_prose(page.read_text(encoding="utf-8"))):
        yield m["target"]


@pytest.mark.parametrize("page", PAGES, ids=[_rel(p) for p in PAGES])
def test_internal_links_resolve(page: Path) -> None:
    broken = []
    for target in _links(page):
        if re.match(r"[a-z]+:", target):
            continue  # http:, https:, mailto:
        file_part, _, fragment = target.partition("#")
        dest = (page.parent / file_part).resolve() if file_part else page
        if not dest.is_file() or DOCS not in dest.parents:
            broken.append(f"{target}: no such page")
            continue
        if fragment and dest.suffix == ".md" and fragment not in _anchors(dest):
            broken.append(f"{target}: no heading #{fragment} in {_rel(dest)}")
    assert not broken, f"{_rel(page)} has broken links:\n  " + "\n  ".join(broken)


def _nav_pages() -> list[str]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.findall(r":\s*([\w/.-]+\.md)\s*$", config, re.M)


def test_nav_lists_every_page() -> None:
    nav = _nav_pages()
    missing = [f for f in nav if not (DOCS / f).is_file()]
    assert not missing, f"mkdocs.yml names pages that do not exist: {missing}"
    pages = {p.relative_to(DOCS).as_posix() for p in PAGES}
    unlisted = sorted(pages - set(nav))
    assert not unlisted, f"pages missing from mkdocs.yml's nav: {unlisted}"


@pytest.mark.parametrize("page", PAGES, ids=[_rel(p) for p in PAGES])
def test_toml_snippets_parse(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for lang, body, start in _blocks(text):
        if lang != "toml":
            continue
        line = text.count("\n", 0, start) + 1
        try:
            tomli.loads(body)
        except tomli.TOMLDecodeError as exc:
            pytest.fail(f"{_rel(page)}:{line}: TOML snippet does not parse: {exc}")


def test_tutorial_snippets_are_checked() -> None:
    """The pages the brief names have TOML snippets at all (so the test above is not vacuous)."""
    for name in ("writing-rules.md", "getting-started.md"):
        text = (DOCS / name).read_text(encoding="utf-8")
        assert any(lang == "toml" for lang, _, _ in _blocks(text)), name


# --- examples and outputs quoted in the pages --------------------------------------------
#
# Directives in HTML comments, each applying to the fenced block that follows it:
#   <!-- example: PATH -->           the block is (the end of) the file PATH of the repository
#   <!-- output: COMMAND [exit N] --> the block is what COMMAND prints (a leading "$ …" line is
#                                     the prompt), and it exits with N when given
#   <!-- output-head: COMMAND -->     the same for the first lines (a trailing "…" line is dropped)
#   <!-- edit: FILE -->               a ```diff block: replace the "-" lines by the "+" lines
#   <!-- append: FILE -->             append the block to FILE
#   <!-- run: copy SRC DST -->        (no block) copy a file
#   <!-- run: COMMAND > FILE -->      (no block) run a command, its standard output into FILE
# An output directive may end in "[stdout]": only the standard output is compared (else both
# streams, as a terminal shows them).
# The commands of one page run in order, in a fresh folder holding copies of examples/ and
# docs/examples/, so the page is replayed as a reader would follow it.

_DIRECTIVE = re.compile(
    r"<!-- (?P<what>example|output|output-head|edit|append|run): (?P<arg>.+?) -->\n"
    r"(?:\s*\n)?(?:(?P<fence>`{3,})[\w-]*\n(?P<body>.*?)^(?P=fence)\s*$)?",
    re.S | re.M,
)
_EXIT = re.compile(r"\s*\[exit (?P<code>\d+)\]$")
_STDOUT = re.compile(r"\s*\[stdout\]$")


def _directives(page: Path) -> list[tuple[str, str, str]]:
    return [
        (m["what"], m["arg"].strip(), m["body"] or "")
        for m in _DIRECTIVE.finditer(page.read_text(encoding="utf-8"))
    ]


EXAMPLE_BLOCKS = [(p, a, b) for p in PAGES for w, a, b in _directives(p) if w == "example"]
REPLAYED = [p for p in PAGES if any(w.startswith("output") for w, _, _ in _directives(p))]


@pytest.mark.parametrize(
    ("page", "path", "body"), EXAMPLE_BLOCKS, ids=[f"{_rel(p)}:{a}" for p, a, _ in EXAMPLE_BLOCKS]
)
def test_quoted_files_are_current(page: Path, path: str, body: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    assert body.strip("\n"), f"{_rel(page)}: empty block for {path}"
    assert text.rstrip("\n").endswith(body.rstrip("\n")), (
        f"{_rel(page)} quotes {path}, but the file has changed: copy it into the page again"
    )


def _run_command(command: str, cwd: Path) -> tuple[int, str, str]:
    """Run a ``perfrules`` or ``python`` command in ``cwd``: (exit status, stdout, stderr)."""
    words = shlex.split(command)
    if words[0] == "perfrules":
        from perfrules import cli

        out, err = io.StringIO(), io.StringIO()
        code = cli.run(words[1:], out, err)
        return code, out.getvalue(), err.getvalue()
    if words[0] == "python":
        proc = subprocess.run(
            [sys.executable, *words[1:]], cwd=cwd, capture_output=True, text=True, check=False
        )
        return proc.returncode, proc.stdout, proc.stderr
    raise AssertionError(f"unknown command in a directive: {command}")


def replay(page: Path, workdir: Path) -> Iterator[tuple[str, str, str, int | None, int]]:
    """Follow a page's directives in ``workdir``: (command, shown, printed, expected exit, exit)."""
    import shutil

    shutil.copytree(ROOT / "examples", workdir / "examples")
    shutil.copytree(EXAMPLES, workdir / "docs" / "examples")
    old = Path.cwd()
    os.chdir(workdir)
    try:
        for what, arg, body in _directives(page):
            if what == "run":
                words = shlex.split(arg)
                if words[0] == "copy":
                    shutil.copyfile(workdir / words[1], workdir / words[2])
                else:
                    command, _, target = arg.partition(" > ")
                    _, out, _ = _run_command(command, workdir)
                    (workdir / target.strip()).write_text(out, encoding="utf-8")
            elif what == "edit":
                target = workdir / arg
                text = target.read_text(encoding="utf-8")
                old_lines = [x[1:] for x in body.splitlines() if x.startswith("-")]
                new_lines = [x[1:] for x in body.splitlines() if x.startswith("+")]
                before = "\n".join(old_lines)
                assert before in text, f"{_rel(page)}: the edit of {arg} no longer applies"
                target.write_text(text.replace(before, "\n".join(new_lines), 1), encoding="utf-8")
            elif what == "append":
                target = workdir / arg
                text = target.read_text(encoding="utf-8")
                target.write_text(text.rstrip("\n") + "\n\n" + body, encoding="utf-8")
            elif what in ("output", "output-head"):
                stdout_only = _STDOUT.search(arg)
                if stdout_only:
                    arg = arg[: stdout_only.start()]
                m = _EXIT.search(arg)
                expected_exit = int(m["code"]) if m else None
                command = arg[: m.start()] if m else arg
                shown = body.rstrip("\n")
                if shown.startswith("$ "):
                    shown = shown.split("\n", 1)[1] if "\n" in shown else ""
                code, out, err = _run_command(command, workdir)
                printed = (out if stdout_only else out + err).rstrip("\n")
                if what == "output-head":
                    lines = shown.split("\n")
                    if lines and lines[-1] == "…":
                        lines.pop()
                    shown = "\n".join(lines)
                    printed = "\n".join(printed.split("\n")[: len(lines)])
                yield command, shown, printed, expected_exit, code
    finally:
        os.chdir(old)


@pytest.mark.parametrize("page", REPLAYED, ids=[_rel(p) for p in REPLAYED])
def test_quoted_outputs_are_real(page: Path, tmp_path: Path) -> None:
    for command, shown, printed, expected_exit, code in replay(page, tmp_path):
        assert printed == shown, (
            f"{_rel(page)} shows output of `{command}` that differs from what it prints now:\n"
            f"--- shown\n{shown}\n--- printed\n{printed}"
        )
        if expected_exit is not None:
            assert code == expected_exit, (
                f"{_rel(page)}: `{command}` exits {code}, the page says {expected_exit}"
            )


def test_no_todo_left_in_pages() -> None:
    left = [_rel(p) for p in PAGES if "TODO" in p.read_text(encoding="utf-8")]
    assert not left, f"pages with TODO blocks: {left}"


# --- the "Writing rules" tutorial ----------------------------------------------------------


def _found(
    report: perfrules.Report, config: Config | None = None, **kw: object
) -> set[tuple[str, str]]:
    return {(f.rule, f.about) for f in check(report, config, **kw).findings}  # type: ignore[arg-type]


def test_tutorial_report_is_clean_under_builtin_rules() -> None:
    report = perfrules.load(EXAMPLES / "region-report.toml")
    assert _found(report) == set()


def test_tutorial_region_pack_finds_what_the_page_says() -> None:
    report = perfrules.load(EXAMPLES / "region-report.toml")
    config = load_config(EXAMPLES / "perfrules.toml")
    assert _found(report, config) == {
        ("PR901", "indicator:档案数字化页数"),
        ("PR901", "indicator:档案资源服务社会能力提升"),
        ("PR902", "budget"),
    }


def test_tutorial_changed_parameter() -> None:
    report = perfrules.load(EXAMPLES / "region-report.toml")
    config = load_config(EXAMPLES / "region-cap-30.toml")
    assert _found(report, config) == {("PR902", "budget")}


def test_tutorial_pack_examples() -> None:
    pack = load_pack(EXAMPLES / "region-pack.toml")
    config = Config(rules=pack.rules)
    for rule in pack.rules:
        failing = perfrules.loads(rule.doc.failing)
        passing = perfrules.loads(rule.doc.passing)
        assert rule.id in {r for r, _ in _found(failing, config)}, rule.id
        assert rule.id not in {r for r, _ in _found(passing, config)}, rule.id


def test_tutorial_threshold_change() -> None:
    report = perfrules.load(ROOT / "examples" / "clean.toml")
    assert not any(r == "PR041" for r, _ in _found(report))
    config = load_config(EXAMPLES / "exceeded-110.toml")
    assert ("PR041", "indicator:档案查询服务人次") in _found(report, config)


def test_tutorial_ignore_category() -> None:
    report = perfrules.load(ROOT / "examples" / "caidian-2024.toml")
    before = check(report)
    assert any(f.category == "taxonomy" for f in before.findings)
    assert sum(f.category == "taxonomy" for f in before.findings) == 3  # as the page says
    after = check(report, load_config(EXAMPLES / "no-taxonomy.toml"))
    assert not any(f.category == "taxonomy" for f in after.findings)
    assert {(f.rule, f.about) for f in after.findings} == {
        (f.rule, f.about) for f in before.findings if f.category != "taxonomy"
    }


def test_tutorial_inline_rule() -> None:
    """The page's inline-rule snippet (a [[rules]] entry in perfrules.toml) works as shown."""
    text = (DOCS / "writing-rules.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- config: inline -->\n```toml\n(?P<body>.*?)^```", text, re.S | re.M)
    assert m is not None, "writing-rules.md lost its inline-rule snippet"
    config = loads_config(m["body"], str(EXAMPLES / "perfrules.toml"), EXAMPLES)
    report = perfrules.load(EXAMPLES / "region-report.toml")
    assert ("PR903", "indicator:档案数字化页数") in _found(report, config)


def test_tutorial_region_profile() -> None:
    report = perfrules.load(ROOT / "examples" / "clean.toml")
    profile = str(EXAMPLES / "shili-profile.toml")
    assert _found(report, profile=profile) == {
        ("PR041", "indicator:档案查询服务人次"),
        ("PR120", "evaluation.grade"),
        ("PR122", "evaluation.grade"),
    }


# --- profiles ---------------------------------------------------------------------------


def test_profiles_page_covers_every_profile() -> None:
    from perfrules.scoring.profiles import available_profiles

    text = (DOCS / "profiles.md").read_text(encoding="utf-8")
    for profile in available_profiles():
        assert f"### `{profile.id}`" in text, f"docs/profiles.md has no section for {profile.id}"


def test_worked_example_of_seed_004() -> None:
    from perfrules.scoring.scorer import score

    report = perfrules.load(ROOT / "examples" / "urumqi-2023.toml")
    sheet = score(report, "national")
    assert [s.recomputed for s in sheet.indicators] == [10, 12, 0, 10, 15, 20, 10]
    assert str(sheet.execution.recomputed) == "9.57"
    assert str(sheet.total.recomputed) == "86.57"
    assert sheet.grade.of_recomputed.word == "良"
    assert score(report, "shijiazhuang").grade.of_recomputed.word == "优秀"
    grade = [f for f in check(report, profile="shijiazhuang").findings if f.category == "grade"]
    assert [(f.rule, f.message("en")) for f in grade] == [
        ("PR120", "a score of 86.57 earns '优秀', the report states '良'")
    ]


# --- the pre-submission hook -------------------------------------------------------------


def test_presubmit_hook(tmp_path: Path) -> None:
    script = EXAMPLES / "presubmit.py"
    ok = subprocess.run(
        [sys.executable, str(script), "examples/clean.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = subprocess.run(
        [sys.executable, str(script), "examples/urumqi-2023.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "PR032" in bad.stdout
    broken = subprocess.run(
        [sys.executable, str(script), "docs/examples/broken-report.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert broken.returncode == 2, broken.stdout + broken.stderr
