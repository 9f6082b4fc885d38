"""The baseline: findings of an earlier ``--format json`` output, reported as known.

:func:`load_baseline` reads such an output into a :class:`Baseline`, whose
:meth:`~Baseline.mark` flags the findings of an :class:`~perfrules.output.records.Outcome`
that the baseline already held; :func:`display_key` is how paths are compared.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from perfrules.errors import PerfrulesError, Problem

if TYPE_CHECKING:
    from perfrules.output.records import Outcome

__all__ = ["Baseline", "display_key", "load_baseline"]


def display_key(path: str) -> str:
    """A path normalised for comparison with a baseline's paths (relative, forward slashes)."""
    norm = os.path.normpath(path)
    if os.path.isabs(norm):
        with contextlib.suppress(ValueError):  # ValueError: another drive on Windows
            norm = os.path.relpath(norm)
    return norm.replace(os.sep, "/")


class Baseline:
    """Findings of an earlier run, counted by (file path, rule, about).

    :meth:`mark` flags as known as many findings of each (file, rule, about) as
    the baseline held; further ones are new.
    """

    def __init__(self, entries: Iterable[tuple[str, str, str]] = ()) -> None:
        self._left: Counter[tuple[str, str, str]] = Counter(
            (display_key(p), r, a) for p, r, a in entries
        )

    def __len__(self) -> int:
        return sum(self._left.values())

    def mark(self, outcome: Outcome) -> Outcome:
        """``outcome`` with the findings found in the baseline marked ``known``."""
        if not self._left or not outcome.findings:
            return outcome
        key = display_key(outcome.path)
        marked = []
        for f in outcome.findings:
            k = (key, f.rule, f.about)
            if self._left[k] > 0:
                self._left[k] -= 1
                f = f._replace(known=True)
            marked.append(f)
        return outcome._replace(findings=tuple(marked))


def _baseline_problem(file: str, en: str, zh: str) -> Problem:
    return Problem("invalid", file=file, params={"detail": en, "detail_zh": zh})


def load_baseline(path: str) -> Baseline:
    """Read an earlier ``--format json`` output as a baseline.

    Raises :class:`~perfrules.errors.PerfrulesError` when the file cannot be
    read or is not a perfrules JSON output of version 1.
    """
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise PerfrulesError(
            [Problem("unreadable", file=path, params={"detail": exc.strerror or str(exc)})]
        ) from None
    except (ValueError, RecursionError) as exc:
        raise PerfrulesError(
            [
                Problem(
                    "syntax",
                    file=path,
                    line=getattr(exc, "lineno", None),
                    params={"detail": str(exc)},
                )
            ]
        ) from None
    if (
        not isinstance(data, Mapping)
        or data.get("version") != 1
        or not isinstance(data.get("files"), list)
    ):
        raise PerfrulesError(
            [
                _baseline_problem(
                    path,
                    'not a perfrules JSON output (version 1): expected {"version": 1, "files": [...]}',
                    '不是 perfrules 的 JSON 输出（version 1）：应为 {"version": 1, "files": [...]}',
                )
            ]
        )
    entries: list[tuple[str, str, str]] = []
    for i, item in enumerate(data["files"]):
        findings = item.get("findings") if isinstance(item, Mapping) else None
        file = item.get("path") if isinstance(item, Mapping) else None
        if not isinstance(file, str) or not isinstance(findings, list):
            raise PerfrulesError(
                [
                    _baseline_problem(
                        path,
                        f"files[{i}] needs a path and findings",
                        f"files[{i}] 缺少 path 或 findings",
                    )
                ]
            )
        for f in findings:
            if (
                isinstance(f, Mapping)
                and isinstance(f.get("rule"), str)
                and isinstance(f.get("about"), str)
            ):
                entries.append((file, f["rule"], f["about"]))
    return Baseline(entries)
