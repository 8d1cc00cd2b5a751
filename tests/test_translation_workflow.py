"""A copy made by `clustersite translate` is work in progress until the editor marks it done."""

from __future__ import annotations

from collections.abc import Callable

from clustersite.cli import main
from support import SiteFactory

NOTICE = "This page has not been translated into English yet. It is shown in Latvian."


def _article(html: str) -> str:
    start = html.index('<article class="cs-post"')
    return html[start : html.index(">", start) + 1]


def test_a_fresh_copy_shows_the_notice_and_keeps_the_source_language_until_marked_translated(
    make_site: Callable[..., SiteFactory],
) -> None:
    site = make_site()
    site.post("lv", 2020, "x", "Sākas projekts", "2020-09-01")
    assert (
        main(["translate", "--root", str(site.root), "content/lv/news/2020/x.md", "--to", "en"])
        == 0
    )
    copy = site.root / "content/en/news/2020/x.md"
    assert "\ntranslated: false" in copy.read_text(encoding="utf-8")

    site.build()
    page = site.html("en/news/2020/x/index.html")
    assert NOTICE in page
    assert 'lang="lv"' in _article(page)  # the text is still Latvian: screen readers read it so
    notice = page[page.index('<aside class="cs-notice"') :].split("</aside>", 1)[0]
    assert 'hreflang="lv"' in notice  # the text in Latvian is offered
    assert 'hreflang="en"' not in notice  # but not this page, which is not yet in English

    # the editor translates the text and marks it done
    text = copy.read_text(encoding="utf-8").replace("Sākas projekts", "The project starts")
    copy.write_text(text.replace("\ntranslated: false", "\ntranslated: true"), encoding="utf-8")
    site.build()
    page = site.html("en/news/2020/x/index.html")
    assert NOTICE not in page
    assert "lang=" not in _article(page)
    assert "<h1>The project starts</h1>" in page
