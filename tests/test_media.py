"""Photos made for the web, preview cards, and the media fields of a post.

The photos here are drawn in the test: one saved the way a phone saves it (turned sideways
with an EXIF orientation tag and a GPS position), one with transparency, one too large.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageDraw
from PIL.ExifTags import IFD

from clustersite import images
from clustersite.checker import Checker
from clustersite.images import ImageCache, ImageProblem, check_image, draw_card
from clustersite.media import file_label, read_media_fields, read_text_photos

GPS_IFD = 0x8825


def phone_photo(path: Path, size: tuple[int, int] = (2400, 1600)) -> Path:
    """A landscape scene stored sideways, with orientation 6 and a GPS position."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, (40, 90, 160))
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 4, size[1]), fill=(220, 30, 30))  # red left
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(IFD.GPSInfo).update({1: "N", 2: (56.0, 57.0, 3.6), 3: "E", 4: (24.0, 6.0, 18.0)})
    image.transpose(Image.Transpose.ROTATE_90).save(path, "JPEG", quality=90, exif=exif)
    return path


def test_photo_comes_out_upright_in_every_width_and_type_without_metadata(tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "IMG_0001.jpg")
    with Image.open(source) as raw:
        assert raw.size == (1600, 2400) and raw.getexif().get_ifd(GPS_IFD)  # the test's premise
    cache = ImageCache(tmp_path / "cache")
    processed = cache.process(source)
    widths = sorted({v.width for v in processed.variants})
    assert widths == [480, 960, 1600]
    types = {v.mime for v in processed.variants}
    assert {"image/webp", "image/jpeg"} <= types
    assert ("image/avif" in types) == images.AVIF
    for name in processed.names:
        with Image.open(cache.made[name]) as made:
            assert made.width > made.height, name  # turned upright as the tag said
            exif = made.getexif()
            assert not exif.get_ifd(GPS_IFD), name
            assert 0x0112 not in exif, name  # no orientation left to apply twice
            assert "icc_profile" not in made.info
            made_rgb = made.convert("RGB")
            assert made_rgb.getpixel((2, made.height // 2))[0] > 150, name  # red stays left
    social = processed.social
    with Image.open(cache.made[social.name]) as card:
        assert card.size == (1200, 630)


def test_a_second_process_encodes_nothing(tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "a.jpg")
    first = ImageCache(tmp_path / "cache")
    made = first.process(source)
    assert first.encoded == len(made.names)
    again = ImageCache(tmp_path / "cache")
    assert again.process(source) == made
    assert again.encoded == 0
    source.write_bytes(source.read_bytes() + b"\0")  # new content: a new entry
    assert again.process(source).names != made.names and again.encoded > 0


def test_transparent_photo_falls_back_to_png_and_small_photo_is_not_enlarged(
    tmp_path: Path,
) -> None:
    source = tmp_path / "logo.png"
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(source)
    processed = ImageCache(tmp_path / "cache").process(source)
    assert {v.width for v in processed.variants} == {300}
    assert [v.mime for v in processed.fallback] == ["image/png"]


def test_colour_profile_is_converted_not_dropped(tmp_path: Path) -> None:
    """A photo tagged with a profile other than sRGB gets its colours converted."""
    lab = ImageCms.createProfile("LAB")
    srgb = ImageCms.createProfile("sRGB")
    # a wide profile: sRGB pixels converted into another RGB space need converting back
    image = Image.new("RGB", (64, 64), (200, 40, 40))
    transform = ImageCms.buildTransform(srgb, lab, "RGB", "LAB")
    as_lab = ImageCms.applyTransform(image, transform)
    assert as_lab is not None
    profile = ImageCms.ImageCmsProfile(lab).tobytes()
    source = tmp_path / "lab.tif"
    as_lab.save(source, "TIFF", icc_profile=profile)
    cache = ImageCache(tmp_path / "cache")
    processed = cache.process(source)
    with Image.open(cache.made[processed.fallback[0].name]) as made:
        red, green, _blue = made.convert("RGB").getpixel((32, 32))
    assert red > 150 and green < 90  # still red: read through its profile


def test_limits_refuse_huge_originals_with_a_fix(tmp_path: Path) -> None:
    huge = tmp_path / "huge.png"
    Image.new("L", (8000, 6000)).save(huge)  # 48 megapixels of one grey: a small file
    with pytest.raises(ImageProblem) as caught:
        check_image(huge)
    assert caught.value.key == "media.photo_too_many_pixels"
    assert caught.value.params == {"megapixels": 48, "limit": 40}
    not_a_photo = tmp_path / "x.jpg"
    not_a_photo.write_text("hello")
    with pytest.raises(ImageProblem):
        check_image(not_a_photo)


def test_social_card_is_1200_by_630_and_named_by_what_it_shows(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path / "cache")
    colours = ("#003399", "#ffffff", "#ffcc00")
    card = cache.social_card("Klastera aktualitātes: ļ ņ ģ ķ š ž", "30. jūnijs", "LETERA", colours)
    assert (card.width, card.height) == (1200, 630)
    with Image.open(cache.made[card.name]) as drawn:
        assert drawn.size == (1200, 630)
    same = ImageCache(tmp_path / "cache").social_card(
        "Klastera aktualitātes: ļ ņ ģ ķ š ž", "30. jūnijs", "LETERA", colours
    )
    assert same.name == card.name
    other = cache.social_card("Cits virsraksts", "30. jūnijs", "LETERA", colours)
    assert other.name != card.name
    # a title too long for four lines still fits on the card
    long_title = "Ļoti garš virsraksts " * 30
    data = draw_card(long_title, "x", "LETERA", colours)
    assert Image.open(io.BytesIO(data)).size == (1200, 630)


@pytest.mark.parametrize(
    ("size", "locale", "expected"),
    [
        (1_234_567, "lv", ("PDF", "1,2 MB")),
        (1_234_567, "en", ("PDF", "1.2 MB")),
        (1_234_567, "it", ("PDF", "1,2 MB")),
        (48_200, "lv", ("PDF", "48 kB")),
        (10, "en", ("PDF", "1 kB")),
    ],
)
def test_file_label(size: int, locale: str, expected: tuple[str, str]) -> None:
    """The locale's decimal sign and units (which space CLDR puts before the unit may vary)."""
    type_name, size_text = file_label("PDF", size, locale)
    assert (type_name, size_text.replace("\xa0", " ").replace("\u202f", " ")) == expected


def problems_of(meta: dict[str, object], lang: str = "lv") -> list[tuple[str, str]]:
    check = Checker("content/lv/news/2021/x.md")
    read_media_fields(meta, lang, check)
    for problem in check.problems:  # every problem is in the message files, in each language
        for editor in ("lv", "it"):
            assert problem.key and problem.in_language(editor).fix != problem.fix, problem
    return [(p.field, p.severity) for p in check.problems]


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"image": "a.jpg", "image_alt": "Foto"}, []),
        ({"image": "a.jpg", "image_alt": {"lv": "Foto", "en": "Photo"}}, []),
        ({"image": "a.jpg"}, [("image_alt", "error")]),
        ({"image": "a.jpg", "image_alt": {"en": "Photo"}}, [("image_alt", "error")]),
        ({"image": "a.jpg", "image_alt": ""}, [("image_alt", "error")]),
        ({"image": "../../secret.jpg", "image_alt": "x"}, [("image", "error")]),
        ({"image": "/etc/a.jpg", "image_alt": "x"}, [("image", "error")]),
        ({"image_alt": "x"}, [("image_alt", "error")]),
        ({"image": "a.jpg", "image_alt": "x", "image_credit": 5}, [("image_credit", "error")]),
        ({"gallery": "a.jpg"}, [("gallery", "error")]),
        (
            {"gallery": [{"file": "a.jpg", "caption": {"lv": "x"}}, {"file": "b.jpg", "alt": "y"}]},
            [],
        ),
        # a gallery photo needs a text alternative in the file's language: alt or caption
        ({"gallery": [{"file": "a.jpg", "caption": {"lv": "x"}}, "b.jpg"]}, [("gallery", "error")]),
        (
            {"gallery": [{"file": "a.jpg", "caption": {"en": "x"}, "credit": "LETERA"}]},
            [("gallery", "error")],
        ),
        ({"gallery": [{"file": "a.jpg", "caption": ""}]}, [("gallery", "error")]),
        ({"gallery": [{"caption": "x"}]}, [("gallery", "error")]),
        ({"gallery": [{"file": "a.jpg", "alt": "x", "colour": "red"}]}, [("gallery", "error")]),
        ({"attachments": ["report.pdf", {"file": "b.docx", "title": {"lv": "B"}}]}, []),
        ({"attachments": ["tool.exe"]}, [("attachments", "error")]),
        ({"attachments": "report.pdf"}, [("attachments", "error")]),
        ({"attachments": [{"file": "a.pdf", "title": ["x"]}]}, [("attachments", "error")]),
    ],
)
def test_media_fields_are_checked(meta: dict[str, object], expected: list[tuple[str, str]]) -> None:
    assert problems_of(meta) == expected


def test_files_are_looked_up_beside_the_post_then_in_the_default_language(tmp_path: Path) -> None:
    from clustersite.model import load_site
    from clustersite.settings import SiteSettings
    from support import SiteFactory

    site = SiteFactory(tmp_path)
    phone_photo(site.root / "content/lv/news/2021/cover.jpg", (640, 480))
    (site.root / "content/lv/news/2021/report.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 2000)
    for lang in ("lv", "en"):
        site.post(
            lang,
            2021,
            "zina",
            f"Ziņa {lang}",
            "2021-03-01",
            image="cover.jpg",
            image_alt="Foto",
            attachments="[report.pdf]",
        )
    site.post("it", 2021, "zina", "Notizia", "2021-03-01", image="nav.jpg", image_alt="Foto")
    loaded = load_site(SiteSettings.from_mkdocs_yml(site.root))
    errors = [str(p) for p in loaded.errors]
    assert errors == [
        "content/it/news/2021/zina.md: image: there is no photo 'nav.jpg' beside it "
        "(content/it/news/2021/) — put the photo there, or correct the file name (letters and case must match)"
    ]
    english = loaded.media["content/en/news/2021/zina.md"]
    assert english.image is not None
    assert english.image.source == site.root / "content/lv/news/2021/cover.jpg"
    assert english.image.alt == {"en": "Foto"}
    [attachment] = english.attachments
    assert (attachment.url, attachment.type, attachment.size) == (
        "news/2021/report.pdf",
        "PDF",
        2009,
    )


def test_a_folder_beside_the_post_is_its_gallery_and_oversize_documents_warn(
    tmp_path: Path,
) -> None:
    from clustersite.model import load_site
    from clustersite.settings import SiteSettings
    from support import SiteFactory

    site = SiteFactory(tmp_path)
    for name in ("b.jpg", "a.png"):
        phone_photo(site.root / f"content/lv/news/2021/zina/{name}", (64, 48))
    (site.root / "content/lv/news/2021/zina/notes.txt").write_text("not a photo")
    big = site.root / "content/lv/news/2021/big.pdf"
    with big.open("wb") as stream:
        stream.truncate(16 * 1024 * 1024)
    site.post("lv", 2021, "zina", "Ziņa", "2021-03-01", attachments="[big.pdf]")
    loaded = load_site(SiteSettings.from_mkdocs_yml(site.root))
    media = loaded.media["content/lv/news/2021/zina.md"]
    assert [p.source.name for p in media.gallery] == ["a.png", "b.jpg"]
    assert [(p.field, p.severity) for p in loaded.problems] == [("attachments", "warning")]


@pytest.mark.parametrize(
    ("body", "expected", "problems"),
    [
        ("![Sanāksme](foto.jpg)", [("foto.jpg", 3)], []),
        ('Teksts\n\n![Plate](../2019/plate.PNG "Virsraksts")', [("../2019/plate.PNG", 5)], []),
        ("![](foto.jpg)", [("foto.jpg", 3)], [("text", 3)]),
        ("![ ](<mana foto.jpg>)", [("mana foto.jpg", 3)], [("text", 3)]),
        ("![Plate][p]\n\n[p]: plate.webp", [("plate.webp", 3)], []),
        ('<img src="a.jpg">', [], []),  # HTML: the editor's own (see read_text_photos)
        ("```\n![](code.jpg)\n```\n`![](span.jpg)`", [], []),
        ("![Karte](https://example.org/a.jpg) ![Zīmējums](shema.svg) ![](/abs.jpg)", [], []),
    ],
)
def test_photos_in_the_text_are_found_and_need_an_alt_text(
    body: str, expected: list[tuple[str, int]], problems: list[tuple[str, int]]
) -> None:
    check = Checker("content/lv/news/2021/x.md")
    refs = read_text_photos(body, 3, check)
    assert [(ref.file, ref.line) for ref in refs] == expected
    assert [(p.field, p.line) for p in check.problems] == problems
    for problem in check.problems:
        assert problem.key == "media.text_photo_alt_missing"
        assert "![…]" in problem.in_language("lv").fix


def test_a_photo_the_text_shows_must_be_there(tmp_path: Path) -> None:
    from clustersite.model import load_site
    from clustersite.settings import SiteSettings
    from support import SiteFactory, post_text

    site = SiteFactory(tmp_path)
    phone_photo(site.root / "content/lv/news/2021/ir.jpg", (64, 48))
    site.write(
        "content/lv/news/2021/zina.md",
        post_text("Ziņa", "2021-03-01") + "\n![Ir](ir.jpg)\n\n![Nav](nav.jpg)\n",
    )
    loaded = load_site(SiteSettings.from_mkdocs_yml(site.root))
    [problem] = loaded.errors
    assert (problem.path, problem.field, problem.key) == (
        "content/lv/news/2021/zina.md",
        "text",
        "media.text_photo_missing",
    )
    text = (site.root / "content/lv/news/2021/zina.md").read_text(encoding="utf-8").split("\n")
    assert text[problem.line - 1] == "![Nav](nav.jpg)"  # the line the editor wrote it on
    latvian = str(problem.in_language("lv"))
    assert "'nav.jpg'" in latvian and "content/lv/news/2021/" in latvian
    [shown] = loaded.media["content/lv/news/2021/zina.md"].in_text
    assert shown.source == site.root / "content/lv/news/2021/ir.jpg"
