"""The browser editor at /admin/, end to end: an editor writes, translates and saves in Chromium.

The site is a copy of the repository's site in ``tmp_path`` (the repository's own content/
is never touched), built and served like GitHub Pages. The CMS runs in its local-folder mode
(on 127.0.0.1 it offers to work with a folder on the editor's disk through the File System
Access API). Headless Chromium has no folder picker, so ``showDirectoryPicker`` is answered
with the page's origin-private file system, which the test fills with the copy's content/
and data/ before and reads back after: the files the CMS wrote are then checked with
``clustersite check`` and built.

The CMS's own button names ("Work with Local Repository", "New", "Save") are those of the
exact version locked in package-lock.json; every label of ours comes from the locale files.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, expect

from clustersite.settings import SiteSettings
from clustersite.slugs import slugify
from clustersite.strings import Translator

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
SUBPATH = "clustersite"  # served below a path, as a GitHub Pages project site is

SITE_PARTS = ("mkdocs.yml", "content", "data", "overrides")
EDITED = ("content", "data")  # what the CMS may write
TEXT_SUFFIXES = {".md", ".yml", ".yaml"}  # what the editor's forms read; photos stay out
TIMEOUT_MS = 30_000

# A title with Latvian diacritics in every position the slug rule transliterates.
LV_TITLE = "Jaunā ražotne Rīgā: ķēdes, šūnas un ģeneratori"
EN_TITLE = "A new plant in Riga: chains, cells and generators"
POST_DATE = dt.date(2024, 3, 14)
PROJECT = "neeghw"

# Answer the folder picker with the origin-private file system (the files the test put there).
PICKER = "window.showDirectoryPicker = async () => navigator.storage.getDirectory();"
WRITE_FILES = """
async (files) => {
  const root = await navigator.storage.getDirectory();
  await root.getDirectoryHandle('.git', {create: true});  // the CMS asks for a repository
  for (const [path, text] of Object.entries(files)) {  // text: the file's bytes in base64
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const file = await dir.getFileHandle(parts.at(-1), {create: true});
    const stream = await file.createWritable();
    await stream.write(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
    await stream.close();
  }
}
"""
READ_FILES = """
async () => {
  const files = {};
  async function walk(dir, prefix) {
    for await (const [name, handle] of dir.entries()) {
      if (name === '.git') continue;
      const path = prefix + name;
      if (handle.kind === 'directory') await walk(handle, path + '/');
      else {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) {
          binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        }
        files[path] = btoa(binary);
      }
    }
  }
  await walk(await navigator.storage.getDirectory(), '');
  return files;
}
"""


@dataclass
class EditedSite:
    """A copy of the site, built and served, and the page where /admin/ is open."""

    root: Path
    page: Page
    requests: list[str]
    admin_url: str
    t: Translator
    seeded: dict[str, bytes]

    def project_title(self, slug: str) -> str:
        """The title the CMS lists a project under: its official title, else its title in the
        default language."""
        data = yaml.safe_load(self.text_of(f"data/projects/{slug}.yml"))
        return str(data.get("official_title") or data["title"][self.t.lang])

    def files_in_browser(self) -> dict[str, bytes]:
        return {
            path: base64.b64decode(data) for path, data in self.page.evaluate(READ_FILES).items()
        }

    def text_of(self, path: str) -> str:
        return self.seeded[path].decode("utf-8")

    def write_back(self) -> dict[str, bytes]:
        """Copy what the CMS created or changed into the site folder; return those files."""
        changed = {
            path: text
            for path, text in self.files_in_browser().items()
            if self.seeded.get(path) != text
        }
        for path, text in changed.items():
            target = self.root / path
            assert path.split("/", 1)[0] in EDITED, (
                f"the CMS wrote outside content/ and data/: {path}"
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text)
        return changed


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _build(site: Path, out: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env["DISABLE_MKDOCS_2_WARNING"] = "true"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)]
    result = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]


def _check(site: Path) -> subprocess.CompletedProcess[str]:
    clustersite = Path(sys.executable).with_name("clustersite")
    return subprocess.run(
        [str(clustersite), "--root", str(site), "check"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
    )


@pytest.fixture
def edited_site(browser: Browser, tmp_path: Path, test_output: Path) -> Iterator[EditedSite]:
    site = tmp_path / "site"
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, site / part)
        elif source.is_file():
            site.mkdir(exist_ok=True)
            shutil.copy2(source, site / part)
    serve_dir = tmp_path / "pages"
    out = serve_dir / SUBPATH
    server = ThreadingHTTPServer((HOST, 0), partial(_Quiet, directory=str(serve_dir)))
    server.daemon_threads = True
    base_url = f"http://{HOST}:{server.server_address[1]}/{SUBPATH}/"
    _build(site, out, base_url)
    threading.Thread(target=server.serve_forever, name="cms-pages", daemon=True).start()
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.add_init_script(PICKER)
    seeded = {
        path.relative_to(site).as_posix(): path.read_bytes()
        for part in EDITED
        for path in sorted((site / part).rglob("*"))
        if path.is_file() and path.suffix in TEXT_SUFFIXES
    }
    try:
        admin_url = f"{base_url}admin/"
        page.goto(admin_url)
        page.evaluate(WRITE_FILES, {p: base64.b64encode(b).decode() for p, b in seeded.items()})
        local = page.get_by_role("button", name="Work with Local Repository")
        expect(local).to_be_visible()
        page.screenshot(path=str(test_output / "cms-sign-in.png"))  # for the editor guides
        local.click()
        settings = SiteSettings.from_mkdocs_yml(site)
        yield EditedSite(
            site, page, requests, admin_url, Translator(settings.default_language), seeded
        )
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def _only_our_host(requests: list[str]) -> None:
    elsewhere = [
        url
        for url in requests
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname != HOST
    ]
    assert elsewhere == [], elsewhere


def save(page: Page) -> None:
    page.locator('button[aria-keyshortcuts="Ctrl+S"]').click()


def field(page: Page, key_path: str) -> Locator:
    """The input of a field in the editor's first pane, found by its key in the file.

    The editor draws fields as they scroll into view: scroll the pane until it is there.
    """
    found = page.locator(f'[data-key-path="{key_path}"]').first
    page.mouse.move(300, 400)
    for _ in range(40):
        if found.count():
            break
        page.mouse.wheel(0, 500)
        page.wait_for_timeout(100)
    return found.locator("input, textarea").first


def _front_matter(text: str) -> dict[str, object]:
    assert text.startswith("---\n"), text[:200]
    return dict(yaml.safe_load(text.split("---\n", 2)[1]))


@pytest.mark.browser
def test_editor_writes_and_translates_a_post(edited_site: EditedSite, test_output: Path) -> None:
    page, t = edited_site.page, edited_site.t
    expect(page.get_by_text(t("cms_collection_news")).first).to_be_visible()
    page.evaluate("location.hash = '#/collections/news/new'")
    field(page, "title").fill(LV_TITLE)
    field(page, "date").fill(POST_DATE.isoformat())
    project_title = edited_site.project_title(PROJECT)
    page.get_by_role("checkbox", name=project_title).first.check()
    page.screenshot(path=str(test_output / "cms-new-post.png"))
    page.locator('[role="radio"][data-mode="edit"][value="en"]').first.click()  # language tab
    page.get_by_role(
        "button", name=re.compile("^Enable .English.$")
    ).click()  # a translation starts off
    field(page, "title").fill(EN_TITLE)
    page.screenshot(path=str(test_output / "cms-translation.png"))
    save(page)
    expect(page.locator('[data-key-path="title"]')).to_have_count(0)  # back to the list
    page.screenshot(path=str(test_output / "cms-saved-post.png"))

    changed = edited_site.write_back()
    slug = slugify(LV_TITLE)
    year = f"{POST_DATE.year:04d}"
    lv_path, en_path = (f"content/{lang}/news/{year}/{slug}.md" for lang in ("lv", "en"))
    assert lv_path in changed and en_path in changed, sorted(changed)
    lv, en = (_front_matter(changed[path].decode("utf-8")) for path in (lv_path, en_path))
    assert lv["title"] == LV_TITLE and en["title"] == EN_TITLE
    assert lv["date"] == en["date"] == POST_DATE  # a YAML date, as `check` wants
    assert lv["projects"] == en["projects"] == [PROJECT]

    result = _check(edited_site.root)
    assert result.returncode == 0, result.stdout + result.stderr
    out = edited_site.root.parent / "rebuilt"
    _build(edited_site.root, out, "http://127.0.0.1/")
    lv_html = (out / "news" / year / slug / "index.html").read_text(encoding="utf-8")
    en_html = (out / "en" / "news" / year / slug / "index.html").read_text(encoding="utf-8")
    assert LV_TITLE.split(":")[0] in lv_html and EN_TITLE.split(":")[0] in en_html
    _only_our_host(edited_site.requests)


def _literal_parts(template: str) -> list[str]:
    """The words of a message around its named values: what must show, whatever the values."""
    return [part.strip() for part in re.split(r"\{\w+\}", template) if part.strip(" .()")]


@pytest.mark.browser
def test_budget_that_does_not_add_up_is_refused_with_our_message(
    edited_site: EditedSite, test_output: Path
) -> None:
    page, t = edited_site.page, edited_site.t
    path = f"data/projects/{PROJECT}.yml"
    budget = yaml.safe_load(edited_site.text_of(path))["budget"]
    expect(page.get_by_text(t("cms_collection_news")).first).to_be_visible()
    page.evaluate(f"location.hash = '#/collections/projects/entries/{PROJECT}'")
    eu = field(page, "budget.eu")
    expect(eu).to_have_value(str(budget["eu"]))
    eu.fill(str(budget["eu"] - 1))  # now eu + cofinancing is one short of the total
    save(page)
    dialog = page.get_by_role("alertdialog").or_(page.get_by_role("dialog")).first
    expect(dialog).to_be_visible()
    for part in _literal_parts(t("cms_budget_does_not_add_up")):
        expect(dialog).to_contain_text(part)
    page.screenshot(path=str(test_output / "cms-budget-refused.png"))
    assert edited_site.files_in_browser()[path] == edited_site.seeded[path]  # nothing saved
    _only_our_host(edited_site.requests)
