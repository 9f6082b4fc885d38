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

from perfrules._version import __version__
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
    "check",
    "compile_rules",
    "dumps",
    "find_config",
    "load",
    "load_config",
    "loads",
    "loads_config",
    "score",
    "to_data",
]
