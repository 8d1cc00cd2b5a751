"""Photos made for the web at build time, and preview cards for social networks.

An editor's photo (often straight from a phone: 4000 px wide, several megabytes, carrying
the GPS position where it was taken in its EXIF data) is never published as it is. Each is
turned, once, into a few widths (:data:`WIDTHS`) in AVIF (where this Pillow supports it),
WebP and a JPEG (PNG when the photo has transparency) fallback, plus a 1200×630 crop for
social previews. On the way the photo is turned upright as its EXIF orientation says, its
colour profile is converted to sRGB, and every bit of metadata is left behind.

Encoding is slow, so results are kept in a cache folder named after the source's bytes
and :data:`PIPELINE` (the encoder settings): a rebuild, or a build of another language in a
parallel process, finds them there and encodes nothing. A lock file per photo makes
processes that want the same photo at once wait for the first instead of encoding it again.
The cache and the site get files by atomic rename only, so no process ever reads half a file.

The same holds for the preview cards drawn for pages without a photo (:func:`social_card`):
title, date and site name on the site's colours, in DejaVu Sans (shipped in ``fonts/``, so
Latvian and Italian letters render on any machine), named after everything drawn on them.

After Markdown is rendered, :func:`web_photos_in_text` puts the web versions of an editor's
photos in place of the originals (which the site never publishes), and
:func:`size_and_defer_images` gives every other ``<img>`` of the text that is a file of the
site its pixel size and ``loading="lazy"``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
import posixpath
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import imagesize
from PIL import (
    Image,
    ImageChops,
    ImageCms,
    ImageColor,
    ImageDraw,
    ImageFont,
    ImageOps,
    UnidentifiedImageError,
    features,
)
from PIL import __version__ as PILLOW_VERSION

__all__ = [
    "MAX_BYTES",
    "MAX_PIXELS",
    "SOCIAL_SIZE",
    "WIDTHS",
    "ImageCache",
    "ImageProblem",
    "ProcessedImage",
    "Variant",
    "attributes_of",
    "check_image",
    "draw_card",
    "promote_first_image",
    "site_file",
    "size_and_defer_images",
    "web_photos_in_text",
]

WIDTHS = (480, 960, 1600)
SOCIAL_SIZE = (1200, 630)
CARD_SHADES = 16  # of a preview card, from the background to each ink: anti-aliased edges
MAX_BYTES = 20 * 1024 * 1024  # an original larger than this is refused, not shrunk silently
MAX_PIXELS = 40_000_000
AVIF = features.check("avif")
# Everything that changes the bytes of an output: a change here re-encodes every photo.
PIPELINE = {
    "version": 1,
    "pillow": PILLOW_VERSION,
    "widths": WIDTHS,
    "social": SOCIAL_SIZE,
    "avif": AVIF and {"quality": 55, "speed": 8},  # slower speeds take 5x as long here
    "webp": {"quality": 78, "method": 4},
    "jpeg": {"quality": 80},
}
FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"
SUFFIX = {"image/avif": "avif", "image/webp": "webp", "image/jpeg": "jpg", "image/png": "png"}


class ImageProblem(Exception):
    """A photo that cannot be published: ``key`` of the message files and its parameters."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


@dataclass(frozen=True)
class Variant:
    """One output file: its name in the images folder of the site, size and type."""

    name: str
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class ProcessedImage:
    """Every file made from one photo, largest width last within each type."""

    width: int  # of the upright photo as published (at most the widest variant)
    height: int
    variants: tuple[Variant, ...]
    social: Variant

    def of_type(self, mime: str) -> list[Variant]:
        return [v for v in self.variants if v.mime == mime]

    @property
    def fallback(self) -> list[Variant]:
        """The JPEG or PNG widths, which every browser shows."""
        return [v for v in self.variants if v.mime in ("image/jpeg", "image/png")]

    @property
    def names(self) -> list[str]:
        return [v.name for v in (*self.variants, self.social)]


def check_image(path: Path) -> tuple[int, int]:
    """The upright pixel size of a photo, read from its header; refuses what is too big.

    Raises :class:`ImageProblem` for a file that is not a photo or is over the limits.
    """
    stat = path.stat()
    seen = (str(path), stat.st_mtime_ns, stat.st_size)
    if seen not in _CHECKED:  # each photo read once per process while it stays the same
        _CHECKED[seen] = _checked_size(path, stat.st_size)
    return _CHECKED[seen]


_CHECKED: dict[tuple[str, int, int], tuple[int, int]] = {}


def _checked_size(path: Path, size: int) -> tuple[int, int]:
    if size > MAX_BYTES:
        raise ImageProblem(
            "media.photo_too_large",
            megabytes=round(size / 1_048_576),
            limit=MAX_BYTES // 1_048_576,
        )
    try:
        with Image.open(path) as image:
            width, height = image.size
            orientation = image.getexif().get(0x0112, 1)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ImageProblem("media.photo_unreadable") from error
    if width * height > MAX_PIXELS:
        raise ImageProblem(
            "media.photo_too_many_pixels",
            megapixels=round(width * height / 1e6),
            limit=MAX_PIXELS // 1_000_000,
        )
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _file_digest(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


@functools.cache
def _font_digest() -> str:
    """The card font is part of the package: hashed once per process, not once per card."""
    return _file_digest(FONT)


def _pipeline_digest(*parts: object) -> str:
    text = json.dumps([PIPELINE, *parts], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _safe_stem(stem: str) -> str:
    from clustersite.slugs import slugify  # slugs is light; imported here to keep this readable

    return (slugify(stem) or "photo")[:40]


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (a no-op where the OS has no fcntl)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux/macOS
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _upright_srgb(image: Image.Image) -> Image.Image:
    """The photo turned as its EXIF orientation says, in sRGB, with no metadata left."""
    upright = ImageOps.exif_transpose(image)
    image = upright if upright is not None else image
    profile = image.info.get("icc_profile")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    mode = "RGBA" if has_alpha else "RGB"
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
                image = image.convert(mode)
            converted = ImageCms.profileToProfile(
                image, source, ImageCms.createProfile("sRGB"), outputMode=mode
            )
            image = converted if converted is not None else image
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: take the pixel values as they are
    clean = image.convert(mode)
    # a new image carries only pixels: no EXIF (GPS), no XMP, no profile, no comments
    bare = Image.new(mode, clean.size)
    bare.paste(clean)
    return bare


def _encode(image: Image.Image, mime: str) -> bytes:
    buffer = io.BytesIO()
    if mime == "image/avif":
        image.save(buffer, "AVIF", **PIPELINE["avif"])  # type: ignore[arg-type]
    elif mime == "image/webp":
        image.save(buffer, "WEBP", **PIPELINE["webp"])  # type: ignore[arg-type]
    elif mime == "image/jpeg":
        image.save(buffer, "JPEG", optimize=True, progressive=True, **PIPELINE["jpeg"])  # type: ignore[arg-type]
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


# A photo already processed in this process, by (path, modification time, size, cache
# folder): the preview's rebuilds and every language build read each photo's entry once, not
# once per page that shows it (hashing the original is most of that cost).
_PROCESSED: dict[tuple[str, int, int, str], tuple[Path, ProcessedImage, dict[str, Path]]] = {}


class ImageCache:
    """Processed photos and preview cards, kept by content in ``folder``.

    ``encoded`` counts the files this object encoded (a rebuild should encode none);
    ``made`` holds every output it handed out, so :meth:`publish` can copy them.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.encoded = 0
        self.made: dict[str, Path] = {}  # output name -> cached file, for publish()
        self.entries_seen: set[Path] = set()

    # -- photos ------------------------------------------------------------------------------
    def process(self, source: Path) -> ProcessedImage:
        """Every web file of one photo, encoded now only if the cache lacks them.

        Raises :class:`ImageProblem` for a photo that is over the limits or unreadable.
        """
        try:
            stat = source.stat()
            seen = (str(source), stat.st_mtime_ns, stat.st_size, str(self.folder))
        except OSError:
            seen = None  # reading it below raises the error an editor is shown
        known = _PROCESSED.get(seen) if seen else None
        if known is not None and known[0] not in self.entries_seen:  # once per cache object:
            known = known if (known[0] / "meta.json").is_file() else None  # still there?
        if known is None:
            key = _pipeline_digest(_file_digest(source))
            entry = self.folder / key[:2] / key
            meta = entry / "meta.json"
            if not meta.is_file():
                with _locked(self.folder / "locks" / f"{key}.lock"):
                    if not meta.is_file():  # another process may have made it while we waited
                        self._encode_photo(source, key, entry)
            processed = _processed_from_json(json.loads(meta.read_text(encoding="utf-8")))
            known = (entry, processed, {name: entry / name for name in processed.names})
            if seen:
                _PROCESSED[seen] = known
        self.entries_seen.add(known[0])
        self.made.update(known[2])
        return known[1]

    def _encode_photo(self, source: Path, key: str, entry: Path) -> None:
        check_image(source)
        stem = f"{_safe_stem(source.stem)}-{key[:10]}"
        with Image.open(source) as original:
            original.load()
            image = _upright_srgb(original)
        fallback = "image/png" if image.mode == "RGBA" else "image/jpeg"
        types = [*(["image/avif"] if AVIF else []), "image/webp", fallback]
        widths = sorted({min(w, image.width) for w in WIDTHS})
        files: dict[str, bytes] = {}
        variants = []
        for width in widths:
            height = max(1, round(image.height * width / image.width))
            resized = (
                image
                if width == image.width
                else image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
            )
            for mime in types:
                name = f"{stem}-{width}.{SUFFIX[mime]}"
                files[name] = _encode(resized, mime)
                variants.append(Variant(name, width, height, mime))
        crop = ImageOps.fit(image.convert("RGB"), SOCIAL_SIZE, Image.Resampling.LANCZOS)
        social = Variant(f"{stem}-social.jpg", *SOCIAL_SIZE, "image/jpeg")
        files[social.name] = _encode(crop, "image/jpeg")
        self.encoded += len(files)
        largest = variants[-1]
        processed = ProcessedImage(largest.width, largest.height, tuple(variants), social)
        self._store(entry, files, _processed_to_json(processed))

    def _store(self, entry: Path, files: dict[str, bytes], meta: dict[str, object]) -> None:
        """Write an entry's files, then its meta.json last: an entry with meta is whole."""
        entry.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            _atomic_write(entry / name, data)
        _atomic_write(entry / "meta.json", json.dumps(meta, sort_keys=True).encode("utf-8"))

    def _remember(self, entry: Path, names: list[str]) -> None:
        for name in names:
            self.made[name] = entry / name

    # -- preview cards -----------------------------------------------------------------------
    def social_card(
        self, title: str, line: str, site_name: str, colours: tuple[str, str, str]
    ) -> Variant:
        """A 1200×630 PNG: ``title`` large, ``line`` (e.g. the date) and the site's name.

        ``colours`` are background, text and accent, as ``#rrggbb``.
        """
        key = _pipeline_digest("card", CARD_SHADES, title, line, site_name, colours, _font_digest())
        entry = self.folder / key[:2] / key
        name = f"card-{key[:16]}.png"
        if not (entry / name).is_file():
            with _locked(self.folder / "locks" / f"{key}.lock"):
                if not (entry / name).is_file():
                    data = draw_card(title, line, site_name, colours)
                    self.encoded += 1
                    entry.mkdir(parents=True, exist_ok=True)
                    _atomic_write(entry / name, data)
        self._remember(entry, [name])
        return Variant(name, *SOCIAL_SIZE, "image/png")

    def publish(self, names: set[str], folder: Path) -> None:
        """Copy the named outputs into the site's images ``folder`` (unchanged ones are kept)."""
        for name in sorted(names):
            source = self.made[name]
            target = folder / name
            if target.is_file() and target.stat().st_size == source.stat().st_size:
                continue  # names carry the content's digest: same name, same bytes
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            os.close(handle)
            shutil.copyfile(source, temporary)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)


def _processed_to_json(image: ProcessedImage) -> dict[str, object]:
    return {
        "width": image.width,
        "height": image.height,
        "variants": [v.__dict__ for v in image.variants],
        "social": image.social.__dict__,
    }


def _processed_from_json(data: dict[str, object]) -> ProcessedImage:
    variants = data["variants"]
    social = data["social"]
    assert isinstance(variants, list) and isinstance(social, dict)
    return ProcessedImage(
        int(data["width"]),  # type: ignore[call-overload]
        int(data["height"]),  # type: ignore[call-overload]
        tuple(Variant(**v) for v in variants),
        Variant(**social),
    )


_STEP = 255 / (CARD_SHADES - 1)
_TEXT_SHADES = [round(v / _STEP) for v in range(256)]  # coverage -> palette entry 0 … 15
_ACCENT_SHADES = [0] + [CARD_SHADES + round(v / _STEP) for v in range(1, 256)]  # 16 … 31


def draw_card(title: str, line: str, site_name: str, colours: tuple[str, str, str]) -> bytes:
    """The PNG bytes of a preview card (see :meth:`ImageCache.social_card`).

    The card has two inks on one background: the text colour (title, date) and the accent
    (the bar, the site's name). Each is drawn as a coverage mask, and every pixel becomes
    one of CARD_SHADES shades between the background and its ink: a palette PNG of 32 colours
    made directly, several times faster than drawing in colour and reducing the colours after.
    """
    background, text, accent = (ImageColor.getrgb(colour)[:3] for colour in colours)
    width, height = SOCIAL_SIZE
    text_ink, accent_ink = Image.new("L", SOCIAL_SIZE, 0), Image.new("L", SOCIAL_SIZE, 0)
    draw_text, draw_accent = ImageDraw.Draw(text_ink), ImageDraw.Draw(accent_ink)
    margin = 80
    draw_accent.rectangle((0, 0, 24, height), fill=255)
    small = _font(36)
    draw_accent.text((margin, 64), site_name, font=small, fill=255)
    # the largest size at which the title fits in four lines
    for size in (72, 64, 56, 48, 42):
        font = _font(size)
        lines = _wrap(title, font, width - 2 * margin)
        if len(lines) <= 4:
            break
    lines = lines[:4]
    if len(_wrap(title, font, width - 2 * margin)) > 4:
        lines[-1] = lines[-1].rstrip(" .,;:") + "…"
    y = 170
    for text_line in lines:
        draw_text.text((margin, y), text_line, font=font, fill=255)
        y += int(size * 1.25)
    draw_text.text((margin, height - 64 - 36), line, font=small, fill=255)
    # the layout keeps the two inks apart (bar and name above, text below), so a pixel's
    # palette entry is the sum of its two shades
    card = ImageChops.add(text_ink.point(_TEXT_SHADES), accent_ink.point(_ACCENT_SHADES))
    card.putpalette(  # an "L" image with a palette is a "P" image
        [
            round(b + (c - b) * k / (CARD_SHADES - 1))
            for ink in (text, accent)
            for k in range(CARD_SHADES)
            for b, c in zip(background, ink, strict=True)
        ]
    )
    buffer = io.BytesIO()
    card.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, room: float) -> list[str]:
    """Lines of ``text`` no wider than ``room`` pixels (a word too long is cut)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if font.getlength(trial) <= room:
            current = trial
            continue
        if current:
            lines.append(current)
        while font.getlength(word) > room:  # a single word wider than the card
            cut = 1
            for cut in range(len(word), 0, -1):
                if font.getlength(word[:cut]) <= room:
                    break
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


# -- images in editors' text -------------------------------------------------------------------
IMG = re.compile(r"<img\b[^>]*>", re.I)
ATTRIBUTE = re.compile(r'\s([a-zA-Z-]+)="([^"]*)"')


def site_file(src: str, page_url: str, media: dict[str, str]) -> str | None:
    """The file on disk behind a ``src`` or ``href`` written relative to the page's URL."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//|^/", src, re.I):
        return None  # another host, a data: URL or a root path: not ours to measure
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return media.get(posixpath.normpath(posixpath.join(folder, src)))


LINK = re.compile(r"<a\b[^>]*>", re.I)


def attributes_of(tag: str) -> dict[str, str]:
    """The attributes of an HTML tag as Python-Markdown writes it (double quotes)."""
    return {name.lower(): value for name, value in ATTRIBUTE.findall(tag)}


def web_photos_in_text(
    html: str,
    page_url: str,
    photos: dict[str, str],
    picture: Callable[[str, dict[str, str]], str],
    full_size: Callable[[str], str],
) -> str:
    """Each ``<img>`` of one of ``photos`` (URL -> file) becomes ``picture(file, attributes)``;
    a link to one points at ``full_size(file)`` instead.

    >>> photos = {"news/a.jpg": "/c/a.jpg"}
    >>> web_photos_in_text('<p><img alt="A" src="../a.jpg"> <a href="../a.jpg">A</a></p>',
    ...     "news/x/", photos, lambda f, a: f"<picture {a['alt']}>", lambda f: "w.jpg")
    '<p><picture A> <a href="w.jpg">A</a></p>'
    """

    def image(match: re.Match[str]) -> str:
        attributes = attributes_of(match.group(0))
        path = site_file(attributes.get("src", ""), page_url, photos)
        return picture(path, attributes) if path else match.group(0)

    def link(match: re.Match[str]) -> str:
        tag = match.group(0)
        href = attributes_of(tag).get("href", "")
        path = site_file(href, page_url, photos)
        if path is None:
            return tag
        return tag.replace(f'href="{href}"', f'href="{escape(full_size(path))}"', 1)

    return LINK.sub(link, IMG.sub(image, html))


def promote_first_image(html: str) -> str:
    """The first image of a page's main content loads at once, with high priority.

    Every other image waits until it is scrolled near (``loading="lazy"``); the first is
    most likely the largest thing in the first screen, which the browser should fetch first.

    >>> promote_first_image('<main><img src="a" loading="lazy"><img src="b" loading="lazy">')
    '<main><img src="a" fetchpriority="high"><img src="b" loading="lazy">'
    """
    start = html.find("<main")
    first = IMG.search(html, max(start, 0))
    if first is None or ' loading="lazy"' not in first.group(0):
        return html
    tag = first.group(0).replace(' loading="lazy"', ' fetchpriority="high"', 1)
    return html[: first.start()] + tag + html[first.end() :]


def size_and_defer_images(html: str, page_url: str, media: dict[str, str]) -> str:
    """Add width, height, loading and decoding to every <img> that lacks them.

    ``media`` maps the URL of each image file of the site to its path on disk.

    >>> size_and_defer_images('<p><img alt="x" src="http://a/b.png"></p>', "news/", {})
    '<p><img alt="x" src="http://a/b.png" loading="lazy" decoding="async"></p>'
    """

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        attributes = attributes_of(tag)
        extra = []
        if "loading" not in attributes:
            extra.append('loading="lazy"')
        if "decoding" not in attributes:
            extra.append('decoding="async"')
        if "width" not in attributes and "height" not in attributes and "src" in attributes:
            path = site_file(attributes["src"], page_url, media)
            if path:
                width, height = imagesize.get(path)
                if width > 0 and height > 0:
                    extra.append(f'width="{int(width)}" height="{int(height)}"')
        if not extra:
            return tag
        end = "/>" if tag.endswith("/>") else ">"
        return f"{tag[: -len(end)].rstrip()} {' '.join(escape(e, quote=False) for e in extra)}{end}"

    return IMG.sub(fix, html)
