"""Editors' text is text: markup in titles, names and summaries comes out escaped everywhere.

One site is built whose every editor-written field (post title, summary and author; project
title, acronym, number, beneficiary, programme, summary, objectives, partner name; a page's
title, also in the navigation) holds ``<script>alert(1)</script> " ' & </title>``. Then:

- no ``*.html`` or ``*.xml`` file holds ``<script>alert`` or the raw text, and nothing is escaped
  twice (``&amp;lt;``): what a visitor reads is exactly what the editor wrote;
- ``<title>``, Material's header, navigation and footer, Open Graph tags, JSON-LD, the feeds,
  ``projects.json`` and the share links each give back the exact text once parsed;
- Material's search shows index titles and texts as HTML (its result renderer appends them with
  ``innerHTML``), so the index must hold them HTML-escaped: ``html.unescape`` gives the text back.

The same text is in the front-matter fields Material prints (``subtitle``, ``revision_date``,
``description``) of a page of every kind: home, an other page, posts, a project's narrative,
an event; Material prints them in the page and in the navigation of every page (404 too).

An RSS ``<description>`` is read as HTML by feed readers: once parsed as XML it holds the
summary escaped for HTML, and parsing that as HTML gives the exact text back.

The Markdown *body* of a post is the editors' own and may hold HTML: it is not tested here.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit
from xml.etree import ElementTree as ET

import pytest
import yaml

from support import PROJECT_YML, SiteFactory

H = "<script>alert(1)</script> \" ' & </title>"
LANGS = ("lv", "en", "it")
POST = {lang: f"T{lang} {H}" for lang in LANGS}
SUMMARY = {lang: f"Su{lang} {H}" for lang in LANGS}
AUTHOR = f"Au {H}"
PROJECT = {
    "title": {lang: f"P{lang} {H}" for lang in LANGS},
    "summary": {lang: f"S{lang} {H}" for lang in LANGS},
    "objectives": {lang: [f"O{lang} {H}"] for lang in LANGS},
    "acronym": f"A {H}",
    "number": f"No {H}",
    "beneficiary": f"B {H}",
    "programme": f"Prog {H}",
    "partners": [{"name": f"N {H}", "country": "ES"}],
}
PAGE_TITLE = f"Par {H}"
# front-matter fields Material prints, on a page of every kind
THEME_TEXTS = {"subtitle": f"Sub {H}", "revision_date": f"Rev {H}", "description": f"De {H}"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteFactory:
    factory = SiteFactory(tmp_path_factory.mktemp("hostile") / "site-src")
    config = (factory.root / "mkdocs.yml").read_text(encoding="utf-8")
    # an editor's page in the navigation under its own title: Material prints nav titles
    config = config.replace(
        "  - Projekti: projects/index.md\n", "  - Projekti: projects/index.md\n  - about.md\n"
    )
    config = config.replace(
        "  font: false\n", "  font: false\n  features: [navigation.footer]\n"
    )  # prev/next
    factory.write("mkdocs.yml", config)
    project = {**yaml.safe_load(PROJECT_YML), **PROJECT}
    factory.write("data/projects/neeghw.yml", yaml.safe_dump(project, allow_unicode=True))
    for lang in LANGS:
        meta = {
            "title": POST[lang],
            "date": dt.date(2020, 6, 30),
            "author": AUTHOR,
            "summary": SUMMARY[lang],
            "projects": ["neeghw"],
        }
        factory.write(
            f"content/{lang}/news/2020/hostile.md",
            "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\nBody.\n",
        )
    # a second story, in Latvian only: the first one's neighbour, shown as foreign elsewhere
    meta = {"title": f"Otrs {H}", "date": dt.date(2020, 5, 1), "summary": f"Otrs {H}"}
    factory.write(
        "content/lv/news/2020/otrs.md",
        "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\nB.\n",
    )
    factory.write(
        "content/lv/about.md",
        "---\n"
        + yaml.safe_dump({"title": PAGE_TITLE, **THEME_TEXTS}, allow_unicode=True)
        + "---\n\nTeksts.\n",
    )
    for path, meta in (
        ("content/lv/index.md", {"title": "Sākums"}),
        ("content/en/projects/neeghw.md", {"title": PROJECT["title"]["en"]}),
        (
            "content/it/events/2020/evento.md",
            {"title": "Evento", "start": "2020-05-04", "location": "Riga"},
        ),
        ("content/en/news/2020/hostile.md", None),
    ):
        if meta is None:  # add the fields to the post written above
            text = (factory.root / path).read_text(encoding="utf-8")
            front = yaml.safe_load(text.split("---\n")[1])
            meta = {**front, **THEME_TEXTS}
            meta.pop("description")  # the post's description is what og:description shows
        else:
            meta = {**meta, **THEME_TEXTS}
        factory.write(path, "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\nT.\n")
    factory.build(strict=True)
    return factory


def output_files(site: SiteFactory, *suffixes: str) -> list[Path]:
    return sorted(
        p for p in (site.root / "site").rglob("*") if p.is_file() and p.suffix in suffixes
    )


class Page(HTMLParser):
    """The parts of a page this test reads, with entities decoded as a browser decodes them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[str, list[str]] = {}  # a CSS-ish key -> texts inside it
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and "property" in values:
            self.meta[values["property"]] = values.get("content", "")
        if tag == "a":
            self.links.append(values)
        if tag not in ("meta", "link", "br", "img", "input", "hr", "source", "wbr"):
            self.stack.append((tag, values))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):  # a stray end tag closes nothing
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return
        tag, attrs = self.stack[-1]
        if tag == "script":
            self.scripts.append((attrs, data))
        keys = {tag} | {f".{c}" for _, a in self.stack for c in a.get("class", "").split()}
        for key in keys:
            self.texts.setdefault(key, []).append(data)

    def text(self, key: str) -> str:
        return " ".join(" ".join(self.texts.get(key, [])).split())


def test_no_file_holds_raw_markup_or_double_escapes(site: SiteFactory) -> None:
    files = output_files(site, ".html", ".xml")
    assert len(files) > 30
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        assert H not in text, path
        if path.name == "rss.xml":  # a description is HTML inside XML: escaped twice on purpose
            text = re.sub(r"<description>.*?</description>", "", text, flags=re.S)
        assert "&amp;lt;" not in text and "&amp;amp;" not in text and "&amp;#" not in text, path


def test_front_matter_material_prints_is_text(site: SiteFactory) -> None:
    """subtitle in the navigation of every page (404 too), revision_date on the page itself."""
    for relative in ("about/index.html", "index.html", "news/index.html", "404.html"):
        page = Page(site.html(relative))
        assert THEME_TEXTS["subtitle"] in page.text("small"), relative
    about = Page(site.html("about/index.html"))
    assert " ".join(THEME_TEXTS["revision_date"].split()) in about.text(".md-source-file")
    assert about.meta.get("og:description") == THEME_TEXTS["description"]
    for relative in ("en/projects/neeghw/index.html", "it/events/2020/evento/index.html"):
        assert Page(site.html(relative)).meta["og:description"] == THEME_TEXTS["description"]


@pytest.mark.parametrize("lang", LANGS)
def test_post_page_shows_every_text_exactly(site: SiteFactory, lang: str) -> None:
    prefix = "" if lang == "lv" else f"{lang}/"
    page = Page(site.html(f"{prefix}news/2020/hostile/index.html"))
    title = POST[lang]
    assert page.text("title") == f"{title} – Test cluster"
    assert title in page.text(".md-header__topic")  # Material's header
    assert page.text("h1") == " ".join(title.split())
    assert AUTHOR in page.text(".cs-post__meta")
    assert f"Otrs {H}" in page.text(".cs-post__nav")
    assert PROJECT["acronym"] in page.text(".cs-post__facts")
    assert page.meta["og:title"] == title
    assert page.meta["og:description"] == SUMMARY[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_json_ld_holds_the_exact_text(site: SiteFactory, lang: str) -> None:
    prefix = "" if lang == "lv" else f"{lang}/"
    raw = site.html(f"{prefix}news/2020/hostile/index.html")
    (body,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
    assert "<" not in body and ">" not in body  # nothing can close the script element early
    data = json.loads(body)
    assert data["headline"] == POST[lang]
    assert data["description"] == SUMMARY[lang]
    assert data["author"]["name"] == AUTHOR


def test_share_links_are_percent_encoded(site: SiteFactory) -> None:
    raw = site.html("news/2020/hostile/index.html")
    hrefs = re.findall(r'<a href="([^"]*)" rel="noopener nofollow" class="cs-share__(\w+)"', raw)
    assert {name for _, name in hrefs} == {"email", "linkedin", "facebook", "x"}
    for href, name in hrefs:
        url = html.unescape(href)  # the attribute as the browser reads it
        query = urlsplit(url).query
        for value in re.split(r"[&=]", query):
            assert re.fullmatch(r"[A-Za-z0-9%._~-]*", value), (
                name,
                value,
            )  # every special character encoded
        params = parse_qs(query)
        assert params.get("url", params.get("u", params.get("body")))[0] == (
            "https://example.org/site/news/2020/hostile/"
        )
        if name in ("email", "x"):
            assert unquote(params.get("subject", params.get("text"))[0]) == POST["lv"]
            assert quote(POST["lv"], safe="") in url


def test_project_page_shows_every_fact_exactly(site: SiteFactory) -> None:
    for lang in LANGS:
        prefix = "" if lang == "lv" else f"{lang}/"
        page = Page(site.html(f"{prefix}projects/neeghw/index.html"))
        text = " ".join(" ".join(t) for t in page.texts.values())
        for value in (
            PROJECT["title"][lang],
            PROJECT["acronym"],
            PROJECT["number"],
            PROJECT["beneficiary"],
            PROJECT["programme"],
            # the English page has a narrative, which takes the summary's place
            PROJECT["summary"][lang] if lang != "en" else PROJECT["title"][lang],
            PROJECT["objectives"][lang][0],
            PROJECT["partners"][0]["name"],
            POST[lang],
        ):
            assert value in text, (lang, value)
        assert page.text("title") == f"{PROJECT['title'][lang]} – Test cluster"
        assert page.meta["og:title"] == PROJECT["title"][lang]


def test_listings_home_and_navigation_show_titles_exactly(site: SiteFactory) -> None:
    for relative in (
        "index.html",
        "news/index.html",
        "news/2020/index.html",
        "news/2020/q2/index.html",
        "projects/index.html",
        "en/news/index.html",
        "it/news/2020/q2/index.html",
    ):
        page = Page(site.html(relative))
        text = " ".join(" ".join(t) for t in page.texts.values())
        assert PAGE_TITLE in page.text(".md-nav"), relative  # Material's navigation
        if "projects" in relative:
            assert PROJECT["title"]["lv"] in text
        else:
            assert (
                POST[
                    "lv"
                    if relative.count("/") < 2 or not relative.startswith(("en", "it"))
                    else relative[:2]
                ]
                in text
            ), relative
            assert f"Otrs {H}" in text, relative
    about = Page(site.html("about/index.html"))
    assert about.text("title") == f"{PAGE_TITLE} – Test cluster"
    assert PAGE_TITLE in about.text(".md-header__topic")
    # Material's footer: the previous page in the navigation is the project index, the next none
    assert PAGE_TITLE in Page(site.html("projects/index.html")).text(".md-footer")


def test_feeds_parse_to_the_exact_text(site: SiteFactory) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    for lang in LANGS:
        prefix = "" if lang == "lv" else f"{lang}/"
        rss = ET.parse(site.root / "site" / prefix / "news" / "rss.xml").getroot()
        items = {item.findtext("link"): item for item in rss.iter("item")}
        item = items[f"https://example.org/site/{prefix}news/2020/hostile/"]
        assert item.findtext("title") == POST[lang]
        # a feed reader parses the description as HTML: it finds the text, and no element
        description = HtmlText(item.findtext("description") or "")
        assert description.tags == [] and description.text == SUMMARY[lang]
        feed = ET.parse(site.root / "site" / prefix / "news" / "atom.xml").getroot()
        titles = {
            e.findtext(f"{atom}title"): e.findtext(f"{atom}summary")
            for e in feed.iter(f"{atom}entry")
        }
        assert titles[POST[lang]] == SUMMARY[lang]


class HtmlText(HTMLParser):
    """What an HTML reader makes of a string: its elements and its text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def test_projects_json_round_trips_exactly(site: SiteFactory) -> None:
    data = json.loads((site.root / "site" / "projects.json").read_text(encoding="utf-8"))
    (project,) = data["projects"]
    for key in ("title", "summary", "objectives", "acronym", "number", "beneficiary", "programme"):
        expected = PROJECT[key]
        if isinstance(project[key], dict) and not isinstance(
            expected, dict
        ):  # one text: the default language's
            expected = {"lv": expected}
        assert project[key] == expected, key
    assert project["partners"][0]["name"] == PROJECT["partners"][0]["name"]


def test_search_index_holds_titles_as_escaped_html(site: SiteFactory) -> None:
    """Material renders a result's title and text with innerHTML: the index holds HTML."""
    indexes = sorted((site.root / "site").rglob("search_index.json"))
    assert indexes
    seen = set()
    for path in indexes:
        raw = path.read_text(encoding="utf-8")
        assert "<script>alert" not in raw, path
        for doc in json.loads(raw)["docs"]:
            title = html.unescape(doc["title"])
            seen.add(title)
            assert "&amp;lt;" not in doc["title"] and "&amp;lt;" not in doc["text"]
    assert POST["lv"] in seen and PROJECT["title"]["en"] in seen and PAGE_TITLE in seen
