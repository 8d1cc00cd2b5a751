"""Only clustersite/engine/ knows the engine: no other module imports MkDocs, Material or
mkdocs-static-i18n, at its top or inside a function; and the core imports neither the engine
nor the commands (docs/architecture.md, "Layers").

Every module of the package is parsed and every import in it is read, wherever it stands:
``import x``, ``from x import y``, and ``importlib.import_module("x")`` or ``__import__("x")``
with a written name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "clustersite"
ENGINE = PACKAGE / "engine"
# the engine and its drop-in fork: ProperDocs runs the same plugin under the name properdocs
ENGINE_PACKAGES = {"mkdocs", "material", "mkdocs_static_i18n", "properdocs"}
COMMANDS = {"cli", "build", "scaffold", "init"}  # above the engine: they may use it


def imported_modules(source: str) -> list[tuple[int, str]]:
    """Every module a Python source imports, with its line."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
            if node.module == "clustersite":  # `from clustersite import cli`: a module too
                found += [(node.lineno, f"clustersite.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and _called_name(node.func) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def engine_imports(path: Path) -> list[str]:
    """``file:line: module`` for each engine module that ``path`` imports."""
    return [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {module}"
        for line, module in imported_modules(path.read_text(encoding="utf-8"))
        if module.split(".")[0] in ENGINE_PACKAGES
    ]


@pytest.mark.parametrize(
    ("source", "modules"),
    [
        ("import mkdocs", ["mkdocs"]),
        ("import os, material.plugins.search as search", ["os", "material.plugins.search"]),
        ("def f():\n    from mkdocs.utils.yaml import yaml_load\n", ["mkdocs.utils.yaml"]),
        ("class A:\n    def m(self):\n        import mkdocs_static_i18n\n", ["mkdocs_static_i18n"]),
        (
            "import importlib\nimportlib.import_module('mkdocs.config')",
            ["importlib", "mkdocs.config"],
        ),
        ("__import__('material')", ["material"]),
        ("from . import views\nfrom .engine import plugin", []),  # relative: our own modules
        (
            "from clustersite import cli, init",
            ["clustersite", "clustersite.cli", "clustersite.init"],
        ),
        ("try:\n    import properdocs\nexcept ImportError:\n    pass", ["properdocs"]),
    ],
)
def test_every_kind_of_import_is_read(source: str, modules: list[str]) -> None:
    assert [module for _, module in imported_modules(source)] == modules


def test_no_module_outside_the_engine_imports_the_engine() -> None:
    modules = [p for p in PACKAGE.rglob("*.py") if ENGINE not in p.parents]
    assert len(modules) > 30  # the core, the commands and the CMS were all found
    found = [line for path in modules for line in engine_imports(path)]
    assert found == [], "move these into clustersite/engine/:\n" + "\n".join(found)


def test_the_engine_is_where_the_imports_are() -> None:
    """The check reads real imports: the engine package's own are found."""
    found = [line for path in ENGINE.rglob("*.py") for line in engine_imports(path)]
    assert any(line.endswith(": mkdocs.plugins") for line in found), found
    assert any(line.endswith(": mkdocs.commands.build") for line in found), found


def test_the_core_imports_neither_the_engine_nor_the_commands() -> None:
    above = {"clustersite.engine", *(f"clustersite.{name}" for name in COMMANDS)}
    core = [
        path
        for path in PACKAGE.rglob("*.py")
        if ENGINE not in path.parents and path.stem not in COMMANDS
    ]
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {module}"
        for path in core
        for line, module in imported_modules(path.read_text(encoding="utf-8"))
        if any(module == name or module.startswith(name + ".") for name in above)
    ]
    assert found == [], "the core may not import these:\n" + "\n".join(found)


def test_every_import_of_the_package_is_absolute() -> None:
    """So the checks above see every import (``from .engine import …`` would slip past)."""
    relative = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    assert relative == []
