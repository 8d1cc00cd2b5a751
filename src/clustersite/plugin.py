"""The clustersite MkDocs plugin: generated views, page context, feeds and site files.

mkdocs-static-i18n runs the whole MkDocs build once per language (see DESIGN.md). The
content is loaded and validated once, in the first (outer) build; each language build then
adds that language's generated views and fills every page's context from the model. When
the last language is done, the files that span languages (sitemap, projects.json) are written.

Order of events relative to static-i18n (priority -100):
- ``on_config`` at -110: after it has set the language of this build;
- ``on_files``: at +100 the other languages are forked into their own processes (plain
  ``mkdocs build`` on a machine with more than one core); at -50 the folders of languages this
  build never shows are left out; at -150, after static-i18n has re-created the files from
  disk (DESIGN.md), the generated views are added;
- ``on_post_build``: feeds at +100 and this language's search index at -50, before
  static-i18n starts the next language; at -200, when every language is done, the files
  that span languages.

Rendering goes through the cache of clustersite/cache.py: a page whose every input is
unchanged is not rendered again.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
from functools import lru_cache
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemBytecodeCache
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from clustersite import feeds, formatting, search, sitefiles
from clustersite.cache import (
    RenderCache,
    WarningCounter,
    code_digest,
    digest,
    environment_digest,
    object_digest,
)
from clustersite.errors import format_problems
from clustersite.images import size_and_defer_images
from clustersite.model import Site, load_site, restore_post_cache, store_post_cache
from clustersite.pagecontext import PageContextBuilder
from clustersite.settings import SiteSettings
from clustersite.strings import Translator
from clustersite.views import LanguageViews, View

__all__ = ["ClusterSiteConfig", "ClusterSitePlugin"]

log = get_plugin_logger(__name__)
THEME_DIR = Path(__file__).parent / "theme"
STYLESHEETS = ("assets/clustersite/palette.css", "assets/clustersite/components.css")


class ClusterSiteConfig(Config):
    """Options of the ``clustersite`` plugin in ``mkdocs.yml``."""

    news_per_page = c.Type(int, default=10)
    """Posts on each page of the news index."""
    data_dir = c.Type(str, default="data/projects")
    """Folder of the project files, relative to mkdocs.yml."""
    feed_items = c.Type(int, default=20)
    """Newest posts in each language's RSS and Atom feed."""
    parallel = c.Type(bool, default=True)
    """Build the languages in parallel processes (``mkdocs build`` only, where cores allow)."""
    cache = c.Type(bool, default=True)
    """Reuse rendered pages whose every input is unchanged (see clustersite/cache.py)."""
    cache_dir = c.Type(str, default=".cache/plugin/clustersite")
    """Where the cache lives, relative to mkdocs.yml; `make clean` removes it."""


class _Alternate:
    """What static-i18n reads of a page's version in another language: its URL."""

    def __init__(self, url: str) -> None:
        self.url = url


class ClusterSitePlugin(BasePlugin[ClusterSiteConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.site: Site | None = None
        self.lang = ""
        self.views: dict[str, LanguageViews] = {}
        self.generated: dict[str, View] = {}  # src_uri -> view, this language build
        self.workers: dict[str, int] = {}  # language -> pid of the process building it
        self.default_index: bytes | None = None  # the default language's search index
        self.cache: RenderCache | None = None
        self.environment = ""  # digest of mkdocs.yml, versions and templates
        self.files_digest = ""  # digest of every file's address, this language build
        self.nav_digest = ""
        self.media: dict[str, str] = {}  # image URL -> file, this language build
        self.warnings = WarningCounter()
        self.markdown_keys: dict[str, str] = {}  # src_uri -> key of its Markdown rendering
        self.page_keys: dict[str, str] = {}  # src_uri -> key of its template rendering, on a miss

    # -- set-up ----------------------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError(
                "mkdocs.yml: plugins: clustersite needs the i18n plugin (mkdocs-static-i18n) "
                "after it — add it with the site's languages (see README)"
            )
        self.lang = str(config.theme["language"])
        if not getattr(i18n, "building", False) or self.site is None:
            self._load(config, i18n)
        self._install_theme(config)
        self._start_cache(config)
        # One 404 page serves every language (GitHub Pages has one): only the default
        # language's build writes it, so a later language build cannot overwrite it.
        if self.site and self.lang != self.site.settings.default_language:
            config.theme.static_templates.discard("404.html")
        else:
            config.theme.static_templates.add("404.html")
        return config

    def _load(self, config: MkDocsConfig, i18n: Any) -> None:
        """Read and validate all content once per site build (the outer language build)."""
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        settings = SiteSettings.from_i18n(
            root,
            config.docs_dir,
            self.config.data_dir,
            list(i18n.config.languages),
            self.config.news_per_page,
            config.site_url or "",
        )
        posts_cache = self._posts_cache_file(root)
        if posts_cache:
            restore_post_cache(posts_cache)
        site = load_site(settings)
        if posts_cache:
            store_post_cache(posts_cache)
        if site.errors:
            count = len(site.errors)
            raise PluginError(
                f"{count} problem{'s' if count > 1 else ''} in the site's content:\n"
                + format_problems(site.errors)
            )
        for warning in site.warnings:
            log.warning(str(warning))
        self.site = site
        self.views = {}

    def _posts_cache_file(self, root: Path) -> Path | None:
        """Parsed posts kept between processes, named after clustersite's own code."""
        if not self.config.cache:
            return None
        return root / self.config.cache_dir / f"posts-{code_digest()[:16]}.pickle"

    def _install_theme(self, config: MkDocsConfig) -> None:
        """Our templates sit just below the site's custom_dir, so a site can still override them."""
        dirs = config.theme.dirs
        if str(THEME_DIR) not in dirs:
            custom = config.theme.custom_dir
            position = dirs.index(custom) + 1 if custom in dirs else 0
            dirs.insert(position, str(THEME_DIR))
        for sheet in STYLESHEETS:
            if sheet not in config.extra_css:
                config.extra_css.append(sheet)

    def _start_cache(self, config: MkDocsConfig) -> None:
        """Per language build: a fresh warning count, the cache and its environment digest."""
        mkdocs_logger = logging.getLogger("mkdocs")
        mkdocs_logger.removeHandler(self.warnings)
        self.warnings = WarningCounter()
        mkdocs_logger.addHandler(self.warnings)
        self.markdown_keys, self.page_keys = {}, {}
        if not self.config.cache:
            self.cache = None
            return
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.cache = RenderCache(root / self.config.cache_dir)
        template_dirs = [THEME_DIR] + (
            [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        )
        self.environment = digest(
            environment_digest(Path(config.config_file_path or "mkdocs.yml"), template_dirs),
            self.lang,
            self.serving,
        )
        self._cache_search_entries(config)

    def _cache_search_entries(self, config: MkDocsConfig) -> None:
        """Reuse Material's search entries of a page whose rendered content is unchanged.

        Material's search plugin parses every page's HTML on every build. Its entries depend
        only on the page's content, contents table, address, title and metadata: the
        Markdown key covers the first three. The wrap is on this build's index object only.
        """
        plugin = config.plugins.get("material/search") or config.plugins.get("search")
        index = getattr(plugin, "search_index", None)
        if index is None or not hasattr(index, "entries") or self.cache is None:
            return
        cache, original = self.cache, index.add_entry_from_context

        def add_entry_from_context(page: Page) -> None:
            markdown_key = self.markdown_keys.get(page.file.src_uri)
            if markdown_key is None:
                original(page)
                return
            key = digest(markdown_key, page.title, page.meta)
            stored = cache.get("search", key)
            if stored is not None:
                index.entries.extend(json.loads(stored))
                return
            before = len(index.entries)
            original(page)
            cache.put("search", key, json.dumps(index.entries[before:]).encode("utf-8"))

        index.add_entry_from_context = add_entry_from_context

    # -- parallel languages ----------------------------------------------------------------
    @event_priority(100)
    def _start_language_workers(self, files: Files, config: MkDocsConfig) -> Files:
        """Fork one process per other language, once the site folder has been cleaned.

        Each child runs exactly the build static-i18n would run for its language, from the
        same loaded config and model, then exits; the parent builds the default language
        and waits for them before writing the files that span languages.
        """
        i18n = config.plugins.get("i18n")
        if (
            self.serving
            or not self.config.parallel
            or getattr(i18n, "building", True)
            or not hasattr(os, "fork")
            or (os.cpu_count() or 1) < 2
            or self.site is None
        ):
            return files
        self.workers = {}
        for lang in self.site.settings.languages[1:]:
            pid = os.fork()
            if pid == 0:  # the child: build one language and leave
                os._exit(_build_language(config, i18n, lang))
            self.workers[lang] = pid
        return files

    def _hand_languages_to_workers(self, config: MkDocsConfig, restore: bool) -> None:
        """Hide the forked languages from static-i18n's own loop (and show them again)."""
        i18n = config.plugins.get("i18n")
        for language in i18n.config.languages if i18n else []:
            if language.locale in self.workers:
                language.build = restore

    def on_build_error(self, *, error: Exception) -> None:
        """The default language failed: stop the other languages' builds too."""
        for pid in self.workers.values():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
        self.workers = {}

    def _wait_for_workers(self) -> None:
        failed = []
        for lang, pid in self.workers.items():
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                failed.append(lang)
        self.workers = {}
        if failed:
            raise PluginError(f"the build of {', '.join(failed)} failed (see the messages above)")

    # -- files -----------------------------------------------------------------------------
    @event_priority(-150)
    def _add_views(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        # `mkdocs serve` shows drafts (marked); static-i18n builds the other languages without
        # the serve flag, so only the default language can show them.
        views = LanguageViews(
            self.site,
            self.lang,
            include_drafts=self.serving and self.lang == self.site.settings.default_language,
        )
        self.views[self.lang] = views
        self.generated = {}
        drafts = {post.norm_src_uri for post in self.site.posts if post.draft}
        narratives: set[str] = set()
        for file in list(files.documentation_pages()):
            norm = getattr(file, "norm_src_uri", file.src_uri)
            if norm in drafts:
                file.inclusion = InclusionLevel.DRAFT
            elif norm.startswith(("news/", "projects/")):
                file.inclusion = InclusionLevel.NOT_IN_NAV  # posts are reached from the archive
            if norm.startswith("projects/") and norm != "projects/index.md":
                if getattr(file, "locale", self.lang) != self.lang:
                    files.remove(file)  # the data's translation beats another language's narrative
                else:
                    narratives.add(norm)
        root = self.site.settings.language_root(self.lang)
        for view in views.views():
            if view.norm_src_uri in narratives:
                continue
            file = File.generated(
                config,
                f"{self.lang}/{view.norm_src_uri}",
                content=_front_matter(view),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            file.dest_uri = f"{root}{view.path_url}index.html"
            self._mark_i18n(file, view.norm_src_uri, view.path_url)
            self.generated[file.src_uri] = view
            files.append(file)
        self.media = {f.url: f.abs_src_path for f in files.media_files() if f.abs_src_path}
        self.files_digest = digest(sorted((f.src_uri, f.url, f.inclusion.name) for f in files))
        return files

    @event_priority(-50)  # before static-i18n sorts the files (-100)
    def _drop_other_languages(self, files: Files, config: MkDocsConfig) -> Files:
        """Leave out the folders of languages this build never shows.

        A language build shows its own pages and, where one is missing, the default
        language's; the other languages' files would only be sorted and thrown away by
        static-i18n, in every language build (the language links are clustersite's own).
        """
        assert self.site is not None
        settings = self.site.settings
        unused = set(settings.languages) - {self.lang, settings.default_language}
        for file in list(files):
            if file.src_uri.split("/", 1)[0] in unused:
                files.remove(file)
        return files

    on_files = CombinedEvent(_start_language_workers, _drop_other_languages, _add_views)

    def _mark_i18n(self, file: File, norm: str, path_url: str) -> None:
        """Give a generated file what static-i18n reads, so its switcher and hreflang are right."""
        assert self.site is not None
        settings = self.site.settings
        file.locale = self.lang  # type: ignore[attr-defined]
        file.locale_alternate_of = self.lang  # type: ignore[attr-defined]
        file.localization = self.lang  # type: ignore[attr-defined]
        file.norm_src_uri = norm  # type: ignore[attr-defined]
        file.alternates = {  # type: ignore[attr-defined]
            lang: _Alternate(f"{settings.language_root(lang)}{path_url}")
            for lang in settings.languages
        }

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        _escape_title(page)
        return size_and_defer_images(html, page.url, self.media)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        def outline(items: Any) -> list[Any]:
            return [
                (
                    item.title,
                    getattr(item, "url", None),
                    outline(getattr(item, "children", None) or []),
                )
                for item in items
            ]

        self.nav_digest = digest(outline(nav.items))
        return nav

    # -- pages -----------------------------------------------------------------------------
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        lang = self.lang
        for name, function in formatting.FILTERS.items():
            env.filters[f"cs_{name}"] = _bind_locale(function, lang)
        env.autoescape = _autoescape_ours(env.autoescape)
        if self.cache is not None:  # compiled templates, checked against their source by Jinja
            folder = self.cache.folder / "jinja"
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Pick the template of an editor's page from where it lives."""
        assert self.site is not None
        norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
        if "template" not in page.meta:
            template = _template_for(norm, self.site)
            if template:
                page.meta["template"] = template
        if self.cache is not None:
            self._use_cached_markdown(page, markdown)
        return markdown

    def _use_cached_markdown(self, page: Page, markdown: str) -> None:
        """Skip Python-Markdown for a page whose source and surroundings are unchanged."""
        assert self.cache is not None
        cache = self.cache
        key = digest(self.environment, self.files_digest, page.file.src_uri, page.url, markdown)
        self.markdown_keys[page.file.src_uri] = key
        stored = cache.get("markdown", key)
        render = page.render
        if stored is not None:
            entry = json.loads(stored)

            def restore(config: MkDocsConfig, files: Files) -> None:
                page.content = entry["content"]
                page.toc = get_toc(entry["toc"])
                page._title_from_render = entry["title"]
                page.present_anchor_ids = set(entry["anchors"])
                page.links_to_anchors = {
                    target: links
                    for uri, links in entry["links"].items()
                    if (target := files.get_file_from_path(uri)) is not None
                }

            page.render = restore  # type: ignore[method-assign]
            return

        def render_and_store(config: MkDocsConfig, files: Files) -> None:
            render(config, files)
            cache.put(
                "markdown",
                key,
                json.dumps(
                    {
                        "content": page.content,
                        "toc": _toc_tokens(page.toc),
                        "title": page._title_from_render,
                        "anchors": sorted(page.present_anchor_ids or ()),
                        "links": {
                            f.src_uri: links for f, links in (page.links_to_anchors or {}).items()
                        },
                    },
                    ensure_ascii=False,
                ).encode("utf-8"),
            )

        page.render = render_and_store  # type: ignore[method-assign]

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        assert self.site is not None
        builder = PageContextBuilder(self.site, self.views[self.lang], config)
        view = self.generated.get(page.file.src_uri)
        _extra(context)["cs"] = builder.build(page, view)
        if self.cache is not None and page.file.src_uri in self.markdown_keys:
            self._use_cached_page(page, context)
        return context

    def _use_cached_page(self, page: Page, context: TemplateContext) -> None:
        """Print the stored HTML of a page whose every template input is unchanged."""
        assert self.cache is not None
        neighbours = [(p.url, p.title) if p else None for p in (page.previous_page, page.next_page)]
        cs = {key: value for key, value in _extra(context)["cs"].items() if key != "t"}
        key = digest(
            self.environment,
            self.nav_digest,
            self.markdown_keys[page.file.src_uri],
            page.title,
            page.meta,
            neighbours,
            object_digest(cs),
        )
        stored = self.cache.get("page", key)
        if stored is not None:
            _extra(context)["cs_layout"] = "clustersite/cached.html"
            _extra(context)["cs_cached_html"] = stored.decode("utf-8")
        else:
            self.page_keys[page.file.src_uri] = key

    @event_priority(100)  # before any other plugin changes the rendered page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        key = self.page_keys.pop(page.file.src_uri, None)
        if self.cache is not None and key is not None:
            self.cache.put("page", key, output.encode("utf-8"))
        return output

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if template_name == "404.html" and self.site is not None:
            # A 404 page is served at any address: its links are absolute paths.
            settings = self.site.settings
            base = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
            _extra(context)["cs_not_found"] = [
                {
                    "lang": lang,
                    "t": Translator(lang),
                    "name": settings.language_names.get(lang, lang),
                    "home": base + settings.language_root(lang),
                    "news": f"{base}{settings.language_root(lang)}news/",
                    "url": base + settings.language_root(lang),
                    "current": False,
                }
                for lang in settings.languages
            ]
        return context

    # -- output ----------------------------------------------------------------------------
    @event_priority(100)
    def _write_feeds(self, config: MkDocsConfig) -> None:
        assert self.site is not None
        feeds.write_feeds(
            self.views[self.lang], Path(config.site_dir), config, self.config.feed_items
        )

    @event_priority(-50)  # after Material's search plugin has indexed this language
    def _write_search_index(self, config: MkDocsConfig) -> None:
        assert self.site is not None
        data = search.write_language_index(
            config, Path(config.site_dir), self.site.settings, self.lang
        )
        if self.lang == self.site.settings.default_language:
            self.default_index = data

    @event_priority(-90)  # just before static-i18n builds the remaining languages
    def _before_other_languages(self, config: MkDocsConfig) -> None:
        if self.cache is not None:
            if self.warnings.count:
                self.cache.discard()  # a fresh render must show the same warnings again
            else:
                self.cache.flush()
        self._hand_languages_to_workers(config, restore=False)

    @event_priority(-200)
    def _write_site_files(self, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        if getattr(i18n, "building", False) or self.site is None:
            return  # another language build is still running; the outer build finishes last
        self._hand_languages_to_workers(config, restore=True)
        self._wait_for_workers()
        site_dir = Path(config.site_dir)
        if self.default_index is not None:  # static-i18n has written its merged index there
            (site_dir / "search" / "search_index.json").write_bytes(self.default_index)
        sitefiles.write_projects_json(self.site, site_dir)
        default_views = self.views[self.site.settings.default_language]  # the parent built it
        sitefiles.write_sitemap(
            self.site, default_views.view_sources(), site_dir, config.site_url or ""
        )
        search.patch_material_bundle(site_dir)

    on_post_build = CombinedEvent(
        _write_feeds, _write_search_index, _before_other_languages, _write_site_files
    )


def _extra(context: TemplateContext) -> dict[str, Any]:
    """The template context as the plain dict it is: clustersite adds its own keys (cs_*)."""
    return cast("dict[str, Any]", context)


def _build_language(config: MkDocsConfig, i18n: Any, lang: str) -> int:
    """In a forked child: build one language as static-i18n's nested build does; exit code."""
    from mkdocs import utils
    from mkdocs.commands.build import build

    try:
        utils.clean_directory = lambda directory: None  # the parent has cleaned the site folder
        i18n.building = True
        i18n.current_language = lang
        build(config)
    except BaseException as error:  # report, never let a child return into the parent's stack
        log.error(f"building '{lang}' failed: {error}")
        return 1
    finally:
        logging.shutdown()
    return 0


def _escape_title(page: Page) -> None:
    """An editor's title is text: escape it once, here, as Markup.

    Material prints ``page.title`` and ``page.meta.title`` unescaped (header, navigation,
    footer) and its search shows index titles as HTML; autoescaped templates leave Markup as it
    is, so every template prints the title safely and none escapes it twice. All pages are
    rendered before the first template, so the navigation sees every page's escaped title.
    """
    title = page.title
    if title is None or isinstance(title, Markup):
        return
    safe = escape(str(title))
    page.title = safe  # MkDocs' weak_property: an instance value wins
    if "title" in page.meta:
        page.meta["title"] = safe


def _autoescape_ours(previous: Any) -> Any:
    """Autoescape every template under clustersite/; the others (Material's) as before."""

    def choose(name: str | None) -> bool:
        if name is not None and name.startswith("clustersite/"):
            return True
        return bool(previous(name) if callable(previous) else previous)

    return choose


def _bind_locale(function: Any, lang: str) -> Any:
    """A filter in one language; results are memoised: listings format the same dates often."""

    @lru_cache(maxsize=8192)
    def bound(value: Any, *args: Any) -> Any:
        return function(value, *args, locale=lang)

    return bound


def _toc_tokens(toc: Any) -> list[dict[str, Any]]:
    """A TableOfContents back as the tokens mkdocs.structure.toc.get_toc reads."""
    return [
        {
            "level": item.level,
            "id": item.id,
            "name": item.title,
            "children": _toc_tokens(item.children),
        }
        for item in toc
    ]


def _template_for(norm: str, site: Site) -> str | None:
    parts = norm.split("/")
    if norm == "index.md":
        return "clustersite/home.html"
    if parts[0] == "news" and len(parts) == 3:
        return "clustersite/post.html"
    if parts[0] == "projects" and len(parts) == 2 and parts[1].removesuffix(".md") in site.projects:
        return "clustersite/project.html"
    return None


def _front_matter(view: View) -> str:
    """The Markdown of a generated page: its title, template and searchable text."""
    meta: dict[str, Any] = {"title": view.title, "template": view.template}
    if not view.search:
        meta["search"] = {"exclude": True}
    # JSON is YAML: every value comes out quoted and escaped, whatever an editor typed
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + view.body + "\n"


logging.getLogger("mkdocs.plugins.clustersite").setLevel(logging.INFO)
