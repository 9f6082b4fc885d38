"""The accuracy benchmark holds: every field of the hand encodings the text states is extracted, but the misses listed here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent.parent.parent / "bench" / "extract_accuracy.py"

#: Fields the text states that the extraction does not find, and why (each also in README's table).
#: None today: a miss added here must be explained, and README's table shows it.
MISSES: dict[tuple[str, str], str] = {}


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_accuracy", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_field_the_text_states_is_extracted() -> None:
    bench = _bench()
    diffs = set()
    for seed, example in bench.PAIRS.items():
        tally = bench.measure(seed, example)
        for d in tally.diffs:
            field = d.split(": ", 1)[0]
            if not field.startswith("extra "):
                diffs.add((example, field))
    assert diffs == set(MISSES)


def test_the_table_prints() -> None:
    bench = _bench()
    table = bench.table([bench.measure("004", "urumqi-2023")])
    assert table.splitlines()[0].startswith("| seed | report | budget |")
    assert "urumqi-2023" in table
