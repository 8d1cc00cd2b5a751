"""Property-based tests: whatever an editor's file holds, reading it gives data or our Problems.

Generated front matter and project files — random YAML-ish text, random bytes and random
structured data dumped with ``yaml.safe_dump`` (random unicode included) — go through
``parse_yaml``, ``parse_post`` and ``load_project_file``. Each either loads or returns
:class:`~clustersite.errors.Problem` objects that name the file and a field; nothing else is
ever raised.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clustersite.errors import Problem
from clustersite.posts import POST_FIELDS, Post, parse_post
from clustersite.projects import PROJECT_FIELDS, Project, load_project_file
from clustersite.settings import SiteSettings
from clustersite.yamlio import YamlDocument, parse_yaml

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SHOWN = "content/lv/news/2020/x.md"
_counter = itertools.count()

# -- strategies ----------------------------------------------------------------------------------
# Pieces that YAML gives meaning to, so random text often gets far into the parser.
YAML_PIECES = [
    "title",
    "date",
    "fund",
    "budget",
    "total",
    "eu",
    "projects",
    "lv",
    "en",
    ":",
    ": ",
    " ",
    "  ",
    "\n",
    "\t",
    "- ",
    "---",
    "...",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!",
    "!!float ",
    "!!int ",
    "!!timestamp ",
    "!!binary ",
    "!!set ",
    "!!python/object ",
    "? ",
    "|",
    ">",
    "#",
    "%YAML 1.1\n",
    "2021-02-30",
    "2020-06-30",
    "12:30",
    "1e9999",
    "0x",
    "0o7",
    ".inf",
    ".nan",
    "~",
    "null",
    "yes",
    "no",
    "<<: ",
    "\ufeff",
    "\r\n",
    "\x00",
    "\x85",
    "\u2028",
    "Rīga",
    "città",
    "€",
    "\\",
    "%",
    "@",
    "`",
]
yamlish_text = st.one_of(
    st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=8), max_size=40).map("".join),
    st.text(max_size=200),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.text(max_size=10) | st.sampled_from(["lv", "en", "it", "total", "eu"]),
            children,
            max_size=4,
        ),
    ),
    max_leaves=12,
)
post_data = st.dictionaries(
    st.sampled_from(sorted(POST_FIELDS)) | st.text(max_size=10), values, max_size=8
)
BUDGET = st.fixed_dictionaries(
    {},
    optional={
        "currency": values | st.just("EUR"),
        "total": values | st.integers(0, 10**9),
        "eu": values,
        "cofinancing": values,
        "rate": values,
    },
)
PARTNER = st.fixed_dictionaries(
    {}, optional={"name": values, "country": values | st.just("LV"), "url": values}
)
project_data = st.dictionaries(
    st.sampled_from(sorted(PROJECT_FIELDS)) | st.text(max_size=10), values, max_size=10
)
# mostly sound project files with a few random fields: the checks after parsing get exercised
VALID_PROJECT = {
    "title": {"lv": "Projekts", "en": "Project"},
    "fund": "ERDF",
    "start": dt.date(2020, 1, 1),
    "end": dt.date(2021, 12, 31),
    "budget": {"currency": "EUR", "total": 100, "eu": 85, "cofinancing": 15},
    "partners": [{"name": "Cluster", "country": "ES"}],
    "objectives": {"lv": ["Mērķis"]},
}
nearly_valid_project = st.builds(
    lambda extra: {**VALID_PROJECT, **extra},
    st.fixed_dictionaries(
        {},
        optional={
            "budget": BUDGET,
            "partners": st.lists(PARTNER, max_size=3),
            "title": values,
            "start": values,
            "months": values,
            "end": values,
            "objectives": values,
            "links": values,
            "fund": values,
        },
    ),
)


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# -- checks ------------------------------------------------------------------------------------------
def assert_problems(problems: list[Problem], shown: str) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == shown
        assert isinstance(problem.field, str) and problem.field
        assert isinstance(problem.message, str) and problem.message
        assert isinstance(problem.fix, str) and problem.fix
        assert problem.line is None or (isinstance(problem.line, int) and problem.line >= 1)
        assert problem.severity in ("error", "warning")
        str(problem)  # prints


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def fresh(folder: Path, name: str, content: bytes) -> Path:
    path = folder / str(next(_counter)) / name
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    return path


# -- parse_yaml --------------------------------------------------------------------------------------
@SETTINGS
@given(text=yamlish_text, first_line=st.integers(1, 5))
def test_parse_yaml_loads_or_returns_a_problem(text: str, first_line: int) -> None:
    doc, problem = parse_yaml(text, "data/projects/x.yml", first_line=first_line)
    assert (doc is None) != (problem is None)
    if problem is not None:
        assert_problems([problem], "data/projects/x.yml")
        assert problem.field == "yaml"
    else:
        assert isinstance(doc, YamlDocument)
        assert all(isinstance(line, int) and line >= first_line for line in doc.lines.values())


@SETTINGS
@given(data=values)
def test_parse_yaml_loads_what_safe_dump_wrote(data: Any) -> None:
    doc, problem = parse_yaml(dump(data), "data/projects/x.yml")
    if problem is None:
        assert doc is not None
    else:
        assert_problems([problem], "data/projects/x.yml")


# -- parse_post ---------------------------------------------------------------------------------------
def check_post(folder: Path, content: bytes, known: set[str] | None) -> None:
    path = fresh(folder, "x.md", content)
    post, problems = parse_post(path, SHOWN, "lv", ("2020", "x.md"), known)
    assert isinstance(problems, list)
    assert_problems(problems, SHOWN)
    if post is None:
        assert any(p.severity == "error" for p in problems)
    else:
        assert (
            isinstance(post, Post)
            and isinstance(post.title, str)
            and isinstance(post.date, dt.date)
        )
        assert not any(p.severity == "error" for p in problems)


@SETTINGS
@given(front=yamlish_text, body=st.text(max_size=200), known=st.none() | st.just({"neeghw"}))
def test_parse_post_with_random_front_matter(
    folder: Path, front: str, body: str, known: set[str] | None
) -> None:
    check_post(folder, f"---\n{front}\n---\n\n{body}".encode(), known)


@SETTINGS
@given(meta=post_data, body=st.text(max_size=200), known=st.none() | st.just({"neeghw"}))
def test_parse_post_with_random_structured_front_matter(
    folder: Path, meta: dict[str, Any], body: str, known: set[str] | None
) -> None:
    check_post(folder, f"---\n{dump(meta)}---\n\n{body}".encode(), known)


@SETTINGS
@given(title=values, date=values, extra=post_data)
def test_parse_post_with_random_title_and_date(
    folder: Path, title: Any, date: Any, extra: dict[str, Any]
) -> None:
    check_post(
        folder,
        f"---\n{dump({**extra, 'title': title, 'date': date})}---\n\nTeksts.\n".encode(),
        {"neeghw"},
    )


@SETTINGS
@given(content=st.binary(max_size=300))
def test_parse_post_with_random_bytes(folder: Path, content: bytes) -> None:
    check_post(folder, content, None)


# -- load_project_file --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def site_settings(folder: Path) -> SiteSettings:
    return SiteSettings(
        root=folder,
        docs_dir=folder / "content",
        data_dir=folder,
        languages=("lv", "en", "it"),
        language_names={"lv": "Latviešu", "en": "English", "it": "Italiano"},
    )


def check_project(folder: Path, site_settings: SiteSettings, content: bytes) -> None:
    path = fresh(folder, "x.yml", content)
    project, problems = load_project_file(path, site_settings)
    shown = path.relative_to(folder).as_posix()
    assert_problems(problems, shown)
    if project is None:
        assert any(p.severity == "error" for p in problems)
    else:
        assert isinstance(project, Project) and project.start <= project.end
        assert problems == []


@SETTINGS
@given(text=yamlish_text)
def test_load_project_file_with_random_text(
    folder: Path, site_settings: SiteSettings, text: str
) -> None:
    check_project(folder, site_settings, text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(data=project_data)
def test_load_project_file_with_random_structured_data(
    folder: Path, site_settings: SiteSettings, data: dict[str, Any]
) -> None:
    check_project(folder, site_settings, dump(data).encode())


@SETTINGS
@given(data=nearly_valid_project)
def test_load_project_file_with_nearly_valid_data(
    folder: Path, site_settings: SiteSettings, data: dict[str, Any]
) -> None:
    check_project(folder, site_settings, dump(data).encode())


@SETTINGS
@given(content=st.binary(max_size=300))
def test_load_project_file_with_random_bytes(
    folder: Path, site_settings: SiteSettings, content: bytes
) -> None:
    check_project(folder, site_settings, content)
