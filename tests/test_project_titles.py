"""Official project names: shown as registered in every language, a translation under them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from clustersite.projects import Project, load_project_file
from clustersite.settings import SiteSettings
from support import SiteFactory

FACTS = "fund: COSME\nstart: 2020-09-01\nmonths: 18\n"
OFFICIAL = "New European Electronics for Global Health and Wellbeing"


def load(tmp_path: Path, text: str) -> tuple[Project | None, list[tuple[str, str]]]:
    settings = SiteSettings(
        root=tmp_path,
        docs_dir=tmp_path,
        data_dir=tmp_path,
        languages=("lv", "en", "it"),
        language_names={"lv": "Latviešu", "en": "English", "it": "Italiano"},
    )
    path = tmp_path / "neeghw.yml"
    path.write_text(text + FACTS, encoding="utf-8")
    project, problems = load_project_file(path, settings)
    return project, [(p.field, p.key) for p in problems if p.severity == "error"]


def test_an_official_title_is_the_name_in_every_language(tmp_path: Path) -> None:
    project, problems = load(
        tmp_path,
        f"official_title: {OFFICIAL}\nofficial_title_language: en\n"
        f"title: {{lv: Jaunā Eiropas elektronika, en: {OFFICIAL}}}\n",
    )
    assert problems == [] and project is not None
    assert [project.name(lang, "lv") for lang in ("lv", "en", "it")] == [OFFICIAL] * 3
    assert [project.name_language(lang, "lv") for lang in ("lv", "en", "it")] == ["en"] * 3
    # the translation where the editor wrote one; none where it is the name itself, and never
    # another language's
    assert [project.name_translation(lang) for lang in ("lv", "en", "it")] == [
        "Jaunā Eiropas elektronika",
        "",
        "",
    ]


def test_a_title_alone_keeps_its_meaning(tmp_path: Path) -> None:
    project, problems = load(tmp_path, "title: {lv: Klasteris, en: Cluster}\n")
    assert problems == [] and project is not None
    assert [project.name(lang, "lv") for lang in ("lv", "en", "it")] == [
        "Klasteris",
        "Cluster",
        "Klasteris",
    ]
    assert [project.name_language(lang, "lv") for lang in ("lv", "en", "it")] == ["lv", "en", "lv"]
    assert project.name_translation("lv") == project.name_translation("it") == ""


def test_an_official_title_of_unknown_language_takes_the_pages(tmp_path: Path) -> None:
    project, problems = load(tmp_path, f"official_title: {OFFICIAL}\n")
    assert problems == [] and project is not None
    assert project.name_language("it", "lv") == "it" and project.name_translation("it") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("acronym: NEEGHW\n", [("title", "project.no_title")]),
        (
            f"official_title: {{en: {OFFICIAL}}}\n",
            [("official_title", "project.official_title_per_language")],
        ),
        # left empty, as the new-project template leaves optional fields: as if not there
        ("official_title:\ntitle: {lv: X}\n", []),
        ("official_title:\n", [("title", "project.no_title")]),
        (
            "official_title_language: en\ntitle: {lv: X}\n",
            [("official_title_language", "project.official_title_language_alone")],
        ),
        (
            f"official_title: {OFFICIAL}\nofficial_title_language: english language\n",
            [("official_title_language", "project.official_title_language_unknown")],
        ),
        # beside an official title the translations are optional; alone, the default's is not
        (f"official_title: {OFFICIAL}\ntitle: {{it: Nuova elettronica}}\n", []),
        ("title: {it: Nuova elettronica}\n", [("title.lv", "translations.default_missing")]),
    ],
)
def test_title_problems_one_message_each(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    assert load(tmp_path, text)[1] == expected


def test_the_build_names_the_file_the_field_and_the_fix_in_the_editors_language(
    make_site: Callable[..., SiteFactory],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLUSTERSITE_LANG", "lv")
    site = make_site()
    site.write("data/projects/neeghw.yml", f"official_title: {{en: {OFFICIAL}}}\n{FACTS}")
    with pytest.raises((PluginError, Abort)):
        site.build()
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1
    assert "data/projects/neeghw.yml:1: official_title: ir reģistrētais nosaukums" in errors[0]
    assert "ierakstiet vienā rindā `official_title: <reģistrētais nosaukums>`" in errors[0]


def h1_and_translation(html: str) -> tuple[str, str]:
    heading = re.search(r"<h1[^>]*>.*?</h1>", html, re.S)
    assert heading is not None
    after = re.match(r'\s*<p class="cs-title-translation">(.*?)</p>', html[heading.end() :])
    return heading.group(0), after.group(1) if after else ""


def test_pages_feeds_and_data_show_the_official_title(
    make_site: Callable[..., SiteFactory],
) -> None:
    site = make_site()
    site.write(
        "data/projects/neeghw.yml",
        f"acronym: NEEGHW\nofficial_title: {OFFICIAL}\nofficial_title_language: en\n"
        "title: {lv: Jaunā Eiropas elektronika}\n" + FACTS,
    )
    site.build()
    heading, translation = h1_and_translation(site.html("projects/neeghw/index.html"))
    assert heading == f'<h1 lang="en">{OFFICIAL} (NEEGHW)</h1>'
    assert translation == "Jaunā Eiropas elektronika"
    english = site.html("en/projects/neeghw/index.html")
    assert h1_and_translation(english) == (f"<h1>{OFFICIAL} (NEEGHW)</h1>", "")
    italian = site.html("it/projects/neeghw/index.html")
    assert h1_and_translation(italian)[1] == ""  # no Latvian text on the Italian page
    assert "Jaunā Eiropas" not in italian
    assert "non sono ancora state tradotte" not in italian  # the name is not untranslated
    index = site.html("projects/index.html")
    assert f'lang="en">{OFFICIAL}</a><br><span class="cs-title-translation">' in index
    script = re.search(
        r'<script type="application/ld\+json">(.*?)</script>',
        site.html("projects/neeghw/index.html"),
        re.S,
    )
    assert script is not None
    grant = json.loads(script.group(1))
    assert grant["fundedItem"]["name"] == OFFICIAL
    assert grant["fundedItem"]["alternateName"] == ["NEEGHW", "Jaunā Eiropas elektronika"]
    data = json.loads((site.root / "site/projects.json").read_text(encoding="utf-8"))
    project = data["projects"][0]
    assert (project["official_title"], project["official_title_language"]) == (OFFICIAL, "en")
    assert project["title"] == {"lv": "Jaunā Eiropas elektronika"}
    assert project["operation"]["name"] == OFFICIAL
