"""The preview (`mkdocs serve`, what `make serve` runs), tried as an editor uses it: a real
server in a subprocess on a free port, pages fetched over HTTP while files are edited.

Every request has a timeout, every wait is bounded, and the server is always stopped.
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pytest

from clustersite.messages import say
from support import REPO, SiteFactory


def load_bench() -> ModuleType:
    """scripts/bench.py, whose way of running `mkdocs serve` the tests share."""
    spec = importlib.util.spec_from_file_location("bench", REPO / "scripts" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench", module)  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


bench = load_bench()
PORTS = range(8600, 8700)
REQUEST_SECONDS = 20  # a request that waits longer than this counts as hanging
WAIT_SECONDS = 120  # for a rebuild on a busy machine


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS}")


class Server:
    """A running `mkdocs serve` of one site."""

    def __init__(self, root: Path, process: subprocess.Popen[bytes], base: str, log: Path):
        self.root, self.process, self.base, self.log = root, process, base, log

    def get(self, path: str, seconds: float = REQUEST_SECONDS) -> str:
        """A page below the site's address, or (``path`` starting with /) the server's own."""
        url = self.base.split("/site/")[0] + path if path.startswith("/") else self.base + path
        with urllib.request.urlopen(url, timeout=seconds) as response:
            return str(response.read().decode("utf-8"))

    def wait_for(self, path: str, wanted: Callable[[str], bool], what: str) -> str:
        """The page at ``path`` once ``wanted`` holds for it; fails after WAIT_SECONDS."""
        deadline = time.monotonic() + WAIT_SECONDS
        text = ""
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the server stopped:\n{self.log_tail()}"
            try:
                text = self.get(path)
            except (urllib.error.URLError, ConnectionError):
                text = ""
            if wanted(text):
                return text
            time.sleep(0.3)
        raise AssertionError(f"{path} never showed {what}:\n{text[-2000:]}\n{self.log_tail()}")

    def log_tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-30:])


@contextmanager
def serving(root: Path, env: dict[str, str], port: int | None = None) -> Iterator[Server]:
    port = port or free_port()
    log = root.parent / f"serve-{port}.log"
    with log.open("wb") as out, bench.mkdocs_serve(root, port, env, out) as process:
        # the test site's site_url is https://example.org/site/: served under /site/
        server = Server(root, process, f"http://127.0.0.1:{port}/site/", log)
        server.wait_for("", lambda text: "<html" in text, "the home page")
        yield server


def check_problems(root: Path, lang: str) -> list[dict[str, object]]:
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "clustersite"),
            "check",
            "--format",
            "json",
            "--lang",
            lang,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    problems: list[dict[str, object]] = json.loads(done.stdout)
    return problems


def test_project_edits_reach_the_preview_and_a_broken_edit_is_shown_until_fixed(
    make_site: Callable[..., SiteFactory],
) -> None:
    site = make_site()
    site.post("lv", 2020, "zina", "Ziņa", "2020-06-01", projects="[neeghw]")
    project = site.root / "data/projects/neeghw.yml"
    original = project.read_text(encoding="utf-8")
    page = "projects/neeghw/"
    # no CLUSTERSITE_LANG: the editor's language is the site's default language, Latvian
    env = {"CLUSTERSITE_LANG": ""}
    with serving(site.root, env) as server:
        assert "Jaunā Eiropas elektronika" in server.get(page)

        project.write_text(
            original.replace("Jaunā Eiropas elektronika", "Atjaunotā elektronika"), "utf-8"
        )
        server.wait_for(page, lambda t: "Atjaunotā elektronika" in t, "the edited title")

        project.write_text(original.replace("fund: COSME", "fund: EFRR"), "utf-8")
        problems = check_problems(site.root, "lv")
        assert problems, "check finds the broken fund"
        messages = [html.escape(str(problem["message"])) for problem in problems]
        shown = server.wait_for(page, lambda t: messages[0] in t, "check's message")
        for problem in problems:  # the same words as `clustersite check`, file, field and fix
            for key in ("path", "field", "message", "fix"):
                assert html.escape(str(problem[key])) in shown, key
        assert '<html lang="lv">' in shown
        # every page answers at once with the problems, and carries the live-reload script
        assert messages[0] in server.get("news/")
        epoch = re.search(r"livereload\((\d+),", shown)
        assert epoch, "the problems page reloads itself"

        project.write_text(original, "utf-8")
        # the browser's live-reload poll answers with a newer version once the fix is built
        newer = server.get(f"/livereload/{epoch[1]}/1", seconds=WAIT_SECONDS)
        assert int(newer) > int(epoch[1])
        fixed = server.wait_for(page, lambda t: "Jaunā Eiropas elektronika" in t, "the site")
        assert not any(message in fixed for message in messages)


LIVE_RELOAD = re.compile(rb"<script>\s*var livereload = .*?</script>", re.S)


def served_pages(server: Server) -> dict[str, bytes]:
    """Every page the sitemap lists, and the feeds, as served (the live-reload script, which
    carries the server's clock, taken out)."""
    sitemap = server.get("sitemap.xml")
    paths = [url.split("/site/", 1)[1] for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    paths += [
        f"{root}news/{feed}" for root in ("", "en/", "it/") for feed in ("rss.xml", "atom.xml")
    ]
    assert len(paths) > 20
    pages = {}
    for path in paths:
        with urllib.request.urlopen(server.base + path, timeout=REQUEST_SECONDS) as response:
            pages[path] = LIVE_RELOAD.sub(b"", response.read())
    return pages


UPDATED = [say("preview.updated", lang) for lang in ("lv", "en", "it")]


def edits_applied(server: Server) -> int:
    """How many rebuilds so far built only what an edit changed (the rest were full builds)."""
    text = server.log.read_text(errors="replace")
    return sum(text.count(message) for message in UPDATED)


def full_builds(server: Server) -> int:
    return server.log.read_text(errors="replace").count("Building documentation...")


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"never: {what}"
        time.sleep(0.1)


def test_after_edits_under_a_running_preview_every_page_is_as_a_cold_build_makes_it(
    make_site: Callable[..., SiteFactory],
) -> None:
    """Posts in two languages, a project, a broken and fixed post, a draft, a template and a
    deleted post, edited while serving; the text edits rebuild only what they change, the
    others build in full. Then every page is compared, byte for byte, with what a fresh
    server on the same files (render cache emptied) serves."""
    site = make_site()
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        ),
        "utf-8",
    )
    template = site.write("overrides/main.html", '{% extends "clustersite/base.html" %}\n')
    for number in range(1, 6):
        for lang in ("lv", "en"):
            site.post(
                lang,
                2020,
                f"zina-{number}",
                f"Ziņa {number} {lang}",
                f"2020-0{number}-10",
                projects="[neeghw]",
            )
    post = site.root / "content/lv/news/2020/zina-2.md"
    english = site.root / "content/en/news/2020/zina-3.md"
    project = site.root / "data/projects/neeghw.yml"
    env = {"SOURCE_DATE_EPOCH": "1735689600"}
    with serving(site.root, env) as server:
        applied, full = edits_applied(server), full_builds(server)

        def edit(path: Path, old: str, new: str, page: str, shown: str, incremental: bool) -> None:
            nonlocal applied, full
            path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
            server.wait_for(page, lambda t: shown in t, f"{shown} on {page}")
            if incremental:
                applied += 1
                wait_until(lambda: edits_applied(server) == applied, f"{path.name}: only changes")
            else:
                full += 1
                wait_until(lambda: full_builds(server) == full, f"{path.name}: a full build")
            assert (edits_applied(server), full_builds(server)) == (applied, full), path.name

        # the title is in the post, the news index, the archive and the project's page
        edit(post, "Ziņa 2 lv", "Labota ziņa", "news/", "Labota ziņa", incremental=True)
        edit(
            post, "\n---\n", "\n---\n\nJauns teikums.\n", "news/2020/zina-2/", "Jauns teikums", True
        )
        edit(english, "Ziņa 3 en", "Edited news", "en/news/", "Edited news", incremental=True)
        edit(
            project,
            "Jaunā Eiropas elektronika",
            "Labots projekts",
            "projects/",
            "Labots projekts",
            incremental=True,
        )
        # a broken post: the problems page, the kept build untouched; fixed: only changes
        post.write_text(post.read_text("utf-8").replace("date: 2020-02-10", "date: 2020-02-31"))
        titles = [html.escape(say("preview.title", lang)) for lang in ("lv", "en", "it")]
        server.wait_for("news/", lambda t: any(x in t for x in titles), "the problems page")
        edit(post, "date: 2020-02-31", "date: 2020-02-10", "news/", "Labota ziņa", True)
        # a draft leaves the listings: which pages exist changes, a full build
        edit(post, "\n---\n", "\ndraft: true\n---\n", "en/news/", "Edited news", False)
        edit(post, "\ndraft: true\n", "\n", "news/2020/zina-2/", "Labota ziņa", False)
        sitemap = server.get("sitemap.xml")
        edit(
            template,
            '{% extends "clustersite/base.html" %}\n',
            '{% extends "clustersite/base.html" %}\n'
            '{% block extrahead %}{{ super() }}<meta name="edited" content="yes">{% endblock %}\n',
            "en/",
            'name="edited"',
            incremental=False,
        )
        # a full build with the same pages writes the same sitemap (clustersite's, not MkDocs')
        assert server.get("sitemap.xml") == sitemap
        for lang in ("lv", "en"):  # a post deleted: its page is no longer served
            (site.root / f"content/{lang}/news/2020/zina-4.md").unlink()
        server.wait_for("news/", lambda t: "<html" in t and "Ziņa 4" not in t, "no deleted post")
        with pytest.raises(urllib.error.HTTPError) as gone:
            server.get("news/2020/zina-4/")
        gone.value.close()
        assert gone.value.code == 404
        port = int(server.base.split(":")[2].split("/")[0])
        edited = served_pages(server)
    assert "Labota ziņa".encode() in edited["news/"] and b"Labots projekts" in edited["projects/"]
    shutil.rmtree(site.root / ".cache")
    with serving(site.root, env, port) as server:  # the same address: the same absolute links
        cold = served_pages(server)
    assert sorted(edited) == sorted(cold)
    differing = [path for path in cold if edited[path] != cold[path]]
    assert not differing, f"pages that differ from a cold build: {differing}"


def test_the_preview_writer_keeps_unchanged_files_and_removes_what_no_step_touched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What MkDocs writes while serving goes through ChangedFilesOnly (no server needed)."""
    from mkdocs import utils

    from clustersite.engine.preview import ChangedFilesOnly

    for name in ("clean_directory", "copy_file"):  # restored after the test
        monkeypatch.setattr(utils, name, getattr(utils, name))
    written: list[str] = []  # what reached MkDocs' own writer

    def write_file(content: bytes, output_path: str) -> None:
        written.append(output_path)
        Path(output_path).write_bytes(content)

    monkeypatch.setattr(utils, "write_file", write_file)
    site = tmp_path / "site"
    kept, changed, left_over = site / "kept.html", site / "changed.html", site / "old/gone.html"
    for path, text in ((kept, "same"), (changed, "before"), (left_over, "stale")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    copied_source, copied = tmp_path / "logo.svg", site / "logo.svg"
    copied_source.write_text("<svg>new</svg>", "utf-8")
    copied.write_text("<svg>old</svg>", "utf-8")  # the same size, other bytes
    old = time.time() - 60
    for path in (kept, changed, left_over, copied):
        os.utime(path, (old, old))

    writes = ChangedFilesOnly()
    writes.begin(site)
    utils.clean_directory(str(site))  # MkDocs' own call: the folder is kept
    utils.write_file(b"same", str(kept))
    utils.write_file(b"after", str(changed))
    utils.copy_file(str(copied_source), str(copied))
    writes.finish(site)

    assert written == [str(changed)]  # the unchanged page was only touched
    assert kept.read_text("utf-8") == "same" and changed.read_text("utf-8") == "after"
    assert copied.read_text("utf-8") == "<svg>new</svg>"  # compared by bytes, not size or time
    assert not left_over.exists() and not left_over.parent.exists()


def test_a_draft_is_marked_in_the_pages_language_in_the_preview(
    make_site: Callable[..., SiteFactory],
) -> None:
    site = make_site()
    site.post("lv", 2020, "melnraksts", "Vēl top", "2020-06-01", draft="true")
    with serving(site.root, {"CLUSTERSITE_LANG": ""}) as server:
        page = server.get("news/2020/melnraksts/")
        listing = server.get("news/")
    assert 'class="cs-badge cs-badge--draft" lang="lv">Melnraksts</span>' in page
    assert "Vēl top" in listing and "Melnraksts" in listing
    # MkDocs' own English marker stays in the markup but the stylesheet hides it
    marker = re.search(r'<div class="mkdocs-draft-marker"[^>]*>', page)
    css = (REPO / "src/clustersite/theme/assets/clustersite/components.css").read_text("utf-8")
    assert marker is None or ".mkdocs-draft-marker { display: none; }" in css
