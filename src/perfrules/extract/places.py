"""The name a table cell goes by in a finding: the column header above it, as the report writes it.

A finding about an indicator's 实际完成值 read from row 5 of table 2 points at
``report.docx: 表2 第5行 “实际完成值”`` rather than at ``第7列``: the column is
named by the nearest header cell above it that form knowledge knows as a
column label (一级指标, 年度指标值, 实际完成值, 分值, 得分 … from ``rules/forms``).
"""

from __future__ import annotations

from functools import cache

from perfrules.document.provenance import Place
from perfrules.extract.forms import folded, forms, unbracketed
from perfrules.extract.layout import Layout, Table

__all__ = ["column_name"]


@cache
def _labels() -> tuple[frozenset[str], dict[int, int]]:
    knowledge = forms()
    labels = {
        label
        for template in knowledge.templates
        for words in template.columns.values()
        for label in words
    }
    labels.update(label for template in knowledge.templates for label in template.budget_table)
    return frozenset(labels), dict(knowledge.simplify)


def column_name(layout: Layout, place: Place) -> str | None:
    """The header of the column ``place`` (a table cell) stands in, or None when none is known."""
    if place.table is None or place.row is None or place.cell is None:
        return None
    table = next(
        (b for b in layout.blocks if isinstance(b, Table) and b.place.table == place.table), None
    )
    if table is None:
        return None
    labels, simplify = _labels()
    above = [
        cell.text
        for row in table.rows
        for cell in row
        if cell.text.place.cell == place.cell
        and cell.text.place.row is not None
        and cell.text.place.row < place.row
        and not cell.merged
    ]
    for text in sorted(above, key=lambda t: -(t.place.row or 0)):
        if unbracketed(folded(text.text, simplify)) in labels:
            return " ".join(text.raw.split())
    return None
