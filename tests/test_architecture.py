"""The house's rules, held against the code: stages import only downwards, and nothing imports in a circle.

The stages and their ranks are drawn in docs/architecture.md. Every import in
src/perfrules is read from the source (module level, inside functions and
under ``TYPE_CHECKING`` alike, and ``importlib.import_module`` of a literal
name): a module may import its own stage or a lower one, never a higher one
nor a sibling stage of the same rank, and the import graph has no circle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "perfrules"

#: Stage of each top-level part of the package, with its rank (docs/architecture.md).
STAGES: dict[str, tuple[str, int]] = {
    "_frozen": ("foundation", 0),
    "_lazy": ("foundation", 0),
    "_version": ("foundation", 0),
    "errors": ("foundation", 0),
    "messages": ("foundation", 0),
    "resources": ("foundation", 0),
    "document": ("document", 1),
    "extract": ("extract", 2),
    "scoring": ("scoring", 2),
    "rules": ("rules", 3),
    "output": ("output", 4),
    "batch": ("batch", 5),
    "cli": ("cli", 6),
    "__main__": ("cli", 6),  # python -m perfrules: the command line
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(importer: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports(name: str) -> Iterator[str]:
    """Every perfrules module ``name`` imports, as a module name known to MODULES."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _resolve(name, path.name == "__init__.py", node)
            targets = [f"{module}.{a.name}" for a in node.names] + [module]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            targets = [node.args[0].value]
        for target in targets:
            if not target.startswith("perfrules"):
                continue
            # "from perfrules.x import y": y may be a module or a name in x
            if target in MODULES:
                yield target
            elif target.rsplit(".", 1)[0] in MODULES and "." in target:
                parent = target.rsplit(".", 1)[0]
                if parent != name:
                    yield parent


def stage(module: str) -> tuple[str, int] | None:
    parts = module.split(".")
    if len(parts) == 1:
        return None  # the package's face (lazy public API)
    return STAGES.get(parts[1])


def test_every_module_belongs_to_a_stage() -> None:
    lost = [m for m in MODULES if m != "perfrules" and stage(m) is None]
    assert not lost, f"modules outside every stage: {lost}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m != "perfrules"))
def test_imports_run_downwards(module: str) -> None:
    here = stage(module)
    assert here is not None
    wrong = []
    for target in set(imports(module)):
        if target == "perfrules":
            wrong.append(f"{target} (import from the stage module, not the package face)")
            continue
        there = stage(target)
        assert there is not None, target
        if there[1] > here[1] or (there[1] == here[1] and there[0] != here[0]):
            wrong.append(f"{target} ({there[0]}, rank {there[1]})")
    assert not wrong, f"{module} ({here[0]}, rank {here[1]}) imports upwards or sideways: {wrong}"


def test_no_import_circle() -> None:
    graph = {m: sorted(set(imports(m)) - {m}) for m in MODULES if m != "perfrules"}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, []):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    assert not circles, f"import circles: {circles}"


def test_modules_are_small_and_say_what_they_are_for() -> None:
    too_big, undocumented = [], []
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 420:  # "~400": a little slack, not a second module
            too_big.append(f"{name} ({text.count(chr(10))} lines)")
        doc = ast.get_docstring(ast.parse(text))
        if not doc or not doc.strip():
            undocumented.append(name)
    assert not too_big, f"modules over ~400 lines: {too_big}"
    assert not undocumented, f"modules without a docstring saying what they are for: {undocumented}"
