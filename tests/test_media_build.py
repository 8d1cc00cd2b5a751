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
from support import REPO, SiteFactory, event_text, post_text

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
        if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp", ".avif", ".tif", ".tiff"}
    ]
    processed = [p for p in photos if "assets/media" in p.as_posix()]
    assert len(processed) > 40
    for path in photos:  # every image of the site: the theme's too
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif.get_ifd(0x8825), f"{path.name} has GPS data"
            if path in processed:
                assert not dict(exif), f"{path.name} has EXIF data"
                assert "exif" not in image.info and "xmp" not in image.info
    originals = {p.name for p in (REPO / "content").rglob("*.jpg")}
    assert not originals & {p.name for p in photos}  # the editors' files stay out of the site


TEXT_PHOTO = "neeghw-sakas-partneri"  # a phone photo in the text of the NEEGHW post


@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_a_photo_in_the_text_is_made_for_the_web(site: Path, lang: str) -> None:
    with Image.open(REPO / f"content/lv/news/2020/{TEXT_PHOTO}.jpg") as original:
        assert original.getexif().get_ifd(0x8825)  # the premise: saved as a phone saves it
        assert original.height > original.width  # stored sideways, turned by its tag
    path = LANG_ROOTS[lang] + "news/2020/neeghw-sakas/index.html"
    text = page(site, path).split('<figure class="cs-cover">', 1)[1].split("</figure>", 1)[1]
    [picture] = re.findall(
        rf'<picture class="cs-picture">(?:(?!</picture>).)*{TEXT_PHOTO}.*?</picture>', text, re.S
    )
    img = re.search(r"<img [^>]*>", picture)
    assert img is not None
    tag = img.group(0)
    written = (REPO / f"content/{lang}/news/2020/neeghw-sakas.md").read_text(encoding="utf-8")
    alt, title = re.search(rf'!\[([^\]]+)\]\({TEXT_PHOTO}.jpg "([^"]+)"\)', written).groups()
    assert f'alt="{alt}"' in tag and f'title="{title}"' in tag
    assert 'loading="lazy"' in tag and re.search(r'width="\d+" height="\d+"', tag)
    assert 'type="image/webp"' in picture
    for url in re.findall(r'(?:src|srcset)="([^" ]+)', picture):
        with Image.open(resolve(site, path, url)) as shown:
            assert shown.width > shown.height  # upright
            assert not dict(shown.getexif())
    assert f"{TEXT_PHOTO}.jpg" not in text  # nothing points at the original


def test_links_and_photos_in_text_of_a_small_site(tmp_path: Path) -> None:
    """A translation shows the original's photo; a link to a photo opens its web version."""
    site = SiteFactory(tmp_path, parallel=False)
    folder = site.root / "content/lv/news/2021"
    folder.mkdir(parents=True)
    Image.new("RGB", (900, 600), (200, 40, 40)).save(folder / "foto.jpg")
    for lang in ("lv", "en"):
        site.write(
            f"content/{lang}/news/2021/zina.md",
            post_text("Ziņa", "2021-03-01") + "\n![Sarkans](foto.jpg)\n\n[Lielā foto](foto.jpg)\n",
        )
    built = site.build()
    for root in ("", "en/"):
        path = root + "news/2021/zina/index.html"
        html = page(built, path)
        picture = re.search(
            r'<picture class="cs-picture">(?:(?!</picture>).)*alt="Sarkans"', html, re.S
        )
        assert picture is not None
        link = re.search(r'<a href="([^"]+)">Lielā foto</a>', html)
        assert link is not None and "/assets/media/" in link.group(1)
        with Image.open(resolve(built, path, link.group(1))) as full:
            assert full.size == (900, 600)  # the widest web version (never enlarged)
        assert "foto.jpg" not in html
    assert not list(built.rglob("foto.jpg"))


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


@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_a_link_in_the_text_to_a_document_shows_its_type_and_size(site: Path, lang: str) -> None:
    path = LANG_ROOTS[lang] + "news/2020/neeghw-sakas/index.html"
    found = re.search(
        r'<a href="([^"]+parskats-2-2020\.pdf)">[^<]+</a> '
        r'<span class="cs-attachments__meta">\(PDF, (\d+)[\s\u00a0\u202f]kB\)</span>',
        page(site, path),
    )
    assert found is not None
    document = resolve(site, path, found.group(1))
    assert int(found.group(2)) == round(document.stat().st_size / 1000)


def test_project_and_event_photos_on_cards_pages_and_previews(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1622505600")  # 2021-06-01: the project is ongoing
    site = SiteFactory(tmp_path, parallel=False)
    (site.root / "data/projects/photos").mkdir(parents=True)
    Image.new("RGB", (1200, 800), (20, 120, 60)).save(site.root / "data/projects/photos/p.jpg")
    project = site.root / "data/projects/neeghw.yml"
    project.write_text(
        project.read_text(encoding="utf-8")
        + "image: photos/p.jpg\nimage_alt: {lv: Projekta laboratorija, en: The project's lab}\n",
        encoding="utf-8",
    )
    (site.root / "content/lv/events/2021").mkdir(parents=True)
    Image.new("RGB", (1200, 800), (120, 20, 60)).save(site.root / "content/lv/events/2021/e.jpg")
    site.write(
        "content/lv/events/2021/sanaksme.md",
        event_text(
            title="Sanāksme",
            start="2021-09-01T10:00",
            location="Rīga",
            image="e.jpg",
            image_alt="Dalībnieki pie galda",
        ),
    )
    built = site.build()

    def alt_in(html: str, start: str) -> str:
        part = html.split(start, 1)[1]
        found = re.search(
            r'<picture class="cs-picture">.*?<img [^>]*alt="([^"]*)"([^>]*)>', part, re.S
        )
        assert found is not None, start
        return found.group(1) + found.group(2)

    for root, alt in (
        ("", "Projekta laboratorija"),
        ("en/", "The project&#39;s lab"),  # as the attribute escapes it
    ):
        home = page(built, root + "index.html")
        assert alt_in(home, '<section class="cs-home-projects">').startswith(alt)
        index = page(built, root + "projects/index.html")
        row = alt_in(index, '<span class="cs-row-photo">')
        assert row.startswith(alt) and 'sizes="6rem"' in index.split("cs-row-photo", 1)[1]
    italian = alt_in(page(built, "it/projects/index.html"), '<span class="cs-row-photo">')
    assert italian.startswith("Projekta laboratorija") and 'lang="lv"' in italian  # fallback

    for root in ("", "en/"):  # the English listing shows the Latvian event, with its photo
        listing = page(built, root + "events/index.html")
        assert alt_in(listing, '<ul class="cs-entries cs-events">').startswith(
            "Dalībnieki pie galda"
        )
    event = page(built, "events/2021/sanaksme/index.html")
    assert alt_in(event, '<figure class="cs-cover">').startswith("Dalībnieki pie galda")
    og = re.search(r'<meta property="og:image" content="[^"]*/assets/media/([^"]+)"', event)
    assert og is not None and og.group(1).endswith("-social.jpg")
    with Image.open(built / "assets/media" / og.group(1)) as preview:
        assert preview.size == (1200, 630)
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', event, re.S)
    assert json_ld is not None and og.group(1) in json_ld.group(1)  # schema.org Event image


def test_an_event_photo_needs_its_file_and_an_alt_text(tmp_path: Path) -> None:
    from clustersite.model import load_site
    from clustersite.settings import SiteSettings

    site = SiteFactory(tmp_path)
    site.write(
        "content/lv/events/2021/a.md",
        event_text(title="A", start="2021-09-01", location="Rīga", image="nav.jpg"),
    )
    problems = load_site(SiteSettings.from_mkdocs_yml(site.root)).errors
    assert [(p.path, p.field, p.key) for p in problems] == [
        ("content/lv/events/2021/a.md", "image_alt", "media.alt_missing")
    ]  # the event is not loaded, so its missing file is not looked up yet
    site.write(
        "content/lv/events/2021/a.md",
        event_text(title="A", start="2021-09-01", location="Rīga", image="nav.jpg", image_alt="A"),
    )
    problems = load_site(SiteSettings.from_mkdocs_yml(site.root)).errors
    assert [(p.field, p.key) for p in problems] == [("image", "media.photo_missing")]
    assert "content/lv/events/2021/" in str(problems[0].in_language("it"))
