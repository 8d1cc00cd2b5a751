"""The default site's events section, built at a fixed time (SOURCE_DATE_EPOCH 2026-12-01).

The demo has one past event (17 March 2021) and one upcoming at its real date (18 March 2027);
pinning the build time keeps these tests true after that date passes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from support import REPO, check_rfc5545

EPOCH = "1796083200"  # 2026-12-01T00:00:00Z
UPCOMING = "events/2027/biedru-kopsapulce/"
PAST = "events/2021/neeghw-partneru-tiksanas/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from clustersite.build import build_site

    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        site_dir = tmp_path_factory.mktemp("default-events") / "site"
        assert build_site(REPO / "mkdocs.yml", site_dir, strict=True) == 0
        return site_dir
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def read(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


def main_column(html: str) -> str:
    return html.split('<article class="md-content__inner', 1)[1].split(
        '<footer class="md-footer', 1
    )[0]


@pytest.mark.parametrize(
    ("root", "title", "past_link"),
    [
        ("", "LETERA biedru kopsapulce 2027", "Visi pagājušie notikumi"),
        ("en/", "LETERA general meeting 2027", "All past events"),
        ("it/", "Assemblea generale di LETERA 2027", "Tutti gli eventi passati"),
    ],
)
def test_events_lists_the_upcoming_event_and_links_the_past(
    site: Path, root: str, title: str, past_link: str
) -> None:
    html = main_column(read(site, f"{root}events/index.html"))
    assert title in html and past_link in html
    assert "NEEGHW" not in html  # the 2021 meeting is past
    past = main_column(read(site, f"{root}events/past/index.html"))
    assert "NEEGHW" in past


@pytest.mark.parametrize(
    ("root", "phrase"),
    [
        ("", "2027. gada 18. martā plkst. 14.00–17.00"),
        ("en/", "18 March 2027, 14:00–17:00"),
        ("it/", "18 marzo 2027, ore 14:00–17:00"),
    ],
)
def test_each_event_page_shows_its_time_in_the_page_language(
    site: Path, root: str, phrase: str
) -> None:
    assert phrase in main_column(read(site, f"{root}{UPCOMING}index.html"))


def test_calendars_of_the_default_site_hold_to_rfc_5545(site: Path) -> None:
    for root in ("", "en/", "it/"):
        lines = check_rfc5545((site / f"{root}events/calendar.ics").read_bytes(), 1)
        assert "DTSTART;TZID=Europe/Riga:20270318T140000" in lines
        (uid,) = [line for line in lines if line.startswith("UID:")]
        assert re.fullmatch(r"UID:2027-biedru-kopsapulce@[a-z0-9.-]+", uid), uid
        for page in (UPCOMING, PAST):
            check_rfc5545((site / f"{root}{page.rstrip('/')}.ics").read_bytes(), 1)


def test_a_project_page_lists_its_events(site: Path) -> None:
    html = main_column(read(site, "en/projects/neeghw/index.html"))
    assert "NEEGHW partners" in html  # the apostrophe is escaped in HTML
    assert "LETERA general meeting 2027" in main_column(
        read(site, "en/projects/letera-cluster/index.html")
    )


def test_home_page_shows_the_upcoming_event(site: Path) -> None:
    assert "Assemblea generale di LETERA 2027" in main_column(read(site, "it/index.html"))
