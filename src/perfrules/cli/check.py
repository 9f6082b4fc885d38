"""``perfrules check``: check report documents and write their findings in the chosen format.

A thin layer over :mod:`perfrules.batch` (finding and checking the documents),
:mod:`perfrules.output.baseline` and the writers of :mod:`perfrules.output`; it
adds the progress bar and turns the summary into the exit code.

``--format html`` writes review pages (:mod:`perfrules.output.html`): with
``--output DIR`` a page per report and ``index.html`` into DIR, the command
printing where they are; without it, the page of the one report given to
standard output (more than one report needs ``--output``). ``perfrules
review`` is the same with ``--output`` required.
"""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from perfrules.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, config_path, print_problems

__all__ = ["Progress", "docs_base", "run"]


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _color(stream: TextIO) -> bool:
    return _isatty(stream) and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _selectors(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(out)


def docs_base(value: str | None, directory: str | None) -> str:
    """Where the pages' rule links point: ``--docs-url``, a path made relative to the output folder.

    A URL (``https://…``) is kept as given; an absolute path becomes a
    ``file:`` URL; a relative path is taken from the working directory and
    rewritten relative to ``directory`` (where the pages are), so that the
    links work from the pages' folder.
    """
    base = value or "docs/rules"
    if "://" in base:
        return base
    if os.path.isabs(base):
        from pathlib import Path

        return Path(base).as_uri()
    if directory is None:
        return base.replace(os.sep, "/")
    return os.path.relpath(os.path.abspath(base), os.path.abspath(directory)).replace(os.sep, "/")


def _usage(err: TextIO, lang: str, en: str, zh: str) -> int:
    err.write(f"perfrules: {en if lang == 'en' else zh}\n")
    return EXIT_USAGE


class Progress:
    """A progress bar on a terminal's stderr, redrawn at most ten times a second."""

    WIDTH = 30

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self.shown = False
        self.last = 0.0

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    def advance(self) -> None:
        import time

        self.done += 1
        now = time.monotonic()
        if now - self.last < 0.1 and self.done < self.total:
            return
        self.last = now
        filled = self.WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total}")
        self.stream.flush()
        self.shown = True


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Check ``args.paths``; return 0, 1 (findings at or above ``--fail-on``) or 2."""
    from perfrules.batch import Options, check_paths, discover, prepare
    from perfrules.errors import PerfrulesError
    from perfrules.output.formats import make_writer
    from perfrules.output.writer import Summary

    lang = args.lang
    html = args.format == "html"
    directory: str | None = getattr(args, "output", None)
    if directory is not None and not html:
        return _usage(
            err,
            lang,
            "--output is for --format html (the other formats write to standard output)",
            "--output 仅用于 --format html（其他格式写到标准输出）",
        )
    options = Options(
        config=config_path(args),
        select=_selectors(args.select),
        ignore=_selectors(args.ignore) or (),
        profile=args.profile,
        lang=lang,
        input_format=args.input_format,
        want_score=args.format in ("json", "html"),
        want_report=html,
    )
    try:
        _config, rules = prepare(options)
        if args.profile:
            from perfrules.scoring.profiles import load_profile

            load_profile(args.profile)  # an unknown profile is a usage error, not one per file
        baseline = None
        if args.baseline:
            from perfrules.output.baseline import load_baseline

            baseline = load_baseline(args.baseline)
    except PerfrulesError as exc:
        return print_problems(err, exc, lang)
    candidates = discover(args.paths)
    paths = [path for path, _ in candidates]
    explicit = frozenset(path for path, is_explicit in candidates if is_explicit)
    if html and directory is None and len(paths) != 1:
        return _usage(
            err,
            lang,
            f"--format html writes one report's page to standard output; for {len(paths)} documents give --output DIR",
            f"--format html 只能把一份报告的页面写到标准输出；{len(paths)} 个文件请用 --output DIR",
        )
    if directory is not None:
        try:
            os.makedirs(directory, exist_ok=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return _usage(
                err,
                lang,
                f"cannot create the output folder {directory}: {reason}",
                f"无法创建输出文件夹 {directory}：{reason}",
            )
    writer = make_writer(
        args.format,
        out,
        lang=lang,
        show_waived=args.show_waived,
        color=args.format == "text" and _color(out),
        rules=rules,
        explicit=explicit,
        baseline=baseline is not None,
        directory=directory,
        docs_url=docs_base(getattr(args, "docs_url", None), directory),
    )
    progress = (
        Progress(err, len(paths))
        if len(paths) > 1 and not args.no_progress and _isatty(err)
        else None
    )
    problems_to_err = args.format in ("json", "sarif", "html")
    summary = Summary()
    jobs = args.jobs or os.cpu_count() or 1
    writer.start()
    try:
        for outcome in check_paths(paths, options, jobs):
            if baseline is not None:
                outcome = baseline.mark(outcome)
            summary.add(outcome)
            if progress is not None:
                progress.clear()
            if problems_to_err:
                for p in outcome.problems:
                    err.write(p.rendered + "\n")
            writer.file(outcome)
            if progress is not None:
                progress.advance()
    finally:
        if progress is not None:
            progress.clear()
    writer.finish(summary)
    if summary.failed:
        return EXIT_USAGE
    failing = {
        "error": summary.errors,
        "warning": summary.errors + summary.warnings,
        "never": 0,
    }[args.fail_on]
    return EXIT_FINDINGS if failing else EXIT_OK
