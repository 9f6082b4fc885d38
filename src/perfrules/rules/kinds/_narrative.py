"""Reading the prose sections rules look at: "nothing to report", "no target was missed" and "a target was not met".

Prose is read conservatively: a section counts as empty when, without
punctuation and spaces, it is one of 无 / 没有 / 暂无 / 不存在; it names an
unmet target when it says 未达到 / 未完成 / 未达成 / 没有完成 / 没有达到 not
preceded by a negation (``无未完成绩效目标`` says the opposite). It says that
no target was missed (:func:`says_none`) when it is empty, or when it states
so (``无未完成绩效目标``, ``目标均已完成``) and neither names an unmet target nor
makes an exception (除…外, 其余, 部分, 但 …).
"""

from __future__ import annotations

import re

_EMPTY = frozenset({"", "无", "没有", "暂无", "不存在", "无此情况", "不适用"})
_PUNCT_CHARS = r"\s，。、；：,.;:！!（）()“”\"'—-"
_PUNCT = re.compile(f"[{_PUNCT_CHARS}]+")
#: More characters other than punctuation than the longest empty word has: not empty. Found
#: within the first few characters of a text (where removing all its punctuation scans all of it).
_WORDY = re.compile(
    f"[{_PUNCT_CHARS}]*(?:[^{_PUNCT_CHARS}][{_PUNCT_CHARS}]*){{{max(map(len, _EMPTY)) + 1}}}"
)
_UNMET_WORDS = r"(?:未达到|未完成|未达成|没有完成|没有达到|未能完成|未能达到)"
_UNMET = re.compile(r"(?<!无)(?<!没有)(?<!不存在)" + _UNMET_WORDS)
#: "No target was missed": 无未完成…, 不存在未达到…, 均完成, 全部达到, 都已实现….
_NONE_MISSED = re.compile(
    r"(?:无|没有|不存在)(?:的)?"
    + _UNMET_WORDS
    + r"|(?:均|全部|都|全面|悉数)(?:已经|已|按期|按时|如期)?(?:完成|达到|达成|实现)"
)
#: Words that make an exception to "all met": 除…外, 其余, 部分, 但 ….
_EXCEPTION = re.compile(r"除|其余|其他|以外|之外|部分|个别|少数|但|然而|仍有|尚有|还有")


def empty(text: str | None) -> bool:
    """True when a prose section is absent or says there is nothing (无)."""
    if text is None:
        return True
    return _WORDY.match(text) is None and _PUNCT.sub("", text) in _EMPTY


def names_unmet(text: str | None) -> bool:
    """True when a prose section says some target was not met."""
    return text is not None and _UNMET.search(text) is not None


def says_none(text: str | None) -> bool:
    """True when a section says no target was missed: empty, or stating it without exception.

    ``2024年度部门整体绩效目标均完成，无未完成绩效目标。`` says so;
    ``除培训人数外，其余目标均已完成`` and ``人道救助受益人数未达到年度指标值`` do not.
    """
    if empty(text):
        return True
    assert text is not None
    return (
        _NONE_MISSED.search(text) is not None
        and not names_unmet(text)
        and _EXCEPTION.search(text) is None
    )
