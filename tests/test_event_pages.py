"""The events section as built: listings, event pages, project links and calendar files.

The site is built with SOURCE_DATE_EPOCH set and event dates relative to it, so the upcoming
events stay upcoming whenever the tests run.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from support import SiteFactory, check_rfc5545, event_text

EPOCH = 1767225600  # 2026-01-01T00:00:00Z
NOW = dt.datetime.fromtimestamp(EPOCH, tz=dt.UTC)
RIGA = ZoneInfo("Europe/Riga")


def day(days: int) -> dt.date:
    return (NOW.astimezone(RIGA) + dt.timedelta(days=days)).date()


def at(days: int, hour: int, minute: int = 0) -> str:
    return f"{day(days).isoformat()}T{hour:02d}:{minute:02d}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site with a past, an upcoming, a cancelled, an overnight and an Italian-only event."""
    import os

    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(EPOCH)
    try:
        site = SiteFactory(tmp_path_factory.mktemp("events") / "src", per_page=1)
        future = day(20).year

        def put(lang: str, year: int, slug: str, **fields: object) -> None:
            site.write(f"content/{lang}/events/{year}/{slug}.md", event_text(**fields))

        past_year = day(-40).year
        for lang, title in (("lv", "Pagājušais seminārs"), ("en", "Past seminar")):
            put(
                lang,
                past_year,
                "pagajis",
                title=f"'{title}'",
                start=at(-40, 10),
                end=at(-40, 12),
                location="Rīga",
                projects="[neeghw]",
            )
        put("lv", day(-80).year, "vecs", title="Vecs", start=day(-80).isoformat(), location="Rīga")
        for lang, title in (
            ("lv", "Gaidāmais seminārs"),
            ("en", "Coming seminar"),
            ("it", "Seminario"),
        ):
            put(
                lang,
                future,
                "gaidams",
                title=f"'{title}'",
                start=at(20, 10),
                end=at(20, 13),
                location="'Rīga, Brīvības iela 1'",
                registration_url="https://example.org/register",
                registration_deadline=day(15).isoformat(),
                projects="[neeghw]",
            )
        put(
            "lv",
            day(21).year,
            "nakts",
            title="Nakts",
            start=at(21, 22),
            end=at(22, 2),
            location="online",
            online_url="https://example.org/live",
        )
        put(
            "lv",
            day(25).year,
            "atcelts",
            title="Atcelts",
            start=at(25, 9),
            location="Rīga",
            cancelled="true",
            cancelled_note="'Lektors saslima.'",
        )
        put(
            "it",
            day(30).year,
            "fiera",
            title="Fiera",
            start=day(30).isoformat(),
            end=day(31).isoformat(),
            location="Milano",
        )
        site.build()
        return site.root / "site"
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def read(built: Path, relative: str) -> str:
    return (built / relative).read_text(encoding="utf-8")


def content(html: str) -> str:
    """The page's main column (Material's article), without header, navigation or footer."""
    return html.split('<article class="md-content__inner', 1)[1].split(
        '<footer class="md-footer', 1
    )[0]


def titles(html: str) -> list[str]:
    return re.findall(r'class="cs-entry__title"><a href="[^"]*"[^>]*>([^<]+)</a>', content(html))


@pytest.mark.parametrize("root", ["", "en/", "it/"])
def test_every_language_lists_upcoming_events_soonest_first(built: Path, root: str) -> None:
    html = read(built, f"{root}events/index.html")
    names = titles(html)
    assert names[1:] == ["Nakts", "Atcelts", "Fiera"]
    assert names[0] in ("Gaidāmais seminārs", "Coming seminar", "Seminario")
    assert 'href="past/"' in html  # the link to past events


def test_an_event_only_in_italian_lists_in_latvian_marked_and_links_to_its_page(
    built: Path,
) -> None:
    html = content(read(built, "events/index.html"))
    assert 'href="../it/events/' in html and 'lang="it"' in html
    assert "itāļu" in html  # "in Italian", said in Latvian


def test_past_events_are_newest_first_and_paginated(built: Path) -> None:
    first, second = (
        read(built, "events/past/index.html"),
        read(built, "events/past/page/2/index.html"),
    )
    assert titles(first) == ["Pagājušais seminārs"] and titles(second) == ["Vecs"]
    assert 'href="page/2/"' in first


def test_a_year_page_lists_that_years_events(built: Path) -> None:
    year = day(20).year
    names = titles(read(built, f"events/{year}/index.html"))
    assert "Gaidāmais seminārs" in names


def test_event_page_in_each_language_shows_time_in_its_language(built: Path) -> None:
    start = day(20)
    months_lv = [
        "janvārī",
        "februārī",
        "martā",
        "aprīlī",
        "maijā",
        "jūnijā",
        "jūlijā",
        "augustā",
        "septembrī",
        "oktobrī",
        "novembrī",
        "decembrī",
    ]
    months_it = [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ]
    months_en = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    path = f"events/{start.year}/gaidams/index.html"
    expected = {
        "": f"{start.year}. gada {start.day}. {months_lv[start.month - 1]} plkst. 10.00–13.00",
        "it/": f"{start.day} {months_it[start.month - 1]} {start.year}, ore 10:00–13:00",
        "en/": f"{start.day} {months_en[start.month - 1]} {start.year}, 10:00–13:00",
    }
    for root, phrase in expected.items():
        html = content(read(built, root + path))
        assert phrase in html, root
        assert 'href="https://example.org/register"' in html  # registration still open
        assert "gaidams.ics" in html  # Add to calendar
        assert "cs-eu-emblem" in html


def test_an_overnight_event_names_both_days(built: Path) -> None:
    first, second = day(21), day(22)
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    # the Latvian text on the English site (no English version): times in English
    html = content(read(built, f"en/events/{first.year}/nakts/index.html"))
    start = f"{first.day} {months[first.month - 1]} {first.year}, 22:00"
    end = f"{second.day} {months[second.month - 1]} {second.year}, 02:00"
    assert f"{start} – {end}" in html


def test_a_cancelled_event_says_so_and_its_json_ld_too(built: Path) -> None:
    year = day(25).year
    html = read(built, f"events/{year}/atcelts/index.html")
    assert "Notikums atcelts" in content(html) and "Lektors saslima." in content(html)
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html).group(1))  # type: ignore[union-attr]
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert "offers" not in data
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_json_ld_of_an_event_with_registration_has_an_offer(built: Path) -> None:
    year = day(20).year
    html = read(built, f"events/{year}/gaidams/index.html")
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html).group(1))  # type: ignore[union-attr]
    assert data["@type"] == "Event" and data["offers"]["url"] == "https://example.org/register"
    assert data["location"]["@type"] == "Place"
    online = read(built, f"events/{day(21).year}/nakts/index.html")
    online_data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', online).group(1))  # type: ignore[union-attr]
    assert online_data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online_data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://example.org/live",
    }


def test_registration_closed_after_the_deadline(built: Path) -> None:
    # the past seminar had no registration; the coming one closes on day 15: still open
    html = content(read(built, f"events/{day(-40).year}/pagajis/index.html"))
    assert "Reģistrēties" not in html


def test_a_project_page_lists_its_events(built: Path) -> None:
    names = titles(read(built, "projects/neeghw/index.html"))
    assert "Pagājušais seminārs" in names and "Gaidāmais seminārs" in names


def test_home_page_shows_upcoming_events(built: Path) -> None:
    html = read(built, "en/index.html")
    assert "Coming seminar" in html and "Past seminar" not in html


def test_the_calendar_feed_holds_upcoming_events_only(built: Path) -> None:
    data = (built / "events" / "calendar.ics").read_bytes()
    lines = check_rfc5545(data, 4)
    summaries = sorted(line.split(":", 1)[1] for line in lines if line.startswith("SUMMARY"))
    assert summaries == ["Atcelts", "Fiera", "Gaidāmais seminārs", "Nakts"]
    assert lines.count("STATUS:CANCELLED") == 1
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    italian = next(e for e in events if str(e["summary"]) == "Fiera")
    assert italian.decoded("dtstart") == day(30)
    assert italian.decoded("dtend") == day(32)  # the day after the last day


def test_each_event_has_its_own_calendar_file_with_a_stable_uid(built: Path) -> None:
    year = day(20).year
    latvian = check_rfc5545((built / f"events/{year}/gaidams.ics").read_bytes(), 1)
    english = check_rfc5545((built / f"en/events/{year}/gaidams.ics").read_bytes(), 1)
    uid = [line for line in latvian if line.startswith("UID:")]
    assert (
        uid
        == [line for line in english if line.startswith("UID:")]
        == [f"UID:{year}-gaidams@example.org"]
    )
    assert f"DTSTART;TZID=Europe/Riga:{day(20).strftime('%Y%m%d')}T100000" in latvian


def test_the_switcher_of_event_pages_leads_to_the_same_page(built: Path) -> None:
    html = read(built, "en/events/past/index.html")
    assert 'href="../../../events/past/" hreflang="lv"' in html
    assert 'href="../../../it/events/past/" hreflang="it"' in html


def test_event_pages_are_in_the_sitemap(built: Path) -> None:
    sitemap = read(built, "sitemap.xml")
    for path in ("events/", "en/events/past/", f"it/events/{day(30).year}/fiera/"):
        assert f"<loc>https://example.org/site/{path}</loc>" in sitemap


def test_a_broken_event_stops_the_build_with_its_message(
    make_site: Callable[..., SiteFactory],
) -> None:
    site = make_site()
    site.write(
        "content/lv/events/2026/x.md",
        event_text(title="X", start="2026-03-10T10:00", end="2026-03-10T09:00", location="Rīga"),
    )
    command = [sys.executable, "-m", "clustersite.build", "--strict"]
    command += ["--config-file", str(site.root / "mkdocs.yml")]
    result = subprocess.run(
        command, cwd=site.root, capture_output=True, text=True, timeout=300, check=False
    )
    output = result.stderr + result.stdout
    assert result.returncode != 0
    assert "content/lv/events/2026/x.md:4: end: the event ends" in output
    assert "Traceback" not in output
