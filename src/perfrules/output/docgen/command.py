"""``python -m perfrules.output.docgen OUT_DIR [--rules DIR] [--check]``: regenerate or verify the reference."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from perfrules.document.taxonomy import Taxonomy, load_taxonomy
from perfrules.output.docgen.markdown import REGENERATE
from perfrules.output.docgen.pages import check_pages, render_pages, write_pages
from perfrules.rules.pack import RulePack, load_pack
from perfrules.scoring.profiles import Profile

__all__ = ["main"]


def _packs_in(folder: Path) -> tuple[RulePack, ...]:
    return tuple(load_pack(p) for p in sorted(folder.glob("*.toml")))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m perfrules.output.docgen OUT_DIR [--rules DIR] [--check]``."""
    parser = argparse.ArgumentParser(
        prog="python -m perfrules.output.docgen",
        description="Generate the rule reference from the rule packs.",
    )
    parser.add_argument("out", help="folder for the generated pages, e.g. docs/rules")
    parser.add_argument("--rules", help="folder of rule packs (default: the built-in rules/)")
    parser.add_argument(
        "--check", action="store_true", help="only report whether the pages are current"
    )
    args = parser.parse_args(argv)
    packs: Sequence[RulePack] | None = None
    taxonomy: Taxonomy | None = None
    profiles: list[Profile] | None = None
    from perfrules.errors import PerfrulesError

    try:
        if args.rules:
            from perfrules.scoring.profiles import load_profile

            folder = Path(args.rules)
            packs = _packs_in(folder)
            tiers = folder / "taxonomy" / "tiers.toml"
            taxonomy = load_taxonomy(tiers) if tiers.is_file() else None
            profiles = [load_profile(p) for p in sorted((folder / "profiles").glob("*.toml"))]
        pages = render_pages(packs, taxonomy, profiles)
    except PerfrulesError as exc:
        print(exc.render("en"), file=sys.stderr)
        return 2
    if args.check:
        problems = check_pages(args.out, pages)
        for problem in problems:
            print(problem)
        if problems:
            print(f"the rule reference is out of date: run `{REGENERATE}`", file=sys.stderr)
            return 1
        return 0
    changed = write_pages(args.out, pages)
    for path in changed:
        print(f"wrote {path}" if path.exists() else f"removed {path}")
    print(f"{len(pages)} pages in {args.out}, {len(changed)} changed")
    return 0
