"""What the HTML review pages cost next to the JSON output of the same batch (issue 12, item 6).

Prints, never asserts:

- per document, in process: writing the JSON ``files`` entry
  (:func:`perfrules.output.jsonout.encode` of :func:`~perfrules.output.jsonout.file_data`)
  against writing the review page (:func:`perfrules.output.html.page.report_page`
  plus its overview row), from the same :class:`~perfrules.output.records.Outcome`
  objects, and the size of each;
- what keeping the report's own data costs the worker (``want_report``: the
  :class:`~perfrules.output.reportview.ReportView` built and pickled);
- end to end: ``perfrules check FOLDER --format json`` against ``perfrules
  review FOLDER -o OUT`` on the same generated folder, wall time and bytes
  written, with the same ``--jobs``.

Run::

    python bench/review_pages.py                  # 10,000 documents, --jobs 2
    python bench/review_pages.py --count 1000 --jobs 1
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from perfrules.batch import Options, check_path
from perfrules.output.html.index import index_row
from perfrules.output.html.notes import DocsLinks
from perfrules.output.html.page import report_page
from perfrules.output.jsonout import encode, file_data

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate


def _per_item(fn: Callable[[Any], Any], items: Sequence[Any], reps: int) -> float:
    """The median over ``reps`` of the time per item of ``fn`` over ``items``."""
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        for item in items:
            fn(item)
        times.append((time.perf_counter() - start) / len(items))
    times.sort()
    return times[len(times) // 2]


def in_process(paths: Sequence[Path], reps: int) -> None:
    """Writing cost per document, JSON entry against page, from the same outcomes."""
    plain = Options(want_score=True)
    full = Options(want_score=True, want_report=True)
    outcomes = [check_path(str(p), full) for p in paths]
    docs = DocsLinks("../docs/rules")
    json_us = _per_item(lambda o: encode(file_data(o), "    "), outcomes, reps) * 1e6
    html_us = (
        _per_item(lambda o: (report_page(o, "zh", docs), index_row(o, "x.html")), outcomes, reps)
        * 1e6
    )
    json_kb = (
        sum(len(encode(file_data(o), "    ").encode()) for o in outcomes) / len(outcomes) / 1024
    )
    html_kb = sum(len(report_page(o, "zh", docs).encode()) for o in outcomes) / len(outcomes) / 1024
    check_plain = _per_item(lambda p: check_path(str(p), plain), paths, max(1, reps // 2)) * 1e6
    check_full = _per_item(lambda p: check_path(str(p), full), paths, max(1, reps // 2)) * 1e6
    pickled_plain = sum(len(pickle.dumps(check_path(str(p), plain))) for p in paths) / len(paths)
    pickled_full = sum(len(pickle.dumps(o)) for o in outcomes) / len(outcomes)
    print(f"per document ({len(paths)} generated documents, median of {reps}):")
    print(f"  write the JSON entry        {json_us:8.0f} µs   {json_kb:6.1f} KiB")
    print(
        f"  write the page + index row  {html_us:8.0f} µs   {html_kb:6.1f} KiB   ({html_us / json_us:.2f}× JSON)"
    )
    print(
        f"  check_path, score kept      {check_plain:8.0f} µs   pickled {pickled_plain / 1024:5.1f} KiB"
    )
    print(
        f"  check_path, + report view   {check_full:8.0f} µs   pickled {pickled_full / 1024:5.1f} KiB"
        f"   (+{check_full - check_plain:.0f} µs)"
    )


def _wall(cmd: Sequence[str]) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, done.returncode


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def end_to_end(folder: Path, count: int, jobs: int, work: Path) -> None:
    """``check --format json`` against ``review`` on the same folder."""
    exe = [shutil.which("perfrules") or "perfrules"]
    json_out = work / "out.json"
    pages = work / "pages"
    runs = []
    for _ in range(2):  # alternate, so that neither gets only the warm or the cold host
        start = time.perf_counter()
        with json_out.open("w") as fh:
            subprocess.run(
                [
                    *exe,
                    "check",
                    str(folder),
                    "--format",
                    "json",
                    "--jobs",
                    str(jobs),
                    "--no-progress",
                ],
                stdout=fh,
                stderr=subprocess.DEVNULL,
                check=False,
            )
        json_wall = time.perf_counter() - start
        shutil.rmtree(pages, ignore_errors=True)
        html_wall, rc = _wall(
            [*exe, "review", str(folder), "-o", str(pages), "--jobs", str(jobs), "--no-progress"]
        )
        runs.append((json_wall, html_wall, rc))
    print(f"end to end ({count} documents, --jobs {jobs}; two alternating runs):")
    for json_wall, html_wall, rc in runs:
        print(
            f"  check --format json {json_wall:6.2f} s ({count / json_wall:5.0f} docs/s)   "
            f"review -o DIR {html_wall:6.2f} s ({count / html_wall:5.0f} docs/s, exit {rc})   "
            f"ratio {html_wall / json_wall:.2f}"
        )
    print(
        f"  written: JSON {json_out.stat().st_size / 1e6:.1f} MB in one file; "
        f"pages {_size(pages) / 1e6:.1f} MB in {len(list(pages.iterdir()))} files "
        f"(index.html {(pages / 'index.html').stat().st_size / 1e6:.2f} MB)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="documents in the batch")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--sample", type=int, default=200, help="documents for the per-document figures"
    )
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="perfrules-bench-html-") as tmp:
        work = Path(tmp)
        folder = work / "reports"
        paths = generate.write_folder(folder, args.count, seed=args.seed)
        in_process(paths[: args.sample], args.reps)
        end_to_end(folder, args.count, args.jobs, work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
