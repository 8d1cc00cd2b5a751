"""clustersite's templates inside Material: install, escaping, filters.

- :func:`install` puts clustersite's theme folder just below the site's ``custom_dir``, so a
  site can still override any of our templates, and adds our stylesheets;
- :func:`escape_front_matter` and :func:`autoescape_ours`: an editor's title and front
  matter are text, and our templates are autoescaped while Material's keep their own setting;
- :func:`install_filters`: the Babel formatting functions as ``cs_*`` filters in the
  language of the build.

See docs/architecture.md, "Templates".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from clustersite import formatting

__all__ = [
    "STYLESHEETS",
    "THEME_DIR",
    "autoescape_ours",
    "context_dict",
    "escape_front_matter",
    "front_matter_text",
    "install",
    "install_filters",
    "one_not_found_page",
    "template_dirs",
    "title_text",
]

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
STYLESHEETS = ("assets/clustersite/palette.css", "assets/clustersite/components.css")
NOT_FOUND = "404.html"


def install(config: MkDocsConfig) -> None:
    """Our templates sit just below the site's custom_dir, so a site can still override them."""
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        custom = config.theme.custom_dir
        position = dirs.index(custom) + 1 if custom in dirs else 0
        dirs.insert(position, str(THEME_DIR))
    for sheet in STYLESHEETS:
        if sheet not in config.extra_css:
            config.extra_css.append(sheet)


def template_dirs(config: MkDocsConfig) -> list[Path]:
    """The template folders people edit (Material's own are covered by its version)."""
    return [THEME_DIR] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])


def one_not_found_page(config: MkDocsConfig, write_it: bool) -> None:
    """One 404 page serves every language (GitHub Pages has one): only the build that
    ``write_it`` renders it, so a later language build cannot overwrite it."""
    if write_it:
        config.theme.static_templates.add(NOT_FOUND)
    else:
        config.theme.static_templates.discard(NOT_FOUND)


def context_dict(context: TemplateContext) -> dict[str, Any]:
    """The template context as the plain dict it is: clustersite adds its own keys (cs_*)."""
    return cast("dict[str, Any]", context)


def escape_front_matter(page: Page) -> None:
    """What an editor wrote in front matter is text: escape it once, here, as Markup.

    Material prints ``page.title`` and front-matter values (``subtitle``, ``status``,
    ``revision_date``, ``page.meta.title`` …) unescaped, in the page and in the navigation of
    every page, and its search shows index titles as HTML. Every text in the front matter
    (nested ones too) becomes Markup; autoescaped templates leave Markup as it is, so every
    template prints it safely and none escapes it twice. Markup compares equal to the text it
    escapes wherever that holds no markup, so names (``template``, ``hide``) still match. All
    pages are rendered before the first template, so the navigation sees every page escaped.
    Python code reads the editor's text back with :func:`front_matter_text`.
    """
    title = page.title
    if title is not None and not isinstance(title, Markup):
        page.title = escape(str(title))  # MkDocs' weak_property: an instance value wins
    for key, value in page.meta.items():
        page.meta[key] = _escaped(value)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return value if isinstance(value, Markup) else escape(value)
    if isinstance(value, list | tuple):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {_escaped(key): _escaped(item) for key, item in value.items()}
    return value  # numbers, dates, yes/no: printed as they are, nothing to escape


def front_matter_text(value: Any) -> Any:
    """A front-matter value as the editor wrote it (:func:`escape_front_matter` undone)."""
    if isinstance(value, Markup):
        return value.unescape()
    if isinstance(value, list):
        return [front_matter_text(item) for item in value]
    if isinstance(value, dict):
        return {front_matter_text(key): front_matter_text(item) for key, item in value.items()}
    return value


def title_text(page: Page) -> str:
    """A page's title as plain text (:func:`escape_front_matter` has made it Markup)."""
    title = page.title
    return str(title.unescape() if isinstance(title, Markup) else title or "")


def autoescape_ours(previous: Any) -> Callable[[str | None], bool]:
    """Autoescape every template under clustersite/; the others (Material's) as before."""

    def choose(name: str | None) -> bool:
        if name is not None and name.startswith("clustersite/"):
            return True
        return bool(previous(name) if callable(previous) else previous)

    return choose


def install_filters(env: Environment, lang: str) -> None:
    """The formatting functions as ``cs_<name>`` filters in ``lang``; our autoescaping."""
    for name, function in formatting.FILTERS.items():
        env.filters[f"cs_{name}"] = _bind_locale(function, lang)
    env.autoescape = autoescape_ours(env.autoescape)


def _bind_locale(function: Any, lang: str) -> Any:
    """A filter in one language; results are memoised: listings format the same dates often."""

    @lru_cache(maxsize=8192)
    def bound(value: Any, *args: Any) -> Any:
        return function(value, *args, locale=lang)

    return bound
