"""The events section of one language: its pages and what each of them shows.

- ``events/``: upcoming events, soonest first, then a link to the past ones;
- ``events/past/`` (and ``events/past/page/<n>/``): past events, newest first, paginated;
- ``events/<yyyy>/``: every event that starts in that year, in order;
- an event's own page is the editor's file; :meth:`EventViews.event_page` fills it.

Upcoming or past is decided once, against the build time (``Site.now``). Every value is
formatted here, in the page's language and the event's own time zone; templates only print.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from clustersite.events import Event, Happening
from clustersite.formatting import (
    format_clock,
    format_date,
    format_event_time,
    language_name,
    time_zone_name,
)
from clustersite.media import MediaLibrary, Picture
from clustersite.model import Site
from clustersite.routes import source_of, url_of
from clustersite.strings import Translator
from clustersite.visibility import Acknowledgement

__all__ = ["EventCard", "EventListing", "EventPage", "EventViews", "EventYear", "when"]

HOME_EVENTS = 3


def when(event: Event, lang: str) -> str:
    """The event's dates and times in ``lang``, on the event's own clock."""
    return format_event_time(
        event.start.date,
        lang,
        start_time=event.start.time,
        end=event.end.date if event.end else None,
        end_time=event.end.time if event.end else None,
    )


@dataclass(frozen=True)
class EventCard:
    """An event as a listing shows it: its own language's version, or another's (marked)."""

    key: str
    title: str
    url: str  # from the site root
    lang: str  # the language of the version shown
    foreign: bool  # the visitor's language has no version
    foreign_label: str  # "in Italian", or ""
    when: str
    start_iso: str  # for <time datetime>: the start with its offset, or the day
    place: str  # the place, "Online", or both
    cancelled: bool
    cancelled_label: str
    summary: str
    draft: bool
    image: Picture | None = None  # the event's photo, as a card shows it


@dataclass(frozen=True)
class Registration:
    open: bool
    state: str  # "Registration open" / "Registration closed"
    url: str
    deadline: str  # formatted, or ""


@dataclass(frozen=True)
class EventYear:
    year: int
    url: str


@dataclass(frozen=True)
class EventListing:
    """A listing page of the events section: upcoming, past (paginated) or one year."""

    years: list[EventYear]
    calendar_url: str
    events_url: str
    past_url: str | None
    heading: str | None
    events: list[EventCard]
    empty: str  # what the page says when it lists nothing
    newer_url: str | None = None
    older_url: str | None = None
    pager: str = ""  # "2 / 5" on the pages of past events, else ""


@dataclass(frozen=True)
class EventPage:
    """Everything an event's page shows besides the editor's text."""

    card: EventCard
    time_zone: str  # "Eastern European Standard Time (Europe/Riga)"
    location: str | None
    online_url: str | None
    event_language: str  # the language it is held in, named in the page's language; or ""
    registration: Registration | None
    calendar_url: str  # this event's .ics, from the site root
    cancelled_note: str | None
    projects: list[Any] = field(default_factory=list)  # views.ProjectCard
    acknowledgements: list[Acknowledgement] = field(default_factory=list)  # one per distinct one
    events_url: str = ""
    json_ld: dict[str, Any] = field(default_factory=dict)
    cover: Picture | None = None  # the event's photo, above its facts
    social: Any = None  # the preview image of the page (og:image): its photo, or None


class EventViews:
    """The events of one language, built once per language build."""

    def __init__(
        self,
        site: Site,
        lang: str,
        include_drafts: bool = False,
        media: MediaLibrary | None = None,
    ) -> None:
        self.site = site
        self.lang = lang
        self.media = media  # None: pages without photos (e.g. `clustersite check`)
        self.settings = site.settings
        self.locale = self.settings.babel_locale(lang)  # the site's variant: en_GB
        self.t = Translator(lang, self.locale)
        self.happenings: list[Happening] = site.happenings(include_drafts=include_drafts)
        languages = self.settings.languages
        self.upcoming = [h for h in self.happenings if not h.facts(languages).is_past(site.now)]
        self.past = [h for h in reversed(self.happenings) if h.facts(languages).is_past(site.now)]
        self.by_project: dict[str, list[Happening]] = defaultdict(list)
        self.by_year: dict[int, list[Happening]] = defaultdict(list)
        for happening in self.happenings:
            facts = happening.facts(languages)
            for slug in facts.projects:
                self.by_project[slug].append(happening)
            self.by_year[facts.start.date.year].append(happening)

    def url(self, path_url: str, lang: str | None = None) -> str:
        return f"{self.settings.language_root(lang or self.lang)}{path_url}"

    # -- cards -------------------------------------------------------------------------------
    def card(self, happening: Happening) -> EventCard:
        event = happening.version_for(self.lang, self.settings.languages)
        foreign = event.lang != self.lang
        places = [event.location] if event.location else []
        if event.online:
            places.append(self.t("event_online"))
        return EventCard(
            key=happening.key,
            title=event.title,
            url=self.url(event.path_url, event.lang),
            lang=event.lang,
            foreign=foreign,
            foreign_label=self.t("in_language", language=language_name(event.lang, self.locale))
            if foreign
            else "",
            when=when(event, self.locale),
            start_iso=event.starts_at.isoformat()
            if event.start.time
            else event.start.date.isoformat(),
            place=" · ".join(places),
            cancelled=event.cancelled,
            cancelled_label=self.t("event_cancelled") if event.cancelled else "",
            summary=event.summary,
            draft=event.draft,
            image=self.picture(event, "card"),
        )

    def picture(self, event: Event, role: str) -> Picture | None:
        """The event's photo for ``role`` (a key of media.SIZES), or None."""
        photo = self.media.of(event.path).image if self.media else None
        if self.media is None or photo is None:
            return None
        return self.media.picture(photo, event.lang, role)

    def cards(self, happenings: list[Happening]) -> list[EventCard]:
        return [self.card(h) for h in happenings]

    def project_events(self, slug: str) -> list[EventCard]:
        """A project's events, upcoming and past, in order of their start."""
        return self.cards(self.by_project.get(slug, []))

    def home_events(self) -> list[EventCard]:
        return self.cards(self.upcoming[:HOME_EVENTS])

    # -- listing pages ---------------------------------------------------------------------
    def years(self) -> list[EventYear]:
        return [
            EventYear(year, self.url(url_of("event-year", year=year)))
            for year in sorted(self.by_year, reverse=True)
        ]

    def listing_pages(self) -> list[tuple[str, str, EventListing]]:
        """(source path, title, listing) of every listing page of the events section."""
        common: dict[str, Any] = {
            "years": self.years(),
            "calendar_url": self.url(url_of("calendar")),
            "events_url": self.url(url_of("events")),
            "past_url": self.url(url_of("events-past")) if self.past else None,
        }
        pages = [
            (
                source_of("events"),
                self.t("events"),
                EventListing(
                    **common,
                    heading=self.t("events_upcoming"),
                    events=self.cards(self.upcoming),
                    empty=self.t("no_upcoming_events"),
                ),
            )
        ]
        per_page = max(1, self.settings.news_per_page)
        chunks = [self.past[i : i + per_page] for i in range(0, len(self.past), per_page)] or [[]]
        for number, chunk in enumerate(chunks, start=1):
            norm = (
                source_of("events-past")
                if number == 1
                else source_of("events-past-page", number=number)
            )
            previous = (
                url_of("events-past")
                if number == 2
                else url_of("events-past-page", number=number - 1)
            )
            newer = self.url(previous) if number > 1 else None
            older = (
                self.url(url_of("events-past-page", number=number + 1))
                if number < len(chunks)
                else None
            )
            pages.append(
                (
                    norm,
                    self.t("events_past") if number == 1 else self.t("events_past_page", n=number),
                    EventListing(
                        **common,
                        heading=None,
                        events=self.cards(chunk),
                        empty=self.t("no_past_events"),
                        newer_url=newer,
                        older_url=older,
                        pager=f"{number} / {len(chunks)}" if newer or older else "",
                    ),
                )
            )
        for year, happenings in sorted(self.by_year.items()):
            pages.append(
                (
                    source_of("event-year", year=year),
                    self.t("events_year", year=year),
                    EventListing(**common, heading=None, events=self.cards(happenings), empty=""),
                )
            )
        return pages

    def view_sources(self) -> list[str]:
        return [norm for norm, _title, _context in self.listing_pages()]

    # -- an event's page -------------------------------------------------------------------
    def event_page(
        self, event: Event, page_url: str, project_card: Any, absolute: Any
    ) -> EventPage:
        """``project_card(project)`` and ``absolute(url)`` come from the news views and the
        page builder, so a project looks the same wherever it is listed."""
        happening = Happening(event.key, {event.lang: event})
        card = self.card(happening)
        zone = time_zone_name(event.starts_at, self.locale)
        registration = None
        if event.registration_url:
            is_open = event.registration_open(self.site.now)
            deadline = ""
            if event.registration_deadline is not None:
                deadline = format_date(event.registration_deadline.date, self.locale)
                if event.registration_deadline.time is not None:
                    deadline = self.t(
                        "event_deadline_time",
                        date=deadline,
                        time=format_clock(event.registration_deadline.time, self.locale),
                    )
            registration = Registration(
                open=is_open,
                state=self.t("event_registration_open" if is_open else "event_registration_closed"),
                url=event.registration_url,
                deadline=deadline,
            )
        projects = [
            project_card(self.site.projects[slug])
            for slug in event.projects
            if slug in self.site.projects
        ]
        acknowledgements = list(dict.fromkeys(p.eu for p in projects))
        photo = self.media.of(event.path).image if self.media else None
        social = self.media.social_for_photo(photo, event.lang) if self.media and photo else None
        return EventPage(
            card=card,
            time_zone=f"{zone} ({event.timezone})",
            location=event.location,
            online_url=event.online_url,
            event_language=language_name(event.language, self.locale) if event.language else "",
            registration=registration,
            calendar_url=self.url(event.ics_url, event.lang),
            cancelled_note=event.cancelled_note,
            projects=projects,
            acknowledgements=acknowledgements,
            events_url=self.url(url_of("events")),
            json_ld=self.json_ld(event, absolute(page_url))
            | ({"image": [absolute(social.url)]} if social else {}),
            cover=self.picture(event, "cover"),
            social=social,
        )

    def json_ld(self, event: Event, canonical: str) -> dict[str, Any]:
        """schema.org Event: status, attendance mode, place; offers only with registration."""
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "description": event.summary,
            "url": canonical,
            "inLanguage": event.language or event.lang,
            "eventStatus": "https://schema.org/EventCancelled"
            if event.cancelled
            else "https://schema.org/EventScheduled",
        }
        if event.whole_days:
            data["startDate"] = event.start.date.isoformat()
            data["endDate"] = (event.end or event.start).date.isoformat()
        else:
            data["startDate"] = event.starts_at.isoformat()
            if event.end is not None:
                data["endDate"] = event.ends_at.isoformat()
        places: list[dict[str, Any]] = []
        if event.location:
            places.append({"@type": "Place", "name": event.location, "address": event.location})
        if event.online_url:
            places.append({"@type": "VirtualLocation", "url": event.online_url})
        mode = (
            "MixedEventAttendanceMode"
            if event.location and event.online_url
            else "OnlineEventAttendanceMode"
            if event.online_url
            else "OfflineEventAttendanceMode"
        )
        data["eventAttendanceMode"] = f"https://schema.org/{mode}"
        data["location"] = places[0] if len(places) == 1 else places
        if event.registration_url:
            offer: dict[str, Any] = {"@type": "Offer", "url": event.registration_url}
            closes = event.registration_closes_at()
            if closes is not None:
                offer["validThrough"] = closes.isoformat()
            data["offers"] = offer
        return data
