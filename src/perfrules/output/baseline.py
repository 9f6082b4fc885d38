"""The baseline: findings of an earlier ``--format json`` output, reported as known.

:func:`load_baseline` reads such an output into a :class:`Baseline`, whose
:meth:`~Baseline.mark` flags the findings of an :class:`~perfrules.output.records.Outcome`
that the baseline already held, whatever the working directory or the way
a path was typed; :func:`display_key` is a path as perfrules shows it.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from perfrules.document.textfile import read_settings
from perfrules.errors import PerfrulesError, Problem
from perfrules.messages import Message
from perfrules.messages import output as msg

if TYPE_CHECKING:
    from perfrules.output.records import Outcome

__all__ = ["Baseline", "display_key", "load_baseline"]


def display_key(path: str) -> str:
    """A path normalised for display and comparison (relative to the working directory, ``/``)."""
    norm = os.path.normpath(path)
    if os.path.isabs(norm):
        with contextlib.suppress(ValueError):  # ValueError: another drive on Windows
            norm = os.path.relpath(norm)
    return norm.replace(os.sep, "/")


def _parts(path: str) -> tuple[str, ...]:
    """The components of a normalised path; an absolute one starts with its root (``/``, ``C:\\``)."""
    norm = os.path.normcase(os.path.normpath(path))
    drive, rest = os.path.splitdrive(norm)
    root = drive + os.sep if os.path.isabs(norm) else drive
    parts = tuple(p for p in rest.replace("/", os.sep).split(os.sep) if p and p != ".")
    return (root, *parts) if root else parts


def _absolute(path: str, real: bool = False) -> tuple[str, ...]:
    return _parts(os.path.realpath(path) if real else os.path.abspath(path))


#: How a file of the baseline is identified: ("at", absolute parts) or ("tail", trailing parts).
_FileId = tuple[str, tuple[str, ...]]


class Baseline:
    """Findings of an earlier run, counted by (file, rule, about).

    :meth:`mark` flags as known as many findings of each (file, rule, about) as
    the baseline held; further ones are new.

    A file is matched however its path was typed, and from any working
    directory: an absolute path names that file; a relative one names the
    file it reaches from the working directory or, failing that, from the
    baseline's own folder (``base``). When it reaches no file from either
    (a baseline written in another folder or another checkout), its trailing
    components decide: ``reports/a.toml`` is any checked file whose path ends
    in ``reports/a.toml``, the longest such tail winning.
    """

    def __init__(
        self, entries: Iterable[tuple[str, str, str]] = (), base: str | None = None
    ) -> None:
        self._left: Counter[tuple[_FileId, str, str]] = Counter()
        self._at: dict[tuple[str, ...], _FileId] = {}  # absolute parts (as typed, and real) → file
        self._tail: dict[tuple[str, ...], _FileId] = {}  # trailing parts → file
        ids: dict[str, _FileId] = {}
        for path, rule, about in entries:
            fid = ids.get(path)
            if fid is None:
                fid = ids[path] = self._register(path, base)
            self._left[(fid, rule, about)] += 1

    def _register(self, path: str, base: str | None) -> _FileId:
        if os.path.isabs(path):
            fid: _FileId = ("at", _absolute(path))
            self._at.setdefault(fid[1], fid)
            self._at.setdefault(_absolute(path, real=True), fid)
            return fid
        places = [path] + ([os.path.join(base, path)] if base is not None else [])
        existing = [p for p in places if os.path.isfile(p)]
        if existing:
            fid = ("at", _absolute(existing[0]))
            for place in existing:
                self._at.setdefault(_absolute(place), fid)
                self._at.setdefault(_absolute(place, real=True), fid)
            return fid
        # no such file from here: as typed from the working directory, else by its tail
        tail = tuple(p for p in _parts(path) if p != "..")
        fid = ("tail", tail)
        self._at.setdefault(_absolute(path), fid)
        self._tail.setdefault(tail, fid)
        return fid

    def _file(self, path: str) -> _FileId | None:
        """Which file of the baseline ``path`` is, or None."""
        for parts in (_absolute(path), _absolute(path, real=True)):
            if parts in self._at:
                return self._at[parts]
        if self._tail:
            parts = _absolute(path)
            for i in range(1, len(parts)):
                if parts[i:] in self._tail:
                    return self._tail[parts[i:]]
        return None

    def __len__(self) -> int:
        return sum(self._left.values())

    def mark(self, outcome: Outcome) -> Outcome:
        """``outcome`` with the findings found in the baseline marked ``known``."""
        if not self._left or not outcome.findings:
            return outcome
        fid = self._file(outcome.path)
        if fid is None:
            return outcome
        marked = []
        for f in outcome.findings:
            k = (fid, f.rule, f.about)
            if self._left[k] > 0:
                self._left[k] -= 1
                f = f._replace(known=True)
            marked.append(f)
        return outcome._replace(findings=tuple(marked))


def _baseline_problem(file: str, detail: Message) -> Problem:
    return Problem("invalid", file=file, params={"detail": detail})


#: The largest baseline read: the JSON output of some thousands of reports.
MAX_BASELINE_BYTES = 256 * 1024 * 1024


def load_baseline(path: str) -> Baseline:
    """Read an earlier ``--format json`` output as a baseline.

    Raises :class:`~perfrules.errors.PerfrulesError` when the file cannot be
    read or is not a perfrules JSON output of version 1.
    """
    _, text = read_settings(path, PerfrulesError, limit=MAX_BASELINE_BYTES)  # no pipe, no /dev/zero
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        detail = msg.BaselineNotJson(reason=str(exc))
        raise PerfrulesError(
            [
                Problem(
                    "invalid",
                    file=path,
                    line=getattr(exc, "lineno", None),
                    params={"detail": detail},
                )
            ]
        ) from None
    if (
        not isinstance(data, Mapping)
        or data.get("version") != 1
        or not isinstance(data.get("files"), list)
    ):
        raise PerfrulesError([_baseline_problem(path, msg.NotJsonOutput())])
    entries: list[tuple[str, str, str]] = []
    for i, item in enumerate(data["files"]):
        findings = item.get("findings") if isinstance(item, Mapping) else None
        file = item.get("path") if isinstance(item, Mapping) else None
        if not isinstance(file, str) or not isinstance(findings, list):
            raise PerfrulesError([_baseline_problem(path, msg.BaselineFileEntry(index=i))])
        for f in findings:
            if (
                isinstance(f, Mapping)
                and isinstance(f.get("rule"), str)
                and isinstance(f.get("about"), str)
            ):
                entries.append((file, f["rule"], f["about"]))
    return Baseline(entries, base=os.path.dirname(os.path.abspath(path)))
