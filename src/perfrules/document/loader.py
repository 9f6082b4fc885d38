"""Reading and writing report documents (format 1, TOML or JSON).

:func:`load` and :func:`loads` return a :class:`~perfrules.document.model.Report` or
raise :class:`~perfrules.errors.DocumentError` listing every problem in the
document, each with its key path and line. Floats are parsed as
:class:`~decimal.Decimal` from their text, so ``8.20`` keeps its two decimals.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from cattrs.errors import ClassValidationError, IterableValidationError

from perfrules.document.convert import (
    MONEY_UNIT,
    REPORT_MONEY_UNITS,
    BadValue,
    converter,
    walk_errors,
)
from perfrules.document.fastpath import structure_report
from perfrules.document.model import Report
from perfrules.document.source import Source, read_toml
from perfrules.errors import DocumentError, Problem, not_regular, os_detail
from perfrules.messages import document as msg

__all__ = ["dumps", "format_of", "load", "loads", "to_data"]

#: Documents larger than this are refused before parsing (bytes).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


def format_of(path: str | os.PathLike[str], default: str = "toml") -> str:
    """The document format a file name implies (``.json`` → json, ``.toml`` → toml)."""
    suffix = Path(path).suffix.lower()
    return {".json": "json", ".toml": "toml"}.get(suffix, default)


def load(path: str | os.PathLike[str], format: str | None = None) -> Report:
    """Load the report document at ``path``; the format comes from its extension unless given."""
    name = os.fspath(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe or device would block or never end
            raise DocumentError([Problem("unreadable", file=name, params=not_regular())])
        with open(path, "rb") as fh:
            data = fh.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise DocumentError([Problem("unreadable", file=name, params=os_detail(exc))]) from None
    return loads(data, format or format_of(name), file=name)


class _Duplicate:
    """Stands in a JSON object for a key written twice, so the problem can be found at its path."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key


def _pairs_hook(seen_duplicate: list[bool]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """A ``json`` object hook that marks keys written twice (and notes that it saw one)."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):
            seen_duplicate.append(True)
            keys: set[str] = set()
            for key, _ in items:
                if key in keys:
                    out[key] = _Duplicate(key)
                keys.add(key)
        return out

    return pairs


def _duplicates(data: Any) -> list[Problem]:
    """Problems for every key a JSON document writes twice, at its key path."""
    problems = []
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, where = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                here = f"{where}.{key}" if where else str(key)
                if isinstance(value, _Duplicate):
                    detail = msg.DuplicateKey(key=key)
                    problems.append(Problem("invalid", here, params={"detail": detail}))
                else:
                    stack.append((value, here))
        elif isinstance(node, list):
            stack.extend((item, f"{where}[{i}]") for i, item in enumerate(node))
    return problems


def _parse(text: str, format: str, file: str | None) -> tuple[Any, bool]:
    """The parsed document, and whether a JSON object wrote a key twice."""
    if format == "toml":
        return read_toml(text, file, DocumentError), False
    duplicated: list[bool] = []
    try:
        raw = json.loads(
            text,
            parse_float=Decimal,
            parse_constant=Decimal,  # NaN/Infinity: refused with their key path when structured
            object_pairs_hook=_pairs_hook(duplicated),
        )
    except json.JSONDecodeError as exc:
        from perfrules.messages.parsers import parser_detail

        detail = parser_detail(exc.msg)
        raise DocumentError(
            [Problem("syntax", line=exc.lineno, file=file, params={"detail": detail})]
        ) from None
    return raw, bool(duplicated)


def _decode(data: str | bytes, file: str | None) -> str:
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            [
                Problem(
                    "too-large",
                    file=file,
                    params={"limit": MAX_DOCUMENT_BYTES},
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError([Problem("encoding", file=file, params={"detail": str(exc)})]) from None


def loads(data: str | bytes, format: str = "toml", *, file: str | None = None) -> Report:
    """Parse a report document from text (or UTF-8 bytes) in ``format`` (``toml`` or ``json``)."""
    if format not in ("toml", "json"):
        raise DocumentError([Problem("input-format", file=file, params={"found": format})])
    text = _decode(data, file)
    try:
        raw, duplicated = _parse(text, format, file)
    except RecursionError:
        raise DocumentError([Problem("too-deep", file=file)]) from None
    except ValueError as exc:  # e.g. an integer beyond Python's digit limit for int()
        raise DocumentError([Problem("syntax", file=file, params={"detail": str(exc)})]) from None
    source = Source(text, format, file)
    if format == "json" and duplicated:
        raise DocumentError(p.at(file, source.line) for p in _duplicates(raw))
    return from_data(raw, source)


def _precheck(raw: Any) -> tuple[list[Problem], str]:
    """Checks that must pass before structuring: the top level, ``format``, ``money_unit``."""
    problems: list[Problem] = []
    unit = "万元"
    if not isinstance(raw, Mapping):
        return [Problem("not-a-table", params={"found": type(raw).__name__})], unit
    fmt = raw.get("format", 1)
    if isinstance(fmt, bool) or fmt != 1:
        problems.append(Problem("format-version", "format", params={"found": fmt}))
    info = raw.get("report")
    if isinstance(info, Mapping) and "money_unit" in info:
        declared = info["money_unit"]
        if declared in REPORT_MONEY_UNITS:
            unit = declared
        else:
            problems.append(
                Problem(
                    "choice",
                    "report.money_unit",
                    params={"found": declared, "choices": ", ".join(REPORT_MONEY_UNITS)},
                )
            )
    return problems, unit


def _cross_checks(report: Report) -> Iterator[Problem]:
    """Problems that span entries: duplicate ids, unknown parents, cycles of parents."""
    first: dict[str, int] = {}
    for i, line in enumerate(report.lines):
        if line.id in first:
            yield Problem(
                "duplicate-id",
                f"lines[{i}].id",
                params={"found": line.id, "first": f"lines[{first[line.id]}]"},
            )
        else:
            first.setdefault(line.id, i)
    parents = {line.id: line.parent for line in report.lines}
    for i, line in enumerate(report.lines):
        if line.parent is not None and line.parent not in parents:
            yield Problem("unknown-parent", f"lines[{i}].parent", params={"found": line.parent})
    reported: set[str] = set()
    for start in parents:
        seen: list[str] = []
        node: str | None = start
        while node is not None and node in parents and node not in seen:
            seen.append(node)
            node = parents[node]
        if node is not None and node in seen and node not in reported:
            cycle = seen[seen.index(node) :]
            reported.update(cycle)
            index = next(i for i, ln in enumerate(report.lines) if ln.id == node)
            yield Problem(
                "parent-cycle",
                f"lines[{index}].parent",
                params={"found": " → ".join([*cycle, node])},
            )
    ids: dict[str, int] = {}
    for i, ind in enumerate(report.indicators):
        if ind.id is None:
            continue
        if ind.id in ids:
            yield Problem(
                "duplicate-id",
                f"indicators[{i}].id",
                params={"found": ind.id, "first": f"indicators[{ids[ind.id]}]"},
            )
        else:
            ids[ind.id] = i


def from_data(raw: Any, source: Source | None = None, *, fast: bool = True) -> Report:
    """Build a :class:`Report` from already-parsed data (dicts, lists, Decimals, dates).

    ``fast=False`` skips the fast path (:mod:`perfrules.document.fastpath`)
    and structures through the converter's detailed path only: the same
    report or the same problems, for the tests that hold the two to that.
    """
    file = source.file if source else None
    line_of = source.line if source else None
    problems, unit = _precheck(raw)
    report: Report | None = None
    if not problems or isinstance(raw, Mapping):
        token = MONEY_UNIT.set(unit)
        try:
            report = structure_report(raw) if fast else None
            if report is None:  # something unexpected: the detailed path explains it
                report = converter.structure(raw, Report)
        except (ClassValidationError, IterableValidationError) as exc:
            problems.extend(walk_errors(exc, ""))
        except RecursionError:
            problems.append(Problem("too-deep"))
        except (BadValue, KeyError, TypeError, ValueError) as exc:
            problems.extend(walk_errors(exc, ""))
        finally:
            MONEY_UNIT.reset(token)
    if report is not None:
        problems.extend(_cross_checks(report))
    if problems:
        # one problem per (path, code); the precheck and the converter may both see format
        unique: dict[tuple[str, str], Problem] = {}
        for p in problems:
            unique.setdefault((p.code, p.path), p)
        raise DocumentError(p.at(file, line_of) for p in unique.values())
    assert report is not None
    if source is not None:
        report = _with_source(report, source)
    return report


def _with_source(report: Report, source: Source) -> Report:
    object.__setattr__(report, "source", source)  # eq=False bookkeeping field of a fresh object
    return report


def to_data(report: Report) -> dict[str, Any]:
    """The report as plain data (dicts, lists, Decimals, dates, strings), omitting defaults."""
    data: dict[str, Any] = converter.unstructure(report)
    data.setdefault("format", 1)
    return data


def _json_text(value: Any, indent: str, out: list[str]) -> None:
    if isinstance(value, Mapping):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{\n")
        for n, (key, item) in enumerate(value.items()):
            out.append(f"{inner}{json.dumps(str(key), ensure_ascii=False)}: ")
            _json_text(item, inner, out)
            out.append(",\n" if n < len(value) - 1 else "\n")
        out.append(indent + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        out.append("[\n")
        for n, item in enumerate(value):
            out.append(inner)
            _json_text(item, inner, out)
            out.append(",\n" if n < len(value) - 1 else "\n")
        out.append(indent + "]")
    elif isinstance(value, Decimal):
        out.append(str(value))  # exact, keeps the written precision
    elif value is None or isinstance(value, (bool, int, str)):
        out.append(json.dumps(value, ensure_ascii=False))
    elif hasattr(value, "isoformat"):
        out.append(json.dumps(value.isoformat()))
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dumps(report: Report) -> str:
    """The report as a JSON document (format 1) such that ``loads(dumps(r), "json") == r``."""
    out: list[str] = []
    _json_text(to_data(report), "", out)
    return "".join(out) + "\n"
