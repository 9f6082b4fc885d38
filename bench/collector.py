"""What the cyclic garbage collector costs a check, and what not keeping the sheet would cost.

    python bench/collector.py [--reps 9] [--count 100]

A diagnostic for issue 13 (bench/README.md, "What closing the check goal
would take"), not a goal. Over ``--count`` generated documents (the same
texts as ``run.py``'s per-document table) it checks freshly loaded reports
one after the other, keeping them all alive as the benchmark does, then
scores the same reports, three ways:

- ``as today``: the check keeps its score sheet with the report, so a later
  ``score`` returns it;
- ``collector paused``: the same, with the cyclic collector paused for both
  loops (``run.collector_paused``);
- ``sheet not kept``: the check's sheet is dropped from the scorer's memo
  (``perfrules.scoring.scorer._SHEETS``, private: this script measures the
  library's internals on purpose), so the later ``score`` computes it again.

It prints µs per document and (check + score) ÷ tomli's parse of the same
texts, medians over ``--reps`` repetitions taken in turn.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tomli

import generate
import perfrules
import run
from perfrules.scoring import scorer

WAYS = ("as today", "collector paused", "sheet not kept")


def _parse(texts: Sequence[str]) -> float:
    start = time.perf_counter()
    for t in texts:
        tomli.loads(t, parse_float=Decimal)
    return (time.perf_counter() - start) / len(texts)


def _pass(texts: Sequence[str], check: Callable[[Any], Any], way: str) -> tuple[float, float]:
    """(check, score after it) per document over fresh reports of ``texts``, checked ``way``."""
    pool = run._fresh(texts)
    gc.collect()
    drop = way == "sheet not kept"
    with run.collector_paused(way == "collector paused"):
        start = time.perf_counter()
        for r in pool:
            check(r)
            if drop:
                scorer._SHEETS.clear()
        checked = (time.perf_counter() - start) / len(pool)
        start = time.perf_counter()
        for r in pool:
            perfrules.score(r)
        scored = (time.perf_counter() - start) / len(pool)
    return checked, scored


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    texts = [generate.document_text(args.seed * 1_000_003 + n)[0] for n in range(args.count)]
    rules = run._rules()
    engine_check = run._check_function()

    def check(report: Any) -> Any:
        return engine_check(report, rules)

    for t in texts:  # every profile year and layout read once, as in a long-running process
        check(perfrules.loads(t))
    parses: list[float] = []
    figures: dict[str, tuple[list[float], list[float]]] = {w: ([], []) for w in WAYS}
    for rep in range(args.reps):
        parses.append(statistics.median(_parse(texts) for _ in range(3)))
        for way in WAYS[rep % len(WAYS) :] + WAYS[: rep % len(WAYS)]:
            checked, scored = _pass(texts, check, way)
            figures[way][0].append(checked)
            figures[way][1].append(scored)
    parse = statistics.median(parses)
    print(f"{args.count} documents, median of {args.reps}; tomli parse {parse * 1e6:,.1f} µs/doc")
    print(
        f"  {'the check keeps':<18} {'check':>10} {'score after':>12} {'(check+score)÷parse':>20}"
    )
    for way in WAYS:
        c = statistics.median(figures[way][0])
        s = statistics.median(figures[way][1])
        print(f"  {way:<18} {c * 1e6:8.1f} µs {s * 1e6:9.1f} µs {(c + s) / parse:20.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
