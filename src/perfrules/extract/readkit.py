"""What the binary-format readers share: a missing library's error, checks of the bytes, one-line errors.

The readers (:mod:`~perfrules.extract.docx`, :mod:`~perfrules.extract.xlsx`,
:mod:`~perfrules.extract.pdf`) import their library inside ``read()`` and
turn every failure of a bad file into a :class:`~perfrules.errors.DocumentError`
with one problem: a clear line, never a traceback.
"""

from __future__ import annotations

import io
import re
import zipfile

from perfrules.errors import DocumentError, PerfrulesError, Problem
from perfrules.messages import Message
from perfrules.messages import extract as msg

__all__ = [
    "MAX_BYTES",
    "MAX_XML_BYTES",
    "check_bytes",
    "check_zip",
    "describe",
    "fail",
    "missing",
    "not_format",
]

#: The largest file a reader accepts.
MAX_BYTES = 256 * 1024 * 1024
#: The most uncompressed XML a .docx/.xlsx package may hold (its images do not count).
MAX_XML_BYTES = 128 * 1024 * 1024
#: The most parts a .docx/.xlsx package may hold.
MAX_PARTS = 20_000

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_SUFFIX = {"docx": ".docx", "xlsx": ".xlsx", "pdf": ".pdf"}


def missing(file: str, format: str, library: str) -> PerfrulesError:
    """The error for a reader whose library is not installed: which extra installs it."""
    params = {"format": _SUFFIX.get(format, format), "library": library, "extra": format}
    return PerfrulesError([Problem("extra-missing", file=file, params=params)])


def fail(code: str, file: str, **params: object) -> DocumentError:
    """A one-problem :class:`DocumentError` about ``file``."""
    return DocumentError([Problem(code, file=file, params=params)])


def describe(exc: BaseException) -> str:
    """A library's exception as one short line."""
    text = " ".join(str(exc).split())
    if len(text) > 160:
        text = text[:157] + "..."
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


def check_bytes(data: bytes, file: str, format: str) -> None:
    """Refuse an empty or oversized file."""
    if not data:
        raise fail("empty-file", file)
    if len(data) > MAX_BYTES:
        raise fail("too-large", file, limit=MAX_BYTES)


def check_zip(data: bytes, file: str, format: str) -> None:
    """Refuse what is not an Office Open XML package, or one too large to unpack safely.

    An old binary Office file (.doc/.xls) and a password-protected Office file
    are both OLE containers; each gets its own message.
    """
    check_bytes(data, file, format)
    suffix = _SUFFIX[format]
    if data.startswith(_OLE):
        if _OLE_ENCRYPTED in data:
            raise fail("encrypted", file)
        old = ".doc" if format == "docx" else ".xls"
        raise fail(
            "not-format",
            file,
            format=suffix,
            detail=msg.OldOffice(old=old, suffix=suffix),
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise fail(
            "not-format",
            file,
            format=suffix,
            detail=msg.NotZip(suffix=suffix, reason=describe(exc)),
        ) from None
    if len(infos) > MAX_PARTS:
        raise fail(
            "not-format",
            file,
            format=suffix,
            detail=msg.TooManyParts(limit=MAX_PARTS),
        )
    xml = sum(info.file_size for info in infos if info.filename.endswith((".xml", ".rels")))
    if xml > MAX_XML_BYTES:
        raise fail("too-large", file, limit=MAX_XML_BYTES)


def not_format(file: str, format: str, exc: BaseException) -> DocumentError:
    """The error for a file its library could not open: what is wrong in the reader's words, then the library's reason."""
    detail = describe(exc)
    part = re.search(r"no item named '([^']+)'", str(exc))
    reason: Message
    if part is not None:  # zipfile's KeyError: a part the package must hold is not in it
        reason = msg.MissingPart(part=part.group(1), reason=detail)
    elif "relationship" in str(exc) and isinstance(exc, KeyError):
        reason = msg.NoMainPart(reason=detail)
    elif "Syntax" in type(exc).__name__ or "Excessive depth" in str(exc):
        reason = msg.BrokenXml(reason=detail)
    else:
        reason = msg.Damaged(reason=detail)
    return fail("not-format", file, format=_SUFFIX.get(format, format), detail=reason)
