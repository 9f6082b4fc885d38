"""The kind registry: every kind module of the package is found, none is listed by hand, each loads lazily."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import perfrules
from perfrules.rules import kinds
from perfrules.rules.config import Config, loads_config
from perfrules.rules.engine import compile_rules
from perfrules.rules.findings import Hit
from perfrules.rules.pack import builtin_rules, loads_pack
from tests.conftest import EXAMPLES

KINDS_DIR = Path(kinds.__file__).parent
SAMPLE_VALUES: dict[str, Any] = {
    "decimal": Decimal(1),
    "integer": 1,
    "boolean": True,
    "string": "x",
}

# A kind module written for this test only: one hit per indicator, and a record
# of every Params object its check was given.
DEMO_KIND = '''"""A kind for the tests: one hit per indicator."""

from __future__ import annotations

from decimal import Decimal

import attrs

from perfrules.rules.findings import Hit

SEEN = []


@attrs.frozen
class Params:
    """What its rules set."""

    limit: Decimal
    label: str


@attrs.frozen
class Args:
    """What its messages name."""

    name: str
    limit: Decimal


def check(ctx, params):
    SEEN.append(params)
    for i, ind in enumerate(ctx.report.indicators):
        yield Hit(ind.key, f"indicators[{i}]", args=Args(name=ind.name, limit=params.limit))
'''

DEMO_PACK = """
[pack]
id = "demo"

[[rules]]
id = "PR950"
name = "demo"
category = "score"
severity = "info"
kind = "demo_kind"
title = { zh = "演示", en = "demo" }
message = { zh = "{name} {limit}", en = "{name} {limit}" }
[rules.params.limit]
type = "decimal"
default = 2.5
[rules.params.label]
type = "string"
default = "x"
[rules.doc]
what = "w"
why = "w"
source = "s"
"""


def test_every_kind_module_is_registered() -> None:
    modules = sorted(p.stem for p in KINDS_DIR.glob("*.py") if not p.stem.startswith("_"))
    assert kinds.names() == tuple(modules)
    for name in modules:
        kind = kinds.kind(name)
        assert kind is not None and kind.name == name and callable(kind.check)
        assert attrs.has(kind.params) and attrs.has(kind.args)
        params = kind.params(**{n: SAMPLE_VALUES[t] for n, t in kind.param_types.items()})
        args = kind.args(**dict.fromkeys(kind.fields))
        for obj in (params, args):  # both are frozen
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                obj.x = 1  # type: ignore[attr-defined]


def test_helper_modules_and_unknown_names_are_not_kinds() -> None:
    helpers = [p.stem for p in KINDS_DIR.glob("_*.py") if p.stem != "__init__"]
    assert helpers and not set(helpers) & set(kinds.names())
    assert kinds.kind("_lines") is None and kinds.kind("no_such_kind") is None


def test_every_built_in_rule_uses_a_registered_kind() -> None:
    used = {r.kind for r in builtin_rules().values()}
    assert used <= set(kinds.names())


def test_a_kind_module_added_to_the_package_is_found_without_being_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "demo_kind.py").write_text(DEMO_KIND, "utf-8")
    (tmp_path / "_demo_helper.py").write_text('"""Not a kind."""\n', "utf-8")
    monkeypatch.setattr(kinds, "__path__", [*kinds.__path__, str(tmp_path)])
    kinds.names.cache_clear()
    try:
        assert "demo_kind" in kinds.names() and "_demo_helper" not in kinds.names()
        rules = compile_rules(Config(rules=loads_pack(DEMO_PACK).rules, select=("PR950",)))
        report = perfrules.load(EXAMPLES / "urumqi-2023.toml")
        first = perfrules.check(report, rules).findings
        second = perfrules.check(report, rules).findings
        assert first == second and len(first) == len(report.indicators)
        assert first[0].arguments["limit"] == Decimal("2.5")
        seen = sys.modules["perfrules.rules.kinds.demo_kind"].SEEN
        # Params were built once, when the rules were compiled, and typed:
        assert len(seen) == 2 and seen[0] is seen[1]
        assert type(seen[0]).__name__ == "Params"
        assert seen[0].limit == Decimal("2.5") and isinstance(seen[0].limit, Decimal)
        assert seen[0].label == "x"
    finally:
        monkeypatch.undo()
        kinds.names.cache_clear()
        sys.modules.pop("perfrules.rules.kinds.demo_kind", None)
    assert "demo_kind" not in kinds.names()


def test_params_are_typed_objects_built_from_the_configuration() -> None:
    rules = compile_rules(
        loads_config("[params.PR041]\nratio = 500\n[params.PR061]\nyears_after = 2\n")
    )
    by_id = {a.rule.id: a for a in rules.rules}
    exceeded, filed = by_id["PR041"].params, by_id["PR061"].params
    assert type(exceeded) is kinds.kind("exceeded_target").params  # type: ignore[union-attr]
    assert exceeded.ratio == Decimal(500) and isinstance(exceeded.ratio, Decimal)  # type: ignore[attr-defined]
    assert filed.years_after == 2 and type(filed.years_after) is int  # type: ignore[attr-defined]


def test_message_fields_are_the_args_fields() -> None:
    kind = kinds.kind("budget_chain")
    assert kind is not None and kind.fields == {"initial", "adjustment", "adjusted", "sum"}
    args = kind.args(initial=1, adjustment=2, adjusted=3, sum=4)
    hit = Hit("budget.adjusted", "budget.adjusted", args=args)
    assert hit.args == (("initial", 1), ("adjustment", 2), ("adjusted", 3), ("sum", 4))


def test_kinds_are_imported_only_when_asked_for() -> None:
    code = (
        "import sys\n"
        "from perfrules.rules import kinds\n"
        "loaded = lambda: sorted(m for m in sys.modules if m.startswith('perfrules.rules.kinds.'))\n"
        "assert kinds.names() and loaded() == [], loaded()\n"
        "kinds.kind('title_year')\n"
        "assert loaded() == ['perfrules.rules.kinds.title_year'], loaded()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
