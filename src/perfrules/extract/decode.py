"""Turn the bytes of a text file into text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

A file that is empty, or that is not text at all (NUL bytes, control
characters, an image given as ``.txt``), is refused with a one-line
:class:`~perfrules.errors.DocumentError` rather than read as garbage.
"""

from __future__ import annotations

import codecs

from perfrules.errors import DocumentError, Problem

__all__ = ["MAX_TEXT_BYTES", "decode"]

#: Text files larger than this are refused before decoding (bytes).
MAX_TEXT_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Control characters a text file may hold: tab, line feed, vertical tab, form feed, carriage return.
_ALLOWED_CONTROLS = frozenset("\t\n\x0b\x0c\r")


def _refuse(code: str, file: str, **params: object) -> DocumentError:
    return DocumentError([Problem(code, file=file, params=params)])


def _looks_binary(text: str) -> bool:
    """True when more than a few characters are control characters or U+FFFD (not text)."""
    sample = text[:65536]
    bad = sum(
        1
        for ch in sample
        if (ch < " " and ch not in _ALLOWED_CONTROLS)
        or ch in "\x7f\ufffd"
        or "\ue000" <= ch <= "\uf8ff"
    )
    return bad > max(8, len(sample) // 200)


def decode(data: bytes, file: str) -> tuple[str, str]:
    """``(text, encoding)`` of a text file's bytes; the encoding is ``utf-8``, ``utf-8-sig``, ``utf-16`` or ``gb18030``."""
    if len(data) > MAX_TEXT_BYTES:
        raise _refuse("too-large", file, limit=MAX_TEXT_BYTES)
    if not data.strip():
        raise _refuse("empty-file", file)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _refuse("encoding", file, detail=str(exc)) from None
            if not text.strip("\ufeff \t\r\n\u3000"):
                raise _refuse("empty-file", file)
            if _looks_binary(text):
                raise _refuse("binary-file", file)
            return text.lstrip("\ufeff"), encoding
    if b"\x00" in data[:65536]:
        raise _refuse("binary-file", file)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise _refuse("binary-file", file)
        return text, encoding
    raise _refuse("binary-file", file)
