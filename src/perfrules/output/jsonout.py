"""JSON output (``--format json``): a stable contract, ``"version": 1``.

The document, written as it is produced (one file object at a time)::

    {
      "version": 1,
      "tool": {"name": "perfrules", "version": "<perfrules version>"},
      "files": [
        {
          "path": "examples/quyuan-2024.toml",   # as given or found
          "profile": "national",                 # id of the scoring profile used; null if not loaded
          "score": {...} | null,                  # the score sheet, see below; null if not loaded
          "findings": [
            {
              "rule": "PR023",                   # stable rule id
              "category": "unit",                # one of perfrules.rules.findings.CATEGORIES
              "severity": "error",               # error | warning | info (as configured)
              "message": "...",                  # in --lang (zh default, en)
              "about": "line:public",            # the subject, in claims' about syntax
              "path": "lines[2].executed",       # key path into the document
              "line": 92 | null,                 # 1-based line in the file, when known
              "expected": 1.12 | "..." | null,   # number (exact, as written) or text
              "found": 0.000112 | "..." | null,
              "place": null | {                  # a report read as written: where in the original
                "file": "report.docx", "render": "report.docx: 表2 第5行 “实际完成值”",
                "label": "表2 第5行 “实际完成值”", "text": "<the source text>",
                "format": "docx", "table": 2, "row": 5, "cell": 7, "column_name": "实际完成值"
              },                                 # (+ line, column, page, paragraph, sheet, ref as set)
              "known": false                     # true: present in the --baseline
            }
          ],
          "waived": [ {... same keys ..., "reason": "<the waiver's reason>"} ],
          "error": null | {
            "message": "...", "path": "<key path>", "line": 3 | null,   # the first problem
            "problems": [{"message", "path", "line", "file"}, ...]      # every problem
          },
          "extraction": null | {                 # a report read as written (.txt .docx .xlsx .pdf)
            "file", "format", "indicators_found", "notes", "review", "unread", "overrides"
          }
        }
      ],
      "summary": {
        "files": 6,        # documents reported (checked or failed; skipped ones are not listed)
        "errors": 3, "warnings": 4, "infos": 1,   # unwaived findings not in the baseline
        "known": 0,        # findings present in the baseline
        "waived": 0,       # findings silenced by a waiver with a reason
        "failed": 0,       # documents that could not be loaded (their "error" is set)
        "skipped": 0       # files that are not report documents
      }
    }

The ``score`` block: ``profile``; ``indicators`` (each ``about``, ``path``,
``name``, ``tier``, ``target``, ``actual``, ``weight``, ``stated``,
``recomputed``, ``method``, ``met``, ``formula``, ``reason``); ``tiers`` (each
``tier``, ``weight``, ``stated``, ``stated_sum``, ``recomputed``, ``partial``);
``execution`` (``weight``, ``rate``, ``stated``, ``recomputed``, ``formula``);
``total`` (``stated``, ``stated_sum``, ``recomputed``, ``partial``,
``weights``, ``expected_weights``); ``grade`` (``stated``,
``of_stated_score``, ``recomputed``).

Numbers are written exactly as perfrules holds them (decimals, never
rounded through binary floating point). Keys may be added within version 1;
none is renamed or removed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfrules._version import __version__
from perfrules.output.writer import Summary, Writer

if TYPE_CHECKING:
    from perfrules.output.records import Outcome, ProblemRecord, Record

__all__ = ["VERSION", "JsonWriter", "encode", "file_data", "finding_data", "place_data"]

#: The version of the JSON output contract.
VERSION = 1


def encode(value: Any, indent: str = "", step: str = "  ") -> str:
    """``value`` as JSON text, Decimals as exact numbers, pretty-printed from ``indent``."""
    out: list[str] = []
    _encode(value, indent, step, out)
    return "".join(out)


def _encode(value: Any, indent: str, step: str, out: list[str]) -> None:
    if isinstance(value, Mapping):
        if not value:
            out.append("{}")
            return
        inner = indent + step
        out.append("{\n")
        last = len(value) - 1
        for n, (key, item) in enumerate(value.items()):
            out.append(f"{inner}{json.dumps(str(key), ensure_ascii=False)}: ")
            _encode(item, inner, step, out)
            out.append(",\n" if n < last else "\n")
        out.append(indent + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = indent + step
        out.append("[\n")
        last = len(value) - 1
        for n, item in enumerate(value):
            out.append(inner)
            _encode(item, inner, step, out)
            out.append(",\n" if n < last else "\n")
        out.append(indent + "]")
    elif isinstance(value, Decimal):
        out.append(str(value) if value.is_finite() else json.dumps(str(value)))
    elif value is None or isinstance(value, (bool, int, str, float)):
        out.append(json.dumps(value, ensure_ascii=False))
    else:
        out.append(json.dumps(str(value), ensure_ascii=False))


def place_data(f: Record) -> dict[str, Any] | None:
    """Where a finding about a report read as written stands in the original file (else None)."""
    o = f.origin
    if o is None:
        return None
    return {"file": o.file, "render": o.render, "label": o.label, "text": o.text, **o.place}


def finding_data(f: Record, waived: bool = False) -> dict[str, Any]:
    """One finding of the contract."""
    data: dict[str, Any] = {
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "about": f.about,
        "path": f.path,
        "line": f.line,
        "expected": f.expected,
        "found": f.found,
        "place": place_data(f),
    }
    if waived:
        data["reason"] = f.reason
    else:
        data["known"] = f.known
    return data


def _problem_data(p: ProblemRecord) -> dict[str, Any]:
    return {"message": p.message, "path": p.path, "line": p.line, "file": p.file}


def file_data(outcome: Outcome) -> dict[str, Any]:
    """One entry of ``files``."""
    error: dict[str, Any] | None = None
    if outcome.problems:
        first = outcome.problems[0]
        error = {
            "message": first.message,
            "path": first.path,
            "line": first.line,
            "problems": [_problem_data(p) for p in outcome.problems],
        }
    return {
        "path": outcome.path,
        "profile": outcome.profile,
        "score": outcome.score,
        "findings": [finding_data(f) for f in outcome.findings],
        "waived": [finding_data(f, waived=True) for f in outcome.waived],
        "error": error,
        "extraction": outcome.extraction,
    }


class JsonWriter(Writer):
    """The JSON contract, streamed one file object at a time."""

    _first = True

    def start(self) -> None:
        """Open the document and the ``files`` array."""
        tool = encode({"name": "perfrules", "version": __version__}, "  ")
        self.out.write(f'{{\n  "version": {VERSION},\n  "tool": {tool},\n  "files": [')

    def file(self, outcome: Outcome) -> None:
        """Write one file object (skipped documents are left out)."""
        if outcome.status == "skipped":
            return
        sep = "\n    " if self._first else ",\n    "
        self._first = False
        self.out.write(sep + encode(file_data(outcome), "    "))
        self.out.flush()

    def finish(self, summary: Summary) -> None:
        """Close ``files`` and write the summary."""
        close = "]" if self._first else "\n  ]"
        data = {
            "files": summary.files,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
            "known": summary.known,
            "waived": summary.waived,
            "failed": summary.failed,
            "skipped": summary.skipped,
            "rule_errors": summary.rule_errors,
        }
        self.out.write(f'{close},\n  "summary": {encode(data, "  ")}\n}}\n')
        self.out.flush()
