"""The ``perfrules`` command: check, score and explain self-evaluation reports.

Commands::

    perfrules check PATH...      check report documents (files, or folders searched for
                                 *.toml / *.json report documents)
    perfrules score FILE         the score sheet: each indicator's stated and recomputed score
    perfrules rules              every rule: id, category, severity, title
    perfrules explain RULE       a rule's documentation, with its passing and failing examples
    perfrules profiles           the scoring profiles and the regulations they follow
    perfrules schema             the JSON Schema of report format 1
    perfrules init [PATH]        write a commented template report document
    perfrules --version

``check`` options: ``--config FILE`` (default: the nearest ``perfrules.toml``
from the working directory upward), ``--profile ID|FILE``, ``--select`` /
``--ignore`` (rule ids or categories, comma-separated or repeated; ``--select``
replaces the configuration's selection, ``--ignore`` adds to its list),
``--format text|json|sarif|github``, ``--lang zh|en``, ``--fail-on
error|warning|never``, ``--baseline FILE`` (an earlier ``--format json``
output: findings already in it are reported as known and do not fail the
run), ``--show-waived``, ``--input-format toml|json``, ``--jobs N`` (default:
all cores), ``--no-progress``.

Exit codes:

- 0: no finding at or above ``--fail-on`` (default ``error``), other than known ones;
- 1: at least one such finding;
- 2: a usage error, a bad configuration or baseline, or a document that could
  not be loaded (the other documents are still checked and reported).

JSON output (``--format json``), contract version 1 (details and the score
block in :mod:`perfrules.output.jsonout`)::

    {"version": 1,
     "tool": {"name", "version"},
     "files": [{"path", "profile", "score": {...} | null,
                "findings": [{"rule", "category", "severity", "message", "about",
                              "path", "line", "expected", "found", "known"}],
                "waived": [{... the same keys without "known" ..., "reason"}],
                "error": null | {"message", "path", "line", "problems": [...]}}],
     "summary": {"files", "errors", "warnings", "infos", "known", "waived",
                 "failed", "skipped"}}

``path`` of a finding is the key path in the document (``lines[2].executed``),
``line`` its line in the file (or null); ``expected``/``found`` are exact
numbers or texts (or null); ``known`` marks findings present in the baseline,
which ``errors``/``warnings``/``infos`` do not count. Documents that are not
reports (no report key at their top level) are counted in ``skipped`` and not
listed. Keys may be added within version 1, never renamed or removed.

Nothing here formats a message until it is written, and bad input never
gives a traceback: every :class:`~perfrules.errors.PerfrulesError` is written
one problem per line as ``path:line: keypath: message`` in ``--lang``.
:func:`run` is the whole command, pure over its streams, for tests and
embedding; :func:`main` is the console script.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from perfrules._version import __version__

if TYPE_CHECKING:
    from perfrules.errors import PerfrulesError
    from perfrules.rules.config import Config

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main", "run"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _Exit(Exception):
    """Raised by the argument parser instead of exiting the process."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _parser_class(out: TextIO, err: TextIO) -> type[argparse.ArgumentParser]:
    """An ArgumentParser that writes to the given streams and never exits the process."""

    class Parser(argparse.ArgumentParser):
        def _print_message(self, message: str, file: Any = None) -> None:
            if not message:
                return
            if file is None or file is sys.stdout:
                out.write(message)
            elif file is sys.stderr:
                err.write(message)
            else:
                file.write(message)

        def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
            if message:
                err.write(message)
            raise _Exit(status)

    return Parser


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _build_parser(out: TextIO, err: TextIO) -> argparse.ArgumentParser:
    parser_class = _parser_class(out, err)
    parser = parser_class(
        prog="perfrules",
        description="Check Chinese budget performance self-evaluation reports (绩效自评报告).",
        epilog=(
            "exit codes: 0 no finding at or above --fail-on, 1 findings, "
            "2 usage error or a document that could not be loaded"
        ),
    )
    parser.add_argument("--version", action="version", version=f"perfrules {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    lang = parser_class(add_help=False)
    lang.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of messages (default: zh)"
    )
    config = parser_class(add_help=False)
    config.add_argument(
        "--config", metavar="FILE", help="configuration file (default: the nearest perfrules.toml)"
    )
    profile = parser_class(add_help=False)
    profile.add_argument(
        "--profile",
        metavar="ID|FILE",
        help="scoring profile (default: the report's, else national)",
    )
    profile.add_argument(
        "--input-format",
        choices=("toml", "json"),
        help="read documents as this format (default: by file extension)",
    )

    check = sub.add_parser(
        "check",
        parents=[lang, config, profile],
        help="check report documents",
        description="Check report documents (files, or folders of *.toml / *.json reports).",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    check.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="only these rule ids or categories (comma-separated or repeated)",
    )
    check.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="leave out these rule ids or categories (comma-separated or repeated)",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github"),
        default="text",
        help="output format",
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    check.add_argument(
        "--baseline",
        metavar="FILE",
        help="an earlier --format json output: its findings are known and do not fail the run",
    )
    check.add_argument("--show-waived", action="store_true", help="also show waived findings")
    check.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="worker processes (default: all cores)",
    )
    check.add_argument(
        "--no-progress", action="store_true", help="no progress bar on a terminal's stderr"
    )

    score = sub.add_parser(
        "score",
        parents=[lang, config, profile],
        help="the score sheet of a report",
        description="Each indicator's stated and recomputed score, tier subtotals, total and grade.",
    )
    score.add_argument("file", metavar="FILE", help="a report document")
    score.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    sub.add_parser(
        "rules", parents=[lang, config], help="list every rule", description="List every rule."
    )
    explain = sub.add_parser(
        "explain",
        parents=[lang, config],
        help="a rule's documentation",
        description="A rule's documentation, with its passing and failing examples.",
    )
    explain.add_argument("rule", metavar="RULE", help="rule id (PR023) or name (unit-slip)")
    sub.add_parser(
        "profiles",
        parents=[lang],
        help="list the scoring profiles",
        description="List the scoring profiles.",
    )
    sub.add_parser(
        "schema",
        help="print the JSON Schema of report format 1",
        description="Print the JSON Schema (draft 2020-12) of report format 1.",
    )
    init = sub.add_parser(
        "init",
        parents=[lang],
        help="write a template report document",
        description="Write a commented template report document ('-' for standard output).",
    )
    init.add_argument(
        "path", nargs="?", default="report.toml", metavar="PATH", help="default: report.toml"
    )
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


# --- helpers ---------------------------------------------------------------------------------


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


def _problems(err: TextIO, exc: PerfrulesError, lang: str) -> int:
    for problem in exc.problems:
        err.write(problem.render(lang) + "\n")
    return EXIT_USAGE


def _config_path(args: argparse.Namespace) -> str | None:
    if getattr(args, "config", None):
        return str(args.config)
    from perfrules.rules.config import find_config

    found = find_config()
    return str(found) if found is not None else None


def _load_config(args: argparse.Namespace) -> Config:
    from perfrules.rules.config import Config, load_config

    path = _config_path(args)
    return load_config(path) if path else Config()


class _Progress:
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


# --- commands -------------------------------------------------------------------------------


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from perfrules.batch import Options, check_paths, discover, prepare
    from perfrules.errors import PerfrulesError
    from perfrules.output import Summary, make_writer
    from perfrules.output.baseline import load_baseline

    lang = args.lang
    options = Options(
        config=_config_path(args),
        select=_selectors(args.select),
        ignore=_selectors(args.ignore) or (),
        profile=args.profile,
        lang=lang,
        input_format=args.input_format,
        want_score=args.format == "json",
    )
    try:
        _config, rules = prepare(options)
        if args.profile:
            from perfrules.scoring.profiles import load_profile

            load_profile(args.profile)  # an unknown profile is a usage error, not one per file
        baseline = load_baseline(args.baseline) if args.baseline else None
    except PerfrulesError as exc:
        return _problems(err, exc, lang)
    candidates = discover(args.paths)
    paths = [path for path, _ in candidates]
    explicit = frozenset(path for path, is_explicit in candidates if is_explicit)
    writer = make_writer(
        args.format,
        out,
        lang=lang,
        show_waived=args.show_waived,
        color=args.format == "text" and _color(out),
        rules=rules,
        explicit=explicit,
        baseline=baseline is not None,
    )
    progress = (
        _Progress(err, len(paths))
        if len(paths) > 1 and not args.no_progress and _isatty(err)
        else None
    )
    problems_to_err = args.format in ("json", "sarif")
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


def _cmd_score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from perfrules.document.loader import format_of, load
    from perfrules.errors import PerfrulesError
    from perfrules.scoring.profiles import load_profile
    from perfrules.scoring.scorer import score

    lang = args.lang
    try:
        config = _load_config(args)
        report = load(args.file, args.input_format or format_of(args.file))
        name = args.profile or config.profile or report.report.profile or "national"
        profile = load_profile(name, report.report.year)
        sheet = score(report, profile)
    except PerfrulesError as exc:
        return _problems(err, exc, lang)
    if args.format == "json":
        from perfrules.output.jsonout import encode
        from perfrules.output.scoredata import score_data

        out.write(encode(score_data(sheet, lang)) + "\n")
    else:
        from perfrules.output.text import score_table

        out.write(score_table(sheet, args.file, lang))
    return EXIT_OK


def _all_rules(args: argparse.Namespace) -> dict[str, Any]:
    from perfrules.rules.pack import builtin_rules

    rules: dict[str, Any] = dict(builtin_rules())
    config = _load_config(args)
    for rule in config.rules:
        rules.setdefault(rule.id, rule)
    return dict(sorted(rules.items()))


def _cmd_rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from perfrules.errors import PerfrulesError

    try:
        rules = _all_rules(args)
    except PerfrulesError as exc:
        return _problems(err, exc, args.lang)
    width = max((len(r.category) for r in rules.values()), default=8)
    for rule in rules.values():
        out.write(
            f"{rule.id}  {rule.category:<{width}}  {rule.severity.value:<7}  {rule.title.get(args.lang)}\n"
        )
    return EXIT_OK


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(
        prefix + line if line.strip() else "" for line in text.strip("\n").splitlines()
    )


def _example_findings(rule: Any, config: Config, lang: str) -> list[str]:
    """What perfrules reports for the rule's failing example (empty when it cannot be run)."""
    from perfrules.document.loader import loads
    from perfrules.errors import PerfrulesError
    from perfrules.output.records import finding_record
    from perfrules.output.text import finding_line
    from perfrules.rules.engine import check

    try:
        report = loads(rule.doc.failing, file="failing.toml")
        result = check(report, config.with_changes(select=(rule.id,), ignore=()))
    except PerfrulesError:
        return []
    return [
        finding_line("failing.toml", finding_record(f, lang), lang=lang)
        for f in result.findings
        if f.rule == rule.id
    ]


def _cmd_explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from perfrules.errors import PerfrulesError

    lang = args.lang
    try:
        rules = _all_rules(args)
        config = _load_config(args)
    except PerfrulesError as exc:
        return _problems(err, exc, lang)
    wanted = args.rule.strip()
    rule = rules.get(wanted.upper()) or next((r for r in rules.values() if r.name == wanted), None)
    if rule is None:
        err.write(
            _t(
                lang,
                f"perfrules explain: 没有规则 {wanted}（`perfrules rules` 列出全部规则）\n",
                f"perfrules explain: no rule {wanted} (`perfrules rules` lists them all)\n",
            )
        )
        return EXIT_USAGE
    doc = rule.doc
    parts = [
        f"{rule.id} {rule.name}: {rule.title.get(lang)}",
        _t(
            lang,
            f"类别 {rule.category} · 严重程度 {rule.severity.value}",
            f"category {rule.category} · severity {rule.severity.value}",
        )
        + (
            f" · {_t(lang, '适用年度', 'years')} {rule.years[0]}–{rule.years[1]}"
            if rule.years
            else ""
        ),
        "",
        _t(lang, "检查内容 (what)", "What it checks"),
        _indent(doc.what),
        "",
        _t(lang, "原因 (why)", "Why"),
        _indent(doc.why),
        "",
        _t(lang, "依据 (source)", "Source"),
        _indent(doc.source),
        "",
        _t(lang, "提示信息", "Message"),
        _indent(rule.message.get(lang)),
    ]
    if rule.params:
        parts += [
            "",
            _t(
                lang,
                "参数（在 perfrules.toml 的 [params] 中设置）",
                "Parameters (set in perfrules.toml under [params])",
            ),
        ]
        for name, param in rule.params.items():
            default = (
                format(param.default, "f") if hasattr(param.default, "as_tuple") else param.default
            )
            line = f"{name} ({param.type}, default {default})"
            parts.append(_indent(line + (f": {param.doc}" if param.doc else "")))
    if doc.passing.strip():
        parts += ["", _t(lang, "通过的示例", "Passing example"), _indent(doc.passing)]
    if doc.failing.strip():
        parts += ["", _t(lang, "不通过的示例", "Failing example"), _indent(doc.failing)]
        found = _example_findings(rule, config, lang)
        if found:
            parts += ["", _t(lang, "perfrules 对该示例的检查结果", "What perfrules reports for it")]
            parts += [_indent(line) for line in found]
    out.write("\n".join(parts) + "\n")
    return EXIT_OK


def _cmd_profiles(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from perfrules.errors import PerfrulesError
    from perfrules.scoring.profiles import available_profiles

    lang = args.lang
    try:
        profiles = available_profiles()
    except PerfrulesError as exc:
        return _problems(err, exc, lang)
    blocks = []
    for p in profiles:
        lines = [f"{p.id}: {p.title}"]
        if p.extends:
            lines.append(f"  {_t(lang, '继承', 'extends')}: {', '.join(p.extends)}")
        if p.years is not None:
            first, last = p.years
            span = f"{first}–" if last >= 9999 else f"{first}–{last}"
            lines.append(f"  {_t(lang, '适用年度', 'years')}: {span}")
        if p.sources:
            lines.append(f"  {_t(lang, '依据', 'sources')}:")
            lines.extend(f"    - {s}" for s in p.sources)
        blocks.append("\n".join(lines))
    out.write("\n\n".join(blocks) + "\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from perfrules.document.schema import schema_text

    out.write(schema_text())
    return EXIT_OK


def _cmd_init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
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
            _t(
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
        err.write(_t(lang, f"{path}: 无法写入：{reason}\n", f"{path}: cannot write: {reason}\n"))
        return EXIT_USAGE
    out.write(
        _t(
            lang,
            f"已写入 {path}：请填入报告数据后运行 perfrules check {path}\n",
            f"wrote {path}: fill in your report, then run perfrules check {path}\n",
        )
    )
    return EXIT_OK


_COMMANDS = {
    "check": _cmd_check,
    "score": _cmd_score,
    "rules": _cmd_rules,
    "explain": _cmd_explain,
    "profiles": _cmd_profiles,
    "schema": _cmd_schema,
    "init": _cmd_init,
}


def run(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    """Run the ``perfrules`` command with arguments ``argv``; return the exit code.

    Everything is written to ``stdout`` and ``stderr``; nothing exits the
    process. Bad input gives messages and exit code 2, never a traceback.
    """
    parser = _build_parser(stdout, stderr)
    try:
        args = parser.parse_args(list(argv))
    except _Exit as stop:
        return stop.status
    if args.command is None:
        parser.print_help(stderr)
        return EXIT_USAGE
    from perfrules.errors import PerfrulesError

    try:
        return _COMMANDS[args.command](args, stdout, stderr)
    except PerfrulesError as exc:  # anything a command did not handle itself
        return _problems(stderr, exc, getattr(args, "lang", "zh"))


def main() -> NoReturn:
    """The console script: :func:`run` over the process's streams."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
    try:
        code = run(sys.argv[1:], sys.stdout, sys.stderr)
        sys.stdout.flush()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # the reader went away (perfrules check ... | head): exit quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_FINDINGS
    sys.exit(code)
