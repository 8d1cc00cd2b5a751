"""Events: their front matter, its checks, when they take place, and their calendar files.

Dates in these fixtures are relative to the build time (SOURCE_DATE_EPOCH), so "upcoming" stays
upcoming whenever the tests run. Expected phrases and calendar lines are written out by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from clustersite.calendar import CalendarEntry, calendar_bytes, event_uid
from clustersite.cli import main
from clustersite.events import Event, Moment
from clustersite.formatting import format_event_time
from clustersite.model import Site, load_site
from clustersite.settings import SiteSettings
from support import SiteFactory, check_rfc5545, event_text, unfolded

EPOCH = 1767225600  # 2026-01-01T00:00:00Z
NOW = dt.datetime.fromtimestamp(EPOCH, tz=dt.UTC)
RIGA = ZoneInfo("Europe/Riga")


def local(days: int, hour: int | None = None) -> str:
    """A wall-clock time in Riga ``days`` after the build time, as an editor writes it."""
    day = (NOW.astimezone(RIGA) + dt.timedelta(days=days)).date()
    return day.isoformat() if hour is None else f"{day.isoformat()}T{hour:02d}:00"


@pytest.fixture
def site(make_site: Callable[..., SiteFactory], monkeypatch: pytest.MonkeyPatch) -> SiteFactory:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    factory = make_site()
    monkeypatch.chdir(factory.root)
    return factory


def load(site: SiteFactory) -> Site:
    return load_site(SiteSettings.from_mkdocs_yml(site.root))


def write_event(site: SiteFactory, lang: str, slug: str, **fields: object) -> str:
    start = str(fields.get("start", ""))
    year = start[:4] if re.match(r"\d{4}", start) else "2026"
    fields.setdefault("title", f"Event {slug}")
    fields.setdefault("location", "'Rīga, Brīvības iela 1'")
    site.write(f"content/{lang}/events/{year}/{slug}.md", event_text(**fields))
    return f"content/{lang}/events/{year}/{slug}.md"


# -- checks -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "line", "words"),
    [
        ({"start": "2026-03-10T10:00", "end": "2026-03-10T09:00"}, "end", 3, "before it starts"),
        ({"start": "2026-03-10", "end": "2026-03-09"}, "end", 3, "before it starts"),
        ({"start": "2026-03-10T10:00", "end": "'13:00'"}, "end", 3, "time without a date"),
        ({"start": "2026-03-10T10:00", "end": "13:00"}, "end", 3, "time without a date"),
        ({"start": "10:00"}, "start", 2, "time without a date"),
        ({"start": "2026-03-10T10:00", "end": "2026-03-10"}, "end", 3, "has a time"),
        ({"start": "2026-03-10T10:00", "timezone": "Europe/Rigaa"}, "timezone", 3, "time zone"),
        (
            {
                "start": "2026-03-10T10:00",
                "registration_url": "https://example.org/r",
                "registration_deadline": "2026-03-11",
            },
            "registration_deadline",
            4,
            "after the event starts",
        ),
        (
            {
                "start": "2026-03-10T10:00",
                "registration_url": "https://example.org/r",
                "registration_deadline": "2026-03-10T10:30",
            },
            "registration_deadline",
            4,
            "after the event starts",
        ),
        ({"start": "2026-03-10T10:00", "location": "online"}, "online_url", None, "online"),
        ({"start": "2026-03-10T10:00", "projects": "[nope]"}, "projects", 3, "no project 'nope'"),
        ({"start": "2026-03-29T03:30"}, "start", 2, "does not exist"),
        ({"start": "2026-02-30T10:00"}, "start", 2, "not a day"),
        ({"start": "2026-03-10T25:00"}, "start", 2, "not a time"),
        ({"start": "next week"}, "start", 2, "not a date"),
        ({"start": "2026-03-10T10:00+02:00"}, "start", 2, "offset"),
        ({"start": "2026-03-10", "online_url": "zoom"}, "online_url", 3, "web address"),
        ({"start": "2026-03-10", "language": "latvian"}, "language", 3, "language code"),
        ({"start": "2026-03-10", "cancelled": "perhaps"}, "cancelled", 3, "true or false"),
        ({"title": "''", "start": "2026-03-10"}, "title", 2, "is empty"),
        ({"start": "2025-03-10"}, "start", 2, "filed under events/2026/"),
    ],
)
def test_each_mistake_names_file_line_field_and_fix(
    site: SiteFactory,
    run_cli: Callable[..., tuple[int, str, str]],
    fields: dict[str, str],
    field: str,
    line: int | None,
    words: str,
) -> None:
    shown = write_event(site, "lv", "seminars", **fields)
    if fields["start"].startswith("2025"):  # filed in the wrong year's folder on purpose
        path = site.root / shown
        shown = shown.replace("/2025/", "/2026/")
        (site.root / shown).parent.mkdir(parents=True, exist_ok=True)
        path.rename(site.root / shown)
    problems = [p for p in load(site).errors if p.path == shown]
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message
    assert problems[0].fix
    assert problems[0].line == line
    code, out, err = run_cli("check")
    assert code != 0
    assert shown in out + err and field in out + err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("text", "field", "line", "words"),
    [
        ("", "file", None, "the file is empty"),
        (" \n\n", "file", None, "the file is empty"),
        ("---\ntitle: Seminārs\nstart: 2026-03-10\n", "front matter", 1, "is not closed"),
        ("Seminārs Rīgā\n", "front matter", None, "has no front matter"),
        ("---\n- Seminārs\n---\n", "front matter", 2, "`field: value` lines"),
    ],
)
def test_a_file_without_readable_front_matter_is_named(
    site: SiteFactory, text: str, field: str, line: int | None, words: str
) -> None:
    shown = "content/lv/events/2026/seminars.md"
    site.write(shown, text)
    problems = [p for p in load(site).errors if p.path == shown]
    assert [(p.field, p.line) for p in problems] == [(field, line)]
    assert words in problems[0].message
    assert problems[0].fix


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    def runner(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return runner


def test_a_site_time_zone_that_does_not_exist_is_named(site: SiteFactory) -> None:
    site.configure(timezone="Mars/Olympus")
    problems = load(site).errors
    assert [(p.path, p.field) for p in problems] == [("mkdocs.yml", "plugins.clustersite.timezone")]


def test_an_unknown_field_is_a_warning_and_the_event_is_kept(site: SiteFactory) -> None:
    write_event(site, "lv", "seminars", start="2026-03-10", speaker="Anna")
    loaded = load(site)
    assert [(p.field, p.severity) for p in loaded.problems] == [("speaker", "warning")]
    assert [e.slug for e in loaded.events] == ["seminars"]


def test_an_online_event_needs_no_place(site: SiteFactory) -> None:
    write_event(
        site,
        "lv",
        "vebinars",
        start="2026-03-10T10:00",
        location="online",
        online_url="https://x.eu/m",
    )
    (event,) = load(site).events
    assert (event.online, event.in_person, event.location) == (True, False, None)


def test_a_slug_used_twice_in_one_language_is_an_error(site: SiteFactory) -> None:
    write_event(site, "lv", "seminars", start="2026-03-10")
    site.write(
        "content/lv/events/2027/seminars.md",
        event_text(title="X", start="2027-03-10", location="Rīga"),
    )
    assert [p.field for p in load(site).errors] == ["file name"]


# -- when ---------------------------------------------------------------------------------


def test_upcoming_or_past_is_decided_against_the_build_time(site: SiteFactory) -> None:
    write_event(site, "lv", "pagajis", start=local(-3, 10), end=local(-3, 12))
    write_event(site, "lv", "gaidams", start=local(5, 10), end=local(5, 12))
    write_event(site, "lv", "visu-dienu", start=local(0))  # today, whole day: not over yet
    loaded = load(site)
    state = {e.slug: e.is_past(loaded.now) for e in loaded.events}
    assert state == {"pagajis": True, "gaidams": False, "visu-dienu": False}
    assert loaded.now == NOW


def test_registration_closes_at_the_deadline_or_the_start(site: SiteFactory) -> None:
    write_event(
        site,
        "lv",
        "ar-termini",
        start=local(10, 10),
        registration_url="https://example.org/r",
        registration_deadline=local(-1),
    )
    write_event(
        site, "lv", "bez-termina", start=local(10, 10), registration_url="https://example.org/r"
    )
    write_event(
        site,
        "lv",
        "atcelts",
        start=local(10, 10),
        registration_url="https://example.org/r",
        cancelled="true",
    )
    loaded = load(site)
    state = {e.slug: e.registration_open(loaded.now) for e in loaded.events}
    assert state == {"ar-termini": False, "bez-termina": True, "atcelts": False}
    later = NOW + dt.timedelta(days=11)
    assert not any(e.registration_open(later) for e in loaded.events)


def event(start: Moment, end: Moment | None = None, **fields: object) -> Event:
    return Event(
        "lv", str(start.date.year), "x", "content/lv/events/x.md", "Seminārs", start, end, **fields
    )  # type: ignore[arg-type]


def utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


def test_an_event_across_midnight_ends_the_next_day() -> None:
    night = event(
        Moment(dt.date(2026, 1, 14), dt.time(22)), Moment(dt.date(2026, 1, 15), dt.time(2))
    )
    assert night.ends_at - night.starts_at == dt.timedelta(hours=4)
    assert night.is_past(dt.datetime(2026, 1, 14, 23, 30, tzinfo=RIGA)) is False
    assert night.is_past(dt.datetime(2026, 1, 15, 2, 0, tzinfo=RIGA)) is True


def test_an_event_across_the_change_to_summer_time_is_an_hour_shorter() -> None:
    # Riga moves its clocks from 03:00 to 04:00 on 29 March 2026
    night = event(
        Moment(dt.date(2026, 3, 29), dt.time(1)), Moment(dt.date(2026, 3, 29), dt.time(5))
    )
    # aware times in one zone subtract as wall clocks in Python: compare instants
    assert utc(night.ends_at) - utc(night.starts_at) == dt.timedelta(hours=3)
    assert night.starts_at.utcoffset() == dt.timedelta(hours=2)
    assert night.ends_at.utcoffset() == dt.timedelta(hours=3)


@pytest.mark.parametrize(
    ("start", "start_time", "end", "end_time", "expected"),
    [
        (
            dt.date(2026, 1, 14),
            dt.time(10),
            None,
            dt.time(13),
            {
                "lv": "2026. gada 14. janvārī plkst. 10.00–13.00",
                "it": "14 gennaio 2026, ore 10:00–13:00",
                "en": "14 January 2026, 10:00–13:00",
            },
        ),
        (
            dt.date(2026, 3, 5),
            dt.time(9, 30),
            None,
            None,
            {
                "lv": "2026. gada 5. martā plkst. 9.30",
                "it": "5 marzo 2026, ore 09:30",
                "en": "5 March 2026, 09:30",
            },
        ),
        (
            dt.date(2026, 12, 31),
            dt.time(22),
            dt.date(2027, 1, 1),
            dt.time(1, 15),
            {
                "lv": "2026. gada 31. decembrī plkst. 22.00 – 2027. gada 1. janvārī plkst. 1.15",
                "it": "31 dicembre 2026, ore 22:00 – 1º gennaio 2027, ore 01:15",  # the first: 1º
                "en": "31 December 2026, 22:00 – 1 January 2027, 01:15",
            },
        ),
        (
            dt.date(2026, 6, 2),
            None,
            None,
            None,
            {"lv": "2026. gada 2. jūnijā", "it": "2 giugno 2026", "en": "2 June 2026"},
        ),
        (
            dt.date(2026, 6, 2),
            None,
            dt.date(2026, 6, 4),
            None,
            {"lv": "2026. gada 2.–4. jūnijā", "it": "2–4 giugno 2026", "en": "2–4 June 2026"},
        ),
        (
            dt.date(2026, 8, 30),
            None,
            dt.date(2026, 9, 2),
            None,
            {
                "lv": "2026. gada 30. augustā – 2. septembrī",
                "it": "30 agosto – 2 settembre 2026",
                "en": "30 August – 2 September 2026",
            },
        ),
        (
            dt.date(2026, 12, 30),
            None,
            dt.date(2027, 1, 2),
            None,
            {
                "lv": "2026. gada 30. decembrī – 2027. gada 2. janvārī",
                "it": "30 dicembre 2026 – 2 gennaio 2027",
                "en": "30 December 2026 – 2 January 2027",
            },
        ),
    ],
)
def test_when_an_event_takes_place_in_each_language(
    start: dt.date,
    start_time: dt.time | None,
    end: dt.date | None,
    end_time: dt.time | None,
    expected: dict[str, str],
) -> None:
    for lang, phrase in expected.items():
        written = format_event_time(start, lang, start_time=start_time, end=end, end_time=end_time)
        assert written == phrase


# -- calendars ----------------------------------------------------------------------------

SITE_URL = "https://example.org/site/"


def ics(*events: Event, stamp: dt.datetime = NOW) -> bytes:
    entries = [CalendarEntry(e, f"{SITE_URL}events/{e.key}/", e.summary) for e in events]
    return calendar_bytes(entries, "Notikumi", stamp, SITE_URL)


def test_a_calendar_file_of_one_timed_event() -> None:
    seminar = event(
        Moment(dt.date(2026, 1, 14), dt.time(10)),
        Moment(dt.date(2026, 1, 14), dt.time(13)),
        location="Rīga, Brīvības iela 1",
    )
    lines = check_rfc5545(ics(seminar), 1)
    assert "DTSTART;TZID=Europe/Riga:20260114T100000" in lines
    assert "DTEND;TZID=Europe/Riga:20260114T130000" in lines
    assert "UID:2026-x@example.org" in lines
    assert "LOCATION:Rīga\\, Brīvības iela 1" in lines
    assert "STATUS:CONFIRMED" in lines
    parsed = icalendar.Calendar.from_ical(ics(seminar)).walk("VEVENT")[0]
    assert parsed.decoded("dtstart") == dt.datetime(2026, 1, 14, 10, tzinfo=RIGA)


def test_the_uid_is_the_same_in_every_build_and_language() -> None:
    seminar = event(Moment(dt.date(2026, 1, 14), dt.time(10)))
    english = Event("en", "2026", "x", "content/en/events/2026/x.md", "Seminar", seminar.start)
    first, later = ics(seminar), ics(english, stamp=NOW + dt.timedelta(days=30))
    uid = [line for line in unfolded(first) if line.startswith("UID:")]
    assert uid == [line for line in unfolded(later) if line.startswith("UID:")]
    assert uid == [f"UID:{event_uid(seminar, SITE_URL)}"]


def test_a_cancelled_event_stays_in_the_calendar_as_cancelled() -> None:
    cancelled = event(Moment(dt.date(2026, 5, 4), dt.time(10)), cancelled=True)
    lines = check_rfc5545(ics(cancelled), 1)
    assert "STATUS:CANCELLED" in lines and "SEQUENCE:1" in lines


def test_a_whole_day_event_ends_the_day_after_its_last_day() -> None:
    fair = event(Moment(dt.date(2026, 6, 2)), Moment(dt.date(2026, 6, 4)))
    lines = check_rfc5545(ics(fair), 1)
    assert "DTSTART;VALUE=DATE:20260602" in lines and "DTEND;VALUE=DATE:20260605" in lines
    assert "BEGIN:VTIMEZONE" not in lines


def test_the_time_zone_matches_the_tz_database_across_summer_time() -> None:
    night = event(
        Moment(dt.date(2026, 3, 29), dt.time(1)), Moment(dt.date(2026, 3, 29), dt.time(5))
    )
    data = ics(night)
    check_rfc5545(data, 1)
    parsed = icalendar.Calendar.from_ical(data)
    vevent = parsed.walk("VEVENT")[0]
    start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
    assert utc(end) - utc(start) == dt.timedelta(hours=3)
    # each observance begins at the instant the tz database says, read in its TZOFFSETFROM
    for observance in parsed.walk("DAYLIGHT") + parsed.walk("STANDARD"):
        wall = observance.decoded("dtstart")
        offset_from = observance.decoded("tzoffsetfrom")
        instant = (wall - offset_from).replace(tzinfo=dt.UTC)
        assert instant.astimezone(RIGA).utcoffset() == observance.decoded("tzoffsetto")
        before = instant - dt.timedelta(minutes=1)
        if instant.month != 1:  # the first observance only states the offset of 1 January
            assert before.astimezone(RIGA).utcoffset() == offset_from
    assert [o.decoded("dtstart") for o in parsed.walk("DAYLIGHT")] == [dt.datetime(2026, 3, 29, 3)]


def test_a_feed_has_one_timezone_per_zone_and_every_event() -> None:
    riga = event(Moment(dt.date(2026, 1, 14), dt.time(10)))
    rome = Event(
        "lv",
        "2026",
        "roma",
        "p",
        "Fiera",
        Moment(dt.date(2026, 2, 1), dt.time(9)),
        timezone="Europe/Rome",
    )
    lines = check_rfc5545(ics(riga, rome), 2)
    assert [line for line in lines if line.startswith("TZID:")] == [
        "TZID:Europe/Riga",
        "TZID:Europe/Rome",
    ]
    assert "DTSTART;TZID=Europe/Rome:20260201T090000" in lines


def test_an_event_only_in_italian_is_loaded_with_its_language(site: SiteFactory) -> None:
    write_event(site, "it", "fiera", start="2026-05-04T09:00", title="Fiera")
    (happening,) = load(site).happenings()
    assert set(happening.versions) == {"it"}
    assert happening.version_for("lv", ("lv", "en", "it")).lang == "it"


def test_check_passes_a_valid_event(
    site: SiteFactory, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    write_event(site, "lv", "seminars", start=local(3, 10), end=local(3, 12), projects="[neeghw]")
    code, out, err = run_cli("check")
    assert code == 0, out + err


def test_nothing_is_written_to_the_content_folder(site: SiteFactory, tmp_path: Path) -> None:
    path = site.root / write_event(site, "lv", "seminars", start="2026-03-10T10:00")
    before = path.read_bytes()
    load(site)
    assert path.read_bytes() == before


# -- the editor's commands ------------------------------------------------------------------


def test_new_event_writes_a_file_that_passes_the_checks(
    site: SiteFactory, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, out, err = run_cli(
        "new", "event", "--title", "Seminārs Rīgā", "--start", "2026-01-14T10:00",
        "--end", "2026-01-14T13:00", "--location", "Rīga, Brīvības iela 1", "--project", "neeghw",
    )  # fmt: skip
    assert code == 0, err
    assert "content/lv/events/2026/seminars-riga.md" in out
    (event,) = load(site).events
    assert (event.title, event.start, event.end, event.location, event.projects) == (
        "Seminārs Rīgā",
        Moment(dt.date(2026, 1, 14), dt.time(10)),
        Moment(dt.date(2026, 1, 14), dt.time(13)),
        "Rīga, Brīvības iela 1",
        ["neeghw"],
    )
    assert run_cli("check")[0] == 0
    before = (site.root / "content/lv/events/2026/seminars-riga.md").read_bytes()
    code, _out, err = run_cli(
        "new", "event", "--title", "Seminārs Rīgā", "--start", "2026-01-14T10:00"
    )  # fmt: skip
    assert code == 1 and "already exists" in err
    assert (site.root / "content/lv/events/2026/seminars-riga.md").read_bytes() == before


def test_new_event_without_a_place_asks_for_one(
    site: SiteFactory, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, out, _err = run_cli("new", "event", "--title", "Vebinārs", "--start", "2026-02-02")
    assert code == 0 and "location" in out
    code, out, err = run_cli("check")
    assert code == 1 and "content/lv/events/2026/vebinars.md:4: location: is empty" in out + err


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--start", "2026-01-14T10:00", "--end", "2026-01-14T09:00"], "before it starts"),
        (["--start", "10:00"], "time without a date"),
        (["--start", "2026-01-14", "--online-url", "zoom"], "not a web address"),
        (["--start", "2026-01-14", "--project", "nope"], "no project 'nope'"),
        (["--start", "2026-01-14", "--lang", "de"], "not a language of this site"),
    ],
)
def test_new_event_refuses_what_the_checks_refuse(
    site: SiteFactory,
    run_cli: Callable[..., tuple[int, str, str]],
    arguments: list[str],
    words: str,
) -> None:
    code, out, err = run_cli("new", "event", "--title", "Seminārs", *arguments)
    assert code == 1 and words in err and "Traceback" not in out + err
    assert not (site.root / "content/lv/events").exists()


def test_status_lists_events_and_their_translations(
    site: SiteFactory, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    write_event(site, "lv", "seminars", start="2026-03-10")
    write_event(site, "it", "seminars", start="2026-03-10")
    code, out, _err = run_cli("status")
    assert code == 0
    (row,) = [line.split() for line in out.splitlines() if "events/2026/seminars.md" in line]
    assert row == ["event", "events/2026/seminars.md", "source", "missing", "ok"]
