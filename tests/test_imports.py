"""The package's modules import one another without a cycle (function-level imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

import inspextract

PACKAGE_DIR = Path(inspextract.__file__).parent


def module_name(path: Path) -> str:
    """`inspextract.readers.pdf` for src/inspextract/readers/pdf.py (a package is its `__init__`)."""
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, modules: set[str], importer: str = "") -> set[str]:
    """The package's own modules that `path` (module `importer`) imports anywhere in its body.

    Importing `a.b.c` also runs the packages `a` and `a.b`, except the importer's own packages, which
    Python has always entered before the importer runs; a name taken from a package ("from inspextract
    import __version__") depends on that package's `__init__` all the same.
    """
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            submodules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = absolute(node, importer, is_package=path.name == "__init__.py")
            submodules = [f"{module}.{alias.name}" for alias in node.names]
            if any(name not in modules for name in submodules) and module in modules:
                found.add(module)  # a name defined in the package's __init__
            submodules.append(module)
        else:
            continue
        for name in submodules:
            parts = name.split(".")
            for i in range(1, len(parts) + 1):
                prefix = ".".join(parts[:i])
                if prefix in modules and not importer.startswith(prefix + "."):
                    found.add(prefix)
    return found


def absolute(node: ast.ImportFrom, importer: str, *, is_package: bool) -> str:
    """The module a `from ... import` reads from, with relative imports ("from .x import y") resolved."""
    if not node.level:
        return node.module or ""
    package = importer.split(".")[: len(importer.split(".")) - node.level + is_package]
    return ".".join([*package, node.module] if node.module else package)


def import_graph() -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports."""
    paths = {module_name(p): p for p in PACKAGE_DIR.rglob("*.py")}
    modules = set(paths)
    return {name: imported_modules(path, modules, name) - {name} for name, path in paths.items()}


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Cycles of the graph, each broken at its last edge before the next is looked for."""
    graph = {module: set(targets) for module, targets in graph.items()}
    cycles = []
    while cycle := find_cycle(graph):
        cycles.append(cycle)
        graph[cycle[-2]].discard(cycle[-1])
    return cycles


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return None


def test_finds_a_cycle_through_a_function_level_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_reads_imports_inside_functions_and_relative_ones(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "import os\n\ndef f():\n    from pkg.x import thing\n    import pkg.y\n    from . import z\n"
    )
    modules = {"pkg", "pkg.x", "pkg.y", "pkg.z", "pkg.m", "other"}
    assert imported_modules(source, modules, "pkg.m") == {"pkg.x", "pkg.y", "pkg.z"}


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 40  # the walk found the package's modules
    assert list(find_cycles(graph)) == []
