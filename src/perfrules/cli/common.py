"""What every sub-command shares: exit codes, a parser that never exits, languages, problems, configuration.

Nothing here imports more than the standard library at start-up; the
configuration and rule modules are imported when a command asks for them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

if TYPE_CHECKING:
    from perfrules.errors import PerfrulesError
    from perfrules.rules.config import Config

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "ParserExit",
    "all_rules",
    "argv_lang",
    "config_path",
    "load_config",
    "make_parser_class",
    "print_problems",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class ParserExit(Exception):
    """Raised by the argument parser instead of exiting the process."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def argv_lang(argv: Sequence[str]) -> str:
    """The ``--lang`` the arguments ask for (``--lang en`` or ``--lang=en``), else ``zh``."""
    lang = "zh"
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif word.startswith("--lang="):
            lang = word.partition("=")[2]
    return "en" if lang == "en" else "zh"


def make_parser_class(out: TextIO, err: TextIO) -> type[argparse.ArgumentParser]:
    """An ArgumentParser that writes to the given streams and never exits the process.

    A value outside an argument's choices (a sub-command, ``--format``, …) is
    refused with the choices and the closest one ("did you mean"), in the
    ``--lang`` of the command line.
    """
    state = {"lang": "zh"}

    class Parser(argparse.ArgumentParser):
        def parse_known_args(  # type: ignore[override]
            self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
        ) -> tuple[argparse.Namespace, list[str]]:
            if args is not None and any(a == "--lang" or a.startswith("--lang=") for a in args):
                state["lang"] = argv_lang(args)
            return super().parse_known_args(args, namespace)

        def _check_value(self, action: argparse.Action, value: Any) -> None:
            choices = action.choices
            if choices is not None and value not in choices:
                from perfrules.cli.suggest import unknown_choice

                message = unknown_choice(str(value), [str(c) for c in choices], state["lang"])
                raise argparse.ArgumentError(action, message)

        def error(self, message: str) -> NoReturn:
            from perfrules.messages.cli import argparse_message

            self.print_usage(err)
            text = argparse_message(message, state["lang"])
            self.exit(
                EXIT_USAGE,
                f"{self.prog}{'：错误：' if state['lang'] != 'en' else ': error: '}{text}\n",
            )

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
            raise ParserExit(status)

    return Parser


def print_problems(err: TextIO, exc: PerfrulesError, lang: str) -> int:
    """Write every problem of ``exc`` to ``err``, one a line, in ``lang``; return the usage exit code."""
    for problem in exc.problems:
        err.write(problem.render(lang) + "\n")
    return EXIT_USAGE


def config_path(args: argparse.Namespace) -> str | None:
    """``--config``, else the nearest ``perfrules.toml`` from the working directory up, else None."""
    if getattr(args, "config", None):
        return str(args.config)
    from perfrules.rules.config import find_config

    found = find_config()
    return str(found) if found is not None else None


def load_config(args: argparse.Namespace) -> Config:
    """The configuration :func:`config_path` names, or the defaults."""
    from perfrules.rules.config import Config
    from perfrules.rules.config import load_config as read_config

    path = config_path(args)
    return read_config(path) if path else Config()


def all_rules(args: argparse.Namespace) -> dict[str, Any]:
    """Every rule by id, sorted: the built-in ones and the configuration's own."""
    from perfrules.rules.pack import builtin_rules

    rules: dict[str, Any] = dict(builtin_rules())
    config = load_config(args)
    for rule in config.rules:
        rules.setdefault(rule.id, rule)
    return dict(sorted(rules.items()))
