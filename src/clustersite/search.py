"""Search that costs a visitor nothing until used, in the page's language only.

Material writes one search index for all languages, and its bundle fetches it (and a
``sitemap.xml`` per alternate link) on every page load. Instead:

- :func:`write_language_index` writes one compact index per language
  (``search/search_index.json`` for the default language, ``en/search/search_index.json``…):
  UTF-8 without ``\\u`` escapes, only the fields search uses, and a ``folded`` field holding the
  diacritic-free form of every word that has diacritics, so "aktualitates" finds "aktualitātes";
- the engine (clustersite/engine/material.py) patches Material's bundle to load that index
  only when the visitor first focuses or opens search, and to drop its sitemap look-ups: our
  pages already carry the language links (server-side), so nothing else needs fetching.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from clustersite.routes import url_of
from clustersite.settings import SiteSettings

__all__ = [
    "fold",
    "folded_words",
    "language_index",
    "write_language_index",
]

LUNR_LANGUAGES = {
    "ar",
    "da",
    "de",
    "du",
    "en",
    "es",
    "fi",
    "fr",
    "hi",
    "hu",
    "hy",
    "it",
    "ja",
    "jp",
    "kn",
    "ko",
    "nl",
    "no",
    "pt",
    "ro",
    "ru",
    "sa",
    "sv",
    "ta",
    "te",
    "th",
    "tr",
    "vi",
    "zh",
}
WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]+>")


def fold(text: str) -> str:
    """Text without diacritics.

    >>> fold("Klastera aktualitātes, perché")
    'Klastera aktualitates, perche'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=16384)  # the preview writes every index again after each edit
def folded_words(*texts: str) -> str:
    """The folded form of each distinct word that has diacritics, space-separated.

    >>> folded_words("Klastera aktualitātes", "<p>Rīgā un Rīgā</p>")
    'aktualitates riga'
    """
    seen: dict[str, None] = {}
    for text in texts:
        for word in WORD.findall(TAG.sub(" ", text).lower()):
            if not word.isascii():
                folded = _fold_word(word)
                if folded != word:
                    seen.setdefault(folded, None)
    return " ".join(seen)


def language_index(material_index: dict[str, Any], lang: str) -> str:
    """One language's compact index from Material's index data of that language's build."""
    entries: list[dict[str, Any]] = []
    page_text: dict[str, list[str]] = {}  # page address -> its titles and texts, all sections
    for doc in material_index.get("docs", []):
        compact = {
            "location": doc.get("location", ""),
            "title": doc.get("title", ""),
            "text": doc.get("text", ""),
        }
        if doc.get("tags"):
            compact["tags"] = doc["tags"]
        page_text.setdefault(compact["location"].split("#", 1)[0], []).extend(
            (compact["title"], compact["text"])
        )
        entries.append(compact)
    # The folded words of a whole page go on its page-level entry only (not on every
    # section): a query typed without diacritics finds the page, and the index stays small.
    for entry in entries:
        if "#" not in entry["location"] and (
            folded := folded_words(*page_text.get(entry["location"], []))
        ):
            entry["folded"] = folded
    config = dict(material_index.get("config", {}))
    supported = lang in LUNR_LANGUAGES
    config["lang"] = [lang] if supported else ["en"]
    if not supported:  # English stemming and stop words would only harm another language
        config["pipeline"] = []
    fields = dict(config.get("fields") or {"title": {"boost": 1000.0}, "text": {"boost": 1.0}})
    fields["folded"] = {"boost": 1.0}
    config["fields"] = fields
    return json.dumps(
        {"config": config, "docs": entries}, ensure_ascii=False, separators=(",", ":")
    )


def write_language_index(
    material_index: dict[str, Any], site_dir: Path, settings: SiteSettings, lang: str
) -> bytes:
    """Write ``<language root>search/search_index.json`` from Material's index data."""
    data = language_index(material_index, lang).encode("utf-8")
    target = site_dir / settings.language_root(lang) / url_of("search-index")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return data
