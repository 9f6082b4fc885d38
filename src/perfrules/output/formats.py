"""The output formats of ``perfrules check`` by name, and the writer for each (imported when chosen).

``html`` writes review pages: into ``directory`` (a page per report and
``index.html``), or a single report's page to ``out``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from perfrules.output.writer import Writer
    from perfrules.rules.engine import RuleSet

__all__ = ["FORMATS", "make_writer"]

#: The ``--format`` choices.
FORMATS = ("text", "json", "sarif", "github", "html")


def make_writer(
    fmt: str,
    out: TextIO,
    *,
    lang: str = "zh",
    show_waived: bool = False,
    color: bool = False,
    rules: RuleSet | None = None,
    explicit: frozenset[str] = frozenset(),
    baseline: bool = False,
    group: bool = True,
    directory: str | None = None,
    docs_url: str = "docs/rules",
) -> Writer:
    """The writer for ``--format fmt``.

    ``group``: text output groups repeated findings; ``directory`` and
    ``docs_url``: for ``html`` only.
    """
    if fmt == "json":
        from perfrules.output.jsonout import JsonWriter

        return JsonWriter(out, lang=lang, show_waived=show_waived)
    if fmt == "sarif":
        from perfrules.output.sarif import SarifWriter

        return SarifWriter(out, lang=lang, show_waived=show_waived, rules=rules, baseline=baseline)
    if fmt == "html":
        from perfrules.output.html.writer import HtmlWriter

        titles = {}
        if rules is not None:
            titles = {rid: rule.title.get(lang) for rid, rule in rules.all_rules.items()}
        return HtmlWriter(
            out,
            lang=lang,
            show_waived=show_waived,
            directory=directory,
            docs_url=docs_url,
            titles=titles,
        )
    if fmt == "github":
        from perfrules.output.github import GithubWriter

        return GithubWriter(out, lang=lang, show_waived=show_waived)
    from perfrules.output.text import TextWriter

    return TextWriter(
        out, lang=lang, show_waived=show_waived, color=color, explicit=explicit, group=group
    )
