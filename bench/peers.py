"""Peers: perfrules' built-in consistency checks written by hand in Python, and as simpleeval and cel-python expressions.

A user who did not have perfrules could take a general "safe expression"
library and write the checks as expressions over the parsed document. This
module does exactly that, for both libraries, so that the benchmark can put a
number on the difference. The checks are the arithmetic core of the built-in
rules:

========================  =============  ==========================================
check                     for each       perfrules rule
========================  =============  ==========================================
budget chain              report         PR001 initial + adjustment = adjusted
carry-over                report         PR002 adjusted − executed = carryover
execution rate            report         PR010 executed ÷ adjusted = rate
over budget               report         PR011 executed ≤ adjusted
line sums (both figures)  parent line    PR020 children add up to the parent
root sums (both figures)  report         PR021 basic + project roots = budget block
shares                    line w/ share  PR022 figure ÷ parent's figure = share
completion rates          indicator      PR032 actual ÷ target = completion rate
score range               indicator      PR100 0 ≤ score ≤ weight
claim agreement           claim          PR050 a repeated figure agrees
tier subtotals            tier           PR110 stated subtotal = sum of scores
total score               report         PR111 indicator scores + execution = total
grade                     report         PR120 grade matches the score's band
========================  =============  ==========================================

The peers get the same help perfrules' own code has: the document is parsed
once (``tomli``, floats as :class:`~decimal.Decimal`), rows are grouped by
subject in Python (children by parent, the roots), and two helper functions
are registered: ``num(text)`` (the leading number of a written value such as
``"≥12篇"``) and ``stated(about)`` (the figure a claim's ``about`` names). The
expressions are compiled once and evaluated per subject. They use a fixed
tolerance of 0.005 instead of perfrules' written-precision intervals, and they
do not parse units, operators or dates: they are simpler (and cheaper) than
the checks they stand for, which favours the peers.

The same checks written by hand as plain Python functions (:class:`PlainChecker`)
give the yardstick of what the arithmetic itself costs in CPython, with no
expression language in between.

What a peer costs per document is what a user would pay: grouping the rows,
building the evaluation context (for CEL, converting the data to CEL values)
and evaluating every expression for every subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

__all__ = ["CHECKS", "CelChecker", "PlainChecker", "SimpleEvalChecker", "subjects"]

TOLERANCE = "0.005"

#: (name, subject, simpleeval expression, CEL expression). Each is true when the check holds.
CHECKS: tuple[tuple[str, str, str, str], ...] = (
    (
        "budget-chain",
        "report",
        "abs(budget['initial'] + budget['adjustment'] - budget['adjusted']) <= 0.005",
        "close(budget.initial + budget.adjustment, budget.adjusted)",
    ),
    (
        "budget-carryover",
        "carryover",
        "abs(budget['adjusted'] - budget['executed'] - budget['carryover']) <= 0.005",
        "close(budget.adjusted - budget.executed, budget.carryover)",
    ),
    (
        "execution-rate",
        "report",
        "abs(budget['executed'] * 100 / budget['adjusted'] - budget['execution_rate']) <= 0.005",
        "close(budget.executed * 100.0 / budget.adjusted, budget.execution_rate)",
    ),
    (
        "execution-over-budget",
        "report",
        "budget['executed'] <= budget['adjusted']",
        "budget.executed <= budget.adjusted",
    ),
    (
        "line-sum",
        "parent",
        "abs(sum([c[figure] for c in children]) - line[figure]) <= 0.005",
        "close(sum(children.map(c, c[figure])), line[figure])",
    ),
    (
        "root-sum",
        "roots",
        "abs(sum([r[figure] for r in roots]) - budget[total]) <= 0.005",
        "close(sum(roots.map(r, r[figure])), budget[total])",
    ),
    (
        "line-share",
        "share",
        "abs(line['executed'] * 100 / parent['executed'] - line['share']) <= 0.005",
        "close(line.executed * 100.0 / parent.executed, line.share)",
    ),
    (
        "completion-rate",
        "rated",
        "abs(num(indicator['actual']) * 100 / num(indicator['target']) - indicator['completion_rate']) <= 0.005",
        "close(num(indicator.actual) * 100.0 / num(indicator.target), indicator.completion_rate)",
    ),
    (
        "indicator-score-range",
        "scored",
        "0 <= indicator['score'] <= indicator['weight']",
        "0.0 <= indicator.score && indicator.score <= indicator.weight",
    ),
    (
        "claim-mismatch",
        "claim",
        "claim['value'] == stated(claim['about']) or abs(num(claim['value']) - num(stated(claim['about']))) <= 0.005",
        "claim.value == stated(claim.about) || close(num(claim.value), num(stated(claim.about)))",
    ),
    (
        "tier-subtotal",
        "tier",
        "abs(sum([i['score'] for i in members]) - subtotal) <= 0.005",
        "close(sum(members.map(i, i.score)), subtotal)",
    ),
    (
        "total-score",
        "evaluation",
        "abs(sum([i['score'] for i in indicators]) + budget['execution_score'] - evaluation['score']) <= 0.005",
        "close(sum(indicators.map(i, i.score)) + budget.execution_score, evaluation.score)",
    ),
    (
        "grade-score",
        "evaluation",
        "evaluation['grade'] == ('优' if evaluation['score'] >= 90 else '良' if evaluation['score'] >= 80"
        " else '中' if evaluation['score'] >= 60 else '差')",
        "evaluation.grade == (evaluation.score >= 90.0 ? '优' : evaluation.score >= 80.0 ? '良'"
        " : evaluation.score >= 60.0 ? '中' : '差')",
    ),
)

_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_BUDGET_KEYS = ("initial", "adjustment", "adjusted", "executed", "execution_rate")


def num(value: Any) -> Decimal:
    """The leading number of a written value (``"≥12篇"`` → 12); numbers pass through."""
    if isinstance(value, str):
        m = _NUMBER.search(value.replace(",", ""))
        return Decimal(m.group(0)) if m else Decimal(0)
    if isinstance(value, bool):
        return Decimal(int(value))
    return Decimal(value)


def _has(row: Mapping[str, Any], *keys: str) -> bool:
    return all(k in row for k in keys)


def subjects(doc: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (subject kind, names) pair the checks run over, from a parsed document."""
    budget = doc.get("budget", {})
    lines = doc.get("lines", [])
    indicators = doc.get("indicators", [])
    evaluation = doc.get("evaluation")
    if _has(budget, *_BUDGET_KEYS):
        yield "report", {"budget": budget}
    if _has(budget, "adjusted", "executed", "carryover"):
        yield "carryover", {"budget": budget}
    by_id = {row["id"]: row for row in lines}
    children: dict[str, list[dict[str, Any]]] = {}
    roots: list[dict[str, Any]] = []
    for row in lines:
        parent = row.get("parent")
        if parent is None:
            if row.get("kind") in ("basic", "project"):
                roots.append(row)
        else:
            children.setdefault(parent, []).append(row)
    for parent_id, kids in children.items():
        line = by_id[parent_id]
        for figure in ("budget", "executed"):
            if figure in line and all(figure in k for k in kids):
                yield "parent", {"line": line, "children": kids, "figure": figure}
    if roots and budget:
        for figure, total in (("budget", "adjusted"), ("executed", "executed")):
            if total in budget and all(figure in r for r in roots):
                yield "roots", {"roots": roots, "budget": budget, "figure": figure, "total": total}
    for row in lines:
        if "share" in row and "parent" in row:
            parent = by_id[row["parent"]]
            if "executed" in row and "executed" in parent:
                yield "share", {"line": row, "parent": parent}
    for ind in indicators:
        if _has(ind, "completion_rate", "target", "actual"):
            yield "rated", {"indicator": ind}
        if _has(ind, "score", "weight"):
            yield "scored", {"indicator": ind}
    for claim in doc.get("claims", []):
        yield "claim", {"claim": claim}
    if evaluation is not None:
        for tier, subtotal in evaluation.get("tier_scores", {}).items():
            members = [i for i in indicators if i.get("tier1") == tier and "score" in i]
            yield "tier", {"members": members, "subtotal": subtotal}
        if _has(evaluation, "score", "grade") and "execution_score" in budget:
            yield (
                "evaluation",
                {"evaluation": evaluation, "indicators": indicators, "budget": budget},
            )


def stated_in(doc: Mapping[str, Any]) -> Callable[[str], Any]:
    """``stated(about)`` for a document: the figure a claim names (None when it names nothing)."""

    def stated(about: str) -> Any:
        if about.startswith("budget."):
            return doc.get("budget", {}).get(about[7:])
        if about == "evaluation.score":
            return doc.get("evaluation", {}).get("score")
        if about == "evaluation.grade":
            return doc.get("evaluation", {}).get("grade")
        if about == "count:indicators":
            return len(doc.get("indicators", []))
        if about.startswith("indicator:"):
            ref, _, key = about[10:].rpartition(".")
            for ind in doc.get("indicators", []):
                if ind.get("id") == ref or ind.get("name") == ref:
                    return ind.get(key)
            return None
        if about == "all_targets_met":  # as the scores say: no indicator below its weight
            return all(i.get("score", 0) >= i.get("weight", 0) for i in doc.get("indicators", []))
        return None

    return stated


class SimpleEvalChecker:
    """The checks as simpleeval expressions: parsed once, evaluated per subject."""

    name = "simpleeval"

    def __init__(self) -> None:
        import simpleeval

        self._evaluator = simpleeval.EvalWithCompoundTypes(
            functions={"abs": abs, "sum": lambda xs: sum(xs, Decimal(0)), "num": num}
        )
        self._checks = [
            (name, subject, expr, self._evaluator.parse(expr)) for name, subject, expr, _ in CHECKS
        ]
        self._by_subject: dict[str, list[tuple[str, str, Any]]] = {}
        for name, subject, expr, node in self._checks:
            self._by_subject.setdefault(subject, []).append((name, expr, node))

    def check(self, doc: Mapping[str, Any]) -> list[str]:
        """The names of the checks that fail on ``doc`` (one entry per failing subject)."""
        ev = self._evaluator
        ev.functions["stated"] = stated_in(doc)
        failed = []
        for subject, names in subjects(doc):
            ev.names = names
            for name, expr, node in self._by_subject.get(subject, ()):
                try:
                    ok = ev.eval(expr, previously_parsed=node)
                except (ArithmeticError, TypeError, KeyError):
                    ok = False
                if not ok:
                    failed.append(name)
        return failed


_TOL = Decimal(TOLERANCE)


def _close(a: Any, b: Any) -> bool:
    return abs(a - b) <= _TOL


def _grade(score: Any) -> str:
    return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"


def _plain_checks(stated: Callable[[str], Any]) -> dict[str, Callable[..., bool]]:
    """The checks of :data:`CHECKS` as Python functions of the subject's names."""
    return {
        "budget-chain": lambda budget: _close(
            budget["initial"] + budget["adjustment"], budget["adjusted"]
        ),
        "budget-carryover": lambda budget: _close(
            budget["adjusted"] - budget["executed"], budget["carryover"]
        ),
        "execution-rate": lambda budget: _close(
            budget["executed"] * 100 / budget["adjusted"], budget["execution_rate"]
        ),
        "execution-over-budget": lambda budget: budget["executed"] <= budget["adjusted"],
        "line-sum": lambda line, children, figure: _close(
            sum([c[figure] for c in children]), line[figure]
        ),
        "root-sum": lambda roots, budget, figure, total: _close(
            sum([r[figure] for r in roots]), budget[total]
        ),
        "line-share": lambda line, parent: _close(
            line["executed"] * 100 / parent["executed"], line["share"]
        ),
        "completion-rate": lambda indicator: _close(
            num(indicator["actual"]) * 100 / num(indicator["target"]),
            indicator["completion_rate"],
        ),
        "indicator-score-range": lambda indicator: 0 <= indicator["score"] <= indicator["weight"],
        "claim-mismatch": lambda claim: (
            claim["value"] == stated(claim["about"])
            or _close(num(claim["value"]), num(stated(claim["about"])))
        ),
        "tier-subtotal": lambda members, subtotal: _close(
            sum([i["score"] for i in members]), subtotal
        ),
        "total-score": lambda evaluation, indicators, budget: _close(
            sum([i["score"] for i in indicators]) + budget["execution_score"], evaluation["score"]
        ),
        "grade-score": lambda evaluation, indicators, budget: (
            evaluation["grade"] == _grade(evaluation["score"])
        ),
    }


class PlainChecker:
    """The checks written by hand as Python functions: no expression language, the floor."""

    name = "plain Python"

    def __init__(self) -> None:
        self._order: dict[str, list[str]] = {}
        for name, subject, _, _ in CHECKS:
            self._order.setdefault(subject, []).append(name)

    def check(self, doc: Mapping[str, Any]) -> list[str]:
        """The names of the checks that fail on ``doc`` (one entry per failing subject)."""
        checks = _plain_checks(stated_in(doc))
        failed = []
        for subject, names in subjects(doc):
            for name in self._order.get(subject, ()):
                try:
                    ok = checks[name](**names)
                except (ArithmeticError, TypeError, KeyError):
                    ok = False
                if not ok:
                    failed.append(name)
        return failed


def _to_plain(value: Any) -> Any:
    """Data CEL can take: Decimals and ints as floats (CEL does not mix int and double), dates as text."""
    if isinstance(value, Mapping):
        return {k: _to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_to_plain(v) for v in value]
    if isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, Decimal)):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class CelChecker:
    """The checks as cel-python expressions: compiled once, evaluated per subject.

    cel-python's transpiling ``CompiledRunner`` is used where it works; it
    cannot call custom functions (a transpiler error in cel-python 0.5), so
    expressions that call ``close``/``sum``/``num``/``stated`` run on the
    ``InterpretedRunner``.
    """

    name = "cel-python"

    def __init__(self) -> None:
        import celpy
        from celpy import celtypes

        self._celpy = celpy
        double = celtypes.DoubleType

        def close(a: Any, b: Any) -> Any:
            return celtypes.BoolType(abs(float(a) - float(b)) <= float(TOLERANCE))

        def cel_sum(xs: Any) -> Any:
            return double(sum(float(x) for x in xs))

        def cel_num(value: Any) -> Any:
            return double(
                float(num(str(value) if isinstance(value, celtypes.StringType) else float(value)))
            )

        self._functions: dict[str, Any] = {"close": close, "sum": cel_sum, "num": cel_num}
        self._stated_box: list[Callable[[str], Any]] = [lambda about: None]

        def stated(about: Any) -> Any:
            return celpy.json_to_cel(self._stated_box[0](str(about)))

        self._functions["stated"] = stated
        self.runners: dict[str, str] = {}
        self._by_subject: dict[str, list[tuple[str, Any]]] = {}
        for name, subject, _, expr in CHECKS:
            program = None
            for runner in (celpy.CompiledRunner, celpy.InterpretedRunner):
                try:
                    env = celpy.Environment(runner_class=runner)
                    program = env.program(env.compile(expr), functions=self._functions)
                    self.runners[name] = runner.__name__
                    break
                except Exception:  # the transpiler's failure modes are not documented
                    continue
            if program is None:
                raise RuntimeError(f"cel-python cannot compile {name}: {expr}")
            self._by_subject.setdefault(subject, []).append((name, program))

    def check(self, doc: Mapping[str, Any]) -> list[str]:
        """The names of the checks that fail on ``doc`` (one entry per failing subject)."""
        to_cel = self._celpy.json_to_cel
        plain = _to_plain(doc)
        self._stated_box[0] = stated_in(plain)
        converted: dict[int, Any] = {}  # each table or array is converted to CEL once

        def cel(value: Any) -> Any:
            key = id(value)
            if key not in converted:
                converted[key] = to_cel(value)
            return converted[key]

        failed = []
        for subject, names in subjects(plain):
            activation = {k: cel(v) for k, v in names.items()}
            for name, program in self._by_subject.get(subject, ()):
                try:
                    ok = program.evaluate(activation)
                except Exception:  # a CEL evaluation error counts as a failed check
                    ok = False
                if isinstance(ok, self._celpy.CELEvalError) or not bool(ok):
                    failed.append(name)
        return failed
