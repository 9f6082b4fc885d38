"""Message templates of rules: the plain ``{name}`` fields they may hold, checked when a rule loads.

A rule's title, message and ``about`` are ``str.format`` templates filled
from values of a report. Only plain fields are allowed: ``{name}``, the
name an identifier. A format spec (``{name:>1000000000}`` pads a value to a
gigabyte), a conversion (``{name!r}``), an attribute or an index
(``{name.attr}``, ``{name[0]}``) would run on values of the report when the
message is rendered, so each is refused at load, with a located message.
"""

from __future__ import annotations

import string
from collections.abc import Iterable

from perfrules.errors import Problem
from perfrules.messages import Message
from perfrules.messages import rules as msg

__all__ = ["TemplateError", "check_template", "template_fields", "unknown_fields"]


class TemplateError(ValueError):
    """A template that is not text with plain ``{name}`` fields; ``message`` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def _shown(field: str, spec: str, conversion: str | None) -> str:
    text = field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
    return "{" + (text if len(text) <= 40 else text[:37] + "…") + "}"


def template_fields(template: str) -> set[str]:
    """The field names ``template`` uses; raises :class:`TemplateError` unless every field is plain."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise TemplateError(msg.BadTemplate(error=exc)) from None
    names = set()
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            shown = _shown(field, spec or "", conversion)
            raise TemplateError(msg.NotPlainField(shown=shown))
        names.add(field)
    return names


def _invalid(path: str, detail: Message) -> Problem:
    return Problem("invalid", path, params={"detail": detail})


def unknown_fields(which: str, fields: Iterable[str], usable: Iterable[str]) -> Problem | None:
    """The problem of a template (``message.zh``) using ``fields`` outside ``usable``, if any."""
    allowed = set(usable)
    unknown = sorted(set(fields) - allowed)
    if not unknown:
        return None
    names = ", ".join(sorted(allowed)) or "none"
    return _invalid(which, msg.UnknownFields(fields=", ".join(unknown), available=names))


def check_template(which: str, template: str, usable: Iterable[str] | None) -> Problem | None:
    """The problem of the template at key ``which``: not plain fields, or (given ``usable``) unknown ones."""
    try:
        fields = template_fields(template)
    except TemplateError as exc:
        return _invalid(which, exc.message)
    return None if usable is None else unknown_fields(which, fields, usable)
