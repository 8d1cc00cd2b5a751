"""The synthetic site generator (scripts/gen_synthetic.py) that the benchmark builds on.

The benchmark is only comparable across runs and machines if the generator is deterministic,
and only meaningful if its output is a valid site that looks like real content. No timing here.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
LANGS = ("lv", "en", "it")
FUNDS = {"ERDF", "ESF", "CF", "COSME", "HORIZON", "INTERREG"}
POSTS = 24


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_synthetic", REPO / "scripts" / "gen_synthetic.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_synthetic", module)
    spec.loader.exec_module(module)
    return module


gen = load_generator()


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def front_matter(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?\n)---\n(.*)$", text, re.S)
    assert match, f"{path} has no front matter"
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data, match.group(2)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic") / "site"
    assert gen.main(["--posts", str(POSTS), "--out", str(root)]) == 0
    return root


def posts_of(site: Path, lang: str) -> list[Path]:
    return sorted((site / "content" / lang / "news").glob("*/*.md"))


def test_same_arguments_give_a_byte_identical_tree(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert gen.main(["--posts", str(POSTS), "--out", str(again)]) == 0
    assert snapshot(again) == snapshot(site)


def test_another_seed_gives_other_content(site: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    assert gen.main(["--posts", str(POSTS), "--out", str(other), "--seed", "7"]) == 0
    assert snapshot(other) != snapshot(site)


def test_expected_paths(site: Path) -> None:
    assert (site / "mkdocs.yml").read_bytes() == (REPO / "mkdocs.yml").read_bytes()
    for lang in LANGS:
        assert (site / "content" / lang / "index.md").is_file()
        assert (site / "content" / lang / "about.md").is_file()
        assert len(posts_of(site, lang)) == POSTS
    relative = {
        lang: [p.relative_to(site / "content" / lang) for p in posts_of(site, lang)]
        for lang in LANGS
    }
    assert relative["lv"] == relative["en"] == relative["it"], "the same slugs in every language"
    assert len(list((site / "data" / "projects").glob("*.yml"))) == 20


def test_slugs_are_ascii_unique_and_not_reserved(site: Path) -> None:
    slugs = [p.stem for p in posts_of(site, "lv")]
    assert len(set(slugs)) == len(slugs)
    for slug in slugs:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), slug
        assert slug not in {"page", "q1", "q2", "q3", "q4", "index", "rss", "atom"}


def test_front_matter_follows_the_design(site: Path) -> None:
    projects = {p.stem for p in (site / "data" / "projects").glob("*.yml")}
    for lang in LANGS:
        for path in posts_of(site, lang):
            meta, body = front_matter(path)
            photo_fields = {"image", "image_alt", "image_credit", "gallery"}
            assert (
                {"title", "date", "author", "projects", "kind", "summary", "image"}
                <= set(meta)
                <= {"title", "date", "author", "projects", "kind", "summary", *photo_fields}
            ), path
            photos = site / "content" / "lv" / "news" / path.parent.name  # shared by translations
            assert (photos / meta["image"]).is_file(), path
            assert all((photos / item["file"]).is_file() for item in meta.get("gallery", []))
            assert isinstance(meta["image_alt"], str) and meta["image_alt"]
            assert isinstance(meta["title"], str) and meta["title"]
            assert isinstance(meta["date"], dt.date)
            assert dt.date(2017, 1, 1) <= meta["date"] <= dt.date(2024, 12, 31)
            assert path.parent.name == str(meta["date"].year)
            assert 1 <= len(meta["projects"]) <= 2 and set(meta["projects"]) <= projects
            assert meta["kind"] in {"news", "quarterly"}
            assert isinstance(meta["summary"], str) and len(meta["summary"]) <= 400
            words = len(body.split())
            assert 400 <= words <= 800, f"{path}: {words} words"
            assert re.search(r"^## \S", body, re.M), f"{path}: no ## heading"
            assert re.search(r"\[[^\]]+\]\([^)]+\)", body), f"{path}: no link"


def test_every_post_has_a_photo_and_some_a_gallery(site: Path) -> None:
    from PIL import Image

    galleries = 0
    for path in posts_of(site, "lv"):
        meta, _ = front_matter(path)
        galleries += "gallery" in meta
        with Image.open(path.parent / meta["image"]) as photo:
            assert photo.format == "JPEG" and photo.size == (1600, 1067)
    assert 1 <= galleries <= POSTS // 2  # about one in four


def test_about_one_post_in_six_is_a_quarterly_report(site: Path) -> None:
    quarterly = []
    for path in posts_of(site, "lv"):
        meta, _ = front_matter(path)
        if meta["kind"] == "quarterly":
            quarterly.append((path, meta))
    assert abs(len(quarterly) - POSTS / 6) <= 1
    for path, meta in quarterly:
        day: dt.date = meta["date"]
        quarter = (day.month - 1) // 3 + 1
        assert (day + dt.timedelta(days=1)).month in {1, 4, 7, 10} and day.day >= 30, (
            "quarter's end"
        )
        assert meta["title"].endswith(f"{quarter}/{day.year}")
        en, _ = front_matter(site / "content" / "en" / path.relative_to(site / "content" / "lv"))
        it, _ = front_matter(site / "content" / "it" / path.relative_to(site / "content" / "lv"))
        if meta["title"].startswith("Klastera aktualitātes"):
            assert en["title"] == f"Cluster news {quarter}/{day.year}"
            assert it["title"] == f"Notizie dal cluster {quarter}/{day.year}"


@pytest.mark.parametrize(("lang", "letters"), [("lv", "āčēģīķļņšūž"), ("it", "àèéìòù")])
def test_every_post_has_every_diacritic(site: Path, lang: str, letters: str) -> None:
    for path in posts_of(site, lang):
        text = path.read_text(encoding="utf-8")
        missing = [letter for letter in letters if letter not in text]
        assert not missing, f"{path} lacks {missing}"


def test_project_facts_are_complete_and_budgets_add_up(site: Path) -> None:
    funds = set()
    for path in sorted((site / "data" / "projects").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field in (
            "number",
            "title",
            "summary",
            "beneficiary",
            "programme",
            "fund",
            "start",
            "budget",
            "partners",
            "objectives",
        ):
            assert field in data, f"{path}: no {field}"
        assert ("end" in data) != ("months" in data)
        assert set(data["title"]) == set(LANGS) and set(data["objectives"]) == set(LANGS)
        assert isinstance(data["start"], dt.date)
        funds.add(data["fund"])
        budget = data["budget"]
        total, eu, cofinancing = (Decimal(str(budget[k])) for k in ("total", "eu", "cofinancing"))
        assert eu + cofinancing == total, path
        assert total == total.quantize(Decimal("0.01")) and 0 < eu <= total
        for partner in data["partners"]:
            assert isinstance(partner["country"], str) and re.fullmatch(
                r"[A-Z]{2}", partner["country"]
            )
    assert funds == FUNDS


def test_the_site_passes_clustersite_validation(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = pytest.importorskip("clustersite.model")
    settings = pytest.importorskip("clustersite.settings")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    loaded = model.load_site(settings.SiteSettings.from_mkdocs_yml(site))
    assert [str(problem) for problem in loaded.problems] == []
    assert len(loaded.posts) == 3 * POSTS and len(loaded.projects) == 20


def test_baseline_is_the_same_markdown_with_a_plain_config(site: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline"
    assert gen.main(["--posts", str(POSTS), "--out", str(baseline), "--baseline"]) == 0
    ours, theirs = snapshot(site), snapshot(baseline)
    shared = ("content/lv/", "content/en/", "content/it/", "data/")
    assert {k: v for k, v in theirs.items() if k.startswith(shared)} == {
        k: v for k, v in ours.items() if k.startswith(shared)
    }
    assert set(theirs) == {k for k in theirs if k.startswith(shared)} | {"mkdocs.yml"}
    config = yaml.safe_load(theirs["mkdocs.yml"])
    assert config["theme"]["name"] == "material" and config["plugins"] == ["search"]
    assert config["docs_dir"] == "content"


def test_refuses_to_write_into_a_folder_with_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    assert gen.main(["--posts", "3", "--out", str(tmp_path), "--force"]) == 2
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
