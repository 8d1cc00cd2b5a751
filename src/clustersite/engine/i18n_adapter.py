"""Everything clustersite reads or writes of mkdocs-static-i18n's state.

static-i18n (checked with 1.3.1) runs the whole MkDocs build once per language: the outer
build is the default language, and its ``on_post_build`` (priority -100) runs a nested build
for each other language, with ``building`` set and ``current_language`` naming it. Its files
carry ``locale``, ``norm_src_uri`` (the address below the language folder) and
``alternates``; its language switcher and hreflang links read those. See
docs/architecture.md, "Event timeline".
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

__all__ = [
    "enter_language_build",
    "file_locale",
    "i18n_plugin",
    "is_nested_build",
    "languages",
    "mark_generated",
    "norm_src_uri",
    "set_languages_built",
]


class _Alternate:
    """What static-i18n reads of a page's version in another language: its URL."""

    def __init__(self, url: str) -> None:
        self.url = url


def i18n_plugin(config: MkDocsConfig) -> Any:
    """static-i18n's plugin object; a clear error when the site does not use it."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError(
            "mkdocs.yml: plugins: clustersite needs the i18n plugin (mkdocs-static-i18n) "
            "after it — add it with the site's languages (see README)"
        )
    return i18n


def languages(config: MkDocsConfig) -> list[Any]:
    """static-i18n's configured languages (its config objects: ``locale``, ``build``…)."""
    return list(i18n_plugin(config).config.languages)


def is_nested_build(config: MkDocsConfig) -> bool:
    """True inside static-i18n's build of a language other than the default."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def enter_language_build(config: MkDocsConfig, lang: str) -> None:
    """Put static-i18n in the state of its nested build of ``lang`` (in a forked worker)."""
    i18n = i18n_plugin(config)
    i18n.building = True
    i18n.current_language = lang


def set_languages_built(config: MkDocsConfig, locales: set[str], build: bool) -> None:
    """Show (``build=True``) or hide these languages from static-i18n's own loop."""
    for language in languages(config):
        if language.locale in locales:
            language.build = build


def norm_src_uri(file: File) -> str:
    """A file's address below its language folder (``news/2020/x.md``)."""
    return str(getattr(file, "norm_src_uri", file.src_uri))


def file_locale(file: File, default: str) -> str:
    """The language a file is written in (static-i18n's fallback may show another's file)."""
    return str(getattr(file, "locale", default))


def mark_generated(file: File, lang: str, norm: str, alternate_urls: dict[str, str]) -> None:
    """Give a generated file what static-i18n reads, so its switcher and hreflang are right."""
    file.locale = lang  # type: ignore[attr-defined]
    file.locale_alternate_of = lang  # type: ignore[attr-defined]
    file.localization = lang  # type: ignore[attr-defined]
    file.norm_src_uri = norm  # type: ignore[attr-defined]
    file.alternates = {  # type: ignore[attr-defined]
        other: _Alternate(url) for other, url in alternate_urls.items()
    }
