"""The Context a rule sees stands apart from the engine: nothing below the engine imports it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import perfrules
from perfrules.rules import kinds
from perfrules.rules.context import Context
from perfrules.scoring.profiles import load_profile
from tests.conftest import EXAMPLES

RULES = Path(perfrules.__file__).parent / "rules"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at its top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_no_module_of_the_rules_stage_imports_the_engine() -> None:
    importers = [
        p.relative_to(RULES).as_posix()
        for p in sorted(RULES.rglob("*.py"))
        if p.name != "engine.py" and "perfrules.rules.engine" in _imports(p)
    ]
    assert importers == []


def _context_sources(path: Path) -> set[str]:
    """The modules ``path`` imports the name ``Context`` from (outside the decimal module)."""
    return {
        node.module or ""
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.ImportFrom)
        and node.module != "decimal"
        and any(alias.name == "Context" for alias in node.names)
    }


def test_kinds_and_expression_rules_take_the_context_from_its_module() -> None:
    sources = {p: _context_sources(p) for p in sorted(RULES.rglob("*.py"))}
    users = {p for p, found in sources.items() if found}
    kind_modules = {RULES / "kinds" / f"{name}.py" for name in kinds.names()}
    assert {RULES / "exprrules.py", *kind_modules} <= users
    assert all(sources[p] == {"perfrules.rules.context"} for p in users)


def test_the_context_module_loads_nothing_of_the_rules_above_it() -> None:
    code = (
        "import sys\n"
        "import perfrules.rules.context\n"
        "bad = [m for m in sys.modules if m.startswith('perfrules.rules.')"
        " and m not in ('perfrules.rules.context',)]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_kind_checks_a_report_through_a_context_alone() -> None:
    report = perfrules.loads(
        '[report]\ndepartment = "x"\nyear = 2023\n'
        "[budget]\ninitial = 95.81\nadjustment = -6.35\nadjusted = 89.56\n"
    )
    kind = kinds.kind("budget_chain")
    assert kind is not None
    ctx = Context(report, load_profile("national", 2023))
    (hit,) = kind.check(ctx, kind.params())
    assert (hit.about, str(hit.expected), str(hit.found)) == (
        "budget.adjusted",
        "89.46",
        "89.56",
    )
    assert ctx.computed_sheet is None  # the chain needs no scores, so none were computed


def test_shared_facts_are_computed_once_per_context() -> None:
    report = perfrules.load(EXAMPLES / "urumqi-2023.toml")
    ctx = Context(report, load_profile("national", report.report.year))
    calls: list[int] = []

    def fact(c: Context) -> int:
        calls.append(1)
        return len(c.report.indicators)

    assert ctx.shared(fact) == ctx.shared(fact) == len(report.indicators)
    assert calls == [1]
    assert ctx.sheet is ctx.sheet and ctx.computed_sheet is ctx.sheet
