"""Measure what a visitor's browser downloads on a first visit to one post of a built site.

``python scripts/page_weight.py --site-dir site`` serves the built site on 127.0.0.1 (a
``http.server`` in a thread, on a free port), opens the first post page of the default
language in headless Chromium (Playwright, the system's ``/usr/bin/chromium``; every host
other than 127.0.0.1 is unresolvable, so nothing leaves the machine), waits until the network
is idle and reports:

- every response of that first visit, with its uncompressed body size and the size of the
  body compressed with gzip level 6 (roughly what a static host such as GitHub Pages sends);
- the requests for a search index (``search_index.json`` or any file under ``search/``) and
  for ``sitemap.xml`` that the page made before any interaction: Material can fetch its whole
  search index on page load, which for thousands of posts costs every visitor far more than
  the page itself (issue 9);
- the size of the largest search index file in the site directory.

"First post" is the first ``news/<yyyy>/<slug>/index.html`` in path order below the default
language's root (the site root for clustersite, ``lv/`` for the plain Material baseline);
``--page`` names another page. ``--json`` prints the result for ``scripts/bench.py``.
Sizes are in KB of 1024 bytes.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import re
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["PageWeight", "find_first_post", "largest_search_index", "measure"]

CHROMIUM = "/usr/bin/chromium"
DEFAULT_LANGUAGE = "lv"
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
NOT_A_POST = re.compile(r"^(page|q[1-4])$")
TIMEOUT_MS = 60_000


@dataclass
class Resource:
    url: str  # path and query, relative to the server
    status: int
    content_type: str
    bytes: int
    gzip_bytes: int


@dataclass
class PageWeight:
    page: str
    chromium: str
    resources: list[Resource] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # requests that got no response
    search_requests: list[str] = field(default_factory=list)
    sitemap_requests: list[str] = field(default_factory=list)
    largest_search_index: str | None = None
    largest_search_index_bytes: int = 0

    @property
    def total_bytes(self) -> int:
        return sum(r.bytes for r in self.resources)

    @property
    def total_gzip_bytes(self) -> int:
        return sum(r.gzip_bytes for r in self.resources)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["total_bytes"] = self.total_bytes
        data["total_gzip_bytes"] = self.total_gzip_bytes
        return data


def find_first_post(site_dir: Path, prefix: str | None = None) -> str:
    """The URL path of the first post page, e.g. ``news/2017/some-slug/``.

    ``prefix`` is the default language's folder in the output ('' for clustersite, 'lv/' for
    the baseline); None tries '', then 'lv/' (our default language), then any other folder.
    """
    folders = sorted(
        f"{d.name}/" for d in site_dir.iterdir() if d.is_dir() and d.name != DEFAULT_LANGUAGE
    )
    prefixes = [prefix] if prefix is not None else ["", f"{DEFAULT_LANGUAGE}/", *folders]
    for candidate in prefixes:
        news = site_dir / candidate / "news"
        if not news.is_dir():
            continue
        for year in sorted(
            p for p in news.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name)
        ):
            for slug in sorted(p for p in year.iterdir() if p.is_dir()):
                if not NOT_A_POST.match(slug.name) and (slug / "index.html").is_file():
                    return f"{candidate}news/{year.name}/{slug.name}/"
    raise FileNotFoundError(f"no post page (news/<yyyy>/<slug>/index.html) in {site_dir}")


def is_search_index(path: str) -> bool:
    return path.endswith("search_index.json") or "/search/" in f"/{path.lstrip('/')}"


def largest_search_index(site_dir: Path) -> tuple[str | None, int]:
    """The biggest ``search_index.json`` or file under a ``search/`` folder, and its size."""
    best: tuple[str | None, int] = (None, 0)
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.is_file() and is_search_index(relative) and path.stat().st_size > best[1]:
            best = (relative, path.stat().st_size)
    return best


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def measure(site_dir: Path, page: str | None = None, prefix: str | None = None) -> PageWeight:
    """Open one page on a first visit (empty cache) and weigh everything it loads."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import Response, sync_playwright

    page_path = page if page is not None else find_first_post(site_dir, prefix)
    index_name, index_size = largest_search_index(site_dir)
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            tab = context.new_page()
            requests: list[str] = []
            responses: list[Response] = []
            failed: list[str] = []
            tab.on("request", lambda request: requests.append(request.url))
            tab.on("response", lambda response: responses.append(response))
            tab.on("requestfailed", lambda request: failed.append(_failure(request)))
            tab.goto(base + page_path.lstrip("/"), wait_until="networkidle", timeout=TIMEOUT_MS)

            def local(url: str) -> str:
                parts = urlsplit(url)
                return parts.path + (f"?{parts.query}" if parts.query else "")

            resources = []
            for response in responses:
                try:
                    body = response.body()
                except PlaywrightError:  # redirects and aborted loads have no body
                    body = b""
                resources.append(
                    Resource(
                        url=local(response.url) if response.url.startswith(base) else response.url,
                        status=response.status,
                        content_type=(response.headers.get("content-type") or "").split(";")[0],
                        bytes=len(body),
                        gzip_bytes=len(gzip.compress(body, compresslevel=6, mtime=0))
                        if body
                        else 0,
                    )
                )
            result = PageWeight(
                page="/" + page_path.lstrip("/"),
                chromium=browser.version,
                resources=resources,
                failed=failed,
            )
            paths = [local(url) for url in requests]
            result.search_requests = [p for p in paths if is_search_index(p.split("?")[0])]
            result.sitemap_requests = [
                p for p in paths if p.split("?")[0].endswith(("sitemap.xml", "sitemap.xml.gz"))
            ]
            result.largest_search_index, result.largest_search_index_bytes = index_name, index_size
            context.close()
        finally:
            browser.close()
    return result


def _failure(request: Any) -> str:
    return f"{request.url} ({request.failure or 'failed'})"


def kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB"


def report(result: PageWeight) -> str:
    lines = [
        f"page: {result.page} (Chromium {result.chromium})",
        f"first visit: {len(result.resources)} responses, {kb(result.total_bytes)} "
        f"({kb(result.total_gzip_bytes)} gzipped)",
    ]
    for resource in sorted(result.resources, key=lambda r: (-r.bytes, r.url)):
        lines.append(
            f"  {kb(resource.bytes):>12} {kb(resource.gzip_bytes):>12}  {resource.status} "
            f"{resource.content_type or '-':<24} {resource.url}"
        )
    if result.failed:
        lines.append("failed requests: " + ", ".join(result.failed))
    lines.append(
        "search index requests before any interaction: "
        + (", ".join(result.search_requests) or "none")
    )
    lines.append(
        "sitemap requests before any interaction: " + (", ".join(result.sitemap_requests) or "none")
    )
    if result.largest_search_index:
        lines.append(
            f"largest search index in the site: {result.largest_search_index} "
            f"({kb(result.largest_search_index_bytes)})"
        )
    else:
        lines.append("largest search index in the site: none")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--site-dir", type=Path, required=True, help="a built site (mkdocs build -d)"
    )
    parser.add_argument("--page", help="URL path to open instead of the first post, e.g. news/")
    parser.add_argument("--prefix", help="the default language's folder in the output, e.g. lv/")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    site_dir: Path = args.site_dir
    if not site_dir.is_dir():
        print(f"page_weight: {site_dir} is not a directory; build the site first", file=sys.stderr)
        return 2
    try:
        result = measure(site_dir.resolve(), page=args.page, prefix=args.prefix)
    except FileNotFoundError as error:
        print(f"page_weight: {error}", file=sys.stderr)
        return 2
    except ImportError:
        print(
            "page_weight: Playwright for Python is not installed (pip install playwright; "
            "the system Chromium at /usr/bin/chromium is used)",
            file=sys.stderr,
        )
        return 2
    except Exception as error:  # Playwright raises its own errors for launch and navigation
        print(f"page_weight: the browser could not load the page: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result.as_json(), indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
