"""The whole rule reference as ``{file name: Markdown}``, and checking or writing it in a folder.

:func:`render_pages` renders every page from the rule packs, the taxonomy and
the profiles; :func:`check_pages` says how a folder differs from them and
:func:`write_pages` brings it up to date, removing only pages that carry
:data:`~perfrules.output.docgen.markdown.MARKER`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from perfrules.document.taxonomy import Taxonomy
from perfrules.output.docgen.markdown import MARKER
from perfrules.output.docgen.profilepages import _profiles_page
from perfrules.output.docgen.rulepages import _category_page, _index_page
from perfrules.rules.findings import CATEGORIES
from perfrules.rules.pack import RulePack, builtin_packs
from perfrules.scoring.profiles import Profile

__all__ = ["check_pages", "render_pages", "write_pages"]


def render_pages(
    packs: Sequence[RulePack] | None = None,
    taxonomy: Taxonomy | None = None,
    profiles: Sequence[Profile] | None = None,
    *,
    with_findings: bool = True,
) -> dict[str, str]:
    """The rule reference as ``{file name: Markdown}``.

    ``index.md`` lists every rule, one page per category holds the rules'
    sections, and ``profiles.md`` the scoring profiles. ``packs`` defaults to
    the built-in packs, ``taxonomy`` and ``profiles`` to the built-in ones.
    With ``with_findings`` the failing examples are checked and the findings
    they produce are shown under them.
    """
    if packs is None:
        packs = builtin_packs()
    if taxonomy is None:
        from perfrules.document.taxonomy import taxonomy as builtin_taxonomy

        taxonomy = builtin_taxonomy()
    entries = sorted(((r, p) for p in packs for r in p.rules), key=lambda e: e[0].id)
    pages = {"index.md": _index_page(entries, sorted(packs, key=lambda p: p.id))}
    for category in CATEGORIES:
        chosen = [e for e in entries if e[0].category == category]
        pages[f"{category}.md"] = _category_page(category, chosen, taxonomy, with_findings)
    if profiles is None:
        from perfrules.scoring.profiles import available_profiles

        profiles = available_profiles()
    pages["profiles.md"] = _profiles_page(
        sorted(profiles, key=lambda p: (p.id != "national", p.id))
    )
    return pages


def check_pages(folder: str | Path, pages: Mapping[str, str] | None = None) -> list[str]:
    """How the generated files in ``folder`` differ from ``pages`` (empty when current)."""
    folder = Path(folder)
    pages = render_pages() if pages is None else pages
    problems: list[str] = []
    for name, text in sorted(pages.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{path}: out of date")
    if folder.is_dir():
        for path in sorted(folder.glob("*.md")):
            if path.name not in pages and _generated(path):
                problems.append(f"{path}: no longer generated (stale)")
    return problems


def _generated(path: Path) -> bool:
    with path.open(encoding="utf-8") as fh:
        return fh.readline().rstrip("\n") == MARKER


def write_pages(folder: str | Path, pages: Mapping[str, str] | None = None) -> list[Path]:
    """Write ``pages`` into ``folder`` (removing stale generated pages); return the files changed."""
    folder = Path(folder)
    pages = render_pages() if pages is None else pages
    folder.mkdir(parents=True, exist_ok=True)
    changed: list[Path] = []
    for name, text in sorted(pages.items()):
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changed.append(path)
    for path in sorted(folder.glob("*.md")):
        if path.name not in pages and _generated(path):
            path.unlink()
            changed.append(path)
    return changed
