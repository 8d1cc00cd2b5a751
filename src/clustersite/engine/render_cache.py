"""The render cache's hooks into MkDocs and Material: Markdown, page template, search entries.

The cache itself (keys, storage) is engine-free: clustersite/cache/. This module decides
what each key covers, and replaces MkDocs' steps on a hit:

- Markdown: ``page.render`` is replaced for the page; on a hit it restores the fields
  MkDocs' own render would set (content, contents table, title, anchors, links to anchors);
- page template: on a hit the page renders through ``clustersite/cached.html``, which prints
  the stored HTML, so every other plugin's ``on_post_page`` still runs as on a fresh render;
- search entries: Material's search plugin parses every page's HTML; its entries of a page
  whose rendered content, title and metadata are unchanged are reused.

Entries from a language build that logged a warning are never stored (:meth:`finish`).
See docs/architecture.md, "Caching".
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from clustersite.cache import (
    RenderCache,
    WarningCounter,
    digest,
    environment_digest,
    object_digest,
)
from clustersite.engine import material
from clustersite.engine.theme import context_dict

__all__ = ["PageRenderCache"]

CACHED_LAYOUT = "clustersite/cached.html"


class PageRenderCache:
    """One language build's use of the render cache (``cache`` is None when it is off)."""

    def __init__(self) -> None:
        self.cache: RenderCache | None = None
        self.environment = ""  # digest of mkdocs.yml, versions and templates
        self.files_digest = ""  # digest of every file's address, this language build
        self.nav_digest = ""
        self.warnings = WarningCounter()
        self.markdown_keys: dict[str, str] = {}  # src_uri -> key of its Markdown rendering
        self.page_keys: dict[str, str] = {}  # src_uri -> key of its template rendering, on a miss
        self.built_keys: dict[str, str] = {}  # src_uri -> key of the page as last built
        self.ui: tuple[Any, str] = (None, "")  # the UI strings last seen, and their digest

    def start(
        self,
        config: MkDocsConfig,
        folder: Path | None,
        template_dirs: list[Path],
        *parts: Any,
    ) -> None:
        """Per language build: a fresh warning count, the cache (in ``folder``) and its
        environment digest (mkdocs.yml, versions, templates and ``parts``)."""
        mkdocs_logger = logging.getLogger("mkdocs")
        mkdocs_logger.removeHandler(self.warnings)
        self.warnings = WarningCounter()
        mkdocs_logger.addHandler(self.warnings)
        self.markdown_keys, self.page_keys, self.built_keys = {}, {}, {}
        if folder is None:
            self.cache = None
            return
        self.cache = RenderCache(folder)
        self.environment = digest(
            environment_digest(Path(config.config_file_path or "mkdocs.yml"), template_dirs),
            *parts,
        )
        self._hook_search_entries(config)

    def note_files(self, files: Files) -> None:
        self.files_digest = digest(sorted((f.src_uri, f.url, f.inclusion.name) for f in files))

    def note_nav(self, nav: Navigation) -> None:
        def outline(items: Any) -> list[Any]:
            return [
                (
                    item.title,
                    getattr(item, "url", None),
                    outline(getattr(item, "children", None) or []),
                )
                for item in items
            ]

        self.nav_digest = digest(outline(nav.items))

    def use_bytecode_cache(self, env: Environment) -> None:
        """Compiled templates, checked against their source by Jinja."""
        if self.cache is not None:
            folder = self.cache.folder / "jinja"
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))

    def _hook_search_entries(self, config: MkDocsConfig) -> None:
        """Reuse Material's search entries of a page whose rendered content is unchanged.

        Its entries depend only on the page's content, contents table, address, title and
        metadata: the Markdown key covers the first three. The wrap is on this build's index
        object only.
        """
        index = material.search_index(config)
        if index is None or self.cache is None:
            return
        cache, original = self.cache, index.add_entry_from_context

        def add_entry_from_context(page: Page) -> None:
            markdown_key = self.markdown_keys.get(page.file.src_uri)
            if markdown_key is None:
                original(page)
                return
            key = digest(markdown_key, page.title, page.meta)
            stored = _read(cache, "search", key, _search_entries)
            if stored is not None:
                index.entries.extend(stored)
                return
            before = len(index.entries)
            original(page)
            cache.put("search", key, json.dumps(index.entries[before:]).encode("utf-8"))

        index.add_entry_from_context = add_entry_from_context

    def hook_markdown(self, page: Page, markdown: str) -> None:
        """Skip Python-Markdown for a page whose source and surroundings are unchanged."""
        if self.cache is None:
            return
        cache = self.cache
        key = digest(self.environment, self.files_digest, page.file.src_uri, page.url, markdown)
        self.markdown_keys[page.file.src_uri] = key
        entry = _read(cache, "markdown", key, _markdown_entry)
        vars(page).pop("render", None)  # a page read again (preview): MkDocs' render, not ours
        render = page.render
        if entry is not None:

            def restore(config: MkDocsConfig, files: Files) -> None:
                page.content = entry["content"]
                page.toc = get_toc(entry["toc"])
                page._title_from_render = entry["title"]
                page.present_anchor_ids = set(entry["anchors"])
                page.links_to_anchors = {
                    target: links
                    for uri, links in entry["links"].items()
                    if (target := files.get_file_from_path(uri)) is not None
                }

            page.render = restore  # type: ignore[method-assign]
            return

        def render_and_store(config: MkDocsConfig, files: Files) -> None:
            render(config, files)
            cache.put(
                "markdown",
                key,
                json.dumps(
                    {
                        "content": page.content,
                        "toc": _toc_tokens(page.toc),
                        "title": page._title_from_render,
                        "anchors": sorted(page.present_anchor_ids or ()),
                        "links": {
                            f.src_uri: links for f, links in (page.links_to_anchors or {}).items()
                        },
                    },
                    ensure_ascii=False,
                ).encode("utf-8"),
            )

        page.render = render_and_store  # type: ignore[method-assign]

    def page_key(self, page: Page, cs: Any) -> str | None:
        """The digest of every input of a page's template (None with the cache off)."""
        if self.cache is None or page.file.src_uri not in self.markdown_keys:
            return None
        neighbours = [(p.url, p.title) if p else None for p in (page.previous_page, page.next_page)]
        fields = {key: value for key, value in cs.items() if key != "t"}
        ui = fields.pop("ui", None)
        if ui is not self.ui[0]:  # the language's strings: one object for every page
            self.ui = (ui, object_digest(ui))
        return digest(
            self.environment,
            self.nav_digest,
            self.markdown_keys[page.file.src_uri],
            page.title,
            page.meta,
            neighbours,
            self.ui[1],
            object_digest(fields),
        )

    def hook_page(self, page: Page, context: TemplateContext) -> None:
        """Print the stored HTML of a page whose every template input is unchanged."""
        extra = context_dict(context)
        key = self.page_key(page, extra["cs"])
        if key is None:  # the cache is off
            return
        self.built_keys[page.file.src_uri] = key
        stored = _read(self.cache, "page", key, _page_html)
        if stored is not None:
            extra["cs_layout"] = CACHED_LAYOUT
            extra["cs_cached_html"] = stored
        else:
            self.page_keys[page.file.src_uri] = key

    def store_page(self, page: Page, output: str) -> None:
        key = self.page_keys.pop(page.file.src_uri, None)
        if self.cache is not None and key is not None:
            self.cache.put("page", key, output.encode("utf-8"))

    def finish(self) -> None:
        """Keep this language's new entries, unless it logged a warning: a fresh render must
        show the same warnings again."""
        if self.cache is not None:
            if self.warnings.count:
                self.cache.discard()
            else:
                self.cache.flush()


def _toc_tokens(toc: Any) -> list[dict[str, Any]]:
    """A TableOfContents back as the tokens mkdocs.structure.toc.get_toc reads."""
    return [
        {
            "level": item.level,
            "id": item.id,
            "name": item.title,
            "children": _toc_tokens(item.children),
        }
        for item in toc
    ]


def _read(cache: Any, kind: str, key: str, parse: Any) -> Any:
    stored = cache.get(kind, key)
    if stored is None:
        return None
    try:
        return parse(stored)
    except (ValueError, KeyError, TypeError):  # JSON, UTF-8 and shape errors alike
        cache.report_damaged(kind)
        return None


def _search_entries(stored: bytes) -> list[Any]:
    entries = json.loads(stored)
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict) and {"location", "title", "text"} <= set(entry) for entry in entries
    ):
        raise TypeError("search entries")
    return entries


def _markdown_entry(stored: bytes) -> dict[str, Any]:
    entry = json.loads(stored)
    if not isinstance(entry, dict) or not {"content", "toc", "title", "anchors", "links"} <= set(
        entry
    ):
        raise KeyError("content")
    return entry


def _page_html(stored: bytes) -> str:
    html = stored.decode("utf-8")
    if not html.strip():
        raise ValueError("empty page")
    return html
