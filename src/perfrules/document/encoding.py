"""Telling a report document saved in a Chinese legacy encoding (GBK/GB18030) from other bad bytes.

Report documents are UTF-8. On Chinese Windows, Notepad and older editors
save as GBK (ANSI code page 936) by default, so the most common reason a
document is not valid UTF-8 is that it is GBK — for which "not valid UTF-8"
is no help. :func:`legacy_encoding_problem` recognises that case (the bytes
are not UTF-8, but decode as GB18030, GBK's superset, and the text holds
Chinese characters) and gives a problem that says so, on the line of the
first byte that is not UTF-8, and how to fix it: save the file as UTF-8.
:func:`explain_encoding` puts that problem in place of a loading error's
generic encoding problem; the command line applies it where it reads files.
"""

from __future__ import annotations

import re

from perfrules.errors import DocumentError, Problem
from perfrules.messages import document as msg

__all__ = ["explain_encoding", "legacy_encoding_problem"]

#: CJK unified ideographs (the base block and extension A): text a GBK report holds.
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def legacy_encoding_problem(data: bytes, file: str | None = None) -> Problem | None:
    """A located "save it as UTF-8" problem when ``data`` is GBK/GB18030 text, else None.

    None also when ``data`` is valid UTF-8 (nothing to explain) or is not
    GB18030 Chinese text either (the generic encoding problem stands).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if not _CJK.search(text):
        return None
    line = data.count(b"\n", 0, first_bad) + 1
    return Problem(
        "invalid",
        line=line,
        file=file,
        params={"detail": msg.LegacyEncoding()},
    )


def explain_encoding(
    exc: DocumentError, path: str, data: bytes | None = None, limit: int = 64 * 1024 * 1024
) -> DocumentError:
    """``exc`` with its encoding problem replaced by "save it as UTF-8" for a GBK/GB18030 document.

    ``data`` is the document's bytes; None reads at most ``limit`` bytes of
    the file at ``path`` (only when ``exc`` has an encoding problem). ``exc``
    itself comes back when there is nothing to explain.
    """
    if not any(p.code == "encoding" for p in exc.problems):
        return exc
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
        except OSError:
            return exc
    problem = legacy_encoding_problem(data, path)
    if problem is None:
        return exc
    return DocumentError([problem if p.code == "encoding" else p for p in exc.problems])
