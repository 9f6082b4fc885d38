"""The rules engine: compile the selected rules once, then check reports with them.

:func:`compile_rules` turns a :class:`~perfrules.rules.config.Config` (selection,
severities, parameters, added rules) into a :class:`RuleSet`: the
configuration checked against the rules it knows, and every rule linked to
its check (:func:`perfrules.rules.link.link`: kind found, parameters typed,
expressions compiled). Checking a report (:func:`check`) then only runs those
checks over a :class:`~perfrules.rules.context.Context` and wraps what they
yield into findings; messages are not rendered until output. Checking does
no I/O and keeps no state between calls, so it is safe to call from several
threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from functools import cache, cached_property
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

import attrs

from perfrules.document.model import Report, Waiver
from perfrules.errors import ConfigError
from perfrules.rules.config import Config, check_config, known_rules
from perfrules.rules.context import Context
from perfrules.rules.findings import CheckResult, Finding, Hit, Severity
from perfrules.rules.link import Check, KindCheck, link
from perfrules.rules.pack import Rule

if TYPE_CHECKING:
    from perfrules.scoring.profiles import Profile

__all__ = ["ActiveRule", "RuleSet", "check", "compile_rules", "default_rules"]


@attrs.frozen
class ActiveRule:
    """A rule as configured: its effective severity, its typed parameters, and its check."""

    rule: Rule
    severity: Severity
    #: The kind's ``Params`` object (for an expression rule, its values by name).
    params: object
    #: The rule's check, parameters bound: ``run(ctx)`` yields its hits.
    run: Check
    #: For a kind's rule, the kind's check: ``run(ctx)`` is ``kind_check(ctx, params)``.
    kind_check: KindCheck | None = attrs.field(default=None, eq=False, repr=False)


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
    def plan(self) -> tuple[tuple[ActiveRule, KindCheck, object, tuple[int, int] | None], ...]:
        """What :func:`check` iterates: each rule's check, its argument and years, unpacked once.

        ``check(ctx, argument)`` yields the rule's hits: a kind's check is
        called with the rule's parameters directly (what ``run`` does, one
        call fewer per rule), any other rule's ``run`` through :func:`_run`.
        """
        return tuple(
            (a, a.kind_check, a.params, a.rule.years)
            if a.kind_check is not None
            else (a, _run, a.run, a.rule.years)
            for a in self.rules
        )

    @cached_property
    def selected(self) -> frozenset[str]:
        """The ids of the selected rules."""
        return frozenset(r.rule.id for r in (*self.rules, *self.post_rules))

    @cached_property
    def known(self) -> frozenset[str]:
        """The id of every rule known to the configuration, selected or not."""
        return frozenset(self.all_rules)


def compile_rules(config: Config | None = None) -> RuleSet:
    """Select, configure and compile the rules for ``config`` (default: every built-in rule).

    The result is cached per configuration object. Raises
    :class:`~perfrules.errors.ConfigError` with every problem at once: unknown
    selectors, severities or parameters, a selection that leaves nothing, and
    rules that cannot be linked (an unknown kind, parameters or a message
    that do not fit it, an expression outside the language).
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
    known, problems = known_rules(config)
    problems += check_config(config, known)
    active: list[ActiveRule] = []
    post: list[ActiveRule] = []
    for _, rule in sorted(known.items()):  # all linked, so that every problem shows now
        linked, more = link(rule, config.param_values(rule))
        problems += more
        if linked is None or not config.selects(rule):
            continue
        severity = config.severity_of(rule)
        entry = ActiveRule(rule, severity, linked.params, linked.run, linked.kind_check)
        (post if linked.after_waivers else active).append(entry)
    if problems:
        raise ConfigError(attrs.evolve(p, file=p.file or config.file) for p in problems)
    return RuleSet(tuple(active), known, config.profile, config.money_integers_exact, tuple(post))


_DEFAULT_CONFIG = Config()
_COMPILED: WeakKeyDictionary[Config, RuleSet] = WeakKeyDictionary()
_LOCK = threading.Lock()


def default_rules() -> RuleSet:
    """The built-in rules with their defaults."""
    return compile_rules(_DEFAULT_CONFIG)


def _run(ctx: Context, run: Check) -> Iterator[Hit]:
    """A rule's ``run`` in the shape of a kind's check (:attr:`RuleSet.plan`)."""
    return run(ctx)


@cache
def _resolver() -> Callable[..., Profile]:
    """:func:`~perfrules.scoring.profiles.resolve_profile`, imported on first use and kept."""
    # Imported when a report is checked, for start-up cost: compiling rules
    # (``perfrules rules``, a configuration check) needs no profiles. Kept,
    # as an import statement costs a check about what resolving the profile does.
    from perfrules.scoring.profiles import resolve_profile

    return resolve_profile


def _resolve_profile(report: Report, name: str | Profile | None, rules: RuleSet) -> Profile:
    return _resolver()(report, name, rules.profile)


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
    ``waived``; rules that failed on the report (an expression that cannot be
    evaluated for a subject other than for an absent value) in ``errors``.
    """
    rules = config if isinstance(config, RuleSet) else compile_rules(config)
    prof = _resolve_profile(report, profile, rules)
    ctx = Context(report, prof, rules.integers_exact, rules.selected, rules.known)
    year = report.report.year
    findings: list[Finding] = []
    for active, run, argument, years in rules.plan:
        if years is not None and not years[0] <= year <= years[1]:
            continue
        for hit in run(ctx, argument):
            findings.append(_finding(active, hit, report))
    sheet = ctx.computed_sheet  # computed only if a rule asked for it
    if not report.waivers:
        return CheckResult(tuple(findings), (), prof.id, sheet, tuple(ctx.failures))
    kept, waived = _apply_waivers(ctx, rules, findings)
    for active in rules.post_rules:
        kept.extend(_finding(active, hit, report) for hit in active.run(ctx))
    kept.sort(key=_RULE_ORDER)  # stable: document order within a rule
    return CheckResult(tuple(kept), tuple(waived), prof.id, sheet, tuple(ctx.failures))


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
