"""The catalogue's Chinese for what the TOML and JSON parsers say of a syntax error (the detail of ``syntax``).

tomli and the standard library's json write their errors in English. A
problem's ``detail`` is made with :func:`parser_detail`: a parser message it
knows becomes the entry here, rendered in the output's language (the English
template reproduces the parser's own words, a key as TOML writes it, ``a.b``,
where tomli writes the tuple ``('a', 'b')``); one it does not know stays as
the parser wrote it.
"""

from __future__ import annotations

import ast
import re

from perfrules.messages import Message

__all__ = ["parser_detail"]


class TableEnd(Message):
    id = "parser.table-end"
    zh = "表头 [...] 缺少结尾的 “]”"
    en = "Expected ']' at the end of a table declaration"


class ArrayTableEnd(Message):
    id = "parser.array-table-end"
    zh = "数组表头 [[...]] 缺少结尾的 “]]”"
    en = "Expected ']]' at the end of an array declaration"


class EqualsAfterKey(Message):
    id = "parser.equals-after-key"
    zh = "键后面缺少 “=”"
    en = "Expected '=' after a key in a key/value pair"


class NewlineAfterStatement(Message):
    id = "parser.newline-after-statement"
    zh = "一项写完后应换行（或到文件末尾），这一行后面还有内容"
    en = "Expected newline or end of document after a statement"


class ExpectedText(Message):
    id = "parser.expected"
    zh = "此处应为 {what}"
    en = "Expected {what}"


class InvalidValue(Message):
    id = "parser.invalid-value"
    zh = "值无效（字符串须加引号，数字、日期、true/false 不加）"
    en = "Invalid value"


class InvalidStatement(Message):
    id = "parser.invalid-statement"
    zh = "这一行既不是 “键 = 值”，也不是表头（含中文的键须加引号）"
    en = "Invalid statement"


class KeyStart(Message):
    id = "parser.key-start"
    zh = "键的第一个字符无效（含中文等字符的键须加引号）"
    en = "Invalid initial character for a key part"


class UnterminatedString(Message):
    id = "parser.unterminated-string"
    zh = "字符串缺少结尾的引号"
    en = "Unterminated string"


class UnclosedInlineTable(Message):
    id = "parser.unclosed-inline-table"
    zh = "内联表 {{ ... }} 没有闭合"
    en = "Unclosed inline table"


class UnclosedArray(Message):
    id = "parser.unclosed-array"
    zh = "数组 [ ... ] 没有闭合"
    en = "Unclosed array"


class Overwrite(Message):
    id = "parser.overwrite"
    zh = "同一个键写了两次，不能覆盖已有的值"
    en = "Cannot overwrite a value"


class DeclaredTwice(Message):
    id = "parser.declared-twice"
    zh = "表 {key} 声明了两次"
    en = "Cannot declare {key} twice"


class Immutable(Message):
    id = "parser.immutable"
    zh = "不能再向已写完的表 {key} 添加内容"
    en = "Cannot mutate immutable namespace {key}"


class Redefine(Message):
    id = "parser.redefine"
    zh = "不能重新定义表 {key}"
    en = "Cannot redefine namespace {key}"


class DuplicateInlineKey(Message):
    id = "parser.duplicate-inline-key"
    zh = "内联表中的键 {key} 重复"
    en = "Duplicate inline table key {key}"


class IllegalCharacter(Message):
    id = "parser.illegal-character"
    zh = "非法字符 {char}"
    en = "Illegal character {char}"


class InvalidCharacter(Message):
    id = "parser.invalid-character"
    zh = "无效字符 {char}"
    en = "Found invalid character {char}"


class UnescapedBackslash(Message):
    id = "parser.unescaped-backslash"
    zh = "字符串中的 “\\” 须写成 “\\\\”（或改用单引号字符串）"
    en = "Unescaped '\\' in a string"


class InvalidHex(Message):
    id = "parser.invalid-hex"
    zh = "十六进制值无效"
    en = "Invalid hex value"


class InvalidDate(Message):
    id = "parser.invalid-date"
    zh = "日期或时间无效（写成 2024-04-12 这样的形式）"
    en = "Invalid date or datetime"


class NotScalar(Message):
    id = "parser.not-scalar"
    zh = "转义字符不是有效的 Unicode 字符"
    en = "Escaped character is not a Unicode scalar value"


class JsonValue(Message):
    id = "parser.json-value"
    zh = "此处应有一个值"
    en = "Expecting value"


class JsonKey(Message):
    id = "parser.json-key"
    zh = "此处应有用双引号括起的键名"
    en = "Expecting property name enclosed in double quotes"


class JsonDelimiter(Message):
    id = "parser.json-delimiter"
    zh = "缺少分隔符 {char}"
    en = "Expecting {char} delimiter"


class JsonUnterminated(Message):
    id = "parser.json-unterminated"
    zh = "字符串缺少结尾的引号"
    en = "Unterminated string starting at"


class JsonControl(Message):
    id = "parser.json-control"
    zh = "字符串中有无效的控制字符（如未转义的换行）"
    en = "Invalid control character at"


class JsonEscape(Message):
    id = "parser.json-escape"
    zh = "无效的转义{rest}"
    en = "Invalid \\escape{rest}"


class JsonUnicodeEscape(Message):
    id = "parser.json-unicode-escape"
    zh = "无效的 \\uXXXX 转义"
    en = "Invalid \\uXXXX escape"


class JsonExtra(Message):
    id = "parser.json-extra"
    zh = "文档结束后还有多余的内容"
    en = "Extra data"


# Each parser message as a pattern (whole text), with the entry it is and its arguments.
_PLAIN: dict[str, type[Message]] = {
    entry.en: entry
    for entry in (
        TableEnd,
        ArrayTableEnd,
        EqualsAfterKey,
        NewlineAfterStatement,
        InvalidValue,
        InvalidStatement,
        KeyStart,
        UnterminatedString,
        UnclosedInlineTable,
        UnclosedArray,
        Overwrite,
        InvalidHex,
        InvalidDate,
        NotScalar,
        UnescapedBackslash,
        JsonValue,
        JsonKey,
        JsonUnterminated,
        JsonControl,
        JsonUnicodeEscape,
        JsonExtra,
    )
}
_WITH_ARGS: tuple[tuple[re.Pattern[str], type[Message], str], ...] = (
    (re.compile(r"Cannot declare (.+) twice"), DeclaredTwice, "key"),
    (re.compile(r"Cannot mutate immutable namespace (.+)"), Immutable, "key"),
    (re.compile(r"Cannot redefine namespace (.+)"), Redefine, "key"),
    (re.compile(r"Duplicate inline table key (.+)"), DuplicateInlineKey, "key"),
    (re.compile(r"Illegal character (.+)"), IllegalCharacter, "char"),
    (re.compile(r"Found invalid character (.+)"), InvalidCharacter, "char"),
    (re.compile(r"Expecting ('.') delimiter"), JsonDelimiter, "char"),
    (re.compile(r"Invalid \\escape(.*)"), JsonEscape, "rest"),
    (re.compile(r"Expected (.+)"), ExpectedText, "what"),
)


_KEYS = frozenset({"key"})
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(text: str) -> str:
    """A key tomli wrote as a tuple of its parts (``('a', 'b')``) as TOML writes it (``a.b``)."""
    if not (text.startswith("(") and text.endswith(")")):
        return text
    try:
        parts = ast.literal_eval(text)  # a literal only: nothing is evaluated
    except (ValueError, SyntaxError):
        return text
    if not isinstance(parts, tuple) or not all(isinstance(p, str) for p in parts):
        return text
    return ".".join(p if _BARE_KEY.fullmatch(p) else f'"{p}"' for p in parts)


def parser_detail(text: str) -> Message | str:
    """What a TOML or JSON parser said, as the catalogue's entry (rendered per language), or as written."""
    entry = _PLAIN.get(text)
    if entry is not None:
        return entry()
    for pattern, cls, name in _WITH_ARGS:
        m = pattern.fullmatch(text)
        if m is not None:
            value = m.group(1)
            return cls(**{name: _key(value) if name in _KEYS else value})
    return text
