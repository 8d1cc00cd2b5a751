"""Fixtures for the browser and site-quality tests: the built site, served like GitHub Pages.

The repository's default site is built once per session with ``mkdocs build --strict``
into ``<tmp>/clustersite`` and served from ``<tmp>`` on 127.0.0.1, so the site lives under
the ``/clustersite/`` subpath exactly as a project site does on GitHub Pages; an unknown
path is answered with the site's ``404.html`` and status 404, as Pages does. Chromium is
Debian's ``/usr/bin/chromium``, driven by Playwright; it resolves no host but 127.0.0.1.

Every test in this folder is marked ``browser``. Without Chromium the tests that need it
are skipped on a developer's machine, but fail in CI (``CI=true``), where a skip would hide
a missing install step. The node tools (axe-core, vnu-jar, lighthouse) come from
``scripts/install-test-tools.sh``.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Response,
    sync_playwright,
)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")


def _chromium_flags() -> list[str]:
    """The flags for Chromium on this closed network: kept in one place, scripts/page_weight.py."""
    spec = importlib.util.spec_from_file_location(
        "page_weight", ROOT / "scripts" / "page_weight.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("page_weight", module)  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return list(module.CHROMIUM_ARGS)


CHROMIUM_ARGS = ("--no-sandbox", *_chromium_flags())
LANGS = ("lv", "en", "it")
DEFAULT_LANG = "lv"
SUBPATH = "clustersite"
MISSING_PATH = "this-page-does-not-exist/"  # the deliberate 404 of every language
HOST = "127.0.0.1"
# A scratch config to try the suite against (e.g. with an extra stylesheet); default: the repo's.
CONFIG_ENV = "CLUSTERSITE_TEST_MKDOCS_YML"
COMPRESSIBLE = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/xml",
    "text/xml",
    "image/svg+xml",
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes ``lang`` runs once per language of the site."""
    if "lang" in metafunc.fixturenames:
        metafunc.parametrize("lang", LANGS)


def require_chromium() -> None:
    """Skip without Chromium, except in CI, where that is a broken setup and fails."""
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: run scripts/install-test-tools.sh"
    if os.environ.get("CI") == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@dataclass(frozen=True)
class ServedSite:
    """The built site and the address it is served at."""

    root: Path  # the build output, <tmp>/clustersite
    base_url: str  # http://127.0.0.1:<port>/clustersite/
    langs: tuple[str, ...] = LANGS
    default_lang: str = DEFAULT_LANG

    def url(self, lang: str, path: str = "") -> str:
        """The absolute URL of ``path`` (relative to the language root) in ``lang``."""
        prefix = "" if lang == self.default_lang else f"{lang}/"
        return f"{self.base_url}{prefix}{path}"

    def missing_url(self, lang: str) -> str:
        """A URL that does not exist in ``lang``: the server answers with 404.html."""
        return self.url(lang, MISSING_PATH)


class PagesHandler(SimpleHTTPRequestHandler):
    """Static files like GitHub Pages: no directory listings, the site's 404.html for misses,
    and text compressed with gzip when the client accepts it (Lighthouse weighs bytes)."""

    protocol_version = "HTTP/1.1"
    not_found_page: Path

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and content_type in COMPRESSIBLE):
            return super().send_head()
        body = gzipped(path)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != HTTPStatus.NOT_FOUND or not self.path.startswith(f"/{SUBPATH}/"):
            super().send_error(code, message, explain)
            return
        body = self.not_found_page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@cache
def gzipped(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), mtime=0)


def build_site(out_dir: Path, site_url: str) -> None:
    """``mkdocs build --strict`` of the repository's site into ``out_dir``; fail with its log."""
    config = os.environ.get(CONFIG_ENV, str(ROOT / "mkdocs.yml"))
    env = {
        **os.environ,
        "SITE_URL": site_url,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config]
    command += ["-d", str(out_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        log = (result.stdout + result.stderr)[-6000:]
        pytest.fail(f"mkdocs build failed (exit {result.returncode}):\n{log}", pytrace=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The default site, built for and served at ``http://127.0.0.1:<port>/clustersite/``."""
    serve_dir = tmp_path_factory.mktemp("pages")
    root = serve_dir / SUBPATH
    handler = type("Handler", (PagesHandler,), {"not_found_page": root / "404.html"})
    server = ThreadingHTTPServer((HOST, 0), partial(handler, directory=str(serve_dir)))
    server.daemon_threads = True
    base_url = f"http://{HOST}:{server.server_address[1]}/{SUBPATH}/"
    try:
        build_site(root, base_url)
        thread = threading.Thread(target=server.serve_forever, name="pages-server", daemon=True)
        thread.start()
        yield ServedSite(root=root, base_url=base_url)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def node_tool() -> Callable[[str], Path]:
    """Resolves a path inside node_modules, failing with the fix when it is not installed."""

    def resolve(relative: str) -> Path:
        path = ROOT / "node_modules" / relative
        if not path.exists():
            pytest.fail(f"{path} is missing: run scripts/install-test-tools.sh", pytrace=False)
        return path

    return resolve


@pytest.fixture(scope="session")
def test_output() -> Path:
    """``test-output/`` in the repository root (gitignored): screenshots, reports."""
    path = ROOT / "test-output"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session")
def chromium_args() -> tuple[str, ...]:
    require_chromium()
    return CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser(chromium_args: tuple[str, ...]) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        yield launch(playwright, chromium_args)


def launch(playwright: Playwright, args: tuple[str, ...]) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(args))


@dataclass
class NetworkLog:
    """What one browser context did: every request, the failures, the console errors."""

    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    responses: dict[str, int] = field(default_factory=dict)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self._on_request)
        context.on("requestfailed", self._on_failed)
        context.on("response", self._on_response)
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.console_errors.append(f"uncaught: {error.error}"))

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_failed(self, request: Request) -> None:
        self.failures.append(f"{request.url}: {request.failure}")

    def _on_response(self, response: Response) -> None:
        self.responses[response.url] = response.status

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.console_errors.append(f"{message.text} ({where})")


@pytest.fixture
def browser_page(browser: Browser) -> Iterator[tuple[Page, NetworkLog]]:
    """A fresh page in its own context, with everything it does recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    log = NetworkLog()
    log.attach(context)
    page = context.new_page()
    try:
        yield page, log
    finally:
        context.close()
