"""`clustersite new`: translations share one path; a title without letters asks for a slug."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clustersite.cli import main
from support import SiteFactory


def _new(site: SiteFactory, *args: str) -> int:
    return main(["new", *args, "--root", str(site.root)])


def test_a_quarterly_report_in_another_language_takes_the_existing_slug(
    make_site: Callable[..., SiteFactory], capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site()
    assert _new(site, "quarterly", "2021", "2") == 0
    assert (site.root / "content/lv/news/2021/klastera-aktualitates-2-2021.md").is_file()
    assert _new(site, "quarterly", "2021", "2", "--lang", "en") == 0
    assert _new(site, "quarterly", "2021", "2", "--lang", "it") == 0
    english = site.root / "content/en/news/2021/klastera-aktualitates-2-2021.md"
    assert "title: Cluster news 2/2021" in english.read_text(encoding="utf-8")
    assert (site.root / "content/it/news/2021/klastera-aktualitates-2-2021.md").is_file()
    assert sorted(p.name for p in (site.root / "content/en/news/2021").iterdir()) == [
        "klastera-aktualitates-2-2021.md"
    ]
    # a second report of the same quarter and language is refused, whatever its address
    capsys.readouterr()
    assert _new(site, "quarterly", "2021", "2", "--lang", "en") == 1
    assert "is already the report of 2/2021 in en" in capsys.readouterr().err


@pytest.mark.parametrize("title", ["🎉🎉🎉", "★ ★", "—"])
def test_a_title_without_letters_asks_for_a_slug(
    make_site: Callable[..., SiteFactory], capsys: pytest.CaptureFixture[str], title: str
) -> None:
    site = make_site()
    before = sorted((site.root / "content").rglob("*"))
    assert _new(site, "post", "--title", title, "--date", "2021-05-04") == 1
    assert "--slug" in capsys.readouterr().err
    assert sorted((site.root / "content").rglob("*")) == before
    assert _new(site, "post", "--title", title, "--date", "2021-05-04", "--slug", "svetki") == 0
    assert (site.root / "content/lv/news/2021/svetki.md").is_file()
