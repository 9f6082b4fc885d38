"""Generate the rule reference (Markdown) from the rule packs in ``rules/``.

The reference is data-driven: every page under ``docs/rules/`` is rendered
from the rule packs and the taxonomy, so the documentation cannot drift from
what perfrules checks; a rule's prose has one home, its ``doc`` in the pack. Regenerate with::

    python -m perfrules.output.docgen docs/rules

and verify (what the docs test does) with ``--check``. The output is
deterministic: one ``index.md`` listing every rule, and one page per category
(in the fixed order of :data:`~perfrules.rules.findings.CATEGORIES`) with a section
per rule: id, name, category, severity, title and message in Chinese and
English, what it checks, why, why its severity, how to fix and its source (in English,
then Chinese), parameters, the check itself (its
kind, or its expression), and the passing and failing examples as
TOML, with the findings the failing example really produces.

The package: :mod:`~perfrules.output.docgen.markdown` (Markdown helpers and
the marker of generated pages), :mod:`~perfrules.output.docgen.rulepages`
(the index and the category pages), :mod:`~perfrules.output.docgen.profilepages`
(the profiles page), :mod:`~perfrules.output.docgen.pages` (rendering,
checking and writing every page) and :mod:`~perfrules.output.docgen.command`
(the command line). The names below are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfrules._lazy import lazy_face

if TYPE_CHECKING:
    from perfrules.output.docgen.command import main
    from perfrules.output.docgen.markdown import MARKER, REGENERATE
    from perfrules.output.docgen.pages import check_pages, render_pages, write_pages
    from perfrules.output.docgen.rulepages import CATEGORY_DOCS, finding_line

__all__ = [
    "CATEGORY_DOCS",
    "MARKER",
    "REGENERATE",
    "check_pages",
    "finding_line",
    "main",
    "render_pages",
    "write_pages",
]

#: Where each name lives; imported on first use.
_LAZY: dict[str, str] = {
    "CATEGORY_DOCS": "perfrules.output.docgen.rulepages",
    "MARKER": "perfrules.output.docgen.markdown",
    "REGENERATE": "perfrules.output.docgen.markdown",
    "check_pages": "perfrules.output.docgen.pages",
    "finding_line": "perfrules.output.docgen.rulepages",
    "main": "perfrules.output.docgen.command",
    "render_pages": "perfrules.output.docgen.pages",
    "write_pages": "perfrules.output.docgen.pages",
}


__getattr__, __dir__ = lazy_face(__name__, _LAZY, globals())
