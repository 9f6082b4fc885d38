"""Property tests (hypothesis) over the loader, the checks and scoring.

- The loader, fed arbitrary TOML/JSON values in every field, returns a
  :class:`~perfrules.document.model.Report` or raises a
  :class:`~perfrules.errors.PerfrulesError` whose problems each say where
  (a key path or a line); never any other exception.
- Whatever loads can be checked and scored without an exception other than a
  deliberate :class:`~perfrules.errors.PerfrulesError`.
- Over valid documents: check and score never raise; every finding has a
  known rule id and that rule's category; its message renders in Chinese and
  English from the rule's template; results are deterministic (same input,
  same findings in the same order, also after a reload and a JSON round trip).

Example counts are kept small enough for CI (the whole module runs in well
under a minute); raise them locally with ``PERFRULES_PROPERTY_EXAMPLES=2000``.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import perfrules
from perfrules.errors import PerfrulesError, ProfileError
from perfrules.rules.engine import check, default_rules
from perfrules.rules.findings import CATEGORIES, Finding, Severity, render_arg
from perfrules.rules.pack import builtin_rules
from tests.strategies import PROFILES, document_texts, hostile_documents, to_json, to_toml

#: Examples per test: small enough for CI (the module runs in about 20 s); set
#: PERFRULES_PROPERTY_EXAMPLES=2000 for a thorough local run. Local settings, so that
#: other modules' hypothesis tests keep their own.
EXAMPLES = int(os.environ.get("PERFRULES_PROPERTY_EXAMPLES", "120"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _key(f: Finding) -> tuple[Any, ...]:
    """Everything a finding says, for comparing two runs."""
    return (f.rule, f.category, f.severity, f.about, f.path, f.expected, f.found, f.args)


#: Problems about the document as a whole, which need no key path or line.
WHOLE_DOCUMENT = frozenset(
    {"not-a-table", "encoding", "too-large", "too-deep", "input-format", "unreadable"}
)


def _assert_problems_located(exc: PerfrulesError, fmt: str) -> None:
    assert exc.problems, "a PerfrulesError must carry at least one problem"
    for p in exc.problems:
        if p.code not in WHOLE_DOCUMENT:
            assert p.path or p.line is not None, f"problem without a location: {p}"
        for lang in ("zh", "en"):
            text = p.render(lang)
            assert text and "Traceback" not in text


def _assert_renders(f: Finding) -> None:
    """The finding's message fills its rule's template in both languages (no missing argument)."""
    args = {k: render_arg(v) for k, v in f.args}
    args.setdefault("expected", render_arg(f.expected))
    args.setdefault("found", render_arg(f.found))
    args.setdefault("about", f.about)
    for lang in ("zh", "en"):
        template = f.templates.get(lang)
        try:
            template.format_map(args)
        except (KeyError, IndexError, ValueError) as exc:  # pragma: no cover - the failure message
            pytest.fail(
                f"{f.rule}: template {template!r} cannot be filled from {sorted(args)}: {exc!r}"
            )
        assert f.message(lang)


def _check_all(report: perfrules.Report) -> None:
    """Check and score a report that loaded; only its profile may refuse it, and then both do."""
    try:
        result = check(report, default_rules())
    except ProfileError as exc:  # e.g. a year no profile is in force for, an unknown profile
        _assert_profile_refuses(report, exc)
        with pytest.raises(ProfileError):
            perfrules.score(report, None)
        return
    known = builtin_rules()
    for f in result.findings + result.waived:
        assert f.rule in known
        assert f.category in CATEGORIES
        line = f.line  # finding the line must not fail either
        assert line is None or line >= 1
    sheet = perfrules.score(report, None)
    assert sheet.profile.id == result.profile
    assert len(sheet.indicators) == len(report.indicators)


def _assert_profile_refuses(report: perfrules.Report, exc: ProfileError) -> None:
    """The check failed because the report's profile cannot be had for its year, and says so."""
    info = report.report
    with pytest.raises(ProfileError):
        perfrules.load_profile(info.profile or "national", info.year)
    assert exc.problems
    for p in exc.problems:
        assert p.render("en") and p.render("zh")


# --- the loader against arbitrary values --------------------------------------------------


def _load_hostile(text: str, fmt: str) -> None:
    try:
        report = perfrules.loads(text, fmt)
    except PerfrulesError as exc:
        _assert_problems_located(exc, fmt)
        return
    assert isinstance(report, perfrules.Report)
    _check_all(report)


@SETTINGS
@given(hostile_documents("toml"))
def test_loader_survives_arbitrary_toml_values(doc: Any) -> None:
    """Arbitrary TOML values anywhere: a Report or a PerfrulesError with located problems."""
    _load_hostile(to_toml(doc), "toml")


@SETTINGS
@given(hostile_documents("json"))
def test_loader_survives_arbitrary_json_values(doc: Any) -> None:
    """Arbitrary JSON values anywhere (null and a non-table top level too)."""
    _load_hostile(to_json(doc), "json")


@SETTINGS
@given(st.binary(max_size=200), st.sampled_from(("toml", "json")))
def test_loader_survives_arbitrary_bytes(data: bytes, fmt: str) -> None:
    """Random bytes: a clear error (syntax, encoding, not a table …), never a crash."""
    try:
        perfrules.loads(data, fmt)
    except PerfrulesError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.render("en")


# --- check and score over valid documents -------------------------------------------------


@SETTINGS
@given(document_texts())
def test_valid_documents_load_and_round_trip(pair: tuple[str, str]) -> None:
    """Every generated valid document loads; its JSON form loads back to an equal report."""
    text, fmt = pair
    report = perfrules.loads(text, fmt)
    assert perfrules.loads(perfrules.dumps(report), "json") == report


@SETTINGS
@given(document_texts(), st.sampled_from((None, *PROFILES)))
def test_check_never_raises_and_is_deterministic(
    pair: tuple[str, str], profile: str | None
) -> None:
    """Known rule ids and categories, messages that render, same findings every time."""
    text, fmt = pair
    report = perfrules.loads(text, fmt)
    rules = default_rules()
    known = builtin_rules()
    first = check(report, rules, profile=profile)
    for f in (*first.findings, *first.waived):
        assert f.rule in known, f.rule
        assert f.category in CATEGORIES, f.category
        assert f.category == known[f.rule].category
        assert isinstance(f.severity, Severity)
        assert isinstance(f.about, str) and f.about
        _assert_renders(f)
        line = f.line
        assert line is None or line >= 1
    # ordered by rule id (document order within a rule)
    rules_in_order = [f.rule for f in first.findings]
    assert rules_in_order == sorted(rules_in_order)
    again = check(report, rules, profile=profile)
    assert [_key(f) for f in again.findings] == [_key(f) for f in first.findings]
    assert [_key(f) for f in again.waived] == [_key(f) for f in first.waived]
    reloaded = check(perfrules.loads(text, fmt), rules, profile=profile)
    assert [_key(f) for f in reloaded.findings] == [_key(f) for f in first.findings]
    via_json = check(perfrules.loads(perfrules.dumps(report), "json"), rules, profile=profile)
    assert [_key(f) for f in via_json.findings] == [_key(f) for f in first.findings]


@SETTINGS
@given(document_texts(), st.sampled_from(PROFILES))
def test_score_never_raises_and_is_deterministic(pair: tuple[str, str], profile: str) -> None:
    """Scoring any valid report under any built-in profile works, and gives the same sheet twice."""
    text, fmt = pair
    report = perfrules.loads(text, fmt)
    first = perfrules.score(report, profile)
    second = perfrules.score(perfrules.loads(text, fmt), profile)
    assert first == second and repr(first) == repr(second)
    assert first.profile.id == profile
    assert [s.index for s in first.indicators] == list(range(len(report.indicators)))
