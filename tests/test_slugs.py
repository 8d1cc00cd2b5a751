"""Slugs made from titles: transliteration tables, reserved addresses, never empty."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clustersite import slugs
from clustersite.slugs import (
    MAX_LENGTH,
    RESERVED_SLUGS,
    SLUG,
    TRANSLITERATION,
    slug_problem,
    slugify,
    unique_slug,
)

LATVIAN = "āčēģīķļņšūž"
ITALIAN = "àèéìòù"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Klastera aktualitātes 2/2020", "klastera-aktualitates-2-2020"),
        ("Jauns projekts Rīgā", "jauns-projekts-riga"),
        ("Sākas projekts NEEGHW", "sakas-projekts-neeghw"),
        ("Ģērbtuves, ķēķis un ļoti šaurs ūdensceļš", "gerbtuves-kekis-un-loti-saurs-udenscels"),
        ("Žagata čivina; ņaudēja", "zagata-civina-naudeja"),
        (LATVIAN, "acegiklnsuz"),
        (LATVIAN.upper(), "acegiklnsuz"),
        ("Notizie dal cluster 2/2020", "notizie-dal-cluster-2-2020"),
        ("Perché la città è più bella", "perche-la-citta-e-piu-bella"),
        (ITALIAN, "aeeiou"),
        (ITALIAN.upper(), "aeeiou"),
        ("Associazione dell'industria elettrica", "associazione-dell-industria-elettrica"),
        ("Cluster news 2/2020", "cluster-news-2-2020"),
        ("Straße in Köln", "strasse-in-koln"),
        ("Łódź & Kraków", "lodz-krakow"),
        ("Ærø, Ørsted", "aero-orsted"),
        ("Señor Müller façade naïve", "senor-muller-facade-naive"),
        ("Новости кластера", "novosti-klastera"),
        ("ﬁnal ＡＢＣ", "final-abc"),
        ("  --Hello,   World!--  ", "hello-world"),
        ("„New European Electronics” – NEEGHW", "new-european-electronics-neeghw"),
        ("2020", "2020"),
        ("COVID-19: atbalsts biedriem", "covid-19-atbalsts-biedriem"),
    ],
)
def test_titles_become_ascii_slugs(title: str, expected: str) -> None:
    assert slugify(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Page", "page-1"),
        ("Q1", "q1-1"),
        ("q2", "q2-1"),
        ("Q3!", "q3-1"),
        ("q4", "q4-1"),
        ("Index", "index-1"),
        ("RSS", "rss-1"),
        ("Atom", "atom-1"),
    ],
)
def test_reserved_slugs_get_a_suffix(title: str, expected: str) -> None:
    assert slugify(title) == expected


@pytest.mark.parametrize("title", ["", "   ", "!!!", "★ ★", "—", "中文"])
def test_a_slug_is_never_empty(title: str) -> None:
    assert slugify(title) == "post"
    assert slugify(title, fallback="Ziņa") == "zina"


def test_long_titles_are_cut_at_a_hyphen() -> None:
    slug = slugify("Ļoti garš virsraksts " * 10)
    assert len(slug) <= MAX_LENGTH
    assert SLUG.match(slug)
    assert slug.startswith("loti-gars-virsraksts-loti")


@given(st.text())
def test_any_text_gives_a_valid_unreserved_slug(title: str) -> None:
    slug = slugify(title)
    assert SLUG.match(slug), slug
    assert slug not in RESERVED_SLUGS
    assert len(slug) <= MAX_LENGTH


def test_the_table_covers_latvian_and_italian_and_spells_ascii() -> None:
    for letter in LATVIAN + LATVIAN.upper() + ITALIAN + ITALIAN.upper():
        assert letter in TRANSLITERATION, letter
    assert all(value.isascii() for value in TRANSLITERATION.values())


def test_unique_slug_counts_past_taken_and_reserved_ones() -> None:
    assert unique_slug("news", set()) == "news"
    assert unique_slug("news", {"news"}) == "news-1"
    assert unique_slug("news", {"news", "news-1", "news-2"}) == "news-3"
    assert unique_slug("page", set()) == "page-1"
    assert unique_slug("x", set(), reserved={"x", "x-1"}) == "x-2"


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("jauns-projekts-riga", None),
        ("a1", None),
        (
            "Rīga",
            "'Rīga' is not a valid slug: use lowercase ASCII letters, digits and hyphens, "
            "e.g. 'riga'",
        ),
        ("two--hyphens", "'two--hyphens' is not a valid slug"),
        ("-start", "'-start' is not a valid slug"),
        ("page", "'page' is reserved for the archive's own addresses, e.g. use 'page-1'"),
    ],
)
def test_slug_problem_explains_what_is_wrong(slug: str, expected: str | None) -> None:
    problem = slug_problem(slug)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and str(problem).startswith(expected)


def test_doctests() -> None:
    result = doctest.testmod(slugs)
    assert result.attempted > 0 and result.failed == 0
