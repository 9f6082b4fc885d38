"""What the TOML and JSON parsers say of a syntax error, in Chinese by default and in their own words in English."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import tomli
from hypothesis import given
from hypothesis import strategies as st

import perfrules
from perfrules.errors import DocumentError
from perfrules.messages import Message
from perfrules.messages.parsers import parser_detail

# One broken document for each thing tomli says, and the start of its Chinese.
TOML_CASES = [
    ("[report\n", "表头 [...] 缺少结尾的 “]”"),
    ("[[lines]\n", "数组表头 [[...]] 缺少结尾的 “]]”"),
    ("format 1\n", "键后面缺少 “=”"),
    ("title = 2023年度\n", "一项写完后应换行"),
    ("title = tru\n", "值无效"),
    ("年度 = 1\n", "这一行既不是 “键 = 值”，也不是表头（含中文的键须加引号）"),
    ("a.= 1\n", "键的第一个字符无效"),
    ('a = """x\n', "字符串缺少结尾的引号"),
    ("a = 'x\n", '此处应为 "\'"'),
    ("a = {b = 1\n", "内联表 { ... } 没有闭合"),
    ("a = [1, 2\n", "数组 [ ... ] 没有闭合"),
    ("a = 1\na = 2\n", "同一个键写了两次"),
    ("[a]\n[a]\n", "表 a 声明了两次"),
    ('["年度"]\n["年度"]\n', '表 "年度" 声明了两次'),
    ("a = {b = 1}\na.c = 2\n", "不能再向已写完的表 a 添加内容"),
    ("[a]\nb = 1\n[a.b]\n", "同一个键写了两次"),
    ("a = {b = 1, b = 2}\n", "内联表中的键 'b' 重复"),
    ('a = "\x01"\n', "非法字符"),
    ('a = "\\q"\n', "字符串中的 “\\” 须写成"),
    ("a = 2024-02-30\n", "日期或时间无效"),
    ('a = "\\uD800"\n', "转义字符不是有效的 Unicode 字符"),
]

JSON_CASES = [
    ('{"format": }', "此处应有一个值"),
    ("{format: 1}", "此处应有用双引号括起的键名"),
    ('{"a": 1 "b": 2}', "缺少分隔符 ','"),
    ('{"a" 1}', "缺少分隔符 ':'"),
    ('{"a": "x', "字符串缺少结尾的引号"),
    ('{"a": "x\ny"}', "字符串中有无效的控制字符"),
    ('{"a": "\\q"}', "无效的转义"),
    ('{"a": "\\u12"}', "无效的 \\uXXXX 转义"),
    ('{"a": 1} 2', "文档结束后还有多余的内容"),
]


def _same_words(rendered: str, said: str) -> bool:
    """The English detail is tomli's message, a key written as TOML writes it (a.b for ('a', 'b'))."""
    if "('" not in said:
        return rendered == said
    head, _, _ = said.partition("('")
    return rendered.startswith(head) and "('" not in rendered


def _toml_message(text: str) -> str:
    with pytest.raises(tomli.TOMLDecodeError) as info:
        tomli.loads(text, parse_float=Decimal)
    return info.value.msg


def _json_message(text: str) -> str:
    with pytest.raises(json.JSONDecodeError) as info:
        json.loads(text)
    return info.value.msg


@pytest.mark.parametrize(("text", "zh"), TOML_CASES)
def test_toml_errors_read_in_chinese_and_as_tomli_wrote_them(text: str, zh: str) -> None:
    said = _toml_message(text)
    detail = parser_detail(said)
    assert isinstance(detail, Message), said
    assert _same_words(detail.render("en"), said)
    assert detail.render("zh").startswith(zh)
    with pytest.raises(DocumentError) as info:
        perfrules.loads(text, file="r.toml")
    assert info.value.render("zh").startswith("r.toml:")
    assert "语法错误：" + zh in info.value.render("zh")
    assert "syntax error: " + detail.render("en") in info.value.render("en")


@pytest.mark.parametrize(("text", "zh"), JSON_CASES)
def test_json_errors_read_in_chinese_and_as_json_wrote_them(text: str, zh: str) -> None:
    said = _json_message(text)
    detail = parser_detail(said)
    assert isinstance(detail, Message), said
    assert detail.render("en") == said
    assert detail.render("zh").startswith(zh)
    with pytest.raises(DocumentError) as info:
        perfrules.loads(text, format="json", file="r.json")
    assert "语法错误：" + zh in info.value.render("zh")


def test_a_message_the_catalogue_does_not_know_stays_as_written() -> None:
    assert parser_detail("something new in tomli 3") == "something new in tomli 3"


@given(st.text(max_size=60))
def test_whatever_tomli_says_reads_back_in_its_own_words(text: str) -> None:
    try:
        tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        detail = parser_detail(exc.msg)
        rendered = detail.render("en") if isinstance(detail, Message) else detail
        assert _same_words(rendered, exc.msg)
        if isinstance(detail, Message):
            assert detail.render("zh")
