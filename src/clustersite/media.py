"""Photos, galleries and documents of a post: what an editor writes, and what pages show.

Front matter (every field optional)::

    image: cover.jpg                       # beside the post
    image_alt: Parakstīts līgums           # or {lv: …, en: …}: the post's language is required
    image_credit: Foto: LETERA
    gallery:                               # or a folder named after the post, beside it
      - {file: a.jpg, caption: {lv: …, en: …}, credit: …}
    attachments:
      - {file: parskats-2-2020.pdf, title: {lv: …, en: …}}

Reading happens in two steps. :func:`read_media_fields` checks the fields' shape when the
post is parsed (cached with the post, by its text). :func:`resolve_media` finds the files
on every load, since a photo can go missing while the post's text stays the same: beside
the post first, then in the default language's folder at the same place, so translations
share the photos of the original. Photos are never published as the editor saved them
(images.py makes them for the web and leaves their EXIF, GPS included, behind), so
:func:`photo_sources` tells the engine which files to keep out of the site.

:class:`MediaLibrary` turns them into what templates print (:class:`Picture`,
:class:`Gallery`, :class:`AttachmentLink`) for one language, and remembers every file it
handed out so that the build can publish them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.units import format_unit

from clustersite.errors import Problem
from clustersite.images import ImageCache, ImageProblem, ProcessedImage, Variant, check_image

__all__ = [
    "ATTACHMENT_TYPES",
    "MEDIA_FIELDS",
    "AttachmentLink",
    "Gallery",
    "MediaLibrary",
    "MediaRefs",
    "Picture",
    "PostMedia",
    "file_label",
    "photo_sources",
    "read_media_fields",
    "resolve_media",
]

MEDIA_FIELDS = {"image", "image_alt", "image_credit", "gallery", "attachments"}
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".tif", ".tiff"}
ATTACHMENT_TYPES = {
    ".pdf": "PDF",
    ".docx": "DOCX",
    ".xlsx": "XLSX",
    ".pptx": "PPTX",
    ".odt": "ODT",
    ".ods": "ODS",
    ".odp": "ODP",
    ".csv": "CSV",
    ".zip": "ZIP",
}
ATTACHMENT_WARN_BYTES = 15 * 1024 * 1024  # visitors on a phone wait long for more
MEDIA_FOLDER = "assets/media/"  # where processed photos and cards live in the site
# What a picture occupies on screen, for the browser's choice among the widths.
SIZES = {
    "cover": "(min-width: 76.25em) 42rem, (min-width: 60em) 60vw, 100vw",
    "card": "(min-width: 45em) 18rem, 100vw",
    "thumb": "(min-width: 45em) 12rem, 50vw",
}

Texts = dict[str, str]  # language -> text; "" stands for the post's own language


@dataclass(frozen=True)
class PhotoRef:
    file: str
    alt: Texts = field(default_factory=dict)
    caption: Texts = field(default_factory=dict)
    credit: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class AttachmentRef:
    file: str
    title: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class MediaRefs:
    """The media fields of one post, as written (files not looked up yet)."""

    image: PhotoRef | None = None
    gallery: tuple[PhotoRef, ...] | None = None  # None: take the folder beside the post, if any
    attachments: tuple[AttachmentRef, ...] = ()


@dataclass(frozen=True)
class Photo:
    source: Path
    shown: str  # as an editor knows it: content/lv/news/2020/cover.jpg
    alt: Texts
    caption: Texts
    credit: Texts


@dataclass(frozen=True)
class Attachment:
    source: Path
    url: str  # from the site root: where MkDocs copies the file (a stable address)
    title: Texts
    size: int
    type: str  # PDF, DOCX, …


@dataclass(frozen=True)
class PostMedia:
    image: Photo | None = None
    gallery: tuple[Photo, ...] = ()
    attachments: tuple[Attachment, ...] = ()


# -- reading front matter ----------------------------------------------------------------------
AddProblem = Callable[..., None]  # add(field, message, fix, line=None, severity="error")


def _texts(value: Any) -> Texts | None:
    """A text or ``{lang: text}``; None when it is neither."""
    if isinstance(value, str) and value.strip():
        return {"": value.strip()}
    if isinstance(value, dict) and value:
        texts = {str(k): v.strip() for k, v in value.items() if isinstance(v, str) and v.strip()}
        return texts if len(texts) == len(value) else None
    return None


def _file_name(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    name = value.strip()
    if name.startswith(("/", "\\")) or "://" in name or ".." in Path(name).parts:
        return None
    return name


def _named_items(
    items: list[Any],
    field_name: str,
    noun: str,
    fix: str,
    line: Callable[[str], int | None],
    add: AddProblem,
) -> Iterator[tuple[dict[str, Any], str, int | None]]:
    """Each item of a list of files as (fields, file name, line); a nameless one is reported."""
    for index, item in enumerate(items):
        at = line(f"{field_name}.{index}") or line(field_name)
        entry = item if isinstance(item, dict) else {"file": item}
        name = _file_name(entry.get("file"))
        if name is None:
            add(field_name, f"{noun} {index + 1} has no file name", fix, line=at)
            continue
        yield entry, name, at


def read_media_fields(
    meta: dict[str, Any], line: Callable[[str], int | None], lang: str, add: AddProblem
) -> MediaRefs:
    """Check the shape of the media fields of one post (files are looked up later)."""
    where = "a file name beside the post, e.g. `cover.jpg`"
    image: PhotoRef | None = None
    if "image" in meta:
        name = _file_name(meta["image"])
        if name is None:
            add("image", "must be the name of a photo file", f"write {where}", line=line("image"))
        else:
            alt = _texts(meta.get("image_alt"))
            if alt is None or not ("" in alt or lang in alt):
                add(
                    "image_alt",
                    f"the photo has no text alternative in this post's language ({lang})",
                    "describe what the photo shows for visitors who cannot see it: "
                    f"`image_alt: …` (or `image_alt: {{{lang}: …}}`)",
                    line=line("image_alt") or line("image"),
                )
            credit = _texts(meta.get("image_credit")) if "image_credit" in meta else {}
            if credit is None:
                add(
                    "image_credit",
                    "must be text",
                    "write who took the photo, e.g. `image_credit: Foto: LETERA`",
                    line=line("image_credit"),
                )
            image = PhotoRef(name, alt or {}, {}, credit or {})
    elif "image_alt" in meta or "image_credit" in meta:
        field_name = "image_alt" if "image_alt" in meta else "image_credit"
        add(
            field_name,
            "describes a photo, but the post has no `image:`",
            "add `image: <file name>` or remove the field",
            line=line(field_name),
        )

    gallery: tuple[PhotoRef, ...] | None = None
    if "gallery" in meta:
        raw = meta["gallery"]
        items: list[PhotoRef] = []
        if not isinstance(raw, list) or not raw:
            add(
                "gallery",
                "must be a list of photos",
                "write `gallery: [{file: a.jpg, caption: …}, …]`, or leave it out and put the "
                "photos in a folder named after the post",
                line=line("gallery"),
            )
        photos = raw if isinstance(raw, list) else []
        for entry, name, at in _named_items(
            photos, "gallery", "photo", f"write `file: …`, {where}", line, add
        ):
            texts = {}
            for key in ("caption", "alt", "credit"):
                if key in entry:
                    value = _texts(entry[key])
                    if value is None:
                        add(
                            "gallery",
                            f"the {key} of {name} must be text",
                            f"write `{key}: …` or `{key}: {{{lang}: …}}`",
                            line=at,
                        )
                    texts[key] = value or {}
            unknown = set(entry) - {"file", "caption", "alt", "credit"}
            if unknown:
                add(
                    "gallery",
                    f"{name}: '{sorted(unknown)[0]}' is not a field of a gallery photo",
                    "use file, caption, alt and credit",
                    line=at,
                )
            items.append(
                PhotoRef(
                    name, texts.get("alt", {}), texts.get("caption", {}), texts.get("credit", {})
                )
            )
        gallery = tuple(items)

    attachments: list[AttachmentRef] = []
    raw_attachments = meta.get("attachments", [])
    if not isinstance(raw_attachments, list):
        add(
            "attachments",
            "must be a list of documents",
            "write `attachments: [{file: report.pdf, title: …}]`",
            line=line("attachments"),
        )
        raw_attachments = []
    fix = "write `file: report.pdf`, a file beside the post"
    for entry, name, at in _named_items(raw_attachments, "attachments", "document", fix, line, add):
        if Path(name).suffix.lower() not in ATTACHMENT_TYPES:
            add(
                "attachments",
                f"{name}: this kind of file is not offered for download",
                f"attach one of: {', '.join(sorted(ATTACHMENT_TYPES.values()))}",
                line=at,
            )
            continue
        title = _texts(entry["title"]) if "title" in entry else {}
        if title is None:
            add(
                "attachments",
                f"the title of {name} must be text",
                f"write `title: …` or `title: {{{lang}: …}}`",
                line=at,
            )
        attachments.append(AttachmentRef(name, title or {}))
    return MediaRefs(image, gallery, tuple(attachments))


# -- finding the files -------------------------------------------------------------------------
def _find(name: str, folders: Iterable[Path]) -> Path | None:
    for folder in folders:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def resolve_media(
    refs: MediaRefs,
    *,
    post_file: Path,
    shown: str,
    slug: str,
    lang: str,
    default_folder: Path | None,
    docs_dir: Path,
    language_root: Callable[[str], str],
) -> tuple[PostMedia, list[Problem]]:
    """Look up the files of one post. ``default_folder``: the default language's same folder."""
    problems: list[Problem] = []
    folders = [post_file.parent] + ([default_folder] if default_folder else [])
    where = f"beside it ({post_file.parent.relative_to(docs_dir.parent).as_posix()}/)"

    def photo(ref: PhotoRef, field_name: str) -> Photo | None:
        found = _find(ref.file, folders)
        if found is None:
            problems.append(
                Problem(
                    shown,
                    field_name,
                    f"there is no photo '{ref.file}' {where}",
                    "put the photo there, or correct the file name (letters and case must match)",
                )
            )
            return None
        try:
            check_image(found)
        except ImageProblem as problem:
            shown_photo = found.relative_to(docs_dir.parent).as_posix()
            problems.append(
                Problem(shown, field_name, f"{shown_photo}: {problem.message}", problem.fix)
            )
            return None
        return Photo(
            found,
            found.relative_to(docs_dir.parent).as_posix(),
            _own(ref.alt, lang),
            _own(ref.caption, lang),
            _own(ref.credit, lang),
        )

    image = photo(refs.image, "image") if refs.image else None
    gallery: list[Photo] = []
    if refs.gallery is not None:
        gallery = [p for ref in refs.gallery if (p := photo(ref, "gallery"))]
    else:
        for folder in folders:
            album = folder / slug
            if album.is_dir():
                names = sorted(
                    p.name
                    for p in album.iterdir()
                    if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file()
                )
                gallery = [
                    p for name in names if (p := photo(PhotoRef(f"{slug}/{name}"), "gallery"))
                ]
                break
    attachments: list[Attachment] = []
    for ref in refs.attachments:
        found = _find(ref.file, folders)
        if found is None:
            problems.append(
                Problem(
                    shown,
                    "attachments",
                    f"there is no document '{ref.file}' {where}",
                    "put the file there, or correct the file name",
                )
            )
            continue
        size = found.stat().st_size
        if size > ATTACHMENT_WARN_BYTES:
            problems.append(
                Problem(
                    shown,
                    "attachments",
                    f"{ref.file} is {size / 1_048_576:.0f} MB, slow to download on a phone",
                    "make it smaller (e.g. export the PDF for screen, with compressed images)",
                    severity="warning",
                )
            )
        relative = found.relative_to(docs_dir).parts  # (lang, news, 2020, x.pdf)
        url = language_root(relative[0]) + "/".join(relative[1:])
        attachments.append(
            Attachment(
                found, url, _own(ref.title, lang), size, ATTACHMENT_TYPES[found.suffix.lower()]
            )
        )
    return PostMedia(image, tuple(gallery), tuple(attachments)), problems


def _own(texts: Texts, lang: str) -> Texts:
    """``{"": text}`` (written in the post's language) as ``{lang: text}``."""
    return {(key or lang): value for key, value in texts.items()}


def photo_sources(media: Iterable[PostMedia]) -> set[Path]:
    """Every original photo: the site publishes only what images.py makes of them."""
    found: set[Path] = set()
    for item in media:
        if item.image:
            found.add(item.image.source.resolve())
        found.update(p.source.resolve() for p in item.gallery)
    return found


# -- what templates print ----------------------------------------------------------------------
def file_label(type_name: str, size: int, locale: str) -> tuple[str, str]:
    """A document's type and its size in the locale's units.

    >>> file_label("PDF", 1_234_567, "it")
    ('PDF', '1,2 MB')
    >>> file_label("DOCX", 48_000, "en")
    ('DOCX', '48 kB')
    """
    if size >= 1_000_000:
        text = format_unit(
            round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=locale
        )
    else:
        text = format_unit(
            max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=locale
        )
    return type_name, text


@dataclass(frozen=True)
class Source:
    mime: str
    srcset: tuple[tuple[str, int], ...]  # (URL from the site root, width)


@dataclass(frozen=True)
class Picture:
    """A photo as a page prints it: <picture> with its sources, or a full-size link."""

    src: str  # the middle width of the fallback type, URL from the site root
    width: int
    height: int
    alt: str
    lang: str  # the language of alt, caption and credit
    sizes: str
    sources: tuple[Source, ...]  # AVIF, WebP: the browser takes the first it can show
    srcset: tuple[tuple[str, int], ...]  # the JPEG or PNG widths, which every browser shows
    full: str  # the widest fallback file: what a gallery links to without JavaScript
    full_width: int
    full_height: int
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class Gallery:
    pictures: tuple[Picture, ...]
    labels: dict[str, str]  # the viewer's localised texts


@dataclass(frozen=True)
class AttachmentLink:
    title: str
    lang: str
    url: str
    type: str
    size: str
    label: str  # "PDF, 1,2 MB" as the page's language writes it


@dataclass(frozen=True)
class SocialImage:
    url: str  # from the site root
    width: int
    height: int
    alt: str
    mime: str


class MediaLibrary:
    """The pictures, galleries, documents and preview cards of one language build."""

    def __init__(
        self,
        cache: ImageCache,
        lang: str,
        media: dict[str, PostMedia],
        translate: Callable[..., str],
        site_name: str,
        colours: tuple[str, str, str] = ("#003399", "#ffffff", "#ffcc00"),
    ) -> None:
        self.cache = cache
        self.lang = lang
        self.media = media  # post path -> its media
        self.t = translate
        self.site_name = site_name
        self.colours = colours
        self.used: set[str] = set()  # output names handed out: the build publishes these

    def of(self, path: str) -> PostMedia:
        return self.media.get(path, PostMedia())

    def _text(self, texts: Texts, fallback_lang: str) -> tuple[str, str]:
        if self.lang in texts:
            return texts[self.lang], self.lang
        if fallback_lang in texts:
            return texts[fallback_lang], fallback_lang
        for lang, text in sorted(texts.items()):
            return text, lang
        return "", self.lang

    def _variant_url(self, variant: Variant) -> str:
        self.used.add(variant.name)
        return MEDIA_FOLDER + variant.name

    def picture(self, photo: Photo, post_lang: str, role: str, alt: str = "") -> Picture:
        processed: ProcessedImage = self.cache.process(photo.source)
        text, lang = self._text(photo.alt, post_lang)
        caption, caption_lang = self._text(photo.caption, post_lang)
        credit, _ = self._text(photo.credit, post_lang)
        fallback = processed.fallback
        modern = [m for m in ("image/avif", "image/webp") if processed.of_type(m)]
        sources = tuple(
            Source(mime, tuple((self._variant_url(v), v.width) for v in processed.of_type(mime)))
            for mime in modern
        )
        middle = fallback[len(fallback) // 2]
        return Picture(
            src=self._variant_url(middle),
            width=middle.width,
            height=middle.height,
            alt=text or caption or alt,
            lang=lang if text else caption_lang,
            sizes=SIZES[role],
            sources=sources,
            srcset=tuple((self._variant_url(v), v.width) for v in fallback),
            full=self._variant_url(fallback[-1]),
            full_width=fallback[-1].width,
            full_height=fallback[-1].height,
            caption=caption,
            credit=self.t("photo_credit", credit=credit) if credit else "",
        )

    def gallery(self, photos: tuple[Photo, ...], post_lang: str) -> Gallery | None:
        if not photos:
            return None
        count = len(photos)
        pictures = tuple(
            self.picture(p, post_lang, "thumb", alt=self.t("gallery_photo", n=n, count=count))
            for n, p in enumerate(photos, start=1)
        )
        labels = {
            key: self.t(f"gallery_{key}")
            for key in ("title", "close", "previous", "next", "viewer")
        }
        return Gallery(pictures, labels)

    def attachments(self, items: tuple[Attachment, ...], post_lang: str) -> list[AttachmentLink]:
        links = []
        for item in items:
            title, lang = self._text(item.title, post_lang)
            type_name, size = file_label(item.type, item.size, self.lang)
            links.append(
                AttachmentLink(
                    title=title or item.source.name,
                    lang=lang if title else self.lang,
                    url=item.url,
                    type=type_name,
                    size=size,
                    label=self.t("attachment_label", type=type_name, size=size),
                )
            )
        return links

    def social_for_photo(self, photo: Photo, post_lang: str) -> SocialImage:
        processed = self.cache.process(photo.source)
        alt, _ = self._text(photo.alt, post_lang)
        social = processed.social
        return SocialImage(self._variant_url(social), social.width, social.height, alt, social.mime)

    def social_card(self, title: str, line: str) -> SocialImage:
        """A card drawn for a page without a photo; ``line`` is printed under the title."""
        variant = self.cache.social_card(title, line, self.site_name, self.colours)
        return SocialImage(
            self._variant_url(variant), variant.width, variant.height, alt=title, mime=variant.mime
        )

    def publish(self, site_dir: Path) -> None:
        self.cache.publish(self.used, site_dir / MEDIA_FOLDER)
