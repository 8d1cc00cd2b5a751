"""The view models of the events section (clustersite/event_views.py), per page and language.

Three events made as model objects (one upcoming with registration, one past and cancelled,
one upcoming only in Italian, online), at a fixed build time; each expected value is written
out by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from clustersite.event_views import EventListing, EventViews
from clustersite.events import Event, Moment
from clustersite.model import Site
from support import filed, model_settings

NOW = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)  # 11:00 in Riga
ROOT = {"lv": "", "en": "en/", "it": "it/"}


def event(lang: str, slug: str, title: str, start: Moment, **fields: object) -> Event:
    return filed(Event, lang, slug, title, start.date.year, start=start, **fields)


SEMINAR = {
    lang: event(
        lang,
        "seminars",
        title,
        Moment(dt.date(2026, 3, 10), dt.time(10)),
        end=Moment(dt.date(2026, 3, 10), dt.time(13)),
        location="Rīga, Brīvības iela 1",
        registration_url="https://example.org/register",
        registration_deadline=Moment(dt.date(2026, 3, 8)),
    )
    for lang, title in (("lv", "Seminārs"), ("en", "Seminar"), ("it", "Seminario"))
}
FAIR = event(
    "lv", "izstade", "Izstāde", Moment(dt.date(2025, 11, 3)), cancelled=True, location="Rīga"
)
WEBINAR = event(
    "it",
    "webinar",
    "Webinar",
    Moment(dt.date(2026, 4, 2), dt.time(15)),
    online_url="https://example.org/live",  # online only: no place
)
SITE = Site(
    settings=model_settings(news_per_page=10),
    projects={},
    posts=[],
    pages={},
    now=NOW,
    events=[*SEMINAR.values(), FAIR, WEBINAR],
)


def listing(lang: str, norm: str) -> EventListing:
    [found] = [
        data for source, _title, data in EventViews(SITE, lang).listing_pages() if source == norm
    ]
    return found


@pytest.mark.parametrize(
    ("lang", "titles", "when", "foreign", "online"),
    [
        (
            "lv",
            ["Seminārs", "Webinar"],
            "2026. gada 10. martā plkst. 10.00–13.00",  # the day in the locative
            "itāļu valodā",
            "Tiešsaistē",
        ),
        ("en", ["Seminar", "Webinar"], "10 March 2026, 10:00–13:00", "in Italian", "Online"),
        ("it", ["Seminario", "Webinar"], "10 marzo 2026, ore 10:00–13:00", "", "Online"),
    ],
)
def test_the_upcoming_events_soonest_first(
    lang: str, titles: list[str], when: str, foreign: str, online: str
) -> None:
    page = listing(lang, "events/index.md")
    assert [card.title for card in page.events] == titles
    seminar, webinar = page.events
    assert (seminar.when, seminar.place, seminar.start_iso) == (
        when,
        "Rīga, Brīvības iela 1",
        "2026-03-10T10:00:00+02:00",
    )
    assert seminar.url == f"{ROOT[lang]}events/2026/seminars/"
    assert (webinar.url, webinar.lang, webinar.foreign_label) == (
        "it/events/2026/webinar/",
        "it",
        foreign,
    )
    assert webinar.place == online  # an online event's place, in the page's language
    assert (page.calendar_url, page.past_url) == (
        f"{ROOT[lang]}events/calendar.ics",
        f"{ROOT[lang]}events/past/",
    )
    assert [(y.year, y.url) for y in page.years] == [
        (2026, f"{ROOT[lang]}events/2026/"),
        (2025, f"{ROOT[lang]}events/2025/"),
    ]


@pytest.mark.parametrize(
    ("lang", "cancelled", "when"),
    [
        ("lv", "Notikums atcelts", "2025. gada 3. novembrī"),  # when: the locative
        ("en", "Event cancelled", "3 November 2025"),
        ("it", "Evento annullato", "3 novembre 2025"),
    ],
)
def test_a_past_cancelled_event_is_listed_as_cancelled(
    lang: str, cancelled: str, when: str
) -> None:
    page = listing(lang, "events/past.md")
    [fair] = page.events
    assert (fair.title, fair.cancelled, fair.cancelled_label, fair.when) == (
        "Izstāde",
        True,
        cancelled,
        when,
    )
    assert fair.start_iso == "2025-11-03"  # a whole day: the date alone
    assert (page.newer_url, page.older_url, page.pager) == (None, None, "")


@pytest.mark.parametrize(
    ("lang", "state", "deadline", "zone"),
    [
        ("lv", "Reģistrācija atvērta", "2026. gada 8. marts", "Europe/Riga"),
        ("en", "Registration is open", "8 March 2026", "Europe/Riga"),
    ],
)
def test_an_event_page_says_whether_registration_is_open(
    lang: str, state: str, deadline: str, zone: str
) -> None:
    views = EventViews(SITE, lang)
    page = views.event_page(SEMINAR[lang], "x/", lambda project: project, lambda url: url)
    assert page.registration is not None
    assert (page.registration.open, page.registration.state, page.registration.deadline) == (
        True,
        state,
        deadline,
    )
    assert page.time_zone.endswith(f"({zone})")
    assert page.calendar_url == f"{ROOT[lang]}events/2026/seminars.ics"
    assert page.json_ld["startDate"] == "2026-03-10T10:00:00+02:00"
    assert page.json_ld["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_the_events_of_a_year_in_order() -> None:
    page = listing("en", "events/2026/index.md")
    assert [card.key for card in page.events] == ["2026/seminars", "2026/webinar"]
    assert page.empty == ""
