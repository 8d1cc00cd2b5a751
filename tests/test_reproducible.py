"""Reproducible builds, and a failed build that leaves the previous site untouched.

Two builds of the same input with the same SOURCE_DATE_EPOCH give byte-identical trees, even
when they run in different folders, at different times and with different hash seeds (set
order differs between Python processes): each build runs ``python -m clustersite.build`` in its
own process. The third build reuses the first one's render cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from clustersite.build import build_site
from support import REPO, SiteFactory, tree

EPOCH = "1700000000"  # 2023-11-14


def build_in_process(root: Path, site_dir: Path, seed: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": EPOCH,
        "PYTHONHASHSEED": seed,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "SITE_URL": "https://example.org/site/",
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "clustersite.build",
            "--strict",
            "--config-file",
            str(root / "mkdocs.yml"),
            "--site-dir",
            str(site_dir),
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def fill(site: SiteFactory) -> None:
    """Posts in every language, one language only, a draft, a quarterly report, two projects."""
    for index, (month, day) in enumerate(((1, 15), (3, 31), (4, 1), (6, 30), (11, 2)), start=1):
        for lang in ("lv", "en", "it")[: 1 + index % 3]:
            site.post(
                lang,
                2021,
                f"zina-{index}",
                f"Ziņa {index} ({lang})",
                f"2021-{month:02}-{day:02}",
                projects="[neeghw, cluster]",
                kind="quarterly" if index == 4 else "news",
            )
    site.post("lv", 2021, "melnraksts", "Melnraksts", "2021-05-05", draft="true")
    site.write(
        "data/projects/cluster.yml",
        "title: {lv: Klasteris, en: Cluster}\nfund: ERDF\nstart: 2016-07-01\nend: 2030-12-31\n"
        "partners:\n  - {name: Cluster Italia, country: IT, url: 'https://example.org/it'}\n"
        "  - {name: Klaster Polska, country: PL}\n",
    )
    site.write("content/lv/about.md", "---\ntitle: Par mums\n---\n\n## Kas mēs esam\n\nTeksts.\n")


def compare(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """The paths that differ, for a readable failure."""
    return sorted(
        path for path in first.keys() | second.keys() if first.get(path) != second.get(path)
    )


def test_two_builds_of_one_input_are_byte_identical(
    make_site: Callable[..., Any], tmp_path: Path
) -> None:
    site = make_site()
    fill(site)
    other = tmp_path / "elsewhere" / "copy of site"  # another folder, with a space in its path
    shutil.copytree(site.root, other)

    first = build_in_process(site.root, site.root / "site", seed="1")
    assert first.returncode == 0, first.stderr
    time.sleep(1.1)  # anything that reads the clock would now differ
    second = build_in_process(other, other / "site", seed="2")
    assert second.returncode == 0, second.stderr
    warm = build_in_process(
        site.root, site.root / "site-warm", seed="3"
    )  # from the first build's cache
    assert warm.returncode == 0, warm.stderr

    a, b, c = tree(site.root / "site"), tree(other / "site"), tree(site.root / "site-warm")
    assert len(a) > 50 and "sitemap.xml.gz" in a and "projects.json" in a and "news/rss.xml" in a
    assert compare(a, b) == []
    assert compare(a, c) == []


def test_the_default_site_builds_reproducibly(tmp_path: Path) -> None:
    roots = []
    for name in ("one", "two"):
        root = tmp_path / name
        root.mkdir()
        for item in ("mkdocs.yml", "content", "data", "overrides"):
            source = REPO / item
            if source.is_dir():
                shutil.copytree(source, root / item)
            elif source.is_file():
                shutil.copy2(source, root / item)
        roots.append(root)
    results = [
        build_in_process(root, root / "site", seed=seed)
        for root, seed in zip(roots, ("5", "6"), strict=True)
    ]
    for result in results:
        assert result.returncode == 0, result.stderr
    first, second = tree(roots[0] / "site"), tree(roots[1] / "site")
    assert len(first) > 50 and "index.html" in first and "en/news/rss.xml" in first
    assert compare(first, second) == []


# -- a failed build ------------------------------------------------------------------------------
def leftovers(folder: Path) -> list[str]:
    """Staging or old folders that a build left beside the site."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site."))


@pytest.mark.parametrize(
    "breakage",
    [
        ("data/projects/neeghw.yml", "title: {lv: X}\nfund: EFRR\nstart: 2020-01-01\nmonths: 3\n"),
        ("content/lv/news/2020/x.md", "---\ntitle: X\ndate: 2021-02-30\n---\n\nTeksts.\n"),
        ("content/lv/news/2020/y.md", "---\ntitle: [X\ndate: 2020-01-01\n---\n"),
    ],
)
def test_a_failed_build_leaves_the_previous_site_untouched(
    make_site: Callable[..., Any],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    breakage: tuple[str, str],
) -> None:
    site = make_site()
    site.post("lv", 2020, "laba-zina", "Laba ziņa", "2020-06-30")
    site_dir = site.root / "site"
    assert build_site(site.root / "mkdocs.yml", site_dir, strict=True) == 0
    before = tree(site_dir)
    assert "news/2020/laba-zina/index.html" in before
    assert leftovers(site.root) == []

    path, text = breakage
    site.write(path, text)
    capsys.readouterr()
    assert build_site(site.root / "mkdocs.yml", site_dir, strict=True) == 1
    stderr = (
        capsys.readouterr().err
    )  # the problem itself is logged (caplog here, stderr in a shell)
    assert "was left as it was" in stderr and "Traceback" not in stderr
    assert [
        r.getMessage() for r in caplog.records if r.levelname == "ERROR" and path in r.getMessage()
    ]
    assert tree(site_dir) == before
    assert leftovers(site.root) == []


def test_a_failed_strict_build_leaves_the_previous_site_untouched(
    make_site: Callable[..., Any],
) -> None:
    site = make_site()
    site_dir = site.root / "site"
    assert build_site(site.root / "mkdocs.yml", site_dir, strict=True) == 0
    before = tree(site_dir)
    site.write(
        "content/lv/news/2020/x.md", "---\ntitle: X\ndate: 2020-01-01\nautor: Y\n---\n\nTeksts.\n"
    )  # a warning
    assert build_site(site.root / "mkdocs.yml", site_dir, strict=True) == 1
    assert tree(site_dir) == before
    assert leftovers(site.root) == []
    # the preview (not strict) still builds
    assert build_site(site.root / "mkdocs.yml", site_dir, strict=False) == 0
    assert "news/2020/x/index.html" in tree(site_dir)
    assert leftovers(site.root) == []
