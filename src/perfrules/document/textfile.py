"""Reading the TOML files that set perfrules up (rule packs, configurations, profiles) as untrusted input.

A path given for a rule pack, a ``perfrules.toml`` or a profile may name
anything: a FIFO that never ends or blocks, ``/dev/zero``, a folder, a
gigabyte file. :func:`read_settings` reads only a regular file of at most
:data:`MAX_SETTINGS_BYTES`, without blocking on a pipe, and decodes it as
UTF-8 with or without a byte-order mark; everything else is a located
``unreadable`` or ``too-large-file`` problem of the caller's error class.
"""

from __future__ import annotations

import os
import stat

from perfrules.errors import PerfrulesError, Problem, os_detail
from perfrules.messages import document as msg

__all__ = ["MAX_SETTINGS_BYTES", "read_settings"]

#: The largest rule pack, configuration or profile read (the built-in packs are a few dozen KB).
MAX_SETTINGS_BYTES = 4 * 1024 * 1024


def read_settings(
    path: str | os.PathLike[str], error: type[PerfrulesError], limit: int = MAX_SETTINGS_BYTES
) -> tuple[str, str]:
    """``(name, text)`` of the settings file at ``path``; raises ``error`` when it cannot be read.

    Refuses what is not a regular file (checked on the opened file, which is
    opened without blocking, so a FIFO swapped in cannot stall the read),
    a file over ``limit`` bytes (reading stops after ``limit + 1``), and text
    that is not UTF-8. A UTF-8 byte-order mark is dropped.
    """
    name = os.fspath(path)

    def fail(code: str, **params: object) -> PerfrulesError:
        return error([Problem(code, file=name, params=params)])

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except OSError as exc:
        raise fail("unreadable", **os_detail(exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise fail("unreadable", detail=msg.NotRegularFile())
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise fail("unreadable", **os_detail(exc)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise fail("too-large-file", limit=limit)
    try:
        return name, data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail("encoding", detail=str(exc)) from None
