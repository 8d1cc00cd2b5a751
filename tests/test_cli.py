"""The `clustersite` command, run in-process in small temporary sites.

Every command is checked for what it creates, that it refuses to overwrite (bytes and
mtime unchanged), and that every failure is one message and a non-zero exit code.
"""

from __future__ import annotations

import datetime as dt
import doctest
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from clustersite import cli, scaffold, translation
from clustersite.cli import main
from clustersite.model import load_site
from clustersite.projects import PROJECT_FIELDS
from clustersite.scaffold import quarterly_title
from clustersite.settings import SiteSettings
from clustersite.translation import source_hash

if TYPE_CHECKING:
    from support import SiteFactory

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def site(make_site: Callable[..., SiteFactory], monkeypatch: pytest.MonkeyPatch) -> SiteFactory:
    """A small trilingual site; the tests run in its root folder, as an editor would."""
    factory = make_site()
    monkeypatch.chdir(factory.root)
    return factory


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run `clustersite *args`; return (exit code, stdout, stderr)."""

    def runner(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse: --help, or a mistyped command line
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return runner


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    data = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(data, dict)
    return data


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root`` with its bytes and mtime: proof that nothing changed."""
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def problems_of(root: Path) -> list[str]:
    return [str(p) for p in load_site(SiteSettings.from_mkdocs_yml(root)).problems]


def placeholders_only(problems: list[str]) -> list[str]:
    """The files of ``problems``, which must all be the placeholder paragraph left in."""
    assert all("the paragraph a new file starts with" in p for p in problems), problems
    return [p.split(":", 1)[0] for p in problems]


# -- help -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["new"],
        ["new", "post"],
        ["new", "quarterly"],
        ["new", "project"],
        ["translate"],
        ["status"],
        ["check"],
        ["build"],
    ],
)
def test_every_command_has_help(run: Run, command: list[str]) -> None:
    code, out, err = run(*command, "--help")
    assert code == 0, err
    assert out.startswith(f"usage: clustersite {' '.join(command)}".rstrip())
    assert "--root DIR" in out


def test_without_a_command_the_help_is_shown(run: Run) -> None:
    code, _out, err = run()
    assert code == 2
    assert "new" in err and "translate" in err and "status" in err and "check" in err
    code, _out, err = run("new")
    assert code == 2 and "post" in err and "quarterly" in err and "project" in err


def test_the_installed_command_shows_its_help() -> None:
    command = Path(sys.executable).parent / "clustersite"
    result = subprocess.run([str(command), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: clustersite")
    for name in ("new", "translate", "status", "check", "build"):
        assert f"    {name} " in result.stdout


# Words of the message files that a native editor reads (see locales/messages/<lang>.yml).
IN_LANGUAGE = {
    "lv": {
        "usage": "lietojums: clustersite new post",
        "help": "jaunuma virsraksts pēdiņās",
        "bad_date": "clustersite new post: kļūda: --date: '30.06.2020' nav datums",
        "no_project": "Kļūda: projekta 'nope' nav (data/projects/nope.yml)",
        "created": "Izveidots: content/en/news/2020/x.md",
        "table": ("VEIDS", "VIENUMS", "jaunums", "oriģināls", "trūkst"),
        "totals": "3 vienumi 3 valodās: 3 oriģināli, 4 iztulkoti, 0 iesāktu, 0 novecojušu, 2 trūkstoši.",
    },
    "it": {
        "usage": "uso: clustersite new post",
        "help": "il titolo della notizia, tra virgolette",
        "bad_date": "clustersite new post: errore: --date: '30.06.2020' non è una data",
        "no_project": "Errore: non c'è un progetto 'nope' (data/projects/nope.yml)",
        "created": "Creato: content/en/news/2020/x.md",
        "table": ("TIPO", "ELEMENTO", "notizia", "originale", "mancante"),
        "totals": "3 elementi in 3 lingue: 3 originali, 4 tradotti, 0 iniziati, 0 da aggiornare, 2 mancanti.",
    },
}


@pytest.mark.parametrize("lang", sorted(IN_LANGUAGE))
def test_help_mistakes_errors_and_status_speak_the_editors_language(
    lang: str, site: SiteFactory, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = IN_LANGUAGE[lang]
    monkeypatch.setenv("CLUSTERSITE_LANG", lang)
    code, out, _err = run("new", "post", "--help")
    assert code == 0 and out.startswith(words["usage"])
    assert words["help"] in " ".join(out.split())  # help texts are wrapped to the terminal
    code, _out, err = run("new", "post", "--title", "X", "--date", "30.06.2020")
    assert code == 2 and words["bad_date"] in err and "Traceback" not in err
    code, _out, err = run(
        "new", "post", "--title", "X", "--date", "2020-06-30", "--project", "nope"
    )
    assert code == 1 and err.startswith(words["no_project"])
    # --lang of `new` is the language of the file, not of the messages
    code, out, _err = run("new", "post", "--title", "X", "--date", "2020-06-30", "--lang", "en")
    assert code == 0 and out.startswith(words["created"])
    code, out, _err = run("status")
    header = out.splitlines()[0]
    assert header.split()[:2] == list(words["table"][:2])
    assert all(word in out for word in words["table"][2:])
    assert words["totals"] in out


def test_the_site_default_language_speaks_unless_told_otherwise(
    site: SiteFactory, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order: --lang (check, status), CLUSTERSITE_LANG, the site's default language (lv)."""
    monkeypatch.delenv("CLUSTERSITE_LANG")
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    assert run("status")[1].startswith("VEIDS")
    assert run("status", "--lang", "en")[1].startswith("KIND")
    monkeypatch.setenv("CLUSTERSITE_LANG", "it")
    assert run("status")[1].startswith("TIPO")
    assert run("check", "--lang", "lv")[1].strip().endswith("Problēmu nav.")


# -- new post -------------------------------------------------------------------------------


def test_new_post_creates_a_valid_post_that_builds(site: SiteFactory, run: Run) -> None:
    code, out, err = run("new", "post", "--title", "Jauns projekts Rīgā", "--date", "2021-05-04")
    assert code == 0, err
    path = site.root / "content/lv/news/2021/jauns-projekts-riga.md"
    assert out.startswith("Created content/lv/news/2021/jauns-projekts-riga.md\n")
    meta = front_matter(path)
    assert meta == {
        "title": "Jauns projekts Rīgā",
        "date": dt.date(2021, 5, 4),
        "projects": [],
        "kind": "news",
        "draft": False,
    }
    text = path.read_text(encoding="utf-8")
    assert "# summary: " in text  # a commented hint, in Latvian
    assert "Pirmajā rindkopā" in text
    # the placeholder paragraph is the one thing left to do: found before it is published
    (problem,) = problems_of(site.root)
    assert problem.startswith("content/lv/news/2021/jauns-projekts-riga.md:11: text: the paragraph")
    site.build(strict=False)
    path.write_text(text.replace(text.split("---\n", 2)[2], "\nMūsu teksts.\n"), encoding="utf-8")
    assert problems_of(site.root) == []
    site.build(strict=True)
    html = site.html("news/2021/jauns-projekts-riga/index.html")
    assert "Jauns projekts Rīgā" in html


def test_new_post_with_every_option(site: SiteFactory, run: Run) -> None:
    code, _out, err = run(
        "new",
        "post",
        "--title",
        "New project in Riga",
        "--date",
        "2021-05-04",
        "--lang",
        "en",
        "--project",
        "neeghw",
        "--kind",
        "quarterly",
        "--author",
        "LETERA",
        "--slug",
        "riga",
    )
    assert code == 0, err
    path = site.root / "content/en/news/2021/riga.md"
    assert front_matter(path) == {
        "title": "New project in Riga",
        "date": dt.date(2021, 5, 4),
        "author": "LETERA",
        "projects": ["neeghw"],
        "kind": "quarterly",
        "draft": False,
    }
    assert "In the first paragraph" in path.read_text(encoding="utf-8")
    assert placeholders_only(problems_of(site.root)) == ["content/en/news/2021/riga.md"]


@pytest.mark.parametrize(
    "title",
    [
        'Say "hi": <script>alert(1)</script>',
        "it's 50% #1: a test",
        "yes",
        "2020",
        "- a dash",
        "[Rīga] & {Liepāja} * ! | > '",
        "!ENV HOME",
        "Klastera aktualitātes 2/2020",
    ],
)
def test_any_title_round_trips(site: SiteFactory, run: Run, title: str) -> None:
    code, _out, err = run("new", "post", "--title", title, "--date", "2021-05-04", "--slug", "t")
    assert code == 0, err
    assert front_matter(site.root / "content/lv/news/2021/t.md")["title"] == title
    posts = load_site(SiteSettings.from_mkdocs_yml(site.root)).posts
    assert [post.title for post in posts] == [title]


def test_new_post_refuses_to_overwrite(site: SiteFactory, run: Run) -> None:
    existing = site.post("lv", 2021, "jauns-projekts-riga", "Mans teksts", "2021-05-04")
    os.utime(existing, ns=(1_000_000_000, 1_000_000_000))
    before = snapshot(site.root)
    code, out, err = run("new", "post", "--title", "Jauns projekts Rīgā", "--date", "2021-05-04")
    assert code == 1
    assert out == ""
    assert err.startswith(
        "Error: content/lv/news/2021/jauns-projekts-riga.md already exists; nothing was changed."
    )
    assert err.count("\n") == 1  # one message
    assert snapshot(site.root) == before


def test_new_post_refuses_a_slug_used_in_another_year(site: SiteFactory, run: Run) -> None:
    site.post("lv", 2020, "jauns-projekts-riga", "Vecais", "2020-05-04")
    before = snapshot(site.root)
    code, _out, err = run("new", "post", "--title", "Jauns projekts Rīgā", "--date", "2021-05-04")
    assert code == 1
    assert "already used by content/lv/news/2020/jauns-projekts-riga.md" in err
    assert snapshot(site.root) == before


def test_new_post_unknown_project_names_it_and_lists_the_known_ones(
    site: SiteFactory, run: Run
) -> None:
    before = snapshot(site.root)
    code, _out, err = run(
        "new",
        "post",
        "--title",
        "X",
        "--date",
        "2021-05-04",
        "--project",
        "neeghw",
        "--project",
        "nope",
    )
    assert code == 1
    assert "there is no project 'nope'" in err
    assert "Known projects: neeghw" in err
    assert "clustersite new project nope" in err
    assert snapshot(site.root) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "de"], "'de' is not a language of this site (--lang); use one of: lv, en, it"),
        (["--slug", "Rīga"], "option --slug: 'Rīga' is not a valid slug"),
        (["--slug", "page"], "option --slug: 'page' is reserved"),
        (["--slug", "q2"], "option --slug: 'q2' is reserved"),
        (["--title", "   "], "--title is empty"),
        (["--title", "two\nlines"], "--title must be one line"),
    ],
)
def test_new_post_rejects_bad_input(
    site: SiteFactory, run: Run, args: list[str], message: str
) -> None:
    before = snapshot(site.root)
    code, out, err = run("new", "post", "--title", "X", "--date", "2021-05-04", *args)
    assert code == 1
    assert err.startswith(f"Error: {message}")
    assert "Traceback" not in err and out == ""
    assert snapshot(site.root) == before


def test_a_date_that_is_not_a_date_is_a_usage_error(site: SiteFactory, run: Run) -> None:
    code, _out, err = run("new", "post", "--title", "X", "--date", "30.06.2020")
    assert code == 2
    assert "'30.06.2020' is not a date: write it as YYYY-MM-DD" in err


def test_a_future_date_gets_a_note(site: SiteFactory, run: Run) -> None:
    code, out, _err = run("new", "post", "--title", "Nākotne", "--date", "2999-01-01")
    assert code == 0
    assert "Note: the date 2999-01-01 is in the future" in out


# -- new quarterly --------------------------------------------------------------------------


def quarter_posts(site: SiteFactory) -> None:
    site.post("lv", 2020, "otra", "Otrā ziņa [ar iekavām]", "2020-06-15", projects="[neeghw]")
    site.post("lv", 2020, "pirma", "Pirmā ziņa", "2020-04-01")
    site.post("lv", 2020, "juliji", "Jūlija ziņa", "2020-07-01")  # the next quarter
    site.post("lv", 2020, "melnraksts", "Melnraksts", "2020-05-01", draft="true")
    site.post("en", 2020, "english", "English news", "2020-05-01")


def test_new_quarterly_lists_the_quarters_posts(site: SiteFactory, run: Run) -> None:
    quarter_posts(site)
    code, out, err = run("new", "quarterly", "2020", "2")
    assert code == 0, err
    path = site.root / "content/lv/news/2020/klastera-aktualitates-2-2020.md"
    assert out.startswith("Created content/lv/news/2020/klastera-aktualitates-2-2020.md\n")
    assert "it links 2 posts of 2/2020 in lv" in out
    meta = front_matter(path)
    assert meta == {
        "title": "Klastera aktualitātes 2/2020",
        "date": dt.date(2020, 6, 30),
        "projects": ["neeghw"],
        "kind": "quarterly",
        "draft": False,
    }
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "- [Pirmā ziņa](pirma.md)\n- [Otrā ziņa \\[ar iekavām\\]](otra.md)\n" in body
    assert "juliji" not in body and "melnraksts" not in body and "english" not in body
    assert placeholders_only(problems_of(site.root)) == [
        "content/lv/news/2020/klastera-aktualitates-2-2020.md"
    ]
    path.write_text(
        path.read_text(encoding="utf-8").replace(body.split("\n\n")[0], "Ceturksnis bija ražīgs."),
        encoding="utf-8",
    )
    assert problems_of(site.root) == []
    site.build(strict=True)  # the links resolve (a strict build stops on a broken link)
    html = site.html("news/2020/klastera-aktualitates-2-2020/index.html")
    assert 'href="../pirma/"' in html


@pytest.mark.parametrize(
    ("lang", "path", "title"),
    [
        ("it", "content/it/news/2021/notizie-dal-cluster-4-2021.md", "Notizie dal cluster 4/2021"),
        ("en", "content/en/news/2021/cluster-news-4-2021.md", "Cluster news 4/2021"),
    ],
)
def test_new_quarterly_in_other_languages(
    site: SiteFactory, run: Run, lang: str, path: str, title: str
) -> None:
    code, out, err = run("new", "quarterly", "2021", "4", "--lang", lang)
    assert code == 0, err
    meta = front_matter(site.root / path)
    assert meta["title"] == title
    assert meta["date"] == dt.date(2021, 12, 31)
    assert "it links 0 posts" in out


def test_quarterly_titles_fall_back_to_english() -> None:
    assert quarterly_title("lv", 2020, 2) == "Klastera aktualitātes 2/2020"
    assert quarterly_title("it", 2020, 2) == "Notizie dal cluster 2/2020"
    assert quarterly_title("en", 2020, 2) == "Cluster news 2/2020"
    assert quarterly_title("de", 2020, 2) == "Cluster news 2/2020"


def test_new_quarterly_refuses_to_overwrite(site: SiteFactory, run: Run) -> None:
    site.post(
        "lv",
        2020,
        "klastera-aktualitates-2-2020",
        "Klastera aktualitātes 2/2020",
        "2020-06-30",
        kind="quarterly",
    )
    before = snapshot(site.root)
    code, _out, err = run("new", "quarterly", "2020", "2")
    assert code == 1
    assert "content/lv/news/2020/klastera-aktualitates-2-2020.md is already the report" in err
    assert snapshot(site.root) == before


@pytest.mark.parametrize(("year", "quarter"), [("2020", "5"), ("20", "2"), ("2020", "x")])
def test_new_quarterly_rejects_a_wrong_quarter(
    site: SiteFactory, run: Run, year: str, quarter: str
) -> None:
    code, _out, err = run("new", "quarterly", year, quarter)
    assert code == 2
    assert "is not a" in err


# -- new project ----------------------------------------------------------------------------


TODO_FIELDS = {
    "title.lv",
    "fund",
    "start",
    "end",
    "budget.total",
    "budget.eu",
    "budget.cofinancing",
}


def test_new_project_template_is_flagged_only_for_its_placeholders(
    site: SiteFactory, run: Run
) -> None:
    code, out, err = run("new", "project", "jauns-projekts")
    assert code == 0, err
    path = site.root / "data/projects/jauns-projekts.yml"
    assert out.startswith("Created data/projects/jauns-projekts.yml\n")
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert set(data) <= PROJECT_FIELDS
    assert data["fund"] == data["start"] == data["end"] == "TODO"
    # every field is explained in a comment on the line before it
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line and not line.startswith((" ", "#")):
            assert lines[index - 1].startswith("#"), line

    code, out, _err = run("check", "--format", "json")
    assert code == 1
    problems = json.loads(out)
    assert {p["path"] for p in problems} == {"data/projects/jauns-projekts.yml"}
    assert {p["field"] for p in problems} == TODO_FIELDS
    assert all(p["line"] for p in problems)

    filled = (
        text.replace("fund: TODO", "fund: ERDF")
        .replace("start: TODO", "start: 2021-01-01")
        .replace("end: TODO", "end: 2021-12-31")
        .replace("total: TODO", "total: 1000")
        .replace("eu: TODO", "eu: 850")
        .replace("cofinancing: TODO", "cofinancing: 150")
        .replace("title:\n  lv:", "title:\n  lv: Jauns projekts")
    )
    path.write_text(filled, encoding="utf-8")
    code, out, _err = run("check")
    assert code == 0, out
    assert out.strip() == "No problems found."


def test_new_project_comments_are_in_the_sites_default_language(
    site: SiteFactory, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One file serves every language: its comments follow the site (lv), not the terminal."""
    monkeypatch.setenv("CLUSTERSITE_LANG", "it")
    code, _out, err = run("new", "project", "jauns-projekts")
    assert code == 0, err
    text = (site.root / "data/projects/jauns-projekts.yml").read_text(encoding="utf-8")
    assert "# Akronīms (nav obligāts), piemēram, NEEGHW\nacronym:\n" in text
    assert "  cofinancing: TODO   # pārējais finansējums: valsts vai pašu" in text
    assert "#   - title: {lv: …, en: …}\n" in text
    assert "Short name" not in text and "Acronimo" not in text


def test_new_project_refuses_to_overwrite(site: SiteFactory, run: Run) -> None:
    before = snapshot(site.root)
    code, _out, err = run("new", "project", "neeghw")
    assert code == 1
    assert "data/projects/neeghw.yml already exists; nothing was changed" in err
    assert snapshot(site.root) == before


@pytest.mark.parametrize("slug", ["Rīga", "two words", "index", "x_y"])
def test_new_project_rejects_a_bad_slug(site: SiteFactory, run: Run, slug: str) -> None:
    before = snapshot(site.root)
    code, _out, err = run("new", "project", slug)
    assert code == 1
    assert err.startswith(f"Error: the project slug '{slug}' is")
    assert snapshot(site.root) == before


# -- translate and status -------------------------------------------------------------------


def status_of(run: Run, item: str) -> dict[str, str]:
    code, out, _err = run("status", "--format", "json")
    assert code == 0
    report = json.loads(out)
    (found,) = [entry for entry in report["items"] if entry["item"] == item]
    return dict(found["status"])


def test_translate_copies_the_source_and_records_its_hash(site: SiteFactory, run: Run) -> None:
    source = site.post("lv", 2020, "x", "Sākas projekts", "2020-09-01", projects="[neeghw]")
    code, out, err = run("translate", "content/lv/news/2020/x.md", "--to", "en")
    assert code == 0, err
    assert out.startswith("Created content/en/news/2020/x.md\n")
    target = site.root / "content/en/news/2020/x.md"
    source_text = source.read_text(encoding="utf-8")
    meta = front_matter(target)
    assert meta["title"] == "Sākas projekts"  # kept for the translator
    assert meta["translated_from"] == "lv"
    assert meta["source_hash"] == source_hash(source_text)
    assert len(meta["source_hash"]) == 16
    body = target.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body == source_text.split("---\n", 2)[2]
    assert problems_of(site.root) == []


def test_status_goes_from_missing_to_ok_to_outdated(site: SiteFactory, run: Run) -> None:
    source = site.post("lv", 2020, "x", "Sākas projekts", "2020-09-01")
    assert status_of(run, "news/2020/x.md") == {"lv": "source", "en": "missing", "it": "missing"}

    assert run("translate", "content/lv/news/2020/x.md", "--to", "en")[0] == 0
    # a fresh copy is still the source's text: work in progress until marked translated
    assert status_of(run, "news/2020/x.md") == {"lv": "source", "en": "started", "it": "missing"}
    mark_translated(site.root / "content/en/news/2020/x.md")
    assert status_of(run, "news/2020/x.md") == {"lv": "source", "en": "ok", "it": "missing"}

    # a translation of the translation still counts its own source
    assert run("translate", "content/en/news/2020/x.md", "--to", "it")[0] == 0
    assert status_of(run, "news/2020/x.md")["it"] == "started"
    mark_translated(site.root / "content/it/news/2020/x.md")
    assert status_of(run, "news/2020/x.md") == {"lv": "source", "en": "ok", "it": "ok"}

    source.write_text(source.read_text(encoding="utf-8") + "\nJauna rindkopa.\n", encoding="utf-8")
    assert status_of(run, "news/2020/x.md") == {"lv": "source", "en": "outdated", "it": "ok"}
    code, out, _err = run("status")
    assert code == 0
    assert "news/2020/x.md (en, outdated): content/lv/news/2020/x.md has changed" in out

    # the translator updates the text, then records the hash the note gives
    current = source_hash(source.read_text(encoding="utf-8"))
    assert f"set its source_hash: {current}" in out
    translated = site.root / "content/en/news/2020/x.md"
    old = front_matter(translated)["source_hash"]
    translated.write_text(
        translated.read_text(encoding="utf-8").replace(old, current), encoding="utf-8"
    )
    assert status_of(run, "news/2020/x.md") == {"lv": "source", "en": "ok", "it": "ok"}


def mark_translated(path: Path) -> None:
    """What the editor does when the translation is done (the editor guides say so)."""
    text = path.read_text(encoding="utf-8")
    assert "\ntranslated: false" in text
    path.write_text(text.replace("\ntranslated: false", "\ntranslated: true", 1), encoding="utf-8")


def test_line_endings_do_not_make_a_translation_outdated(site: SiteFactory, run: Run) -> None:
    source = site.post("lv", 2020, "x", "Sākas projekts", "2020-09-01")
    assert run("translate", str(source), "--to", "en")[0] == 0
    mark_translated(site.root / "content/en/news/2020/x.md")
    source.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    assert status_of(run, "news/2020/x.md")["en"] == "ok"


def test_status_table(site: SiteFactory, run: Run) -> None:
    site.post("lv", 2020, "x", "Sākas projekts", "2020-09-01")
    site.write(
        "data/projects/vienvaloda.yml",
        "title: Tikai latviski\nfund: ERDF\nstart: 2020-01-01\nend: 2020-12-31\n",
    )
    code, out, err = run("status")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["KIND", "ITEM", "LV", "EN", "IT"]
    rows = {
        line.split()[1]: line.split()
        for line in lines[1:]
        if line.startswith(("post ", "page ", "project "))
    }
    assert rows["news/2020/x.md"] == ["post", "news/2020/x.md", "source", "missing", "missing"]
    assert rows["index.md"] == ["page", "index.md", "source", "ok", "ok"]
    assert rows["data/projects/neeghw.yml"][2:] == ["source", "ok", "ok"]
    assert rows["data/projects/vienvaloda.yml"][2:] == ["source", "missing", "missing"]
    # aligned columns: every row's language cells start where the header's do
    column = lines[0].index("LV")
    assert all(row[column - 2 : column] == "  " and row[column] != " " for row in lines[1:5])
    assert lines[5] == ""
    assert lines[6] == "4 items in 3 languages: 4 source, 4 ok, 0 started, 0 outdated, 4 missing."
    assert lines[7].startswith("To start a translation: clustersite translate")


def test_status_of_a_project_with_some_texts_missing(site: SiteFactory, run: Run) -> None:
    site.write(
        "data/projects/daleji.yml",
        "title: {lv: Projekts, en: Project}\nsummary: {lv: Apraksts.}\nfund: ERDF\n"
        "start: 2020-01-01\nend: 2020-12-31\n",
    )
    _code, out, _err = run("status", "--format", "json")
    (item,) = [i for i in json.loads(out)["items"] if i["item"] == "data/projects/daleji.yml"]
    assert item["kind"] == "project"
    assert item["status"] == {"lv": "source", "en": "missing", "it": "missing"}
    assert item["notes"] == {"en": "no summary.en"}


def test_translate_refuses_to_overwrite(site: SiteFactory, run: Run) -> None:
    before = snapshot(site.root)
    code, _out, err = run("translate", "content/lv/index.md", "--to", "en")
    assert code == 1
    assert "content/en/index.md already exists; nothing was changed." in err
    assert "source_hash: " in err  # how to bring an outdated translation up to date
    assert snapshot(site.root) == before


def test_translate_a_page_without_front_matter(site: SiteFactory, run: Run) -> None:
    site.write("content/lv/kontakti.md", "# Kontakti\n\nRakstiet mums.\n")
    assert run("translate", "content/lv/kontakti.md", "--to", "it")[0] == 0
    text = (site.root / "content/it/kontakti.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntranslated_from: lv")
    assert text.endswith("---\n\n# Kontakti\n\nRakstiet mums.\n")
    assert status_of(run, "kontakti.md") == {"lv": "source", "en": "missing", "it": "started"}


def test_translate_works_from_a_subfolder(
    site: SiteFactory, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.post("lv", 2020, "x", "Sākas projekts", "2020-09-01")
    monkeypatch.chdir(site.root / "content/lv/news")
    code, out, err = run("translate", "2020/x.md", "--to", "it")
    assert code == 0, err
    assert out.startswith("Created content/it/news/2020/x.md")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["content/lv/nothing.md", "--to", "en"], "there is no file content/lv/nothing.md"),
        (["content/lv/index.md", "--to", "lv"], "content/lv/index.md is already in lv"),
        (["content/lv/index.md", "--to", "de"], "'de' is not a language of this site (--to)"),
        (["data/projects/neeghw.yml", "--to", "en"], "data/projects/neeghw.yml holds a project's"),
        (["mkdocs.yml", "--to", "en"], "mkdocs.yml is not in content/<language>/"),
    ],
)
def test_translate_rejects_bad_input(
    site: SiteFactory, run: Run, args: list[str], message: str
) -> None:
    before = snapshot(site.root)
    code, _out, err = run("translate", *args)
    assert code == 1
    assert err.startswith(f"Error: {message}")
    assert snapshot(site.root) == before


# -- check ----------------------------------------------------------------------------------


def test_check_a_sound_site(site: SiteFactory, run: Run) -> None:
    assert run("check") == (0, "No problems found.\n", "")
    assert run("check", "--format", "json") == (0, "[]\n", "")


def test_check_lists_every_problem_with_file_line_and_fix(site: SiteFactory, run: Run) -> None:
    site.write(
        "content/lv/news/2020/x.md",
        "---\ntitle: Ziņa\ndate: soon\nprojects: [nope]\n---\n\nTeksts.\n",
    )
    site.post("lv", 2999, "nakotne", "Nākotne", "2999-01-01")
    code, out, err = run("check")
    assert code == 1, err
    lines = out.splitlines()
    assert lines[0] == (
        "content/lv/news/2020/x.md:3: date: 'soon' is not a date — write the date "
        "as YYYY-MM-DD, e.g. 2020-06-30"
    )
    assert lines[1].startswith("content/lv/news/2020/x.md:4: projects: there is no project 'nope'")
    assert lines[2].startswith(
        "content/lv/news/2999/nakotne.md: date: the post is dated 2999-01-01, in the future — "
    )
    assert lines[-1] == (
        "2 errors and 1 warning: the site cannot be built until the errors are fixed."
    )

    code, out, _err = run("check", "--format", "json")
    assert code == 1
    problems = json.loads(out)
    assert [p["severity"] for p in problems] == ["error", "error", "warning"]
    assert problems[0] == {
        "path": "content/lv/news/2020/x.md",
        "field": "date",
        "message": "'soon' is not a date",
        "fix": "write the date as YYYY-MM-DD, e.g. 2020-06-30",
        "line": 3,
        "severity": "error",
        "key": "date.not_a_date",
    }


def test_warnings_alone_exit_zero(site: SiteFactory, run: Run) -> None:
    site.post("lv", 2999, "nakotne", "Nākotne", "2999-01-01")
    code, out, _err = run("check")
    assert code == 0
    assert out.splitlines()[-1].startswith("1 warning, no errors.")


def test_check_reports_a_broken_mkdocs_yml(site: SiteFactory, run: Run) -> None:
    (site.root / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    code, out, _err = run("check")
    assert code == 1
    # the line where YAML gave up: the end of the file, after the unclosed bracket
    assert out.startswith("mkdocs.yml:2: yaml: cannot be read")
    code, out, _err = run("check", "--format", "json")
    assert code == 1
    assert json.loads(out)[0]["path"] == "mkdocs.yml"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "news_per_page: 10",
            "news_per_page: ten",
            "mkdocs.yml: plugins.clustersite.news_per_page: 'ten' is not a whole number",
        ),
        ("docs_dir: content", "docs_dir: [content]", "mkdocs.yml: docs_dir: "),
        ("{locale: lv, name", "{name", "mkdocs.yml: plugins.i18n.languages.0: "),
    ],
)
def test_check_names_an_option_of_mkdocs_yml_of_the_wrong_kind(
    site: SiteFactory, run: Run, old: str, new: str, expected: str
) -> None:
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, out, err = run("check")
    assert code == 1 and out.startswith(expected), out
    assert "Traceback" not in out + err


def test_without_mkdocs_yml_every_command_says_where_to_run(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["status"], ["new", "project", "x"], ["build"]):
        code, _out, err = run(*command)
        assert code == 1
        assert "there is no mkdocs.yml" in err and "root folder" in err
        assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_root_option_before_or_after_the_command(
    site: SiteFactory, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("--root", str(site.root), "check")[0] == 0
    assert run("check", "--root", str(site.root))[0] == 0
    code, _out, _err = run("new", "project", "cits", "--root", str(site.root))
    assert code == 0 and (site.root / "data/projects/cits.yml").is_file()
    code, _out, err = run("--root", str(tmp_path / "nowhere"), "check")
    assert code == 1
    assert err.startswith("Error: --root")


def test_a_file_system_error_is_one_message(
    site: SiteFactory, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(target: Path, text: str) -> Path:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(scaffold, "create_file", denied)
    code, _out, err = run("new", "post", "--title", "X", "--date", "2021-05-04")
    assert code == 1
    assert err.startswith("Error: cannot read or write ") and "Permission denied" in err
    assert err.count("\n") == 1 and "Traceback" not in err


# -- build ----------------------------------------------------------------------------------


def test_build_builds_the_site(site: SiteFactory, run: Run) -> None:
    code, _out, err = run("build", "--strict", "--site-dir", "public")
    assert code == 0, err
    assert (site.root / "public/index.html").is_file()
    assert (site.root / "public/en/index.html").is_file()


def test_build_with_broken_content_fails_cleanly(
    site: SiteFactory, run: Run, caplog: pytest.LogCaptureFixture
) -> None:
    site.write("content/lv/news/2020/x.md", "---\ntitle: Ziņa\ndate: soon\n---\n")
    code, _out, err = run("build")
    assert code == 1
    assert "The build failed; site/ was left as it was." in err
    assert "content/lv/news/2020/x.md:3: date: 'soon' is not a date" in caplog.text
    assert "Traceback" not in err
    assert not (site.root / "site").exists()


def test_doctests() -> None:
    for module in (cli, scaffold, translation):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__


def test_hints_name_clustersite_as_it_was_started_when_it_is_not_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clustersite.cli import shown_program

    program = tmp_path / ".venv" / "bin" / "clustersite"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "elsewhere"))
    monkeypatch.setattr("sys.argv", [str(program), "status"])
    assert shown_program() == ".venv/bin/clustersite"
    monkeypatch.setenv("PATH", str(program.parent))
    assert shown_program() == "clustersite"
    monkeypatch.setattr("sys.argv", ["/x/__main__.py"])  # python -m clustersite
    assert shown_program() == "clustersite"
