"""Every kind of page, in every language, as a visitor's browser sees it.

For each page: it loads without a console error, a failed request or a request to another
host; ``<html lang>`` is the page's language; the language switcher leads to the same page
in the other two languages; axe-core finds no WCAG 2.1 A/AA violation. A full-page
screenshot of each lands in ``test-output/screenshots/<lang>-<kind>.png``.

The 404 page is one document for all three languages (GitHub Pages serves one): it is in
the default language, with a ``lang``-marked section per language, and its language links
lead to each language's home page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

if TYPE_CHECKING:
    from collections.abc import Callable

    from conftest import NetworkLog, ServedSite

pytestmark = pytest.mark.browser

# Page kind -> path relative to the language root; None is the deliberate 404.
PAGES: dict[str, str | None] = {
    "home": "",
    "news": "news/",
    "year": "news/2020/",
    "quarter": "news/2020/q2/",
    "post": "news/2020/klastera-aktualitates-2-2020/",
    "projects": "projects/",
    "project": "projects/neeghw/",
    "events": "events/",
    "events-past": "events/past/",
    "events-year": "events/2027/",
    "event": "events/2027/biedru-kopsapulce/",
    "event-online": "events/2021/neeghw-partneru-tiksanas/",
    "404": None,
}
WCAG_AA = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
CONTRAST = {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}
AXE_RUN = """async (context, runOnly) => {
  const result = await axe.run(context, {runOnly});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""
# Interactive states whose colours axe only sees while they last: (element, state).
STATE_PROBES = (
    (".md-tabs__link", "hover"),
    (".md-tabs__link", "focus"),
    (".md-content a[href]", "hover"),
    (".md-content a[href]", "focus"),
    (".md-footer a[href]", "hover"),
    (".md-footer a[href]", "focus"),
    (".md-select__link", "focus"),
)
LOCAL_SCHEMES = {"data", "blob", "about"}


def is_404(kind: str) -> bool:
    return PAGES[kind] is None


def page_url(site: ServedSite, lang: str, kind: str) -> str:
    path = PAGES[kind]
    return site.missing_url(lang) if path is None else site.url(lang, path)


def counterpart_url(site: ServedSite, lang: str, kind: str) -> str:
    """Where the switcher must lead: the same page, or for the 404 page that language's home."""
    return site.url(lang) if is_404(kind) else page_url(site, lang, kind)


def network_problems(log: NetworkLog, document_url: str, expected_status: int) -> list[str]:
    """Console errors, failed requests and requests to hosts other than 127.0.0.1."""
    problems = [
        f"console error: {text}"
        for text in log.console_errors
        if not is_expected_404_report(text, document_url, expected_status)
    ]
    problems += [f"request failed: {failure}" for failure in log.failures]
    problems += [
        f"HTTP {status}: {url}"
        for url, status in log.responses.items()
        if status >= 400 and not (url == document_url and status == expected_status)
    ]
    for url in log.requests:
        parts = urlsplit(url)
        if parts.scheme not in LOCAL_SCHEMES and parts.hostname != "127.0.0.1":
            problems.append(f"request to another host: {url}")
    return problems


def is_expected_404_report(text: str, document_url: str, expected_status: int) -> bool:
    """Chromium logs the 404 status of the 404 document itself; that one is intended."""
    return expected_status == 404 and text.endswith(f"({document_url})") and " 404 " in text


def lang_problems(page: Page, site: ServedSite, lang: str, kind: str) -> list[str]:
    """``<html lang>``; on the shared 404 page, the default language plus a section in ``lang``."""
    expected = site.default_lang if is_404(kind) else lang
    actual = page.evaluate("document.documentElement.lang")
    problems = [] if actual == expected else [f'<html lang="{actual}">, expected "{expected}"']
    if is_404(kind) and page.locator(f'main [lang="{lang}"]').count() == 0:
        problems.append(f'404 page: no section with lang="{lang}" in <main>')
    return problems


def switcher_problems(page: Page, site: ServedSite, lang: str, kind: str) -> list[str]:
    """The hreflang links lead to this page in the other languages, and all of them load.

    Normally the header's language menu carries them; the 404 page may carry them in its
    language sections instead, where each language's home must be among them."""
    scope = "body" if is_404(kind) else "header"
    links: list[list[str]] = page.eval_on_selector_all(
        f"{scope} a[hreflang]", "els => els.map((e) => [e.hreflang, e.href])"
    )
    problems = []
    for other in (code for code in site.langs if code != lang):
        expected = counterpart_url(site, other, kind)
        hrefs = [href for code, href in links if code == other]
        if urlsplit(expected).path not in {urlsplit(href).path for href in hrefs}:
            problems.append(f"switcher {other}: {hrefs or 'no link'}, expected {expected}")
        for href in hrefs:
            if (status := page.request.get(href).status) != 200:
                problems.append(f"switcher {other}: {href} answered {status}")
    return problems


def language_menu_problems(page: Page, site: ServedSite) -> list[str]:
    """A language menu in the header offers every language (an empty one opens on nothing)."""
    if page.locator("header .md-select").count() == 0:
        return []
    entries = page.locator("header .md-select__link").count()
    expected = len(site.langs)
    return [] if entries == expected else [f"language menu: {entries} entries, not {expected}"]


def axe_problems(
    page: Page, context: str = "html", run_only: dict[str, Any] | None = None
) -> list[str]:
    """axe-core's violations inside the first element matching ``context``, formatted."""
    spec = run_only or WCAG_AA
    violations: list[dict[str, Any]] = page.locator(context).first.evaluate(AXE_RUN, spec)
    return [format_violation(violation) for violation in violations]


def format_violation(violation: dict[str, Any], max_nodes: int = 6) -> str:
    nodes = violation["nodes"]
    lines = [f"axe [{violation['impact']}] {violation['id']}: {violation['help']}"]
    for node in nodes[:max_nodes]:
        summary = " ".join(node["summary"].split())
        lines.append(f"    {node['target']}: {summary}")
    if len(nodes) > max_nodes:
        lines.append(f"    … and {len(nodes) - max_nodes} more")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", PAGES)
def test_page(
    site: ServedSite,
    browser_page: tuple[Page, NetworkLog],
    node_tool: Callable[[str], Path],
    test_output: Path,
    lang: str,
    kind: str,
) -> None:
    page, log = browser_page
    url = page_url(site, lang, kind)
    expected_status = 404 if is_404(kind) else 200
    response = page.goto(url, wait_until="networkidle")
    assert response is not None, f"no response for {url}"
    assert response.status == expected_status, f"{url} answered {response.status}"

    screenshots = test_output / "screenshots"
    screenshots.mkdir(exist_ok=True)
    page.screenshot(path=screenshots / f"{lang}-{kind}.png", full_page=True)

    problems = network_problems(log, url, expected_status)
    problems += lang_problems(page, site, lang, kind)
    problems += switcher_problems(page, site, lang, kind)
    problems += language_menu_problems(page, site)
    page.add_script_tag(path=node_tool("axe-core/axe.min.js"))
    problems += axe_problems(page)
    assert not problems, f"{url}:\n" + "\n".join(problems)


def test_hover_and_focus_keep_contrast(
    site: ServedSite, browser_page: tuple[Page, NetworkLog], node_tool: Callable[[str], Path]
) -> None:
    """Tabs, text links, footer links and the language menu stay AA while hovered or focused."""
    page, _ = browser_page
    page.goto(site.url(site.default_lang, PAGES["post"] or ""), wait_until="networkidle")
    page.add_script_tag(path=node_tool("axe-core/axe.min.js"))
    problems = []
    for selector, state in STATE_PROBES:
        element = page.locator(selector).first
        if element.count() == 0:
            problems.append(f"nothing matches {selector}")
            continue
        element.hover() if state == "hover" else element.focus()
        page.wait_for_timeout(400)  # Material's colour and opacity transitions
        found = axe_problems(page, f"{selector} >> nth=0", CONTRAST)
        problems += [f"{state} {selector}: {violation}" for violation in found]
        page.mouse.move(0, 0)
        page.evaluate("document.activeElement && document.activeElement.blur()")
    assert not problems, "\n".join(problems)
