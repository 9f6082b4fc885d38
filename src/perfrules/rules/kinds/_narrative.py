"""Reading the prose sections rules look at: "nothing to report" and "a target was not met".

Prose is read conservatively: a section counts as empty when, without
punctuation and spaces, it is one of 无 / 没有 / 暂无 / 不存在; it names an
unmet target when it says 未达到 / 未完成 / 未达成 / 没有完成 / 没有达到 not
preceded by a negation (``无未完成绩效目标`` says the opposite).
"""

from __future__ import annotations

import re

_EMPTY = frozenset({"", "无", "没有", "暂无", "不存在", "无此情况", "不适用"})
_PUNCT = re.compile(r"[\s，。、；：,.;:！!（）()“”\"'—-]+")
_UNMET = re.compile(
    r"(?<!无)(?<!没有)(?<!不存在)(?:未达到|未完成|未达成|没有完成|没有达到|未能完成|未能达到)"
)


def empty(text: str | None) -> bool:
    """True when a prose section is absent or says there is nothing (无)."""
    return text is None or _PUNCT.sub("", text) in _EMPTY


def names_unmet(text: str | None) -> bool:
    """True when a prose section says some target was not met."""
    return text is not None and _UNMET.search(text) is not None
