"""Waiver reasons: every waiver says why the finding is accepted.

A waiver (``[[waivers]]``) silences a rule's findings for the report, or for
one subject; the reviewer reading the report must see why. A waiver with an
empty or missing ``reason`` silences nothing and is itself reported. This rule
runs after all others and cannot be waived.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from perfrules.rules.engine import Context
from perfrules.rules.findings import Hit

ARGS = ("rule",)
AFTER_WAIVERS = True


def waiver_about(rule: str, about: str | None) -> str:
    """The ``about`` of a finding on a waiver: ``waiver:<rule>`` or ``waiver:<rule>:<about>``."""
    return f"waiver:{rule}" + (f":{about}" if about else "")


def check(ctx: Context, params: Mapping[str, Any]) -> Iterator[Hit]:
    for i, w in enumerate(ctx.report.waivers):
        if not w.reason.strip():
            yield Hit(
                waiver_about(w.rule, w.about), f"waivers[{i}].reason", args=(("rule", w.rule),)
            )
