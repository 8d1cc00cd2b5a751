"""The phrase files clustersite ships, one YAML file per language.

``locales/<lang>.yml`` holds the site's UI strings (read by :mod:`clustersite.strings`),
``locales/messages/<lang>.yml`` what editors read in the terminal (:mod:`clustersite.messages`).
Both are ours, not editors' input: they are read plainly, without line numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = ["LOCALES_DIR", "MESSAGES_DIR", "file_languages", "read_language_file"]

LOCALES_DIR = Path(__file__).parent / "locales"
MESSAGES_DIR = LOCALES_DIR / "messages"


def read_language_file(folder: Path, lang: str) -> dict[str, Any]:
    """The phrases in ``folder/<lang>.yml``; none where the language has no file.

    >>> "all_news" in read_language_file(LOCALES_DIR, "lv"), read_language_file(LOCALES_DIR, "xx")
    (True, {})
    """
    path = folder / f"{lang}.yml"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream) or {}


def file_languages(folder: Path) -> tuple[str, ...]:
    """The languages that have a file in ``folder``, in alphabetical order.

    >>> "lv" in file_languages(MESSAGES_DIR), "messages" in file_languages(LOCALES_DIR)
    (True, False)
    """
    return tuple(sorted(path.stem for path in folder.glob("*.yml")))
