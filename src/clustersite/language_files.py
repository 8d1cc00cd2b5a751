"""The phrase files clustersite ships, one YAML file per language.

``locales/<lang>.yml`` holds the site's UI strings, ``locales/messages/<lang>.yml`` what
editors read in the terminal (:mod:`clustersite.messages`). Both are ours, not editors'
input: they are read plainly, without line numbers. :class:`PhraseBook` looks a UI string up
(English where a language has none); :mod:`clustersite.formatting` asks it for the phrases
of dates and times, and :class:`clustersite.strings.Translator` adds counts and dates to it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "LOCALES_DIR",
    "MESSAGES_DIR",
    "Phrase",
    "PhraseBook",
    "file_languages",
    "load_strings",
    "read_language_file",
]

LOCALES_DIR = Path(__file__).parent / "locales"
MESSAGES_DIR = LOCALES_DIR / "messages"
FALLBACK = "en"

Phrase = str | dict[str, str]  # a plain phrase, or one per CLDR plural category


# libyaml's safe loader where PyYAML is built with it (several times faster: the phrase files
# are read by every build process, the editors' files by yamlio), else the pure-Python one.
FAST_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_language_file(folder: Path, lang: str) -> dict[str, Any]:
    """The phrases in ``folder/<lang>.yml``; none where the language has no file.

    >>> "all_news" in read_language_file(LOCALES_DIR, "lv"), read_language_file(LOCALES_DIR, "xx")
    (True, {})
    """
    path = folder / f"{lang}.yml"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=FAST_SAFE_LOADER) or {}


def file_languages(folder: Path) -> tuple[str, ...]:
    """The languages that have a file in ``folder``, in alphabetical order.

    >>> "lv" in file_languages(MESSAGES_DIR), "messages" in file_languages(LOCALES_DIR)
    (True, False)
    """
    return tuple(sorted(path.stem for path in folder.glob("*.yml")))


@cache
def load_strings(lang: str) -> dict[str, Phrase]:
    """The UI strings of one language, by key."""
    data = read_language_file(LOCALES_DIR, lang)
    return {
        str(key): {str(k): str(v) for k, v in value.items()}
        if isinstance(value, dict)
        else str(value)
        for key, value in data.items()
    }


class PhraseBook:
    """The UI strings of one language, English where it has none, then the key itself (so a
    half-translated locale never breaks a build); ``locale`` is the Babel locale the site
    chose for it.

    >>> PhraseBook("lv")("in_language", language="angļu")
    'angļu valodā'
    """

    def __init__(self, lang: str, locale: str | None = None) -> None:
        self.lang = lang
        self.locale = locale or lang
        self.strings = load_strings(lang)
        self.fallback = load_strings(FALLBACK)
        own = {k: v for k, v in self.strings.items() if isinstance(v, str) and v}
        # every plain string of the language, English where it has none: what templates print
        self.ui: dict[str, str] = {
            **{k: v for k, v in self.fallback.items() if isinstance(v, str)},
            **own,
        }

    def _phrase(self, key: str) -> Phrase:
        return self.strings.get(key) or self.fallback.get(key) or key

    def __call__(self, key: str, **values: Any) -> str:
        text = self._phrase(key)
        if isinstance(text, dict):  # a counted phrase asked for without a count
            text = text.get("other", key)
        return text.format(**values) if values else text
