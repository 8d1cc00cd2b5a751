"""The wheel carries everything the plugin needs, and a site builds from it alone.

The wheel is built from a copy of the sources (the working tree gets no build/ folder) and
installed, not editable, into a fresh virtual environment in ``tmp_path``, with its
dependencies at the versions of ``requirements-lock.txt`` (from PyPI or pip's cache). The
site is then built from a folder outside the repository, so nothing can be imported from
``src/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from support import REPO, SiteFactory

PACKAGE = REPO / "src" / "clustersite"
NOT_DATA = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def package_files() -> set[str]:
    """Every file of the package as the wheel names it: code and data folders alike."""
    return {
        f"clustersite/{path.relative_to(PACKAGE).as_posix()}"
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def locked_versions(target: Path) -> Path:
    """requirements-lock.txt as plain ``name==version`` constraints (no hashes)."""
    lines = (REPO / "requirements-lock.txt").read_text(encoding="utf-8").splitlines()
    pins = [line.removesuffix("\\").strip() for line in lines if line[:1].isalnum()]
    target.write_text("\n".join(pins) + "\n", encoding="utf-8")
    return target


def build_wheel(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    shutil.copytree(REPO / "src", sources / "src", ignore=NOT_DATA)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, sources / name)
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", dist,
        sources, cwd=tmp_path)  # fmt: skip
    (wheel,) = dist.glob("clustersite-*.whl")
    return wheel


def test_the_wheel_installed_in_a_fresh_venv_builds_a_strict_site(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert package_files() - names == set(), "files of src/clustersite missing from the wheel"
    assert not [name for name in names if name.endswith(".pyc") or "__pycache__" in name]

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet",
        "--constraint", locked_versions(tmp_path / "locked.txt"), wheel, cwd=tmp_path)  # fmt: skip
    where = run(python, "-c", "import clustersite; print(clustersite.__file__)", cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout

    site = SiteFactory(tmp_path / "site-src")
    site.post("lv", 2020, "jaunumi", "Jaunumi", "2020-06-30", projects="[neeghw]")
    run(venv / "bin" / "mkdocs", "build", "--strict", cwd=site.root)
    built = site.root / "site"
    assert "Jaunumi" in (built / "news/2020/jaunumi/index.html").read_text(encoding="utf-8")
    assert "NEEGHW" in (built / "en/projects/neeghw/index.html").read_text(encoding="utf-8")
    theme = PACKAGE / "theme" / "assets"
    for asset in theme.rglob("*.*"):  # the theme's CSS and the emblem reach the site
        assert (built / "assets" / asset.relative_to(theme)).is_file(), asset.name
