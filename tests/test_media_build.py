"""Photos, galleries, documents and previews in built sites: the default site and small ones.

The default site's Q2 2020 report shows its photo, gallery and PDF; every listing shows its
posts as cards with photos; every page's og:image is a file of the site of 1200×630; no
processed photo carries EXIF data, and the editors' originals are not published. A small
site shows that a rebuild after a text edit encodes nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from clustersite import images
from support import REPO, SiteFactory

POST = "news/2020/klastera-aktualitates-2-2020/index.html"
LANG_ROOTS = {"lv": "", "en": "en/", "it": "it/"}


@pytest.fixture(scope="module")
def site(default_site: Path) -> Path:
    return default_site


def page(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


def resolve(site: Path, page_path: str, url: str) -> Path:
    """The file a relative URL on a page points at."""
    return (site / page_path).parent.joinpath(url).resolve()


@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_q2_report_shows_photo_gallery_and_pdf(site: Path, lang: str) -> None:
    path = LANG_ROOTS[lang] + POST
    html = page(site, path)
    cover = html.split('<figure class="cs-cover">', 1)[1].split("</figure>", 1)[0]
    assert '<source type="image/webp"' in cover
    img = re.search(r"<img [^>]*>", cover)
    assert img is not None
    tag = img.group(0)
    assert re.search(r'width="\d+" height="\d+"', tag) and 'alt="' in tag
    assert 'fetchpriority="high"' in tag and 'loading="lazy"' not in tag  # the first image
    for url in re.findall(r'(?:src|srcset)="([^"]+)"', cover):
        for candidate in url.split(", "):
            assert resolve(site, path, candidate.split(" ")[0]).is_file(), candidate

    gallery = html.split('<section class="cs-gallery"', 1)[1].split("</section>", 1)[0]
    links = re.findall(r'<a class="cs-gallery__link" href="([^"]+)"', gallery)
    assert len(links) == 5
    for href in links:
        with Image.open(resolve(site, path, href)) as full:
            assert full.width == 1600
    assert gallery.count('loading="lazy"') == 5

    documents = html.split('<section class="cs-attachments">', 1)[1].split("</section>", 1)[0]
    href = re.search(r'<a href="([^"]+\.pdf)"', documents)
    assert href is not None
    pdf = resolve(site, path, href.group(1))
    assert pdf.read_bytes().startswith(b"%PDF")
    kilobytes = round(pdf.stat().st_size / 1000)
    decimal_free = f"PDF, {kilobytes}"  # small enough to be shown in whole kB
    assert f"({decimal_free}" in documents.replace("\xa0", " ")


@pytest.mark.parametrize("lang", LANG_ROOTS)
@pytest.mark.parametrize(
    "listing", ["index.html", "news/index.html", "news/2020/index.html", "news/2020/q2/index.html"]
)
def test_every_listing_shows_cards_with_photos(site: Path, lang: str, listing: str) -> None:
    html = page(site, LANG_ROOTS[lang] + listing)
    cards = re.findall(r'<article class="cs-card">(.*?)</article>', html, re.S)
    assert cards
    for card in cards:
        assert '<div class="cs-card__media"><picture' in card.replace("\n", "")
        assert re.search(r'<img [^>]*width="\d+" height="\d+"', card)


def og_images(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta property="og:image(:?[a-z]*)" content="([^"]*)">', html))


@pytest.mark.parametrize(
    "path",
    [
        POST,
        "en/news/2020/neeghw-sakas/index.html",
        "index.html",
        "it/projects/neeghw/index.html",
        "about/index.html",
    ],
)
def test_og_image_exists_and_is_1200_by_630(site: Path, path: str) -> None:
    html = page(site, path)
    meta = og_images(html)
    assert meta[":width"] == "1200" and meta[":height"] == "630" and meta[":alt"]
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    url = meta[""]
    assert url.startswith(("http://", "https://"))
    relative = url.split("/assets/media/", 1)[1]
    with Image.open(site / "assets" / "media" / relative) as shown:
        assert shown.size == (1200, 630)


def test_no_published_photo_carries_exif(site: Path) -> None:
    photos = [
        p
        for p in site.rglob("*")
        if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp", ".avif"}
    ]
    processed = [p for p in photos if "assets/media" in p.as_posix()]
    assert len(processed) > 40
    for path in processed:
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif.get_ifd(0x8825), f"{path.name} has GPS data"
            assert not dict(exif), f"{path.name} has EXIF data"
            assert "exif" not in image.info and "xmp" not in image.info
    originals = {p.name for p in (REPO / "content").rglob("*.jpg")}
    assert not originals & {p.name for p in photos}  # the editors' files stay out of the site


def test_a_rebuild_after_a_text_edit_encodes_no_image(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = SiteFactory(tmp_path, parallel=False)
    photo = Image.new("RGB", (1200, 800), (20, 80, 160))
    (site.root / "content/lv/news/2021").mkdir(parents=True)
    photo.save(site.root / "content/lv/news/2021/foto.jpg")
    site.post("lv", 2021, "zina", "Ziņa", "2021-03-01", image="foto.jpg", image_alt="Foto")
    site.post("lv", 2021, "bez-foto", "Bez foto", "2021-03-02")
    site.build()
    first = sorted(p.name for p in (site.root / "site/assets/media").iterdir())
    assert any(name.endswith(".webp") for name in first)
    assert any(name.startswith("card-") for name in first)  # the post without a photo

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("an image was encoded again")

    monkeypatch.setattr(images, "_encode", refuse)
    monkeypatch.setattr(images, "draw_card", refuse)
    site.post("lv", 2021, "zina", "Ziņa", "2021-03-01", image="foto.jpg", image_alt="Cits teksts")
    site.build()
    assert sorted(p.name for p in (site.root / "site/assets/media").iterdir()) == first


@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_project_page_shows_its_photo_and_shares_it(site: Path, lang: str) -> None:
    html = page(site, LANG_ROOTS[lang] + "projects/neeghw/index.html")
    cover = html.split('<figure class="cs-cover">', 1)[1].split("</figure>", 1)[0]
    img = re.search(r'<img [^>]*alt="([^"]+)"', cover)
    assert img is not None and img.group(1)
    assert og_images(html)[""].endswith("-social.jpg")  # the photo's crop, not a drawn card
