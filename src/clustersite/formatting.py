"""Locale formatting: every number, amount, date and country name on the site.

Thin wrappers around Babel, always given the locale explicitly (never the machine's): a
language code (``lv``) or the variant a site chose for it (``en_GB``). Where Babel has no
form a language needs (the Latvian locative of a date, the Italian 1º), it is made here,
for every date, from the phrases of dates in the locale files (read through
clustersite.language_files). Phrases built around these values live in the same files
(clustersite.strings); the views (clustersite.views) put the two together.

>>> format_money(554453.47, "EUR", "lv")
'554\\xa0453,47\\xa0€'
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_interval, get_timezone_name
from babel.dates import format_time as babel_format_time
from babel.numbers import format_currency, format_decimal, format_percent

from clustersite.language_files import PhraseBook

__all__ = [
    "FILTERS",
    "country_name",
    "country_names",
    "date_forms",
    "format_clock",
    "format_date",
    "format_event_time",
    "format_money",
    "format_number",
    "format_percent_share",
    "format_period",
    "language_name",
    "site_apostrophes",
    "time_zone_name",
]

Number = Decimal | float | int


def format_money(amount: Number, currency: str, locale: str) -> str:
    """An amount with its currency, as the locale writes it.

    >>> [format_money(Decimal("220231"), "EUR", l) for l in ("lv", "it", "en")]
    ['220\\xa0231,00\\xa0€', '220.231,00\\xa0€', '€220,231.00']
    """
    return format_currency(amount, currency, locale=locale)


def format_number(value: Number, locale: str) -> str:
    """A plain number with the locale's grouping and decimal signs.

    >>> format_number(1234.5, "lv")
    '1\\xa0234,5'
    """
    return format_decimal(value, locale=locale)


# Where a language's own rule differs from CLDR's pattern: Latvian writes a (no-break) space
# between a number and the percent sign, as its editors do ("85 %"), CLDR has none.
PERCENT_PATTERNS = {"lv": "#,##0\u00a0%"}


def format_percent_share(share: Number, locale: str) -> str:
    """A share (0.85) as a percentage in the locale's format, with up to two decimals.

    >>> [format_percent_share(Decimal("0.9"), l) for l in ("lv", "it", "en", "de")]
    ['90\xa0%', '90%', '90%', '90\xa0%']
    >>> format_percent_share(Decimal("0.899996"), "en")
    '90%'
    >>> format_percent_share(Decimal("0.8525"), "lv_LV")
    '85,25\xa0%'
    """
    rounded = Decimal(str(share)).quantize(Decimal("0.0001")).normalize()
    language = _locale(locale).language
    return format_percent(
        rounded,
        format=PERCENT_PATTERNS.get(language),
        locale=locale,
        decimal_quantization=False,
    )


@lru_cache(maxsize=8192)  # a date is formatted on many pages of a language
def format_date(value: dt.date, locale: str) -> str:
    """A date on its own (a title, a list), as a reader of the locale expects it.

    Italian writes the first day of a month as an ordinal (1º settembre).

    >>> format_date(dt.date(2020, 6, 30), "lv")
    '2020. gada 30. jūnijs'
    >>> [format_date(dt.date(2020, 9, 1), l) for l in ("it", "en_GB", "en")]
    ['1º settembre 2020', '1 September 2020', 'September 1, 2020']
    """
    pattern = _locale(locale).date_formats["long"].pattern
    if value.day == 1 and _locale(locale).language == "it":
        pattern = re.sub(r"(?<![d'])d(?!d)", "d'º'", pattern)
    return babel_format_date(value, pattern, locale=locale)


def date_forms(value: dt.date, locale: str) -> dict[str, str]:
    """The forms of a date a phrase may ask for by name, e.g. ``"Publicēts {date_locative}"``.

    ``date``: on its own; ``date_locative``: the date as running text writes it, the
    ``date_in_text`` phrase of the locale files (Latvian: the locative, 2020. gada 30. jūnijā;
    Babel has none); ``date_with_article``: Italian with its article (il 30 giugno,
    l'8 marzo, l'11 maggio), in other languages the date itself; ``day``, ``month`` (the
    month's name as the locale writes it in a date), ``year``.

    >>> date_forms(dt.date(2020, 6, 30), "lv")["date_locative"]
    '2020. gada 30. jūnijā'
    >>> [date_forms(dt.date(2020, m, d), "it")["date_with_article"] for m, d in ((9, 1), (3, 8))]
    ['il 1º settembre 2020', "l'8 marzo 2020"]
    """
    return dict(_date_forms(value, locale))


@lru_cache(maxsize=8192)
def _date_forms(value: dt.date, locale: str) -> tuple[tuple[str, str], ...]:
    language = _locale(locale).language
    date = format_date(value, locale)
    with_article = date
    if language == "it":  # "otto" and "undici" begin with a vowel: l'8, l'11
        with_article = ("l'" if value.day in (8, 11) else "il ") + date
    return (
        ("date", date),
        ("date_locative", _date_in_text(value, locale)),
        ("date_with_article", with_article),
        ("day", str(value.day)),
        ("month", babel_format_date(value, "MMMM", locale=locale)),
        ("year", str(value.year)),
    )


def format_period(start: dt.date, end: dt.date, locale: str) -> str:
    """A project period, month to month.

    >>> format_period(dt.date(2017, 1, 1), dt.date(2021, 12, 31), "lv")
    '2017. gada janvāris\\xa0– 2021. gada decembris'
    """
    return format_interval(start, end, "yMMMM", locale=locale)


def _translator(locale: str) -> PhraseBook:
    return PhraseBook(_locale(locale).language, locale)


def _day(value: dt.date, locale: str) -> str:
    """The day of the month in a date phrase: Italian writes the first as an ordinal (1º)."""
    return "1º" if value.day == 1 and _locale(locale).language == "it" else str(value.day)


def _date_in_text(value: dt.date, locale: str) -> str:
    """The ``date_in_text`` phrase: the month from ``months_in_text`` (Latvian: locative)."""
    t = _translator(locale)
    month = t("months_in_text").split()[value.month - 1]
    return str(t("date_in_text", year=value.year, day=_day(value, locale), month=month))


def format_clock(time: dt.time, locale: str) -> str:
    """A time of day as the locale's event phrases write it.

    >>> [format_clock(dt.time(9, 5), l) for l in ("lv", "it", "en")]
    ['9.05', '09:05', '09:05']
    """
    return babel_format_time(time, _translator(locale)("event_time_pattern"), locale=locale)


def format_event_time(
    start: dt.date,
    locale: str,
    *,
    start_time: dt.time | None = None,
    end: dt.date | None = None,
    end_time: dt.time | None = None,
) -> str:
    """When an event takes place, in the event's own wall-clock time, as the locale writes it.

    The phrases (``event_*`` in the locale files) own their grammar: Latvian puts the month in
    the locative after a day (``14. janvārī``) and writes times with a dot.

    >>> day, ten, one = dt.date(2026, 1, 14), dt.time(10), dt.time(13)
    >>> [format_event_time(day, l, start_time=ten, end_time=one) for l in ("lv", "it", "en")]
    ['2026. gada 14. janvārī plkst. 10.00–13.00', '14 gennaio 2026, ore 10:00–13:00', '14 January 2026, 10:00–13:00']
    >>> format_event_time(day, "lv", end=dt.date(2026, 2, 2))
    '2026. gada 14. janvārī – 2. februārī'
    >>> format_event_time(day, "en", start_time=dt.time(22), end=dt.date(2026, 1, 15), end_time=dt.time(2))
    '14 January 2026, 22:00 – 15 January 2026, 02:00'
    """
    t = _translator(locale)
    months = t("months_in_text").split()

    def day_phrase(day: dt.date) -> str:
        return _date_in_text(day, locale)

    def clock(time: dt.time) -> str:
        return format_clock(time, locale)

    last = end or start
    if start_time is None:  # whole days
        if last == start:
            return day_phrase(start)
        if (last.year, last.month) == (start.year, start.month):
            return t(
                "event_days_same_month",
                year=start.year,
                day=_day(start, locale),
                end_day=last.day,
                month=months[start.month - 1],
            )
        if last.year == start.year:
            return t(
                "event_days_same_year",
                year=start.year,
                day=_day(start, locale),
                month=months[start.month - 1],
                end_day=_day(last, locale),
                end_month=months[last.month - 1],
            )
        return t("event_range", start=day_phrase(start), end=day_phrase(last))
    if end_time is None:
        return t("event_date_time", date=day_phrase(start), time=clock(start_time))
    if last == start:
        return t(
            "event_date_times",
            date=day_phrase(start),
            time=clock(start_time),
            end_time=clock(end_time),
        )
    return t(
        "event_range",
        start=t("event_date_time", date=day_phrase(start), time=clock(start_time)),
        end=t("event_date_time", date=day_phrase(last), time=clock(end_time)),
    )


@cache
def _locale(locale: str) -> Locale:
    return Locale.parse(locale)


def site_apostrophes(text: str) -> str:
    """A name from Babel (CLDR writes ’) with the site's apostrophe, the straight one that
    editors type and every string of the site uses (docs/glossary.md).

    >>> site_apostrophes("Costa d\u2019Avorio")
    "Costa d'Avorio"
    """
    return text.replace("\u2019", "'")


@cache
def _territories(locale: str) -> dict[str, str]:
    return {code: site_apostrophes(name) for code, name in _locale(locale).territories.items()}


def country_names(locale: str) -> dict[str, str]:
    """Every territory Babel names, by code, in the locale's language (a copy)."""
    return dict(_territories(locale))


def time_zone_name(moment: dt.datetime, locale: str) -> str:
    """The long name of a time zone at a moment (standard or summer time), in the locale.

    >>> import zoneinfo
    >>> time_zone_name(dt.datetime(2026, 1, 14, tzinfo=zoneinfo.ZoneInfo("Europe/Riga")), "it")
    "Ora standard dell'Europa orientale"
    """
    return site_apostrophes(get_timezone_name(moment, "long", locale=locale))


def country_name(code: str, locale: str) -> str:
    """The name of a country (ISO 3166 alpha-2) in the locale's language.

    >>> [country_name("ES", l) for l in ("lv", "it", "en")]
    ['Spānija', 'Spagna', 'Spain']
    """
    return _territories(locale).get(code.upper(), code)


def is_country_code(code: object) -> bool:
    """True for an ISO 3166-1 alpha-2 code that Babel knows (two letters, not a region).

    >>> is_country_code("DE"), is_country_code("XX"), is_country_code("001")
    (True, False, False)
    """
    return (
        isinstance(code, str)
        and len(code) == 2
        and code.isalpha()
        and code.upper() in _territories("en")
    )


# name -> function(value, *args, locale); the plugin binds the page's locale.
FILTERS = {
    "money": format_money,
    "number": format_number,
    "percent": format_percent_share,
    "date": format_date,
    "period": format_period,
    "country": country_name,
}


def language_name(code: str, locale: str) -> str:
    """The name of a language in the locale's language (for "shown in Latvian" notes).

    >>> [language_name("lv", l) for l in ("lv", "it", "en")]
    ['latviešu', 'lettone', 'Latvian']
    """
    return site_apostrophes(_locale(locale).languages.get(code, code))


FILTERS["language_name"] = language_name
