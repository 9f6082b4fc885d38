"""Turn the bytes of a text file into text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

A file that is empty, or that is not text at all (NUL bytes, control
characters, an image given as ``.txt``), is refused with a one-line
:class:`~perfrules.errors.DocumentError` rather than read as garbage.
"""

from __future__ import annotations

import codecs

from perfrules.errors import DocumentError, Problem
from perfrules.messages import Message
from perfrules.messages.extract import DamagedUtf8, NulByte

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
    nul = data.find(b"\x00", 0, 65536)
    if nul >= 0:
        if _reads_as_text(data.replace(b"\x00", b"")):
            raise _damaged(file, data, nul, "nul")
        raise _refuse("binary-file", file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    else:
        if _looks_binary(text):
            raise _refuse("binary-file", file)
        return text, "utf-8"
    if _utf8_before(data, bad):  # UTF-8 text up to a damaged byte: not GB18030, say where
        raise _damaged(file, data, bad, "utf-8")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise _refuse("binary-file", file) from None
    if _looks_binary(text):
        raise _refuse("binary-file", file)
    return text, "gb18030"


def _reads_as_text(data: bytes) -> bool:
    """True when ``data`` decodes as UTF-8 or GB18030 text that is not binary."""
    for encoding in ("utf-8", "gb18030"):
        try:
            return not _looks_binary(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return False


def _utf8_before(data: bytes, bad: int) -> bool:
    """True when the bytes before ``bad`` are UTF-8 holding several characters beyond ASCII.

    A GBK/GB18030 file fails as UTF-8 at its first Chinese character; one that
    first reads as UTF-8 for a while is UTF-8 damaged (cut, or another
    encoding pasted in) at ``bad``.
    """
    prefix = data[:bad].decode("utf-8", errors="replace")
    return sum(1 for ch in prefix if ord(ch) > 0x7F) >= 8


def _damaged(file: str, data: bytes, at: int, why: str) -> DocumentError:
    """The located error for a text file with one damaged byte at ``at``: line, column and byte."""
    before = data[:at].decode("utf-8", errors="replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    detail: Message = (
        NulByte(column=column)
        if why == "nul"
        else DamagedUtf8(column=column, byte=f"0x{data[at]:02x}")
    )
    return DocumentError([Problem("invalid", file=file, line=line, params={"detail": detail})])
