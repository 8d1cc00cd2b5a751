"""The phrases the code builds, per language, against what a native editor writes.

Each table is the reviewed text: a date and a quarter as a title and in running text, a
period, money, a percentage, counts of posts and projects (0, 1, 2, 5, 11, 21: the plural
categories of every language), the notice on an untranslated page, and the EU funding
statement for every fund (part or all of the cost). The values come from the views of a small site, as pages get them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from clustersite.model import load_site
from clustersite.projects import Budget
from clustersite.settings import SiteSettings
from clustersite.views import LanguageViews
from clustersite.visibility import load_regimes, project_country, resolve_regime
from support import SiteFactory

NB = "\u00a0"  # no-break space
TH = "\u2009"  # thin space (Babel's, around the dash of an interval)
COUNTS = (0, 1, 2, 5, 11, 21)

EXPECTED: dict[str, dict[str, object]] = {
    "lv": {
        "date": "2020. gada 30. jūnijs",
        "date_in_text": "Publicēts 2020. gada 30. jūnijā",
        "first_in_text": "Publicēts 2020. gada 1. septembrī",
        "quarter": "2020. gada 2. ceturksnis",
        "quarter_in_text": "Jaunumi, kas publicēti 2020. gada 2. ceturksnī.",
        "quarter_short": f"2.{NB}cet.",
        "period": f"2020. gada septembris{NB}– 2022. gada februāris",
        "money": f"220{NB}231,00{NB}€",
        "percent": f"90{NB}%",
        "eu_rate": f"198{NB}208,00{NB}€ (90{NB}% no kopējām izmaksām)",
        "legend": (f"ES finansējums 90{NB}%", f"Pārējais finansējums 10{NB}%"),
        "posts": [
            "2020. gadā publicēts 0 jaunumu.",
            "2020. gadā publicēts 1 jaunums.",
            "2020. gadā publicēti 2 jaunumi.",
            "2020. gadā publicēti 5 jaunumi.",
            "2020. gadā publicēts 11 jaunumu.",
            "2020. gadā publicēts 21 jaunums.",
        ],
        "projects": [
            "Sarakstā ir 0 projektu.",
            "Sarakstā ir 1 projekts.",
            "Sarakstā ir 2 projekti.",
            "Sarakstā ir 5 projekti.",
            "Sarakstā ir 11 projektu.",
            "Sarakstā ir 21 projekts.",
        ],
        "not_translated": "Šī lapa vēl nav iztulkota latviešu valodā. Tā ir parādīta angļu valodā.",
        "co_funded": "Līdzfinansē Eiropas Savienība",
        "funded": "Finansē Eiropas Savienība",
        "funds": {
            "ERDF": "Eiropas Reģionālās attīstības fonds",
            "ESF": "Eiropas Sociālais fonds",
            "CF": "Kohēzijas fonds",
            "EAFRD": "Eiropas Lauksaimniecības fonds lauku attīstībai",
            "INTERREG": "Interreg",
        },
    },
    "it": {
        "date": "30 giugno 2020",
        "date_in_text": "Pubblicato il 30 giugno 2020",
        "first_in_text": "Pubblicato il 1º settembre 2020",
        "quarter": "2º trimestre 2020",
        "quarter_in_text": "Notizie pubblicate nel 2º trimestre 2020.",
        "quarter_short": "2º trim.",
        "period": f"settembre 2020{TH}–{TH}febbraio 2022",
        "money": f"220.231,00{NB}€",
        "percent": "90%",
        "eu_rate": f"198.208,00{NB}€ (90% del costo totale)",
        "legend": ("Contributo UE 90%", "Altri finanziamenti 10%"),
        "posts": [
            "Nel 2020 sono state pubblicate 0 notizie.",
            "Nel 2020 è stata pubblicata 1 notizia.",
            "Nel 2020 sono state pubblicate 2 notizie.",
            "Nel 2020 sono state pubblicate 5 notizie.",
            "Nel 2020 sono state pubblicate 11 notizie.",
            "Nel 2020 sono state pubblicate 21 notizie.",
        ],
        "projects": [
            "Sono elencati 0 progetti.",
            "È elencato 1 progetto.",
            "Sono elencati 2 progetti.",
            "Sono elencati 5 progetti.",
            "Sono elencati 11 progetti.",
            "Sono elencati 21 progetti.",
        ],
        "not_translated": "Questa pagina non è ancora stata tradotta in italiano. "
        "Viene mostrata in inglese.",
        "co_funded": "Cofinanziato dall'Unione europea",
        "funded": "Finanziato dall'Unione europea",
        "funds": {
            "ERDF": "Fondo europeo di sviluppo regionale",
            "ESF": "Fondo sociale europeo",
            "CF": "Fondo di coesione",
            "EAFRD": "Fondo europeo agricolo per lo sviluppo rurale",
            "INTERREG": "Interreg",
        },
    },
    "en": {
        "date": "30 June 2020",
        "date_in_text": "Published on 30 June 2020",
        "first_in_text": "Published on 1 September 2020",
        "quarter": "Q2 2020",
        "quarter_in_text": "News published in Q2 2020.",
        "quarter_short": "Q2",
        "period": f"September 2020{TH}–{TH}February 2022",
        "money": "€220,231.00",
        "percent": "90%",
        "eu_rate": "€198,208.00 (90% of the total cost)",
        "legend": ("EU contribution 90%", "Other funding 10%"),
        "posts": [
            "0 news posts published in 2020.",
            "1 news post published in 2020.",
            "2 news posts published in 2020.",
            "5 news posts published in 2020.",
            "11 news posts published in 2020.",
            "21 news posts published in 2020.",
        ],
        "projects": [
            "0 projects are listed.",
            "1 project is listed.",
            "2 projects are listed.",
            "5 projects are listed.",
            "11 projects are listed.",
            "21 projects are listed.",
        ],
        "not_translated": "This page has not been translated into English yet. "
        "It is shown in Latvian.",
        "co_funded": "Co-funded by the European Union",
        "funded": "Funded by the European Union",
        "funds": {
            "ERDF": "European Regional Development Fund",
            "ESF": "European Social Fund",
            "CF": "Cohesion Fund",
            "EAFRD": "European Agricultural Fund for Rural Development",
            "INTERREG": "Interreg",
        },
    },
}
# The EU funding statement per fund (texts of the regime's rule pack, read as an editor would):
# (fund, start year, EU pays it all) -> language -> (statement, fund named beside it)
FUNDING: dict[tuple[str, int, bool], dict[str, tuple[str, str | None]]] = {
    ("ERDF", 2016, False): {
        "lv": ("Eiropas Savienība", "Eiropas Reģionālās attīstības fonds"),
        "it": ("Unione europea", "Fondo europeo di sviluppo regionale"),
        "en": ("European Union", "European Regional Development Fund"),
    },
    ("ESF", 2016, False): {
        "lv": ("Eiropas Savienība", "Eiropas Sociālais fonds"),
        "it": ("Unione europea", "Fondo sociale europeo"),
        "en": ("European Union", "European Social Fund"),
    },
    ("CF", 2016, False): {
        "lv": ("Eiropas Savienība", "Kohēzijas fonds"),
        "it": ("Unione europea", "Fondo di coesione"),
        "en": ("European Union", "Cohesion Fund"),
    },
    ("ERDF", 2022, False): {
        "lv": ("Līdzfinansē Eiropas Savienība", None),
        "it": ("Cofinanziato dall'Unione europea", None),
        "en": ("Co-funded by the European Union", None),
    },
    ("ESF", 2022, True): {
        "lv": ("Finansē Eiropas Savienība", None),
        "it": ("Finanziato dall'Unione europea", None),
        "en": ("Funded by the European Union", None),
    },
    ("INTERREG", 2022, False): {
        "lv": ("Līdzfinansē Eiropas Savienība", None),
        "it": ("Cofinanziato dall'Unione europea", None),
        "en": ("Co-funded by the European Union", None),
    },
    ("COSME", 2020, False): {
        "lv": ("Līdzfinansē Eiropas Savienības programma COSME", None),
        "it": ("Cofinanziato dal programma COSME dell'Unione europea", None),
        "en": ("Co-funded by the COSME programme of the European Union", None),
    },
    ("HORIZON", 2022, True): {
        "lv": ("Finansē Eiropas Savienība", None),
        "it": ("Finanziato dall'Unione europea", None),
        "en": ("Funded by the European Union", None),
    },
    ("EAFRD", 2016, False): {
        "lv": (
            "Eiropas Savienība",
            "Eiropas Lauksaimniecības fonds lauku attīstībai: Eiropa investē lauku apvidos",
        ),
        "it": (
            "Unione europea",
            "Fondo europeo agricolo per lo sviluppo rurale: l'Europa investe nelle zone rurali",
        ),
        "en": (
            "European Union",
            "European Agricultural Fund for Rural Development: Europe investing in rural areas",
        ),
    },
}


@pytest.fixture(scope="module")
def views(tmp_path_factory: pytest.TempPathFactory) -> dict[str, LanguageViews]:
    root: Path = tmp_path_factory.mktemp("phrases")
    site = SiteFactory(root)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      news_per_page: 10\n", "      news_per_page: 10\n      locales: {en: en_GB}\n"
        ),
        encoding="utf-8",
    )
    site.post("lv", 2020, "parskats", "Pārskats", "2020-06-30", kind="quarterly")
    site.post("lv", 2020, "sakums", "Sākums", "2020-09-01")
    site.post("en", 2020, "parskats", "Report", "2020-06-30", kind="quarterly")
    site.post("it", 2020, "parskats", "Relazione", "2020-06-30", kind="quarterly")
    loaded = load_site(SiteSettings.from_mkdocs_yml(root))
    assert not loaded.errors
    return {lang: LanguageViews(loaded, lang) for lang in ("lv", "it", "en")}


LANGS = list(EXPECTED)


@pytest.mark.parametrize("lang", LANGS)
def test_dates(views: dict[str, LanguageViews], lang: str) -> None:
    v, want = views[lang], EXPECTED[lang]
    assert v.when(dt.date(2020, 6, 30)).text == want["date"]
    posts = {p.date: p for p in v.site.posts if p.lang == v.site.settings.default_language}
    assert v.post_page(posts[dt.date(2020, 6, 30)], "https://x/").published == want["date_in_text"]
    assert v.post_page(posts[dt.date(2020, 9, 1)], "https://x/").published == want["first_in_text"]


@pytest.mark.parametrize("lang", LANGS)
def test_quarters(views: dict[str, LanguageViews], lang: str) -> None:
    v, want = views[lang], EXPECTED[lang]
    quarter = next(view for view in v.views() if view.norm_src_uri == "news/2020/q2.md")
    assert quarter.title == want["quarter"]
    assert quarter.data is not None and quarter.data.intro == want["quarter_in_text"]
    labels = {q.title: q.label for year in v.archive for q in year.quarters}
    assert labels[want["quarter"]] == want["quarter_short"]


@pytest.mark.parametrize("lang", LANGS)
def test_period_money_and_percent(views: dict[str, LanguageViews], lang: str) -> None:
    v, want = views[lang], EXPECTED[lang]
    project = v.site.projects["neeghw"]
    assert v.project_card(project).period == want["period"]
    bar = v.budget_bar(project)
    assert bar is not None
    assert (bar.total, bar.rate, bar.eu_rate) == (want["money"], want["percent"], want["eu_rate"])
    assert (bar.legend_eu, bar.legend_co) == want["legend"]


@pytest.mark.parametrize("lang", LANGS)
def test_counts_of_posts_and_projects(views: dict[str, LanguageViews], lang: str) -> None:
    t, want = views[lang].t, EXPECTED[lang]
    assert [t.count("year_archive_intro", n, year=2020) for n in COUNTS] == want["posts"]
    assert [t.count("project_index_count", n) for n in COUNTS] == want["projects"]


@pytest.mark.parametrize("lang", LANGS)
def test_not_translated_notice(views: dict[str, LanguageViews], lang: str) -> None:
    shown_in = {"lv": "en", "it": "en", "en": "lv"}[lang]
    assert views[lang].not_translated_notice(shown_in) == EXPECTED[lang]["not_translated"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", sorted(FUNDING), ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def test_funding_statement(
    views: dict[str, LanguageViews], lang: str, case: tuple[str, int, bool]
) -> None:
    fund, year, full = case
    v = views[lang]
    project = v.site.projects["neeghw"]
    regime, why = resolve_regime(
        load_regimes(), fund, dt.date(year, 3, 1), country=project_country(None, "LV006")
    )
    assert regime is not None, why
    total = Decimal(100)
    budget = Budget("EUR", total, total if full else Decimal(85), None)
    funded = replace(project, fund=fund, regime=regime, budget=budget)
    statement = v.eu_acknowledgement(funded)
    assert (statement.statement, statement.fund) == FUNDING[case][lang]
