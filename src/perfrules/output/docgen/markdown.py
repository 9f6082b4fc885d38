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


_EMPHASIS = re.compile(r"\\\*(\w[^*\s]*)\\\*")


def _escape_text(text: str, emphasis: bool = False) -> str:
    """Escape Markdown/HTML specials in plain text (outside code spans).

    With ``emphasis``, reST ``*word*`` (the same in Markdown) is kept.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*", r"\*")
    return _EMPHASIS.sub(r"*\1*", text) if emphasis else text


def _inline(text: str, table: bool = False, emphasis: bool = False) -> str:
    """Text written with reST-style ````code```` (or Markdown code) as safe Markdown."""
    out: list[str] = []
    for i, part in enumerate(_CODE_SPAN.split(text)):
        if i % 2:
            code = part.strip("`").replace("\n", " ")
            fence = "``" if "`" in code else "`"
            pad = " " if code.startswith("`") or code.endswith("`") else ""
            out.append(f"{fence}{pad}{code}{pad}{fence}")
        else:
            out.append(_escape_text(part, emphasis))
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


def _docstring_markdown(doc: str) -> str:
    """A kind's docstring as Markdown paragraphs (reST literals and ``::`` blocks converted)."""
    lines = doc.strip("\n").splitlines()
    out: list[str] = []
    para: list[str] = []
    block: list[str] | None = None

    def flush() -> None:
        if para:
            out.append(_inline(_join_lines(para), emphasis=True))
            para.clear()

    for line in [*lines, ""]:
        if block is not None:
            if line.strip() == "" or line.startswith((" ", "\t")):
                block.append(line)
                continue
            out.append("```toml\n" + "\n".join(_dedent(block)) + "\n```")
            block = None
        if not line.strip():
            flush()
            continue
        if line.rstrip().endswith("::"):
            para.append(line.rstrip()[:-1])
            flush()
            block = []
            continue
        para.append(line)
    if block is not None and any(x.strip() for x in block):
        out.append("```toml\n" + "\n".join(_dedent(block)) + "\n```")
    flush()
    return "\n\n".join(out)


def _dedent(block: list[str]) -> list[str]:
    lines = list(block)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    return [x[indent:] for x in lines]


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
