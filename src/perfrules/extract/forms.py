"""Form knowledge: the labels, column headers, section titles and words reports use, read from ``rules/forms/``.

Every file of ``rules/forms/*.toml`` is validated when loaded (a malformed one
is a :class:`~perfrules.errors.RulePackError` naming the file, key path and
line) and the files are merged: their word lists into one vocabulary, their
table templates (``[budget_table]``, ``[indicator_table]``) kept apart, so
that a region's form is one more file, no code. Labels are compared
:func:`folded`: full-width forms and spaces folded (NFKC), traditional
characters simplified.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from perfrules.document.convert import structure
from perfrules.document.model import BUDGET_FIGURES, LineKind
from perfrules.document.source import nearest, read_toml, toml_lines
from perfrules.document.textfile import read_settings
from perfrules.errors import Problem, RulePackError
from perfrules.messages import extract as msg
from perfrules.resources import rules_dir

__all__ = [
    "BUDGET_FIELDS",
    "Forms",
    "LineLabel",
    "Template",
    "folded",
    "forms",
    "load_forms",
    "unbracketed",
]

#: The budget block's fields a label may name (format 1 ``[budget]``).
BUDGET_FIELDS = BUDGET_FIGURES
_Words = list[str]


@attrs.frozen
class _Meta:
    id: str
    title: str = ""
    profile: str | None = None
    markers: _Words = attrs.field(factory=list)


@attrs.frozen
class _Direction:
    down: _Words = attrs.field(factory=list)
    up: _Words = attrs.field(factory=list)


@attrs.frozen
class _Budget:
    initial: _Words = attrs.field(factory=list)
    adjustment: _Words = attrs.field(factory=list)
    adjusted: _Words = attrs.field(factory=list)
    executed: _Words = attrs.field(factory=list)
    execution_rate: _Words = attrs.field(factory=list)
    carryover: _Words = attrs.field(factory=list)
    execution_weight: _Words = attrs.field(factory=list)
    execution_score: _Words = attrs.field(factory=list)
    ignore: _Words = attrs.field(factory=list)
    direction: _Direction = attrs.field(factory=_Direction)


@attrs.frozen
class _Cues:
    budget: _Words = attrs.field(factory=list)
    executed: _Words = attrs.field(factory=list)
    initial: _Words = attrs.field(factory=list)
    adjusted: _Words = attrs.field(factory=list)
    comparison: _Words = attrs.field(factory=list)
    whole_of: _Words = attrs.field(factory=list)


@attrs.frozen
class LineLabel:
    """A budget line reports name: its label (and other spellings), stable id and kind."""

    label: str
    id: str
    kind: str
    aliases: _Words = attrs.field(factory=list)
    parent: str | None = None  # the id of the line it hangs under, when that line is stated


@attrs.frozen
class _Sections:
    problems: _Words = attrs.field(factory=list)
    measures: _Words = attrs.field(factory=list)
    unmet_targets: _Words = attrs.field(factory=list)
    conclusion: _Words = attrs.field(factory=list)
    goals: _Words = attrs.field(factory=list)
    results: _Words = attrs.field(factory=list)


@attrs.frozen
class _Evaluation:
    grades: _Words = attrs.field(factory=list)
    score_labels: _Words = attrs.field(factory=list)
    grade_subjects: _Words = attrs.field(factory=list)
    not_subjects: _Words = attrs.field(factory=list)


@attrs.frozen
class _Prose:
    target: _Words = attrs.field(factory=list)
    midyear: _Words = attrs.field(factory=list)
    actual: _Words = attrs.field(factory=list)
    completion_rate: _Words = attrs.field(factory=list)
    weight: _Words = attrs.field(factory=list)
    score: _Words = attrs.field(factory=list)
    deviation_reason: _Words = attrs.field(factory=list)
    improvement: _Words = attrs.field(factory=list)
    lists: _Words = attrs.field(factory=list)
    measure_words: _Words = attrs.field(factory=list)
    lead_verbs: _Words = attrs.field(factory=list)
    name_suffixes: _Words = attrs.field(factory=list)
    target_cues: _Words = attrs.field(factory=list)
    actual_cues: _Words = attrs.field(factory=list)
    all_met: _Words = attrs.field(factory=list)


@attrs.frozen
class _Header:
    title_words: _Words = attrs.field(factory=list)
    department_labels: _Words = attrs.field(factory=list)
    date_labels: _Words = attrs.field(factory=list)
    project_words: _Words = attrs.field(factory=list)
    organisations: _Words = attrs.field(factory=list)


@attrs.frozen
class _Columns:
    tier1: _Words = attrs.field(factory=list)
    tier2: _Words = attrs.field(factory=list)
    name: _Words = attrs.field(factory=list)
    target: _Words = attrs.field(factory=list)
    actual: _Words = attrs.field(factory=list)
    weight: _Words = attrs.field(factory=list)
    score: _Words = attrs.field(factory=list)
    deviation_reason: _Words = attrs.field(factory=list)
    improvement: _Words = attrs.field(factory=list)
    completion_rate: _Words = attrs.field(factory=list)
    goal_prefixes: _Words = attrs.field(factory=list)


@attrs.frozen
class _Rows:
    total: _Words = attrs.field(factory=list)


@attrs.frozen
class _TableRows:
    deviation_reason: _Words = attrs.field(factory=list)
    measures: _Words = attrs.field(factory=list)


@attrs.frozen
class _Traditional:
    words: list[list[str]] = attrs.field(factory=list)


@attrs.frozen
class _File:
    form: _Meta
    budget: _Budget | None = None
    cues: _Cues | None = None
    lines: list[LineLabel] = attrs.field(factory=list)
    sections: _Sections | None = None
    evaluation: _Evaluation | None = None
    prose: _Prose | None = None
    header: _Header | None = None
    budget_table: dict[str, str] = attrs.field(factory=dict)
    budget_rows: _Rows | None = None
    indicator_table: _Columns | None = None
    table_rows: _TableRows | None = None
    traditional: _Traditional | None = None


def folded(text: str, simplify: Mapping[int, int] | None = None) -> str:
    """``text`` as labels are compared: NFKC, traditional characters simplified, no spaces."""
    text = unicodedata.normalize("NFKC", text)
    if simplify:
        text = text.translate(simplify)
    return "".join(text.split())


@attrs.frozen
class Template:
    """One form's tables: budget-block labels → fields, indicator-table columns, the rows below them."""

    id: str
    title: str
    profile: str | None
    markers: tuple[str, ...]
    budget_table: Mapping[str, str]  # folded label (no bracketed unit) → budget field
    budget_total_rows: tuple[str, ...]
    columns: Mapping[str, tuple[str, ...]]  # indicator field → folded header labels
    goal_prefixes: tuple[str, ...]
    table_rows: Mapping[str, tuple[str, ...]]  # deviation_reason / measures → folded row labels


@attrs.frozen
class Forms:
    """All form knowledge, merged: the vocabulary (word lists by name) and the table templates."""

    words: Mapping[str, tuple[str, ...]]  # "budget.initial", "cues.budget", "prose.target", …
    lines: tuple[LineLabel, ...]
    templates: tuple[Template, ...]
    simplify: Mapping[int, int]

    def get(self, name: str) -> tuple[str, ...]:
        """The word list ``name`` (``section.key``), folded; empty when no file gives it."""
        return self.words.get(name, ())


def _problems_of(data: Any, spec: _File) -> Iterable[Problem]:
    for label, field in spec.budget_table.items():
        if field not in BUDGET_FIELDS:
            yield Problem(
                "choice",
                f"budget_table.{label}",
                params={"found": field, "choices": ", ".join(BUDGET_FIELDS)},
            )
    kinds = [k.value for k in LineKind]
    seen: dict[str, int] = {}
    for i, line in enumerate(spec.lines):
        if line.kind not in kinds:
            yield Problem(
                "choice",
                f"lines[{i}].kind",
                params={"found": line.kind, "choices": ", ".join(kinds)},
            )
        if line.id in seen:
            yield Problem(
                "duplicate-id",
                f"lines[{i}].id",
                params={"found": line.id, "first": f"lines[{seen[line.id]}]"},
            )
        seen.setdefault(line.id, i)
        if not line.label.strip() or not line.id.strip():
            yield Problem("empty", f"lines[{i}]")
    if spec.traditional is not None:
        mapped: dict[str, str] = {}
        for i, pair in enumerate(spec.traditional.words):
            if len(pair) != 2 or len(pair[0]) != len(pair[1]) or not pair[0]:
                yield Problem(
                    "invalid", f"traditional.words[{i}]", params={"detail": msg.TraditionalPair()}
                )
                continue
            for t, s in zip(pair[0], pair[1], strict=True):
                if mapped.setdefault(t, s) != s:
                    detail = msg.TraditionalTwice(char=t, first=mapped[t], second=s)
                    yield Problem("invalid", f"traditional.words[{i}]", params={"detail": detail})
    for path, words in _word_lists(data):
        for k, word in enumerate(words):
            if not isinstance(word, str) or not word.strip():
                yield Problem("empty", f"{path}[{k}]")


def _word_lists(data: Any, prefix: str = "") -> Iterable[tuple[str, list[Any]]]:
    if isinstance(data, Mapping):
        for key, value in data.items():
            here = f"{prefix}.{key}" if prefix else str(key)
            if isinstance(value, list) and key not in ("lines", "words"):
                yield here, value
            elif isinstance(value, Mapping):
                yield from _word_lists(value, here)


def _read(path: Path) -> _File:
    name, text = read_settings(path, RulePackError)
    data = read_toml(text, name, RulePackError)
    lines = toml_lines(text)
    spec, bad = structure(data, _File)
    if spec is None:
        raise RulePackError(p.at(name, lines.get) for p in bad)
    problems = list(_problems_of(data, spec))
    if problems:
        raise RulePackError(p.at(name, lambda path: nearest(lines, path)) for p in problems)
    return spec


def unbracketed(label: str) -> str:
    """A column label without a bracketed unit or letter: ``预算数(A)`` → ``预算数``."""
    return re.sub(r"\((?:[A-Za-z/+\-×÷]+|万元|元|%|亿元|分)\)", "", label)


def load_forms(paths: Iterable[str | Path]) -> Forms:
    """Read and merge form files (in the order given: later word lists extend earlier ones)."""
    specs = [_read(Path(p)) for p in paths]
    simplify: dict[int, int] = {}
    for spec in specs:
        if spec.traditional is not None:
            for t_word, s_word in spec.traditional.words:
                simplify.update(
                    {ord(t): ord(s) for t, s in zip(t_word, s_word, strict=True) if t != s}
                )

    def fold(word: str) -> str:
        return folded(word, simplify)

    words: dict[str, list[str]] = {}
    lines: list[LineLabel] = []
    templates: list[Template] = []
    for spec in specs:
        for section in ("budget", "cues", "sections", "evaluation", "prose", "header"):
            table = getattr(spec, section)
            if table is None:
                continue
            for key, value in attrs.asdict(table, recurse=False).items():
                if isinstance(value, _Direction):
                    for way in ("down", "up"):
                        words.setdefault(f"{section}.direction.{way}", []).extend(
                            map(fold, getattr(value, way))
                        )
                else:
                    words.setdefault(f"{section}.{key}", []).extend(map(fold, value))
        lines.extend(spec.lines)
        if spec.budget_table or spec.indicator_table or spec.form.profile or spec.form.markers:
            columns = {}
            if spec.indicator_table is not None:
                columns = {
                    k: tuple(fold(w) for w in v)
                    for k, v in attrs.asdict(spec.indicator_table).items()
                    if k != "goal_prefixes"
                }
            templates.append(
                Template(
                    spec.form.id,
                    spec.form.title,
                    spec.form.profile,
                    tuple(fold(m) for m in spec.form.markers),
                    {unbracketed(fold(k)): v for k, v in spec.budget_table.items()},
                    tuple(fold(w) for w in spec.budget_rows.total) if spec.budget_rows else (),
                    columns,
                    tuple(fold(w) for w in spec.indicator_table.goal_prefixes)
                    if spec.indicator_table
                    else (),
                    {k: tuple(fold(w) for w in v) for k, v in attrs.asdict(spec.table_rows).items()}
                    if spec.table_rows
                    else {},
                )
            )
    merged = {k: tuple(sorted(set(v), key=lambda w: (-len(w), w))) for k, v in words.items()}
    return Forms(merged, tuple(lines), tuple(templates), simplify)


def form_files(folder: Path | None = None) -> list[Path]:
    """The form files of a folder (default: the built-in ``rules/forms``), ``common.toml`` first."""
    folder = folder or rules_dir() / "forms"
    return sorted(folder.glob("*.toml"), key=lambda p: (p.name != "common.toml", p.name))


@cache
def forms() -> Forms:
    """The built-in form knowledge (``rules/forms/*.toml``)."""
    return load_forms(form_files())
