"""Markdown helpers of the rule reference: safe inline text, code fences, TOML values, the page marker.

Text in the rule packs is written with reST-style ````code```` spans; these
helpers turn it into Markdown that renders as written (specials escaped,
Chinese lines joined without spaces), and mark every generated page so that
only generated pages are ever rewritten or removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

__all__ = ["MARKER", "REGENERATE"]

#: The command that regenerates the reference (quoted in the pages and in test failures).
REGENERATE = "python -m perfrules.output.docgen docs/rules"

#: First line of every generated page; :func:`write_pages` only deletes files that carry it.
MARKER = f"<!-- Generated from rules/ by `{REGENERATE}`. Do not edit by hand. -->"

_CODE_SPAN = re.compile(r"(``.+?``|`[^`]+`)", re.S)
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _escape_text(text: str) -> str:
    """Escape Markdown/HTML specials in plain text (outside code spans)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*", r"\*")


def _inline(text: str, table: bool = False) -> str:
    """Text written with reST-style ````code```` (or Markdown code) as safe Markdown."""
    out: list[str] = []
    for i, part in enumerate(_CODE_SPAN.split(text)):
        if i % 2:
            code = part.strip("`").replace("\n", " ")
            fence = "``" if "`" in code else "`"
            pad = " " if code.startswith("`") or code.endswith("`") else ""
            out.append(f"{fence}{pad}{code}{pad}{fence}")
        else:
            out.append(_escape_text(part))
    result = "".join(out)
    if table:
        result = result.replace("|", r"\|").replace("\n", " ")
    return result


def _join_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines of one paragraph; no space where Chinese meets Chinese."""
    result = ""
    for line in lines:
        line = line.strip()
        if not result:
            result = line
        elif _CJK.match(line[:1]) and _CJK.match(result[-1:]):
            result += line
        else:
            result += " " + line
    return result


def _fence(code: str, lang: str = "toml") -> str:
    code = code.strip("\n")
    fence = "```"
    while fence in code:
        fence += "`"
    return f"{fence}{lang}\n{code}\n{fence}"


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def _anchor(rule_id: str) -> str:
    return rule_id.lower()
