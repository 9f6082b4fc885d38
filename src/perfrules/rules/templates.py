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

__all__ = ["TemplateError", "check_template", "template_fields", "unknown_fields"]


class TemplateError(ValueError):
    """A template that is not text with plain ``{name}`` fields; says why in English and Chinese."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh


def _shown(field: str, spec: str, conversion: str | None) -> str:
    text = field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
    return "{" + (text if len(text) <= 40 else text[:37] + "…") + "}"


def template_fields(template: str) -> set[str]:
    """The field names ``template`` uses; raises :class:`TemplateError` unless every field is plain."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise TemplateError(f"bad template: {exc}", f"模板有误：{exc}") from None
    names = set()
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            shown = _shown(field, spec or "", conversion)
            raise TemplateError(
                f"template field {shown} is not a plain name: a field is written {{name}}, "
                "without a format spec (:…), a conversion (!…), an attribute (.…) or an index ([…])",
                f"模板字段 {shown} 不是单纯的名称：字段只能写作 {{名称}}，"
                "不能带格式说明（:…）、转换（!…）、属性（.…）或下标（[…]）",
            )
        names.add(field)
    return names


def _invalid(path: str, en: str, zh: str) -> Problem:
    return Problem("invalid", path, params={"detail": en, "detail_zh": zh})


def unknown_fields(which: str, fields: Iterable[str], usable: Iterable[str]) -> Problem | None:
    """The problem of a template (``message.zh``) using ``fields`` outside ``usable``, if any."""
    allowed = set(usable)
    unknown = sorted(set(fields) - allowed)
    if not unknown:
        return None
    names = ", ".join(sorted(allowed)) or "none"
    return _invalid(
        which,
        f"unknown template field(s) {', '.join(unknown)}; available: {names}",
        f"模板中的字段 {', '.join(unknown)} 不存在；可用：{names}",
    )


def check_template(which: str, template: str, usable: Iterable[str] | None) -> Problem | None:
    """The problem of the template at key ``which``: not plain fields, or (given ``usable``) unknown ones."""
    try:
        fields = template_fields(template)
    except TemplateError as exc:
        return _invalid(which, exc.en, exc.zh)
    return None if usable is None else unknown_fields(which, fields, usable)
