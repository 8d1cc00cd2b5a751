"""Search that costs a visitor nothing until used, in the page's language only.

Material writes one search index for all languages, and its bundle fetches it (and a
``sitemap.xml`` per alternate link) on every page load. Instead:

- :func:`write_language_index` writes one compact index per language
  (``search/search_index.json`` for the default language, ``en/search/search_index.json``…):
  UTF-8 without ``\\u`` escapes, only the fields search uses, and a ``folded`` field holding the
  diacritic-free form of every word that has diacritics, so "aktualitates" finds "aktualitātes";
- :func:`patch_material_bundle` makes the bundle load that index only when the visitor first
  focuses or opens search, and drops its sitemap look-ups: our pages already carry the
  language links (server-side), so nothing else needs fetching.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.plugins import get_plugin_logger

from clustersite.settings import SiteSettings

__all__ = [
    "fold",
    "folded_words",
    "language_index",
    "patch_material_bundle",
    "write_language_index",
]

log = get_plugin_logger(__name__)
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
PATCH_MARKER = "/*clustersite-patched*/"


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
    config: Any, site_dir: Path, settings: SiteSettings, lang: str
) -> bytes | None:
    """Write ``<language root>search/search_index.json`` from this build's search plugin."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is None or not hasattr(index, "generate_search_index"):
        return None
    material_index = json.loads(index.generate_search_index(None))
    data = language_index(material_index, lang).encode("utf-8")
    target = site_dir / settings.language_root(lang) / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return data


# The bundle's alternate-link handler: it fetches sitemap.xml for every <link rel=alternate>.
_ALTERNATE_CALL = re.compile(r"(\w{1,4})\(\{document\$:(\w{1,4})\}\);")
# Where the bundle starts loading the search index.
_INDEX_LOAD = re.compile(r'(\w{1,4})\(new URL\("search/search_index\.json",(\w{1,4})\.base\)\)')
_OBSERVABLE = re.compile(
    r"function \w{1,4}\(e,t\)\{return new (\w{1,4})\(r=>\{let o=new XMLHttpRequest"
)


def patch_material_bundle(site_dir: Path) -> bool:
    """Patch Material's bundle in ``site_dir`` (see the module docstring); True when done."""
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        return False
    bundle = bundles[0]
    code = bundle.read_text(encoding="utf-8")
    if PATCH_MARKER in code:
        return True
    observable = _OBSERVABLE.search(code)
    index_load = _INDEX_LOAD.search(code)
    alternate_calls = [
        m
        for m in _ALTERNATE_CALL.finditer(code)
        if f"function {m.group(1)}({{document$:e}}){{let t=new Map;e.pipe(" in code
        and "link[rel=alternate]" in code[code.index(f"function {m.group(1)}(") :][:200]
    ]
    if not (observable and index_load and len(alternate_calls) == 1):
        log.warning(
            "Material's bundle has changed: search loads eagerly and the language switcher "
            "may fetch sitemap.xml (clustersite/search.py needs updating for this Material version)"
        )
        return False
    fetch, base = index_load.group(1), index_load.group(2)
    # one shared request however many parts of the bundle subscribe
    lazy = (
        f"new {observable.group(1)}(r=>{{let s;window.__csSearchReady(()=>{{s=(window.__csIndex$="
        f'window.__csIndex$||{fetch}(new URL(window.__csSearchIndex||"search/search_index.json",'
        f"{base}.base))).subscribe(r)}});return()=>s&&s.unsubscribe()}})"
    )
    call = alternate_calls[0]
    code = code[: call.start()] + code[call.end() :]
    code = _INDEX_LOAD.sub(lambda _m: lazy, code, count=1)
    bundle.write_text(PATCH_MARKER + code, encoding="utf-8")
    return True
