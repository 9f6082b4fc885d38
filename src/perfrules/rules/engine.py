"""The rules engine: compile the selected rules once, then check reports with them.

:func:`compile_rules` turns a :class:`~perfrules.rules.config.Config` (selection,
severities, parameters, added rules) into a :class:`RuleSet`: every rule's
check resolved to a function, parameters typed, expressions compiled. Checking
a report (:func:`check`) then only runs those functions over a
:class:`Context` and wraps what they yield into findings; messages are not
rendered until output. Checking does no I/O and keeps no state between calls,
so it is safe to call from several threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar
from weakref import WeakKeyDictionary

import attrs

from perfrules.document.model import Line, Report, Waiver
from perfrules.errors import ConfigError, Problem
from perfrules.rules.config import Config
from perfrules.rules.findings import CATEGORIES, CheckResult, Finding, Hit, Severity
from perfrules.rules.pack import Rule, _param_value, builtin_rules

if TYPE_CHECKING:
    from perfrules.scoring.profiles import Profile
    from perfrules.scoring.scorer import ScoreSheet

__all__ = ["ActiveRule", "Context", "RuleSet", "check", "compile_rules", "default_rules"]

KindFunction = Callable[["Context", Mapping[str, Any]], Iterator[Hit]]
T = TypeVar("T")


class Context:
    """What a rule sees while checking one report: the report, its profile, shared facts.

    Facts that several rules need (the line tree, the score sheet) are
    computed once per check, on first use.
    """

    def __init__(
        self,
        report: Report,
        profile: Profile,
        integers_exact: bool = True,
        selected: frozenset[str] = frozenset(),
        known_rules: Mapping[str, Rule] | None = None,
    ) -> None:
        self.report = report
        #: Ids of the rules this run executes, and every rule id known to it.
        self.selected = selected
        self.known_rules: Mapping[str, Rule] = known_rules or {}
        self.profile = profile
        self.integers_exact = integers_exact
        self._shared: dict[Callable[[Context], Any], Any] = {}
        #: For rules that run after waivers: which of the report's waivers silenced a finding.
        self.waiver_used = [False] * len(report.waivers)

    @cached_property
    def lines_by_id(self) -> dict[str, tuple[int, Line]]:
        """Each line with its index, by id."""
        return {line.id: (i, line) for i, line in enumerate(self.report.lines)}

    @cached_property
    def children(self) -> dict[str | None, list[tuple[int, Line]]]:
        """Lines grouped by parent id (roots under None), in document order."""
        out: dict[str | None, list[tuple[int, Line]]] = {}
        for i, line in enumerate(self.report.lines):
            out.setdefault(line.parent, []).append((i, line))
        return out

    def shared(self, compute: Callable[[Context], T]) -> T:
        """``compute(self)``, computed once per check and shared by every rule that asks."""
        try:
            return self._shared[compute]  # type: ignore[no-any-return]
        except KeyError:
            value = self._shared[compute] = compute(self)
            return value

    @cached_property
    def sheet(self) -> ScoreSheet:
        """The report's score sheet under the profile (recomputed scores, targets met or missed)."""
        from perfrules.scoring.scorer import score

        return score(self.report, self.profile)


@attrs.frozen
class ActiveRule:
    """A rule as configured: its effective severity and parameters, and its check function."""

    rule: Rule
    severity: Severity
    params: Mapping[str, Any]
    run: KindFunction


@attrs.define(frozen=True, eq=False, slots=False)
class RuleSet:
    """Compiled, selected rules, ready to check reports; build with :func:`compile_rules`."""

    rules: tuple[ActiveRule, ...]
    all_rules: Mapping[str, Rule]
    profile: str | None = None
    integers_exact: bool = True
    post_rules: tuple[ActiveRule, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the selected rules, in order."""
        return tuple(sorted(self.selected))

    @cached_property
    def plan(
        self,
    ) -> tuple[tuple[ActiveRule, KindFunction, Mapping[str, Any], tuple[int, int] | None], ...]:
        """What :func:`check` iterates: each rule's function, parameters and years, unpacked once."""
        return tuple((a, a.run, a.params, a.rule.years) for a in self.rules)

    @cached_property
    def selected(self) -> frozenset[str]:
        """The ids of the selected rules."""
        return frozenset(r.rule.id for r in (*self.rules, *self.post_rules))


def _selected(rule: Rule, selectors: tuple[str, ...]) -> bool:
    return rule.id in selectors or rule.category in selectors or "ALL" in selectors


def _check_selectors(
    selectors: tuple[str, ...], known: Mapping[str, Rule], key: str
) -> list[Problem]:
    problems = []
    for i, sel in enumerate(selectors):
        if sel != "ALL" and sel not in known and sel not in CATEGORIES:
            problems.append(
                Problem(
                    "invalid",
                    f"{key}[{i}]",
                    params={
                        "detail": f"{sel!r} is neither a rule id nor a category",
                        "detail_zh": f"{sel!r} 既不是规则编号也不是类别",
                    },
                )
            )
    return problems


def compile_rules(config: Config | None = None) -> RuleSet:
    """Select, configure and compile the rules for ``config`` (default: every built-in rule).

    The result is cached per configuration object; raises
    :class:`~perfrules.errors.ConfigError` for unknown selectors, severities or
    parameters, and when nothing is left selected.
    """
    config = config or _DEFAULT_CONFIG
    cached = _COMPILED.get(config)
    if cached is not None:
        return cached
    with _LOCK:
        cached = _COMPILED.get(config)
        if cached is None:
            cached = _compile(config)
            _COMPILED[config] = cached
    return cached


def _compile(config: Config) -> RuleSet:
    from perfrules.rules.kinds import AFTER_WAIVERS, KINDS

    known: dict[str, Rule] = dict(builtin_rules())
    problems: list[Problem] = []
    for rule in config.rules:
        if rule.id in known:
            problems.append(
                Problem(
                    "duplicate-id",
                    "rules",
                    params={"found": rule.id, "first": known[rule.id].pack or "built-in"},
                    rule=rule.id,
                )
            )
            continue
        known[rule.id] = rule
    problems += _check_selectors(config.select, known, "select")
    problems += _check_selectors(config.ignore, known, "ignore")
    for rid, sev in config.severity.items():
        if rid not in known:
            problems.append(
                Problem(
                    "invalid",
                    f"severity.{rid}",
                    params={"detail": f"no rule {rid}", "detail_zh": f"没有规则 {rid}"},
                )
            )
        elif sev not in ("error", "warning", "info"):
            problems.append(
                Problem(
                    "choice",
                    f"severity.{rid}",
                    params={"found": sev, "choices": "error, warning, info"},
                )
            )
    for rid, values in config.params.items():
        if rid not in known:
            problems.append(
                Problem(
                    "invalid",
                    f"params.{rid}",
                    params={"detail": f"no rule {rid}", "detail_zh": f"没有规则 {rid}"},
                )
            )
            continue
        for name, value in values.items():
            declared = known[rid].params.get(name)
            if declared is None:
                choices = ", ".join(known[rid].params) or "none"
                problems.append(
                    Problem(
                        "invalid",
                        f"params.{rid}.{name}",
                        params={
                            "detail": f"rule {rid} has no parameter {name!r} (it has: {choices})",
                            "detail_zh": f"规则 {rid} 没有参数 {name!r}（可用：{choices}）",
                        },
                    )
                )
                continue
            try:
                _param_value(declared.type, value)
            except ValueError as exc:
                problems.append(
                    Problem(
                        "invalid",
                        f"params.{rid}.{name}",
                        params={"detail": str(exc), "detail_zh": str(exc)},
                    )
                )
    active: list[ActiveRule] = []
    post: list[ActiveRule] = []
    for rid, rule in sorted(known.items()):
        chosen = _selected(rule, config.select) if config.select else True
        if not chosen or _selected(rule, config.ignore):
            continue
        params = {n: p.default for n, p in rule.params.items()}
        for name, value in config.params.get(rid, {}).items():
            if name in rule.params:
                params[name] = _param_value(rule.params[name].type, value)
        wanted = config.severity.get(rid, rule.severity.value)
        severity = Severity(wanted) if wanted in _SEVERITIES else rule.severity
        if rule.kind is not None:
            if rule.kind not in KINDS:
                problems.append(
                    Problem(
                        "invalid",
                        "rules",
                        params={
                            "detail": f"unknown kind {rule.kind}",
                            "detail_zh": f"未知的检查类型 {rule.kind}",
                        },
                        rule=rid,
                    )
                )
                continue
            run: KindFunction = KINDS[rule.kind]
        else:
            try:
                from perfrules.rules.exprrules import expression_check

                run = expression_check(rule)
            except ConfigError:
                raise
            except Exception as exc:
                from perfrules.errors import PerfrulesError

                if isinstance(exc, PerfrulesError):
                    problems.extend(
                        attrs.evolve(p, rule=p.rule or rid, file=p.file or rule.pack)
                        for p in exc.problems
                    )
                    continue
                raise
        entry = ActiveRule(rule, severity, params, run)
        (post if rule.kind in AFTER_WAIVERS else active).append(entry)
    if not active and not post and not problems:
        problems.append(
            Problem(
                "invalid",
                "select",
                params={
                    "detail": "the configuration leaves no rule selected",
                    "detail_zh": "配置未选中任何规则",
                },
            )
        )
    if problems:
        raise ConfigError(attrs.evolve(p, file=p.file or config.file) for p in problems)
    return RuleSet(tuple(active), known, config.profile, config.money_integers_exact, tuple(post))


_SEVERITIES = frozenset(s.value for s in Severity)
_DEFAULT_CONFIG = Config()
_COMPILED: WeakKeyDictionary[Config, RuleSet] = WeakKeyDictionary()
_LOCK = threading.Lock()


def default_rules() -> RuleSet:
    """The built-in rules with their defaults."""
    return compile_rules(_DEFAULT_CONFIG)


def _resolve_profile(report: Report, name: str | Profile | None, rules: RuleSet) -> Profile:
    from perfrules.scoring.profiles import resolve_profile

    return resolve_profile(report, name, rules.profile)


def _finding(active: ActiveRule, hit: Hit, report: Report) -> Finding:
    rule = active.rule
    return Finding(
        rule.id,
        rule.category,
        active.severity,
        hit.about,
        hit.path,
        hit.expected,
        hit.found,
        hit.args,
        rule.message,
        report.source,
    )


def _covers(waiver: Waiver, finding: Finding) -> bool:
    if waiver.rule != finding.rule:
        return False
    if waiver.about is None or waiver.about == finding.about:
        return True
    return finding.about.startswith(waiver.about + ".")


def _RULE_ORDER(f: Finding) -> str:
    return f.rule


def check(
    report: Report,
    config: Config | RuleSet | None = None,
    *,
    profile: str | Profile | None = None,
) -> CheckResult:
    """Run the configured rules over ``report``.

    ``config`` is a :class:`~perfrules.rules.config.Config` or an already compiled
    :class:`RuleSet` (default: every built-in rule). ``profile`` overrides the
    scoring profile named by the configuration or the report (default
    ``national``). Findings come ordered by rule id, then in document order;
    findings silenced by a waiver with a reason are returned apart, in
    ``waived``.
    """
    rules = config if isinstance(config, RuleSet) else compile_rules(config)
    prof = _resolve_profile(report, profile, rules)
    ctx = Context(report, prof, rules.integers_exact, rules.selected, rules.all_rules)
    year = report.report.year
    findings: list[Finding] = []
    for active, run, params, years in rules.plan:
        if years is not None and not years[0] <= year <= years[1]:
            continue
        for hit in run(ctx, params):
            findings.append(_finding(active, hit, report))
    sheet = ctx.__dict__.get("sheet")  # computed only if a rule asked for it
    if not report.waivers:
        return CheckResult(tuple(findings), (), prof.id, sheet)
    kept, waived = _apply_waivers(ctx, rules, findings)
    for active in rules.post_rules:
        kept.extend(_finding(active, hit, report) for hit in active.run(ctx, active.params))
    kept.sort(key=_RULE_ORDER)  # stable: document order within a rule
    return CheckResult(tuple(kept), tuple(waived), prof.id, sheet)


def _apply_waivers(
    ctx: Context, rules: RuleSet, findings: list[Finding]
) -> tuple[list[Finding], list[Finding]]:
    """Split findings into kept and waived; record in ``ctx.waiver_used`` which waivers matched."""
    waivers = ctx.report.waivers
    kept: list[Finding] = []
    waived: list[Finding] = []
    for f in findings:
        for i, w in enumerate(waivers):
            if w.reason.strip() and _covers(w, f):
                ctx.waiver_used[i] = True
                waived.append(attrs.evolve(f, waiver=w))
                break
        else:
            kept.append(f)
    return kept, waived
