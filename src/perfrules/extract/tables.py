"""Tables of a report read by form knowledge: the indicator table, the 预算执行情况 block, and label–value rows.

The header row of an indicator table is found by its column labels (一级指标,
三级指标, 年初目标值, 实际完成值 …, from the templates of ``rules/forms``); below
it each row is an indicator, its tier cells filled down from the row above
when merged or left blank; a row whose only cell spans the table names the
annual goal (年度目标1：…). A row of budget labels (预算数（A）, 全年执行数 …) is
read with the rows of figures under it, column by column, and tells which
form the report uses. Other rows are read as label–value pairs (单位名称 | …,
基本支出总额（万元） | 179.96).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from perfrules.document.provenance import Traced
from perfrules.extract.draft import TABLE, Amount, Draft, IndicatorDraft, Stated
from perfrules.extract.forms import Template, folded, unbracketed
from perfrules.extract.layout import Cell, Table, Text
from perfrules.extract.lines import find_label, line_for
from perfrules.extract.reading import number, reading, written
from perfrules.extract.sections import Block, Document

__all__ = ["read_tables"]

_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_UNIT = re.compile(r"[(（](万元|元|亿元)[)）]")


class _Grid:
    """A table's cells as the interpreter reads them: reading texts, and which are merged copies."""

    def __init__(self, doc: Document, table: Table) -> None:
        self.doc = doc
        self.rows: list[list[Text]] = [
            [reading(c.text, doc.forms.simplify) for c in row] for row in table.rows
        ]
        self.merged: list[list[bool]] = [[c.merged for c in row] for row in table.rows]
        self.cells: Sequence[Sequence[Cell]] = table.rows

    def key(self, r: int, c: int) -> str:
        return unbracketed(folded(self.rows[r][c].text, self.doc.forms.simplify))

    def origins(self, r: int) -> list[int]:
        """The columns of row ``r`` that are not merged copies of the cell before them."""
        return [c for c in range(len(self.rows[r])) if not self.merged[r][c]]

    def empty(self, r: int, c: int) -> bool:
        return c >= len(self.rows[r]) or not self.rows[r][c].text.strip()

    def written(self, r: int, c: int) -> str:
        text = self.rows[r][c]
        return written(text, 0, len(text.text), self.doc.forms.simplify)

    def traced(self, r: int, c: int) -> Traced:
        text = self.rows[r][c]
        return Traced(text.place_at(0), text.raw)


def _columns(grid: _Grid, r: int, template: Template) -> dict[str, int]:
    found: dict[str, int] = {}
    for c in grid.origins(r):
        key = grid.key(r, c)
        for field, labels in template.columns.items():
            if field not in found and key in labels:
                found[field] = c
                break
    return found


def _header(doc: Document, grid: _Grid, r: int) -> tuple[Template, dict[str, int]] | None:
    """The template and column map when row ``r`` is an indicator table's header."""
    best: tuple[int, Template, dict[str, int]] | None = None
    for template in doc.forms.templates:
        if not template.columns:
            continue
        cols = _columns(grid, r, template)
        usable = "name" in cols and ("target" in cols or "actual" in cols) and len(cols) >= 3
        if usable and (best is None or len(cols) > best[0]):
            best = (len(cols), template, cols)
    return (best[1], best[2]) if best else None


def _budget_header(doc: Document, grid: _Grid, r: int) -> tuple[Template, dict[int, str]] | None:
    best: tuple[int, Template, dict[int, str]] | None = None
    for template in doc.forms.templates:
        cols = {
            c: template.budget_table[grid.key(r, c)]
            for c in grid.origins(r)
            if grid.key(r, c) in template.budget_table
        }
        if len(cols) >= 2 and (best is None or len(cols) > best[0]):
            best = (len(cols), template, cols)
    return (best[1], best[2]) if best else None


def read_tables(doc: Document, draft: Draft) -> list[tuple[Template, Traced]]:
    """Read every table; return the templates whose tables were recognised, with where."""
    used: list[tuple[Template, Traced]] = []
    for block in doc.tables():
        assert isinstance(block.block, Table)
        used.extend(_TableReader(doc, draft, block, _Grid(doc, block.block)).read())
    return used


class _TableReader:
    def __init__(self, doc: Document, draft: Draft, block: Block, grid: _Grid) -> None:
        self.doc, self.draft, self.block, self.grid = doc, draft, block, grid
        self.source = doc.locator(block)
        self.used: list[tuple[Template, Traced]] = []
        self.unit = ""

    def stated(self, r: int, c: int, value: object, note: str = "") -> Stated:
        origin = self.grid.traced(r, c)
        return Stated(
            value, origin, self.source, TABLE, self.block.index * 100000 + r * 100 + c, note
        )

    def read(self) -> list[tuple[Template, Traced]]:
        grid = self.grid
        r = 0
        while r < len(grid.rows):
            header = _header(self.doc, grid, r)
            if header is not None:
                self.used.append((header[0], grid.traced(r, grid.origins(r)[0])))
                r = self.indicators(r, *header)
                continue
            budget = _budget_header(self.doc, grid, r)
            if budget is not None:
                self.used.append((budget[0], grid.traced(r, next(iter(budget[1])))))
                r = self.budget_rows(r, *budget)
                continue
            self.pairs(r)
            r += 1
        return self.used

    # --- label | value rows -------------------------------------------------------------------

    def pairs(self, r: int) -> None:
        grid, doc, draft = self.grid, self.doc, self.draft
        cols = grid.origins(r)
        for c in cols:  # 单位名称：某区红十字会 in one cell
            self.labelled_cell(r, c)
        for k, c in enumerate(cols[:-1]):
            label = grid.key(r, c).rstrip(":：")
            v = cols[k + 1]
            if not label or grid.empty(r, v):
                continue
            unit = _UNIT.search(grid.rows[r][c].text)
            if unit:
                self.unit = unit.group(1)
            if any(label == w for w in doc.forms.get("header.department_labels")):
                draft.state(draft.info, "department", self.stated(r, v, grid.written(r, v)))
            elif any(label == w for w in doc.forms.get("header.date_labels")):
                draft.state(draft.info, "filled_on_text", self.stated(r, v, grid.rows[r][v].text))
            for row_field, labels in self.row_labels().items():
                if label in labels:
                    draft.state(
                        draft.narrative if row_field == "measures" else draft.budget,
                        row_field,
                        self.stated(r, v, grid.written(r, v)),
                    )
            figure = _NUMBER.fullmatch(grid.rows[r][v].text.strip())
            if figure is None:
                continue
            found = find_label(doc, label, suffix=True)
            if found is not None:
                spec = found[0]
                rest = label[found[2] :]
                field = (
                    "budget" if any(w in rest for w in doc.forms.get("cues.budget")) else "executed"
                )
                if (
                    not spec.label.endswith("支出")
                    and field == "executed"
                    and not any(w in rest for w in doc.forms.get("cues.executed"))
                ):
                    continue  # 人员经费 | 12.3: budget or spent? not a guess to make from a table row
                line = line_for(doc, draft, spec.id, None, grid.traced(r, c), self.source)
                value = number(figure.group())
                if value is not None:
                    getattr(line, field).append(
                        self.stated(r, v, Amount(value, unit.group(1) if unit else self.unit))
                    )

    def labelled_cell(self, r: int, c: int) -> None:
        text = self.grid.rows[r][c]
        for field, words in (
            ("department", "header.department_labels"),
            ("filled_on_text", "header.date_labels"),
        ):
            labels = "|".join(re.escape(w) for w in self.doc.forms.get(words))
            m = re.match(rf"\s*(?:{labels})\s*[:：]\s*(?P<value>\S.*)", text.text)
            if m is not None:
                lo, hi = m.start("value"), len(text.text.rstrip())
                value = (
                    written(text, lo, hi, self.doc.forms.simplify)
                    if field == "department"
                    else text.text[lo:hi]
                )
                origin = Traced(text.place_at(lo), text.source(lo, hi))
                order = self.block.index * 100000 + r * 100 + c
                self.draft.state(
                    self.draft.info, field, Stated(value, origin, self.source, TABLE, order)
                )

    def row_labels(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for template in self.doc.forms.templates:
            for key, labels in template.table_rows.items():
                out[key] = out.get(key, ()) + labels
        return out

    # --- the 预算执行情况 block ----------------------------------------------------------------

    def budget_rows(self, r: int, template: Template, cols: dict[int, str]) -> int:
        grid, doc, draft = self.grid, self.doc, self.draft
        for c in range(len(grid.rows[r])):
            unit = _UNIT.search(grid.rows[r][c].text)
            if unit:
                self.unit = unit.group(1)
        totals = set(template.budget_total_rows) | {
            w for t in doc.forms.templates for w in t.budget_total_rows
        }
        row = r + 1
        while row < len(grid.rows):
            values = {c: grid.rows[row][c].text.strip() for c in cols if c < len(grid.rows[row])}
            numbers = {
                c: number(v.rstrip("%"))
                for c, v in values.items()
                if _NUMBER.fullmatch(v.rstrip("%"))
            }
            if not numbers:
                break
            label_cells = [c for c in grid.origins(row) if c not in cols and not grid.empty(row, c)]
            label = grid.key(row, label_cells[0]) if label_cells else ""
            found = find_label(doc, label.removeprefix("其中"), suffix=True) if label else None
            for c, value in numbers.items():
                if value is None:
                    continue
                field = cols[c]
                if found is None and (not label or label in totals or not label_cells):
                    stated_value: object = (
                        value
                        if field in ("execution_rate", "execution_weight", "execution_score")
                        else Amount(value, self.unit)
                    )
                    draft.state(draft.budget, field, self.stated(row, c, stated_value))
                elif found is not None and field in ("initial", "adjusted", "executed"):
                    line = line_for(
                        doc, draft, found[0].id, None, grid.traced(row, label_cells[0]), self.source
                    )
                    target = (
                        line.executed
                        if field == "executed"
                        else line.initial_budget
                        if field == "initial"
                        else line.budget
                    )
                    target.append(self.stated(row, c, Amount(value, self.unit)))
            row += 1
        return row

    # --- the indicator table ------------------------------------------------------------------

    def goal_of(self, r: int, template: Template) -> str | None:
        grid = self.grid
        origins = [c for c in grid.origins(r) if not grid.empty(r, c)]
        if len(origins) != 1:
            return None
        text = grid.written(r, origins[0])
        key = folded(text, self.doc.forms.simplify)
        prefixes = template.goal_prefixes or ("年度目标",)
        if not any(key.startswith(p) for p in prefixes):
            return None
        m = re.match(r"[^:：]*[:：]\s*(.+)", text)
        return m.group(1).strip() if m else None

    def indicators(self, r: int, template: Template, cols: dict[str, int]) -> int:
        grid, draft = self.grid, self.draft
        goal: Stated | None = None
        for back in range(r - 1, -1, -1):
            g = self.goal_of(back, template)
            if g is not None:
                goal = self.stated(back, grid.origins(back)[0], g)
                break
            if _header(self.doc, grid, back) is not None:
                break
        tiers: dict[str, Stated | None] = {"tier1": None, "tier2": None}
        row = r + 1
        row_labels = {w for labels in self.row_labels().values() for w in labels}
        while row < len(grid.rows):
            if _header(self.doc, grid, row) is not None:
                tiers = {"tier1": None, "tier2": None}
                row += 1
                continue
            g = self.goal_of(row, template)
            if g is not None:
                goal = self.stated(row, grid.origins(row)[0], g)
                tiers = {"tier1": None, "tier2": None}
                row += 1
                continue
            first = [c for c in grid.origins(row) if not grid.empty(row, c)]
            if first and grid.key(row, first[0]) in row_labels:
                self.pairs(row)
                row += 1
                continue
            name_col = cols["name"]
            if grid.empty(row, name_col) or (grid.merged[row][name_col] and len(first) <= 2):
                if len(first) <= 2:
                    break
                row += 1
                continue
            for tier in ("tier1", "tier2"):
                c = cols.get(tier)
                if c is not None and not grid.empty(row, c):
                    tiers[tier] = self.stated(row, c, grid.written(row, c))
                    if tier == "tier1":
                        tiers["tier2"] = None
            ind = IndicatorDraft(
                grid.written(row, name_col),
                grid.traced(row, name_col),
                self.source + (f" › {goal.value}" if goal else ""),
                goal,
                tiers["tier1"],
                tiers["tier2"],
                order=self.block.index * 100000 + row * 100,
            )
            for field in ("target", "actual", "deviation_reason", "improvement"):
                c = cols.get(field, -1)
                if c >= 0 and not grid.empty(row, c):
                    ind.add(field, self.stated(row, c, grid.written(row, c)))
            for field in ("weight", "score", "completion_rate"):
                c = cols.get(field, -1)
                if c >= 0 and not grid.empty(row, c):
                    m = _NUMBER.fullmatch(grid.rows[row][c].text.strip().rstrip("%"))
                    value = number(m.group()) if m else None
                    if value is not None:
                        ind.add(field, self.stated(row, c, value))
            draft.indicators.append(ind)
            row += 1
        return row
