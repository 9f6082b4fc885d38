"""The indicator taxonomy: first- and second-level tiers, their aliases, and which goes where.

Read from ``rules/taxonomy/tiers.toml`` (data, so a region can adapt it). The
lookups here answer one name at a time; :mod:`perfrules.document.system` applies
them once to a whole report, and the taxonomy rules and scoring read that tree
(效果指标 counts as 效益指标 there).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import attrs

from perfrules.document.convert import structure
from perfrules.document.source import read_toml, toml_lines
from perfrules.errors import RulePackError
from perfrules.resources import rules_dir

__all__ = ["Taxonomy", "Tier1", "load_taxonomy", "taxonomy"]


@attrs.frozen
class Tier1:
    """A first-level tier (一级指标) with its second-level tiers and aliases."""

    name: str
    tier2: list[str] = attrs.field(factory=list)
    aliases: list[str] = attrs.field(factory=list)
    years: list[int] | None = None

    def in_force(self, year: int) -> bool:
        """True when this tier is first-level for reports of ``year``."""
        return self.years is None or self.years[0] <= year <= self.years[-1]


@attrs.frozen
class _TaxonomySpec:
    tier1: list[Tier1]
    tier2_aliases: dict[str, str] = attrs.field(factory=dict)


@attrs.frozen
class Taxonomy:
    """Lookups over the taxonomy: canonical names, aliases, and the home tier of each tier2."""

    tiers: tuple[Tier1, ...]
    tier2_aliases: Mapping[str, str]
    _tier1_by_name: dict[str, Tier1] = attrs.field(init=False, eq=False, repr=False)
    _home: dict[str, set[str]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_name: dict[str, Tier1] = {}
        home: dict[str, set[str]] = {}
        for t in self.tiers:
            by_name[t.name] = t
            for a in t.aliases:
                by_name[a] = t
            for t2 in t.tier2:
                home.setdefault(t2, set()).add(t.name)
        object.__setattr__(self, "_tier1_by_name", by_name)
        object.__setattr__(self, "_home", home)

    def tier1(self, name: str | None) -> Tier1 | None:
        """The tier a first-level name (or alias) stands for."""
        return self._tier1_by_name.get(name.strip()) if name else None

    def tier1_for_key(self, name: str) -> Tier1 | None:
        """The tier a subtotal key stands for: a name or alias, with or without 指标 (产出 → 产出指标)."""
        name = name.strip()
        return self.tier1(name) or self.tier1(name + "指标")

    def canonical_tier1(self, name: str | None) -> str | None:
        """The canonical first-level name (效果指标 → 效益指标); unknown names as given."""
        if name is None:
            return None
        tier = self.tier1(name)
        return tier.name if tier else name.strip()

    def canonical_tier2(self, name: str | None) -> str | None:
        """The canonical second-level name; unknown names as given."""
        if name is None:
            return None
        name = name.strip()
        return self.tier2_aliases.get(name, name)

    def is_alias(self, name: str) -> bool:
        """True when a first-level name is an alias, not the canonical name."""
        tier = self.tier1(name)
        return tier is not None and tier.name != name.strip()

    def homes(self, tier2: str) -> set[str]:
        """The first-level tiers a (canonical) second-level tier belongs under."""
        return self._home.get(tier2, set())

    def known_tier2(self, name: str) -> bool:
        """True when a second-level name (canonical or alias) is known."""
        return self.canonical_tier2(name) in self._home


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Read a taxonomy file; a malformed one is a :class:`RulePackError` with lines."""
    name = str(path)
    text = Path(path).read_text(encoding="utf-8")
    data = read_toml(text, name, RulePackError)
    spec, bad = structure(data, _TaxonomySpec)
    if spec is None:
        lines = toml_lines(text)
        raise RulePackError(p.at(name, lines.get) for p in bad)
    return Taxonomy(tuple(spec.tier1), dict(spec.tier2_aliases))


@cache
def taxonomy() -> Taxonomy:
    """The built-in taxonomy (``rules/taxonomy/tiers.toml``)."""
    return load_taxonomy(rules_dir() / "taxonomy" / "tiers.toml")
