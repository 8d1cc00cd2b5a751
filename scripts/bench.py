"""Benchmark the clustersite build against a plain Material build of the same Markdown.

``python scripts/bench.py --posts 300 [--sizes 100,300,1000] [--runs 3]``

For each size N (posts per language) it writes two synthetic trees once with
``scripts/gen_synthetic.py``: (a) our site (the repository's ``mkdocs.yml``: Material,
mkdocs-static-i18n, clustersite) and (b) the baseline (the same Markdown as a plain Material
site, only the search plugin). Then it alternates builds a, b, a, b, ... (``--runs`` of each),
every one ``mkdocs build --clean -q`` in its own subprocess with ``SOURCE_DATE_EPOCH`` fixed,
and measures:

- wall time of the whole process (the median is reported: it shrugs off the one build that
  another job on the machine slowed down; one build of each kind before the first size warms
  the file and bytecode caches and is not counted);
- peak resident memory of that process, from ``/usr/bin/time -v`` when it is there, else from
  the rusage that ``os.wait4`` returns for exactly that child (``getrusage(RUSAGE_CHILDREN)``
  is a maximum over all children ever waited for, so it cannot tell builds apart);
- pages per second: ``index.html`` files in the output over the median time;
- the ratio clustersite / baseline: what the plugin, the three language builds of
  static-i18n and the generated views cost on top of Material itself;
- a rebuild after editing one post: a sentence is appended to one post and ``mkdocs build``
  runs again into the same output, as an editor's next build would: every page whose inputs
  did not change comes from clustersite's render cache (filled by the cold builds before it;
  every cold build starts with that cache emptied, keeping only the processed photos and
  preview cards, which a site makes once per photo and keeps);
- the first build: once per size, clustersite from an empty cache, photos and cards made too;
- the preview loop: ``mkdocs serve`` runs on the tree (a free port), a sentence is appended
  to one post and the time from saving it to the served page showing it is measured by
  polling that page over HTTP (``--edits`` edits, at least 5, the median reported), for our
  site and the baseline alike; MkDocs' own watcher looks for changes every 0.5 s, which is in
  every figure;
- page weight (``scripts/page_weight.py``): what a first visit to a post downloads, gzipped,
  and the largest search index, because the search index grows with N and Material loads it
  on every page.

It writes ``docs/benchmarks.md`` (a table per size, the machine, the date and the command) and
``docs/bench-build-time.svg`` (median build time against N, drawn here without matplotlib).
The trees and outputs live in a temporary folder under ``bench-output/`` (git-ignored),
removed at the end unless ``--keep``. If a build fails, its error output is shown and the
script exits with status 1; nothing is written to ``docs/`` then.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import math
import os
import platform
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import IO, Any

SCRIPTS = Path(__file__).resolve().parent
REPO = SCRIPTS.parent
sys.path.insert(0, str(SCRIPTS))

from gen_synthetic import generate  # noqa: E402 - a sibling script, not a package

__all__ = ["BuildResult", "SizeResult", "main", "render_markdown", "render_svg"]

SOURCE_DATE_EPOCH = "1735689600"  # 2025-01-01T00:00:00Z, after the last synthetic post
BUILD_ENV = {
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
    "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
}
GNU_TIME = "/usr/bin/time"
PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "clustersite",
    "Markdown",
    "pymdown-extensions",
    "Babel",
    "Jinja2",
    "PyYAML",
    "playwright",
)
EDIT = "\n\nŠis teikums pievienots, lai pārbaudītu pārbūvi pēc viena raksta labošanas.\n"
BUILDS = ("clustersite", "baseline")
MIB = 1024 * 1024


class BenchError(Exception):
    """A failure worth one clear message (a build or a measurement that did not work)."""


@dataclass
class BuildResult:
    seconds: float  # wall clock
    peak_kib: int
    cpu_seconds: float = 0.0  # user + system time of the build process


@dataclass
class Series:
    """Repeated builds of one kind for one size."""

    runs: list[BuildResult] = field(default_factory=list)
    pages: int = 0

    @property
    def median_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def median_cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def peak_mib(self) -> float:
        return max(r.peak_kib for r in self.runs) / 1024

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.median_seconds if self.median_seconds else 0.0


@dataclass
class SizeResult:
    posts: int
    builds: dict[str, Series]
    rebuild: Series
    weight: dict[str, dict[str, Any]] = field(default_factory=dict)  # page_weight.py --json
    preview: dict[str, list[float]] = field(default_factory=dict)  # build -> seconds per edit
    first: Series = field(default_factory=Series)  # clustersite with no processed photo yet


# --------------------------------------------------------------------------------------------
# Running builds
# --------------------------------------------------------------------------------------------


def gnu_time_available() -> bool:
    if not os.access(GNU_TIME, os.X_OK):
        return False
    try:
        probe = subprocess.run(
            [GNU_TIME, "-v", "true"], capture_output=True, timeout=30, check=False
        )
    except OSError:
        return False
    return probe.returncode == 0 and b"Maximum resident set size" in probe.stderr


def run_measured(command: list[str], cwd: Path, use_gnu_time: bool) -> tuple[BuildResult, int, str]:
    """Run ``command``; its wall time, peak RSS, exit status and error output."""
    env = {**os.environ, **BUILD_ENV}
    with tempfile.TemporaryDirectory(prefix="bench-run-") as scratch:
        time_file = Path(scratch, "time.txt")
        wrapped = [GNU_TIME, "-v", "-o", str(time_file), *command] if use_gnu_time else command
        with (
            open(Path(scratch, "out.txt"), "wb") as out,
            open(Path(scratch, "err.txt"), "wb+") as err,
        ):
            started = time.perf_counter()
            process = subprocess.Popen(wrapped, cwd=cwd, env=env, stdout=out, stderr=err)
            _pid, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            errors = err.read().decode("utf-8", "replace")
        peak_kib = usage.ru_maxrss  # KiB on Linux
        cpu_seconds = usage.ru_utime + usage.ru_stime
        if use_gnu_time and time_file.is_file():
            report = time_file.read_text(encoding="utf-8", errors="replace")
            found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
            if found:
                peak_kib = int(found.group(1))
            user = re.search(r"User time \(seconds\): ([\d.]+)", report)
            system = re.search(r"System time \(seconds\): ([\d.]+)", report)
            if user and system:
                cpu_seconds = float(user.group(1)) + float(system.group(1))
            status_line = re.search(r"Exit status: (\d+)", report)
            if status_line and process.returncode == 0:
                process.returncode = int(status_line.group(1))
    return BuildResult(seconds, peak_kib, cpu_seconds), process.returncode, errors


CACHE_DIR = Path(".cache/plugin/clustersite")  # the plugin's default cache_dir
# Kept by a cold build: the web versions of the photos and the preview cards, made once per
# photo or title (as a site keeps them between builds); the first build makes them.
PHOTOS_DIR = "images"


def mkdocs_command(config: Path, site_dir: Path, clean: bool = True) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(config),
        "-d",
        str(site_dir),
    ]
    if clean:
        command.insert(4, "--clean")
    return command


def build(
    name: str,
    tree: Path,
    site_dir: Path,
    use_gnu_time: bool,
    clean: bool = True,
    first: bool = False,
) -> BuildResult:
    """One build; a clean build is cold: clustersite's render cache is emptied first (and,
    for the ``first`` build, its processed photos and preview cards too)."""
    cache = tree / CACHE_DIR
    if first:
        shutil.rmtree(cache, ignore_errors=True)
    elif clean and cache.is_dir():
        for entry in cache.iterdir():
            if entry.name != PHOTOS_DIR:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    command = mkdocs_command(tree / "mkdocs.yml", site_dir, clean)
    result, status, errors = run_measured(command, tree, use_gnu_time)
    if status != 0:
        tail = "\n".join(errors.strip().splitlines()[-40:]) or "(no error output)"
        raise BenchError(
            f"the {name} build failed (exit status {status}):\n  {shlex.join(command)}\n{tail}"
        )
    return result


def count_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


def page_weight(site_dir: Path, prefix: str) -> dict[str, Any]:
    command = [
        sys.executable,
        str(SCRIPTS / "page_weight.py"),
        "--site-dir",
        str(site_dir),
        "--prefix",
        prefix,
        "--json",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    if done.returncode != 0:
        raise BenchError(
            f"page weight of {site_dir} could not be measured:\n"
            f"{done.stderr.strip() or done.stdout.strip()}"
        )
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def edited_post(tree: Path) -> Path:
    """The post the rebuild measurement edits: the middle one of the default language."""
    posts = sorted((tree / "content" / "lv" / "news").glob("*/*.md"))
    if not posts:
        raise BenchError(f"no posts in {tree}/content/lv/news")
    return posts[len(posts) // 2]


# --------------------------------------------------------------------------------------------
# The preview loop: save a post, wait for the served page to show it
# --------------------------------------------------------------------------------------------

SERVE_START_SECONDS = 900  # the first build of a large site on a busy machine
EDIT_SECONDS = 300  # one edit reaching the page


def free_port(ports: range | None = None) -> int:
    """A port nobody listens on now (the server binds it a moment later), from ``ports`` if
    given, else any."""
    for port in ports or [0]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise BenchError(f"no free port in {ports}")


def post_url(tree: Path, post: Path, name: str) -> str:
    """The served address of ``post``: the default language at the root for clustersite,
    under its folder for the baseline (a plain docs tree)."""
    relative = post.relative_to(tree / "content").with_suffix("")
    parts = relative.parts[1:] if name == "clustersite" else relative.parts
    return "/".join(parts) + "/"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=EDIT_SECONDS) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, ConnectionError):
        return ""


def wait_for_text(url: str, text: str, seconds: float, process: subprocess.Popen[bytes]) -> float:
    """Poll ``url`` until it shows ``text``; the moment it did (perf_counter)."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise BenchError(f"mkdocs serve stopped (exit status {process.returncode})")
        if text in fetch(url):
            return time.perf_counter()
        time.sleep(0.02)
    raise BenchError(f"{url} did not show the edit within {seconds:.0f} s")


@contextmanager
def mkdocs_serve(
    tree: Path, port: int, env: dict[str, str], output: IO[bytes]
) -> Iterator[subprocess.Popen[bytes]]:
    """``mkdocs serve`` of ``tree`` on ``port`` (output to ``output``), in its own process
    group, always stopped: SIGINT first, so MkDocs removes its temporary folder."""
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tree,
        env={**os.environ, **env},
        stdout=output,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=60)


def preview_latency(
    name: str, tree: Path, edits: int, log: Any, ports: range | None = None
) -> list[float]:
    """Seconds from saving one post to ``mkdocs serve`` serving it, for each of ``edits`` edits."""
    post = edited_post(tree)
    original = post.read_bytes()
    port = free_port(ports)
    url = f"http://127.0.0.1:{port}/{post_url(tree, post, name)}"
    seconds: list[float] = []
    with tempfile.TemporaryFile() as output, mkdocs_serve(tree, port, BUILD_ENV, output) as process:
        try:
            wait_for_text(url, "</html>", SERVE_START_SECONDS, process)
            for edit in range(1, edits + 1):
                marker = f"Priekšskatījuma labojums {edit}."
                post.write_bytes(original + f"\n\n{marker}\n".encode())
                saved = time.perf_counter()
                seconds.append(wait_for_text(url, marker, EDIT_SECONDS, process) - saved)
                log(f"{name} preview {edit}/{edits}: {seconds[-1]:.2f} s")
                time.sleep(1.0)  # let the watcher settle before the next save
        except BenchError as error:
            output.seek(0)
            tail = "\n".join(output.read().decode("utf-8", "replace").splitlines()[-30:])
            raise BenchError(f"{name} preview: {error}\n{tail}") from None
        finally:
            post.write_bytes(original)
    return seconds


def bench_size(
    posts: int,
    runs: int,
    workdir: Path,
    seed: int,
    use_gnu_time: bool,
    weigh: bool,
    log: Any,
    warm_up: bool = False,
    edits: int = 5,
    ports: range | None = None,
) -> SizeResult:
    trees = {name: workdir / f"n{posts}" / name for name in BUILDS}
    outputs = {name: workdir / f"n{posts}" / f"site-{name}" for name in BUILDS}
    for name in BUILDS:
        generate(trees[name], posts, baseline=name == "baseline", seed=seed)
    series = {name: Series() for name in BUILDS}
    # once per size (the baseline has nothing to keep): it also makes what the cold builds keep
    first = Series(
        [
            build(
                "clustersite",
                trees["clustersite"],
                outputs["clustersite"],
                use_gnu_time,
                first=True,
            )
        ]
    )
    log(
        f"N={posts} first build clustersite: {first.runs[0].seconds:.2f} s "
        f"({first.runs[0].cpu_seconds:.2f} s CPU)"
    )
    if warm_up:  # fills the OS file cache and Python's bytecode cache; not counted
        for name in BUILDS:
            result = build(name, trees[name], outputs[name], use_gnu_time)
            log(f"N={posts} warm-up {name}: {result.seconds:.2f} s (not counted)")
    for run in range(1, runs + 1):
        for name in BUILDS:
            result = build(name, trees[name], outputs[name], use_gnu_time)
            series[name].runs.append(result)
            log(
                f"N={posts} run {run}/{runs} {name}: {result.seconds:.2f} s "
                f"({result.cpu_seconds:.2f} s CPU), "
                f"{result.peak_kib / 1024:.0f} MiB"
            )
    for name in BUILDS:
        series[name].pages = count_pages(outputs[name])

    rebuild = Series(pages=series["clustersite"].pages)
    post = edited_post(trees["clustersite"])
    original = post.read_bytes()
    try:
        for run in range(1, runs + 1):
            post.write_bytes(original + EDIT.encode("utf-8") * run)
            result = build(
                "clustersite (rebuild)",
                trees["clustersite"],
                outputs["clustersite"],
                use_gnu_time,
                clean=False,
            )
            rebuild.runs.append(result)
            log(f"N={posts} rebuild {run}/{runs} after editing {post.name}: {result.seconds:.2f} s")
    finally:
        post.write_bytes(original)

    weight: dict[str, dict[str, Any]] = {}
    if weigh:
        for name in BUILDS:
            weight[name] = page_weight(outputs[name], "" if name == "clustersite" else "lv/")
            log(
                f"N={posts} page weight {name}: {weight[name]['total_bytes'] / 1024:.0f} KB, "
                f"{weight[name]['total_gzip_bytes'] / 1024:.0f} KB gzipped"
            )
    preview = {name: preview_latency(name, trees[name], edits, log, ports) for name in BUILDS}
    for name in BUILDS:
        log(f"N={posts} preview {name}: median {statistics.median(preview[name]):.2f} s")
    first.pages = series["clustersite"].pages
    return SizeResult(posts, series, rebuild, weight, preview, first)


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def machine_facts() -> list[tuple[str, str]]:
    cpu = platform.processor() or platform.machine()
    with_model = Path("/proc/cpuinfo")
    if with_model.is_file():
        found = re.search(r"^model name\s*:\s*(.+)$", with_model.read_text(errors="replace"), re.M)
        if found:
            cpu = found.group(1).strip()
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 0
    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    return [
        ("CPUs (nproc)", str(usable)),
        ("CPU", cpu),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("Packages", ", ".join(versions)),
    ]


def fmt(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}"


def kb(size: float) -> str:
    return f"{size / 1024:,.0f}"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def size_table(result: SizeResult) -> list[str]:
    weight = result.weight
    has_weight = bool(weight)
    header = ["build", "median s", "min–max s", "median CPU s", "peak MiB", "pages", "pages/s"]
    if has_weight:
        header += ["first visit KB", "gzipped KB", "largest search index KB"]
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|",
    ]

    def row(label: str, series: Series, name: str | None) -> str:
        seconds = [r.seconds for r in series.runs]
        cells = [
            label,
            fmt(series.median_seconds),
            f"{fmt(min(seconds))}–{fmt(max(seconds))}",
            fmt(series.median_cpu_seconds),
            fmt(series.peak_mib, 0),
            str(series.pages),
            fmt(series.pages_per_second, 0),
        ]
        if has_weight:
            if name is None:
                cells += ["", "", ""]
            else:
                w = weight[name]
                cells += [
                    kb(w["total_bytes"]),
                    kb(w["total_gzip_bytes"]),
                    kb(w["largest_search_index_bytes"]),
                ]
        return "| " + " | ".join(cells) + " |"

    ours, base = result.builds["clustersite"], result.builds["baseline"]
    lines.append(row("clustersite", ours, "clustersite"))
    lines.append(row("baseline (plain Material)", base, "baseline"))
    cells = [
        "**ratio clustersite / baseline**",
        ratio(ours.median_seconds, base.median_seconds),
        "",
        ratio(ours.median_cpu_seconds, base.median_cpu_seconds),
        ratio(ours.peak_mib, base.peak_mib),
        ratio(ours.pages, base.pages),
        ratio(ours.pages_per_second, base.pages_per_second),
    ]
    if has_weight:
        cw, bw = weight["clustersite"], weight["baseline"]
        cells += [
            ratio(cw["total_bytes"], bw["total_bytes"]),
            ratio(cw["total_gzip_bytes"], bw["total_gzip_bytes"]),
            ratio(cw["largest_search_index_bytes"], bw["largest_search_index_bytes"]),
        ]
    lines.append("| " + " | ".join(cells) + " |")
    lines.append(row("clustersite rebuild after editing one post", result.rebuild, None))
    if result.first.runs:
        lines.append(row("clustersite first build (photos and cards made too)", result.first, None))
    return lines


def preview_table(result: SizeResult) -> list[str]:
    """Save a post, see it served: ``mkdocs serve`` of each build, median of the edits."""
    lines = [
        "| preview (`mkdocs serve`) | median s | min–max s | edits | ÷ baseline cold build |",
        "|---|---:|---:|---:|---:|",
    ]
    base_cold = result.builds["baseline"].median_seconds
    names = {"clustersite": "clustersite", "baseline": "baseline (plain Material)"}
    for name in BUILDS:
        times = result.preview.get(name) or []
        if times:
            lines.append(
                f"| {names[name]} | {fmt(statistics.median(times))} | "
                f"{fmt(min(times))}–{fmt(max(times))} | {len(times)} | "
                f"{ratio(statistics.median(times), base_cold)} |"
            )
    return lines


def weight_notes(result: SizeResult) -> list[str]:
    notes = []
    for name in BUILDS:
        w = result.weight.get(name)
        if not w:
            continue
        search = ", ".join(f"`{p}`" for p in w["search_requests"]) or "none"
        sitemap = ", ".join(f"`{p}`" for p in w["sitemap_requests"]) or "none"
        failed = len(w["failed"])
        notes.append(
            f"- {name}: page `{w['page']}`, {len(w['resources'])} responses"
            f"{f', {failed} failed requests' if failed else ''}; search index requests "
            f"before any interaction: {search}; sitemap requests: {sitemap}."
        )
    return notes


def render_markdown(
    results: list[SizeResult], command: str, runs: int, today: str, svg_name: str, gnu_time: bool
) -> str:
    chromium = next((w["chromium"] for r in results for w in r.weight.values()), None)
    facts = machine_facts()
    if chromium:
        facts.append(("Chromium (page weight)", chromium))
    lines = [
        "# Build benchmarks",
        "",
        f"Measured on {today} by `scripts/bench.py` (see its docstring for the method). "
        "This page is generated: run the benchmark again rather than editing it.",
        "",
        "Each size N is N posts **per language** (lv, en, it: 3 × N Markdown posts of 400–800 "
        "words, about one in six a quarterly report) and 20 projects, written by "
        "`scripts/gen_synthetic.py`. *clustersite* builds them with the repository's "
        "`mkdocs.yml` (Material, mkdocs-static-i18n, clustersite: three language builds and the "
        "generated news, archive and project views); the *baseline* builds the same Markdown as "
        "a plain Material site (only the search plugin, a small nav, no generated views).",
        "",
        f"Every build is `mkdocs build --clean -q` in a fresh process, alternating clustersite "
        f"and baseline, {runs} of each per size; times are wall-clock medians, *CPU s* is user "
        f"+ system time of the build process (less disturbed by other jobs on the machine), "
        f"*peak MiB* is the "
        f"largest resident set of the build process "
        f"({'GNU time -v' if gnu_time else 'os.wait4 rusage'}), *pages* counts `index.html` "
        f"files in the output. The rebuild appends a sentence to one post and runs "
        f"`mkdocs build` again into the same output, reusing clustersite's render cache (every "
        f"cold build empties it first, but keeps the web versions of the photos and the preview "
        f"cards, which a site makes once per photo; the *first build* makes those too, from an "
        f"empty cache). *Preview* runs `mkdocs serve`, appends a sentence to "
        f"the same post and times saving it until the served page shows it (polled over HTTP "
        f"every 20 ms; MkDocs' watcher looks for changes every 0.5 s). "
        f"*First visit* is everything Chromium downloads when it opens the first post of the "
        f"default language with an empty cache (bodies, and gzip level 6 of each body); "
        f"1 KB = 1024 bytes. `SOURCE_DATE_EPOCH={SOURCE_DATE_EPOCH}`.",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in facts],
        "",
        "## Command",
        "",
        "```sh",
        command,
        "```",
        "",
        "## Build time against N",
        "",
        f"![Median build time against posts per language, clustersite and baseline]({svg_name})",
        "",
    ]
    for result in results:
        lines += [f"## N = {result.posts} posts per language ({3 * result.posts} posts)", ""]
        lines += size_table(result)
        if result.preview:
            lines += ["", *preview_table(result)]
        notes = weight_notes(result)
        if notes:
            lines += ["", "First visit:", "", *notes]
        lines.append("")
    return "\n".join(lines)


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``ticks`` ticks."""
    raw = span / ticks if span > 0 else 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def render_svg(results: list[SizeResult]) -> str:
    """A line chart of median build time against N, both builds, as standalone SVG.

    Solid lines are wall-clock time (what the brief and a user waiting for a build see);
    dashed lines are CPU time (user + system), which other jobs on the machine disturb less.
    """
    width, height = 680, 420
    left, right, top, bottom = 70, 20, 50, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    xs = [r.posts for r in results]
    lines: list[tuple[str, str, bool, list[float]]] = []  # label, colour, dashed, values
    colours = {"clustersite": "#1565c0", "baseline": "#ef6c00"}
    names = {"clustersite": "clustersite", "baseline": "baseline (plain Material)"}
    for name in BUILDS:
        wall = [r.builds[name].median_seconds for r in results]
        cpu = [r.builds[name].median_cpu_seconds for r in results]
        lines.append((f"{names[name]}, wall clock", colours[name], False, wall))
        lines.append((f"{names[name]}, CPU time", colours[name], True, cpu))
    x_step = nice_step(max(xs))
    x_max = x_step * math.ceil(max(xs) / x_step)
    y_top = max(max(values) for *_, values in lines)
    y_step = nice_step(y_top)
    y_max = y_step * (math.floor(y_top / y_step) + 1)

    def px(x: float) -> float:
        return left + plot_w * x / x_max

    def py(y: float) -> float:
        return top + plot_h * (1 - y / y_max)

    summary = "; ".join(
        f"N={x}: " + ", ".join(f"{label} {values[i]:.2f} s" for label, _c, _d, values in lines)
        for i, x in enumerate(xs)
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="title desc" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="12">',
        '<title id="title">Median build time against posts per language</title>',
        f'<desc id="desc">{html.escape(summary)}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">'
        "Build time against size</text>",
    ]
    for index in range(round(y_max / y_step) + 1):
        tick = index * y_step
        y = py(tick)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#e0e0e0"/>'
        )
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{tick:g}</text>')
    for index in range(round(x_max / x_step) + 1):
        tick = index * x_step
        x = px(tick)
        out.append(
            f'<line x1="{x:.1f}" y1="{top + plot_h}" x2="{x:.1f}" y2="{top + plot_h + 5}" '
            'stroke="#424242"/>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{top + plot_h + 20}" text-anchor="middle">{tick:g}</text>'
        )
    out += [
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#424242"/>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        'stroke="#424242"/>',
        f'<text x="{left + plot_w / 2}" y="{height - 15}" text-anchor="middle">'
        "posts per language (N)</text>",
        f'<text transform="translate(18 {top + plot_h / 2}) rotate(-90)" '
        'text-anchor="middle">median build time (s)</text>',
    ]
    for label, colour, dashed, values in lines:
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        points = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, values, strict=True))
        if len(xs) > 1:
            out.append(
                f'<polyline points="{points}" fill="none" stroke="{colour}" '
                f'stroke-width="2.5"{dash}/>'
            )
        for x, y in zip(xs, values, strict=True):
            fill = "#ffffff" if dashed else colour
            out.append(
                f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="4" fill="{fill}" '
                f'stroke="{colour}" stroke-width="2"><title>{html.escape(label)}: N={x}, '
                f"{y:.2f} s</title></circle>"
            )
    legend_x, legend_y = left + 14, top + 8
    out.append(
        f'<rect x="{legend_x - 8}" y="{legend_y - 10}" width="300" height="{len(lines) * 18 + 6}" '
        'fill="#ffffff" fill-opacity="0.85" stroke="#e0e0e0"/>'
    )
    for index, (label, colour, dashed, _values) in enumerate(lines):
        y = legend_y + index * 18
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        fill = "#ffffff" if dashed else colour
        out.append(
            f'<line x1="{legend_x}" y1="{y}" x2="{legend_x + 28}" y2="{y}" stroke="{colour}" '
            f'stroke-width="2.5"{dash}/>'
        )
        out.append(
            f'<circle cx="{legend_x + 14}" cy="{y}" r="4" fill="{fill}" stroke="{colour}" '
            'stroke-width="2"/>'
        )
        out.append(f'<text x="{legend_x + 36}" y="{y + 4}">{html.escape(label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a list of numbers like 100,300,1000"
        ) from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers, e.g. 100,300,1000")
    return sizes


def parse_ports(text: str) -> range:
    """``8600-8699`` as the range of those ports.

    >>> parse_ports("8600-8699")
    range(8600, 8700)
    """
    low, _, high = text.partition("-")
    try:
        first, last = int(low), int(high or low)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a range of ports like 8600-8699"
        ) from None
    if not 0 < first <= last < 65536:
        raise argparse.ArgumentTypeError(f"'{text}' is not a range of ports like 8600-8699")
    return range(first, last + 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--posts", type=int, default=300, help="posts per language (default 300)")
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=[],
        help="more sizes to measure, comma-separated (e.g. 100,300,1000)",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="builds of each kind per size (default 3)"
    )
    parser.add_argument(
        "--edits", type=int, default=5, help="preview edits per build and size (at least 5)"
    )
    parser.add_argument(
        "--ports",
        type=parse_ports,
        default=None,
        help="ports the preview server may use, e.g. 8600-8699 (default: any free port)",
    )
    parser.add_argument("--seed", type=int, default=2017, help="seed of the synthetic content")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=REPO / "bench-output",
        help="where the temporary trees go (default bench-output/)",
    )
    parser.add_argument("--markdown", type=Path, default=REPO / "docs" / "benchmarks.md")
    parser.add_argument("--svg", type=Path, default=REPO / "docs" / "bench-build-time.svg")
    parser.add_argument(
        "--no-page-weight", action="store_true", help="skip the browser measurement"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated trees and outputs")
    args = parser.parse_args(argv)
    if args.posts < 1 or args.runs < 1:
        parser.error("--posts and --runs must be at least 1")
    if args.edits < 5:
        parser.error("--edits must be at least 5 (the preview figure is a median)")
    sizes = sorted({args.posts, *args.sizes})
    command = shlex.join(["python", "scripts/bench.py", *(sys.argv[1:] if argv is None else argv)])

    def log(message: str) -> None:
        print(f"bench: {message}", file=sys.stderr, flush=True)

    use_gnu_time = gnu_time_available()
    args.workdir.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="bench-", dir=args.workdir))
    log(
        f"sizes {', '.join(map(str, sizes))}; {args.runs} runs each; working in {workdir}; "
        f"peak memory from {'GNU time' if use_gnu_time else 'os.wait4'}"
    )
    try:
        results = [
            bench_size(
                n,
                args.runs,
                workdir,
                args.seed,
                use_gnu_time,
                not args.no_page_weight,
                log,
                warm_up=index == 0,
                edits=args.edits,
                ports=args.ports,
            )
            for index, n in enumerate(sizes)
        ]
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    except (OSError, ValueError, subprocess.SubprocessError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130
    finally:
        if args.keep:
            log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    today = dt.datetime.now(dt.UTC).date().isoformat()
    svg_path: Path = args.svg
    markdown_path: Path = args.markdown
    svg_path.parent.mkdir(parents=True, exist_ok=True)
    markdown_path.parent.mkdir(parents=True, exist_ok=True)
    svg_path.write_text(render_svg(results), encoding="utf-8")
    svg_name = os.path.relpath(svg_path, markdown_path.parent).replace(os.sep, "/")
    markdown_path.write_text(
        render_markdown(results, command, args.runs, today, svg_name, use_gnu_time),
        encoding="utf-8",
    )
    for result in results:
        ours, base = result.builds["clustersite"], result.builds["baseline"]
        print(
            f"N={result.posts}: clustersite {ours.median_seconds:.2f} s ({ours.pages} pages, "
            f"{ours.peak_mib:.0f} MiB), baseline {base.median_seconds:.2f} s ({base.pages} pages, "
            f"{base.peak_mib:.0f} MiB), ratio {ratio(ours.median_seconds, base.median_seconds)}; "
            f"rebuild {result.rebuild.median_seconds:.2f} s; preview "
            + ", ".join(
                f"{name} {statistics.median(t):.2f} s" for name, t in result.preview.items()
            )
        )
    print(f"wrote {markdown_path} and {svg_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
