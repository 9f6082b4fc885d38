"""Built-in rule kinds: one small module per kind, its docstring being its documentation.

A kind module defines ``check(ctx, params)``, a generator of
:class:`~perfrules.rules.findings.Hit` objects, one per problem, in document order.
Rules in ``rules/*.toml`` name a kind with ``kind = "<module name>"``; the
kind's ``ARGS`` lists the arguments its hits give to message templates.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from perfrules.rules.engine import Context
    from perfrules.rules.findings import Hit

__all__ = ["AFTER_WAIVERS", "KINDS", "NAMES", "kind_args", "kind_doc"]

#: Every kind module, by name. Adding a kind: add its module here and a rule that uses it.
NAMES: tuple[str, ...] = (
    "budget_chain",
    "budget_carryover",
    "execution_rate",
    "execution_over_budget",
    "execution_reason",
    "adjustment_reason",
    "line_sum",
    "root_sum",
    "line_share",
    "unit_slip",
    "indicator_values",
    "indicator_unreadable",
    "completion_rate",
    "indicator_units",
    "missed_target",
    "exceeded_target",
    "unmet_narrative",
    "all_targets_met",
    "claim_mismatch",
    "claim_subject",
    "title_year",
    "filled_on",
    "indicators_present",
    "tiers_present",
    "evaluation_present",
    "tier_unknown",
    "tier_alias",
    "tier_misplaced",
    "waiver_reason",
    "waiver_unused",
    "indicator_score_range",
    "indicator_score",
    "qualitative_band",
    "execution_score",
    "tier_subtotal",
    "total_score",
    "weights_total",
    "score_inflation",
    "grade_score",
    "grade_no_score",
    "grade_inflation",
    "grade_unknown",
)

KindFunction = Callable[["Context", Mapping[str, Any]], Iterator["Hit"]]


def _load() -> dict[str, KindFunction]:
    out: dict[str, KindFunction] = {}
    AFTER_WAIVERS.clear()
    for name in NAMES:
        module = importlib.import_module(f"perfrules.rules.kinds.{name}")
        out[name] = module.check
        if getattr(module, "AFTER_WAIVERS", False):
            AFTER_WAIVERS.add(name)
    return out


def kind_doc(name: str) -> str:
    """The documentation of a kind (its module docstring)."""
    return importlib.import_module(f"perfrules.rules.kinds.{name}").__doc__ or ""


def kind_args(name: str) -> tuple[str, ...]:
    """The message arguments a kind's hits carry."""
    return tuple(getattr(importlib.import_module(f"perfrules.rules.kinds.{name}"), "ARGS", ()))


#: Kinds that run after waivers are applied (they judge the waivers themselves).
AFTER_WAIVERS: set[str] = set()
KINDS: dict[str, KindFunction] = _load()
