"""The repository cites only documents it contains."""

from __future__ import annotations

import re
import subprocess

from support import REPO

# a repository document: an upper-case name at the root (README.md) or a page under docs/
CITATION = re.compile(r"(?<![\w/.-])(docs/[\w.-]+\.md|[A-Z][A-Z0-9_-]+\.md)\b")
TEXT = (".py", ".md", ".html", ".yml", ".yaml", ".toml", ".txt", ".cfg", ".js", ".css")


def _tracked() -> list[str]:
    done = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True)
    return [name for name in done.stdout.splitlines() if name.endswith(TEXT)]


def test_every_cited_document_exists():
    missing = []
    for name in _tracked():
        path = REPO / name
        if name.startswith("tests/corpus/") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for found in CITATION.finditer(text):
            if not (REPO / found.group(1)).is_file():
                line = text.count("\n", 0, found.start()) + 1
                missing.append(f"{name}:{line}: {found.group(1)}")
    assert not missing, "cites a document that is not in the repository:\n" + "\n".join(missing)


def test_the_check_sees_a_missing_document():
    name = "NOWHERE" + ".md"  # spelled in two parts, or this file would cite it
    assert CITATION.search(f"see {name}, 'Data formats'").group(1) == name
    assert CITATION.search("see docs/architecture.md").group(1) == "docs/architecture.md"
    assert not (REPO / name).exists()
