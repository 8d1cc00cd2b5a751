"""The files of one language build as MkDocs sees them: generated views added, inclusion set.

The views (news index and pages, archives, project pages) come from the engine-free core
(clustersite/views.py); here each becomes a ``File.generated(...)`` at its language's
address, marked for static-i18n (clustersite/engine/i18n_adapter.py). See
docs/architecture.md, "Event timeline".
"""

from __future__ import annotations

import json
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from clustersite.engine import i18n_adapter
from clustersite.model import Site
from clustersite.routes import classify, route
from clustersite.views import LanguageViews, View

__all__ = [
    "add_views",
    "drop_other_languages",
    "front_matter",
    "template_for",
    "view_src_uri",
]

NOT_IN_NAV = {route(kind).section for kind in ("post", "project", "event")}  # reached from listings


def drop_other_languages(files: Files, site: Site, lang: str) -> None:
    """Leave out the folders of languages this build never shows.

    A language build shows its own pages and, where one is missing, the default
    language's; the other languages' files would only be sorted and thrown away by
    static-i18n, in every language build (the language links are clustersite's own).
    """
    settings = site.settings
    unused = set(settings.languages) - {lang, settings.default_language}
    for file in list(files):
        if file.src_uri.split("/", 1)[0] in unused:
            files.remove(file)


def add_views(
    files: Files, config: MkDocsConfig, site: Site, views: LanguageViews
) -> dict[str, View]:
    """Add this language's generated views to ``files``; their src_uri -> view.

    Drafts get MkDocs' DRAFT inclusion (shown by ``mkdocs serve`` only), posts and
    narratives stay out of the navigation (the archive reaches them), and a project's
    narrative in another language gives way to the project page in this one.
    """
    lang = views.lang
    drafts = site.draft_sources()
    narratives: set[str] = set()
    for file in list(files.documentation_pages()):
        norm = i18n_adapter.norm_src_uri(file)
        if norm in drafts:
            file.inclusion = InclusionLevel.DRAFT
        elif norm.split("/", 1)[0] in NOT_IN_NAV and "/" in norm:
            file.inclusion = InclusionLevel.NOT_IN_NAV  # posts and events: reached from listings
        if _is_narrative(norm):
            if i18n_adapter.file_locale(file, lang) != lang:
                files.remove(file)  # the data's translation beats another language's narrative
            else:
                narratives.add(norm)
    settings = site.settings
    root = settings.language_root(lang)
    generated: dict[str, View] = {}
    for view in views.views():
        if view.norm_src_uri in narratives:
            continue
        file = File.generated(
            config,
            view_src_uri(view, lang),
            content=front_matter(view),
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        file.dest_uri = f"{root}{view.path_url}index.html"
        i18n_adapter.mark_generated(
            file,
            lang,
            view.norm_src_uri,
            {
                other: f"{settings.language_root(other)}{view.path_url}"
                for other in settings.languages
            },
        )
        generated[file.src_uri] = view
        files.append(file)
    return generated


def view_src_uri(view: View, lang: str) -> str:
    """The address MkDocs knows a generated view by in a language build."""
    return f"{lang}/{view.norm_src_uri}"


def _is_narrative(norm: str) -> bool:
    """An editor's text about a project (``projects/<slug>.md``, or below that folder)."""
    section, _, rest = norm.partition("/")
    return (
        section == route("project").section and norm != route("project-index").source and bool(rest)
    )


def template_for(norm: str, site: Site) -> str | None:
    """The template of an editor's page, from where it lives (None: the theme's default)."""
    found = classify(norm)
    if found is None:
        return None
    kind, parts = found[0].kind, found[1]
    if kind == "project" and parts["slug"] not in site.projects:
        return None  # reported by the check; never shown as a project
    return found[0].template if kind in ("home", "post", "event", "project") else None


def front_matter(view: View) -> str:
    """The Markdown of a generated page: its title, template and searchable text."""
    meta: dict[str, Any] = {"title": view.title, "template": view.template}
    if not view.search:
        meta["search"] = {"exclude": True}
    # JSON is YAML: every value comes out quoted and escaped, whatever an editor typed
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + view.body + "\n"
