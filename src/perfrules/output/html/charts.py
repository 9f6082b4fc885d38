"""Inline SVG charts drawn by hand: the score sheet per tier, the budget chain, findings per category.

No chart library and no script: each chart is an ``<svg role="img">`` with a
title and a description, every bar labelled with its word (分值 / 自评 / 复核)
and its figure, so that neither colour nor length is the only signal; the
same figures are in a table beside the chart. Coordinates are computed in
:class:`~decimal.Decimal` like every figure of perfrules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from perfrules.output.html.markup import colon, esc, label, num, paren

__all__ = ["budget_chart", "category_chart", "score_chart"]

_TENTH = Decimal("0.1")
_BAR_X = 140  # where bars start
_BAR_W = 320  # the width of a full bar


def _dec(value: object) -> Decimal | None:
    if isinstance(value, Decimal) and value.is_finite():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return None


def _length(value: Decimal, top: Decimal) -> Decimal:
    if top <= 0 or value <= 0:
        return Decimal(0)
    return (min(value, top) * _BAR_W / top).quantize(_TENTH)


def _bar(
    y: int,
    sub: str,
    value: Decimal | None,
    top: Decimal,
    cls: str,
    text: str,
    lang: str,
    ident: str = "",
) -> str:
    """One labelled bar: the word on the left, the bar, the figure after it (``r`` bars hatched)."""
    out = [f'<text class="sub" x="{_BAR_X - 8}" y="{y + 11}" text-anchor="end">{esc(sub)}</text>']
    if value is None:
        out.append(
            f'<text class="val none" x="{_BAR_X}" y="{y + 11}">{label(lang, "not_given")}</text>'
        )
        return "".join(out)
    width = _length(value, top)
    fill = f' fill="url(#{ident}-h)"' if cls == "r" and ident else ""
    out.append(f'<rect class="{cls}"{fill} x="{_BAR_X}" y="{y}" width="{width}" height="14"/>')
    out.append(f'<text class="val" x="{_BAR_X + width + 6}" y="{y + 11}">{esc(text)}</text>')
    return "".join(out)


def _svg(ident: str, title: str, desc: str, height: int, body: str, defs: str = "") -> str:
    return (
        f'<svg class="chart" role="img" aria-labelledby="{ident}-t {ident}-d" viewBox="0 0 680 {height}"'
        f' width="680" height="{height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-t">{esc(title)}</title><desc id="{ident}-d">{esc(desc)}</desc>'
        f"{defs}{body}</svg>"
    )


def _hatch(ident: str) -> str:
    """The diagonal hatching of the recomputed bars (a pattern, so that they differ from the stated ones in print too)."""
    return (
        f'<defs><pattern id="{ident}-h" width="6" height="6" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)"><rect width="6" height="6" class="re-bg"/>'
        '<line x1="0" y1="0" x2="0" y2="6" class="re-line" stroke-width="3"/></pattern></defs>'
    )


def score_chart(score: Mapping[str, Any] | None, lang: str) -> str:
    """Each tier's weight, stated and recomputed score (then budget execution and the total), as bars."""
    if not score:
        return ""
    groups: list[tuple[str, Decimal | None, Decimal | None, Decimal | None, bool]] = []
    for t in score.get("tiers") or ():
        groups.append(
            (
                str(t["tier"]),
                _dec(t.get("weight")),
                _dec(t.get("stated")) if t.get("stated") is not None else _dec(t.get("stated_sum")),
                _dec(t.get("recomputed")),
                bool(t.get("partial")),
            )
        )
    ex = score.get("execution") or {}
    groups.append(
        (
            label(lang, "execution"),
            _dec(ex.get("weight")),
            _dec(ex.get("stated")),
            _dec(ex.get("recomputed")),
            False,
        )
    )
    total = score.get("total") or {}
    total_group = (
        label(lang, "total"),
        _dec(total.get("weights")),
        _dec(total.get("stated")),
        _dec(total.get("recomputed")),
        bool(total.get("partial")),
    )
    tops = [v for g in groups for v in g[1:4] if v is not None]
    top = max(tops, default=Decimal(1))
    total_top = max(
        (v for v in (*total_group[1:4], _dec(total.get("expected_weights"))) if v is not None),
        default=Decimal(100),
    )
    parts: list[str] = []
    desc: list[str] = []
    y = 6
    for n, (name, weight, stated, recomputed, partial) in enumerate([*groups, total_group]):
        scale = total_top if n == len(groups) else top
        if n == len(groups):
            parts.append(f'<line class="sep" x1="0" x2="680" y1="{y}" y2="{y}"/>')
            y += 8
        star = "*" if partial else ""
        parts.append(f'<text class="grp" x="4" y="{y + 12}">{esc(name)}</text>')
        y += 18
        parts.append(_bar(y, label(lang, "weight"), weight, scale, "w", num(weight), lang))
        parts.append(_bar(y + 18, label(lang, "stated"), stated, scale, "s", num(stated), lang))
        parts.append(
            _bar(
                y + 36,
                label(lang, "recomputed"),
                recomputed,
                scale,
                "r",
                num(recomputed) + star,
                lang,
                "sc",
            )
        )
        desc.append(
            f"{name}: {label(lang, 'weight')} {num(weight)}, {label(lang, 'stated')} {num(stated)},"
            f" {label(lang, 'recomputed')} {num(recomputed)}{star}"
        )
        y += 62
    return _svg("sc", label(lang, "chart_score"), "; ".join(desc), y, "".join(parts), _hatch("sc"))


def budget_chart(
    chain: Sequence[Decimal | None],
    stated_rate: Decimal | None,
    recomputed_rate: Decimal | None,
    unit: str,
    lang: str,
) -> str:
    """年初预算 → 调整后预算 → 执行数 as bars on one scale, the adjustment between them, the execution rate."""
    initial, adjustment, adjusted, executed = chain
    if initial is None and adjusted is None and executed is None:
        return ""
    top = max((v for v in (initial, adjusted, executed) if v is not None), default=Decimal(1))
    rows = [("b_initial", initial), ("b_adjusted", adjusted), ("b_executed", executed)]
    parts: list[str] = []
    y = 6
    for n, (key, value) in enumerate(rows):
        text = f"{num(value)} {unit}" if value is not None else ""
        parts.append(_bar(y, label(lang, key), value, top, ("w", "s", "r")[n], text, lang, "bc"))
        y += 18
        if n == 0:
            sign = "+" if adjustment is not None and adjustment > 0 else ""
            adj = f"{sign}{num(adjustment)}" if adjustment is not None else label(lang, "not_given")
            parts.append(
                f'<text class="step" x="{_BAR_X}" y="{y + 10}">↓ {label(lang, "b_adjustment")} {esc(adj)}</text>'
            )
            y += 16
        elif n == 1:
            parts.append(f'<text class="step" x="{_BAR_X}" y="{y + 10}">↓</text>')
            y += 16
    rate = (
        f"{label(lang, 'b_execution_rate')}{colon(lang)}{label(lang, 'stated')} "
        f"{num(stated_rate) + '%' if stated_rate is not None else label(lang, 'not_given')} · "
        f"{label(lang, 'recomputed')} "
        f"{num(recomputed_rate) + '%' if recomputed_rate is not None else '—'}"
    )
    parts.append(f'<text class="grp" x="4" y="{y + 16}">{esc(rate)}</text>')
    y += 26
    desc = (
        f"{label(lang, 'b_initial')} {num(initial)}, {label(lang, 'b_adjustment')} {num(adjustment)}, "
        f"{label(lang, 'b_adjusted')} {num(adjusted)}, {label(lang, 'b_executed')} {num(executed)} {unit}; {rate}"
    )
    return _svg("bc", label(lang, "chart_budget"), desc, y, "".join(parts), _hatch("bc"))


def category_chart(counts: Mapping[str, tuple[int, int, int]], lang: str) -> str:
    """Findings per category across a batch, most first: one bar each, with the count by severity."""
    if not counts:
        return ""
    items = sorted(counts.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
    top = Decimal(max(sum(c) for _, c in items) or 1)
    parts: list[str] = []
    desc: list[str] = []
    y = 6
    for category, (errors, warnings, infos) in items:
        total = errors + warnings + infos
        width = _length(Decimal(total), top)
        text = f"{total}" + paren(
            lang,
            f"{label(lang, 'errors')} {errors} · {label(lang, 'warnings')} {warnings}"
            f" · {label(lang, 'infos')} {infos}",
        )
        parts.append(
            f'<text class="sub" x="{_BAR_X - 8}" y="{y + 11}" text-anchor="end">{esc(category)}</text>'
        )
        parts.append(
            f'<rect class="{"s" if errors else "w"}" x="{_BAR_X}" y="{y}" width="{width}" height="14"/>'
        )
        parts.append(f'<text class="val" x="{_BAR_X + width + 6}" y="{y + 11}">{esc(text)}</text>')
        desc.append(f"{category}: {text}")
        y += 20
    return _svg("cc", label(lang, "by_category"), "; ".join(desc), y + 4, "".join(parts))
