"""Checking a seed text directly finds the same errors as checking its hand encoding (examples/*.toml).

For each seed: extract the text, check it under the example's profile, and
compare the (rule, about) pairs of the error findings with those of the
example. Line ids and indicator ids are names an encoder chooses
(``veterans``, ``satisfaction-2``), so subjects are compared by the line's
label and the indicator's name (and which of the same name it is).

The same holds at the command line: ``perfrules check tests/data/seeds/001_*.txt``
gives the error findings of ``perfrules check examples/caidian-2024.toml``
(compared from the JSON output, each finding's subject named the same way).

Known differences (none at present for errors): a difference the extraction
cannot avoid goes in ``KNOWN`` with the reason, and docs/from-word-to-findings.md
says why. Warnings may differ where the extraction leaves a reading to a
person: seed 000's PR002 (carry-over) needs the sign of 调整预算, which the
text does not give, so it is written for review and the warning waits for it.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import perfrules
from perfrules.cli import run
from perfrules.document.model import Report
from perfrules.rules.findings import Finding
from tests.extract.conftest import EXAMPLES, PAIRS, extracted, seed_path

#: seed → {(rule, subject): why the extraction cannot agree}.
KNOWN: dict[str, dict[tuple[str, str], str]] = {number: {} for number in PAIRS}


def subject(report: Report, finding: Finding | str) -> str:
    """A finding's subject (or an ``about``) with encoder-chosen ids replaced by labels and names."""
    about = finding if isinstance(finding, str) else finding.about
    if about.startswith("line:"):
        ref, _, field = about[5:].partition(".")
        label = next((ln.label for ln in report.lines if ln.id == ref), ref)
        return f"line:{label}" + (f".{field}" if field else "")
    if about.startswith("indicator:"):
        rest = about[len("indicator:") :]
        ref, field = rest, ""
        for f in (".target", ".actual", ".weight", ".score"):
            if rest.endswith(f):
                ref, field = rest[: -len(f)], f
        inds = report.indicators
        k = next((i for i, x in enumerate(inds) if x.id == ref), None)
        if k is None:
            k = next((i for i, x in enumerate(inds) if x.name == ref), None)
        if k is not None:
            n = sum(1 for x in inds[:k] if x.name == inds[k].name) + 1
            return f"indicator:{inds[k].name}#{n}{field}"
    return about


def errors(report: Report, profile: str | None) -> set[tuple[str, str]]:
    return {
        (f.rule, subject(report, f))
        for f in perfrules.check(report, profile=profile).findings
        if f.severity is perfrules.Severity.ERROR
    }


def test_a_seed_text_finds_the_errors_its_hand_encoding_finds(seed: str) -> None:
    hand = perfrules.load(EXAMPLES / f"{PAIRS[seed]}.toml")
    profile = hand.report.profile
    expected = errors(hand, profile)
    found = errors(extracted(seed).report, profile)
    known = set(KNOWN[seed])
    assert expected, "the hand encodings all have errors: the comparison is not vacuous"
    assert found - known == expected - known, (
        f"missing: {sorted(expected - found - known)}, extra: {sorted(found - expected - known)}"
    )


def test_the_extraction_names_the_profile_of_the_form_it_recognised(seed: str) -> None:
    """Checked with no profile given, the extraction still finds the same errors where its form names one."""
    hand = perfrules.load(EXAMPLES / f"{PAIRS[seed]}.toml")
    got = extracted(seed).report
    assert (got.report.profile or "national") == (hand.report.profile or "national")
    assert errors(got, None) == errors(hand, None)


def cli_errors(path: Path, report: Report) -> set[tuple[str, str]]:
    """The error findings of ``perfrules check PATH --format json``, subjects named by ``report``."""
    out, err = io.StringIO(), io.StringIO()
    code = run(["check", str(path), "--format", "json"], out, err)
    assert code == 1, err.getvalue()
    (entry,) = json.loads(out.getvalue())["files"]
    return {
        (f["rule"], subject(report, f["about"]))
        for f in entry["findings"]
        if f["severity"] == "error"
    }


def test_checking_a_seed_text_at_the_command_line_finds_the_errors_of_its_hand_encoding(
    seed: str,
) -> None:
    example = EXAMPLES / f"{PAIRS[seed]}.toml"
    expected = cli_errors(example, perfrules.load(example))
    found = cli_errors(seed_path(seed), extracted(seed).report)
    known = set(KNOWN[seed])
    assert expected
    assert found - known == expected - known, (
        f"missing: {sorted(expected - found - known)}, extra: {sorted(found - expected - known)}"
    )
