"""Shared by the waiver kinds: the subject a finding about a waiver is reported on."""

from __future__ import annotations


def waiver_about(rule: str, about: str | None) -> str:
    """The ``about`` of a finding on a waiver: ``waiver:<rule>`` or ``waiver:<rule>:<about>``."""
    return f"waiver:{rule}" + (f":{about}" if about else "")
