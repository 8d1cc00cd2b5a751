"""Fixtures shared by the tests in this folder (the helpers themselves live in support.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support import SiteFactory


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., SiteFactory]:
    def factory(per_page: int = 10, **options: object) -> SiteFactory:
        return SiteFactory(tmp_path / "site-src", per_page=per_page, **options)

    return factory


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Editors' messages in English, whatever the test site's default language (lv): the
    expected texts are English; tests of other languages set CLUSTERSITE_LANG themselves."""
    monkeypatch.setenv("CLUSTERSITE_LANG", "en")


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's default site, built once for every test that reads it."""
    from support import REPO, built_site

    return built_site(tmp_path_factory.mktemp("default"), REPO / "mkdocs.yml")


@pytest.fixture(scope="session")
def health_tourism_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/health-tourism, the second organisation's site, built once."""
    from support import REPO, built_site

    site = REPO / "examples" / "health-tourism"
    return built_site(tmp_path_factory.mktemp("health-tourism"), site / "mkdocs.yml")
