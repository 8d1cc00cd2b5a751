"""What every page's template gets as ``cs``: language links, notices, metadata, view data.

Python prepares all of it; templates only loop and format. The same builder serves editors'
pages (home, posts, narratives, about) and generated views, so the language switcher, the
hreflang links, the canonical URL and the social metadata come out alike on every page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from babel.core import get_global

from clustersite.event_views import EventPage
from clustersite.media import SocialImage
from clustersite.model import Site
from clustersite.routes import classify, path_url_of, url_of
from clustersite.settings import SiteIdentity, SiteSettings, site_base, site_base_path
from clustersite.strings import Translator
from clustersite.views import LanguageViews, Link, PageData, PostPage, ProjectPage, View

__all__ = [
    "Fallback",
    "Feeds",
    "LanguageLink",
    "NotFoundLanguage",
    "OpenGraph",
    "PageContext",
    "PageContextBuilder",
    "PageSource",
    "not_found_languages",
    "og_locale",
]


@dataclass(frozen=True)
class PageSource:
    """What the context of one page starts from, as the engine knows the page."""

    norm: str  # its address below the language folder: ``news/2020/x.md``
    written_in: str  # the language of the text shown (another one's, for a fallback)
    url: str  # its address in this language build
    title: str  # plain text
    meta: Mapping[str, Any]  # its front matter


@dataclass(frozen=True)
class LanguageLink:
    """This page in one of the site's languages (the language menu, hreflang)."""

    lang: str
    name: str  # the language's own name: "Latviešu"
    url: str  # from the site root; the language's home where the page does not exist in it
    abs_url: str
    exists: bool
    current: bool


@dataclass(frozen=True)
class Fallback:
    """The notice of a page (or parts of one) shown in another language than the visitor's."""

    notice: str
    shown_in: str  # the language of the text shown
    versions: list[Link]  # the languages the page is written in, with their addresses


@dataclass(frozen=True)
class Feeds:
    rss: str  # from the site root
    atom: str


@dataclass(frozen=True)
class OpenGraph:
    """The page's social metadata (og:…)."""

    type: str  # article | website
    title: str
    locale: str  # lv_LV
    locale_alternates: list[str]
    image: SocialImage | None
    image_url: str | None  # absolute


@dataclass(frozen=True)
class PageContext:
    """Everything a page's template prints besides MkDocs' own values: ``cs`` in templates."""

    lang: str
    ui: dict[str, str]  # every plain UI string of the language (cs.ui.all_news)
    kind: str  # the page kind: a route's kind for generated views, else the page's template
    norm: str  # the page's source address below the language folder
    alternates: list[LanguageLink]
    x_default: str  # absolute: the page in the default language (or its home)
    fallback: Fallback | None
    description: str
    canonical: str  # absolute
    feeds: Feeds
    search_index: str
    og: OpenGraph
    jsonld: str | None  # schema.org JSON, safe inside <script>
    data: PageData | None  # the page kind's view model
    home_url: str
    news_url: str
    projects_url: str
    events_url: str
    # the web files of the photos in the editor's text (the engine fills it in after it has
    # rewritten the text): printed nowhere, part of the render cache's key of the page
    text_media: tuple[str, ...] = ()

    def items(self) -> list[tuple[str, Any]]:
        """The fields by name: the render cache makes its key of them."""
        return [(name.name, getattr(self, name.name)) for name in fields(self)]


@dataclass(frozen=True)
class NotFoundLanguage:
    """One language's part of the one 404 page (its links are absolute paths)."""

    lang: str
    ui: dict[str, str]
    name: str
    home: str
    news: str
    url: str  # the language menu's link: the language's home
    current: bool = False


def og_locale(lang: str) -> str:
    """Open Graph's language_TERRITORY form of a language code or a locale variant.

    >>> og_locale("lv"), og_locale("it"), og_locale("en"), og_locale("en_GB")
    ('lv_LV', 'it_IT', 'en_US', 'en_GB')
    """
    likely = get_global("likely_subtags").get(lang, lang)
    parts = [p for p in likely.split("_") if len(p) != 4]  # drop the script (Latn)
    return "_".join(parts)


def json_for_html(data: Any) -> str:
    """JSON that is safe inside <script>: no '</' can close the element early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class PageContextBuilder:
    def __init__(self, site: Site, views: LanguageViews, identity: SiteIdentity) -> None:
        self.site = site
        self.views = views
        self.identity = identity
        self.settings = site.settings
        self.lang = views.lang

    def page_languages(self, norm: str, generated: bool) -> list[str]:
        """Languages in which this page exists (a missing translation falls back to the default)."""
        return list(self.settings.languages) if generated else self.site.shown_in(norm)

    def absolute(self, url: str) -> str:
        return site_base(self.identity.url) + url

    def build(self, page: PageSource, view: View | None) -> PageContext:
        norm = view.norm_src_uri if view else page.norm
        path_url = path_url_of(norm)
        written_in = page.written_in
        exists_in = self.page_languages(norm, view is not None)
        names = self.settings.language_names
        alternates = [
            LanguageLink(
                lang=lang,
                name=names.get(lang, lang),
                url=(url := self.views.url(path_url if lang in exists_in else "", lang)),
                abs_url=self.absolute(url),
                exists=lang in exists_in,
                current=lang == self.lang,
            )
            for lang in self.settings.languages
        ]
        # a copy made by `clustersite translate` is still its source's text until marked done
        text_lang = written_in
        origin = page.meta.get("translated_from")
        if page.meta.get("translated") is False and origin in self.settings.languages:
            text_lang = str(origin)
        fallback = None
        if view is None and text_lang != self.lang:
            fallback = Fallback(
                notice=self.views.not_translated_notice(text_lang),
                shown_in=text_lang,
                versions=[
                    Link(names.get(lang, lang), self.views.url(path_url, lang), lang)
                    for lang in self.site.languages_of(norm)
                ],
            )
        kind = (
            view.kind
            if view
            else str(page.meta.get("template", ""))
            .removeprefix("clustersite/")
            .removesuffix(".html")
            or "page"
        )
        data = view.data if view else None
        post = self.site.post(written_in, norm) if kind == "post" else None
        event = self.site.event(written_in, norm) if kind == "event" else None
        description = page.meta.get("description")
        jsonld: dict[str, Any] | None = None
        if event is not None:
            data = self.views.events.event_page(
                event, page.url, self.views.project_card, self.absolute
            )
            description = description or event.summary
            jsonld = data.json_ld
        elif post is not None:
            data = self.views.post_page(post, self.absolute(page.url))
            description = description or post.summary
        elif kind == "project" and view is None:  # an editor's narrative: the body is theirs
            found = classify(norm)
            assert found is not None  # the engine gives the project template to narratives only
            data = self.views.project_view(self.site.projects[found[1]["slug"]]).data
        elif kind == "home":
            data = self.views.home_page()
        if isinstance(data, ProjectPage):
            description = description or data.summary
            if data.untranslated:
                fallback = fallback or Fallback(
                    notice=self.views.not_translated_notice(
                        self.settings.default_language, whole_page=False
                    ),
                    shown_in=self.settings.default_language,
                    versions=[],
                )
        description = str(description or self.identity.description or "")
        title = page.title or self.identity.name
        canonical = self.absolute(page.url)
        root = self.settings.language_root(self.lang)
        social = (
            data.social if isinstance(data, PostPage | ProjectPage | EventPage) else None
        ) or self.views.site_social_card(title)
        default_language = self.settings.default_language
        return PageContext(
            lang=self.lang,
            ui=self.views.t.ui,
            kind=kind,
            norm=norm,
            alternates=alternates,
            x_default=self.absolute(
                self.views.url(path_url if default_language in exists_in else "", default_language)
            ),
            fallback=fallback,
            description=description,
            canonical=canonical,
            feeds=Feeds(rss=root + url_of("rss"), atom=root + url_of("atom")),
            search_index=root + url_of("search-index"),
            og=OpenGraph(
                type="article" if post else "website",
                title=title,
                locale=og_locale(self.settings.babel_locale(self.lang)),
                locale_alternates=[
                    og_locale(self.settings.babel_locale(a.lang))
                    for a in alternates
                    if a.exists and not a.current
                ],
                image=social,
                image_url=self.absolute(social.url) if social else None,
            ),
            jsonld=json_for_html(
                jsonld if jsonld is not None else self.json_ld(post, title, description, canonical)
            )
            if post or jsonld
            else self.project_json_ld(data, canonical),
            data=data,
            home_url=root,
            news_url=root + url_of("news-index"),
            projects_url=root + url_of("project-index"),
            events_url=root + url_of("events"),
        )

    def project_json_ld(self, data: Any, canonical: str) -> str | None:
        """A project page's funding as schema.org MonetaryGrant."""
        if not isinstance(data, ProjectPage):
            return None
        from clustersite.sitefiles import monetary_grant

        project = self.site.projects[data.card.slug]
        return json_for_html(
            monetary_grant(
                project,
                data.card.title,
                canonical,
                self.views.t("eu_funder"),
                data.card.translation,
            )
        )

    def json_ld(self, post: Any, title: str, description: str, canonical: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "description": description,
            "datePublished": post.date.isoformat(),
            "inLanguage": post.lang,
            "url": canonical,
            "mainEntityOfPage": canonical,
            "publisher": {"@type": "Organization", "name": self.identity.name},
        }
        if post.author:
            data["author"] = {"@type": "Organization", "name": post.author}
        return data


def not_found_languages(settings: SiteSettings, site_url: str) -> list[NotFoundLanguage]:
    """The language links of the one 404 page: it is served at any address, so its links
    are absolute paths."""
    base = site_base_path(site_url)
    return [
        NotFoundLanguage(
            lang=lang,
            ui=Translator(lang).ui,
            name=settings.language_names.get(lang, lang),
            home=base + settings.language_root(lang),
            news=base + settings.language_root(lang) + url_of("news-index"),
            url=base + settings.language_root(lang),
        )
        for lang in settings.languages
    ]
