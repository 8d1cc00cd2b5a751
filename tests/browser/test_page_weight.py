"""What a visitor downloads (issue 9): a light first visit, and search that costs nothing until used.

On the default site and on a 300-post synthetic site (scripts/gen_synthetic.py): the first
visit to a post fetches no search index and no sitemap and stays under 400 KB; opening
search then loads only the page's language's index, and a word typed without its
diacritics finds the post that has them.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, Request

if TYPE_CHECKING:
    from conftest import ServedSite

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIRST_VISIT_LIMIT = 400 * 1024  # bytes, uncompressed


@dataclass
class Visit:
    requests: list[str]
    bytes: int


def first_visit(browser: Browser, url: str) -> tuple[Visit, object]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    visit = Visit([], 0)

    def on_finished(request: Request) -> None:
        response = request.response()
        if response is not None:
            visit.bytes += len(response.body())

    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("requestfinished", on_finished)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return visit, (context, page)


def is_index_or_sitemap(url: str) -> bool:
    return url.endswith(("search_index.json", "sitemap.xml", "sitemap.xml.gz"))


def search(page: object, query: str) -> str:
    page.focus("input[data-md-component=search-query]")  # type: ignore[attr-defined]
    page.keyboard.type(query)  # type: ignore[attr-defined]
    page.wait_for_selector(".md-search-result__item", timeout=15_000)  # type: ignore[attr-defined]
    return page.inner_text(".md-search-result")  # type: ignore[attr-defined]


def test_default_site_post(browser: Browser, site: ServedSite) -> None:
    visit, (context, page) = first_visit(
        browser, site.url("en", "news/2020/klastera-aktualitates-2-2020/")
    )
    try:
        assert not [u for u in visit.requests if is_index_or_sitemap(u)], visit.requests
        assert visit.bytes < FIRST_VISIT_LIMIT, visit.bytes
        before = len(visit.requests)
        results = search(page, "Cluster")
        loaded = [u for u in visit.requests[before:] if is_index_or_sitemap(u)]
        assert loaded == [site.url("en", "search/search_index.json")]
        assert "Cluster news 2/2020" in results
    finally:
        context.close()  # type: ignore[attr-defined]


def test_latvian_word_without_diacritics(browser: Browser, site: ServedSite) -> None:
    visit, (context, page) = first_visit(browser, site.url("lv", "news/"))
    try:
        results = search(page, "aktualitates")
        assert "Klastera aktualitātes 2/2020" in results
        indexes = [u for u in visit.requests if is_index_or_sitemap(u)]
        assert indexes == [site.url("lv", "search/search_index.json")]
    finally:
        context.close()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A 300-post site, built and served like the default site."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    work = tmp_path_factory.mktemp("synthetic")
    source = work / "source"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/gen_synthetic.py"),
            "--posts",
            "300",
            "--out",
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    from clustersite.build import build_site

    assert build_site(source / "mkdocs.yml", work / "site", strict=False) == 0

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(work / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_synthetic_site_post(browser: Browser, synthetic_site: str) -> None:
    visit, (context, page) = first_visit(browser, synthetic_site + "news/")
    try:
        first_post = page.get_attribute(".cs-entry__title a", "href")  # type: ignore[attr-defined]
        assert first_post
    finally:
        context.close()  # type: ignore[attr-defined]
    visit, (context, page) = first_visit(browser, synthetic_site + "news/" + first_post)
    try:
        assert not [u for u in visit.requests if is_index_or_sitemap(u)], visit.requests
        assert visit.bytes < FIRST_VISIT_LIMIT, visit.bytes
        results = search(page, "klastera")
        assert results
        assert [u for u in visit.requests if is_index_or_sitemap(u)] == [
            synthetic_site + "search/search_index.json"
        ]
    finally:
        context.close()  # type: ignore[attr-defined]
