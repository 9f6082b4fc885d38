"""What a rule sees while checking one report: the report, its profile, and facts shared by rules.

A :class:`Context` is made by the engine for each check and handed to every
rule's check; kinds and expression rules read from it and never from the
engine. Facts that several rules need (the line tree, the score sheet, a
kind's own analysis through :meth:`Context.shared`) are computed once per
check, on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
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
        # Computed on first use (plain properties: a cached_property takes a lock).
        self._lines_by_id: dict[str, tuple[int, Line]] | None = None
        self._children: dict[str | None, list[tuple[int, Line]]] | None = None
        self._sheet: ScoreSheet | None = None

    @property
    def lines_by_id(self) -> dict[str, tuple[int, Line]]:
        """Each line with its index, by id."""
        found = self._lines_by_id
        if found is None:
            found = self._lines_by_id = {
                line.id: (i, line) for i, line in enumerate(self.report.lines)
            }
        return found

    @property
    def children(self) -> dict[str | None, list[tuple[int, Line]]]:
        """Lines grouped by parent id (roots under None), in document order."""
        out = self._children
        if out is None:
            out = self._children = {}
            for i, line in enumerate(self.report.lines):
                out.setdefault(line.parent, []).append((i, line))
        return out

    def shared(self, compute: Callable[[Context], T]) -> T:
        """``compute(self)``, computed once per check and shared by every rule that asks."""
        value = self._shared.get(compute, _MISSING)
        if value is _MISSING:
            value = self._shared[compute] = compute(self)
        return value  # type: ignore[no-any-return]

    @property
    def sheet(self) -> ScoreSheet:
        """The report's score sheet under the profile (recomputed scores, targets met or missed)."""
        sheet = self._sheet
        if sheet is None:
            sheet = self._sheet = _scorer()(self.report, self.profile)
        return sheet

    @property
    def computed_sheet(self) -> ScoreSheet | None:
        """The score sheet if a rule asked for it during this check, else None (nothing computed)."""
        return self._sheet


@cache
def _scorer() -> Callable[[Report, Profile], ScoreSheet]:
    """:func:`~perfrules.scoring.scorer.score`, imported on first use and kept."""
    # Imported on first use, for start-up cost: a check whose rules need no
    # scores never loads the scorer. Kept, as an import statement per check
    # costs about what the rest of making a context does.
    from perfrules.scoring.scorer import score

    return score
