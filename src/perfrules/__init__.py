"""perfrules: catch the mistakes in budget performance self-evaluation reports (绩效自评报告).

The public API:

- :func:`load` / :func:`loads` read a report document (format 1, TOML or JSON)
  into a :class:`Report`; :func:`dumps` writes one back as JSON.
- :func:`check` runs the rules and returns a :class:`CheckResult` of
  :class:`Finding` objects (data, not strings).
- :func:`score` recomputes the score sheet under a scoring profile
  (:func:`resolve_profile` says which); :func:`indicator_system` gives the
  report's tiers as an :class:`IndicatorSystem` tree.
- :func:`extract` reads a report as written (.txt, .docx, .xlsx, .pdf) into an
  :class:`Extraction`: the report, where each value was read, what was not read
  and what a person must decide; :func:`render_extraction` gives its annotated
  TOML, :func:`may_overwrite` / :func:`write_extraction` protect edited files.
- Every deliberate failure is a :class:`PerfrulesError` carrying
  :class:`Problem` objects with file, key path and line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfrules._lazy import lazy_face
from perfrules._version import __version__

if TYPE_CHECKING:
    from perfrules.document.figures import Money, Percent
    from perfrules.document.loader import dumps, load, loads, to_data
    from perfrules.document.model import (
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
    from perfrules.document.system import (
        FirstTier,
        IndicatorSystem,
        Placement,
        SecondTier,
        TierStatus,
        indicator_system,
    )
    from perfrules.document.systemtext import system_lines
    from perfrules.document.values import (
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
    from perfrules.errors import (
        ConfigError,
        DocumentError,
        ExpressionError,
        PerfrulesError,
        Problem,
        ProfileError,
        RulePackError,
    )
    from perfrules.extract.api import (
        Extraction,
        extract,
        may_overwrite,
        render_extraction,
        write_extraction,
    )
    from perfrules.rules.config import Config, find_config, load_config, loads_config
    from perfrules.rules.engine import RuleSet, check, compile_rules
    from perfrules.rules.findings import CATEGORIES, CheckResult, Finding, Severity
    from perfrules.scoring.model import Profile
    from perfrules.scoring.profiles import available_profiles, load_profile, resolve_profile
    from perfrules.scoring.scorer import score
    from perfrules.scoring.sheet import ScoreSheet

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
    "Extraction",
    "Finding",
    "FirstTier",
    "Indicator",
    "IndicatorSystem",
    "Line",
    "LineKind",
    "Money",
    "Narrative",
    "Op",
    "Percent",
    "PerfrulesError",
    "Placement",
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
    "SecondTier",
    "Severity",
    "TierScore",
    "TierStatus",
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
    "extract",
    "find_config",
    "indicator_system",
    "load",
    "load_config",
    "load_profile",
    "loads",
    "loads_config",
    "may_overwrite",
    "render_extraction",
    "resolve_profile",
    "score",
    "system_lines",
    "to_data",
    "write_extraction",
]

#: Where each public name lives; imported on first use so that ``import perfrules`` stays cheap.
_LAZY: dict[str, str] = {
    "Approx": "perfrules.document.values",
    "Budget": "perfrules.document.model",
    "CATEGORIES": "perfrules.rules.findings",
    "CheckResult": "perfrules.rules.findings",
    "Claim": "perfrules.document.model",
    "Comparison": "perfrules.document.values",
    "Config": "perfrules.rules.config",
    "ConfigError": "perfrules.errors",
    "DocumentError": "perfrules.errors",
    "Evaluation": "perfrules.document.model",
    "ExpressionError": "perfrules.errors",
    "Extraction": "perfrules.extract.api",
    "Finding": "perfrules.rules.findings",
    "FirstTier": "perfrules.document.system",
    "Indicator": "perfrules.document.model",
    "IndicatorSystem": "perfrules.document.system",
    "Line": "perfrules.document.model",
    "LineKind": "perfrules.document.model",
    "Money": "perfrules.document.figures",
    "Narrative": "perfrules.document.model",
    "Op": "perfrules.document.values",
    "Percent": "perfrules.document.figures",
    "PerfrulesError": "perfrules.errors",
    "Placement": "perfrules.document.system",
    "Profile": "perfrules.scoring.model",
    "Problem": "perfrules.errors",
    "ProfileError": "perfrules.errors",
    "Qualitative": "perfrules.document.values",
    "Quantity": "perfrules.document.values",
    "Report": "perfrules.document.model",
    "ReportInfo": "perfrules.document.model",
    "ReportKind": "perfrules.document.model",
    "RulePackError": "perfrules.errors",
    "RuleSet": "perfrules.rules.engine",
    "ScoreSheet": "perfrules.scoring.sheet",
    "SecondTier": "perfrules.document.system",
    "Severity": "perfrules.rules.findings",
    "TierScore": "perfrules.document.model",
    "TierStatus": "perfrules.document.system",
    "Timing": "perfrules.document.values",
    "TimingKind": "perfrules.document.values",
    "Unparsed": "perfrules.document.values",
    "Value": "perfrules.document.values",
    "Waiver": "perfrules.document.model",
    "__version__": "perfrules._version",
    "check": "perfrules.rules.engine",
    "compile_rules": "perfrules.rules.engine",
    "dumps": "perfrules.document.loader",
    "extract": "perfrules.extract",
    "find_config": "perfrules.rules.config",
    "indicator_system": "perfrules.document.system",
    "load": "perfrules.document.loader",
    "load_config": "perfrules.rules.config",
    "load_profile": "perfrules.scoring.profiles",
    "available_profiles": "perfrules.scoring.profiles",
    "loads": "perfrules.document.loader",
    "loads_config": "perfrules.rules.config",
    "resolve_profile": "perfrules.scoring.profiles",
    "may_overwrite": "perfrules.extract.api",
    "render_extraction": "perfrules.extract.api",
    "write_extraction": "perfrules.extract.api",
    "score": "perfrules.scoring.scorer",
    "system_lines": "perfrules.document.systemtext",
    "to_data": "perfrules.document.loader",
}


__getattr__, __dir__ = lazy_face(__name__, _LAZY, globals())
