"""The whole built site: valid HTML, no broken internal link, Lighthouse scores.

- Nu Html Checker (vnu.jar) over every HTML file: no error, except the few in
  ``KNOWN_MATERIAL_ISSUES``, each inside Material's own markup and explained.
- A crawl of everything reachable from the three language homes: every internal link,
  stylesheet, script and image answers 2xx (a redirect counts as broken: links must
  point at the final URL); the deliberate 404 URL answers 404.
- Lighthouse (mobile preset) on the home page, the Q2 2020 post, one project page and one
  event page of each language: accessibility, best practices and SEO 100. Performance is
  judged on what does not depend on the machine's speed (layout shift, page weight, DOM size,
  image sizing); its timed score is printed and kept in the report, not asserted, since a
  timed figure belongs to the benchmark. The runs take about three minutes on two cores.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections import deque
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from http.client import HTTPConnection
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

if TYPE_CHECKING:
    from conftest import ServedSite

pytestmark = pytest.mark.browser


class KnownIssue(NamedTuple):
    message: str  # the start of vnu's message
    extract: str  # a fragment of the offending markup, which must be Material's
    reason: str


KNOWN_MATERIAL_ISSUES: tuple[KnownIssue, ...] = (
    KnownIssue(
        message="Attribute “autocomplete” is only allowed when the input type is",
        extract='data-md-toggle="',
        reason="Material's base.html gives its hidden drawer and search toggle checkboxes "
        "autocomplete=off so that Firefox does not restore an open drawer on back/forward; "
        "HTML allows autocomplete on checkboxes for no such purpose, browsers ignore it",
    ),
    KnownIssue(
        message="The value of the “for” attribute of the “label” element must be the ID of",
        extract='<label class="md-nav__title" for="__toc">',
        reason="Material's partials/toc.html always labels its table of contents for the "
        "__toc checkbox, which partials/nav-item.html renders only for a page in the nav; "
        "posts are not in the nav, so on a post with headings the label points nowhere",
    ),
)

LIGHTHOUSE_PAGES = {
    "home": "",
    "post": "news/2020/klastera-aktualitates-2-2020/",
    "project": "projects/neeghw/",
    "event": "events/2027/biedru-kopsapulce/",
}
LIGHTHOUSE_MINIMUM = {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
# Performance audits whose result depends on the page, not on how busy the machine is: the
# largest value each may reach (Lighthouse's "good" thresholds; 500 kB is a first visit's budget).
LIGHTHOUSE_UNTIMED_LIMITS = {
    "cumulative-layout-shift": 0.1,
    "total-byte-weight": 500_000,
    "dom-size": 800,
}
# Binary performance audits that must pass: every image has its size, text is readable
# while web fonts load.
LIGHTHOUSE_UNTIMED_PASSES = ("unsized-images", "font-display")
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src"}


# --- Nu Html Checker -----------------------------------------------------------------------


def is_known(message: dict[str, Any]) -> bool:
    text, extract = message.get("message", ""), message.get("extract", "")
    return any(
        text.startswith(known.message) and known.extract in extract
        for known in KNOWN_MATERIAL_ISSUES
    )


def format_vnu(message: dict[str, Any], root: Path) -> str:
    where = message.get("url", "").removeprefix(f"file:{root}/")
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{message.get('lastLine', '?')}: {message['message']}\n    {extract}"


def test_html_is_valid(site: ServedSite, node_tool: Callable[[str], Path]) -> None:
    files = sorted(str(path) for path in site.root.rglob("*.html"))
    vnu = node_tool("vnu-jar/build/dist/vnu.jar")
    command = ["java", "-jar", str(vnu), "--errors-only", "--format", "json", "--stdout"]
    result = subprocess.run([*command, *files], capture_output=True, text=True, check=False)
    messages = json.loads(result.stdout)["messages"]
    errors = [format_vnu(m, site.root) for m in messages if not is_known(m)]
    assert not errors, f"{len(errors)} vnu errors in {len(files)} files:\n" + "\n".join(errors)


# --- Internal links --------------------------------------------------------------------------


class LinkParser(HTMLParser):
    """Collects a[href], link[href], script[src] and img[src] of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = LINK_ATTRIBUTES.get(tag)
        self.links += [value for name, value in attrs if name == wanted and value]


def fetch(url: str) -> tuple[int, str, bytes]:
    """GET without following redirects: status, content type, body."""
    parts = urlsplit(url)
    connection = HTTPConnection(parts.netloc, timeout=30)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        connection.close()


def links_of(url: str, html: bytes) -> Iterator[str]:
    parser = LinkParser()
    parser.feed(html.decode("utf-8", errors="replace"))
    for link in parser.links:
        yield urldefrag(urljoin(url, link)).url


def crawl(site: ServedSite, start: list[str]) -> dict[str, tuple[int, str]]:
    """Every same-origin URL reachable from ``start``: its status and the page linking it."""
    origin = urlsplit(site.base_url).netloc
    found: dict[str, str] = dict.fromkeys(start, "(start)")
    results: dict[str, tuple[int, str]] = {}
    queue = deque(start)
    while queue:
        url = queue.popleft()
        status, content_type, body = fetch(url)
        results[url] = (status, found[url])
        if not (content_type.startswith("text/html") and url.startswith(site.base_url)):
            continue
        for link in links_of(url, body):
            parts = urlsplit(link)
            if parts.scheme == "http" and parts.netloc == origin and link not in found:
                found[link] = url
                queue.append(link)
    return results


def test_internal_links_resolve(site: ServedSite) -> None:
    missing = {site.missing_url(lang) for lang in site.langs}
    results = crawl(site, [site.url(lang) for lang in site.langs] + sorted(missing))
    broken = [
        f"{status} {url}  (linked from {referrer})"
        for url, (status, referrer) in sorted(results.items())
        if (status != 404 if url in missing else not 200 <= status < 300)
    ]
    assert not broken, f"{len(broken)} of {len(results)} URLs are broken:\n" + "\n".join(broken)


# --- Lighthouse ------------------------------------------------------------------------------


def chrome_flags(args: tuple[str, ...]) -> str:
    """Chromium's arguments as one --chrome-flags value, quoting values with spaces."""
    quoted = [arg if " " not in arg else '{}="{}"'.format(*arg.split("=", 1)) for arg in args]
    return " ".join(["--headless=new", *quoted])


def failing_audits(report: dict[str, Any], category: str) -> list[str]:
    audits = report["audits"]
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            shown = audit.get("displayValue", "")
            lines.append(f"    {audit['score']:.2f} {audit['title']} {shown}".rstrip())
    return lines


@pytest.mark.parametrize("kind", LIGHTHOUSE_PAGES)
def test_lighthouse(
    site: ServedSite,
    node_tool: Callable[[str], Path],
    chromium_args: tuple[str, ...],
    test_output: Path,
    lang: str,
    kind: str,
) -> None:
    url = site.url(lang, LIGHTHOUSE_PAGES[kind])
    report_path = test_output / "lighthouse" / f"{lang}-{kind}.json"
    report_path.parent.mkdir(exist_ok=True)
    command = [
        str(node_tool(".bin/lighthouse")), url,
        "--output", "json", "--output-path", str(report_path),
        f"--chrome-flags={chrome_flags(chromium_args)}",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--quiet", "--no-enable-error-reporting",
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    started = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    report = json.loads(report_path.read_text(encoding="utf-8"))
    audits = report["audits"]
    print(
        f"lighthouse {lang}-{kind}: {time.monotonic() - started:.1f} s, timed performance "
        f"score {report['categories']['performance']['score']} (reported, not asserted)"
    )

    problems = []
    for category, minimum in LIGHTHOUSE_MINIMUM.items():
        score = report["categories"][category]["score"]
        if score is None or score < minimum:
            problems.append(f"{category}: {score}, needs {minimum}")
            problems += failing_audits(report, category)
    for audit_id, limit in LIGHTHOUSE_UNTIMED_LIMITS.items():
        value = audits[audit_id].get("numericValue")
        if value is None or value > limit:
            problems.append(f"performance, {audits[audit_id]['title']}: {value}, at most {limit}")
    for audit_id in LIGHTHOUSE_UNTIMED_PASSES:
        if audits[audit_id]["score"] not in (1, None):  # None: nothing on the page to judge
            problems.append(f"performance, {audits[audit_id]['title']}: does not pass")
    assert not problems, f"{url} (report: {report_path}):\n" + "\n".join(problems)
