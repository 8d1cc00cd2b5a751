"""The example sites in ``examples/`` pass the check and build with --strict, as CI does.

``examples/health-tourism`` is a second organisation's site, started with ``clustersite init``:
the proof that the generator serves more than the repository's default site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clustersite.cli import main
from support import REPO, read, text_of

NBSP = "\u00a0"
HEALTH_TOURISM = REPO / "examples" / "health-tourism"
EXAMPLES = sorted(path.parent for path in (REPO / "examples").glob("*/mkdocs.yml"))


@pytest.fixture(scope="module")
def health_tourism(health_tourism_site: Path) -> Path:
    return health_tourism_site


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_every_example_passes_the_check(example: Path) -> None:
    assert main(["check", "--root", str(example)]) == 0


def test_health_tourism_is_an_example() -> None:
    assert HEALTH_TOURISM in EXAMPLES
    assert not (REPO / "data/projects/health-tourism-cluster.yml").exists()  # not LETERA's


@pytest.mark.parametrize(
    ("page", "amounts"),
    [
        (
            "projects/health-tourism-cluster/index.html",
            [f"554{NBSP}453,47{NBSP}€", f"471{NBSP}285,45{NBSP}€", f"83{NBSP}168,02{NBSP}€"],
        ),
        (
            "en/projects/health-tourism-cluster/index.html",
            ["€554,453.47", "€471,285.45", "€83,168.02"],
        ),
        (
            "it/projects/health-tourism-cluster/index.html",
            [f"554.453,47{NBSP}€", f"471.285,45{NBSP}€", f"83.168,02{NBSP}€"],
        ),
    ],
)
def test_the_project_page_shows_the_budget_in_each_language(
    health_tourism: Path, page: str, amounts: list[str]
) -> None:
    html = read(health_tourism, page)
    for amount in amounts:
        assert amount in html, amount
    assert 'class="cs-eu-emblem"' in html


def test_the_latvian_project_page_names_its_period_and_funding(health_tourism: Path) -> None:
    page = "projects/health-tourism-cluster/index.html"
    text = text_of(read(health_tourism, page))
    for expected in (
        "2017. gada janvāris",
        "2021. gada decembris",
        "Eiropas Savienība Eiropas Reģionālās attīstības fonds",  # 2014–2020: Union and fund
    ):
        assert expected in text


@pytest.mark.parametrize("prefix", ["", "en/", "it/"])
def test_the_posts_are_listed_on_the_project_page(health_tourism: Path, prefix: str) -> None:
    html = read(health_tourism, f"{prefix}projects/health-tourism-cluster/index.html")
    for post in (
        "news/2017/projekts-sakas/",
        "news/2017/projekta-finansejums/",
        "news/2022/projekts-noslegts/",
    ):
        assert (health_tourism / prefix / post / "index.html").is_file(), post
        assert post in html, post
