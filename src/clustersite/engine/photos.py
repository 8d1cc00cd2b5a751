"""Editors' photos and documents inside MkDocs: what the text of a page shows of them.

A photo an editor puts beside a page (``content/<lang>/…``) is never copied into the site as
it is: phones record the place a photo was taken in it (GPS). Such a file stays in MkDocs'
files, so that ``![…](photo.jpg)`` in the text still resolves and MkDocs' link check is
quiet, but as a :class:`WithheldPhoto`, which is never copied. After Markdown is rendered,
:class:`TextMedia` turns each ``<img>`` of such a photo into the ``<picture>`` every other
photo of the site gets (theme partial ``clustersite/picture.html``) and points each link to one
at its widest web file (clustersite/images.py made both, without the metadata). A link to
a document beside the page gets its type and size, as a post's list of documents shows them.
"""

from __future__ import annotations

import html
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from clustersite.errors import Problem
from clustersite.images import ImageProblem, web_photos_in_text
from clustersite.media import PHOTO_SUFFIXES, MediaLibrary, label_documents_in_text
from clustersite.messages import editor_language
from clustersite.model import Site

__all__ = ["TextMedia", "WithheldPhoto", "withhold_original_photos"]

PICTURE = "clustersite/picture.html"


class WithheldPhoto(File):
    """An editor's photo: links to it resolve, but the site gets only its web versions."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def withhold_original_photos(files: Files, config: MkDocsConfig, site: Site) -> dict[str, str]:
    """Withhold every photo of the language folders; returns their URLs -> files on disk.

    The theme's own images (``theme.logo``, ``theme.favicon``) are left as they are.
    """
    docs = Path(config.docs_dir).resolve()
    languages = {docs / lang for lang in site.settings.languages}
    theme_files = {config.theme.get("logo"), config.theme.get("favicon")}
    withheld: dict[str, str] = {}
    for file in files.media_files():
        if not file.abs_src_path or Path(file.src_uri).suffix.lower() not in PHOTO_SUFFIXES:
            continue
        source = Path(file.abs_src_path).resolve()
        if file.src_uri in theme_files or not any(folder in source.parents for folder in languages):
            continue
        file.__class__ = WithheldPhoto  # the same file for MkDocs, only never copied
        withheld[file.url] = file.abs_src_path
    return withheld


class TextMedia:
    """The photos of one language build's pages, rendered with the theme's picture partial."""

    def __init__(self, library: MediaLibrary, env: Environment, lang: str, site: Site) -> None:
        self.library = library
        self.template = env.get_template(PICTURE)
        self.lang = lang
        self.site = site
        self.shown: dict[str, list[str]] = {}  # src_uri -> the web files its text shows

    def rewrite(
        self, content: str, page: Page, withheld: dict[str, str], files: dict[str, str]
    ) -> str:
        """``withheld``: URL -> file of the editors' photos; ``files``: of every other file."""
        base_url = get_relative_url(".", page.url)
        shown = self.shown[page.file.src_uri] = []

        def picture(path: str, attributes: dict[str, str]) -> str:
            pic = self.library.text_picture(
                self._checked(path, page),
                html.unescape(attributes.get("alt", "")),
                html.unescape(attributes.get("title", "")),
            )
            shown.append(pic.src)
            return self.template.render(
                page=page, base_url=base_url, pic=pic, cs={"lang": self.lang}
            )

        def full_size(path: str) -> str:
            url = self.library.full_size(self._checked(path, page))
            shown.append(url)
            return get_relative_url(url, page.url)

        content = web_photos_in_text(content, page.url, withheld, picture, full_size)
        return label_documents_in_text(content, page.url, files, self.library.document_label)

    def _checked(self, path: str, page: Page) -> Path:
        """The photo, or the build stops with the editor's message (never a traceback)."""
        source = Path(path)
        try:
            self.library.cache.process(source)
        except ImageProblem as problem:
            settings = self.site.settings
            shown = source.resolve().relative_to(settings.root.resolve()).as_posix()
            message = Problem.of(
                f"{settings.docs_dir.name}/{page.file.src_uri}",
                "text",
                problem.key,
                photo=shown,
                **problem.params,
            ).in_language(editor_language(None, settings.default_language))
            raise PluginError(str(message)) from None
        return source
