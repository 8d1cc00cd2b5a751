"""What every page's template gets as ``cs`` (clustersite/pagecontext.py), per page kind and
language: language links, the not-yet-translated notice, canonical and social metadata.

The site is a few model objects, not the default site; every expected address and phrase is
written out by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from clustersite.model import Site
from clustersite.pagecontext import (
    Fallback,
    LanguageLink,
    PageContext,
    PageContextBuilder,
    PageSource,
    not_found_languages,
)
from clustersite.posts import Post
from clustersite.projects import Project
from clustersite.settings import SiteIdentity
from clustersite.views import LanguageViews, Link, PostPage, ProjectPage
from clustersite.visibility import load_regimes
from support import filed, model_settings

LANGUAGES = ("lv", "en", "it")
SETTINGS = model_settings()
IDENTITY = SiteIdentity(
    name="Klasteris", url="https://example.org/klasteris/", description="Klastera vietne"
)
BASE = "https://example.org/klasteris/"


def post(lang: str, slug: str, title: str, **fields: object) -> Post:
    return filed(Post, lang, slug, title, 2020, date=dt.date(2020, 6, 30), **fields)


PROJECT = Project(
    slug="neeghw",
    path="data/projects/neeghw.yml",
    title={"lv": "Eksporta tīkls", "en": "Export network"},
    fund="COSME",
    start=dt.date(2020, 9, 1),
    end=dt.date(2022, 2, 28),
    summary={"lv": "Projekta kopsavilkums."},
    regime=load_regimes()["cosme-2014-2020"],
)
SITE = Site(
    settings=SETTINGS,
    projects={"neeghw": PROJECT},
    posts=[
        post("lv", "atskaite", "Atskaite", author="LETERA", summary="Ceturkšņa atskaite."),
        post("en", "atskaite", "Report", author="LETERA", summary="The quarter's report."),
    ],
    pages={
        "news/2020/atskaite.md": {"lv": Path("lv.md"), "en": Path("en.md")},
        "about.md": {"lv": Path("about-lv.md"), "it": Path("about-it.md")},
        "chi-siamo.md": {"it": Path("chi-siamo.md")},  # only in Italian
    },
    now=dt.datetime(2021, 6, 1, tzinfo=dt.UTC),
)


def context(lang: str, source: PageSource, generated: str | None = None) -> PageContext:
    views = LanguageViews(SITE, lang)
    view = next(v for v in views.views() if v.norm_src_uri == generated) if generated else None
    return PageContextBuilder(SITE, views, IDENTITY).build(source, view)


def post_source(lang: str, written_in: str) -> PageSource:
    root = "" if lang == "lv" else f"{lang}/"
    title = {"lv": "Atskaite", "en": "Report"}[written_in]
    url = f"{root}news/2020/atskaite/"
    # the engine gives a post its template, from where its file is
    return PageSource("news/2020/atskaite.md", written_in, url, title, POST_TEMPLATE)


POST_TEMPLATE = {"template": "clustersite/post.html"}


# -- language links ------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "written_in"), [("lv", "lv"), ("en", "en"), ("it", "lv")])
def test_the_language_menu_of_a_post(lang: str, written_in: str) -> None:
    """A post of the default language is in every language (Italian shows the Latvian text)."""
    cs = context(lang, post_source(lang, written_in))
    urls = ["news/2020/atskaite/", "en/news/2020/atskaite/", "it/news/2020/atskaite/"]
    assert [(a.lang, a.url, a.exists) for a in cs.alternates] == [
        ("lv", urls[0], True),
        ("en", urls[1], True),
        ("it", urls[2], True),
    ]
    assert [a.current for a in cs.alternates] == [code == lang for code in LANGUAGES]
    assert [a.name for a in cs.alternates] == ["Latviešu", "English", "Italiano"]
    assert [a.abs_url for a in cs.alternates] == [BASE + url for url in urls]
    assert cs.x_default == BASE + "news/2020/atskaite/"


def test_a_page_missing_in_a_language_links_that_language_home() -> None:
    cs = context("it", PageSource("chi-siamo.md", "it", "it/chi-siamo/", "Chi siamo", {}))
    assert [(a.lang, a.url, a.exists, a.current) for a in cs.alternates] == [
        ("lv", "", False, False),
        ("en", "en/", False, False),
        ("it", "it/chi-siamo/", True, True),
    ]
    assert cs.x_default == BASE  # the default language's home
    assert cs.og.locale_alternates == []


def test_a_generated_page_exists_in_every_language() -> None:
    cs = context(
        "en",
        PageSource("projects/index.md", "en", "en/projects/", "Projects", {}),
        "projects/index.md",
    )
    assert cs.alternates == [
        LanguageLink("lv", "Latviešu", "projects/", BASE + "projects/", True, False),
        LanguageLink("en", "English", "en/projects/", BASE + "en/projects/", True, True),
        LanguageLink("it", "Italiano", "it/projects/", BASE + "it/projects/", True, False),
    ]
    assert cs.kind == "project-index"
    assert cs.fallback is None


# -- the not-yet-translated notice ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "notice"),
    [
        ("en", "This page has not been translated into English yet. It is shown in Latvian."),
        ("it", "Questa pagina non è ancora stata tradotta in italiano. Viene mostrata in lettone."),
    ],
)
def test_a_page_shown_in_another_language_says_so(lang: str, notice: str) -> None:
    source = PageSource("about.md", "lv", f"{lang}/about/", "Par mums", {})
    if lang == "it":  # the Italian about page exists, but is an untouched copy of Latvian
        source = PageSource(
            "about.md",
            "it",
            "it/about/",
            "Par mums",
            {"translated": False, "translated_from": "lv"},
        )
    cs = context(lang, source)
    assert cs.fallback == Fallback(
        notice=notice,
        shown_in="lv",
        versions=[Link("Latviešu", "about/", "lv"), Link("Italiano", "it/about/", "it")],
    )


def test_a_page_in_its_own_language_has_no_notice() -> None:
    assert context("lv", post_source("lv", "lv")).fallback is None
    translated = PageSource("about.md", "it", "it/about/", "Chi siamo", {"translated": True})
    assert context("it", translated).fallback is None


def test_a_project_page_with_fields_in_the_default_language_says_which() -> None:
    source = PageSource("projects/neeghw.md", "en", "en/projects/neeghw/", "Export network", {})
    cs = context("en", source, "projects/neeghw.md")
    assert isinstance(cs.data, ProjectPage)
    assert cs.fallback is not None
    assert cs.fallback.shown_in == "lv"
    assert cs.fallback.notice == (
        "Parts of this page have not been translated into English yet; they are shown in Latvian."
    )
    assert cs.description == "Projekta kopsavilkums."  # the summary, in the default language


# -- metadata ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "og_locale", "alternates", "feeds"),
    [
        ("lv", "lv_LV", ["en_GB", "it_IT"], ("news/rss.xml", "news/atom.xml")),
        ("en", "en_GB", ["lv_LV", "it_IT"], ("en/news/rss.xml", "en/news/atom.xml")),
    ],
)
def test_a_post_is_an_article_with_its_own_metadata(
    lang: str, og_locale: str, alternates: list[str], feeds: tuple[str, str]
) -> None:
    source = post_source(lang, lang)
    cs = context(lang, source)
    assert cs.kind == "post"
    assert isinstance(cs.data, PostPage)
    assert (cs.og.type, cs.og.title, cs.og.locale) == ("article", source.title, og_locale)
    assert cs.og.locale_alternates == alternates
    assert cs.og.image is None and cs.og.image_url is None  # no media library here
    assert cs.canonical == BASE + source.url
    assert (cs.feeds.rss, cs.feeds.atom) == feeds
    summary = {"lv": "Ceturkšņa atskaite.", "en": "The quarter's report."}[lang]
    assert cs.description == summary
    assert cs.jsonld is not None
    assert json.loads(cs.jsonld) == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": source.title,
        "description": summary,
        "datePublished": "2020-06-30",
        "inLanguage": lang,
        "url": BASE + source.url,
        "mainEntityOfPage": BASE + source.url,
        "publisher": {"@type": "Organization", "name": "Klasteris"},
        "author": {"@type": "Organization", "name": "LETERA"},
    }


def test_a_page_without_its_own_description_takes_the_site_description() -> None:
    cs = context("lv", PageSource("about.md", "lv", "about/", "", {}))
    assert (cs.kind, cs.description, cs.og.type, cs.og.title) == (
        "page",
        "Klastera vietne",
        "website",
        "Klasteris",  # no title: the site's name
    )
    assert cs.jsonld is None
    written = PageSource("about.md", "lv", "about/", "Par mums", {"description": "Par klasteri"})
    assert context("lv", written).description == "Par klasteri"


def test_the_section_links_of_every_page() -> None:
    cs = context("it", PageSource("about.md", "it", "it/about/", "Chi siamo", {}))
    assert (cs.home_url, cs.news_url, cs.projects_url, cs.events_url, cs.search_index) == (
        "it/",
        "it/news/",
        "it/projects/",
        "it/events/",
        "it/search/search_index.json",
    )


def test_the_json_of_a_page_cannot_close_its_script_element() -> None:
    title = "</script><b>&"
    source = PageSource("news/2020/atskaite.md", "lv", "news/2020/atskaite/", title, POST_TEMPLATE)
    cs = context("lv", source)
    assert cs.jsonld is not None
    assert "</" not in cs.jsonld and "<b>" not in cs.jsonld and "&" not in cs.jsonld
    assert json.loads(cs.jsonld)["headline"] == "</script><b>&"


# -- the one 404 page ----------------------------------------------------------------------


def test_the_404_page_links_every_language_by_absolute_path() -> None:
    links = not_found_languages(SETTINGS, "https://example.org/klasteris")
    assert [(n.lang, n.name, n.home, n.news, n.url, n.current) for n in links] == [
        ("lv", "Latviešu", "/klasteris/", "/klasteris/news/", "/klasteris/", False),
        ("en", "English", "/klasteris/en/", "/klasteris/en/news/", "/klasteris/en/", False),
        ("it", "Italiano", "/klasteris/it/", "/klasteris/it/news/", "/klasteris/it/", False),
    ]
    assert links[0].ui["all_news"] == "Visi jaunumi"
