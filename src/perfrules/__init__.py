"""perfrules: catch the mistakes in budget performance self-evaluation reports (绩效自评报告).

The public API:

- :func:`load` / :func:`loads` read a report document (format 1, TOML or JSON)
  into a :class:`Report`; :func:`dumps` writes one back as JSON.
- :func:`check` runs the rules and returns a :class:`CheckResult` of
  :class:`Finding` objects (data, not strings).
- :func:`score` recomputes the score sheet under a scoring profile.
- Every deliberate failure is a :class:`PerfrulesError` carrying
  :class:`Problem` objects with file, key path and line.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from perfrules._version import __version__

if TYPE_CHECKING:
    from perfrules.config import Config, find_config, load_config, loads_config
    from perfrules.engine import RuleSet, check, compile_rules
    from perfrules.errors import (
        ConfigError,
        DocumentError,
        ExpressionError,
        PerfrulesError,
        Problem,
        ProfileError,
        RulePackError,
    )
    from perfrules.figures import Money, Percent
    from perfrules.findings import CATEGORIES, CheckResult, Finding, Severity
    from perfrules.loader import dumps, load, loads, to_data
    from perfrules.model import (
        Budget,
        Claim,
        Evaluation,
        Indicator,
        Line,
        LineKind,
        Narrative,
        Report,
        ReportInfo,
        ReportKind,
        TierScore,
        Waiver,
    )
    from perfrules.profiles import Profile, available_profiles, load_profile
    from perfrules.scoring import ScoreSheet, score
    from perfrules.values import (
        Approx,
        Comparison,
        Op,
        Qualitative,
        Quantity,
        Timing,
        TimingKind,
        Unparsed,
        Value,
    )

__all__ = [
    "CATEGORIES",
    "Approx",
    "Budget",
    "CheckResult",
    "Claim",
    "Comparison",
    "Config",
    "ConfigError",
    "DocumentError",
    "Evaluation",
    "ExpressionError",
    "Finding",
    "Indicator",
    "Line",
    "LineKind",
    "Money",
    "Narrative",
    "Op",
    "Percent",
    "PerfrulesError",
    "Problem",
    "Profile",
    "ProfileError",
    "Qualitative",
    "Quantity",
    "Report",
    "ReportInfo",
    "ReportKind",
    "RulePackError",
    "RuleSet",
    "ScoreSheet",
    "Severity",
    "TierScore",
    "Timing",
    "TimingKind",
    "Unparsed",
    "Value",
    "Waiver",
    "__version__",
    "available_profiles",
    "check",
    "compile_rules",
    "dumps",
    "find_config",
    "load",
    "load_config",
    "load_profile",
    "loads",
    "loads_config",
    "score",
    "to_data",
]

#: Where each public name lives; imported on first use so that ``import perfrules`` stays cheap.
_LAZY: dict[str, str] = {
    "Approx": "perfrules.values",
    "Budget": "perfrules.model",
    "CATEGORIES": "perfrules.findings",
    "CheckResult": "perfrules.findings",
    "Claim": "perfrules.model",
    "Comparison": "perfrules.values",
    "Config": "perfrules.config",
    "ConfigError": "perfrules.errors",
    "DocumentError": "perfrules.errors",
    "Evaluation": "perfrules.model",
    "ExpressionError": "perfrules.errors",
    "Finding": "perfrules.findings",
    "Indicator": "perfrules.model",
    "Line": "perfrules.model",
    "LineKind": "perfrules.model",
    "Money": "perfrules.figures",
    "Narrative": "perfrules.model",
    "Op": "perfrules.values",
    "Percent": "perfrules.figures",
    "PerfrulesError": "perfrules.errors",
    "Profile": "perfrules.profiles",
    "Problem": "perfrules.errors",
    "ProfileError": "perfrules.errors",
    "Qualitative": "perfrules.values",
    "Quantity": "perfrules.values",
    "Report": "perfrules.model",
    "ReportInfo": "perfrules.model",
    "ReportKind": "perfrules.model",
    "RulePackError": "perfrules.errors",
    "RuleSet": "perfrules.engine",
    "ScoreSheet": "perfrules.scoring",
    "Severity": "perfrules.findings",
    "TierScore": "perfrules.model",
    "Timing": "perfrules.values",
    "TimingKind": "perfrules.values",
    "Unparsed": "perfrules.values",
    "Value": "perfrules.values",
    "Waiver": "perfrules.model",
    "__version__": "perfrules._version",
    "check": "perfrules.engine",
    "compile_rules": "perfrules.engine",
    "dumps": "perfrules.loader",
    "find_config": "perfrules.config",
    "load": "perfrules.loader",
    "load_config": "perfrules.config",
    "load_profile": "perfrules.profiles",
    "available_profiles": "perfrules.profiles",
    "loads": "perfrules.loader",
    "loads_config": "perfrules.config",
    "score": "perfrules.scoring",
    "to_data": "perfrules.loader",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'perfrules' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
