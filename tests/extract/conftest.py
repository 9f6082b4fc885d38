"""Shared fixtures for the extract tests: the five seed texts (tests/data/seeds) and their extractions."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import perfrules
from perfrules.extract.api import Extraction

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"
EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"

#: Seed number → the example that encodes it by hand.
PAIRS = {
    "000": "haidian-2021",
    "001": "caidian-2024",
    "002": "quyuan-2024",
    "003": "luquan-2024",
    "004": "urumqi-2023",
}


def seed_path(number: str) -> Path:
    """The seed text whose name starts with ``number``."""
    return next(SEEDS.glob(f"{number}_*.txt"))


@cache
def extracted(number: str) -> Extraction:
    """The extraction of a seed (cached: the tests only read it)."""
    return perfrules.extract(seed_path(number), overrides=False)


@pytest.fixture(params=sorted(PAIRS))
def seed(request: pytest.FixtureRequest) -> str:
    """Each seed number in turn."""
    return str(request.param)
