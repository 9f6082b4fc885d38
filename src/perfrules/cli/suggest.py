"""Did you mean …?: the closest known word to a misspelt command, choice, rule id or category.

:func:`closest` finds it (a case slip, a rule id written without its
leading zeros, or a near spelling by :mod:`difflib`); :func:`did_you_mean`
words it in Chinese or English, ready to end a message. The argument parser
uses them for sub-commands and every ``choices`` option; ``check`` for
``--select``, ``--ignore`` and ``--profile``; ``explain`` for the rule.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from perfrules.messages import Names
from perfrules.messages import cli as msg

__all__ = ["closest", "did_you_mean", "profile_hint", "unknown_choice"]

_RULE_ID = re.compile(r"(?i)^\s*p?r?\s*-?\s*0*(\d{1,3})\s*$")


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate ``word`` most probably meant, or None when none is close."""
    known = list(dict.fromkeys(candidates))
    if not known or not word:
        return None
    folded = {c.casefold(): c for c in known}
    if word.casefold() in folded:
        return folded[word.casefold()]
    m = _RULE_ID.match(word)
    if m:
        rule_id = f"PR{int(m.group(1)):03d}"
        if rule_id in known:
            return rule_id
    found = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[found[0]] if found else None


def did_you_mean(word: str, candidates: Iterable[str], lang: str) -> str:
    """``"; did you mean X?"`` (``"，是否要输入 X？"``) for the closest candidate, or ``""``."""
    guess = closest(word, candidates)
    if guess is None or guess == word:
        return ""
    return msg.DidYouMean(guess=guess).render(lang)


def unknown_choice(word: str, choices: Iterable[str], lang: str, what: str = "") -> str:
    """The message for a value that is not one of ``choices``, listing them, with a suggestion.

    ``what`` names the thing (``"--format"``, ``"command"``), or is empty.
    """
    listed = list(choices)
    hint = did_you_mean(word, listed, lang)
    shown = Names(names=tuple(listed))
    if what:
        return msg.InvalidChoiceOf(what=what, word=word, choices=shown, hint=hint).render(lang)
    return msg.InvalidChoice(word=word, choices=shown, hint=hint).render(lang)


def profile_hint(name: str, lang: str) -> str | None:
    """The message for ``--profile NAME`` naming no built-in profile (nor a file), else None.

    A name that looks like a file (a ``.toml`` or a path) is left to the loader.
    """
    import os

    if name.endswith(".toml") or "/" in name or os.sep in name:
        return None
    from perfrules.errors import PerfrulesError
    from perfrules.scoring.profiles import available_profiles

    try:
        ids = [p.id for p in available_profiles()]
    except PerfrulesError:
        return None  # a broken built-in: the loader says so
    if name in ids:
        return None
    return unknown_choice(name, ids, lang, "--profile")
