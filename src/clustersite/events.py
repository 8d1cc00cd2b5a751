"""The event model: ``content/<lang>/events/<yyyy>/<slug>.md`` and its front matter.

An *event* is one language's file; a :class:`Happening` is an event with its translations (the
same ``<yyyy>/<slug>`` under each language folder), as a story is a post with its translations.

Times are written as the organiser's wall clock (``start: 2026-01-14T10:00``) in the event's
``timezone`` (the site's, ``Europe/Riga``, unless the event names another). A start without a
time is a whole-day event; ``end`` is then the last day (inclusive). Whether an event is
upcoming or past, and whether registration is open, is decided against the build time
(:func:`clustersite.settings.build_time`), never against the visitor's clock.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import zoneinfo
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from babel import Locale, UnknownLocaleError

from clustersite.checker import Checker
from clustersite.errors import Problem
from clustersite.media import PHOTO_FIELDS, MediaRefs, read_media_fields, read_text_photos
from clustersite.posts import (
    FiledByYear,
    Translated,
    _project_slugs,
    plain_summary,
    read_filed_source,
)
from clustersite.routes import reserved_slugs, url_of
from clustersite.settings import DEFAULT_TIMEZONE
from clustersite.theme_fields import ThemeFields, theme_fields
from clustersite.yamlio import unreadable_problems

__all__ = [
    "DEFAULT_TIMEZONE",
    "EVENT_FIELDS",
    "RESERVED_EVENT_SLUGS",
    "Event",
    "Happening",
    "parse_event",
]

ONLINE = "online"
EVENT_FIELDS = {
    "title",
    "start",
    "end",
    "timezone",
    "location",
    "online_url",
    "registration_url",
    "registration_deadline",
    "language",
    "projects",
    "summary",
    "cancelled",
    "cancelled_note",
    "draft",
    *PHOTO_FIELDS,  # a photo, as a post has one (clustersite/media.py)
}
# The addresses of the events section itself: events/past/, events/calendar.ics…
RESERVED_EVENT_SLUGS = reserved_slugs("event")
_MOMENT = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:[T ]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?P<offset>Z|[+-]\d{2}:?\d{2})?)?$"
)
_TIME_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}(?::\d{2})?$")


@dataclass(frozen=True)
class Moment:
    """A day, or a day and a wall-clock time, as an editor wrote it (no time zone yet)."""

    date: dt.date
    time: dt.time | None = None

    def at(self, zone: zoneinfo.ZoneInfo) -> dt.datetime:
        """The instant this moment names in ``zone`` (a day alone: its midnight)."""
        return dt.datetime.combine(self.date, self.time or dt.time(0), tzinfo=zone)


@dataclass
class Event(FiledByYear):
    page_kind: ClassVar[str] = "event"
    start: Moment
    end: Moment | None = None
    timezone: str = DEFAULT_TIMEZONE
    location: str | None = None  # place and address; None for an online-only event
    online_url: str | None = None
    registration_url: str | None = None
    registration_deadline: Moment | None = None
    language: str | None = None  # the language the event itself is held in
    projects: list[str] = field(default_factory=list)
    summary: str = ""
    cancelled: bool = False
    cancelled_note: str | None = None
    draft: bool = False
    description: str | None = None
    theme: ThemeFields = field(default_factory=ThemeFields)  # status, icon… (theme_fields.py)
    media: MediaRefs = field(default_factory=MediaRefs)  # its photo and those in its text

    @property
    def ics_url(self) -> str:
        """This event's calendar file, below the language root."""
        return url_of("event-calendar", year=self.year_folder, slug=self.slug)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def whole_days(self) -> bool:
        return self.start.time is None

    @property
    def online(self) -> bool:
        return self.online_url is not None

    @property
    def in_person(self) -> bool:
        return self.location is not None

    @property
    def starts_at(self) -> dt.datetime:
        return self.start.at(self.zone)

    @property
    def ends_at(self) -> dt.datetime:
        """When the event is over: its end, the day after its last day, or its start."""
        if self.whole_days:
            last = self.end.date if self.end else self.start.date
            return Moment(last + dt.timedelta(days=1)).at(self.zone)
        return self.end.at(self.zone) if self.end else self.starts_at

    def is_past(self, now: dt.datetime) -> bool:
        """Over at ``now`` (an aware time: the build's). Without an end, once it has begun."""
        return now >= self.ends_at

    def registration_closes_at(self) -> dt.datetime | None:
        """The deadline (a day alone: the end of that day), and never after the start."""
        if self.registration_url is None:
            return None
        if self.registration_deadline is None:
            return self.starts_at
        deadline = self.registration_deadline
        closes = (
            deadline.at(self.zone)
            if deadline.time is not None
            else Moment(deadline.date + dt.timedelta(days=1)).at(self.zone)
        )
        return min(closes, self.starts_at, key=lambda moment: moment.astimezone(dt.UTC))

    def registration_open(self, now: dt.datetime) -> bool:
        closes = self.registration_closes_at()
        return not self.cancelled and closes is not None and now < closes


@dataclass
class Happening(Translated[Event]):
    """One event in all the languages it is written in."""

    def facts(self, languages: tuple[str, ...]) -> Event:
        """The version whose times count (the default language's where it exists)."""
        return self.version_for(languages[0], languages)


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _moment(check: Checker, name: str, value: Any, example: str) -> Moment | None:
    """A day, or a day and a time, as the editor wrote it; None after recording why not."""
    written = value.strip() if isinstance(value, str) else (check._written(name) or "")
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            check.add(name, "event.offset", value=written or str(value), example=example)
            return None
        return Moment(value.date(), value.time().replace(microsecond=0))
    if isinstance(value, dt.date):
        return Moment(value)
    if _TIME_ONLY.match(written):  # YAML reads an unquoted 10:00 as the number 600
        check.add(name, "event.time_without_date", value=written, example=example)
        return None
    match = _MOMENT.match(written) if isinstance(value, str) else None
    if match is None:
        check.add(name, "event.not_a_moment", value=written or str(value), example=example)
        return None
    if match["offset"]:
        check.add(name, "event.offset", value=written, example=example)
        return None
    try:
        date = dt.date(*(int(part) for part in match["date"].split("-")))
    except ValueError:
        check.add(name, "date.not_in_calendar", value=written)
        return None
    if match["hour"] is None:
        return Moment(date)
    try:
        time = dt.time(int(match["hour"]), int(match["minute"]), int(match["second"] or 0))
    except ValueError:
        check.add(name, "event.not_a_time", value=written, example=example)
        return None
    return Moment(date, time)


def _instant(moment: Moment, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """In UTC: Python compares two times of one zone by their wall clocks, not as instants."""
    return moment.at(zone).astimezone(dt.UTC)


def _exists_in_zone(moment: Moment, zone: zoneinfo.ZoneInfo) -> bool:
    """False for a wall-clock time the clocks skip (the hour lost to summer time)."""
    if moment.time is None:
        return True
    local = moment.at(zone)
    back = local.astimezone(dt.UTC).astimezone(zone)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)


def timezone_hint(name: Any) -> str:
    """The nearest zone name, for a misspelt one ('Europe/Rigaa' -> 'Europe/Riga'), or ''."""
    close = difflib.get_close_matches(str(name), sorted(_known_zones()), n=1)
    return close[0] if close else ""


def _when(
    check: Checker,
    meta: dict[str, Any],
    zone: zoneinfo.ZoneInfo | None,
    year_folder: str,
    lang: str,
) -> tuple[Moment | None, Moment | None, Moment | None]:
    """Start, end and registration deadline, each checked and checked against the others."""
    start = None
    if meta.get("start") is None:
        check.add("start", "event.start_missing")
    else:
        start = _moment(check, "start", meta["start"], "2026-01-14T10:00")
    end = None
    if "end" in meta:
        if meta["end"] is None:
            check.add("end", "event.end_empty")
        else:
            end = _moment(check, "end", meta["end"], "2026-01-14T13:00")
    deadline = None
    if meta.get("registration_deadline") is not None:
        deadline = _moment(
            check, "registration_deadline", meta["registration_deadline"], "2026-01-10"
        )
    if start and year_folder.isdigit() and int(year_folder) != start.date.year:
        check.add(
            "start", "event.wrong_year_folder", year=start.date.year, folder=year_folder, lang=lang
        )
    if zone is None:
        return start, end, deadline
    if start and end:
        if (start.time is None) != (end.time is None):
            check.add("end", "event.time_on_one_side")
        elif _instant(end, zone) < _instant(start, zone) or (end.time is not None and end == start):
            check.add(
                "end",
                "event.end_before_start",
                end=check._written("end") or end.date.isoformat(),
                start=check._written("start") or start.date.isoformat(),
            )
    for name, moment in (("start", start), ("end", end), ("registration_deadline", deadline)):
        if moment and moment.time and not _exists_in_zone(moment, zone):
            check.add(
                name,
                "event.time_skipped",
                date=moment.date.isoformat(),
                time=f"{moment.time:%H:%M}",
                zone=zone.key,
            )
    if start and deadline:
        after = (
            deadline.date > start.date
            if deadline.time is None
            else _instant(deadline, zone) > _instant(start, zone)
        )
        if after:
            check.add("registration_deadline", "event.deadline_after_start")
    return start, end, deadline


def parse_event(
    path: Path,
    shown: str,
    lang: str,
    relative: tuple[str, ...],
    known_projects: set[str] | None,
    default_timezone: str = DEFAULT_TIMEZONE,
) -> tuple[Event | None, list[Problem]]:
    """Read one event. ``relative`` is its path below ``content/<lang>/events/``.

    ``known_projects`` is None when project files could not be loaded (then slugs are not checked).
    """
    source, problems = read_filed_source(path, shown, lang, relative, "event")
    if source is None:
        return None, problems
    check, meta, doc, year_folder, body = (
        source.check,
        source.meta,
        source.doc,
        source.year_folder,
        source.body,
    )
    check.extend(unreadable_problems(doc, shown, handled=("start", "end", "registration_deadline")))

    # front matter is read again by MkDocs and Material: a number or yes/no must be quoted
    title = check.text(meta.get("title"), "title", required=True, as_written=False)

    zone_name = meta.get("timezone", default_timezone)
    zone: zoneinfo.ZoneInfo | None = None
    if isinstance(zone_name, str) and zone_name.strip() in _known_zones():
        zone = zoneinfo.ZoneInfo(zone_name.strip())
    else:
        hint = timezone_hint(zone_name)
        check.add(
            "timezone",
            "event.timezone_unknown" if hint else "event.timezone_unknown_no_hint",
            value=zone_name,
            hint=hint,
        )
    start, end, deadline = _when(check, meta, zone, year_folder, lang)

    location = check.text(meta.get("location"), "location", as_written=False)
    if meta.get("location") == "":
        check.add("location", "event.location_empty")
    online_url = check.web_address(meta.get("online_url"), "online_url")
    is_online = location is not None and location.lower() == ONLINE
    if "location" not in meta and "online_url" not in meta:
        check.add("location", "event.location_missing")
    if is_online and "online_url" not in meta:
        check.add("online_url", "event.online_without_url")
    registration_url = check.web_address(meta.get("registration_url"), "registration_url")
    if deadline is not None and "registration_url" not in meta:
        check.add("registration_deadline", "event.deadline_without_registration")

    event_language: str | None = None
    if meta.get("language") is not None:
        try:
            Locale.parse(str(meta["language"]))
            event_language = str(meta["language"])
        except (ValueError, UnknownLocaleError):
            check.add("language", "event.language_unknown", value=meta["language"])

    projects = _project_slugs(check, meta.get("projects"), known_projects)
    cancelled = check.boolean(meta.get("cancelled"), "cancelled")
    draft = check.boolean(meta.get("draft"), "draft")
    note = check.text(meta.get("cancelled_note"), "cancelled_note", as_written=False)
    if note is not None and not cancelled:
        check.warn("cancelled_note", "event.note_without_cancellation")
    summary = check.text(meta.get("summary"), "summary", as_written=False)
    source.warn_unknown_fields(EVENT_FIELDS)
    source.warn_placeholders()

    photo = read_media_fields({key: meta[key] for key in PHOTO_FIELDS if key in meta}, lang, check)
    media = MediaRefs(
        image=photo.image,
        gallery=(),
        in_text=read_text_photos(body, source.body_line, check),
    )
    if check.has_errors or title is None or start is None:
        return None, check.problems
    assert zone is not None
    event = source.make(
        Event,
        title=title,
        start=start,
        end=end,
        timezone=zone.key,
        location=None if is_online else location,
        online_url=online_url,
        registration_url=registration_url,
        registration_deadline=deadline,
        language=event_language,
        projects=projects,
        summary=summary or plain_summary(body),
        cancelled=cancelled,
        cancelled_note=note,
        draft=draft,
        description=check.text(meta.get("description"), "description", as_written=False),
        theme=theme_fields(doc),
        media=media,
    )
    return event, check.problems
