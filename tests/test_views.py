"""The view models of generated pages (clustersite/views.py), per page kind and language.

A small site is built here from model objects (two projects, four posts in three quarters,
one of them only in Latvian), not from the default site, and each table row is a value a
template prints, written out by hand as a reader of that language expects it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from clustersite.model import Site
from clustersite.posts import Post
from clustersite.projects import Budget, Partner, Project
from clustersite.views import (
    Fact,
    LanguageViews,
    Link,
    NewsIndexPage,
    ProjectIndex,
    ProjectPage,
    QuarterArchive,
    YearArchive,
)
from clustersite.visibility import load_regimes
from support import filed, model_settings

NB = "\u00a0"  # no-break space, as Babel writes it in numbers and money
LANGUAGES = ("lv", "en", "it")
ROOT = {"lv": "", "en": "en/", "it": "it/"}
SETTINGS = model_settings(news_per_page=3)
NOW = dt.datetime(2021, 6, 1, 12, tzinfo=dt.UTC)


def post(lang: str, slug: str, title: str, date: dt.date, **fields: object) -> Post:
    return filed(Post, lang, slug, title, date.year, date=date, **fields)


NEEGHW = Project(
    slug="neeghw",
    path="data/projects/neeghw.yml",
    title={"lv": "Eksporta tīkls", "en": "Export network", "it": "Rete per l'export"},
    fund="COSME",
    start=dt.date(2020, 9, 1),
    end=dt.date(2022, 2, 28),
    number="COS-2020-7",
    acronym="NEEGHW",
    summary={"lv": "Kopsavilkums.", "en": "Summary."},
    beneficiary="LETERA",
    budget=Budget("EUR", Decimal("200000"), Decimal("150000"), Decimal("50000")),
    partners=[Partner("Functional Print Cluster", "ES", "https://example.org/fpc")],
    objectives={"lv": ["Eksports"], "en": ["Exports"]},
    regime=load_regimes()["cosme-2014-2020"],
)
DONE = Project(
    slug="done",
    path="data/projects/done.yml",
    title={"lv": "Pabeigts projekts"},
    fund="COSME",
    start=dt.date(2018, 1, 1),
    end=dt.date(2019, 12, 31),
    budget=Budget("EUR", Decimal("1000.50"), Decimal("500.25"), None),
    regime=load_regimes()["cosme-2014-2020"],
)
POSTS = [
    *[
        post(lang, "atskaite", title, dt.date(2020, 6, 30), kind="quarterly", projects=["neeghw"])
        for lang, title in (("lv", "Atskaite 2/2020"), ("en", "Report 2/2020"), ("it", "Rapporto"))
    ],
    *[
        post(lang, "sakums", title, dt.date(2020, 5, 4), author="LETERA", projects=["neeghw"])
        for lang, title in (("lv", "Sākums"), ("en", "Start"), ("it", "Inizio"))
    ],
    post("lv", "tikai-latviski", "Tikai latviski", dt.date(2020, 10, 1)),
    *[
        post(lang, "jauns-gads", title, dt.date(2021, 1, 15))
        for lang, title in (("lv", "Jauns gads"), ("en", "New year"), ("it", "Anno nuovo"))
    ],
]
SITE = Site(
    settings=SETTINGS,
    projects={"neeghw": NEEGHW, "done": DONE},
    posts=POSTS,
    pages={},
    now=NOW,
)


@pytest.fixture(scope="module")
def views() -> dict[str, LanguageViews]:
    return {lang: LanguageViews(SITE, lang) for lang in LANGUAGES}


def view_data(views: LanguageViews, kind: str, norm: str) -> object:
    [view] = [v for v in views.views() if v.kind == kind and v.norm_src_uri == norm]
    return view.data


# -- the news index ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "titles", "dates", "badge"),
    [
        (
            "lv",
            ["Jauns gads", "Tikai latviski", "Atskaite 2/2020"],
            ["2021. gada 15. janvāris", "2020. gada 1. oktobris", "2020. gada 30. jūnijs"],
            "",
        ),
        (
            "en",
            ["New year", "Tikai latviski", "Report 2/2020"],
            ["15 January 2021", "1 October 2020", "30 June 2020"],
            "in Latvian",
        ),
        (
            "it",
            ["Anno nuovo", "Tikai latviski", "Rapporto"],
            ["15 gennaio 2021", "1º ottobre 2020", "30 giugno 2020"],
            "in lettone",
        ),
    ],
)
def test_the_news_index_lists_each_story_once_in_the_best_language(
    views: dict[str, LanguageViews], lang: str, titles: list[str], dates: list[str], badge: str
) -> None:
    first = view_data(views[lang], "news-index", "news/index.md")
    assert isinstance(first, NewsIndexPage)
    assert [e.title for e in first.entries] == titles
    assert [e.when.text for e in first.entries] == dates
    assert [e.when.iso for e in first.entries] == ["2021-01-15", "2020-10-01", "2020-06-30"]
    foreign = first.entries[1]
    assert (foreign.url, foreign.lang, foreign.language_badge) == (
        "news/2020/tikai-latviski/",
        "lv",
        badge,
    )
    assert foreign.foreign is (lang != "lv")
    assert (first.page, first.pages, first.pager) == (1, 2, "1 / 2")
    assert (first.newer_url, first.older_url) == (None, f"{ROOT[lang]}news/page/2/")
    second = view_data(views[lang], "news-index", "news/page/2.md")
    assert isinstance(second, NewsIndexPage)
    assert (second.newer_url, second.older_url, second.pager) == (
        f"{ROOT[lang]}news/",
        None,
        "2 / 2",
    )


@pytest.mark.parametrize(
    ("lang", "years", "quarters"),
    [
        ("lv", ["2021", "2020"], [["1.\u00a0cet."], ["4.\u00a0cet.", "2.\u00a0cet."]]),
        ("en", ["2021", "2020"], [["Q1"], ["Q4", "Q2"]]),
        ("it", ["2021", "2020"], [["1º trim."], ["4º trim.", "2º trim."]]),
    ],
)
def test_the_archive_has_each_year_and_quarter_with_news(
    views: dict[str, LanguageViews], lang: str, years: list[str], quarters: list[list[str]]
) -> None:
    archive = views[lang].archive
    assert [str(year.year) for year in archive] == years
    assert [year.url for year in archive] == [f"{ROOT[lang]}news/2021/", f"{ROOT[lang]}news/2020/"]
    assert [[q.label for q in year.quarters] for year in archive] == quarters
    assert [[q.count for q in year.quarters] for year in archive] == [[1], [1, 2]]
    assert archive[1].quarters[0].url == f"{ROOT[lang]}news/2020/q4/"


# -- year and quarter archives -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "intro", "sections"),
    [
        (
            "lv",
            "2020. gadā publicēti 3 jaunumi.",
            ["2020. gada 4. ceturksnis", "2020. gada 2. ceturksnis"],
        ),
        ("en", "3 news posts published in 2020.", ["Q4 2020", "Q2 2020"]),
        (
            "it",
            "Nel 2020 sono state pubblicate 3 notizie.",
            ["4º trimestre 2020", "2º trimestre 2020"],
        ),
    ],
)
def test_a_year_archive_groups_its_news_by_quarter(
    views: dict[str, LanguageViews], lang: str, intro: str, sections: list[str]
) -> None:
    data = view_data(views[lang], "year", "news/2020/index.md")
    assert isinstance(data, YearArchive)
    assert data.intro == intro
    assert [q.title for q in data.quarters] == sections
    assert [q.url for q in data.quarters] == [
        f"{ROOT[lang]}news/2020/q4/",
        f"{ROOT[lang]}news/2020/q2/",
    ]
    assert [len(q.entries) for q in data.quarters] == [1, 2]


@pytest.mark.parametrize(
    ("lang", "intro", "year_link", "first"),
    [
        (
            "lv",
            "Jaunumi, kas publicēti 2020. gada 2. ceturksnī.",
            "2020. gada jaunumi",
            "Atskaite 2/2020",
        ),
        ("en", "News published in Q2 2020.", "News from 2020", "Report 2/2020"),
        ("it", "Notizie pubblicate nel 2º trimestre 2020.", "Notizie del 2020", "Rapporto"),
    ],
)
def test_a_quarter_archive_puts_its_report_first(
    views: dict[str, LanguageViews], lang: str, intro: str, year_link: str, first: str
) -> None:
    data = view_data(views[lang], "quarter", "news/2020/q2.md")
    assert isinstance(data, QuarterArchive)
    assert data.intro == intro
    assert data.year_link == Link(year_link, f"{ROOT[lang]}news/2020/")
    assert data.entries[0].title == first
    assert [e.quarterly for e in data.entries] == [True, False]


# -- projects ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "count", "total_label", "total", "eu", "statuses"),
    [
        (
            "lv",
            "Sarakstā ir 2 projekti.",
            "Kopā (EUR)",
            f"201{NB}000,50{NB}€",
            f"150{NB}500,25{NB}€",
            ["tiek īstenots", "pabeigts"],
        ),
        (
            "en",
            "2 projects are listed.",
            "Total in EUR",
            "€201,000.50",
            "€150,500.25",
            ["ongoing", "completed"],
        ),
        (
            "it",
            "Sono elencati 2 progetti.",
            "Totale in EUR",
            f"201.000,50{NB}€",
            f"150.500,25{NB}€",
            ["in corso", "concluso"],
        ),
    ],
)
def test_the_project_index_lists_ongoing_projects_first_with_totals(
    views: dict[str, LanguageViews],
    lang: str,
    count: str,
    total_label: str,
    total: str,
    eu: str,
    statuses: list[str],
) -> None:
    data = view_data(views[lang], "project-index", "projects/index.md")
    assert isinstance(data, ProjectIndex)
    assert data.count == count
    assert [(t.label, t.total, t.eu) for t in data.totals] == [(total_label, total, eu)]
    assert [card.slug for card in data.projects] == ["neeghw", "done"]
    assert [card.status_label for card in data.projects] == statuses
    assert [card.url for card in data.projects] == [
        f"{ROOT[lang]}projects/neeghw/",
        f"{ROOT[lang]}projects/done/",
    ]


@pytest.mark.parametrize(
    ("lang", "heading", "facts", "budget", "country"),
    [
        (
            "lv",
            "Eksporta tīkls (NEEGHW)",
            [
                ("Projekta numurs", "COS-2020-7"),
                ("Akronīms", "NEEGHW"),
                ("Finansējuma saņēmējs", "LETERA"),
                ("Finansējuma avots", "COSME"),
                ("Īstenošanas laiks", f"2020. gada septembris{NB}– 2022. gada februāris"),
                ("Statuss", "tiek īstenots"),
            ],
            (
                f"200{NB}000,00{NB}€",
                f"150{NB}000,00{NB}€",
                f"75{NB}% no kopējām izmaksām",
                f"25{NB}%",
            ),
            "Spānija",
        ),
        (
            "en",
            "Export network (NEEGHW)",
            [
                ("Project number", "COS-2020-7"),
                ("Acronym", "NEEGHW"),
                ("Beneficiary", "LETERA"),
                ("Fund or programme", "COSME programme"),
                ("Period", "September 2020\u2009–\u2009February 2022"),
                ("Status", "ongoing"),
            ],
            ("€200,000.00", "€150,000.00", "75% of the total cost", "25%"),
            "Spain",
        ),
        (
            "it",
            "Rete per l'export (NEEGHW)",
            [
                ("Numero di progetto", "COS-2020-7"),
                ("Acronimo", "NEEGHW"),
                ("Beneficiario", "LETERA"),
                ("Fondo o programma", "COSME"),
                ("Periodo", "settembre 2020\u2009–\u2009febbraio 2022"),
                ("Stato", "in corso"),
            ],
            (f"200.000,00{NB}€", f"150.000,00{NB}€", "75% del costo totale", "25%"),
            "Spagna",
        ),
    ],
)
def test_a_project_page_shows_its_facts_and_budget_in_the_page_language(
    views: dict[str, LanguageViews],
    lang: str,
    heading: str,
    facts: list[tuple[str, str]],
    budget: tuple[str, str, str, str],
    country: str,
) -> None:
    data = view_data(views[lang], "project", "projects/neeghw.md")
    assert isinstance(data, ProjectPage)
    assert data.heading == heading
    assert [(f.label, f.text) for f in data.facts] == facts
    assert data.facts[-1] == Fact(facts[-1][0], facts[-1][1], status="ongoing")
    assert data.budget is not None
    assert (data.budget.total, data.budget.eu, data.budget.eu_rate, data.budget.corate) == budget
    assert (data.budget.eu_width, data.budget.co_width) == ("75.00", "25.00")
    assert [(p.name, p.url, p.country) for p in data.partners] == [
        ("Functional Print Cluster", "https://example.org/fpc", country)
    ]
    assert [e.title for e in data.news][-1] in ("Sākums", "Start", "Inizio")


@pytest.mark.parametrize(
    ("lang", "summary", "summary_lang", "objectives_lang", "untranslated"),
    [
        ("lv", "Kopsavilkums.", "lv", "lv", []),
        ("en", "Summary.", "en", "en", []),
        ("it", "Kopsavilkums.", "lv", "lv", ["summary", "objectives"]),
    ],
)
def test_a_project_page_falls_back_to_the_default_language_field_by_field(
    views: dict[str, LanguageViews],
    lang: str,
    summary: str,
    summary_lang: str,
    objectives_lang: str,
    untranslated: list[str],
) -> None:
    data = view_data(views[lang], "project", "projects/neeghw.md")
    assert isinstance(data, ProjectPage)
    assert (data.summary, data.summary_lang, data.objectives_lang) == (
        summary,
        summary_lang,
        objectives_lang,
    )
    assert data.untranslated == untranslated


def test_a_project_without_acronym_or_cofinancing_figure() -> None:
    data = LanguageViews(SITE, "en").project_view(DONE).data
    assert isinstance(data, ProjectPage)
    assert data.heading == "Pabeigts projekts"  # no English title: the default language's
    assert data.card.title_lang == "lv"
    assert data.untranslated == ["title"]
    assert data.budget is not None
    assert (data.budget.cofinancing, data.budget.eu_width, data.budget.co_width) == (
        "€500.25",
        "50.00",
        "50.00",
    )
    assert [f.label for f in data.facts] == ["Fund or programme", "Period", "Status"]


# -- posts and the home page ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "published", "author", "quarter"),
    [
        ("lv", "Publicēts 2020. gada 4. maijā", "Autors: LETERA", "2020. gada 2. ceturksnis"),
        ("en", "Published on 4 May 2020", "Author: LETERA", "Q2 2020"),
        ("it", "Pubblicato il 4 maggio 2020", "Autore: LETERA", "2º trimestre 2020"),
    ],
)
def test_a_post_page_says_when_by_whom_and_where_it_belongs(
    views: dict[str, LanguageViews], lang: str, published: str, author: str, quarter: str
) -> None:
    [start] = [p for p in POSTS if p.lang == lang and p.slug == "sakums"]
    data = views[lang].post_page(start, f"https://example.org/{ROOT[lang]}news/2020/sakums/")
    assert (data.published, data.author, data.when.iso) == (published, author, "2020-05-04")
    assert data.quarterly is False
    project_fact, quarter_fact = data.facts
    assert project_fact.links == (Link("NEEGHW", f"{ROOT[lang]}projects/neeghw/"),)
    assert quarter_fact.links == (Link(quarter, f"{ROOT[lang]}news/2020/q2/"),)
    assert data.newer is not None and data.newer.key == "2020/atskaite"
    assert data.older is None  # the oldest post
    assert [e.key for e in data.related] == ["2020/atskaite"]  # same project, then quarter
    email = data.share[0]
    assert email.url == (
        f"mailto:?subject={quote(start.title)}"
        f"&body=https%3A%2F%2Fexample.org%2F{ROOT[lang].replace('/', '%2F')}news%2F2020%2Fsakums%2F"
    )


def quote(text: str) -> str:
    """Percent-encoding of the few titles above, by hand: only 'Sākums' needs it."""
    return {"Sākums": "S%C4%81kums"}.get(text, text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_shows_the_latest_news_and_ongoing_projects(
    views: dict[str, LanguageViews], lang: str
) -> None:
    home = views[lang].home_page()
    assert [e.key for e in home.latest] == [
        "2021/jauns-gads",
        "2020/tikai-latviski",
        "2020/atskaite",
        "2020/sakums",
    ]
    assert [card.slug for card in home.projects] == ["neeghw"]
