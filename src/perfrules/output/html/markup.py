"""The HTML writer's building blocks: the one escaping function, element ids, labels in zh and en.

Every string that comes from a report, a file name or a message reaches the
page through :func:`esc`, in text and in attribute values alike: it escapes
``& < > " '``, and makes the characters a reviewer must not be fooled by
visible — control characters (an ANSI escape ``\\x1b[31m`` shows as
``␛[31m``), bidirectional overrides (shown as ``[U+202E]``) and lone surrogates
(shown as ``�``, so that the page can always be written as UTF-8).
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfrules.messages.html import LABELS, PUNCTUATION, SEVERITY_WORDS

__all__ = [
    "LABELS",
    "SEVERITIES",
    "anchor_id",
    "colon",
    "esc",
    "label",
    "num",
    "paren",
    "severity_badge",
    "severity_word",
]

_ODD = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _visible(m: re.Match[str]) -> str:
    c = ord(m.group(0))
    if c < 0x20:
        return chr(0x2400 + c)  # the Unicode control pictures: ␀ … ␟
    if c == 0x7F:
        return "\u2421"  # ␡
    if 0xD800 <= c <= 0xDFFF:
        return "\ufffd"
    return f"[U+{c:04X}]"


_SPECIAL = re.compile(
    "[&<>\"'\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def esc(text: object) -> str:
    """``text`` made safe for HTML text and attribute values (the only escaping function)."""
    s = text if type(text) is str else str(text)
    if _SPECIAL.search(s) is None:  # most report text: nothing to do
        return s
    s = (
        s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )
    if _ODD.search(s) is not None:
        s = _ODD.sub(_visible, s)
    return s


_ID_ODD = re.compile(r"[^\w-]")
_ID_MAP = str.maketrans("[].", "---")


def anchor_id(path: str) -> str:
    """The element id of the place of key path ``path``: ``lines[2].executed`` → ``at-lines-2--executed``."""
    if not path:
        return "at-report-page"
    ident = path.translate(_ID_MAP)
    if not ident.replace("-", "").replace("_", "").isalnum():
        ident = _ID_ODD.sub("-", ident)
    return "at-" + ident


def num(value: Decimal | int | str | None) -> str:
    """A number as the page writes it: Decimals as held (never through float), None as a dash."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else str(value)
    return str(value)


#: Severity → icon; the icon and the word (:func:`severity_word`) carry the meaning, colour only repeats it.
SEVERITIES: dict[str, str] = {"error": "✖", "warning": "▲", "info": "ℹ", "waived": "○"}


def severity_word(severity: str, lang: str) -> str:
    """``错误`` / ``error`` for ``error``, and so on."""
    entry = SEVERITY_WORDS.get(severity)
    return entry().render(lang) if entry is not None else severity


def severity_badge(severity: str, lang: str) -> str:
    """The severity as icon and word, for tables and notes: ``<span class="sev sev-error">✖ 错误</span>``."""
    icon = SEVERITIES.get(severity, "•")
    word = severity_word(severity, lang)
    return (
        f'<span class="sev sev-{esc(severity)}"><span aria-hidden="true">{icon}</span> '
        f"{esc(word)}</span>"
    )


def colon(lang: str) -> str:
    """``：`` in Chinese, ``: `` in English."""
    return PUNCTUATION["colon"].template(lang)


def paren(lang: str, text: str) -> str:
    """``text`` in brackets: ``（text）`` in Chinese, `` (text)`` in English (``text`` is markup)."""
    return PUNCTUATION["paren"](text=text).render(lang)


def label(lang: str, key: str) -> str:
    """The fixed text ``key`` in ``lang`` (``en``, else Chinese)."""
    return LABELS[key].template(lang)
