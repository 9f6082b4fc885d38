"""Shared fixtures: paths to the repository's examples and rules."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SPEC_EXAMPLE = EXAMPLES / "clean.toml"


@pytest.fixture
def clean_text() -> str:
    """The spec's example document (examples/clean.toml)."""
    return SPEC_EXAMPLE.read_text(encoding="utf-8")
