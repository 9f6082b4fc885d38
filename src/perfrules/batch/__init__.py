"""Checking many report documents: finding them, checking them in parallel, in order.

The command line checks files and folders through this module:

- :func:`discover` expands the paths given into report candidates (``*.toml``
  and ``*.json`` documents and ``*.txt``, ``*.docx``, ``*.xlsx``, ``*.pdf``
  reports as written under folders, hidden entries and ``perfrules.toml``
  left out, symlinked folders visited once so loops end), sorted by path.
- :func:`check_path` loads and checks one document and returns an
  :class:`~perfrules.output.records.Outcome`: small, picklable records with
  the messages already rendered in the requested language (and, for HTML
  output, the report's own data for its page). A report as written is
  extracted first and its findings placed in the original file
  (:mod:`perfrules.batch.written`). A document that
  is not a report at all (no report key at its top level, like
  ``pyproject.toml``, a previous JSON output or an empty file) is *skipped*,
  not failed; given ``data`` (standard input's bytes) it checks those.
- :func:`refuse_non_report` and :func:`no_report_found` turn a skipped
  document named on the command line, and a named folder in which nothing
  was found, into failures that say why (no silent pass).
- :func:`check_paths` runs :func:`check_path` over every candidate, in a
  process pool when asked for more than one job, and yields the outcomes in
  the candidates' order whatever the workers' timing. Only a bounded window of
  work is in flight, so memory stays flat for any number of documents; each
  worker compiles the rules once, from the :class:`Options` (plain data: the
  configuration file's path and the command-line choices), never from
  compiled objects.

The records, the score data and the baseline are the reporting stage's
(:mod:`perfrules.output.records`, :mod:`perfrules.output.scoredata`,
:mod:`perfrules.output.baseline`).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from perfrules.batch.written import WRITTEN_SUFFIXES, read_written, records, superseded
from perfrules.batch.written import written_format as _written_format
from perfrules.document.encoding import explain_encoding
from perfrules.document.loader import MAX_DOCUMENT_BYTES, format_of, load, loads
from perfrules.document.model import REPORT_PARTS
from perfrules.errors import DocumentError, PerfrulesError, Problem
from perfrules.messages import Message
from perfrules.messages import output as msg
from perfrules.output.records import Outcome, finding_record, problem_record
from perfrules.rules.config import CONFIG_NAME, Config, load_config

if TYPE_CHECKING:
    from perfrules.rules.engine import RuleSet

__all__ = [
    "REPORT_KEYS",
    "SUFFIXES",
    "Options",
    "check_path",
    "check_paths",
    "discover",
    "no_report_found",
    "prepare",
    "refuse_non_report",
]

#: Top-level keys of report format 1; a document with none of them is not a report.
REPORT_KEYS = frozenset(REPORT_PARTS)

#: File name suffixes searched for in folders: documents, and reports as written.
SUFFIXES = (".toml", ".json", *WRITTEN_SUFFIXES)


class Options(NamedTuple):
    """What every worker needs to check a document the way the command line asked (plain data)."""

    config: str | None = None  # path of perfrules.toml, or None for the defaults
    select: tuple[str, ...] | None = None  # replaces the configuration's select when given
    ignore: tuple[str, ...] = ()  # added to the configuration's ignore
    profile: str | None = None  # overrides the configuration's and the report's profile
    lang: str = "zh"
    input_format: str | None = None  # toml | json | text | docx | xlsx | pdf | None (by extension)
    want_score: bool = False  # compute the score sheet (JSON and HTML output)
    want_report: bool = False  # keep the report's own data for the page (HTML output)
    # --skip-non-reports: a report as written that is empty or reads as no report is skipped
    skip_non_reports: bool = False


# --- finding the documents ------------------------------------------------------------


def _is_candidate(name: str) -> bool:
    return name.lower().endswith(SUFFIXES) and name != CONFIG_NAME and not name.startswith(".")


def _walk(root: str, seen: set[tuple[int, int]]) -> Iterator[str | tuple[str, str]]:
    """Candidate files under ``root``; unreadable folders as ``(path, reason)``."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as exc:
            yield folder, exc.strerror or str(exc)
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:  # a symlink back to a folder already searched: a loop, or a duplicate
            continue
        seen.add(key)
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            yield folder, exc.strerror or str(exc)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(entry.path)
            elif _is_candidate(entry.name):
                yield entry.path


def discover(paths: Iterable[str]) -> list[tuple[str, bool]]:
    """The documents to check for the paths given: ``(path, explicit)`` sorted by path.

    A folder is searched recursively; a path that is not a folder is a
    document, even when it does not exist (loading it then reports why).
    ``explicit`` is False for documents found in folders. A folder that cannot
    be read comes back as an explicit path, so that checking it fails with the
    reason. Duplicates are removed, and so is a report as written found in a
    folder beside the document extracted from it (:func:`~perfrules.batch.written.superseded`).
    """
    found: dict[str, tuple[str, bool]] = {}
    seen: set[tuple[int, int]] = set()
    for path in paths:
        if os.path.isdir(path):
            for item in _walk(path, seen):
                name = os.path.normpath(item if isinstance(item, str) else item[0])
                found.setdefault(name, (name, not isinstance(item, str)))
        else:
            key = os.path.normpath(path)
            if key not in found or not found[key][1]:
                found[key] = (path, True)
    left = superseded([p for p, explicit in found.values() if not explicit])
    return sorted((v for v in found.values() if v[0] not in left), key=lambda item: item[0])


# --- checking one document --------------------------------------------------------------

#: Per process: the configuration and compiled rules for each Options (compiled once).
_STATE: dict[Options, tuple[Config, RuleSet]] = {}


def prepare(options: Options) -> tuple[Config, RuleSet]:
    """The configuration and compiled rules ``options`` describe (cached per process).

    Raises :class:`~perfrules.errors.ConfigError` for a bad configuration or selection.
    """
    state = _STATE.get(options)
    if state is None:
        from perfrules.rules.engine import compile_rules

        config = load_config(options.config) if options.config else Config()
        changes: dict[str, Any] = {"ignore": (*config.ignore, *options.ignore)}
        if options.select is not None:
            changes["select"] = options.select
        if options.profile is not None:
            changes["profile"] = options.profile
        config = config.with_changes(**changes)
        state = _STATE[options] = (config, compile_rules(config))
    return state


def _parsed(raw: bytes, fmt: str) -> Any:
    """``raw`` parsed as ``fmt``; raises ValueError or RecursionError when it does not parse."""
    text = raw.decode("utf-8-sig")
    if fmt == "json":
        return json.loads(text)
    import tomli

    return tomli.loads(text)


def _not_a_report(path: str, fmt: str, exc: DocumentError, data: bytes | None = None) -> bool:
    """True when the document failed to load because it is something else entirely."""
    codes = {(p.code, p.path) for p in exc.problems}
    if ("not-a-table", "") in codes:
        return True
    if any(code == "syntax" for code, _ in codes):  # an empty JSON file does not parse
        raw = _read(path, data)
        return raw is not None and not raw.removeprefix(b"\xef\xbb\xbf").strip()
    if ("missing-key", "report") not in codes:
        return False
    raw = _read(path, data)
    try:
        parsed = _parsed(raw, fmt) if raw is not None else None
    except (ValueError, RecursionError):
        return False
    return isinstance(parsed, Mapping) and not (REPORT_KEYS & set(parsed))


def _read(path: str, data: bytes | None) -> bytes | None:
    """The document's bytes: ``data`` when given, else the file's (None when unreadable)."""
    if data is not None:
        return data
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_DOCUMENT_BYTES + 1)
    except OSError:
        return None


#: What extracting a report as written says of a file that holds no report at all (an
#: empty file, a text or Word file that states no report year or title): with
#: ``--skip-non-reports`` such a file is skipped, like a TOML file that is not a report.
_NOT_WRITTEN = frozenset({"empty-file", "not-a-report"})


def check_path(path: str, options: Options, *, data: bytes | None = None) -> Outcome:
    """Load and check the document at ``path``; never raises for bad input.

    With ``data`` the document is those bytes (standard input), named ``path``.
    """
    lang = options.lang
    try:
        written = _written_format(path, options.input_format)
        extraction = None
        if written is not None:
            try:
                extraction = read_written(path, written, data)
            except DocumentError as exc:
                if options.skip_non_reports and {p.code for p in exc.problems} <= _NOT_WRITTEN:
                    return Outcome(path, "skipped")
                raise
            report = extraction.report
        else:
            fmt = options.input_format or format_of(path)
            try:
                report = load(path, fmt) if data is None else loads(data, fmt, file=path)
            except DocumentError as exc:
                if _not_a_report(path, fmt, exc, data):
                    return Outcome(path, "skipped")
                raise explain_encoding(exc, path, data, MAX_DOCUMENT_BYTES) from None
        from perfrules.rules.engine import check
        from perfrules.scoring.profiles import resolve_profile

        config, rules = prepare(options)
        profile = resolve_profile(report, config.profile)  # prepare() put --profile in config
        result = check(report, rules, profile=profile)
        sheet: Mapping[str, Any] | None = None
        if options.want_score:
            from perfrules.output.scoredata import score_data
            from perfrules.scoring.scorer import score

            sheet = score_data(result.sheet or score(report, profile), lang)
        view = None
        if options.want_report:
            from perfrules.output.reportview import report_view

            view = report_view(report)
        if extraction is not None:  # a line of the generated document means nothing here
            errors = result.errors
            return Outcome(
                path,
                "checked",
                result.profile,
                records(extraction, result.findings, lang),
                records(extraction, result.waived, lang),
                tuple(problem_record(attrs.evolve(e, line=None), path, lang) for e in errors),
                sheet,
                view,
                extraction.as_json(),
            )
        return Outcome(
            path,
            "checked",
            result.profile,
            tuple(finding_record(f, lang) for f in result.findings),
            tuple(finding_record(f, lang) for f in result.waived),
            tuple(problem_record(p, path, lang) for p in result.errors),
            sheet,
            view,
        )
    except PerfrulesError as exc:
        return Outcome(
            path, "failed", problems=tuple(problem_record(p, path, lang) for p in exc.problems)
        )
    except RecursionError:
        return Outcome(path, "failed", problems=(problem_record(Problem("too-deep"), path, lang),))
    except (
        Exception
    ) as exc:  # a bug in perfrules: report it for this document, go on with the others
        if os.environ.get("PERFRULES_DEBUG"):
            raise
        detail = msg.InternalError(error=f"{type(exc).__name__}: {exc}")
        problem = Problem("invalid", params={"detail": detail})
        return Outcome(path, "failed", problems=(problem_record(problem, path, lang),))


# --- named paths that hold no report ----------------------------------------------------------


def _refusal(path: str, lang: str, detail: Message) -> Outcome:
    problem = Problem("invalid", params={"detail": detail})
    return Outcome(path, "failed", problems=(problem_record(problem, path, lang),))


def refuse_non_report(path: str, options: Options, data: bytes | None = None) -> Outcome:
    """A document named on the command line that is not a report, as a failure saying why.

    ``path`` is one :func:`check_path` skipped (``data``: its bytes, for
    standard input). Why: it is empty, holds no keys, holds none of the
    report's top-level keys, or is not a table at all.
    """
    raw = _read(path, data)
    body = (raw or b"").removeprefix(b"\xef\xbb\xbf").strip()
    try:
        parsed = _parsed(body, options.input_format or format_of(path)) if body else {}
    except (ValueError, RecursionError):  # it parsed when checked: changed since, or unreadable
        parsed = None
    reason: Message
    if not body:
        reason = msg.FileEmpty()
    elif isinstance(parsed, Mapping) and not parsed:
        reason = msg.NoKeys()
    elif isinstance(parsed, Mapping):
        reason = msg.TopKeys(keys=msg.Keys(keys=tuple(sorted(str(k) for k in parsed))))
    else:
        kind = (
            msg.TopList()
            if isinstance(parsed, list)
            else msg.TopText()
            if isinstance(parsed, str)
            else msg.TopBoolean()
            if isinstance(parsed, bool)
            else msg.TopNumber()
            if isinstance(parsed, (int, float))
            else msg.TopNull()
        )
        reason = msg.TopLevel(kind=kind)
    return _refusal(path, options.lang, msg.NotAReport(reason=reason, hint=msg.SkipHint()))


def no_report_found(folder: str, skipped: int, lang: str) -> Outcome:
    """A folder named on the command line in which no report document was found, as a failure."""
    count: Message | str = ""
    if skipped:
        count = (msg.SkippedOne if skipped == 1 else msg.SkippedMany)(count=skipped)
    return _refusal(folder, lang, msg.NoReportFound(skipped=count))


# --- many documents -------------------------------------------------------------------------


def _check_chunk(chunk: Sequence[str], options: Options) -> list[Outcome]:
    return [check_path(path, options) for path in chunk]


def _init_worker(options: Options) -> None:
    """Start a worker: leave Ctrl-C to the main process, and compile the rules once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process stops the pool
    with contextlib.suppress(PerfrulesError):  # a bad configuration surfaces per document
        prepare(options)


def check_paths(
    paths: Sequence[str], options: Options, jobs: int = 1, chunksize: int | None = None
) -> Iterator[Outcome]:
    """Check every path, yielding outcomes in the order of ``paths``.

    With ``jobs`` > 1 the documents are checked by a pool of that many
    processes in chunks of ``chunksize`` paths; at most ``2 × jobs`` chunks are
    in flight, so results are streamed and memory does not grow with the
    number of documents.
    """
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield check_path(path, options)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    jobs = min(jobs, len(paths))
    size = chunksize or max(1, min(32, len(paths) // (jobs * 4)))
    chunks = (paths[i : i + size] for i in range(0, len(paths), size))
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(options,))
    pending: deque[Future[list[Outcome]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_check_chunk, chunk, options))
            if len(pending) >= 2 * jobs:
                break
        while pending:
            outcomes = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(_check_chunk, following, options))
            yield from outcomes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
