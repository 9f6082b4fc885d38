"""The catalogue's document stage: what reading a report document (loader, converter, encoding) says is wrong in it."""

from __future__ import annotations

from perfrules.messages import CATALOGUE, Message, entries


class Text(Message):
    """A text that reads the same in both languages (a library's own message, a name)."""

    id = "text"
    zh = "{text}"
    en = "{text}"


class DuplicateKey(Message):
    id = "document.duplicate-key"
    zh = "键 {key} 重复"
    en = "duplicate key {key!r}"


class TableValueNeeds(Message):
    id = "document.table-value-needs"
    zh = "表形式的值缺少 {key}"
    en = "a table value needs '{key}'"


class BadValueTable(Message):
    id = "document.bad-value-table"
    zh = "无效的值表：{error}"
    en = "{error}"


class NotRegularFile(Message):
    id = "document.not-regular-file"
    zh = "不是普通文件（文件夹、管道或设备），只读取普通文件"
    en = "not a regular file (a folder, pipe or device): only a file is read"


class LegacyEncoding(Message):
    id = "document.legacy-encoding"
    zh = (
        "文件以 GBK/GB18030 编码保存，而不是 UTF-8：请将其另存为 UTF-8 编码"
        "（记事本：另存为 → 编码选 UTF-8）后再检查"
    )
    en = (
        "the file is saved as GBK/GB18030, not UTF-8: save it as UTF-8 "
        "(in Notepad: Save As → Encoding: UTF-8) and check it again"
    )


def type_name(code: str) -> Message:
    """The name of the value type ``code`` (``string``, ``table`` …) in a message; an unknown one as it is."""
    entry = CATALOGUE.get(f"document.type.{code}")
    return entry() if entry is not None else Text(text=code)


class TypeString(Message):
    id = "document.type.string"
    zh = "字符串"
    en = "string"


class TypeInteger(Message):
    id = "document.type.integer"
    zh = "整数"
    en = "integer"


class TypeBoolean(Message):
    id = "document.type.boolean"
    zh = "布尔值"
    en = "boolean"


class TypeNumber(Message):
    id = "document.type.number"
    zh = "数值"
    en = "number"


class TypeTable(Message):
    id = "document.type.table"
    zh = "表"
    en = "table"


class TypeArray(Message):
    id = "document.type.array"
    zh = "数组"
    en = "array"


class TypeDate(Message):
    id = "document.type.date"
    zh = "日期"
    en = "date"


#: The words of the indicator system's text lines (``system.<key>``, :func:`perfrules.system_lines`).
SYSTEM = entries(
    "system",
    {
        "weight": ("分值", "weight"),
        "stated": ("填报小计", "stated"),
        "recomputed": ("重算", "recomputed"),
        "indicators": ("指标", "indicators"),
        "untiered1": ("（未填一级指标）", "(no tier1)"),
        "untiered2": ("（未填二级指标）", "(no tier2)"),
        "unknown": ("不在指标体系中", "not in the taxonomy"),
        "execution": ("预算执行", "budget execution"),
        "misplaced": ("应属于{home}", "belongs under {home}"),
        "separator": ("，", ", "),
    },
)

#: Where a value was read, in words (``place.<key>``, :meth:`perfrules.document.provenance.Place.label`).
PLACE = entries(
    "place",
    {
        "page": ("第{n}页", "page {n}"),
        "table": ("表{n}", "table {n}"),
        "row": ("第{n}行", "row {n}"),
        "cell": ("第{n}列", "cell {n}"),
        "paragraph": ("第{n}段", "paragraph {n}"),
        "line": ("第{n}行", "line {n}"),
    },
)
