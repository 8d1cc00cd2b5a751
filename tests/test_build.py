"""Build small sites into tmp_path and check the generated views, feeds and site files."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
from mkdocs.exceptions import Abort, PluginError

from support import SiteFactory


def switcher(html: str) -> dict[str, str]:
    """hreflang -> href of the header's language switcher."""
    block = html.split('class="md-select__list"', 1)[1].split("</ul>", 1)[0]
    return dict(
        re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', block)[i][::-1] for i in range(3)
    )


def resolve(page: str, href: str) -> str:
    """A relative href on a page (e.g. 'en/news/') as a path from the site root."""
    parts = [p for p in page.split("/")[:-1] if p]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts) + ("/" if href.endswith("/") or href in ("", "./") else "")


@pytest.fixture(scope="module")
def news_site(tmp_path_factory: pytest.TempPathFactory) -> SiteFactory:
    site = SiteFactory(tmp_path_factory.mktemp("news") / "site-src", per_page=2)
    site.post("lv", 2021, "marta-beigas", "Marta beigas", "2021-03-31", projects="[neeghw]")
    site.post("en", 2021, "marta-beigas", "End of March", "2021-03-31", projects="[neeghw]")
    site.post("it", 2021, "marta-beigas", "Fine di marzo", "2021-03-31", projects="[neeghw]")
    site.post("lv", 2021, "aprila-sakums", "Aprīļa sākums", "2021-04-01")
    site.post(
        "lv",
        2021,
        "parskats-2-2021",
        "Klastera aktualitātes 2/2021",
        "2021-06-30",
        kind="quarterly",
    )
    site.post("en", 2021, "only-english", "Only in English", "2021-05-05")
    site.post("lv", 2021, "melnraksts", "Melnraksts", "2021-05-06", draft="true")
    site.build()
    return site


def test_quarter_boundaries(news_site: SiteFactory) -> None:
    q1 = news_site.html("news/2021/q1/index.html")
    q2 = news_site.html("news/2021/q2/index.html")
    assert "Marta beigas" in q1 and "Aprīļa sākums" not in q1
    assert "Aprīļa sākums" in q2 and "Marta beigas" not in q2
    assert "<h1>2021. gada 1. ceturksnis</h1>" in q1
    assert "<h1>Q2 2021</h1>" in news_site.html("en/news/2021/q2/index.html")
    assert "<h1>2º trimestre 2021</h1>" in news_site.html("it/news/2021/q2/index.html")


def test_quarterly_reports_come_first_in_a_quarter(news_site: SiteFactory) -> None:
    q2 = news_site.html("news/2021/q2/index.html")
    assert q2.index("Klastera aktualitātes 2/2021") < q2.index("Aprīļa sākums")


def test_a_year_with_two_quarters_lists_only_those(news_site: SiteFactory) -> None:
    year = news_site.html("news/2021/index.html")
    assert "2021. gada 1. ceturksnis" in year and "2021. gada 2. ceturksnis" in year
    assert "3. ceturksnis" not in year and "4. ceturksnis" not in year
    assert not (news_site.root / "site/news/2021/q3").exists()


def test_news_is_paginated_newest_first(news_site: SiteFactory) -> None:
    first, second = news_site.html("news/index.html"), news_site.html("news/page/2/index.html")
    assert first.index("Klastera aktualitātes 2/2021") < first.index("Only in English")
    assert "Aprīļa sākums" in second
    assert (news_site.root / "site/news/page/2/index.html").exists()  # 4 stories, 2 a page
    assert not (news_site.root / "site/news/page/3").exists()


def test_a_post_in_one_language_is_listed_everywhere_and_marked(news_site: SiteFactory) -> None:
    lv_index = news_site.html("news/index.html")
    assert (
        'href="../en/news/2021/only-english/" hreflang="en" lang="en">Only in English</a>'
        in lv_index
    )
    assert "angļu valodā" in lv_index
    it_q2 = news_site.html("it/news/2021/q2/index.html")
    assert "in lettone" in it_q2 and "Aprīļa sākums" in it_q2


def test_drafts_are_left_out_of_the_build(news_site: SiteFactory) -> None:
    assert not (news_site.root / "site/news/2021/melnraksts").exists()
    assert "Melnraksts" not in news_site.html("news/2021/q2/index.html")


def test_untranslated_post_shows_a_notice_in_the_visitors_language(news_site: SiteFactory) -> None:
    page = news_site.html("en/news/2021/aprila-sakums/index.html")
    assert "This page has not been translated into English yet. It is shown in Latvian." in page
    assert 'lang="lv"' in page


@pytest.mark.parametrize(
    "page",
    [
        "news/index.html",
        "news/page/2/index.html",
        "news/2021/index.html",
        "news/2021/q2/index.html",
        "news/2021/marta-beigas/index.html",
        "projects/index.html",
        "projects/neeghw/index.html",
        "index.html",
    ],
)
def test_switcher_leads_to_the_same_page_in_each_language(
    news_site: SiteFactory, page: str
) -> None:
    for lang, prefix in (("lv", ""), ("en", "en/"), ("it", "it/")):
        html = news_site.html(prefix + page)
        assert f'<html lang="{lang}"' in html
        links = switcher(html)
        for target, target_prefix in (("lv", ""), ("en", "en/"), ("it", "it/")):
            expected = (target_prefix + page).removesuffix("index.html")
            assert resolve(prefix + page, links[target]) == expected, (lang, target)


def test_post_page_links_projects_quarter_neighbours_and_share(news_site: SiteFactory) -> None:
    html = news_site.html("it/news/2021/marta-beigas/index.html")
    assert 'href="../../../projects/neeghw/"' in html
    assert 'href="../q1/"' in html
    assert "Tutte le notizie" in html
    assert (
        "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fexample.org%2Fsite%2Fit%2Fnews"
        in html
    )
    assert "mailto:?subject=Fine%20di%20marzo" in html
    assert '<time datetime="2021-03-31">Pubblicato il 31 marzo 2021</time>' in html


def test_project_page_lists_its_news(news_site: SiteFactory) -> None:
    html = news_site.html("en/projects/neeghw/index.html")
    assert "End of March" in html
    assert "€220,231.00" in html and "€198,208.00" in html and "90%" in html
    assert "Spain" in html and "Germany" in html
    assert "Co-funded by the COSME programme of the European Union" in html
    assert 'class="cs-eu-emblem"' in html


def test_feeds_parse_and_hold_their_languages_posts(news_site: SiteFactory) -> None:
    for prefix, titles in (
        ("", {"Marta beigas", "Aprīļa sākums", "Klastera aktualitātes 2/2021"}),
        ("en/", {"End of March", "Only in English"}),
        ("it/", {"Fine di marzo"}),
    ):
        for name, version in (("rss.xml", "rss20"), ("atom.xml", "atom10")):
            feed = feedparser.parse((news_site.root / "site" / prefix / "news" / name).read_bytes())
            assert not feed.bozo, feed.get("bozo_exception")
            assert feed.version == version
            assert {e.title for e in feed.entries} == titles
            for entry in feed.entries:
                assert entry.link.startswith(f"https://example.org/site/{prefix}news/2021/")


def test_pages_link_their_languages_feeds(news_site: SiteFactory) -> None:
    html = news_site.html("it/news/2021/q1/index.html")
    assert 'type="application/rss+xml"' in html and 'href="../../rss.xml"' in html


def test_projects_json_and_sitemap(news_site: SiteFactory) -> None:
    data = json.loads((news_site.root / "site/projects.json").read_text(encoding="utf-8"))
    (project,) = data["projects"]
    assert project["budget"] == {
        "currency": "EUR",
        "total": 220231.0,
        "eu": 198208.0,
        "cofinancing": 22023.0,
        "eu_rate": 0.9,
    }
    assert project["end"] == "2022-02-28" and project["title"]["it"] == "Nuova elettronica europea"
    sitemap = (news_site.root / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/site/it/news/2021/q1/</loc>" in sitemap
    assert 'hreflang="x-default" href="https://example.org/site/news/2021/q1/"' in sitemap


def test_project_without_budget_shows_no_budget(make_site: Callable[..., SiteFactory]) -> None:
    site = make_site()
    site.write(
        "data/projects/cluster.yml",
        "title: {lv: Klasteris}\nfund: ERDF\nstart: 2016-07-01\nend: 2022-12-31\n",
    )
    site.build()
    html = site.html("en/projects/cluster/index.html")
    assert 'class="cs-budget"' not in html and "€0.00" not in html
    assert '<span class="cs-eu__statement">European Union</span>' in html
    assert '<span class="cs-eu__fund">European Regional Development Fund</span>' in html
    assert "Parts of this page have not been translated into English yet" in html


def test_narrative_replaces_summary_in_its_language_only(
    make_site: Callable[..., SiteFactory],
) -> None:
    site = make_site()
    site.write("content/lv/projects/neeghw.md", "---\ntitle: NEEGHW\n---\n\nProjekta stāsts.\n")
    site.build()
    assert "Projekta stāsts." in site.html("projects/neeghw/index.html")
    english = site.html("en/projects/neeghw/index.html")
    assert "Projekta stāsts." not in english and "About the project." in english


def test_data_fields_are_escaped(make_site: Callable[..., SiteFactory]) -> None:
    site = make_site()
    site.write(
        "data/projects/x.yml",
        'title: {lv: "<b>A & B</b> \\"q\\""}\nfund: ESF\nstart: 2020-01-01\n'
        'months: 12\nbeneficiary: "<script>alert(1)</script>"\n',
    )
    site.build()
    html = site.html("projects/x/index.html")
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in html and "<b>A & B</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


@pytest.mark.parametrize(
    ("path", "text", "message"),
    [
        (
            "data/projects/neeghw.yml",
            "title: {lv: X}\nfund: EFRR\nstart: 2020-01-01\nmonths: 3\n",
            "data/projects/neeghw.yml:2: fund: 'EFRR' is not a known fund",
        ),
        (
            "content/lv/news/2020/x.md",
            "---\ntitle: X\ndate: 2021-01-01\n---\n",
            "content/lv/news/2020/x.md:3: date: the post is dated 2021-01-01 but filed under news/2020/",
        ),
        (
            "content/lv/news/2020/x.md",
            "---\ntitle: X\ndate: 2020-01-01\nprojects: [nope]\n---\n",
            "content/lv/news/2020/x.md:4: projects: there is no project 'nope'",
        ),
    ],
)
def test_broken_input_stops_the_build_with_one_clear_message(
    make_site: Callable[..., SiteFactory],
    caplog: pytest.LogCaptureFixture,
    path: str,
    text: str,
    message: str,
) -> None:
    site = make_site()
    site.write(path, text)
    with pytest.raises((PluginError, Abort)):
        site.build()
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and message in errors[0]


def test_site_root_relative_links_work_under_a_subpath(news_site: SiteFactory) -> None:
    for html_file in (news_site.root / "site").rglob("*/index.html"):
        html = html_file.read_text(encoding="utf-8")
        assert 'href="/' not in html.replace('href="//', ""), (
            html_file
        )  # every link relative or absolute URL


def test_output_is_what_the_design_lists(news_site: SiteFactory) -> None:
    site_dir = news_site.root / "site"
    pages = sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("index.html")
        if not p.relative_to(site_dir).as_posix().startswith(("en/", "it/"))
    )
    assert pages == sorted(
        [
            "index.html",
            "news/index.html",
            "news/page/2/index.html",
            "news/2021/index.html",
            "news/2021/q1/index.html",
            "news/2021/q2/index.html",
            "news/2021/marta-beigas/index.html",
            "news/2021/aprila-sakums/index.html",
            "news/2021/parskats-2-2021/index.html",
            "projects/index.html",
            "projects/neeghw/index.html",
            "events/index.html",  # the events section exists before its first event
            "events/past/index.html",
            "admin/index.html",  # the browser editor (clustersite/cms)
        ]
    )
    assert Path(site_dir / "en/news/2021/only-english/index.html").exists()


def test_one_404_page_for_every_language(news_site: SiteFactory) -> None:
    html = news_site.html("404.html")
    assert '<html lang="lv"' in html
    for text, link in (
        ("Lapa nav atrasta", 'href="/site/news/"'),
        ("Page not found", 'href="/site/en/news/"'),
        ("Pagina non trovata", 'href="/site/it/"'),
    ):
        assert text in html and link in html
    assert not (news_site.root / "site/en/404.html").exists()


def test_unknown_template_fails_cleanly_and_stops_the_other_languages(
    make_site: Callable[..., SiteFactory], capsys: pytest.CaptureFixture[str]
) -> None:
    from clustersite.build import build_site

    # a page's `template:` is checked with its front matter (tests/corpus/page-template-unknown);
    # a theme file of the site can still name a template that is not there
    site = make_site()
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    site.write(
        "mkdocs.yml", config.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    )
    site.write(
        "overrides/main.html",
        '{% extends "base.html" %}{% block content %}{% include "nav-tada.html" %}{% endblock %}\n',
    )
    assert build_site(site.root / "mkdocs.yml", site.root / "site", strict=True) == 1
    err = capsys.readouterr().err
    assert "the template 'nav-tada.html', which does not exist" in err and "Traceback" not in err
    assert not (site.root / "site").exists() and not list(site.root.glob(".site.building-*"))


def test_view_sources_name_exactly_the_views_that_are_built(news_site: SiteFactory) -> None:
    from clustersite.model import load_site
    from clustersite.settings import SiteSettings
    from clustersite.views import LanguageViews

    site = load_site(SiteSettings.from_mkdocs_yml(news_site.root))
    for lang in ("lv", "en", "it"):
        views = LanguageViews(site, lang)
        assert sorted(views.view_sources()) == sorted(v.norm_src_uri for v in views.views())


def test_related_news_comes_from_the_same_project_then_the_same_quarter(
    news_site: SiteFactory,
) -> None:
    def related(page: str) -> str:
        html = news_site.html(page)
        return (
            html.split('class="cs-related"', 1)[1].split("</section>", 1)[0]
            if "cs-related" in html
            else ""
        )

    april = related("news/2021/aprila-sakums/index.html")  # no project: its quarter's posts
    assert "Klastera aktualitātes 2/2021" in april and "Only in English" in april
    assert "Marta beigas" not in april and "Aprīļa sākums" not in april
    assert related("news/2021/marta-beigas/index.html") == ""  # alone in its project and quarter
