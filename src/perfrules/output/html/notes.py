"""Where each finding goes on a page: the cell it is about, its marker there, and its note beside it.

A finding's key path (``indicators[3].target``) names the cell it is about.
:class:`Notes` places every finding at the rendered element whose path is the
finding's own or its nearest parent (``indicators[3]`` is the row,
``indicators`` the table; nothing at all is the whole report), numbers the
findings (errors first), and renders the marker put in the cell and the note —
severity as icon and word, rule id linking to its documentation, message —
put right below the cell's row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from perfrules.output.html.markup import SEVERITIES, anchor_id, colon, esc, label, severity_badge

if TYPE_CHECKING:
    from perfrules.output.records import Record

__all__ = ["DocsLinks", "Note", "Notes", "parent_path"]

_RANK = {"error": 0, "warning": 1, "info": 2, "waived": 3}


def parent_path(path: str) -> str:
    """The path one step up: ``a.b[2].c`` → ``a.b[2]`` → ``a.b`` → ``a`` → ``""``."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


class DocsLinks:
    """Links to the rule reference: ``BASE/<category>.md#<anchor>``, or a ``{category}``/``{anchor}`` template."""

    def __init__(self, base: str, titles: Mapping[str, str] | None = None) -> None:
        self.base = base
        self.titles = dict(titles or {})

    def href(self, rule: str, category: str) -> str:
        """The address of ``rule``'s section in the reference (docgen's anchor: the id in lower case)."""
        anchor = rule.lower()
        if "{" in self.base:
            try:
                return self.base.format(category=category, anchor=anchor, rule=rule)
            except (KeyError, IndexError, ValueError):
                pass
        base = self.base.rstrip("/")
        return f"{base}/{category}.md#{anchor}" if base else f"{category}.md#{anchor}"

    def link(self, rule: str, category: str) -> str:
        """``<a class="rule" href=… title=…>PR023</a>``."""
        title = self.titles.get(rule)
        attr = f' title="{esc(title)}"' if title else ""
        return f'<a class="rule" href="{esc(self.href(rule, category))}"{attr}>{esc(rule)}</a>'


class Note(NamedTuple):
    """A finding as placed on the page."""

    number: int
    record: Record
    severity: str  # the finding's, or "waived"
    anchor: str  # the path of the element it is shown at; "" for the whole report


class Notes:
    """Every finding of one page, placed at the nearest rendered element (``anchors``)."""

    def __init__(
        self,
        findings: Iterable[Record],
        waived: Iterable[Record],
        anchors: set[str],
        lang: str,
        docs: DocsLinks,
    ) -> None:
        self.lang = lang
        self.docs = docs
        self.anchors = anchors
        entries = [(f, f.severity) for f in findings] + [(f, "waived") for f in waived]
        entries.sort(key=lambda e: _RANK.get(e[1], 4))  # stable: rule order within a severity
        self.all: list[Note] = []
        self.by_anchor: dict[str, list[Note]] = {}
        for number, (record, severity) in enumerate(entries, start=1):
            path = record.path
            while path and path not in anchors:
                path = parent_path(path)
            note = Note(number, record, severity, path)
            self.all.append(note)
            self.by_anchor.setdefault(path, []).append(note)

    def at(self, path: str) -> list[Note]:
        """The notes placed exactly at ``path``."""
        return self.by_anchor.get(path, [])

    def under(self, paths: Iterable[str]) -> list[Note]:
        """The notes placed at any of ``paths``, in number order."""
        if not self.by_anchor:
            return []
        found = [n for p in paths for n in self.by_anchor.get(p, ())]
        found.sort(key=lambda n: n.number)
        return found

    def cell_attrs(self, path: str, extra: str = "") -> str:
        """The attributes of the element at ``path``: data-path, and id and highlight when a finding is about it."""
        notes = self.by_anchor.get(path)
        if not notes:
            cls = f' class="{extra}"' if extra else ""
            return f' data-path="{esc(path)}"{cls}'
        worst = min(notes, key=lambda n: _RANK.get(n.severity, 4)).severity
        classes = f"{extra} hl sev-{worst}".strip()
        described = " ".join(f"n{n.number}" for n in notes)
        return (
            f' id="{esc(anchor_id(path))}" data-path="{esc(path)}" class="{esc(classes)}"'
            f' aria-describedby="{described}"'
        )

    def marks(self, path: str) -> str:
        """The markers of the findings at ``path`` (icon and number, linking to the note)."""
        out = []
        for n in self.by_anchor.get(path, ()):
            icon = SEVERITIES.get(n.severity, "•")
            out.append(
                f'<a class="mark sev-{n.severity}" href="#n{n.number}">'
                f'<span aria-hidden="true">{icon}</span>{n.number}</a>'
            )
        return '<span class="marks">' + "".join(out) + "</span>" if out else ""

    def note_item(self, n: Note) -> str:
        """One note: number, severity, rule link, category, message (and known / waiver reason)."""
        r = n.record
        lang = self.lang
        extra = ""
        if r.known:
            extra += f' <span class="tag" title="{esc(label(lang, "known_title"))}">{esc(label(lang, "known"))}</span>'
        if n.severity == "waived" and r.reason:
            extra += f' <span class="reason">{esc(label(lang, "waiver_reason"))}{colon(lang)}{esc(r.reason)}</span>'
        return (
            f'<li id="n{n.number}" class="note sev-{n.severity}" data-rule="{esc(r.rule)}"'
            f' data-severity="{esc(n.severity)}" data-for="{esc(n.anchor)}">'
            f'<a class="num" href="#s{n.number}">{n.number}</a> {severity_badge(n.severity, lang)} '
            f"{self.docs.link(r.rule, r.category)} "
            f'<span class="cat">[{esc(r.category)}]</span> <span class="msg">{esc(r.message)}</span>'
            f"{extra}</li>"
        )

    def note_list(self, notes: Iterable[Note]) -> str:
        """The notes as a list (empty string when there are none)."""
        items = "".join(self.note_item(n) for n in notes)
        return f'<ul class="notes">{items}</ul>' if items else ""

    def notes_row(self, paths: Iterable[str], colspan: int) -> str:
        """A table row holding the notes of ``paths`` (a row and its cells), or nothing."""
        notes = self.under(paths)
        if not notes:
            return ""
        return f'<tr class="notes"><td colspan="{colspan}">{self.note_list(notes)}</td></tr>'

    def where(self, n: Note) -> str:
        """Where a note is shown, for the summary: its key path, linking to the note."""
        text = n.record.path or label(self.lang, "page_level")
        return f'<a href="#n{n.number}"><code>{esc(text)}</code></a>'
