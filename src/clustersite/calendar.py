"""Calendar files (iCalendar, RFC 5545) of events, written with the ``icalendar`` library.

- one file per event and language, ``events/<yyyy>/<slug>.ics``: one VEVENT;
- one feed per language, ``events/calendar.ics``: every upcoming event (cancelled ones too, as
  ``STATUS:CANCELLED``, so that a subscribed calendar learns of the cancellation).

Times are written in the event's own zone (``DTSTART;TZID=Europe/Riga``) with a VTIMEZONE that
covers the years of the calendar's events; whole-day events are dates (``VALUE=DATE``, the end
the day after the last day, as RFC 5545 counts it). A UID names the event, not the language or
the build (``2026-seminars@example.org``), so a calendar that imported an event finds it again
after every rebuild. DTSTAMP is the build time, which ``SOURCE_DATE_EPOCH`` fixes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from clustersite.events import Event
from clustersite.routes import url_of
from clustersite.settings import SiteIdentity, site_base

if TYPE_CHECKING:
    from clustersite.event_views import EventViews

__all__ = ["CalendarEntry", "calendar_bytes", "event_uid", "write_calendars"]

PRODUCT_ID = "-//clustersite//events//EN"  # RFC 5545 PRODID: who made the file (not its language)


@dataclass(frozen=True)
class CalendarEntry:
    """One event as one language's calendar shows it."""

    event: Event
    page_url: str  # absolute address of the event's page in this language
    description: str  # summary, place and registration, in the calendar's language


def event_uid(event: Event, site_url: str) -> str:
    """The same for every language and every build of one event.

    >>> from clustersite.events import Moment
    >>> e = Event("lv", "2026", "seminars", "x", "S", Moment(dt.date(2026, 1, 14)))
    >>> event_uid(e, "https://example.org/site/")
    '2026-seminars@example.org'
    """
    host = urlsplit(site_url).hostname or "clustersite.invalid"
    return f"{event.year_folder}-{event.slug}@{host}"


def _transitions(zone: ZoneInfo, first: dt.datetime, last: dt.datetime) -> list[dt.datetime]:
    """The instants (UTC) between ``first`` and ``last`` at which the zone's offset changes."""
    found: list[dt.datetime] = []
    step = dt.timedelta(hours=6)  # no zone changes its offset twice within six hours
    moment = first
    while moment < last:
        following = moment + step
        if moment.astimezone(zone).utcoffset() != following.astimezone(zone).utcoffset():
            low, high = moment, following
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset():
                    low = middle
                else:
                    high = middle
            found.append(high.replace(second=0, microsecond=0))
        moment = following
    return found


def _vtimezone(name: str, first_year: int, last_year: int) -> icalendar.Timezone:
    """A VTIMEZONE from the tz database, for the years given.

    Each observance starts at its transition written as local time in the offset it leaves
    (TZOFFSETFROM), as RFC 5545 (3.6.5) reads DTSTART there; the first one holds the offset in
    force on the first of January of ``first_year``.
    """
    zone = ZoneInfo(name)
    start = dt.datetime(first_year, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(last_year + 1, 1, 1, tzinfo=dt.UTC)
    timezone = icalendar.Timezone()
    timezone.add("tzid", name)

    def observance(at: dt.datetime, before: dt.timedelta, after: dt.datetime) -> None:
        kind = icalendar.TimezoneDaylight if after.dst() else icalendar.TimezoneStandard
        component = kind()
        component.add("dtstart", (at + before).replace(tzinfo=None))
        component.add("tzname", after.tzname())
        component.add("tzoffsetfrom", before)
        component.add("tzoffsetto", after.utcoffset())
        timezone.add_component(component)

    local = start.astimezone(zone)
    offset = local.utcoffset() or dt.timedelta(0)
    observance(start, offset, local)
    for instant in _transitions(zone, start, end):
        after = instant.astimezone(zone)
        observance(instant, offset, after)
        offset = after.utcoffset() or dt.timedelta(0)
    return timezone


def _timezones(events: list[Event]) -> list[icalendar.Timezone]:
    """One VTIMEZONE per zone used, covering the years its events fall in."""
    years: dict[str, tuple[int, int]] = {}
    for event in events:
        if event.whole_days:
            continue
        first, last = event.starts_at.year, event.ends_at.year
        low, high = years.get(event.timezone, (first, last))
        years[event.timezone] = (min(low, first), max(high, last))
    return [_vtimezone(zone, first, last) for zone, (first, last) in sorted(years.items())]


def _vevent(entry: CalendarEntry, stamp: dt.datetime, site_url: str) -> icalendar.Event:
    event = entry.event
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event, site_url))
    vevent.add("dtstamp", stamp.astimezone(dt.UTC))
    if event.whole_days:
        vevent.add("dtstart", event.start.date)
        vevent.add("dtend", event.ends_at.date())  # exclusive: the day after the last
    else:
        vevent.add("dtstart", event.starts_at)
        if event.end is not None:
            vevent.add("dtend", event.ends_at)
    vevent.add("summary", event.title, parameters={"LANGUAGE": event.lang})
    if entry.description:
        vevent.add("description", entry.description, parameters={"LANGUAGE": event.lang})
    if event.location:
        vevent.add("location", event.location)
    elif event.online_url:
        vevent.add("location", event.online_url)
    vevent.add("url", entry.page_url)
    # a cancellation is a revision of what subscribers already have (RFC 5545, 3.8.7.4)
    vevent.add("sequence", 1 if event.cancelled else 0)
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return vevent


def calendar_bytes(
    entries: list[CalendarEntry], name: str, stamp: dt.datetime, site_url: str
) -> bytes:
    """A whole iCalendar file (CRLF lines, folded at 75 octets by the library)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for timezone in _timezones([entry.event for entry in entries]):
        calendar.add_component(timezone)
    for entry in entries:
        calendar.add_component(_vevent(entry, stamp, site_url))
    return bytes(calendar.to_ical())


def _description(event: Event, views: EventViews) -> str:
    lines = [event.summary] if event.summary else []
    if event.cancelled and event.cancelled_note:
        lines.append(event.cancelled_note)
    if event.online_url:
        lines.append(f"{views.t('event_join_online')}: {event.online_url}")
    if event.registration_open(views.site.now) and event.registration_url:
        lines.append(f"{views.t('event_register')}: {event.registration_url}")
    return "\n\n".join(lines)


def write_calendars(views: EventViews, site_dir: Path, identity: SiteIdentity) -> None:
    """This language's calendar files: one per event written in it, and the feed of upcoming
    events (in the visitor's language where a version exists, else in another)."""
    site_url = identity.url
    base = site_base(site_url)
    languages = views.settings.languages
    stamp = views.site.now
    name = views.t("event_calendar_name", site=identity.name)

    def entry(event: Event) -> CalendarEntry:
        return CalendarEntry(
            event, base + views.url(event.path_url, event.lang), _description(event, views)
        )

    for happening in views.happenings:
        event = happening.versions.get(views.lang)
        if event is None:
            continue
        path = site_dir / views.url(event.ics_url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(calendar_bytes([entry(event)], event.title, stamp, site_url))
    upcoming = [entry(h.version_for(views.lang, languages)) for h in views.upcoming]
    feed = site_dir / views.url(url_of("calendar"))
    feed.parent.mkdir(parents=True, exist_ok=True)
    feed.write_bytes(calendar_bytes(upcoming, name, stamp, site_url))
