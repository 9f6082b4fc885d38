"""``perfrules check``: check report documents and write their findings in the chosen format.

A thin layer over :mod:`perfrules.batch` (finding and checking the documents),
:mod:`perfrules.output.baseline` and the writers of :mod:`perfrules.output`; it
reads ``-`` (standard input, named ``<stdin>``), refuses unknown selectors and
profiles with a suggestion, turns a named file that is not a report (unless
``--skip-non-reports``) and a named folder without one into failures, adds
the progress bar and turns the summary into the exit code.

``--format html`` writes review pages (:mod:`perfrules.output.html`): with
``--output DIR`` a page per report and ``index.html`` into DIR, the command
printing where they are; without it, the page of the one report given to
standard output (more than one report needs ``--output``). ``perfrules
review`` is the same with ``--output`` required.
"""

from __future__ import annotations

import argparse
import os
from typing import IO, TYPE_CHECKING, Any, TextIO

from perfrules.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    all_rules,
    config_path,
    print_problems,
)
from perfrules.messages import Message
from perfrules.messages import cli as msg

if TYPE_CHECKING:
    from perfrules.batch import Options
    from perfrules.output.records import Outcome

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


def _usage(err: TextIO, lang: str, detail: Message) -> int:
    err.write(msg.Usage(detail=detail).render(lang))
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


STDIN = "-"
#: The name standard input's document has in the output.
STDIN_NAME = "<stdin>"


def _read_stdin(stream: IO[Any] | None) -> bytes | str:
    """Standard input's document as bytes (bounded), or the reason it cannot be read."""
    from perfrules.document.loader import MAX_DOCUMENT_BYTES

    if stream is None:
        return b""
    source = getattr(stream, "buffer", stream)
    try:
        data = source.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, ValueError) as exc:  # closed, or not readable
        return str(exc) or type(exc).__name__
    return data.encode("utf-8") if isinstance(data, str) else bytes(data or b"")


def _stdin_outcome(args: argparse.Namespace, options: Options) -> Outcome:
    """Check the one document on standard input, named ``<stdin>`` (toml unless --input-format)."""
    from perfrules.batch import check_path, refuse_non_report
    from perfrules.errors import Problem
    from perfrules.output.records import Outcome, problem_record

    data = _read_stdin(getattr(args, "stdin", None))
    if isinstance(data, str):
        problem = Problem("unreadable", params={"detail": data})
        return Outcome(
            STDIN_NAME, "failed", problems=(problem_record(problem, STDIN_NAME, options.lang),)
        )
    options = options._replace(input_format=args.input_format or "toml")
    outcome = check_path(STDIN_NAME, options, data=data)
    if outcome.status == "skipped" and not args.skip_non_reports:
        outcome = refuse_non_report(STDIN_NAME, options, data)
    return outcome


def _bad_choices(args: argparse.Namespace, options: Options) -> list[str]:
    """A message for each ``--select``/``--ignore`` value that names no rule or category."""
    from perfrules.cli.suggest import did_you_mean
    from perfrules.rules.findings import CATEGORIES

    given = [("--select", options.select or ()), ("--ignore", options.ignore)]
    if not any(values for _, values in given):
        return []
    known = [*all_rules(args), *CATEGORIES]
    out = []
    for flag, values in given:
        for value in values:
            if value != "ALL" and value not in known:
                hint = did_you_mean(value, known, options.lang)
                bad = msg.NotASelector(flag=flag, value=value, hint=hint)
                out.append(bad.render(options.lang))
    return out


class _Folders:
    """The folders named on the command line, and whether a report was found in each."""

    def __init__(self, paths: list[str]) -> None:
        self.found: dict[str, bool] = {}
        self.skipped: dict[str, int] = {}
        self._roots: list[tuple[str, tuple[str, str]]] = []
        for path in paths:
            if os.path.isdir(path) and path not in self.found:
                self.found[path] = False
                self.skipped[path] = 0
                self._roots.append((path, (self._prefix(path, False), self._prefix(path, True))))

    @staticmethod
    def _prefix(path: str, real: bool) -> str:
        full = os.path.realpath(path) if real else os.path.abspath(path)
        return full if full.endswith(os.sep) else full + os.sep

    def add(self, outcome: Outcome) -> None:
        """Count ``outcome`` for each named folder it lies in (or is)."""
        if not self._roots:
            return
        here = (self._prefix(outcome.path, False), self._prefix(outcome.path, True))
        for folder, roots in self._roots:
            if any(h.startswith(r) for h, r in zip(here, roots, strict=True)):
                if outcome.status == "skipped":
                    self.skipped[folder] += 1
                else:
                    self.found[folder] = True

    def empty(self) -> list[tuple[str, int]]:
        """The folders with no report in them, with how many non-reports were skipped there."""
        return [(f, self.skipped[f]) for f, found in self.found.items() if not found]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Check ``args.paths``; return 0, 1 (findings at or above ``--fail-on``) or 2."""
    from perfrules.batch import (
        Options,
        check_paths,
        discover,
        no_report_found,
        prepare,
        refuse_non_report,
    )
    from perfrules.cli.suggest import profile_hint
    from perfrules.errors import PerfrulesError
    from perfrules.output.formats import make_writer
    from perfrules.output.writer import Summary

    lang = args.lang
    html = args.format == "html"
    directory: str | None = getattr(args, "output", None)
    if directory is not None and not html:
        return _usage(err, lang, msg.OutputNeedsHtml())
    options = Options(
        config=config_path(args),
        select=_selectors(args.select),
        ignore=_selectors(args.ignore) or (),
        profile=args.profile,
        lang=lang,
        input_format=args.input_format,
        want_score=args.format in ("json", "html"),
        want_report=html,
        skip_non_reports=args.skip_non_reports,
    )
    try:
        bad = _bad_choices(args, options)
        if bad:
            err.write("\n".join(bad) + "\n")
            return EXIT_USAGE
        _config, rules = prepare(options)
        if args.profile:
            hint = profile_hint(args.profile, lang)
            if hint:
                err.write(f"perfrules check: {hint}\n")
                return EXIT_USAGE
            from perfrules.scoring.profiles import load_profile

            load_profile(args.profile)  # an unknown profile is a usage error, not one per file
        baseline = None
        if args.baseline:
            from perfrules.output.baseline import load_baseline

            baseline = load_baseline(args.baseline)
    except PerfrulesError as exc:
        return print_problems(err, exc, lang)
    use_stdin = STDIN in args.paths
    named_paths = [p for p in args.paths if p != STDIN]
    candidates = discover(named_paths)
    paths = [path for path, _ in candidates]
    explicit = frozenset(path for path, is_explicit in candidates if is_explicit)
    if use_stdin:
        explicit |= {STDIN_NAME}
    folders = _Folders(named_paths)
    if html and directory is None and len(paths) + use_stdin != 1:
        return _usage(err, lang, msg.HtmlOneReport(count=len(paths) + use_stdin))
    if directory is not None:
        try:
            os.makedirs(directory, exist_ok=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return _usage(err, lang, msg.CannotCreateFolder(directory=directory, reason=reason))
    writer = make_writer(
        args.format,
        out,
        lang=lang,
        show_waived=args.show_waived,
        color=args.format == "text" and _color(out),
        rules=rules,
        explicit=explicit,
        baseline=baseline is not None,
        group=not args.no_group,
        directory=directory,
        docs_url=docs_base(getattr(args, "docs_url", None), directory),
    )
    progress = (
        Progress(err, len(paths) + use_stdin)
        if len(paths) + use_stdin > 1 and not args.no_progress and _isatty(err)
        else None
    )
    problems_to_err = args.format in ("json", "sarif", "html")
    summary = Summary()
    jobs = args.jobs or os.cpu_count() or 1

    def report(outcome: Outcome) -> None:
        if (
            outcome.status == "skipped"
            and outcome.path in explicit
            and outcome.path != STDIN_NAME
            and not args.skip_non_reports
        ):
            outcome = refuse_non_report(outcome.path, options)
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

    writer.start()
    try:
        if use_stdin:
            report(_stdin_outcome(args, options))
        for outcome in check_paths(paths, options, jobs):
            folders.add(outcome)
            report(outcome)
        for folder, skipped in folders.empty():
            report(no_report_found(folder, skipped, lang))
    finally:
        if progress is not None:
            progress.clear()
    writer.finish(summary)
    if summary.failed or summary.rule_errors:  # a document not loaded, or not fully checked
        return EXIT_USAGE
    failing = {
        "error": summary.errors,
        "warning": summary.errors + summary.warnings,
        "never": 0,
    }[args.fail_on]
    return EXIT_FINDINGS if failing else EXIT_OK
