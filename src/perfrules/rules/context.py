"""What a rule sees while checking one report: the report, its profile, and facts shared by rules.

A :class:`Context` is made by the engine for each check and handed to every
rule's check; kinds and expression rules read from it and never from the
engine. Facts that several rules need (the line tree, the score sheet, a
kind's own analysis through :meth:`Context.shared`) are computed once per
check, on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from perfrules.document.model import Line, Report
from perfrules.errors import Problem

if TYPE_CHECKING:
    from perfrules.scoring.profiles import Profile
    from perfrules.scoring.scorer import ScoreSheet

__all__ = ["Context"]

T = TypeVar("T")
_MISSING: Any = object()  # not yet computed (a shared fact may be None)


class Context:
    """What a rule sees while checking one report: the report, its profile, shared facts.

    ``selected`` holds the ids of the rules this run executes and ``known``
    every rule id known to it (the waiver rules judge waivers by them).
    """

    def __init__(
        self,
        report: Report,
        profile: Profile,
        integers_exact: bool = True,
        selected: frozenset[str] = frozenset(),
        known: frozenset[str] = frozenset(),
    ) -> None:
        self.report = report
        self.profile = profile
        self.integers_exact = integers_exact
        self.selected = selected
        self.known = known
        self._shared: dict[Callable[[Context], Any], Any] = {}
        #: For rules that run after waivers: which of the report's waivers silenced a finding.
        self.waiver_used = [False] * len(report.waivers)
        #: Rules that failed while checking this report (code ``rule-failed``), one per rule.
        self.failures: list[Problem] = []

    @cached_property
    def lines_by_id(self) -> dict[str, tuple[int, Line]]:
        """Each line with its index, by id."""
        return {line.id: (i, line) for i, line in enumerate(self.report.lines)}

    @cached_property
    def children(self) -> dict[str | None, list[tuple[int, Line]]]:
        """Lines grouped by parent id (roots under None), in document order."""
        out: dict[str | None, list[tuple[int, Line]]] = {}
        for i, line in enumerate(self.report.lines):
            out.setdefault(line.parent, []).append((i, line))
        return out

    def shared(self, compute: Callable[[Context], T]) -> T:
        """``compute(self)``, computed once per check and shared by every rule that asks."""
        value = self._shared.get(compute, _MISSING)
        if value is _MISSING:
            value = self._shared[compute] = compute(self)
        return value  # type: ignore[no-any-return]

    @cached_property
    def sheet(self) -> ScoreSheet:
        """The report's score sheet under the profile (recomputed scores, targets met or missed)."""
        # Imported on first use, for start-up cost: a check whose rules need no
        # scores never loads the scorer.
        from perfrules.scoring.scorer import score

        return score(self.report, self.profile)

    @property
    def computed_sheet(self) -> ScoreSheet | None:
        """The score sheet if a rule asked for it during this check, else None (nothing computed)."""
        sheet: ScoreSheet | None = self.__dict__.get("sheet")
        return sheet
