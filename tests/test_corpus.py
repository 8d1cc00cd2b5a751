"""Hostile and broken input: every case in ``tests/corpus/`` stops the build with one clear message.

Each folder in ``tests/corpus/`` is one case: its files are laid over the small valid site of
``make_site`` (same relative paths), and its ``expected.txt`` says what must happen::

    # comment lines start with '#'
    error | warning | ok                the first other line: the outcome
    data/projects/x.yml:2: fund: …      every other line: a text the one message must contain
    in news/2020/x/index.html: <h1>…    (ok cases) a built page and a text it must contain
    problems: 2                         (rare) more than one problem, all in the one message

- ``error``: validation finds exactly one error (or ``problems: N``), and it names the file and
  the field; the build stops with exactly one ERROR message holding it; ``clustersite check``
  exits 1 and prints it.
- ``warning``: no error and one warning; the build succeeds and logs it, ``--strict`` fails;
  ``clustersite check`` exits 0 and prints it.
- ``ok``: no problem at all; the strict build succeeds; the listed pages hold the listed texts.

A sample of cases also runs the real command lines in a subprocess, to see that nothing prints a
traceback. To add a case, add a folder: no code changes.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from mkdocs.exceptions import Abort, PluginError

from clustersite.model import load_site
from clustersite.posts import plain_summary
from clustersite.settings import SiteSettings

CORPUS = Path(__file__).parent / "corpus"
OUTCOMES = ("error", "warning", "ok")


@dataclass
class Case:
    name: str
    folder: Path
    outcome: str
    messages: list[str] = field(default_factory=list)
    count: int = 1
    pages: list[tuple[str, str]] = field(default_factory=list)

    def files(self) -> list[Path]:
        return sorted(p for p in self.folder.rglob("*") if p.is_file() and p.name != "expected.txt")

    def overlay(self, root: Path) -> None:
        for path in self.files():
            target = root / path.relative_to(self.folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def read_case(folder: Path) -> Case:
    lines = [
        line.rstrip("\n")
        for line in (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    ]
    lines = [line for line in lines if line.strip() and not line.startswith("#")]
    case = Case(folder.name, folder, lines[0].strip())
    for line in lines[1:]:
        if line.startswith("problems: "):
            case.count = int(line.removeprefix("problems: "))
        elif line.startswith("in ") and ": " in line:
            page, text = line[3:].split(": ", 1)
            case.pages.append((page, text))
        else:
            case.messages.append(line)
    return case


CASES = [
    read_case(folder) for folder in sorted(CORPUS.iterdir()) if (folder / "expected.txt").is_file()
]
BY_NAME = {case.name: case for case in CASES}


def test_the_corpus_is_complete_and_well_formed() -> None:
    assert len(CASES) >= 40
    for case in CASES:
        assert case.outcome in OUTCOMES, case.name
        assert case.files(), f"{case.name}: no input files"
        if case.outcome != "ok":
            # one message that names the file (a path) and the field ("path[:line]: field: …")
            assert case.messages and case.messages[0].count(": ") >= 2, case.name
    # git must not normalise the byte-exact fixtures (tests/corpus/.gitattributes: -text)
    assert (
        (CORPUS / "post-bom/content/lv/news/2020/bom.md")
        .read_bytes()
        .startswith(b"\xef\xbb\xbf---")
    )
    assert b"\r\n" in (CORPUS / "post-crlf/content/lv/news/2020/crlf.md").read_bytes()
    assert b"\r\n" in (CORPUS / "project-crlf/data/projects/crlf.yml").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        (CORPUS / "post-not-utf8/content/lv/news/2020/latin.md").read_bytes().decode("utf-8")


def _records(caplog: pytest.LogCaptureFixture, level: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelname == level]


def _contains_all(text: str, messages: list[str]) -> bool:
    return all(message in text for message in messages)


def _check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from clustersite.cli import main

    capsys.readouterr()
    code = main(["check", "--root", str(root)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_corpus_case(
    case: Case,
    make_site: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site = make_site()
    case.overlay(site.root)

    # the single validation, as `clustersite check` and the build run it
    loaded = load_site(SiteSettings.from_mkdocs_yml(site.root))
    errors = [str(p) for p in loaded.errors]
    warnings = [str(p) for p in loaded.warnings]
    if case.outcome == "error":
        assert len(errors) == case.count, errors
        assert _contains_all("\n".join(errors), case.messages), errors
    elif case.outcome == "warning":
        assert errors == [] and len(warnings) == 1, loaded.problems
        assert _contains_all(warnings[0], case.messages), warnings[0]
    else:
        assert loaded.problems == []

    # the command line
    code, output = _check(site.root, capsys)
    assert code == (1 if case.outcome == "error" else 0), output
    assert _contains_all(output, case.messages), output
    assert "Traceback" not in output

    # the build
    caplog.clear()
    with caplog.at_level(logging.INFO):
        if case.outcome == "error":
            with pytest.raises((PluginError, Abort)):
                site.build(strict=False)
            logged = _records(caplog, "ERROR")
            assert len(logged) == 1, logged
            assert _contains_all(logged[0], case.messages), logged[0]
            assert not (site.root / "site" / "index.html").exists()
        elif case.outcome == "warning":
            site.build(strict=False)
            assert any(_contains_all(w, case.messages) for w in _records(caplog, "WARNING"))
            assert _records(caplog, "ERROR") == []
            caplog.clear()
            with pytest.raises(Abort):
                site.build(strict=True)
        else:
            site.build(strict=True)
            assert _records(caplog, "ERROR") == []
            for page, text in case.pages:
                assert text in site.html(page), (page, text)
        if case.outcome != "error":
            assert_well_formed(site.root / "site")


def assert_well_formed(site_dir: Path) -> None:
    """Every feed and sitemap parses as XML, every JSON file as JSON."""
    for path in site_dir.rglob("*.xml"):
        ET.parse(path)
    for path in site_dir.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))


# -- the real command lines, in a subprocess ----------------------------------------------------
SUBPROCESS_SAMPLE = [
    "post-impossible-date",
    "post-not-utf8",
    "project-alias",
    "post-deep-nesting",
    "budget-off-by-one-cent",
    "post-path-with-spaces-and-diacritics",
    "post-unknown-field",
    "post-bom",
]
BIN = Path(sys.executable).parent


def _run(arguments: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "PYTHONUTF8": "1",
    }
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        arguments, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.mark.parametrize("name", SUBPROCESS_SAMPLE)
def test_command_lines_never_print_a_traceback(name: str, make_site: Callable[..., Any]) -> None:
    case = BY_NAME[name]
    site = make_site()
    case.overlay(site.root)
    check = _run([str(BIN / "clustersite"), "check", "--root", str(site.root)], site.root)
    build = _run(
        [
            sys.executable,
            "-m",
            "clustersite.build",
            "--strict",
            "--config-file",
            str(site.root / "mkdocs.yml"),
            "--site-dir",
            str(site.root / "site"),
        ],
        site.root,
    )
    for result in (check, build):
        assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert check.returncode == (1 if case.outcome == "error" else 0), check.stdout + check.stderr
    assert _contains_all(check.stdout, case.messages), check.stdout
    if case.outcome == "ok":
        assert build.returncode == 0, build.stderr
        assert (site.root / "site" / "index.html").is_file()
    else:  # errors stop the build; warnings stop the strict build
        assert build.returncode == 1, build.stderr
        assert _contains_all(build.stderr, case.messages), build.stderr
        assert not (site.root / "site").exists()


# -- size ------------------------------------------------------------------------------------------
def _large_post(size: int) -> str:
    """A long, realistic post: sections of paragraphs with links, emphasis, '<' and '&', lists."""
    paragraph = (
        "Klasteris tikās Rīgā ar **partneriem** no [Spānijas](https://example.org/es) un "
        "_Vācijas_; apspriesta ražība (< 5 % zudumu) & `kvalitāte` un [ES fondi][1]. "
    )
    blocks, total, number = [], 0, 0
    while total < size:
        number += 1
        block = (
            f"## Sadaļa {number}\n\n"
            + f"{paragraph * 4}\n\n" * 12
            + f"- punkts {number}\n- vēl viens <b>punkts</b>\n\n"
        )
        blocks.append(block)
        total += len(block.encode("utf-8"))
    body = "".join(blocks)
    return f"---\ntitle: Liels raksts\ndate: 2020-06-30\nsummary: Ļoti garš raksts.\n---\n\n{body}\n[1]: https://example.org\n"


def test_a_5_mb_post_builds_in_linear_time(make_site: Callable[..., Any]) -> None:
    """Ten times the text may cost about ten times the time (measured: a 5 MB post, rendered in
    three languages as the untranslated versions fall back to it, builds in about 30 s)."""
    timings = {}
    for size in (500_000, 5_000_000):
        site = make_site(cache=False)
        path = site.write("content/lv/news/2020/liels-raksts.md", _large_post(size))
        assert path.stat().st_size >= size
        started = time.perf_counter()
        site.build(strict=True)
        timings[size] = time.perf_counter() - started
        assert "Sadaļa 1" in site.html("news/2020/liels-raksts/index.html")
    assert timings[5_000_000] < 20 * timings[500_000] + 10, (
        timings
    )  # generous: CI machines are noisy
    assert timings[5_000_000] < 300, timings


@pytest.mark.parametrize(
    "unit", ["a < b ", "[a ", "![a ", "[a](b ", "{: a ", "x * y ", "w _ z ", "q ` r "]
)
def test_summary_of_a_huge_first_paragraph_is_linear(unit: str) -> None:
    """An unclosed '<' or '[' in a long first paragraph once made the summary quadratic."""
    started = time.perf_counter()
    plain_summary(unit * (2_000_000 // len(unit)))
    assert time.perf_counter() - started < 5
