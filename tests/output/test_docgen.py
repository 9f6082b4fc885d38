"""The rule reference generator: the pages in ``docs/rules/`` are current, deterministic and true to their input.

When the committed pages differ from what ``rules/`` produces, the failure
says how to regenerate them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from perfrules.output import docgen
from perfrules.rules.findings import CATEGORIES
from perfrules.rules.pack import load_pack
from perfrules.scoring.profiles import load_profile

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXAMPLES = DOCS / "examples"


def test_rule_reference_is_current() -> None:
    problems = docgen.check_pages(DOCS / "rules")
    assert not problems, (
        "the generated rule reference differs from what rules/ produces:\n  "
        + "\n  ".join(problems)
        + f"\nregenerate it with:  {docgen.REGENERATE}"
    )


def test_rule_reference_is_deterministic(tmp_path: Path) -> None:
    """Every process renders the same pages: nothing depends on hash order or the directory."""
    here = docgen.render_pages()
    code = (
        "import json, sys\n"
        "from perfrules.output import docgen\n"
        "json.dump(docgen.render_pages(), sys.stdout)\n"
    )
    for seed in ("0", "4242"):
        done = subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=tmp_path,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
        assert json.loads(done.stdout) == here, f"PYTHONHASHSEED={seed}"


def test_rule_reference_renders_the_packs_it_is_given() -> None:
    """Pages follow their input: a pack's rules, parameters and examples' real findings, nothing else."""
    pack = load_pack(EXAMPLES / "region-pack.toml")
    pages = docgen.render_pages([pack], profiles=[load_profile("national")])
    assert set(pages) == {"index.md", "profiles.md", *(f"{c}.md" for c in CATEGORIES)}
    index = pages["index.md"]
    assert "(2 rules in 1 packs)" in index
    assert (
        "| [PR901](score.md#pr901) | `indicator-weight-cap` | score | error "
        "| 单项三级指标分值不超过上限 — no single indicator is worth more than the cap |"
    ) in index
    assert "| `shili` | `rules/region-pack.toml` |" in index
    sections = re.findall(r"^## (PR\d{3}) ", "".join(pages.values()), re.M)
    assert sorted(sections) == ["PR901", "PR902"]  # no built-in rule is documented
    score = pages["score.md"]
    assert score.startswith(docgen.MARKER + "\n")
    assert "## PR901 indicator-weight-cap {#pr901}" in score
    assert (
        "| `max_weight` | decimal | `20` | The most points one 三级指标 may be worth. "
        "单项三级指标分值的上限。 |"
    ) in score
    assert "**Why this severity / 为何是此级别.**\n\nAn error: the notice" in score
    assert "**How to fix / 如何修改.**" not in pages["missing.md"]  # PR902 gives no fix
    assert 'expression = "weight is None or weight <= max_weight"' in score
    assert (
        "```text\n"
        "failing.toml:4: PR901 [score] error: 指标“档案数字化页数”分值为 30 分，超过示例市规定的单项上限 20 分"
        "（应为 20，实际为 30）\n"
        "failing.toml:4: PR901 [score] error: indicator '档案数字化页数' is worth 30 points, "
        "more than the city's cap of 20 (expected 20, found 30)\n"
        "```"
    ) in score
    assert (
        "failing.toml:4: PR902 [missing] error: 预算执行情况未填写预算执行率" in pages["missing.md"]
    )
    assert "*No built-in rule is in this category yet.*" in pages["unit.md"]
    profiles = pages["profiles.md"]
    assert "## `national`" in profiles and "## `hubei`" not in profiles


def test_docgen_check_mode(tmp_path: Path) -> None:
    assert docgen.main([str(tmp_path), "--check"]) == 1
    assert docgen.main([str(tmp_path)]) == 0
    assert docgen.main([str(tmp_path), "--check"]) == 0
    stale = tmp_path / "gone.md"
    stale.write_text(docgen.MARKER + "\n", encoding="utf-8")
    assert docgen.main([str(tmp_path), "--check"]) == 1
    assert docgen.main([str(tmp_path)]) == 0
    assert not stale.exists()


def test_every_rule_has_a_section() -> None:
    pages = docgen.render_pages()
    from perfrules.rules.pack import builtin_rules

    for rule in builtin_rules().values():
        page = pages[f"{rule.category}.md"]
        assert f"{{#{rule.id.lower()}}}" in page, rule.id
        assert f"({rule.category}.md#{rule.id.lower()})" in pages["index.md"], rule.id


def test_every_rule_section_shows_its_prose_in_both_languages() -> None:
    """Each section holds what/why/severity/fix/source, the English then the Chinese, under one heading."""
    from perfrules.output.docgen.markdown import _inline
    from perfrules.rules.pack import builtin_rules

    pages = docgen.render_pages(with_findings=False)
    headings = {
        "what": "What it checks / 检查内容",
        "why": "Why / 为何检查",
        "severity_why": "Why this severity / 为何是此级别",
        "fix": "How to fix / 如何修改",
        "source": "Source / 依据",
    }
    for rule in builtin_rules().values():
        page = pages[f"{rule.category}.md"]
        start = page.index(f"{{#{rule.id.lower()}}}")
        end = page.find("\n## ", start)
        section = page[start : end if end > 0 else len(page)]
        for field, heading in headings.items():
            en = _inline(getattr(rule.doc, field).strip())
            zh = _inline(getattr(rule.doc, f"{field}_zh").strip())
            assert f"**{heading}.**\n\n{en}\n\n{zh}\n\n" in section, (rule.id, field)
