"""The message catalogue holds every message perfrules writes for a person, each with its id, zh and en templates.

Held against the code: every entry has both templates naming the same
arguments; every place in src/perfrules that makes a message gives it exactly
the arguments its templates name; and no Chinese/English pair of message
texts is written anywhere else (the source is read as syntax trees).
"""

from __future__ import annotations

import ast
import itertools
import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from perfrules.errors import Problem
from perfrules.messages import CATALOGUE, Both, Message, Names, catalogue, template_names
from perfrules.messages import document as document_messages
from perfrules.messages import expr as expr_messages

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "perfrules"
ENTRIES = dict(catalogue())

#: Modules that may write Chinese and English text side by side, and why.
ALLOWED = {
    # The catalogue itself: the one place the pairs live.
    "messages",
    # The rule reference pages are written in English and quote each category's and
    # severity's Chinese name beside its English description: nothing there is
    # chosen by language.
    "output/docgen",
}


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if any(rel.startswith(f"{allowed}/") for allowed in ALLOWED):
            continue
        yield rel, ast.parse(path.read_text(encoding="utf-8"))


def test_the_catalogue_has_its_entries() -> None:
    assert len(ENTRIES) > 300
    assert set(CATALOGUE) == set(ENTRIES)
    for key, entry in ENTRIES.items():
        assert entry.id == key
        assert issubclass(entry, Message)


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_every_entry_has_zh_and_en_naming_the_same_arguments(key: str) -> None:
    entry = ENTRIES[key]
    assert entry.zh.strip() and entry.en.strip(), key
    assert template_names(entry.zh) == template_names(entry.en) == entry.names, key


def test_a_message_takes_exactly_the_arguments_its_templates_name() -> None:
    with pytest.raises(TypeError, match="takes"):
        document_messages.DuplicateKey()
    with pytest.raises(TypeError, match="takes"):
        document_messages.DuplicateKey(key="a", extra=1)
    assert document_messages.DuplicateKey(key="a").render("en") == "duplicate key 'a'"


def test_a_message_renders_its_message_arguments_in_the_same_language() -> None:
    located = expr_messages.AtColumn(detail=expr_messages.Empty(), column=3)
    assert located.render("zh") == "表达式为空（第 3 列）"
    assert located.render("en") == "the expression is empty (column 3)"
    listed = Both(parts=(Names(names=("甲", "乙")), expr_messages.Empty()))
    assert listed.render("zh") == "甲、乙、表达式为空"
    assert listed.render("en") == "甲, 乙 and the expression is empty"


def test_a_problem_renders_its_message_only_when_asked() -> None:
    problem = Problem("invalid", "a.b", params={"detail": document_messages.DuplicateKey(key="x")})
    assert problem.message("zh") == "键 x 重复"
    assert problem.message("en") == "duplicate key 'x'"
    assert pickle.loads(pickle.dumps(problem)) == problem  # a process pool sends problems back


def _imported_messages(tree: ast.Module) -> tuple[dict[str, type[Message]], dict[str, object]]:
    """Names bound to catalogue classes, and names bound to catalogue modules, by the module's imports."""
    import importlib

    classes: dict[str, type[Message]] = {}
    modules: dict[str, object] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith(
            "perfrules.messages"
        ):
            continue
        module = importlib.import_module(node.module or "")
        for alias in node.names:
            value = getattr(module, alias.name)
            bound = alias.asname or alias.name
            if isinstance(value, type) and issubclass(value, Message):
                classes[bound] = value
            elif hasattr(value, "__file__"):
                modules[bound] = value
    return classes, modules


def _made_messages() -> Iterator[tuple[str, int, type[Message], ast.Call]]:
    for rel, tree in _modules():
        classes, modules = _imported_messages(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            cls = None
            if isinstance(func, ast.Name):
                cls = classes.get(func.id)
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                module = modules.get(func.value.id)
                cls = getattr(module, func.attr, None) if module is not None else None
            if isinstance(cls, type) and issubclass(cls, Message) and cls.id:
                yield rel, node.lineno, cls, node


def test_every_message_made_in_the_source_is_given_the_arguments_it_names() -> None:
    made = list(_made_messages())
    assert len(made) > 200
    wrong = []
    for rel, line, cls, call in made:
        if call.args or any(k.arg is None for k in call.keywords):
            wrong.append(f"{rel}:{line}: {cls.__name__} is given arguments by position or **")
            continue
        given = {k.arg for k in call.keywords}
        if given != cls.names:
            wrong.append(
                f"{rel}:{line}: {cls.__name__} names {sorted(cls.names)}, given {sorted(given)}"
            )
    assert wrong == []


# --- no inline pair ---------------------------------------------------------------------

_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    return None


def _chinese(node: ast.AST) -> bool:
    text = _text(node)
    return text is not None and 0 < len(_CJK.findall(text)) >= len(re.findall("[A-Za-z]", text))


def _english(node: ast.AST, phrase: bool) -> bool:
    text = _text(node)
    if text is None or _CJK.search(text) or not _WORD.search(text):
        return False
    return not phrase or re.search(r"[A-Za-z]+ +[A-Za-z]+", text) is not None


def _tests_language(node: ast.AST) -> bool:
    return any(
        (isinstance(n, ast.Name) and n.id in ("lang", "en", "zh"))
        or (isinstance(n, ast.Attribute) and n.attr == "lang")
        for n in ast.walk(node)
    )


def _has_chinese(nodes: list[ast.stmt] | list[ast.expr]) -> bool:
    return any(_CJK.search(_text(n) or "") for node in nodes for n in ast.walk(node))


def inline_pairs(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Where a module writes a Chinese and an English text of one message itself."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.keyword)
            and (node.arg or "").endswith("_zh")
            and _text(node.value) is not None
        ):
            yield node.value.lineno, f"{node.arg}= is given its text inline"
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if (
                    isinstance(key, ast.Constant)
                    and isinstance(key.value, str)
                    and key.value.endswith("_zh")
                    and _text(value) is not None
                ):
                    yield value.lineno, f"{key.value!r} is given its text inline"
        if (
            isinstance(node, ast.IfExp)
            and _tests_language(node.test)
            and _has_chinese([node.body, node.orelse])
        ):
            yield node.lineno, "a text chosen by language inline"
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for i, stmt in enumerate(body):
                if (
                    isinstance(stmt, ast.If)
                    and _tests_language(stmt.test)
                    and _has_chinese([*stmt.body, *stmt.orelse, *body[i + 1 :]])
                ):
                    yield stmt.lineno, "texts chosen by language inline"
        runs: list[tuple[list[ast.expr], bool]] = []
        if isinstance(node, (ast.Tuple, ast.List)):
            runs.append((node.elts, False))
        if isinstance(node, ast.Call):
            runs.append(([*node.args, *(k.value for k in node.keywords)], True))
        for items, phrase in runs:
            for a, b in itertools.pairwise(items):
                if (_chinese(a) and _english(b, phrase)) or (_english(a, phrase) and _chinese(b)):
                    yield a.lineno, "a Chinese and an English text side by side"


def test_the_scan_sees_the_shapes_of_an_inline_pair() -> None:
    shapes = [
        'Problem("invalid", params={"detail": "duplicate key", "detail_zh": "键重复"})',
        'BadValue("invalid", detail="a table value", detail_zh=f"表缺少 {key}")',
        'text = "no findings" if lang == "en" else "未发现问题"',
        'invalid(path, "the year must be a number", "年度须为整数")',
        'FIELDS = (("target", "年初目标值", "target"),)',
        'def f(lang):\n    if lang == "en":\n        return "checked"\n    return "已检查"',
    ]
    for source in shapes:
        assert list(inline_pairs(ast.parse(source))), source
    data = [
        'MONEY_UNIT = ContextVar("MONEY_UNIT", default="万元")',
        'LineDraft("initial", "年初预算", "other")',
        'parser(description="Check Chinese budget reports (绩效自评报告).", epilog="exit codes")',
    ]
    for source in data:
        assert not list(inline_pairs(ast.parse(source))), source


def test_no_inline_message_pair_remains_in_the_source() -> None:
    found = [f"{rel}:{line}: {why}" for rel, tree in _modules() for line, why in inline_pairs(tree)]
    assert found == []


def _problems_made() -> Iterator[tuple[str, int, str, set[str] | None]]:
    """Every ``Problem("code", …)`` in the source: its code and, when written as a literal, its params' keys."""
    for rel, tree in _modules():
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Problem"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                continue
            params = next((k.value for k in node.keywords if k.arg == "params"), None)
            if params is None and len(node.args) > 4:  # Problem(code, path, line, file, params)
                params = node.args[4]
            keys = None
            if params is None:
                keys = set()
            elif isinstance(params, ast.Dict) and all(
                isinstance(k, ast.Constant) for k in params.keys
            ):
                keys = {k.value for k in params.keys if isinstance(k, ast.Constant)}
            yield rel, node.lineno, node.args[0].value, keys


def test_every_problem_made_names_a_code_of_the_catalogue_with_its_arguments() -> None:
    made = list(_problems_made())
    assert len(made) > 50
    wrong = []
    for rel, line, code, keys in made:
        entry = ENTRIES.get(code)
        if entry is None or entry.__module__ != "perfrules.messages.problems":
            wrong.append(f"{rel}:{line}: {code!r} is not a problem code of the catalogue")
        elif keys is not None and not entry.names <= keys | {"detail"}:
            wrong.append(
                f"{rel}:{line}: {code!r} needs {sorted(entry.names)}, given {sorted(keys)}"
            )
    assert wrong == []
