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
share the photos of the original. :func:`read_text_photos` finds the photos an editor's text
shows (``![alt](photo.jpg)``), each needing its alt text. Photos are never published as the
editor saved them: images.py makes them for the web and leaves their EXIF, GPS included,
behind (the engine withholds the originals, clustersite/engine/photos.py).

:class:`MediaLibrary` turns them into what templates print (:class:`Picture`,
:class:`Gallery`, :class:`AttachmentLink`) for one language, and remembers every file it
handed out so that the build can publish them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from babel.units import format_unit

from clustersite.checker import Checker
from clustersite.errors import Problem
from clustersite.images import (
    ImageCache,
    ImageProblem,
    ProcessedImage,
    Variant,
    attributes_of,
    check_image,
    site_file,
)

__all__ = [
    "ATTACHMENT_TYPES",
    "MEDIA_FIELDS",
    "PHOTO_FIELDS",
    "AttachmentLink",
    "Gallery",
    "MediaLibrary",
    "MediaRefs",
    "Picture",
    "PostMedia",
    "file_label",
    "label_documents_in_text",
    "local_photo",
    "read_media_fields",
    "read_text_photos",
    "resolve_media",
]

PHOTO_FIELDS = ("image", "image_alt", "image_credit")  # what a project and an event may carry
MEDIA_FIELDS = {*PHOTO_FIELDS, "gallery", "attachments"}
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
    "row": "6rem",  # beside a project's title in the project index
}
SIZES["text"] = SIZES["cover"]  # a photo in the text spans the column, as the cover does

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
class TextPhotoRef:
    """A photo shown in an editor's text, as written there (relative to the file)."""

    file: str
    line: int


@dataclass(frozen=True)
class MediaRefs:
    """The media fields of one post, as written (files not looked up yet)."""

    image: PhotoRef | None = None
    gallery: tuple[PhotoRef, ...] | None = None  # None: take the folder beside the post, if any
    attachments: tuple[AttachmentRef, ...] = ()
    in_text: tuple[TextPhotoRef, ...] = ()  # ![…](photo.jpg) in the text


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
    in_text: tuple[Photo, ...] = ()


# -- reading front matter ----------------------------------------------------------------------
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


def _line(check: Checker, field_name: str) -> int | None:
    return check.doc.line(field_name) if check.doc is not None else None


def _named_items(
    items: list[Any], field_name: str, key: str, check: Checker
) -> Iterator[tuple[dict[str, Any], str, int | None]]:
    """Each item of a list of files as (fields, file name, line); a nameless one is reported."""
    for index, item in enumerate(items):
        at = _line(check, f"{field_name}.{index}")
        entry = item if isinstance(item, dict) else {"file": item}
        name = _file_name(entry.get("file"))
        if name is None:
            check.add(field_name, key, line=at, number=index + 1)
            continue
        yield entry, name, at


def read_media_fields(meta: dict[str, Any], lang: str, check: Checker) -> MediaRefs:
    """Check the shape of the media fields of one file (its files are looked up later).

    ``lang`` is the file's own language: the alt text of its photo is required in it.
    """
    image: PhotoRef | None = None
    if "image" in meta:
        name = _file_name(meta["image"])
        if name is None:
            check.add("image", "media.image_not_a_file")
        else:
            alt = _texts(meta.get("image_alt"))
            if alt is None or not ("" in alt or lang in alt):
                check.add(
                    "image_alt",
                    "media.alt_missing",
                    line=_line(check, "image_alt") or _line(check, "image"),
                    lang=lang,
                )
            credit = _texts(meta.get("image_credit")) if "image_credit" in meta else {}
            if credit is None:
                check.add("image_credit", "media.credit_not_text")
            image = PhotoRef(name, alt or {}, {}, credit or {})
    elif "image_alt" in meta or "image_credit" in meta:
        check.add("image_alt" if "image_alt" in meta else "image_credit", "media.without_image")

    gallery: tuple[PhotoRef, ...] | None = None
    if "gallery" in meta:
        raw = meta["gallery"]
        items: list[PhotoRef] = []
        if not isinstance(raw, list) or not raw:
            check.add("gallery", "media.gallery_not_list")
        photos = raw if isinstance(raw, list) else []
        for entry, name, at in _named_items(photos, "gallery", "media.photo_without_file", check):
            texts = {}
            for key in ("caption", "alt", "credit"):
                if key in entry:
                    value = _texts(entry[key])
                    if value is None:
                        check.add(
                            "gallery",
                            "media.gallery_text_not_text",
                            line=at,
                            key=key,
                            name=name,
                            lang=lang,
                        )
                    texts[key] = value or {}
            unknown = set(entry) - {"file", "caption", "alt", "credit"}
            if unknown:
                check.add(
                    "gallery",
                    "media.gallery_field_unknown",
                    line=at,
                    name=name,
                    value=sorted(unknown)[0],
                )
            # the caption stands in for the alt text (MediaLibrary.picture); without either, a
            # visitor who cannot see the photo would hear only "picture 2 of 5"
            said = [texts[key] for key in ("alt", "caption") if key in texts]
            if all(said) and not any("" in text or lang in text for text in said):
                check.add("gallery", "media.gallery_alt_missing", line=at, name=name, lang=lang)
            items.append(
                PhotoRef(
                    name, texts.get("alt", {}), texts.get("caption", {}), texts.get("credit", {})
                )
            )
        gallery = tuple(items)

    attachments: list[AttachmentRef] = []
    raw_attachments = meta.get("attachments", [])
    if not isinstance(raw_attachments, list):
        check.add("attachments", "media.attachments_not_list")
        raw_attachments = []
    for entry, name, at in _named_items(
        raw_attachments, "attachments", "media.document_without_file", check
    ):
        if Path(name).suffix.lower() not in ATTACHMENT_TYPES:
            check.add(
                "attachments",
                "media.document_type",
                line=at,
                name=name,
                types=", ".join(sorted(ATTACHMENT_TYPES.values())),
            )
            continue
        title = _texts(entry["title"]) if "title" in entry else {}
        if title is None:
            check.add("attachments", "media.title_not_text", line=at, name=name, lang=lang)
        attachments.append(AttachmentRef(name, title or {}))
    return MediaRefs(image, gallery, tuple(attachments))


# -- photos in an editor's text ----------------------------------------------------------------
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
_ALT = r"(?P<alt>(?:\\.|[^\]\\])*)"
_INLINE_IMAGE = re.compile(
    r"!\[" + _ALT + r"\]\(\s*(?P<src><[^>]*>|[^\s)]+)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE_IMAGE = re.compile(r"!\[" + _ALT + r"\](?:\[(?P<ref>[^\]]*)\])?")
_REFERENCE = re.compile(r"^\s{0,3}\[(?P<ref>[^\]]+)\]:\s*(?P<src><[^>]*>|\S+)")


def local_photo(src: str) -> str | None:
    """The file a link names when it is a photo of the site itself, as a relative path.

    >>> local_photo("<my photo.JPG>"), local_photo("a%20b.png#x"), local_photo("https://x/a.jpg")
    ('my photo.JPG', 'a b.png', None)
    """
    src = src.strip()
    if src.startswith("<") and src.endswith(">"):
        src = src[1:-1]
    src = unquote(src.split("#", 1)[0].split("?", 1)[0])
    if not src or re.match(r"^[a-z][a-z0-9+.-]*:|^/|^\\", src, re.I):
        return None  # another site, a data: URL or an address from the root
    return src if Path(src).suffix.lower() in PHOTO_SUFFIXES else None


def _outside_code(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Each line of Markdown with its number, code blocks and code spans blanked out."""
    fence = ""
    for number, line in enumerate(body.split("\n"), start=first_line):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        if line.startswith(("    ", "\t")) and not line.strip().startswith(("-", "*", "!", "<")):
            continue  # an indented code block (or a list's continuation: no photos there)
        yield number, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def read_text_photos(body: str, first_line: int, check: Checker) -> tuple[TextPhotoRef, ...]:
    """The photos an editor's text shows (``![alt](photo.jpg)``, inline or by reference);
    one without a text alternative is reported with its line.

    An ``<img>`` written as HTML is the editor's own: its address is read from the page's
    URL, not the file's, and it is left out here (the build still shows its web version).
    """
    lines = list(_outside_code(body, first_line))
    references = {
        m.group("ref").strip().lower(): m.group("src")
        for _number, line in lines
        if (m := _REFERENCE.match(line))
    }
    found: list[tuple[int, str, str]] = []  # (line, file, alt)
    for number, line in lines:
        for match in _INLINE_IMAGE.finditer(line):
            found.append((number, match.group("src"), match.group("alt")))
        for match in _REFERENCE_IMAGE.finditer(_INLINE_IMAGE.sub("", line)):
            ref = (match.group("ref") or match.group("alt")).strip().lower()
            if ref in references:
                found.append((number, references[ref], match.group("alt")))
    photos: list[TextPhotoRef] = []
    for number, src, alt in found:
        name = local_photo(src)
        if name is None:
            continue
        if not alt.strip():
            check.add("text", "media.text_photo_alt_missing", line=number, file=name)
        photos.append(TextPhotoRef(name, number))
    return tuple(photos)


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
    folder_shown = post_file.parent.relative_to(docs_dir.parent).as_posix() + "/"

    def checked(found: Path, field_name: str, line: int | None = None) -> bool:
        try:
            check_image(found)
        except ImageProblem as problem:
            photo_shown = found.relative_to(docs_dir.parent).as_posix()
            problems.append(
                Problem.of(
                    shown, field_name, problem.key, line=line, photo=photo_shown, **problem.params
                )
            )
            return False
        return True

    def photo(ref: PhotoRef, field_name: str) -> Photo | None:
        found = _find(ref.file, folders)
        if found is None:
            problems.append(
                Problem.of(
                    shown, field_name, "media.photo_missing", file=ref.file, folder=folder_shown
                )
            )
            return None
        if not checked(found, field_name):
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
    in_text: list[Photo] = []
    for text_ref in refs.in_text:
        # MkDocs reads the path from the file's own folder; a translation shows the original's
        found = _find_within(text_ref.file, folders, docs_dir)
        if found is None:
            problems.append(
                Problem.of(
                    shown,
                    "text",
                    "media.text_photo_missing",
                    line=text_ref.line,
                    file=text_ref.file,
                    folder=folder_shown,
                )
            )
        elif checked(found, "text", text_ref.line):
            in_text.append(Photo(found, found.relative_to(docs_dir.parent).as_posix(), {}, {}, {}))
    attachments: list[Attachment] = []
    for ref in refs.attachments:
        found = _find(ref.file, folders)
        if found is None:
            problems.append(
                Problem.of(
                    shown,
                    "attachments",
                    "media.document_missing",
                    file=ref.file,
                    folder=folder_shown,
                )
            )
            continue
        size = found.stat().st_size
        if size > ATTACHMENT_WARN_BYTES:
            problems.append(
                Problem.of(
                    shown,
                    "attachments",
                    "media.document_large",
                    severity="warning",
                    file=ref.file,
                    megabytes=round(size / 1_048_576),
                )
            )
        relative = found.relative_to(docs_dir).parts  # (lang, news, 2020, x.pdf)
        url = language_root(relative[0]) + "/".join(relative[1:])
        attachments.append(
            Attachment(
                found, url, _own(ref.title, lang), size, ATTACHMENT_TYPES[found.suffix.lower()]
            )
        )
    return PostMedia(image, tuple(gallery), tuple(attachments), tuple(in_text)), problems


def _find_within(name: str, folders: Iterable[Path], docs_dir: Path) -> Path | None:
    """``name`` (a relative path, ``..`` allowed) in the first of ``folders`` that has it,
    never outside ``docs_dir``."""
    root = os.path.normpath(docs_dir)
    for folder in folders:
        candidate = Path(os.path.normpath(folder / name))
        if str(candidate).startswith(root + os.sep) and candidate.is_file():
            return candidate
    return None


def _own(texts: Texts, lang: str) -> Texts:
    """``{"": text}`` (written in the post's language) as ``{lang: text}``."""
    return {(key or lang): value for key, value in texts.items()}


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


_LINK = re.compile(r"(<a\b[^>]*>)(.*?)</a>", re.S | re.I)


def label_documents_in_text(
    html: str, page_url: str, files: dict[str, str], label: Callable[[Path], str]
) -> str:
    """After each link of an editor's text to a document of the site (``files``: URL ->
    file), its type and size as ``label(file)`` gives them, as the list of documents shows.

    >>> label_documents_in_text('<a href="../r.pdf">Report</a>', "news/x/",
    ...     {"news/r.pdf": "/c/r.pdf"}, lambda path: "PDF, 15 kB")
    '<a href="../r.pdf">Report</a> <span class="cs-attachments__meta">(PDF, 15 kB)</span>'
    """

    def add(match: re.Match[str]) -> str:
        path = site_file(attributes_of(match.group(1)).get("href", ""), page_url, files)
        if path is None or Path(path).suffix.lower() not in ATTACHMENT_TYPES:
            return match.group(0)
        return f'{match.group(0)} <span class="cs-attachments__meta">({escape(label(Path(path)))})</span>'

    return _LINK.sub(add, html)


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
    title: str = ""  # an editor's ![alt](photo.jpg "title") in the text


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

    def text_picture(self, source: Path, alt: str, title: str = "") -> Picture:
        """A photo of an editor's text, with the alt text and title written there."""
        photo = Photo(source, "", {self.lang: alt} if alt else {}, {}, {})
        return replace(self.picture(photo, self.lang, "text"), title=title)

    def full_size(self, source: Path) -> str:
        """The widest web version of a photo, from the site root (what a link to it opens)."""
        return self._variant_url(self.cache.process(source).fallback[-1])

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

    def document_label(self, path: Path) -> str:
        """ "PDF, 1,2 MB": a document's type and size, as this language writes them."""
        type_name, size = file_label(
            ATTACHMENT_TYPES[path.suffix.lower()], path.stat().st_size, self.lang
        )
        return self.t("attachment_label", type=type_name, size=size)

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
