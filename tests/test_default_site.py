"""The repository's own default site (the demo content) builds and shows what the issues ask."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import feedparser
import pytest

from support import read, text_of

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def site(default_site: Path) -> Path:
    return default_site


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "en/index.html",
        "it/index.html",
        "news/2020/klastera-aktualitates-2-2020/index.html",
        "en/news/2020/klastera-aktualitates-2-2020/index.html",
        "it/news/2020/klastera-aktualitates-2-2020/index.html",
    ],
)
def test_pages_exist(site: Path, path: str) -> None:
    assert (site / path).is_file()


def test_switcher_of_the_latvian_q2_report_leads_to_its_translations(site: Path) -> None:
    html = read(site, "news/2020/klastera-aktualitates-2-2020/index.html")
    assert 'href="../../../en/news/2020/klastera-aktualitates-2-2020/" hreflang="en"' in html
    assert 'href="../../../it/news/2020/klastera-aktualitates-2-2020/" hreflang="it"' in html


def test_neeghw_in_italian(site: Path) -> None:
    text = text_of(read(site, "it/projects/neeghw/index.html"))
    assert "220.231" in text and "198.208" in text
    for country in ("Spagna", "Germania", "Romania", "Polonia"):
        assert country in text


def test_english_project_index_lists_both_with_totals(site: Path) -> None:
    text = text_of(read(site, "en/projects/index.html"))
    for title in ("New European Electronics", "Latvian Electronics"):
        assert title in text
    # NEEGHW's row and the total: the cluster project without a budget adds nothing
    assert text.count("€220,231.00") == 2


def test_letera_cluster_has_no_budget_section(site: Path) -> None:
    html = read(site, "projects/letera-cluster/index.html")
    assert 'class="cs-budget"' not in html


def test_projects_json_holds_both(site: Path) -> None:
    data = json.loads(read(site, "projects.json"))
    assert {p["slug"] for p in data["projects"]} == {"letera-cluster", "neeghw"}


def test_quarter_archives(site: Path) -> None:
    q2 = read(site, "news/2020/q2/index.html")
    assert "<h1>2020. gada 2. ceturksnis</h1>" in q2 and "Klastera aktualitātes 2/2020" in q2
    q3 = read(site, "en/news/2020/q3/index.html")
    assert 'href="../neeghw-sakas/"' in q3 and "<h1>Q3 2020</h1>" in q3


def test_italian_report_links_project_and_quarter(site: Path) -> None:
    html = read(site, "it/news/2020/klastera-aktualitates-2-2020/index.html")
    assert 'href="../../../projects/neeghw/"' in html and 'href="../q2/"' in html


@pytest.mark.parametrize("feed", ["news/rss.xml", "en/news/atom.xml", "it/news/rss.xml"])
def test_feeds_parse_and_list_their_languages_posts(site: Path, feed: str) -> None:
    parsed = feedparser.parse((site / feed).read_bytes())
    assert not parsed.bozo and len(parsed.entries) == 2
    prefix = feed.split("news/")[0]
    assert all(f"/{prefix}news/2020/" in entry.link for entry in parsed.entries)


def test_neeghw_page_lists_both_posts(site: Path) -> None:
    html = read(site, "projects/neeghw/index.html")
    assert "news/2020/klastera-aktualitates-2-2020/" in html and "news/2020/neeghw-sakas/" in html


def test_nothing_is_requested_from_another_host(site: Path) -> None:
    """No stylesheet, script, image or font from elsewhere (links to partners are not requests)."""
    pattern = re.compile(
        r'<(?:script|img|link|source|iframe)\b[^>]*(?:src|href)="(https?:)?//[^"]*"'
    )
    for page in site.rglob("*.html"):
        for match in pattern.finditer(page.read_text(encoding="utf-8")):
            tag = match.group(0)
            assert 'rel="alternate"' in tag or 'rel="canonical"' in tag, (page, tag)


def test_no_markup_of_ours_or_materials_is_shown_as_text(site: Path) -> None:
    """Autoescaping applies to editors' text, never to the theme's own tags."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "&lt;script" not in html and "&lt;div" not in html and "&lt;a " not in html, page


# -- issue: every phrase reads as a native editor writes it ------------------------------------
def pages(site: Path, lang: str) -> list[Path]:
    """Every HTML page of one language (the 404 page serves all three: it is left out)."""
    others = {"en", "it", "lv"} - {lang}
    root = site if lang == "lv" else site / lang
    return [
        path
        for path in sorted(root.rglob("*.html"))
        if path.name != "404.html"
        and path.relative_to(site).parts[0] not in (others | {"assets", "search"})
    ]


def page_text(path: Path) -> str:
    """The visible text of a page's article, or of its body where it has none (the editor)."""
    html = path.read_text(encoding="utf-8")
    if '<article class="md-content__inner' in html:
        return text_of(html)
    body = html.split("<body", 1)[-1]
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<script.*?</script>|<[^>]+>", " ", body, flags=re.S))


def test_latvian_quarter_is_titled_year_first_and_its_intro_uses_the_locative(site: Path) -> None:
    q2 = read(site, "news/2020/q2/index.html")
    assert "<h1>2020. gada 2. ceturksnis</h1>" in q2
    assert "<title>2020. gada 2. ceturksnis – LETERA</title>" in q2
    assert "Jaunumi, kas publicēti 2020. gada 2. ceturksnī." in text_of(q2)


def test_no_latvian_page_says_zinas_where_the_glossary_says_jaunumi(site: Path) -> None:
    found = [
        str(path.relative_to(site))
        for path in pages(site, "lv")
        if re.search(r"\bziņ(a|as|u|ām|ā)\b", page_text(path), re.I)
    ]
    assert found == []


def test_latvian_percentages_have_a_space_before_the_sign(site: Path) -> None:
    percentages = [
        match for path in pages(site, "lv") for match in re.findall(r"\d\s?%", page_text(path))
    ]
    assert percentages and all(p[1:] == f"{NBSP}%" for p in percentages), percentages


def test_english_dates_are_british(site: Path) -> None:
    text = text_of(read(site, "en/news/2020/neeghw-sakas/index.html"))
    assert "1 September 2020" in text and "September 1" not in text
    assert '<meta property="og:locale" content="en_GB">' in read(site, "en/index.html")


def test_italian_first_of_the_month_is_an_ordinal(site: Path) -> None:
    assert "1º settembre 2020" in text_of(read(site, "it/news/2020/neeghw-sakas/index.html"))


@pytest.mark.parametrize("lang", ["lv", "it"])
def test_no_english_material_strings_on_latvian_or_italian_pages(site: Path, lang: str) -> None:
    for path in pages(site, lang):
        html = path.read_text(encoding="utf-8")
        for english in ("Made with", "Tabs", "Inizializza"):
            assert english not in html, (str(path.relative_to(site)), english)


def test_italian_pages_write_one_apostrophe(site: Path) -> None:
    # Babel's names (time zones, countries, languages) come with CLDR's ’; the site writes '
    shown = {
        str(path.relative_to(site)): html.unescape(text_of(path.read_text(encoding="utf-8")))
        for path in pages(site, "it")
    }
    assert (
        "Ora standard dell'Europa orientale" in shown["it/events/2027/biedru-kopsapulce/index.html"]
    )
    assert [page for page, text in shown.items() if "\u2019" in text] == []
