"""Every built-in rule's documented examples: the failing one fires the rule, the passing one does not.

The examples live in the rule packs (``rules/*.toml``, ``doc.passing`` and
``doc.failing``) and appear in the generated rule reference, so this test is
also what keeps the documentation true.
"""

from __future__ import annotations

import pytest

import perfrules
from perfrules.rules.config import Config
from perfrules.rules.engine import check
from perfrules.rules.pack import builtin_rules

RULES = sorted(builtin_rules().values(), key=lambda r: r.id)


def _fired(rule_id: str, text: str) -> list[str]:
    report = perfrules.loads(text)
    result = check(report, Config(select=(rule_id,)))
    return [f.about for f in result.findings if f.rule == rule_id]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_failing_example_fires(rule: perfrules.rules.pack.Rule) -> None:
    assert rule.doc.failing.strip(), f"{rule.id} has no failing example"
    assert _fired(rule.id, rule.doc.failing), f"{rule.id}'s failing example produced no finding"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_passing_example_is_silent(rule: perfrules.rules.pack.Rule) -> None:
    assert rule.doc.passing.strip(), f"{rule.id} has no passing example"
    assert _fired(rule.id, rule.doc.passing) == []


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_messages_render_in_both_languages(rule: perfrules.rules.pack.Rule) -> None:
    report = perfrules.loads(rule.doc.failing)
    for finding in check(report, Config(select=(rule.id,))).findings:
        for lang in ("zh", "en"):
            text = finding.message(lang)
            assert text and "{" not in text and not text.startswith(rule.id), text
