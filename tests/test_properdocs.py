"""The default site builds unchanged on ProperDocs, the maintained MkDocs 1.x fork.

ProperDocs (PyPI ``properdocs``) redirects every ``mkdocs.*`` import to ``properdocs.*`` and
loads plugins from the ``mkdocs.plugins`` entry points, so Material, mkdocs-static-i18n and
clustersite run on it as they are. This test builds the default site in a virtualenv that
has ProperDocs and *no* MkDocs (``requirements-lock.txt`` without MkDocs, plus
``requirements-properdocs.txt``; kept in ``.cache/test/`` under a name made from both locks,
so it is made once; clustersite itself is installed editable), builds it again with MkDocs here, and compares the two sites file by file.

Every difference must be one of :data:`EXPLAINED`; there is one:

- ``<meta name="generator">``: it names the engine and its version
  (``mkdocs-1.6.1`` against ``mkdocs-ProperDocs 1.6.7``), from the ``mkdocs_version`` that
  each engine gives its templates.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO, tree

LOCK = REPO / "requirements-lock.txt"
PROPERDOCS_LOCK = REPO / "requirements-properdocs.txt"
LEFT_OUT = {"mkdocs", "mkdocs-get-deps"}  # MkDocs itself, and what only it needs
SITE_FILES = ("mkdocs.yml", "content", "data", "overrides")
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
EXPLAINED = {"generator": GENERATOR}


def _blocks(lock: Path) -> dict[str, str]:
    """The requirements of a lock file (name -> its lines, hashes included)."""
    blocks: dict[str, list[str]] = {}
    name = None
    for line in lock.read_text(encoding="utf-8").splitlines(keepends=True):
        found = re.match(r"^([A-Za-z0-9_.-]+)==", line)
        if found:
            name = found.group(1).lower()
            blocks[name] = [line]
        elif name and line.startswith("    --hash"):
            blocks[name].append(line)
    return {key: "".join(lines) for key, lines in blocks.items()}


def _requirements() -> str:
    """Every locked package except MkDocs, and ProperDocs' own packages, one entry each."""
    chosen = {k: v for k, v in _blocks(LOCK).items() if k not in LEFT_OUT}
    for name, block in _blocks(PROPERDOCS_LOCK).items():
        chosen.setdefault(name, block)
    return "".join(chosen.values())


def _properdocs_venv() -> Path:
    """The virtualenv, made once per pair of locks; ``.complete`` is written last."""
    requirements = _requirements()
    # clustersite is installed editable: its code is always this checkout's; its entry points
    # come from pyproject.toml, so that file names the virtualenv too
    name = hashlib.sha256(
        requirements.encode("utf-8") + (REPO / "pyproject.toml").read_bytes()
    ).hexdigest()[:16]
    venv = REPO / ".cache" / "test" / f"properdocs-{name}"
    if (venv / ".complete").is_file():
        return venv
    shutil.rmtree(venv, ignore_errors=True)  # a half-made one from an interrupted run
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    locked = venv / "requirements.txt"
    locked.write_text(requirements, encoding="utf-8")
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    for step in (
        [*pip, "--require-hashes", "--no-deps", "-r", str(locked)],
        [*pip, "--no-deps", "--no-build-isolation", "-e", str(REPO)],
    ):
        done = subprocess.run(step, capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, f"{' '.join(step)}\n{done.stdout}\n{done.stderr}"
    (venv / ".complete").write_text(requirements, encoding="utf-8")
    return venv


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SOURCE_DATE_EPOCH="1700000000",
        SITE_URL="https://example.org/site/",
        NO_MKDOCS_2_WARNING="1",
        DISABLE_MKDOCS_2_WARNING="true",
    )
    return env


def _build(command: list[str], site: Path, out: Path) -> None:
    done = subprocess.run(
        [*command, "build", "-f", str(site / "mkdocs.yml"), "-d", str(out)],
        capture_output=True,
        text=True,
        env=_environment(),
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-4000:]


def _copy_site(target: Path) -> Path:
    target.mkdir()
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    venv = _properdocs_venv()
    work = tmp_path_factory.mktemp("engines")
    # one copy of the site per engine: each starts with an empty render cache of its own
    mkdocs_site, properdocs_site = _copy_site(work / "a"), _copy_site(work / "b")
    _build([sys.executable, "-m", "mkdocs"], mkdocs_site, work / "mkdocs-out")
    _build(
        [str(venv / "bin" / "python"), "-m", "properdocs"], properdocs_site, work / "properdocs-out"
    )
    return work / "mkdocs-out", work / "properdocs-out"


def test_properdocs_runs_without_mkdocs():
    venv = _properdocs_venv()
    done = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import importlib.util as u; print(u.find_spec('mkdocs'))",
        ],
        capture_output=True,
        text=True,
    )
    assert done.stdout.strip() == "None"


def test_the_same_pages_and_files(two_builds):
    mkdocs_out, properdocs_out = two_builds
    assert sorted(tree(mkdocs_out)) == sorted(tree(properdocs_out))


def test_every_difference_is_explained(two_builds):
    mkdocs_out, properdocs_out = two_builds
    a, b = tree(mkdocs_out), tree(properdocs_out)
    unexplained = []
    generators = set()
    for name in sorted(a.keys() & b.keys()):
        if a[name] == b[name]:
            continue
        left, right = a[name], b[name]
        for pattern in EXPLAINED.values():
            generators.update(pattern.findall(left) + pattern.findall(right))
            left, right = pattern.sub(b"", left), pattern.sub(b"", right)
        if left != right:
            unexplained.append(name)
    assert not unexplained, (
        f"{len(unexplained)} files differ beyond {list(EXPLAINED)}: {unexplained[:20]}"
    )
    # the explained difference is real: each engine names itself
    assert any(b"ProperDocs" in g for g in generators)
    assert any(g.startswith(b"clustersite, mkdocs-1.") for g in generators)
