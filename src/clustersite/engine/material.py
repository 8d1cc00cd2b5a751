"""Every use of Material for MkDocs' internals, each checked against the versions it knows.

- :func:`patch_bundle` makes Material's JavaScript bundle load the search index only when
  the visitor first focuses or opens search, and drops its sitemap look-ups (our pages carry
  their language links server-side). It is a regular-expression patch over a minified file,
  so it is keyed by the bundles it was written against (:data:`KNOWN_BUNDLES`); any other
  bundle stops the build with a message naming the installed Material version
  (:func:`check_bundle`, run when the build starts).
- :func:`search_index` and :func:`index_data` read Material's search index object; a change
  of its shape stops the build instead of silently writing no index.
- :data:`FORKED_PARTIALS`: the partials clustersite replaces whole (no block exists for
  what it changes), with the hash of the upstream file each was forked from; a test compares
  them with the installed Material, so upstream changes are seen.

See docs/architecture.md, "Material".
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import metadata
from pathlib import Path
from typing import Any

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

__all__ = [
    "FORKED_PARTIALS",
    "KNOWN_BUNDLES",
    "MATERIAL_TEMPLATES",
    "check_bundle",
    "index_data",
    "material_version",
    "patch_bundle",
    "search_index",
]

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
BUNDLES = "assets/javascripts"
PATCH_MARKER = "/*clustersite-patched*/"

# Bundle file name -> the Material release that ships it (the patch below is checked on these).
KNOWN_BUNDLES = {"bundle.a5f9d56c.min.js": "9.8.2"}

# Template path -> sha256 of the Material file it was forked from (Material 9.8.2).
FORKED_PARTIALS = {
    "partials/alternate.html": "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b",
    "partials/content.html": "ce33929c85af129f6e2f3b0aed47159e9c4a519482d1938bae15f5ff4a3cfae5",
    "partials/copyright.html": "bc86bca3bf75070fe5d72e2a3463bdddf87c10f4d6459c945fe81c5d384e35ea",
    "partials/languages/en.html": "902e36bb5ec5cb46fb41df377051591ec87cb4077e8de11e0efd8cd70fd4b2c6",
    "partials/languages/it.html": "2b52d09d3c37ec6ad1e8aca7dc1faf8225e169950a83c297a2046589b2998b6c",
    "partials/languages/lv.html": "d3f1e4457240647314341fe94893b64fa7e2f181e8544a57859dae39d4dda501",
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
}

# The bundle's alternate-link handler: it fetches sitemap.xml for every <link rel=alternate>.
_ALTERNATE_CALL = re.compile(r"(\w{1,4})\(\{document\$:(\w{1,4})\}\);")
# Where the bundle starts loading the search index.
_INDEX_LOAD = re.compile(r'(\w{1,4})\(new URL\("search/search_index\.json",(\w{1,4})\.base\)\)')
_OBSERVABLE = re.compile(
    r"function \w{1,4}\(e,t\)\{return new (\w{1,4})\(r=>\{let o=new XMLHttpRequest"
)


def material_version() -> str:
    try:
        return metadata.version("mkdocs-material")
    except metadata.PackageNotFoundError:
        return "unknown"


def _unknown_bundle(name: str, reason: str) -> PluginError:
    known = ", ".join(f"{bundle} (Material {v})" for bundle, v in KNOWN_BUNDLES.items())
    return PluginError(
        f"Material for MkDocs {material_version()}: its script bundle {name} {reason}; "
        f"clustersite knows {known} — install that Material version (the lock file pins it), "
        "or update clustersite/engine/material.py for this one"
    )


def _bundle_in(folder: Path) -> Path | None:
    bundles = sorted((folder / BUNDLES).glob("bundle.*.min.js"))
    return bundles[0] if bundles else None


def check_bundle() -> None:
    """Stop before building when the installed Material's bundle is not a known one."""
    bundle = _bundle_in(MATERIAL_TEMPLATES)
    if bundle is None:
        raise _unknown_bundle("(none found)", "is missing")
    if bundle.name not in KNOWN_BUNDLES:
        raise _unknown_bundle(bundle.name, "is not one clustersite has been checked with")


def patch_bundle(site_dir: Path) -> bool:
    """Patch Material's bundle in ``site_dir`` (see the module docstring); True when done."""
    bundle = _bundle_in(site_dir)
    if bundle is None:
        return False
    if bundle.name not in KNOWN_BUNDLES:
        raise _unknown_bundle(bundle.name, "is not one clustersite has been checked with")
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
        raise _unknown_bundle(bundle.name, "does not have the code the patch expects")
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


def _changed(what: str) -> PluginError:
    return PluginError(
        f"Material for MkDocs {material_version()}: the search plugin's {what} has changed "
        "shape; clustersite cannot write the search index — install the locked Material "
        "version, or update clustersite/engine/material.py"
    )


def search_index(config: MkDocsConfig) -> Any | None:
    """This build's Material search index object; None when the site has no search plugin."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None or not plugin.config.get("enabled", True):
        return None
    index = getattr(plugin, "search_index", None)
    if index is None:  # the plugin makes it in on_pre_build, before any of our uses
        raise _changed("index object (search_index)")
    for name in ("entries", "add_entry_from_context", "generate_search_index"):
        if not hasattr(index, name):
            raise _changed(f"index object ({name})")
    if not isinstance(index.entries, list):
        raise _changed("index object (entries)")
    return index


def index_data(index: Any) -> dict[str, Any]:
    """The index Material would write, as data: ``{"config": {...}, "docs": [{...}]}``."""
    data = json.loads(index.generate_search_index(None))
    if not isinstance(data, dict) or not isinstance(data.get("docs"), list):
        raise _changed("index data (docs)")
    if not isinstance(data.get("config", {}), dict):
        raise _changed("index data (config)")
    for doc in data["docs"]:
        if not isinstance(doc, dict) or not {"location", "title", "text"} <= doc.keys():
            raise _changed("index data (an entry's location, title or text)")
    return data


def upstream_sha256(template: str) -> str | None:
    """The hash of the installed Material's template at this path (None if it has none)."""
    path = MATERIAL_TEMPLATES / template
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
