"""Each sub-command is a module of its own, imported (with what it needs) only when chosen.

The process-level checks run the console script's :func:`perfrules.cli.run` in
a fresh interpreter and list which of perfrules' stages and which optional
modules that run imported.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from perfrules.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "examples" / "clean.toml"

COMMANDS = ["check", "review", "score", "extract", "rules", "explain", "profiles", "schema", "init"]
COMMAND_MODULES = {f"perfrules.cli.{name}" for name in COMMANDS}


def _subcommands() -> list[str]:
    parser = build_parser(io.StringIO(), io.StringIO())
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def test_every_subcommand_has_its_module() -> None:
    assert _subcommands() == COMMANDS
    for name in COMMANDS:
        module = importlib.import_module(f"perfrules.cli.{name}")
        assert callable(module.run), name
        assert (module.__doc__ or "").startswith(f"``perfrules {name}``"), name


def _imported(*argv: str, cwd: Path) -> set[str]:
    """The modules a fresh interpreter holds after ``perfrules ARGV`` (its exit code is checked)."""
    code = (
        "import io, json, sys\n"
        "from perfrules.cli import run\n"
        "status = run(sys.argv[1:], io.StringIO(), io.StringIO())\n"
        "print(json.dumps({'status': status, 'modules': sorted(sys.modules)}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    data = json.loads(done.stdout)
    assert data["status"] == 0, argv
    return set(data["modules"])


def _stages(modules: set[str]) -> set[str]:
    """The stages (``perfrules.<package or module>``) among ``modules``."""
    return {".".join(m.split(".")[:2]) for m in modules if m.startswith("perfrules.")}


OPTIONAL = {
    "concurrent.futures.process",
    "multiprocessing",
    "jsonschema",
    "perfrules.document.schema",
    "perfrules.output.docgen",
    "perfrules.output.jsonout",
    "perfrules.output.sarif",
    "perfrules.output.github",
    "perfrules.output.baseline",
    "perfrules.output.scoredata",
    "perfrules.output.html",
    "perfrules.output.reportview",
}


def test_check_one_file_as_text_imports_only_what_it_needs(tmp_path: Path) -> None:
    modules = _imported("check", str(CLEAN), "--jobs", "1", cwd=tmp_path)
    assert {"perfrules.cli.check", "perfrules.batch", "perfrules.output.text"} <= modules
    assert modules & (COMMAND_MODULES - {"perfrules.cli.check"}) == set()
    assert modules & OPTIONAL == set()


def test_check_as_json_adds_the_json_writer_and_score_data(tmp_path: Path) -> None:
    modules = _imported("check", str(CLEAN), "--format", "json", cwd=tmp_path)
    assert {"perfrules.output.jsonout", "perfrules.output.scoredata"} <= modules
    assert modules & {"perfrules.output.sarif", "perfrules.output.github", "jsonschema"} == set()
    assert "perfrules.output.text" not in modules


def test_check_as_html_adds_the_page_writer_and_the_report_view(tmp_path: Path) -> None:
    modules = _imported("check", str(CLEAN), "--format", "html", cwd=tmp_path)
    assert {
        "perfrules.output.html.writer",
        "perfrules.output.reportview",
        "perfrules.output.scoredata",
    } <= modules
    assert modules & {"perfrules.output.sarif", "perfrules.output.jsonout", "jsonschema"} == set()


def test_score_does_not_load_the_batch_stage_or_the_rules_engine(tmp_path: Path) -> None:
    modules = _imported("score", str(CLEAN), cwd=tmp_path)
    assert "perfrules.cli.score" in modules
    assert (
        modules & {"perfrules.batch", "perfrules.rules.engine", "perfrules.output.records"} == set()
    )
    assert modules & (COMMAND_MODULES - {"perfrules.cli.score"}) == set()


#: The stages a command that needs neither rules nor scoring may load.
NO_RULES = {
    "perfrules._frozen",
    "perfrules._lazy",
    "perfrules._version",
    "perfrules.cli",
    "perfrules.document",
    "perfrules.errors",
    "perfrules.messages",
    "perfrules.resources",
}


@pytest.mark.parametrize("argv", [("schema",), ("init", "-")])
def test_commands_that_need_no_rules_load_no_rules(tmp_path: Path, argv: tuple[str, ...]) -> None:
    modules = _imported(*argv, cwd=tmp_path)
    assert _stages(modules) <= NO_RULES
    assert f"perfrules.cli.{argv[0]}" in modules
    assert modules & (COMMAND_MODULES - {f"perfrules.cli.{argv[0]}"}) == set()


def test_profiles_loads_scoring_but_no_rules(tmp_path: Path) -> None:
    modules = _imported("profiles", cwd=tmp_path)
    assert "perfrules.scoring.profiles" in modules
    assert modules & {"perfrules.rules.engine", "perfrules.batch", "perfrules.output"} == set()
