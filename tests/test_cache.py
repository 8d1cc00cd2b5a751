"""A cached or parallel build gives exactly the bytes of a cold serial build of the same input."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from support import SiteFactory, tree


@pytest.fixture(autouse=True)
def fixed_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def fill(site: SiteFactory) -> None:
    for index in range(1, 8):
        for lang in ("lv", "en", "it"):
            site.post(
                lang,
                2020,
                f"zina-{index}",
                f"Ziņa {index} ({lang})",
                f"2020-0{index}-1{index}",
                projects="[neeghw]",
            )
    site.write(
        "content/lv/news/2020/zina-1.md",
        "---\ntitle: Ziņa 1\ndate: 2020-01-11\n---\n\n## Virsraksts\n\nSaite uz [otru](zina-2.md).\n",
    )


def serial_build(site: SiteFactory, name: str) -> dict[str, bytes]:
    site.configure(parallel=False, cache=False)
    folder = site.build(site_dir=site.root / name)
    return tree(folder)


def test_parallel_and_cached_builds_equal_a_cold_serial_build(
    make_site: Callable[..., SiteFactory],
) -> None:
    site = make_site()
    fill(site)
    expected = serial_build(site, "serial-1")

    site.configure(parallel=True, cache=True)
    assert tree(site.build(site_dir=site.root / "cold")) == expected
    assert any((site.root / ".cache/plugin/clustersite/page").rglob("*")), (
        "the cold build filled the cache"
    )
    assert tree(site.build(site_dir=site.root / "warm")) == expected

    # One post changes: its title shows on listings, neighbours and feeds, which must all follow.
    site.write(
        "content/lv/news/2020/zina-3.md",
        "---\ntitle: Labota ziņa\ndate: 2020-03-13\nprojects: [neeghw]\n---\n\nJauns teksts.\n",
    )
    site.configure(parallel=True, cache=True)
    edited = tree(site.build(site_dir=site.root / "edited"))
    assert edited == serial_build(site, "serial-2")
    assert "Labota ziņa" in edited["news/2020/q1/index.html"].decode()


def test_no_cache_entries_after_a_build_with_warnings(
    make_site: Callable[..., SiteFactory],
) -> None:
    site = make_site(cache=True, parallel=False)
    site.write("content/lv/about.md", "---\ntitle: Par\n---\n\n[Salauzta saite](nav-tadas.md)\n")
    site.build(strict=False)
    cache = site.root / ".cache/plugin/clustersite"
    assert not [
        p for kind in ("markdown", "page") for p in (cache / kind).rglob("*") if p.is_file()
    ]


def test_a_damaged_cache_is_discarded_with_a_warning_never_fatal(
    make_site: Callable[..., SiteFactory], caplog: pytest.LogCaptureFixture
) -> None:
    site = make_site()
    fill(site)
    expected = serial_build(site, "serial")
    site.configure(parallel=False, cache=True)
    site.build(site_dir=site.root / "cold")
    entries = [
        p
        for kind in ("markdown", "page", "search")
        for p in (site.root / ".cache/plugin/clustersite" / kind).rglob("*")
        if p.is_file()
    ]
    assert entries
    for number, path in enumerate(entries):  # emptied, cut short, or not what it should be
        damage = (b"", path.read_bytes()[:7], b"[1, 2]", b'{"x": 1}', b"\xff\xfe")[number % 5]
        path.write_bytes(damage)
    caplog.clear()
    assert tree(site.build(site_dir=site.root / "damaged")) == expected  # strict: no stop
    damaged = [r for r in caplog.records if r.name == "clustersite.render_cache"]
    assert damaged and all(r.levelname == "WARNING" for r in damaged)
    assert tree(site.build(site_dir=site.root / "repaired")) == expected
