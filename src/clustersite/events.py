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
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from clustersite.errors import Problem
from clustersite.posts import PAGE_FIELDS, FiledByYear, Translated, plain_summary
from clustersite.routes import SLUG, reserved_slugs, url_of
from clustersite.settings import DEFAULT_TIMEZONE
from clustersite.yamlio import parse_yaml, read_text, split_front_matter, unreadable_problems

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
    lang: str
    year_folder: str
    slug: str
    path: str  # as an editor knows it: content/lv/events/2026/x.md
    title: str
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


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _is_web_address(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


class _EventReader:
    """Reads one event's front matter field by field, collecting every problem."""

    def __init__(self, shown: str, doc: Any, front: str, first_line: int) -> None:
        self.shown = shown
        self.doc = doc
        self.front_lines = front.split("\n")  # to see what was typed
        self.first_line = first_line  # the file's line of the front matter's first line
        self.problems: list[Problem] = []

    def add(self, name: str, message: str, fix: str, severity: str = "error") -> None:
        self.problems.append(
            Problem(self.shown, name, message, fix, line=self.doc.line(name), severity=severity)
        )

    def typed(self, name: str) -> str:
        """The value of ``name`` as it stands in the file (YAML reads `10:00` as 600)."""
        line = self.doc.line(name)
        index = line - self.first_line if line is not None else -1
        if not 0 <= index < len(self.front_lines):
            return ""
        return self.front_lines[index].partition(":")[2].strip().strip("'\"")

    def offset_problem(self, name: str, written: str, example: str) -> None:
        self.add(
            name,
            f"'{written}' carries a UTC offset",
            f"write the local time without an offset, e.g. {example}, and the "
            "time zone in `timezone:` (e.g. Europe/Riga)",
        )

    def moment(self, name: str, value: Any, example: str) -> Moment | None:
        if isinstance(value, dt.datetime):
            if value.tzinfo is not None:
                self.offset_problem(name, self.typed(name) or str(value), example)
                return None
            return Moment(value.date(), value.time().replace(microsecond=0))
        if isinstance(value, dt.date):
            return Moment(value)
        written = value.strip() if isinstance(value, str) else self.typed(name)
        if _TIME_ONLY.match(written):
            self.add(
                name,
                f"'{written}' is a time without a date",
                f"write the day and the time, e.g. {example}",
            )
            return None
        if isinstance(value, str) and (match := _MOMENT.match(written)):
            if match["offset"]:
                self.offset_problem(name, written, example)
                return None
            try:
                date = dt.date(*(int(part) for part in match["date"].split("-")))
            except ValueError:
                self.add(
                    name,
                    f"'{written}' is not a day of the calendar",
                    "check the month and the day (February has 28 days, 29 in leap years)",
                )
                return None
            if match["hour"] is None:
                return Moment(date)
            try:
                time = dt.time(int(match["hour"]), int(match["minute"]), int(match["second"] or 0))
            except ValueError:
                self.add(
                    name,
                    f"'{written}' is not a time of day",
                    f"write hours 0–23 and minutes 0–59, e.g. {example}",
                )
                return None
            return Moment(date, time)
        shown = written or str(value)
        self.add(
            name,
            f"'{shown}' is not a date or a date and time",
            f"write the day as YYYY-MM-DD, or the day and time as {example}",
        )
        return None

    def web_address(self, name: str, value: Any) -> str | None:
        if value is None:
            return None
        text = _text(value)
        if text is None or not _is_web_address(text):
            self.add(
                name,
                f"'{value}' is not a web address",
                "write the whole address, starting with https://",
            )
            return None
        return text


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
    problems: list[Problem] = []

    def file_problem(name: str, message: str, fix: str, line: int | None = None) -> None:
        problems.append(Problem(shown, name, message, fix, line=line))

    slug = Path(relative[-1]).stem
    year_folder = relative[0] if len(relative) == 2 else ""
    if len(relative) != 2 or not re.fullmatch(r"\d{4}", year_folder):
        file_problem(
            "file",
            "an event must be filed as events/<year>/<slug>.md",
            f"move it to content/{lang}/events/<year of its start>/{slug}.md",
        )
    if not SLUG.match(slug):
        from clustersite.slugs import slugify  # slugs imports posts, which is fine here too

        file_problem(
            "file name",
            f"'{slug}' is not a valid slug (the last part of the address)",
            f"rename the file to {slugify(slug, RESERVED_EVENT_SLUGS, 'event')}.md: lowercase "
            "ASCII letters, digits and hyphens (`clustersite new event` makes the name for you)",
        )
    elif slug in RESERVED_EVENT_SLUGS:
        file_problem(
            "file name",
            f"'{slug}' is reserved for the events section's own addresses",
            "rename the file, e.g. add a word to the slug",
        )

    text, problem = read_text(path, shown)
    if problem:
        return None, [*problems, problem]
    assert text is not None
    front, body, first_line = split_front_matter(text)
    if front is None:
        file_problem(
            "front matter",
            "the event has no front matter (or it is not closed)",
            "start the file with a '---' line, `title:` and `start:` lines, and another '---' "
            "line (`clustersite new event` writes one for you)",
            line=1,
        )
        return None, problems
    doc, problem = parse_yaml(front, shown, first_line=first_line)
    if problem:
        return None, [*problems, problem]
    assert doc is not None
    meta = doc.data if doc.data is not None else {}
    if not isinstance(meta, dict):
        file_problem(
            "front matter",
            "must be `field: value` lines",
            "write `title: …` and `start: YYYY-MM-DDTHH:MM` lines",
            line=first_line,
        )
        return None, problems
    reader = _EventReader(shown, doc, front, first_line)
    add = reader.add
    reader.problems.extend(
        unreadable_problems(doc, shown, handled=("start", "end", "registration_deadline"))
    )

    title = _text(meta.get("title"))
    if title is None:
        add("title", "is missing or empty", "add `title: …` with the event's name")

    zone_name = meta.get("timezone", default_timezone)
    zone: zoneinfo.ZoneInfo | None = None
    if not isinstance(zone_name, str) or zone_name.strip() not in _known_zones():
        close = difflib.get_close_matches(str(zone_name), sorted(_known_zones()), n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        add(
            "timezone",
            f"'{zone_name}' is not a known time zone",
            f"{hint}write a zone of the tz database, e.g. Europe/Riga or Europe/Rome",
        )
    else:
        zone_name = zone_name.strip()
        zone = zoneinfo.ZoneInfo(zone_name)

    example = "2026-01-14T10:00"
    start = None
    if meta.get("start") is None:
        add("start", "is missing", f"add `start: {example}` (or only the day: 2026-01-14)")
    else:
        start = reader.moment("start", meta["start"], example)
    end = reader.moment("end", meta["end"], "2026-01-14T13:00") if "end" in meta else None
    if "end" in meta and meta["end"] is None:
        add("end", "is empty", "write when the event ends, or leave `end` out")
    deadline = (
        reader.moment("registration_deadline", meta["registration_deadline"], "2026-01-10")
        if meta.get("registration_deadline") is not None
        else None
    )
    if start and year_folder.isdigit() and int(year_folder) != start.date.year:
        add(
            "start",
            f"the event starts in {start.date.year} but is filed under events/{year_folder}/",
            f"move it to content/{lang}/events/{start.date.year}/ or correct the start",
        )
    if start and end and zone:
        if (start.time is None) != (end.time is None):
            add(
                "end",
                "one of start and end has a time and the other has not",
                "give both a time (2026-01-14T10:00) or neither (a whole-day event: 2026-01-14)",
            )
        elif _instant(end, zone) < _instant(start, zone) or (end.time is not None and end == start):
            add(
                "end",
                f"the event ends ({reader.typed('end') or end.date}) before it starts "
                f"({reader.typed('start') or start.date})",
                "correct `end`: it is the day (and time) the event is over",
            )
    for name, moment in (("start", start), ("end", end), ("registration_deadline", deadline)):
        if moment and zone and not _exists_in_zone(moment, zone):
            add(
                name,
                f"{moment.date} {moment.time:%H:%M} does not exist in {zone_name}: "
                "the clocks skip that hour (summer time begins)",
                "write a time an hour later, or the time the organisers mean",
            )
    if start and deadline and zone:
        deadline_day_after = deadline.time is None and deadline.date > start.date
        if deadline_day_after or (deadline.time is not None and deadline.at(zone) > start.at(zone)):
            add(
                "registration_deadline",
                "is after the event starts",
                "set the deadline on or before the start, or leave it out "
                "(registration then closes when the event starts)",
            )

    raw_location = meta.get("location")
    location = _text(raw_location)
    online_url = reader.web_address("online_url", meta.get("online_url"))
    is_online = location is not None and location.lower() == ONLINE
    if raw_location is not None and location is None:
        add(
            "location",
            "is empty" if raw_location == "" else "must be text",
            "write the place and address, or `location: online` and `online_url:`",
        )
    elif location is None and "online_url" not in meta:
        add(
            "location",
            "is missing",
            "add `location:` with the place and address, or `location: online` and `online_url:`",
        )
    if is_online and "online_url" not in meta:
        add(
            "online_url",
            "an online event needs the address where it takes place",
            "add `online_url: https://…` (the meeting or stream link)",
        )
    registration_url = reader.web_address("registration_url", meta.get("registration_url"))
    if deadline is not None and "registration_url" not in meta:
        add(
            "registration_deadline",
            "there is a deadline but no `registration_url`",
            "add `registration_url: https://…`, or leave the deadline out",
        )

    language = meta.get("language")
    event_language: str | None = None
    if language is not None:
        try:
            Locale.parse(str(language))
            event_language = str(language)
        except (ValueError, UnknownLocaleError):
            add(
                "language",
                f"'{language}' is not a language code",
                "write the language the event is held in as a code: lv, en, it, de …",
            )

    raw_projects = meta.get("projects") or []
    if isinstance(raw_projects, str):
        raw_projects = [raw_projects]
    projects: list[str] = []
    if not isinstance(raw_projects, list):
        add("projects", "must be a list of project slugs", "write `projects: [neeghw]`")
    else:
        for item in raw_projects:
            if not isinstance(item, str):
                add("projects", f"'{item}' is not a project slug", "write the slug of a project")
            elif known_projects is not None and item not in known_projects:
                choices = ", ".join(sorted(known_projects)) or "none yet"
                add(
                    "projects",
                    f"there is no project '{item}' (data/projects/{item}.yml)",
                    f"use one of: {choices}; or add the project with `clustersite new project {item}`",
                )
            else:
                projects.append(item)

    flags: dict[str, bool] = {}
    for name in ("cancelled", "draft"):
        value = meta.get(name, False)
        if not isinstance(value, bool):
            add(name, f"'{value}' is not true or false", f"write `{name}: true` or `{name}: false`")
            value = False
        flags[name] = value
    note = meta.get("cancelled_note")
    if note is not None and _text(note) is None:
        add("cancelled_note", "must be text", "write one sentence on the cancellation")
    elif note is not None and not flags["cancelled"]:
        add(
            "cancelled_note",
            "is given but the event is not cancelled",
            "add `cancelled: true`, or remove the note",
            severity="warning",
        )
    summary_value = meta.get("summary")
    if summary_value is not None and _text(summary_value) is None:
        add("summary", "must be text", "write one or two sentences, or leave `summary` out")
    for key in meta:
        if key not in EVENT_FIELDS and key not in PAGE_FIELDS:
            add(
                str(key) if str(key).strip() else "(a field without a name)",
                "is not a known field of an event",
                f"remove it or correct the spelling; known fields: {', '.join(sorted(EVENT_FIELDS))}",
                severity="warning",
            )

    problems.extend(reader.problems)
    if any(p.severity == "error" for p in problems) or title is None or start is None:
        return None, problems
    assert zone is not None
    event = Event(
        lang=lang,
        year_folder=year_folder,
        slug=slug,
        path=shown,
        title=title,
        start=start,
        end=end,
        timezone=str(zone_name),
        location=None if is_online else location,
        online_url=online_url,
        registration_url=registration_url,
        registration_deadline=deadline,
        language=event_language,
        projects=projects,
        summary=_text(summary_value) or plain_summary(body),
        cancelled=flags["cancelled"],
        cancelled_note=_text(note),
        draft=flags["draft"],
        description=_text(meta.get("description")),
    )
    return event, problems
