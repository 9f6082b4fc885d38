"""The template ``perfrules init`` writes: one document, its comments in Chinese or English."""

from __future__ import annotations

import re

import pytest

import perfrules
from perfrules.document.template import TEMPLATE, ZH_COMMENTS, template


def _comments(text: str) -> list[str]:
    return [line[line.index("#") :] for line in text.splitlines() if "#" in line]


def _body(text: str) -> list[str]:
    """The document without its comments (what TOML reads)."""
    return [line.split("#", 1)[0].rstrip() for line in text.splitlines()]


def test_every_phrase_is_translated_once() -> None:
    for en, zh in ZH_COMMENTS:
        assert TEMPLATE.count(en) == 1, en
        assert en != zh


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_both_languages_give_the_same_clean_document(lang: str) -> None:
    report = perfrules.loads(template(lang))
    assert report == perfrules.loads(TEMPLATE)
    assert perfrules.check(report).findings == ()
    assert _body(template(lang)) == _body(TEMPLATE)


def test_the_chinese_comments_keep_only_keys_values_and_commands_in_latin_letters() -> None:
    text = template("zh")
    # What may stay in Latin letters: the document's keys and values (also those
    # of commented-out lines: key = "value"), table names, the list of line
    # kinds, the commands, and the file and format names.
    allowed = set(re.findall(r"[A-Za-z_][A-Za-z_]*", "\n".join(_body(text))))
    for comment in _comments(text):
        allowed |= set(re.findall(r"([A-Za-z_]+)\s*=", comment))
        allowed |= set(re.findall(r'"([A-Za-z_]+)"', comment))
        allowed |= set(re.findall(r"\[\[([a-z_]+)\]\]", comment))
        if comment.count("|") >= 3:
            allowed |= set(re.findall(r"[a-z_]+", comment))
    allowed |= {"perfrules", "check", "report", "toml", "docs", "md", "schema", "JSON"}
    allowed |= {"Schema", "format", "profiles", "PR"}
    left = {
        word
        for comment in _comments(text)
        for word in re.findall(r"[A-Za-z_]{2,}", comment)
        if word not in allowed
    }
    assert left == set()


def test_the_english_template_is_english() -> None:
    assert template("en") == TEMPLATE
    assert "Replace the example figures" in template("en")
    assert "把示例数字换成本报告的数字" in template("zh")
