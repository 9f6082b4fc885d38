"""HTML output (``perfrules review``, ``check --format html``): a page per report and an overview.

With a folder, :class:`HtmlWriter` writes each report's page as it arrives
(``<name>.html``, named after the report's file, made unique) and, at the
end, ``index.html`` over all of them, then prints where they are. Without a
folder it writes the one report's page to its stream. Page names never clash
with ``index.html``, and every page is self-contained (no network).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, TextIO

from perfrules.output.html.index import IndexRow, index_page, index_row, page_href
from perfrules.output.html.notes import DocsLinks
from perfrules.output.html.page import report_page
from perfrules.output.writer import Summary, Writer

if TYPE_CHECKING:
    from perfrules.output.records import Outcome

__all__ = ["INDEX", "HtmlWriter", "page_name"]

#: The overview's file name.
INDEX = "index.html"

_ODD_NAME = re.compile(r"[^\w.-]+")
_SUFFIX = re.compile(r"\.(toml|json)$", re.I)


def page_name(path: str, taken: set[str]) -> str:
    """A file name for the page of the report at ``path``, unique among ``taken`` (compared case-folded)."""
    stem = _SUFFIX.sub("", os.path.basename(os.path.normpath(path))) or "report"
    stem = _ODD_NAME.sub("_", stem).strip("._") or "report"
    stem = stem[:100]
    name = f"{stem}.html"
    n = 1
    while name.casefold() in taken or name.casefold() == INDEX:
        n += 1
        name = f"{stem}-{n}.html"
    taken.add(name.casefold())
    return name


class HtmlWriter(Writer):
    """Review pages: into ``directory`` (pages + ``index.html``), or one page to ``out``."""

    def __init__(
        self,
        out: TextIO,
        *,
        lang: str = "zh",
        show_waived: bool = False,
        directory: str | None = None,
        docs_url: str = "docs/rules",
        titles: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(out, lang=lang, show_waived=show_waived)
        self.directory = directory
        self.docs = DocsLinks(docs_url, titles)
        self.rows: list[IndexRow] = []
        self.taken: set[str] = set()
        self.written = 0

    def _write(self, name: str, text: str) -> None:
        from perfrules.errors import PerfrulesError, Problem
        from perfrules.messages import output as msg

        assert self.directory is not None
        target = os.path.join(self.directory, name)
        try:
            with open(target, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            problem = Problem(
                "invalid",
                file=target,
                params={"detail": msg.CannotWritePage(reason=reason)},
            )
            raise PerfrulesError([problem]) from None

    def file(self, outcome: Outcome) -> None:
        """Write the page of one report (skipped documents have none)."""
        if outcome.status == "skipped":
            return
        if self.directory is None:
            self.out.write(report_page(outcome, self.lang, self.docs, show_waived=self.show_waived))
            self.out.flush()
            return
        name = page_name(outcome.path, self.taken)
        page = report_page(
            outcome, self.lang, self.docs, show_waived=self.show_waived, index=page_href(INDEX)
        )
        self._write(name, page)
        self.written += 1
        self.rows.append(index_row(outcome, name))

    def finish(self, summary: Summary) -> None:
        """Write ``index.html`` and say where the pages are (folder mode)."""
        if self.directory is None:
            return
        self._write(INDEX, index_page(self.rows, summary, self.lang))
        index = os.path.join(self.directory, INDEX)
        from perfrules.messages import output as msg

        wrote = msg.WrotePage if self.written == 1 else msg.WrotePages
        line = wrote(count=self.written, index=index).render(self.lang)
        from perfrules.output.text import summary_line

        self.out.write(f"{line}\n{summary_line(summary, self.lang)}\n")
        self.out.flush()
