"""Errors: every way perfrules refuses input, as data.

A :class:`PerfrulesError` carries one or more :class:`Problem` objects. A
problem names the file, the key path into the document (``indicators[3].target``)
and, where known, the line; its message is a template in Chinese and English
rendered only when asked for, the same way findings are: ``code`` is the id of
its entry in :mod:`perfrules.messages.problems`, ``params`` its arguments.

Loading reports every problem of a document in one pass, so a user fixing a
file sees all of them at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from perfrules.messages import CATALOGUE, problems

__all__ = [
    "ConfigError",
    "DocumentError",
    "ExpressionError",
    "PerfrulesError",
    "Problem",
    "ProfileError",
    "RulePackError",
]


@attrs.frozen
class Problem:
    """One thing wrong with an input file: what, where (key path and line), and in which file."""

    code: str
    path: str = ""
    line: int | None = None
    file: str | None = None
    params: Mapping[str, Any] = attrs.field(factory=dict)
    rule: str | None = None

    def message(self, lang: str = "zh") -> str:
        """The problem's message in ``lang`` (``zh`` or ``en``), without its location."""
        entry = CATALOGUE.get(self.code, problems.Invalid)
        try:
            return entry.format(lang, {"detail": "", **self.params})
        except (KeyError, IndexError, ValueError):  # a template whose parameters were not given
            return f"{self.code}: {dict(self.params)}"

    def render(self, lang: str = "zh") -> str:
        """``file:line: path: message``, leaving out the parts that are unknown."""
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        head = f"{where}: "
        if self.rule:
            head += f"{self.rule}: "
        if self.path:
            head += f"{self.path}: "
        return head + self.message(lang)

    def at(self, file: str | None = None, line_of: Any = None) -> Problem:
        """This problem with its file and (via ``line_of(path)``) its line filled in."""
        line = self.line
        if line is None and line_of is not None:
            line = line_of(self.path)
        return attrs.evolve(self, file=self.file or file, line=line)


class PerfrulesError(Exception):
    """Base of every error perfrules raises on purpose; holds one or more problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.render("en"))

    def render(self, lang: str = "zh") -> str:
        """Every problem, one per line, in ``lang``."""
        return "\n".join(p.render(lang) for p in self.problems)

    @classmethod
    def single(cls, code: str, path: str = "", **params: Any) -> PerfrulesError:
        """An error of this class with one problem."""
        return cls([Problem(code, path, params=params)])


class DocumentError(PerfrulesError):
    """A report document cannot be read or does not follow report format 1."""


class RulePackError(PerfrulesError):
    """A rule pack (built-in or user TOML) is malformed; problems name the file, line and rule id."""


class ExpressionError(RulePackError):
    """A rule's expression is not in the expression language or breaks its sandbox."""


class ConfigError(PerfrulesError):
    """A ``perfrules.toml`` configuration is malformed or selects nothing."""


class ProfileError(PerfrulesError):
    """A scoring profile is malformed, unknown, or not in force for the report's year."""


def not_regular() -> dict[str, object]:
    """The parameters of an ``unreadable`` problem about a pipe, device or folder given as a file."""
    from perfrules.messages.document import NotRegularFile

    return {"detail": NotRegularFile()}


def os_detail(exc: OSError) -> dict[str, object]:
    """The ``detail`` of a problem caused by ``exc``: in the output's language where the catalogue has it."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    entry = CATALOGUE.get(f"os.{name}")
    if entry is None:
        import perfrules.messages.extract  # noqa: F401  (registers the os.* entries)

        entry = CATALOGUE.get(f"os.{name}")
    return {"detail": entry() if entry is not None else (exc.strerror or str(exc))}
