"""Findings: what a check reports, as data.

A :class:`Finding` names the rule (stable id), its category and severity, the
subject it is ``about`` (in the spec's claim syntax: ``budget.execution_rate``,
``line:<id>``, ``indicator:<id or name>`` …), the key path into the document,
the values involved (``expected`` and ``found``) and the arguments of its
message. The message itself is rendered from the rule's template only when
asked for (:meth:`Finding.message`), so checking does no string formatting;
a value longer than :data:`MESSAGE_VALUE_LIMIT` characters is shortened in
the message (the finding's data keeps it whole).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Union

import attrs
from attrs import AttrsInstance

from perfrules.document.values import Comparison, Qualitative, Quantity, Timing, Unparsed
from perfrules.errors import Problem
from perfrules.messages import Message
from perfrules.messages.kinds import Clipped

if TYPE_CHECKING:
    from perfrules.document.model import Waiver
    from perfrules.document.source import Source

__all__ = [
    "CATEGORIES",
    "MESSAGE_VALUE_LIMIT",
    "Arguments",
    "CheckResult",
    "Finding",
    "Hit",
    "Severity",
    "Templates",
    "arguments",
    "clip",
    "render_arg",
]

#: The fixed list of categories; every finding carries one. Public contract: never rename.
CATEGORIES: tuple[str, ...] = (
    "chain",
    "rate",
    "sum",
    "unit",
    "missing",
    "score",
    "total",
    "grade",
    "explanation",
    "claim",
    "statement",
    "date",
    "taxonomy",
    "waiver",
)


class Severity(str, enum.Enum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info."""
        return _RANKS[self]


_RANKS = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}

#: A value involved in a finding: a number (exact, as Decimal), a text, or nothing.
Involved = Union[Decimal, str, None]  # noqa: UP007


@attrs.frozen
class Templates:
    """A rule's message templates in Chinese and English (``str.format`` syntax, named fields)."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        """The template for ``lang`` (``en`` or anything else for Chinese)."""
        return self.en if lang == "en" else self.zh


def render_arg(value: object, lang: str = "zh") -> str:
    """How a message argument is written: Decimals as written, values by their text, messages in ``lang``."""
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, Decimal):
        return format(value, "f")
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    raw = getattr(value, "raw", None)
    if isinstance(raw, str):
        return raw
    if isinstance(value, _VALUE_TYPES):  # a value given as a table or number: its canonical text
        # Imported on first use, for start-up cost: most arguments are rendered
        # without the value parser.
        from perfrules.document.valueparse import render_value

        return render_value(value)
    return str(value)


_VALUE_TYPES = (Comparison, Quantity, Timing, Qualitative, Unparsed)

#: The most characters of one value a message shows (a 10 MB target is not echoed back).
MESSAGE_VALUE_LIMIT = 200


def clip(text: str, lang: str = "zh", limit: int = MESSAGE_VALUE_LIMIT) -> str:
    """``text`` for a message: whole up to ``limit`` characters, else its start and its length."""
    if len(text) <= limit:
        return text
    return Clipped(start=text[: limit - 20], length=len(text)).render(lang)


#: A finding's message arguments: (name, value) pairs, in the order they were given.
Arguments = tuple[tuple[str, object], ...]


def arguments(args: Arguments | AttrsInstance) -> Arguments:
    """Message arguments as (name, value) pairs: a kind's ``Args`` object field by field, pairs as given."""
    if isinstance(args, tuple):
        return args
    return tuple((field.name, getattr(args, field.name)) for field in attrs.fields(type(args)))


@attrs.frozen
class Hit:
    """What a rule's check yields for one problem; the engine turns it into a :class:`Finding`.

    ``args`` may be given as a kind's ``Args`` object; it is kept as (name, value) pairs.
    """

    about: str
    path: str
    expected: Involved = None
    found: Involved = None
    args: Arguments = attrs.field(default=(), converter=arguments)


@attrs.frozen
class Finding:
    """One problem found in a report, as data."""

    rule: str
    category: str
    severity: Severity
    about: str
    path: str
    expected: Involved = None
    found: Involved = None
    args: Arguments = ()
    templates: Templates = attrs.field(default=Templates("", ""), eq=False, repr=False)
    source: Source | None = attrs.field(default=None, eq=False, repr=False)
    waiver: Waiver | None = attrs.field(default=None, eq=False, repr=False)

    def message(self, lang: str = "zh") -> str:
        """The finding's message in ``lang`` (``zh`` default, or ``en``), long values shortened (:func:`clip`)."""
        args = {k: clip(render_arg(v, lang), lang) for k, v in self.args}
        args.setdefault("expected", clip(render_arg(self.expected), lang))
        args.setdefault("found", clip(render_arg(self.found), lang))
        args.setdefault("about", clip(self.about, lang))
        try:
            return self.templates.get(lang).format_map(args)
        except (KeyError, IndexError, ValueError):
            return f"{self.rule} {args['about']}: {args}"

    @property
    def line(self) -> int | None:
        """The line in the source file where the finding's path starts, when known."""
        return self.source.line(self.path) if self.source is not None and self.path else None

    @property
    def file(self) -> str | None:
        """The file the report was loaded from, when known."""
        return self.source.file if self.source is not None else None

    @property
    def arguments(self) -> Mapping[str, object]:
        """The message arguments as a mapping."""
        return dict(self.args)


@attrs.frozen
class CheckResult:
    """The outcome of :func:`perfrules.check`: findings and waived findings, kept apart.

    ``findings`` are ordered by rule id, then in the order of the document.
    ``profile`` is the id of the scoring profile the report was judged by.
    ``errors`` are the rules that failed on this report (problems with code
    ``rule-failed``: the rule, the report's file, the subject's key path and
    line, the reason): the report was not fully checked, whatever ``findings`` say.
    """

    findings: tuple[Finding, ...]
    waived: tuple[Finding, ...] = ()
    profile: str = "national"
    #: The score sheet the checks computed (None when no rule needed it); a
    #: :class:`~perfrules.scoring.scorer.ScoreSheet`, kept so callers need not score twice.
    sheet: Any = attrs.field(default=None, eq=False, repr=False)
    errors: tuple[Problem, ...] = ()

    def count(self, severity: Severity) -> int:
        """How many (unwaived) findings have this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    def worst(self) -> Severity | None:
        """The most serious severity among the findings, or None when there are none."""
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    def __bool__(self) -> bool:
        """True when there is at least one unwaived finding."""
        return bool(self.findings)
