"""The pre-commit hook: its definition, and its entry run the way pre-commit runs it.

pre-commit itself is not needed: the test builds a git repository of report
files, takes the staged files that match the hook's ``files`` pattern (what
pre-commit passes) and runs the hook's ``entry`` on them with the installed
``perfrules`` console script.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
EXAMPLES = ROOT / "examples"


def _hook() -> dict[str, str]:
    """The single hook's keys (a flat YAML list item; parsed without a YAML library)."""
    hook: dict[str, str] = {}
    for line in HOOKS.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(?:- |  )([a-z_]+):\s*(.*?)\s*$", line)
        if m:
            hook[m.group(1)] = m.group(2)
    return hook


def _perfrules() -> list[str]:
    script = Path(sys.executable).parent / "perfrules"
    if script.is_file():
        return [str(script)]
    found = shutil.which("perfrules")
    if found:
        return [found]
    return [sys.executable, "-c", "from perfrules.cli import main; main()"]


def test_hook_definition() -> None:
    hook = _hook()
    assert hook["id"] == "perfrules"
    # the hook passes every staged .toml/.json file: those that are not reports are skipped
    assert hook["entry"] == "perfrules check --skip-non-reports"
    assert hook["language"] == "python"
    assert hook["files"] == r"\.(toml|json)$"
    pattern = re.compile(hook["files"])
    assert pattern.search("reports/2024/a.toml") and pattern.search("b.json")
    assert not pattern.search("README.md")


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def _run_hook(repo: Path) -> subprocess.CompletedProcess[str]:
    hook = _hook()
    pattern = re.compile(hook["files"])
    staged = [
        f for f in _git(repo, "diff", "--cached", "--name-only").splitlines() if pattern.search(f)
    ]
    command = [*_perfrules(), *hook["entry"].split()[1:], *staged]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_hook_fails_on_a_bad_report_and_passes_good_ones(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "reports").mkdir()
    (repo / "reports" / "good.toml").write_text(
        (EXAMPLES / "clean.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (repo / "pyproject.toml").write_text('[project]\nname = "bureau-reports"\n', encoding="utf-8")
    (repo / "perfrules.toml").write_text('ignore = ["PR074"]\n', encoding="utf-8")
    (repo / "README.md").write_text("reports\n", encoding="utf-8")
    _git(repo, "add", ".")

    passed = _run_hook(repo)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Traceback" not in passed.stderr

    (repo / "reports" / "bad.toml").write_text(
        (EXAMPLES / "quyuan-2024.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    _git(repo, "add", ".")
    failed = _run_hook(repo)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "reports/bad.toml:92: PR022 [rate] error:" in failed.stdout

    (repo / "reports" / "broken.json").write_text('{"report": {"department": 1}}', encoding="utf-8")
    _git(repo, "add", ".")
    broken = _run_hook(repo)
    assert broken.returncode == 2
    assert "reports/broken.json" in broken.stdout and "Traceback" not in broken.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_hook_skips_files_that_are_not_reports_and_says_how_many(tmp_path: Path) -> None:
    """A commit of only non-report .toml/.json files passes, and the summary counts them.

    Run by hand, the same files named on the command line fail (exit 2): the
    hook's entry is what tells the two apart.
    """
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "pyproject.toml").write_text('[project]\nname = "bureau-reports"\n', encoding="utf-8")
    (repo / "perfrules.toml").write_text('ignore = ["PR074"]\n', encoding="utf-8")
    (repo / "package.json").write_text('{"name": "site"}\n', encoding="utf-8")
    (repo / "empty.json").write_text("", encoding="utf-8")
    _git(repo, "add", ".")
    done = _run_hook(repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        done.stdout.splitlines()[-1]
        == "已检查 0 个文件：未发现问题；4 个文件已跳过（不是报告文档）。"
    )
    by_hand = subprocess.run(
        [*_perfrules(), "check", "pyproject.toml", "package.json"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert by_hand.returncode == 2, by_hand.stdout
    assert "pyproject.toml: 不是报告文档" in by_hand.stdout


# --- the configurations docs/getting-started.md shows -----------------------------------------

GETTING_STARTED = ROOT / "docs" / "getting-started.md"


def _yaml_blocks() -> list[str]:
    text = GETTING_STARTED.read_text(encoding="utf-8")
    section = text[text.index("{#pre-commit}") : text.index("## Next")]
    return re.findall(r"^```yaml\n(.*?)^```", section, re.S | re.M)


def _keys(block: str) -> dict[str, str]:
    """``key: value`` lines of a YAML block (comments dropped), without a YAML library."""
    keys: dict[str, str] = {}
    for line in block.splitlines():
        m = re.match(r"^\s*(?:- )?([a-z_]+):\s*(.*?)\s*(?:#.*)?$", line)
        if m and m.group(2):
            keys[m.group(1)] = m.group(2)
    return keys


def test_the_documented_configurations_match_the_hook() -> None:
    remote, local = (_keys(b) for b in _yaml_blocks())
    assert remote["id"] == "perfrules"
    assert re.fullmatch(r"[0-9a-f]{40}", remote["rev"]), "rev must be a full commit sha"
    hook = _hook()
    assert local["repo"] == "local"
    assert local["language"] == "system"
    for key in ("id", "entry", "files", "require_serial"):
        assert local[key] == hook[key], key


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_local_configuration_runs_under_pre_commit(tmp_path: Path) -> None:
    """pre-commit itself (a test dependency) runs the documented ``repo: local`` hook."""
    import os

    repo = tmp_path / "repo"
    (repo / "reports").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(_yaml_blocks()[1], encoding="utf-8")
    (repo / "reports" / "good.toml").write_text(
        (EXAMPLES / "clean.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (repo / "pyproject.toml").write_text('[project]\nname = "bureau-reports"\n', encoding="utf-8")
    _git(repo, "add", ".")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PATH": os.pathsep.join([str(Path(_perfrules()[0]).parent), os.environ.get("PATH", "")]),
    }
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose"]

    def pre_commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)

    passed = pre_commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "已检查 1 个文件：未发现问题；1 个文件已跳过（不是报告文档）。" in passed.stdout
    (repo / "reports" / "bad.toml").write_text(
        (EXAMPLES / "quyuan-2024.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    _git(repo, "add", ".")
    failed = pre_commit()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "reports/bad.toml:92: PR022 [rate] error:" in failed.stdout
