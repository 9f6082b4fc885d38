"""The message catalogue: every message perfrules writes for a person, each a small class with its id, Chinese and English templates.

A message is written the way pyflakes writes its messages: a class per
message, naming its id and its two templates (``str.format`` syntax, named
fields); an instance holds the message's arguments and renders them only
when asked, in the language asked for (:meth:`Message.render`). An argument
may itself be a message, rendered in the same language. Constructing a
message with other arguments than its templates name is a ``TypeError``, so
a template and its call site cannot drift apart.

The entries live in one module per stage that uses them:
:mod:`~perfrules.messages.problems` (the codes of
:class:`~perfrules.errors.Problem`), :mod:`~perfrules.messages.parsers`, :mod:`~perfrules.messages.document`,
:mod:`~perfrules.messages.extract`, :mod:`~perfrules.messages.rules`,
:mod:`~perfrules.messages.expr`, :mod:`~perfrules.messages.evaluation`, :mod:`~perfrules.messages.scoring`, :mod:`~perfrules.messages.reasons`,
:mod:`~perfrules.messages.kinds`, :mod:`~perfrules.messages.output`, :mod:`~perfrules.messages.html`, :mod:`~perfrules.messages.text` and
:mod:`~perfrules.messages.cli`. :func:`catalogue` imports them all and gives
every entry by id.
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Mapping
from typing import Any, ClassVar

__all__ = [
    "CATALOGUE",
    "STAGES",
    "Both",
    "Joined",
    "Listing",
    "Message",
    "Names",
    "catalogue",
    "entries",
    "render",
    "template_names",
]

#: Every message class imported so far, by id.
CATALOGUE: dict[str, type[Message]] = {}

#: The modules of the catalogue, one per stage that writes messages.
STAGES: tuple[str, ...] = (
    "problems",
    "parsers",
    "document",
    "extract",
    "rules",
    "expr",
    "evaluation",
    "scoring",
    "reasons",
    "formulas",
    "kinds",
    "output",
    "html",
    "text",
    "cli",
)

_FORMATTER = string.Formatter()


def template_names(template: str) -> frozenset[str]:
    """The argument names a ``str.format`` template refers to (``{name}``, ``{name!r}``, ``{name:>4}``)."""
    names = set()
    for _, field, _, _ in _FORMATTER.parse(template):
        if field is not None:
            names.add(field.split(".", 1)[0].split("[", 1)[0])
    return frozenset(names)


def render(value: object, lang: str = "zh") -> object:
    """``value`` for a template in ``lang``: a message rendered, anything else as it is."""
    return value.render(lang) if isinstance(value, Message) else value


class Message:
    """One message: its ``id``, its ``zh`` and ``en`` templates and, on an instance, its arguments.

    A subclass that sets ``id`` is an entry of the catalogue; ``names`` (read
    from its templates) are the arguments it takes.
    """

    __slots__ = ("args",)

    id: ClassVar[str] = ""
    zh: ClassVar[str] = ""
    en: ClassVar[str] = ""
    names: ClassVar[frozenset[str]] = frozenset()

    args: Mapping[str, object]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.__dict__.get("id"):
            return
        if cls.id in CATALOGUE and CATALOGUE[cls.id] is not cls:
            raise ValueError(f"message id {cls.id!r} is used twice")
        cls.names = template_names(cls.zh) | template_names(cls.en)
        CATALOGUE[cls.id] = cls

    def __init__(self, **args: object) -> None:
        if set(args) != self.names:
            raise TypeError(
                f"{type(self).__name__} takes {sorted(self.names)}, given {sorted(args)}"
            )
        self.args = args

    @classmethod
    def template(cls, lang: str = "zh") -> str:
        """The template for ``lang`` (``en``, or anything else for Chinese)."""
        return cls.en if lang == "en" else cls.zh

    @classmethod
    def format(cls, lang: str, args: Mapping[str, object]) -> str:
        """The template for ``lang`` filled with ``args`` (messages among them rendered in ``lang``)."""
        return cls.template(lang).format_map({k: render(v, lang) for k, v in args.items()})

    def render(self, lang: str = "zh") -> str:
        """The message in ``lang`` (``zh`` default, or ``en``)."""
        return self.format(lang, self.args)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.args.items())
        return f"{type(self).__name__}({inner})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return type(self) is type(other) and self.args == other.args

    def __hash__(self) -> int:
        return hash((type(self), tuple(sorted(self.args))))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), dict(self.args)))


def _rebuild(cls: type[Message], args: dict[str, object]) -> Message:
    return cls(**args)


class Listing(Message):
    """Items listed in a message (its one argument), joined the way each language joins them.

    ``separators`` are the Chinese and the English separator (``last``, when
    given, stands before the last item instead); with ``lead`` a
    separator stands before the first item too; with ``limit`` at most that
    many items are shown, then ``more`` (Chinese, English).
    """

    separators: ClassVar[tuple[str, str]] = ("、", ", ")
    last: ClassVar[tuple[str, str] | None] = None
    lead: ClassVar[bool] = False
    limit: ClassVar[int | None] = None
    more: ClassVar[tuple[str, str]] = ("", "")

    def render(self, lang: str = "zh") -> str:
        (key,) = self.names
        items = [str(render(item, lang)) for item in self.args[key]]  # type: ignore[attr-defined]
        en = int(lang == "en")
        sep = self.separators[en]
        shown = items if self.limit is None else items[: self.limit]
        cut = self.limit is not None and len(items) > self.limit
        joined = sep.join(shown)
        if self.last is not None and len(shown) > 1:
            joined = sep.join(shown[:-1]) + self.last[en] + shown[-1]
        return (sep if self.lead and items else "") + joined + (self.more[en] if cut else "")


class Names(Listing):
    """Names listed in a message: 、-separated in Chinese, comma-separated in English."""

    id = "names"
    zh = "{names}"
    en = "{names}"


class Joined(Listing):
    """Parts of one message written one after the other (each part brings its own punctuation)."""

    id = "joined"
    zh = "{parts}"
    en = "{parts}"
    separators = ("", "")


class Both(Listing):
    """Parts of one message listed together: 、-separated in Chinese, joined by "and" in English."""

    id = "both"
    zh = "{parts}"
    en = "{parts}"
    separators = ("、", " and ")


def entries(prefix: str, table: Mapping[str, tuple[str, str]]) -> dict[str, type[Message]]:
    """One catalogue entry per row of ``table`` (key → (zh, en)), its id ``prefix.key``: for fixed words, written as a table."""
    made: dict[str, type[Message]] = {}
    for key, (zh, en) in table.items():
        name = "".join(part.capitalize() for part in re.split(r"[^0-9A-Za-z]+", key)) or "Entry"
        made[key] = type(
            name, (Message,), {"__slots__": (), "id": f"{prefix}.{key}", "zh": zh, "en": en}
        )
    return made


def catalogue() -> Mapping[str, type[Message]]:
    """Every entry of the catalogue, by id (all its modules imported)."""
    for stage in STAGES:
        importlib.import_module(f"perfrules.messages.{stage}")
    return CATALOGUE
