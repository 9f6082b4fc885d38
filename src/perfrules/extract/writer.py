"""The annotated TOML text of an extraction: every value with where it was read, review items, what was not read.

Read top to bottom, the document says for every value the place in the
original (``report.txt:47:12``, ``report.docx: 表2 第5行 第3列``) and the text it
was read from, so that a person can check and correct it. A value that is a
reading, not the text, is written commented out under ``# REVIEW:`` with its
alternatives. The end lists what was not read. The header keeps a hash of the
text written (:func:`hash_of`), so that a file a person has edited is not
overwritten.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from perfrules.document.provenance import Traced
from perfrules.extract.assemble import Part, render_amount
from perfrules.extract.draft import Amount, Review
from perfrules.extract.layout import Unread

__all__ = ["HASH_PREFIX", "hash_of", "render", "toml_value"]

#: The header line that holds the hash of the generated text.
HASH_PREFIX = "# extract-hash: sha256:"
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SNIPPET = 60


def _string(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _multiline(text: str) -> str:
    """A TOML multi-line basic string: the text's line breaks as written, nothing else escaped but \\ and \"."""
    body = "\n".join(_string(piece)[1:-1] for piece in text.split("\n"))
    return '"""\n' + body + '"""'


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def toml_value(value: Any) -> str:
    """A value as TOML writes it (strings, Decimals as written, ints, bools, dates, inline tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return _multiline(value) if "\n" in value else _string(value)
    if isinstance(value, Mapping):
        return (
            "{ " + ", ".join(f"{_key(str(k))} = {toml_value(v)}" for k, v in value.items()) + " }"
        )
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def _where(origin: Traced) -> str:
    return f"{origin.place.render()} “{_snippet(origin.text)}”"


def _review_lines(review: Review, unit: str) -> list[str]:
    key = review.about.rsplit(".", 1)[-1]
    out = [
        f"# REVIEW: {review.reason}",
        f"#   {review.reason_zh}",
        f"#   ← {_where(review.origin)}",
    ]
    for value, note in review.alternatives:
        if review.about.startswith("line:"):
            amount = review.chosen if isinstance(review.chosen, Amount) else None
            shown = render_amount(amount, unit) if amount is not None else value
            out.append(f"# {value} = {toml_value(shown)}   # {note}")
            continue
        shown = render_amount(value, unit) if isinstance(value, Amount) else value
        live = review.chosen is not None and value == review.chosen
        out.append(f"# {key} = {toml_value(shown)}   # {note}{' (written above)' if live else ''}")
    return out


def _header(name: str, array: bool) -> str:
    return f"[[{name}]]" if array else f"[{name}]"


def hash_of(body: str) -> str:
    """The hash the header keeps: sha256 of the text without its hash line."""
    lines = [ln for ln in body.split("\n") if not ln.startswith(HASH_PREFIX)]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def render(
    parts: list[Part],
    *,
    file: str,
    format: str,
    title: str,
    version: str,
    reviews: Iterable[Review],
    unread: Iterable[Unread],
    notes: Iterable[str] = (),
) -> str:
    """The annotated TOML document."""
    unit = next(
        (e.value for p in parts if p.name == "report" for e in p.entries if e.key == "money_unit"),
        "万元",
    )
    reviews = list(reviews)
    unread = list(unread)
    head = [
        f"# perfrules extract — {title or file}",
        f"# Read from {file} ({format}) by perfrules {version}. Beside every value: where it",
        "# was read (file:line:column, or table/row/cell) and the text it was read from.",
        "# A person checks it top to bottom; values that are a reading, not the text, are",
        "# commented out under REVIEW with their alternatives. Put corrections in an",
        "# overrides file (see docs/from-word-to-findings.md): a file edited by hand is",
        "# not overwritten by the next extraction.",
    ]
    if reviews:
        head.append(f"# REVIEW ({len(reviews)}): " + "; ".join(r.about for r in reviews))
    head.extend(f"# NOTE: {n}" for n in notes)
    head.append(HASH_PREFIX)
    body: list[str] = ["", "format = 1"]
    for part in parts:
        body.append("")
        body.extend(part.comments)
        if part.array and part.origin is not None and part.name != "claims":
            body.append(f"# ← {_where(part.origin)}")
        body.append(_header(part.name, part.array))
        for e in part.entries:
            line = f"{_key(e.key)} = {toml_value(e.value)}"
            comment = []
            if e.note:
                comment.append(e.note)
            if e.origin is not None and not (
                part.array and e.origin == part.origin and part.name != "claims"
            ):
                comment.append(f"← {_where(e.origin)}")
            if isinstance(e.value, str) and len(e.value) > 40 and comment:
                body.append("# " + "  ".join(comment))
                body.append(line)
            else:
                body.append(line + ("  # " + "  ".join(comment) if comment else ""))
        for review in part.reviews:
            body.extend(_review_lines(review, unit))
    body.append("")
    body.append("# " + "-" * 75)
    body.append(f"# Not read into the document ({len(unread)})")
    body.append("# " + "-" * 75)
    if not unread:
        body.append("# (nothing)")
    for item in unread:
        body.append(f"# {item.place.render()}  {item.reason}  “{_snippet(item.text)}”")
    text = "\n".join(head + body) + "\n"
    return text.replace(HASH_PREFIX + "\n", f"{HASH_PREFIX}{hash_of(text)}\n", 1)
