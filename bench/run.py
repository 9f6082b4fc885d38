"""The perfrules benchmark: per-document costs against peers, growth, batch and start-up (issue 13).

Run from a checkout after ``pip install -e '.[bench]'``::

    python bench/run.py            # the full run (about five minutes on two cores)
    python bench/run.py --quick    # smaller counts, about a minute and a half
    python bench/run.py --profile check   # cProfile of one stage (load, check, score)
    python bench/run.py --profile rules   # time per rule and per shared fact

It prints figures and never asserts timings. Every figure is measured in this
one run on this machine, as the median of several repetitions (the machine
may be shared); ``bench/README.md`` records the latest run and the goals of
issue 13. Sections:

1. machine and versions;
2. per document, at 1 and 100 documents, the issue's table: ``tomli.loads``
   of the text (the floor), ``perfrules.loads``, ``perfrules.check`` (default
   rules, precompiled :class:`~perfrules.rules.engine.RuleSet`, each on a
   freshly loaded report), ``perfrules.score`` of the checked report, and the
   same consistency checks written by hand in Python, for simpleeval and for
   cel-python (``bench/peers.py``), with the ratios the goals are stated in,
   and a like-for-like ratio over the rules the peers implement;
3. growth: documents of 10 to 10,000 indicators (lines at 40 %): time and
   tracemalloc peak of load and check, cost per indicator+line;
4. batch: ``perfrules check`` on a folder of 1,000 and 10,000 documents with
   ``--jobs 1`` and ``--jobs 2`` (wall time, documents per second, speed-up,
   peak RSS from ``resource.getrusage(RUSAGE_CHILDREN)``: the same for both
   counts when memory is flat); ``--quick``: 100 and 1,000;
5. start-up: ``perfrules check examples/clean.toml`` against ``python -c pass``,
   and ``python -X importtime -c "import perfrules"``.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import tomli  # noqa: E402

import generate  # noqa: E402
import perfrules  # noqa: E402
from peers import CHECKS  # noqa: E402

#: A repetition of a per-document stage runs at least this long (seconds).
MIN_PASS = 0.05

#: (label, figure key, limit, comparison) of the goals of issue 13.
TARGETS: tuple[tuple[str, str, float, str], ...] = (
    ("check + score ≤ 0.5 × tomli parse (typical document)", "check_score_per_parse", 0.5, "<="),
    ("perfrules.loads ≤ 1.5 × tomli parse", "load_per_parse", 1.5, "<="),
    ("simpleeval ≥ 10× check (check ÷ simpleeval ≤ 0.1)", "check_per_simpleeval", 0.1, "<="),
    ("cel-python ≥ 50× check (check ÷ cel ≤ 0.02)", "check_per_cel", 0.02, "<="),
    ("one-file CLI check (perfrules check examples/clean.toml) < 250 ms", "cli_one_ms", 250.0, "<"),
    (
        "growth linear: per-row check cost at the largest ÷ at 100 indicators ≤ 1.5",
        "per_row_growth",
        1.5,
        "<=",
    ),
    (
        "memory flat: peak RSS of the largest batch ÷ the smallest ≤ 1.25",
        "batch_rss_growth",
        1.25,
        "<=",
    ),
    ("import perfrules < 100 ms (importtime total)", "import_ms", 100.0, "<"),
)


# --- the API under test, tolerant of parts not written yet ----------------------------


def _check_function() -> Callable[..., Any]:
    return (
        getattr(perfrules, "check", None)
        or __import__("perfrules.rules.engine", fromlist=["check"]).check
    )


def _rules() -> Any:
    from perfrules.rules.engine import default_rules

    return default_rules()


#: The peers' checks (bench/peers.py), by name.
CHECK_NAMES = tuple(name for name, *_ in CHECKS)

#: The rules that correspond to the peers' checks (bench/peers.py), for a like-for-like ratio.
PEER_RULES = ("PR001", "PR002", "PR010", "PR011", "PR020", "PR021", "PR022", "PR032", "PR050")
PEER_RULES_WITH_SCORES = (*PEER_RULES, "PR100", "PR110", "PR111", "PR120")


def _subset_rules(ids: Sequence[str]) -> Any:
    from perfrules.rules.config import Config
    from perfrules.rules.engine import compile_rules

    return compile_rules(Config(select=tuple(ids)))


def _score_function() -> Callable[..., Any] | None:
    fn = getattr(perfrules, "score", None)
    if fn is not None:
        return fn  # type: ignore[no-any-return]
    try:
        from perfrules.scoring.scorer import score
    except ImportError:
        return None
    return score


def _profile_for(year: int) -> Any:
    from perfrules.scoring.profiles import load_profile

    return load_profile("national", year)


def _cli_command() -> list[str] | None:
    """The ``perfrules`` command, or None while the CLI is not written."""
    try:
        import perfrules.cli  # noqa: F401
    except ImportError:
        return None
    script = Path(sys.executable).parent / "perfrules"
    if script.exists():
        return [str(script)]
    found = shutil.which("perfrules")
    return (
        [found]
        if found
        else [sys.executable, "-c", "import sys; from perfrules.cli import main; sys.exit(main())"]
    )


# --- measuring -------------------------------------------------------------------------


def _time(fn: Callable[[], Any], reps: int) -> float:
    """Median wall time of ``fn()`` over ``reps`` runs, in seconds."""
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@contextlib.contextmanager
def collector_paused(paused: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block when ``paused`` (a diagnostic, never a goal)."""
    if not paused:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:,.0f} µs" if seconds < 0.01 else f"{seconds * 1e3:,.1f} ms"


def _peak(fn: Callable[[], Any]) -> tuple[Any, int]:
    """``fn()`` and the tracemalloc peak (bytes) while it ran."""
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


def _mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def _header(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 74 - len(title)))


# --- 1. machine ------------------------------------------------------------------------


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    info = {
        "cpu": _cpu_model(),
        "nproc": os.cpu_count(),
        "usable cores": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "machine": platform.machine(),
        "system": f"{platform.system()} {platform.release()}",
        "perfrules": perfrules.__version__,
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg())
        if hasattr(os, "getloadavg")
        else "?",
    }
    for dist in ("tomli", "attrs", "cattrs", "simpleeval", "cel-python"):
        info[dist] = _version(dist)
    info["parallel capacity"] = f"{_parallel_capacity():.2f}× (2 processes burning CPU vs 1)"
    _header("machine")
    for k, v in info.items():
        print(f"  {k:16} {v}")
    return info


def _cpu_model() -> str:
    """``lscpu``'s model name (or /proc/cpuinfo's), else the platform's processor string."""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return platform.processor() or "?"


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def _parallel_capacity(n: int = 5_000_000) -> float:
    """How much faster two processes finish two CPU-bound tasks than one process does.

    2.0 on two free cores; about 1.0 where the "cores" share one physical core,
    are throttled, or are busy with other work. Batch speed-ups can be no better.
    """
    import multiprocessing

    start = time.perf_counter()
    _burn(n)
    _burn(n)
    serial = time.perf_counter() - start
    with multiprocessing.Pool(2) as pool:
        pool.map(_burn, [1, 1])  # start the workers first
        start = time.perf_counter()
        pool.map(_burn, [n, n])
        parallel = time.perf_counter() - start
    return serial / parallel


# --- 2. per document -------------------------------------------------------------------


def _fresh(texts: Sequence[str], at_least: int = 40) -> list[Any]:
    """Freshly loaded reports of ``texts`` (each text loaded ``k`` times, ``k × len ≥ at_least``).

    A report object remembers what was computed for it (its indicator
    system, the score sheet a check computed), so that a check and a score
    of the same report share them. Timing check on the same objects again
    and again would time those memos; every timed check gets a report
    nothing was computed for yet, as a caller's check does.
    """
    k = max(1, -(-at_least // len(texts)))
    return [perfrules.loads(t) for _ in range(k) for t in texts]


def per_document(texts: Sequence[str], reps: int, label: str) -> dict[str, float]:
    """Per-document time of every stage over ``texts``; returns the medians (seconds).

    A repetition runs one stage over every document in a loop and divides by
    the number of documents; the figure is the median over ``reps``
    repetitions. Stages over text or parsed data loop for at least
    ``MIN_PASS`` seconds. ``check`` runs over freshly loaded reports (see
    :func:`_fresh`); ``score`` then scores those same checked reports (the
    sheet the check computed is the one returned: this is check + score as a
    caller pays it), ``score alone`` scores fresh reports nobody checked. The
    stages take turns (in a rotating order) within each repetition, so that
    interference from other processes falls on all of them alike. The
    ``pipeline`` figure loads, checks and scores one document after the
    other, as the command line does. ``check, collector paused`` is the
    ``check`` pass again with the cyclic garbage collector paused for its
    loop: a diagnostic of what the collector costs over the reports (and the
    sheets their checks keep) alive at once, printed beside the goal's ratio.
    """
    from peers import CelChecker, PlainChecker, SimpleEvalChecker

    check = _check_function()
    rules = _rules()
    score = _score_function()
    plain, simple, cel = PlainChecker(), SimpleEvalChecker(), CelChecker()
    subset = _subset_rules(PEER_RULES)
    subset_scores = _subset_rules(PEER_RULES_WITH_SCORES)
    datas = [tomli.loads(t, parse_float=Decimal) for t in texts]
    reports = [perfrules.loads(t) for t in texts]
    profiles = {r.report.year: _profile_for(r.report.year) for r in reports}

    def pipeline(i: int) -> None:
        report = perfrules.loads(texts[i])
        check(report, rules)
        if score is not None:
            score(report, profiles[report.report.year])

    text_runs: dict[str, Callable[[int], Any]] = {
        "tomli.loads": lambda i: tomli.loads(texts[i], parse_float=Decimal),
        "perfrules.loads": lambda i: perfrules.loads(texts[i]),
        "plain Python": lambda i: plain.check(datas[i]),
        "simpleeval": lambda i: simple.check(datas[i]),
        "cel-python": lambda i: cel.check(datas[i]),
        "pipeline: load+check+score": pipeline,
    }
    report_runs: dict[str, Callable[[Any], Any]] = {
        "check": lambda r: check(r, rules),
        # a diagnostic, not a goal: the same pass with the cyclic collector paused shows
        # what the collector costs over reports kept alive with their checked sheets
        "check, collector paused": lambda r: check(r, rules),
        "check (peer rules)": lambda r: check(r, subset),
        "check (peer+score rules)": lambda r: check(r, subset_scores),
    }
    if score is not None:
        report_runs["score alone"] = lambda r: score(r, profiles[r.report.year])
    order = [*text_runs, *report_runs]
    stages: dict[str, list[float]] = {k: [] for k in [*order, "score"]}
    n = len(texts)
    for rep in range(reps):
        for name in order[rep % len(order) :] + order[: rep % len(order)]:
            if name in report_runs:
                pool = _fresh(texts)
                gc.collect()
                fn_r = report_runs[name]
                with collector_paused(name == "check, collector paused"):
                    start = time.perf_counter()
                    for r in pool:
                        fn_r(r)
                    stages[name].append((time.perf_counter() - start) / len(pool))
                if name == "check" and score is not None:  # the same reports, now checked
                    start = time.perf_counter()
                    for r in pool:
                        score(r, profiles[r.report.year])
                    stages["score"].append((time.perf_counter() - start) / len(pool))
                continue
            fn = text_runs[name]
            gc.collect()
            done = 0
            start = time.perf_counter()
            while True:
                for i in range(n):
                    fn(i)
                done += n
                elapsed = time.perf_counter() - start
                if elapsed >= MIN_PASS or name == "cel-python":
                    break
            stages[name].append(elapsed / done)
    findings = sum(len(check(r, rules).findings) for r in _fresh(texts, 1))
    peer_plain = sum(len(plain.check(d)) for d in datas)
    peer_simple = sum(len(simple.check(d)) for d in datas)
    peer_cel = sum(len(cel.check(d)) for d in datas)
    med = {k: statistics.median(v) if v else float("nan") for k, v in stages.items()}
    parse = med["tomli.loads"]
    check_t = med["check"]
    score_t = med["score"] if score is not None else 0.0
    ratios = {
        "load_per_parse": med["perfrules.loads"] / parse,
        "check_per_parse": check_t / parse,
        "check_score_per_parse_paused": (med["check, collector paused"] + score_t) / parse,
        "check_score_per_parse": (check_t + score_t) / parse,
        "check_per_plain": check_t / med["plain Python"],
        "check_per_simpleeval": check_t / med["simpleeval"],
        "check_per_cel": check_t / med["cel-python"],
        "simpleeval_over_check": med["simpleeval"] / check_t,
        "cel_over_check": med["cel-python"] / check_t,
        "peer_subset_per_simpleeval": med["check (peer+score rules)"] / med["simpleeval"],
        "peer_subset_per_cel": med["check (peer+score rules)"] / med["cel-python"],
    }
    _header(f"per document: {label} ({n} documents, median of {reps} repetitions)")
    size = statistics.median(len(t.encode()) for t in texts)
    counts = (
        statistics.median(len(r.indicators) for r in reports),
        statistics.median(len(r.lines) for r in reports),
    )
    print(
        f"  median document: {size / 1024:.1f} KiB, {counts[0]:.0f} indicators, {counts[1]:.0f} lines;"
        f" {findings} findings in all"
    )
    print("  | step | µs/doc | goal |")
    print("  |---|---|---|")
    rows = [
        ("tomli parse (the floor: reading the input at all)", med["tomli.loads"], "—"),
        (
            f"perfrules.loads (parse + typed model) | {_us_cell(med['perfrules.loads'])}"
            f" ({ratios['load_per_parse']:.2f}× parse)",
            None,
            "≤ 1.5× parse",
        ),
        (
            "perfrules.check (all built-in rules, a fresh report)",
            check_t,
            f"check + score ≤ 0.5× parse (≈ {_us_cell(parse / 2)})",
        ),
        ("perfrules.score (national, of the checked report)", score_t, "(in the line above)"),
        ("perfrules.score alone (a fresh report)", med.get("score alone", float("nan")), "—"),
        (
            f"the same {len(CHECK_NAMES)} checks written by hand in plain Python"
            f" ({peer_plain} failed in all)",
            med["plain Python"],
            "—",
        ),
        (
            f"the same {len(CHECK_NAMES)} checks in simpleeval | {_us_cell(med['simpleeval'])}"
            f" ({ratios['simpleeval_over_check']:.1f}× check)",
            None,
            "≥ 10× check",
        ),
        (
            f"the same {len(CHECK_NAMES)} checks in cel-python | {_us_cell(med['cel-python'])}"
            f" ({ratios['cel_over_check']:.0f}× check)",
            None,
            "≥ 50× check",
        ),
    ]
    for step, value, goal in rows:
        cell = f"{step} | {_us_cell(value)}" if value is not None else step
        print(f"  | {cell} | {goal} |")
    print(
        f"  (peers' failed checks: simpleeval {peer_simple}, cel-python {peer_cel};"
        f" cel runners: {sorted(set(cel.runners.values()))})"
    )
    print(f"  pipeline: load + check + score        {_us(med['pipeline: load+check+score']):>12}")
    print(
        f"  check, the {len(PEER_RULES)} non-score rules the peers implement {_us(med['check (peer rules)']):>12}"
    )
    print(
        f"  check, the {len(PEER_RULES_WITH_SCORES)} rules the peers implement"
        f"        {_us(med['check (peer+score rules)']):>12}"
    )
    print("  ratios:")
    print(f"    load ÷ parse               {ratios['load_per_parse']:8.2f}   (goal ≤ 1.5)")
    print(f"    (check + score) ÷ parse    {ratios['check_score_per_parse']:8.2f}   (goal ≤ 0.5)")
    print(
        f"    (check + score) ÷ parse, the cyclic collector paused during check"
        f" {ratios['check_score_per_parse_paused']:.2f}   (diagnostic, not a goal)"
    )
    print(f"    check ÷ parse              {ratios['check_per_parse']:8.2f}")
    print(f"    check ÷ plain Python       {ratios['check_per_plain']:8.2f}")
    print(f"    simpleeval ÷ check         {ratios['simpleeval_over_check']:8.1f}×  (goal ≥ 10×)")
    print(f"    cel-python ÷ check         {ratios['cel_over_check']:8.1f}×  (goal ≥ 50×)")
    print(
        f"    like for like ({len(PEER_RULES_WITH_SCORES)} rules): simpleeval ÷ check"
        f" {1 / ratios['peer_subset_per_simpleeval']:.1f}×, cel-python ÷ check"
        f" {1 / ratios['peer_subset_per_cel']:.0f}×"
    )
    return {**med, **ratios}


def _us_cell(seconds: float) -> str:
    """µs with thousands separators (the issue's table)."""
    return "—" if seconds != seconds else f"{seconds * 1e6:,.0f}"


# --- 3. growth -------------------------------------------------------------------------


def _fresh_time(text: str, inner: int, reps: int, fn: Callable[[Any], Any]) -> float:
    """Median time of ``fn`` over ``inner`` freshly loaded reports of ``text``, per report."""
    times = []
    for _ in range(reps):
        pool = [perfrules.loads(text) for _ in range(inner)]
        gc.collect()
        start = time.perf_counter()
        for x in pool:
            fn(x)
        times.append((time.perf_counter() - start) / inner)
    return statistics.median(times)


def growth(sizes: Sequence[tuple[int, int]], reps: int) -> dict[str, float]:
    """Time and memory of load, check and score as documents grow (indicators, lines).

    Check and score run on freshly loaded reports (see :func:`_fresh`), one per timing.
    """
    check = _check_function()
    rules = _rules()
    score = _score_function()
    _header("growth: 10 to 10,000 indicators")
    print(
        f"  {'indicators':>10} {'lines':>6} {'KiB':>7} {'tomli':>10} {'load':>10} {'check':>10} {'score':>10}"
        f" {'load peak':>10} {'check peak':>10} {'load µs/row':>11} {'check µs/row':>12}"
    )
    out: dict[str, float] = {}
    for n_ind, n_lines in sizes:
        text, _ = generate.document_text(7, indicators=n_ind, lines=n_lines, mistake_rate=0.0)
        r = max(1, reps if n_ind <= 100 else reps // 2)
        prof = _profile_for(perfrules.loads(text).report.year)
        inner = max(1, 2_000 // (n_ind + n_lines))  # small documents: time several per run
        t_parse = (
            _time(
                lambda t=text, k=inner: [tomli.loads(t, parse_float=Decimal) for _ in range(k)], r
            )
            / inner
        )
        t_load = _time(lambda t=text, k=inner: [perfrules.loads(t) for _ in range(k)], r) / inner
        t_check = _fresh_time(text, inner, r, lambda x: check(x, rules))
        t_score = (
            _fresh_time(text, inner, r, lambda x, p=prof: score(x, p)) if score else float("nan")
        )
        _, load_peak = _peak(lambda t=text: perfrules.loads(t))
        fresh = perfrules.loads(text)
        _, check_peak = _peak(lambda x=fresh: check(x, rules))
        rows = n_ind + n_lines
        print(
            f"  {n_ind:>10,} {n_lines:>6,} {len(text.encode()) / 1024:>7,.0f} {_us(t_parse):>10} {_us(t_load):>10}"
            f" {_us(t_check):>10} {_us(t_score):>10} {_mb(load_peak):>10} {_mb(check_peak):>10}"
            f" {t_load / rows * 1e6:>11.2f} {t_check / rows * 1e6:>12.2f}"
        )
        out[f"check_{n_ind}"] = t_check
        out[f"load_{n_ind}"] = t_load
        out[f"check_per_row_{n_ind}"] = t_check / rows
        out[f"load_per_row_{n_ind}"] = t_load / rows
        out[f"check_peak_{n_ind}"] = check_peak
        out[f"load_peak_{n_ind}"] = load_peak
    big = max(sizes)
    # the smallest documents are mostly fixed cost; compare the largest with a mid-sized one
    base = next((size for size in sizes if size[0] >= 100), min(sizes))
    for stage in ("load", "check"):
        ratio = out[f"{stage}_per_row_{big[0]}"] / out[f"{stage}_per_row_{base[0]}"]
        out[f"{stage}_per_row_growth"] = ratio
        print(
            f"  per-row {stage} cost, {big[0]:,} ÷ {base[0]:,} indicators: {ratio:.2f}"
            f" (1.0 = linear; a quadratic pass would show ~{(big[0] + big[1]) / (base[0] + base[1]):.0f})"
        )
    out["per_row_growth"] = out["check_per_row_growth"]
    return out


# --- 4. batch --------------------------------------------------------------------------


def _measured(cmd: Sequence[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``cmd`` in a fresh wrapper process; its wall time, exit code and children's peak RSS."""
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "wall = time.perf_counter() - t\n"
        "ru = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'wall': wall, 'rc': p.returncode, 'maxrss_kb': ru.ru_maxrss,"
        " 'cpu': ru.ru_utime + ru.ru_stime, 'stderr': p.stderr.decode(errors='replace')[-2000:]}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _fallback_batch(folder: str, jobs: int) -> int:
    """Load and check every document of ``folder`` (used when the CLI is not there yet)."""
    import multiprocessing

    paths = sorted(str(p) for p in Path(folder).glob("*.toml"))
    if jobs == 1:
        for p in paths:
            _fallback_one(p)
    else:
        with multiprocessing.Pool(jobs) as pool:
            for _ in pool.imap(_fallback_one, paths, chunksize=64):
                pass
    return 0


def _fallback_one(path: str) -> int:
    report = perfrules.load(path)
    return len(_check_function()(report, _rules()).findings)


def batch(folders: dict[int, Path], jobs_list: Sequence[int], cache: Path) -> dict[str, float]:
    """``perfrules check`` over whole folders, with each number of jobs."""
    cli = _cli_command()
    _header("batch: perfrules check on a folder")
    if cli is None:
        print(
            "  perfrules.cli is not available: measuring the in-process fallback (load + check, Pool)"
        )
    out: dict[str, float] = {}
    for count, folder in sorted(folders.items()):
        for jobs in jobs_list:
            if cli is not None:
                cmd = [*cli, "check", str(folder), "--jobs", str(jobs), "--no-progress"]
            else:
                cmd = [
                    sys.executable,
                    str(Path(__file__)),
                    "--batch-worker",
                    str(folder),
                    "--jobs",
                    str(jobs),
                ]
            m = _measured(cmd, _env(cache))
            rss = m["maxrss_kb"] * 1024
            print(
                f"  {count:>6} documents, --jobs {jobs}: {m['wall']:7.2f} s wall, {count / m['wall']:8.0f} docs/s,"
                f" cpu {m['cpu']:6.1f} s, peak RSS {_mb(rss)}, exit {m['rc']}"
            )
            if m["rc"] not in (0, 1):
                print("    stderr: " + m["stderr"].strip().replace("\n", "\n    "))
            out[f"batch_wall_{count}_{jobs}"] = m["wall"]
            out[f"batch_rss_{count}_{jobs}"] = rss
        if len(jobs_list) > 1:
            base, best = (
                out[f"batch_wall_{count}_{jobs_list[0]}"],
                out[f"batch_wall_{count}_{jobs_list[-1]}"],
            )
            print(
                f"  {count:>6} documents: speed-up --jobs {jobs_list[-1]} over --jobs {jobs_list[0]}: {base / best:.2f}×"
            )
    top, bottom = max(folders), min(folders)
    jobs = jobs_list[-1]
    out["batch_wall_2"] = out.get(f"batch_wall_{top}_{jobs}", float("nan"))
    out["batch_peak_mb"] = max(v for k, v in out.items() if k.startswith("batch_rss_")) / 1e6
    out["batch_rss_growth"] = out[f"batch_rss_{top}_{jobs}"] / out[f"batch_rss_{bottom}_{jobs}"]
    print(
        f"  {top:,} documents with --jobs {jobs}: {out[f'batch_wall_{top}_{jobs}']:.2f} s wall,"
        f" peak RSS {_mb(out[f'batch_rss_{top}_{jobs}'])}; {bottom:,} documents:"
        f" {_mb(out[f'batch_rss_{bottom}_{jobs}'])} (memory ×{out['batch_rss_growth']:.2f}"
        f" for ×{top // bottom} the documents)"
    )
    return out


# --- 5. start-up -----------------------------------------------------------------------


def _env(cache: Path | None) -> dict[str, str]:
    """The environment for child processes: with a bytecode cache in ``cache``, or as inherited.

    Some sandboxes set ``PYTHONDONTWRITEBYTECODE``, so every start compiles
    every module from source; an installed package has its ``.pyc`` files.
    With ``cache`` the children write and reuse bytecode there (outside the
    checkout, via ``PYTHONPYCACHEPREFIX``).
    """
    env = dict(os.environ)
    if cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def startup(small: Path, reps: int, cache: Path) -> dict[str, float]:
    """Wall time of a one-file CLI check against an empty interpreter; import cost of perfrules."""
    _header("start-up")
    out: dict[str, float] = {}
    cli = _cli_command()

    def wall(cmd: Sequence[str], env: dict[str, str]) -> float:
        subprocess.run(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
        )  # warm
        times = []
        for _ in range(reps):
            start = time.perf_counter()
            subprocess.run(
                cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
            )
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    inherited = os.environ.get("PYTHONDONTWRITEBYTECODE")
    modes = [("with .pyc cache", _env(cache), "")]
    if inherited:
        modes.append(
            (
                "PYTHONDONTWRITEBYTECODE=1 (as inherited: compiles every module)",
                _env(None),
                "_nopyc",
            )
        )
    for title, env, suffix in modes:
        print(f"  {title}:")
        empty = wall([sys.executable, "-c", "pass"], env)
        imported = wall([sys.executable, "-c", "import perfrules"], env)
        print(f"    python -c pass                      {empty * 1e3:8.1f} ms")
        print(
            f"    python -c 'import perfrules'        {imported * 1e3:8.1f} ms  (+{(imported - empty) * 1e3:.1f} ms)"
        )
        if cli is not None:
            one = wall([*cli, "check", str(small), "--no-progress"], env)
            print(
                f"    perfrules check {small.name:<19} {one * 1e3:8.1f} ms  (+{(one - empty) * 1e3:.1f} ms,"
                f" {one / empty:.1f}× python start-up)"
            )
            out["cli_one_ms" + suffix] = one * 1e3
        else:
            print("    perfrules check: the CLI is not available yet")
            out["cli_one_ms" + suffix] = float("nan")
        out["python_pass_ms" + suffix] = empty * 1e3
        out["import_wall_ms" + suffix] = (imported - empty) * 1e3
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import perfrules"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []  # (cumulative µs, self µs, name with its nesting indentation)
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative, name = line[len("import time:") :].split("|", 2)
        rows.append((int(cumulative), int(self_us), name[1:]))
    top = next((r for r in rows if r[2] == "perfrules"), None)
    total = top[0] if top else 0
    out["import_ms"] = total / 1e3
    print(f"  -X importtime: import perfrules      {total / 1e3:8.1f} ms cumulative")
    heavy = sorted((r for r in rows if r[2].strip() != "perfrules"), reverse=True)[:10]
    print("  heaviest imports under it (cumulative; indentation = nesting):")
    for cum, _, name in heavy:
        print(f"    {cum / 1e3:7.1f} ms  {name.rstrip()}")
    return out


# --- profiling ---------------------------------------------------------------------------


def profile_stage(stage: str, texts: Sequence[str], top: int = 30) -> None:
    """cProfile of one stage (``load``, ``check``, ``score``) over the documents, top functions."""
    check = _check_function()
    rules = _rules()
    score = _score_function()
    reports = [perfrules.loads(t) for t in texts]
    profiles = [_profile_for(r.report.year) for r in reports]
    if stage == "load":

        def run() -> None:
            for t in texts:
                perfrules.loads(t)

    elif stage == "check":  # fresh reports every run (see _fresh), loaded beforehand
        pools = iter([_fresh(texts, 1) for _ in range(4)])

        def run() -> None:
            for r in next(pools):
                check(r, rules)

    elif stage == "score" and score is not None:
        pools = iter([_fresh(texts, 1) for _ in range(4)])

        def run() -> None:
            for r, p in zip(next(pools), profiles, strict=True):
                score(r, p)

    elif stage == "rules":
        rule_breakdown(texts, rules)
        return
    else:
        raise SystemExit(f"cannot profile {stage!r}")
    run()  # warm caches
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(3):
        run()
    prof.disable()
    _header(f"cProfile: {stage} × {len(texts)} documents × 3")
    stats = pstats.Stats(prof)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def rule_breakdown(texts: Sequence[str], rules: Any, reps: int = 5, top: int = 25) -> None:
    """Time per rule per document (µs), shared facts (score sheet, line analysis) apart.

    Each repetition checks freshly loaded reports (see :func:`_fresh`).
    """
    from perfrules.rules.context import Context
    from perfrules.rules.engine import _resolve_profile

    totals: dict[str, float] = {}

    def add(key: str, seconds: float) -> None:
        totals[key] = totals.get(key, 0.0) + seconds

    shared: list[tuple[str, Callable[[Any], Any]]] = [
        ("(score sheet: ctx.sheet)", lambda ctx: ctx.sheet)
    ]
    try:
        from perfrules.rules.kinds._lines import analyse, shares

        shared.append(
            (
                "(line analysis: _lines.analyse + shares)",
                lambda ctx: (ctx.shared(analyse), ctx.shared(shares)),
            )
        )
    except ImportError:
        pass
    try:
        from perfrules.rules.kinds._tiers import tier_system

        shared.append(
            ("(indicator system: _tiers.tier_system)", lambda ctx: ctx.shared(tier_system))
        )
    except ImportError:
        pass
    n = len(texts)
    for _ in range(reps):
        for report in _fresh(texts, 1):
            ctx = Context(report, _resolve_profile(report, None, rules), rules.integers_exact)
            for name, compute in shared:
                start = time.perf_counter()
                compute(ctx)
                add(name, time.perf_counter() - start)
            for active in rules.rules:
                start = time.perf_counter()
                for _hit in active.run(ctx):
                    pass
                add(f"{active.rule.id} {active.rule.name}", time.perf_counter() - start)
    _header(f"time per rule (µs per document, {n} documents × {reps})")
    n *= reps
    print(f"  {sum(totals.values()) / n * 1e6:8.1f}  all rules and shared facts")
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {seconds / n * 1e6:8.1f}  {name}")


# --- the run -------------------------------------------------------------------------------


def targets(figures: dict[str, float]) -> None:
    """Each goal of issue 13 with the measured figure, met or missed."""
    _header("goals (issue 13)")
    for label, key, limit, op in TARGETS:
        value = figures.get(key, float("nan"))
        if value != value:  # NaN: not measured
            verdict = "not measured"
        else:
            met = value <= limit if op == "<=" else value < limit
            verdict = "met" if met else "MISSED"
        print(f"  {verdict:13} {label}: {value:.3f} (limit {limit:g})")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (see the module docstring)."""
    parser = argparse.ArgumentParser(description="perfrules benchmark")
    parser.add_argument("--quick", action="store_true", help="smaller counts for a fast run")
    parser.add_argument("--reps", type=int, default=None, help="repetitions per document and stage")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-batch", action="store_true", help="skip the 10,000-document folder")
    parser.add_argument(
        "--keep", type=Path, default=None, help="write the generated folders here and keep them"
    )
    parser.add_argument(
        "--profile",
        choices=("load", "check", "score", "rules"),
        help="only profile this stage (cProfile), or time each rule (rules)",
    )
    parser.add_argument(
        "--json", type=Path, default=None, help="also write every figure to this JSON file"
    )
    parser.add_argument("--batch-worker", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.batch_worker:
        return _fallback_batch(args.batch_worker, args.jobs)

    reps = args.reps or (3 if args.quick else 7)
    typical_count = 30 if args.quick else 100
    batch_count = 1_000 if args.quick else 10_000
    texts = [generate.document_text(args.seed * 1_000_003 + n)[0] for n in range(typical_count)]
    if args.profile:
        profile_stage(args.profile, texts)
        return 0

    figures: dict[str, Any] = {"machine": machine()}
    figures.update(
        {f"one_{k}": v for k, v in per_document(texts[:1], reps * 2, "1 document").items()}
    )
    figures.update(per_document(texts, reps, f"{typical_count} documents"))
    sizes = [(10, 4), (100, 40), (1_000, 400), (10_000, 4_000)]
    figures.update(growth(sizes, reps))

    tmp = args.keep or Path(tempfile.mkdtemp(prefix="perfrules-bench-"))
    try:
        small = HERE.parent / "examples" / "clean.toml"  # the one-file check
        if not args.no_batch:
            counts = [batch_count // 10, batch_count]
            folders = {}
            for count in counts:
                start = time.perf_counter()
                generate.write_folder(tmp / f"docs-{count}", count, args.seed)
                folders[count] = tmp / f"docs-{count}"
                print(f"\n  (generated {count} documents in {time.perf_counter() - start:.1f} s)")
            figures.update(batch(folders, (1, 2), tmp / "pycache"))
        figures.update(startup(small, 5 if args.quick else 15, tmp / "pycache"))
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    targets(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
