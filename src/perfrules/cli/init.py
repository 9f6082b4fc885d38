"""``perfrules init``: write a commented template report document, or print it with ``-``.

A thin layer over :func:`perfrules.document.template.template`.
"""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from perfrules.cli.common import EXIT_OK, EXIT_USAGE, t

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the template to ``args.path``; return 0, or 2 when it exists or cannot be written."""
    from perfrules.document.template import template

    lang = args.lang
    text = template()
    if args.path == "-":
        out.write(text)
        return EXIT_OK
    path = args.path
    if os.path.isdir(path):
        path = os.path.join(path, "report.toml")
    if os.path.lexists(path) and not args.force:
        err.write(
            t(
                lang,
                f"{path}: 文件已存在（使用 --force 覆盖）\n",
                f"{path}: the file exists (use --force to overwrite it)\n",
            )
        )
        return EXIT_USAGE
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        err.write(t(lang, f"{path}: 无法写入：{reason}\n", f"{path}: cannot write: {reason}\n"))
        return EXIT_USAGE
    out.write(
        t(
            lang,
            f"已写入 {path}：请填入报告数据后运行 perfrules check {path}\n",
            f"wrote {path}: fill in your report, then run perfrules check {path}\n",
        )
    )
    return EXIT_OK
