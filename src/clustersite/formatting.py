"""Locale formatting: every number, amount, date, quarter and country name on the site.

Thin wrappers around Babel, always given the locale explicitly (never the machine's).
They are registered as Jinja filters by the plugin, so templates only call them.

>>> format_money(554453.47, "EUR", "lv")
'554\\xa0453,47\\xa0€'
>>> format_quarter(2020, 2, "it")
'2º trimestre 2020'
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_interval
from babel.dates import format_time as babel_format_time
from babel.numbers import format_currency, format_decimal, format_percent

__all__ = [
    "FILTERS",
    "country_name",
    "format_clock",
    "format_date",
    "format_event_time",
    "format_money",
    "format_number",
    "format_percent_share",
    "format_period",
    "format_quarter",
    "format_quarter_short",
    "format_short_date",
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


def format_percent_share(share: Number, locale: str) -> str:
    """A share (0.85) as a percentage, with up to two decimals where they matter.

    >>> [format_percent_share(Decimal("0.9"), l) for l in ("lv", "it", "en")]
    ['90%', '90%', '90%']
    >>> format_percent_share(Decimal("0.899996"), "en")
    '90%'
    >>> format_percent_share(Decimal("0.8525"), "lv")
    '85,25%'
    """
    return format_percent(share, format="#,##0.##%", locale=locale)


def format_date(value: dt.date, locale: str) -> str:
    """A date in full, as a reader of the locale expects it.

    >>> format_date(dt.date(2020, 6, 30), "lv")
    '2020. gada 30. jūnijs'
    >>> format_date(dt.date(2020, 6, 30), "it")
    '30 giugno 2020'
    """
    return babel_format_date(value, "long", locale=locale)


def format_short_date(value: dt.date, locale: str) -> str:
    """A compact date for lists.

    >>> format_short_date(dt.date(2020, 6, 30), "en")
    'Jun 30, 2020'
    """
    return babel_format_date(value, "medium", locale=locale)


def format_quarter(year: int, quarter: int, locale: str) -> str:
    """A quarter and its year, with Babel's quarter names.

    >>> [format_quarter(2020, 2, l) for l in ("lv", "it", "en")]
    ['2. ceturksnis 2020', '2º trimestre 2020', '2nd quarter 2020']
    """
    first_day = dt.date(year, 3 * quarter - 2, 1)
    return babel_format_date(first_day, "QQQQ y", locale=locale)


def format_quarter_short(year: int, quarter: int, locale: str) -> str:
    """A quarter's short name, for archive links.

    >>> [format_quarter_short(2020, 3, l) for l in ("lv", "it", "en")]
    ['3.\\xa0cet.', 'T3', 'Q3']
    """
    return babel_format_date(dt.date(year, 3 * quarter - 2, 1), "QQQ", locale=locale)


def format_period(start: dt.date, end: dt.date, locale: str) -> str:
    """A project period, month to month.

    >>> format_period(dt.date(2017, 1, 1), dt.date(2021, 12, 31), "lv")
    '2017. gada janvāris\\xa0– 2021. gada decembris'
    """
    return format_interval(start, end, "yMMMM", locale=locale)


def format_clock(time: dt.time, locale: str) -> str:
    """A time of day as the locale's event phrases write it.

    >>> [format_clock(dt.time(9, 5), l) for l in ("lv", "it", "en")]
    ['9.05', '09:05', '09:05']
    """
    from clustersite.strings import Translator  # strings is the phrase book; it imports nothing

    return babel_format_time(time, Translator(locale)("event_time_pattern"), locale=locale)


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
    ['2026. gada 14. janvārī plkst. 10.00–13.00', '14 gennaio 2026, 10:00–13:00', '14 January 2026, 10:00–13:00']
    >>> format_event_time(day, "lv", end=dt.date(2026, 2, 2))
    '2026. gada 14. janvārī – 2. februārī'
    >>> format_event_time(day, "en", start_time=dt.time(22), end=dt.date(2026, 1, 15), end_time=dt.time(2))
    '14 January 2026, 22:00 – 15 January 2026, 02:00'
    """
    from clustersite.strings import Translator

    t = Translator(locale)
    months = t("event_months").split()

    def day_phrase(day: dt.date) -> str:
        return t("event_date", year=day.year, day=day.day, month=months[day.month - 1])

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
                day=start.day,
                end_day=last.day,
                month=months[start.month - 1],
            )
        if last.year == start.year:
            return t(
                "event_days_same_year",
                year=start.year,
                day=start.day,
                month=months[start.month - 1],
                end_day=last.day,
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
def _territories(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).territories)


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
    "short_date": format_short_date,
    "period": format_period,
    "country": country_name,
}


def language_name(code: str, locale: str) -> str:
    """The name of a language in the locale's language (for "shown in Latvian" notes).

    >>> [language_name("lv", l) for l in ("lv", "it", "en")]
    ['latviešu', 'lettone', 'Latvian']
    """
    return Locale.parse(locale).languages.get(code, code)


FILTERS["language_name"] = language_name
