"""Every docstring example of the package and of the scripts runs, as a doctest."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import sys
from pathlib import Path

import pytest

import clustersite
from support import REPO

PACKAGE = Path(clustersite.__file__).parent
MODULES = sorted(
    "clustersite."
    + ".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
    for p in PACKAGE.rglob("*.py")
)
SCRIPTS = sorted(REPO.glob("scripts/*.py"))


def _run(module: object) -> None:
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(module):
        runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} of {results.attempted} examples failed"


@pytest.mark.parametrize("name", MODULES)
def test_module_examples(name):
    _run(importlib.import_module(name.removesuffix(".")))


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_script_examples(path):
    spec = importlib.util.spec_from_file_location(f"_doctest_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        _run(module)
    finally:
        del sys.modules[spec.name]


def test_the_examples_are_found():
    """The finder sees the package's examples (a wrong path would pass every test above)."""
    module = importlib.import_module("clustersite.routes")
    assert sum(len(t.examples) for t in doctest.DocTestFinder().find(module)) >= 5
