"""The preview's rebuild after an edit: one language's build kept in memory, and only the pages
whose inputs changed built again.

Under ``mkdocs serve`` every language build is kept once it has succeeded
(:class:`RetainedBuild`: its config, files, navigation, template environment, and per page
the HTML before the page context changed it, the photos its text shows and its search
entries). When the editor saves, :func:`edits_since` tells an edit the kept build can take
(the text of existing Markdown pages and project files) from one that needs a full build
(anything added, removed or renamed; templates, ``mkdocs.yml``, photos, other files). For an
edit it can take, the plugin reads the content again and, for each kept page, renders the
Markdown again only if its source changed (:func:`read_page`) and the template only if the
digest of the template's inputs changed (:func:`build_page`); the files of the language
(feeds, search index) are written again from the kept pages. Writing goes through the
preview's writer, so a file whose bytes are unchanged is left alone. Every page's digest is
the render cache's (engine/render_cache.py); a page is built again when any input changed.

What MkDocs does per page is its own ``_populate_page`` and ``_build_page`` (MkDocs 1.6,
whose 1.x line is no longer developed, so these do not move), called here and nowhere else.
See docs/architecture.md, "The preview".
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from clustersite.engine import material

__all__ = ["RetainedBuild", "Snapshot", "build_page", "edits_since", "read_page", "snapshot"]

Snapshot = dict[str, tuple[int, int]]
"""Every watched file: path -> (modification time in ns, size)."""

PAGE_SUFFIXES = (".md",)
DATA_SUFFIXES = (".yml", ".yaml")


def snapshot(folders: Iterable[Path], files: Iterable[Path]) -> Snapshot:
    """The watched files as they are now (folders that do not exist hold nothing)."""
    found: Snapshot = {}
    for path in files:
        _note(found, str(path))
    for folder in folders:
        for parent, _folders, names in os.walk(folder):
            for name in names:
                _note(found, os.path.join(parent, name))
    return found


def _note(found: Snapshot, path: str) -> None:
    try:
        stat = os.stat(path)
    except OSError:
        return
    found[path] = (stat.st_mtime_ns, stat.st_size)


def edits_since(before: Snapshot, now: Snapshot, docs_dir: Path, data_dir: Path) -> set[str] | None:
    """The files edited since ``before``, if a kept build can take every one of them: the
    same files exist, and only Markdown pages in ``docs_dir`` or project files in
    ``data_dir`` changed. None when a full build is needed (or nothing changed that this
    can see: the server saw a change somewhere, and a full build is the safe answer)."""
    if before.keys() != now.keys():
        return None
    edited = {path for path, state in now.items() if before[path] != state}
    if not edited:
        return None
    for path in edited:
        where = Path(path)
        page = where.suffix in PAGE_SUFFIXES and where.is_relative_to(docs_dir)
        data = where.suffix in DATA_SUFFIXES and where.is_relative_to(data_dir)
        if not (page or data):
            return None
    return edited


class RetainedBuild:
    """One language's last complete build under serve, as the next edit needs it."""

    def __init__(self) -> None:
        self._forget()

    def _forget(self) -> None:
        self.config: MkDocsConfig | None = None
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env: Environment | None = None
        self.snapshot: Snapshot = {}
        self.pages: dict[str, Page] = {}  # src_uri -> page, in the order they were built
        self.content: dict[str, str] = {}  # src_uri -> HTML before the page context's changes
        self.text_media: dict[str, tuple[Any, ...]] = {}  # src_uri -> the photos its text shows
        self.search: dict[str, list[Any]] = {}  # src_uri -> its search entries
        self.doc_files: list[File] = []  # the pages' files, as MkDocs' context lists them
        self.complete = False

    def begin(self, config: MkDocsConfig, watched: Snapshot) -> None:
        """A full build starts: nothing of the last one holds."""
        self._forget()
        self.config, self.snapshot = config, watched

    def note_structure(self, files: Files, nav: Navigation) -> None:
        self.files, self.nav = files, nav
        self._capture_search_entries()

    def note_env(self, env: Environment) -> None:
        self.env = env

    def note_page(self, page: Page) -> None:
        """A page is about to be given its context (its HTML is still the Markdown's)."""
        self.pages[page.file.src_uri] = page
        self.content[page.file.src_uri] = page.content or ""

    def finish(self) -> None:
        self.doc_files = [page.file for page in self.pages.values()]
        self.complete = self.config is not None and self.env is not None

    def _capture_search_entries(self) -> None:
        """Keep each page's entries in Material's search index, so that the index can be
        written again with only some pages built again."""
        assert self.config is not None
        index = material.search_index(self.config)
        if index is None or getattr(index, "clustersite_retained", None) is self:
            return
        original, kept = index.add_entry_from_context, self.search

        def add_entry_from_context(page: Page) -> None:
            before = len(index.entries)
            original(page)
            kept[page.file.src_uri] = index.entries[before:]

        index.add_entry_from_context = add_entry_from_context
        index.clustersite_retained = self

    def write_search_index(self) -> None:
        """Material's index of this language again, from every page's kept entries."""
        assert self.config is not None
        index = material.search_index(self.config)
        if index is None:
            return
        index.entries[:] = [entry for uri in self.pages for entry in self.search.get(uri, [])]
        search = self.config.plugins.get("material/search") or self.config.plugins.get("search")
        assert search is not None
        search.on_post_build(config=self.config)


def read_page(retained: RetainedBuild, page: Page) -> None:
    """Read and render a page's Markdown again, with every plugin's page events."""
    assert retained.config is not None and retained.files is not None
    mkdocs_build._populate_page(page, retained.config, retained.files)


def build_page(retained: RetainedBuild, page: Page, read_again: bool) -> None:
    """Render and write a page again (a page not read again starts from its kept HTML)."""
    assert retained.config is not None and retained.nav is not None and retained.env is not None
    if not read_again:
        page.content = retained.content[page.file.src_uri]
    mkdocs_build._build_page(
        page,
        retained.config,
        retained.doc_files,
        retained.nav,
        retained.env,
        excluded=page.file.inclusion.is_excluded(),
    )
