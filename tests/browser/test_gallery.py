"""The photo viewer of the Q2 2020 report, driven with the keyboard in Chromium, per language.

Opened with Enter on a thumbnail, it is a modal dialog with a counter (``1 / 5``), moves with
the arrow keys (and wraps), keeps Tab inside, closes with Esc and gives focus back to the
thumbnail; axe finds nothing in it while it is open. With JavaScript off, the thumbnails are
links to the photos themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, Page
from test_pages import WCAG_AA, axe_problems

if TYPE_CHECKING:
    from collections.abc import Callable

    from conftest import NetworkLog, ServedSite

pytestmark = pytest.mark.browser

POST = "news/2020/klastera-aktualitates-2-2020/"
CLOSE = {"lv": "Aizvērt", "en": "Close", "it": "Chiudere"}


def active(page: Page) -> str:
    """What has focus, as tag.class and text."""
    return str(
        page.evaluate(
            "() => { const e = document.activeElement;"
            " return e.tagName + '.' + e.className + '|' + (e.getAttribute('href') || e.textContent); }"
        )
    )


def test_viewer_works_with_the_keyboard(
    site: ServedSite,
    browser_page: tuple[Page, NetworkLog],
    node_tool: Callable[[str], Path],
    lang: str,
) -> None:
    page, _log = browser_page
    page.goto(site.url(lang, POST), wait_until="networkidle")
    links = page.locator("a.cs-gallery__link")
    count = links.count()
    assert count >= 3
    second = links.nth(1)
    second_href = second.get_attribute("href")
    second.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.cs-viewer")
    assert dialog.evaluate("d => d.open")
    counter = dialog.locator(".cs-viewer__counter")
    assert counter.inner_text() == f"2 / {count}"
    close = dialog.locator(".cs-viewer__close")
    assert close.inner_text() == CLOSE[lang]
    assert "cs-viewer__close" in active(page)
    assert dialog.locator("figcaption").get_attribute("aria-live") == "polite"
    caption = dialog.locator(".cs-viewer__text").inner_text()
    thumbnail_caption = second.get_attribute("data-caption")
    assert thumbnail_caption and caption.startswith(thumbnail_caption)
    shown = dialog.locator("img")
    assert shown.get_attribute("src") == second_href
    assert shown.get_attribute("alt") == second.locator("img").get_attribute("alt")

    page.keyboard.press("ArrowRight")
    assert counter.inner_text() == f"3 / {count}"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # past the first: wraps to the last
    assert counter.inner_text() == f"{count} / {count}"
    page.wait_for_function(
        "() => { const i = document.querySelector('dialog.cs-viewer img');"
        " return i.complete && i.naturalWidth > 0; }"
    )

    for _ in range(4):  # Tab and Shift+Tab never leave the viewer
        page.keyboard.press("Tab")
        assert "cs-viewer__" in active(page)
    page.keyboard.press("Shift+Tab")
    assert "cs-viewer__" in active(page)

    page.add_script_tag(path=node_tool("axe-core/axe.min.js"))
    problems = axe_problems(page, "dialog.cs-viewer", WCAG_AA)
    assert not problems, "\n".join(problems)

    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert active(page).endswith(f"|{second_href}")  # focus back on the thumbnail


def test_close_button_and_swipe(site: ServedSite, browser_page: tuple[Page, NetworkLog]) -> None:
    page, _log = browser_page
    page.goto(site.url("lv", POST), wait_until="networkidle")
    first = page.locator("a.cs-gallery__link").first
    first.click()
    dialog = page.locator("dialog.cs-viewer")
    counter = dialog.locator(".cs-viewer__counter")
    assert counter.inner_text().startswith("1 / ")
    box = dialog.locator("img").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.8, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.2, y)
    page.mouse.up()
    assert counter.inner_text().startswith("2 / ")
    dialog.locator(".cs-viewer__close").click()
    assert not dialog.evaluate("d => d.open")
    assert active(page).endswith(f"|{first.get_attribute('href')}")


def test_without_javascript_thumbnails_link_to_the_photos(
    site: ServedSite, browser: Browser
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url("en", POST))
        link = page.locator("a.cs-gallery__link").first
        href = link.get_attribute("href")
        assert href and href.endswith(".jpg")
        link.click()
        page.wait_for_load_state()
        assert page.url.endswith(href.rsplit("/", 1)[-1])
        assert page.evaluate("() => document.images[0].naturalWidth") > 0
    finally:
        context.close()
