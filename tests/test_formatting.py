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
        (Decimal("0.85"), "lv", "85%"),
        (Decimal("471285.45") / Decimal("554453.47"), "lv", "85%"),
        (Decimal("0.8525"), "it", "85,25%"),
        (Decimal("0.8525"), "en", "85.25%"),
    ],
)
def test_percent(share: Decimal, locale: str, expected: str) -> None:
    assert f.format_percent_share(share, locale) == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("lv", "2. ceturksnis 2020"),
        ("it", "2º trimestre 2020"),
        ("en", "2nd quarter 2020"),
    ],
)
def test_quarter(locale: str, expected: str) -> None:
    assert f.format_quarter(2020, 2, locale) == expected


@pytest.mark.parametrize(
    ("quarter", "expected"), [(1, "1st quarter 2021"), (4, "4th quarter 2021")]
)
def test_quarter_boundaries(quarter: int, expected: str) -> None:
    assert f.format_quarter(2021, quarter, "en") == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("lv", "2020. gada 30. jūnijs"),
        ("it", "30 giugno 2020"),
        ("en", "June 30, 2020"),
    ],
)
def test_date(locale: str, expected: str) -> None:
    assert f.format_date(dt.date(2020, 6, 30), locale) == expected


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
