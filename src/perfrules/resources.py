"""Where the built-in rule packs, taxonomy and scoring profiles are.

In an installed wheel they are package data (``perfrules/_rules``); in a source
checkout (editable install, tests) they are the repository's top-level
``rules/`` folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["rules_dir"]


@cache
def rules_dir() -> Path:
    """The folder holding the built-in ``*.toml`` rule packs and ``profiles/``."""
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    if packaged.is_dir():
        return packaged
    checkout = here.parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"perfrules: built-in rules not found in {packaged} or {checkout}")
