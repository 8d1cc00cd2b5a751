"""requirements-lock.txt holds every requirement of pyproject.toml, each pinned with hashes.

A dependency added to pyproject.toml without ``make lock`` would install on the machine of
whoever added it and be missing on every fresh clone: this test names it.
"""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from support import REPO

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def locked() -> dict[str, list[Version]]:
    """Package name -> its locked versions (more than one where a marker splits them)."""
    pins: dict[str, list[Version]] = {}
    for line in (REPO / "requirements-lock.txt").read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            pins.setdefault(canonicalize_name(match[1]), []).append(Version(match[2]))
    return pins


def declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    texts = [
        *project["project"]["dependencies"],
        *(text for extra in project["project"]["optional-dependencies"].values() for text in extra),
        *(text for group in project.get("dependency-groups", {}).values() for text in group),
    ]
    return [Requirement(text) for text in texts]


def test_every_declared_requirement_is_locked_within_its_range() -> None:
    pins = locked()
    stale = [
        str(requirement)
        for requirement in declared()
        if not any(
            requirement.specifier.contains(version, prereleases=True)
            for version in pins.get(canonicalize_name(requirement.name), [])
        )
    ]
    assert stale == [], (
        f"not in requirements-lock.txt or outside its range (run `make lock`): {stale}"
    )


def test_every_locked_package_has_hashes() -> None:
    text = (REPO / "requirements-lock.txt").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert len(blocks) == sum(len(versions) for versions in locked().values())
    assert [block.split(" ", 1)[0] for block in blocks if "--hash=sha256:" not in block] == []
