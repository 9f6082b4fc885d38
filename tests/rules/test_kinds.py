"""The behaviour of every rule kind, specified by data fixtures a non-programmer can read.

Each folder ``tests/rules/kinds/<kind>/`` holds TOML files, one case each: a
small report document and the findings the rules of that kind must give for
it — and, for the negative cases, that they give none. The format::

    description = "公用经费 written in 元 in a 万元 report is a unit slip"
    # select = ["PR023"]        # optional: default, every rule of this kind
    # profile = "national"      # optional scoring profile
    # config = "..."            # optional perfrules.toml text

    [document]                  # the report, format 1
    ...

    [[expect]]                  # one table per finding; none: nothing may be found
    rule = "PR023"
    about = "line:public"
    path = "lines[2].executed"  # optional, like every key below
    severity = "error"
    expected = "1.12"           # the finding's expected value, as text
    found = "0.000112"
    says = "单位错误"            # a phrase of the Chinese message

The found findings must be exactly the expected ones (by rule and subject,
counted: two findings of a rule about one subject need two tables, told apart
by ``path``), each matching every key its table gives.

Every kind module (``perfrules/rules/kinds/<kind>.py``) has a folder with at
least one positive case (a finding expected) and two negative ones (nothing
expected: the nearest correct document, and the traps a naive rule falls into).
"""

from __future__ import annotations

import pkgutil
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli

import perfrules
import perfrules.rules.kinds
from perfrules.document.loader import from_data
from perfrules.rules.config import Config, loads_config
from perfrules.rules.findings import Finding, render_arg
from perfrules.rules.pack import builtin_rules

FIXTURES = Path(__file__).resolve().parent / "kinds"
CASES = sorted(FIXTURES.glob("*/*.toml"))
CASE_KEYS = {"description", "select", "profile", "config", "document", "expect"}
EXPECT_KEYS = {"rule", "about", "path", "severity", "expected", "found", "says"}


def _read(path: Path) -> dict[str, Any]:
    case = tomli.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}"
    assert str(case.get("description", "")).strip(), f"{path.name}: a case says what it shows"
    assert isinstance(case.get("document"), Mapping), f"{path.name}: a case needs a [document]"
    for item in case.get("expect", []):
        extra = set(item) - EXPECT_KEYS
        assert not extra, f"{path.name}: unknown expect keys {sorted(extra)}"
        assert "rule" in item and "about" in item, f"{path.name}: expect needs rule and about"
    return case


def _config(case: Mapping[str, Any], kind: str) -> Config:
    base = loads_config(case["config"], "perfrules.toml") if "config" in case else Config()
    select = case.get("select") or [r.id for r in builtin_rules().values() if r.kind == kind]
    assert select, f"no built-in rule uses the kind {kind!r}"
    return base.with_changes(select=tuple(select), ignore=())


def _matches(finding: Finding, want: Mapping[str, Any]) -> list[str]:
    wrong = []
    for key in ("path", "severity", "expected", "found"):
        if key not in want:
            continue
        got = getattr(finding, key)
        got_text = got.value if key == "severity" else render_arg(got)
        if got_text != str(want[key]):
            wrong.append(f"{key}: expected {want[key]!r}, got {got_text!r}")
    if "says" in want and want["says"] not in finding.message("zh"):
        wrong.append(f"message {finding.message('zh')!r} does not say {want['says']!r}")
    return wrong


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_kind_case(path: Path) -> None:
    case = _read(path)
    kind = path.parent.name
    report = from_data(case["document"])
    result = perfrules.check(report, _config(case, kind), profile=case.get("profile"))
    found = sorted((f.rule, f.about) for f in result.findings)
    wanted = sorted((w["rule"], w["about"]) for w in case.get("expect", []))
    assert found == wanted, case["description"]
    unmatched = list(result.findings)
    for want in case.get("expect", []):
        key = (want["rule"], want["about"])
        candidates = [f for f in unmatched if (f.rule, f.about) == key]
        fitting = [f for f in candidates if not _matches(f, want)]
        assert fitting, (key, [_matches(f, want) for f in candidates])
        unmatched.remove(fitting[0])


#: Every rule kind: the modules of the perfrules.rules.kinds package (helpers start with "_").
KIND_MODULES = sorted(
    m.name
    for m in pkgutil.iter_modules(perfrules.rules.kinds.__path__)
    if not m.name.startswith("_")
)


def test_kind_modules_are_the_kinds_rules_use() -> None:
    """Every kind module is used by a built-in rule, and every built-in kind has a module."""
    used = {r.kind for r in builtin_rules().values() if r.kind is not None}
    assert used == set(KIND_MODULES)


@pytest.mark.parametrize("kind", KIND_MODULES)
def test_every_kind_has_positive_and_negative_cases(kind: str) -> None:
    """≥1 case where the kind's rules fire and ≥2 where they must stay silent."""
    cases = sorted((FIXTURES / kind).glob("*.toml"))
    positive = [c for c in cases if _read(c).get("expect")]
    negative = [c for c in cases if not _read(c).get("expect")]
    assert len(positive) >= 1, f"{kind}: no case where its rules fire"
    assert len(negative) >= 2, f"{kind}: fewer than two cases where its rules must stay silent"


def test_no_folder_without_a_kind() -> None:
    """Every fixture folder names a kind module (a renamed or removed kind leaves none behind)."""
    folders = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
    assert set(folders) <= set(KIND_MODULES), sorted(set(folders) - set(KIND_MODULES))
