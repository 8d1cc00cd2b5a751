"""/admin/: the CMS configuration generated from the site and the validator, and the page."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from clustersite import cms
from clustersite.posts import KINDS, POST_FIELDS
from clustersite.projects import (
    BUDGET_FIELDS,
    FUNDS,
    LINK_FIELDS,
    PARTNER_FIELDS,
    PROJECT_FIELDS,
)
from clustersite.settings import SiteSettings
from support import REPO


@pytest.fixture(scope="module")
def settings() -> SiteSettings:
    return SiteSettings.from_mkdocs_yml(REPO)


@pytest.fixture(scope="module")
def config(settings: SiteSettings) -> dict[str, Any]:
    return cms.cms_config(settings, {"neeghw": "NEEGHW", "x-1": "X"}, cms.CmsOptions())


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def fields(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["name"]: entry for entry in entries}


def test_post_form_has_every_field_the_validator_knows(config: dict[str, Any]) -> None:
    form = fields(collection(config, "news")["fields"])
    assert form.keys() == POST_FIELDS | {"body"}


def test_event_form_has_every_field_the_validator_knows(
    config: dict[str, Any], settings: SiteSettings
) -> None:
    from clustersite.events import EVENT_FIELDS

    events = collection(config, "events")
    assert fields(events["fields"]).keys() == EVENT_FIELDS | {"body"}
    assert events["folder"] == "content/{{locale}}/events" and "fields.start" in events["path"]
    assert cms.required_fields(settings)["event"] == {"title", "start"}


def test_project_form_has_every_field_the_validator_knows(config: dict[str, Any]) -> None:
    form = fields(collection(config, "projects")["fields"])
    assert form.keys() == PROJECT_FIELDS
    assert fields(form["budget"]["fields"]).keys() == BUDGET_FIELDS
    assert fields(form["partners"]["fields"]).keys() == PARTNER_FIELDS
    assert fields(form["links"]["fields"]).keys() == LINK_FIELDS


def test_required_fields_are_the_validators(settings: SiteSettings) -> None:
    required = cms.required_fields(settings)
    assert required["post"] == {"title", "date"}
    assert {"fund", "start", "budget.total", "budget.eu"} <= required["project"]
    assert {"partners.0.name", "partners.0.country"} <= required["project"]
    # Either `end` or `months` will do, so neither is required on its own; nor is `title`
    # beside `official_title` (then its texts are translations, each optional).
    default = settings.default_language
    optional = {"end", "months", "acronym", "summary", "budget", "official_title", "title"}
    assert not (optional | {f"title.{default}"}) & required["project"]


def test_required_flags_reach_the_form(config: dict[str, Any], settings: SiteSettings) -> None:
    post = fields(collection(config, "news")["fields"])
    assert [name for name, f in post.items() if f["required"]] == ["title", "date"]
    project = fields(collection(config, "projects")["fields"])
    assert project["fund"]["required"] and not project["official_title"]["required"]
    title = fields(project["title"]["fields"])
    assert not any(title[lang]["required"] for lang in settings.languages)
    partner = fields(project["partners"]["fields"])
    assert partner["country"]["required"] and not partner["url"]["required"]


def test_languages_folders_and_choices_come_from_the_site(
    config: dict[str, Any], settings: SiteSettings
) -> None:
    assert config["i18n"]["locales"] == list(settings.languages) == ["lv", "en", "it"]
    assert config["i18n"]["default_locale"] == "lv"
    news = collection(config, "news")
    assert news["folder"] == "content/{{locale}}/news"
    assert news["path"].endswith("/{{slug}}") and "fields.date" in news["path"]
    post = fields(news["fields"])
    assert [o["value"] for o in post["projects"]["options"]] == ["neeghw", "x-1"]
    assert [o["value"] for o in post["kind"]["options"]] == list(KINDS)
    project = fields(collection(config, "projects")["fields"])
    assert project["fund"]["options"] == list(FUNDS)
    countries = {
        o["value"]: o["label"] for o in fields(project["partners"]["fields"])["country"]["options"]
    }
    assert countries["LV"] == "Latvija (LV)" and countries["IT"] == "Itālija (IT)"
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in countries)
    assert collection(config, "projects")["folder"] == "data/projects"


def every_field(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for entry in entries for f in [entry, *every_field(entry.get("fields", []))]]


def test_labels_are_in_the_default_language(config: dict[str, Any]) -> None:
    post = fields(collection(config, "news")["fields"])
    assert post["title"]["label"] == "Virsraksts"
    for c in config["collections"]:
        for entries in [c.get("fields", []), *(f["fields"] for f in c.get("files", []))]:
            unlabelled = [f["name"] for f in every_field(entries) if f["label"].startswith("cms_")]
            assert unlabelled == [], c["name"]


def test_repository_from_options_repo_url_or_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_REPOSITORY", "ci-owner/ci-site")
    assert cms.CmsOptions(repo="a/b").repository == "a/b"
    assert cms.CmsOptions(repo_url="https://github.com/o/site.git").repository == "o/site"
    assert cms.CmsOptions().repository == "ci-owner/ci-site"


def test_editorial_workflow_is_the_sites_choice(settings: SiteSettings) -> None:
    direct = cms.cms_config(settings, {}, cms.CmsOptions(repo="o/r"))
    reviewed = cms.cms_config(settings, {}, cms.CmsOptions(repo="o/r", editorial_workflow=True))
    assert "publish_mode" not in direct["backend"]
    assert reviewed["backend"]["publish_mode"] == "editorial_workflow"


def test_admin_page_is_noindex_and_allows_only_github(settings: SiteSettings) -> None:
    html = cms.admin_page(settings, "<Site & Co>", ["../assets/x.css"])
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "<title>&lt;Site &amp; Co> — redaktors</title>" in html
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None
    hosts = set(re.findall(r"https?://[^\s;]+", policy.group(1)))
    assert hosts == {cms.GITHUB_API}
    assert re.search(r'src="https?:', html) is None  # every script is the site's own


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from clustersite.build import build_site

    site_dir = tmp_path_factory.mktemp("cms") / "site"
    assert build_site(REPO / "mkdocs.yml", site_dir, strict=True) == 0
    return site_dir


def test_build_writes_the_admin_page_and_its_configuration(built: Path) -> None:
    admin = built / "admin"
    assert (admin / "index.html").is_file() and (admin / "sveltia-cms.js").is_file()
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["i18n"]["locales"] == ["lv", "en", "it"]
    projects = {p.stem for p in (REPO / "data" / "projects").glob("*.yml")}
    post = fields(collection(config, "news")["fields"])
    assert {o["value"] for o in post["projects"]["options"]} == projects
    assert post.keys() == POST_FIELDS | {"body"}
    # The bundle's fonts and modules are served from the site, never from a CDN.
    bundle = (admin / "sveltia-cms.js").read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in bundle and "`https://unpkg.com/${e}`" not in bundle
    for font in re.findall(r"url\((fonts/[^)]+)\)", bundle):
        assert (admin / font).is_file(), font


def test_no_visitor_page_links_to_admin_and_it_is_in_no_index(built: Path) -> None:
    linking = [
        page.relative_to(built).as_posix()
        for page in built.rglob("*.html")
        if not page.is_relative_to(built / "admin")
        and re.search(r'href="[^"]*admin/', page.read_text(encoding="utf-8"))
    ]
    assert linking == []
    assert "admin/" not in (built / "sitemap.xml").read_text(encoding="utf-8")
    for index in built.rglob("search/search_index.json"):
        assert "admin/" not in index.read_text(encoding="utf-8")


def test_vendored_cms_matches_the_locked_version() -> None:
    """The committed bundle is what scripts/vendor_cms.py makes from node_modules."""
    node_modules = REPO / "node_modules" / "@sveltia" / "cms"
    if not node_modules.is_dir():
        reason = "node_modules is missing: run scripts/install-test-tools.sh"
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)  # in CI a skip would hide a broken install
        pytest.skip(reason)
    import importlib.util

    spec = importlib.util.spec_from_file_location("vendor_cms", REPO / "scripts" / "vendor_cms.py")
    assert spec is not None and spec.loader is not None
    vendor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(vendor)
    wanted = vendor.vendored_files(REPO / "node_modules")
    present = {
        p.relative_to(cms.VENDOR).as_posix(): p.read_bytes()
        for p in cms.VENDOR.rglob("*")
        if p.is_file()
    }
    assert present.keys() == wanted.keys()
    assert [name for name in wanted if wanted[name] != present[name]] == []


def test_check_report_for_the_job_summary_names_file_field_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What an editor who saved in the browser reads on GitHub when the site is not published."""
    import shutil

    from clustersite.cli import main

    for part in ("mkdocs.yml", "content", "data", "overrides"):
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part)
        else:
            shutil.copy2(source, tmp_path / part)
    project = tmp_path / "data" / "projects" / "neeghw.yml"
    text = project.read_text(encoding="utf-8")
    budget = yaml.safe_load(text)["budget"]
    project.write_text(
        text.replace(
            f"cofinancing: {budget['cofinancing']}", f"cofinancing: {budget['cofinancing'] + 1}"
        ),
        encoding="utf-8",
    )
    assert main(["--root", str(tmp_path), "check", "--format", "markdown", "--lang", "en"]) == 1
    report = capsys.readouterr().out
    rows = [line for line in report.splitlines() if line.startswith("| data/projects/neeghw.yml:")]
    assert len(rows) == 1, report
    cells = [cell.strip() for cell in rows[0].strip("|").split(" | ")]
    assert cells[1] == "budget.cofinancing" and cells[2] and cells[3], cells
    assert "| --- | --- | --- | --- |" in report

    project.write_text(text, encoding="utf-8")
    assert main(["--root", str(tmp_path), "check", "--format", "markdown"]) == 0
    assert "neeghw.yml" not in capsys.readouterr().out


def test_pages_workflow_puts_the_check_report_in_the_job_summary() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    names = [step.get("name") for step in steps]
    build = names.index("Build")
    explain = next(
        i for i, step in enumerate(steps) if "check --format markdown" in step.get("run", "")
    )
    assert explain > build and steps[explain]["if"] == "failure()"
    assert '>> "$GITHUB_STEP_SUMMARY"' in steps[explain]["run"]
