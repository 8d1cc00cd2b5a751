"""Locale formatting tables: every figure on the site comes from these functions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from clustersite import formatting as f

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("lv", f"554{NBSP}453,47{NBSP}€"),
        ("it", f"554.453,47{NBSP}€"),
        ("en", "€554,453.47"),
    ],
)
def test_money(locale: str, expected: str) -> None:
    assert f.format_money(Decimal("554453.47"), "EUR", locale) == expected


@pytest.mark.parametrize(
    ("share", "locale", "expected"),
    [
        (Decimal("0.85"), "lv", f"85{NBSP}%"),  # Latvian writes a space before %
        (Decimal("471285.45") / Decimal("554453.47"), "lv", f"85{NBSP}%"),
        (Decimal("0.8525"), "it", "85,25%"),
        (Decimal("0.8525"), "en", "85.25%"),
        (Decimal("0.8525"), "en_GB", "85.25%"),
        (Decimal("0.5"), "de", f"50{NBSP}%"),  # CLDR's own pattern where it has the space
        (Decimal("1"), "lv", f"100{NBSP}%"),
        (Decimal("0"), "it", "0%"),
        (0.333333, "lv", f"33,33{NBSP}%"),
    ],
)
def test_percent(share: Decimal, locale: str, expected: str) -> None:
    assert f.format_percent_share(share, locale) == expected


@pytest.mark.parametrize(
    ("value", "locale", "expected"),
    [
        (dt.date(2020, 6, 30), "lv", "2020. gada 30. jūnijs"),
        (dt.date(2020, 6, 30), "it", "30 giugno 2020"),
        (dt.date(2020, 9, 1), "it", "1º settembre 2020"),  # the first of a month: ordinal
        (dt.date(2021, 1, 11), "it", "11 gennaio 2021"),
        (dt.date(2020, 9, 1), "en_GB", "1 September 2020"),
        (dt.date(2020, 9, 1), "en", "September 1, 2020"),
    ],
)
def test_date(value: dt.date, locale: str, expected: str) -> None:
    assert f.format_date(value, locale) == expected


LATVIAN_LOCATIVES = [
    (1, "janvārī"),
    (2, "februārī"),
    (3, "martā"),
    (4, "aprīlī"),
    (5, "maijā"),
    (6, "jūnijā"),
    (7, "jūlijā"),
    (8, "augustā"),
    (9, "septembrī"),
    (10, "oktobrī"),
    (11, "novembrī"),
    (12, "decembrī"),
]


@pytest.mark.parametrize(("month", "locative"), LATVIAN_LOCATIVES)
def test_latvian_date_in_running_text_every_month(month: int, locative: str) -> None:
    forms = f.date_forms(dt.date(2023, month, 17), "lv")
    assert forms["date_locative"] == f"2023. gada 17. {locative}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2020, 6, 30), "il 30 giugno 2020"),
        (dt.date(2020, 9, 1), "il 1º settembre 2020"),
        (dt.date(2020, 3, 8), "l'8 marzo 2020"),
        (dt.date(2020, 5, 11), "l'11 maggio 2020"),
        (dt.date(2020, 5, 18), "il 18 maggio 2020"),
    ],
)
def test_italian_date_with_its_article(value: dt.date, expected: str) -> None:
    assert f.date_forms(value, "it")["date_with_article"] == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("lv", f"2017. gada janvāris{NBSP}– 2021. gada decembris"),
        ("it", "gennaio 2017\u2009–\u2009dicembre 2021"),  # Babel's thin spaces
        ("en", "January 2017\u2009–\u2009December 2021"),
    ],
)
def test_period(locale: str, expected: str) -> None:
    assert f.format_period(dt.date(2017, 1, 1), dt.date(2021, 12, 31), locale) == expected


@pytest.mark.parametrize(
    ("code", "locale", "expected"),
    [
        ("ES", "it", "Spagna"),
        ("DE", "it", "Germania"),
        ("RO", "it", "Romania"),
        ("PL", "it", "Polonia"),
        ("ES", "lv", "Spānija"),
        ("PL", "lv", "Polija"),
        ("de", "en", "Germany"),
    ],
)
def test_country(code: str, locale: str, expected: str) -> None:
    assert f.country_name(code, locale) == expected


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("LV", True),
        ("it", True),
        ("XX", False),
        ("001", False),
        ("ESP", False),
        ("", False),
        (12, False),
    ],
)
def test_country_codes(code: object, valid: bool) -> None:
    assert f.is_country_code(code) is valid
