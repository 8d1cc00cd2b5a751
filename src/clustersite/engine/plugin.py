"""The clustersite MkDocs plugin: event handlers that delegate to the core and the engine.

mkdocs-static-i18n runs the whole build once per language; the content is loaded and
validated once, in the first (outer) build, and each language build adds its generated views
and fills every page's context from the model. The order of the handlers relative to
static-i18n (its ``on_files`` and ``on_post_build`` run at -100) is drawn in
docs/architecture.md, "Event timeline"; each priority below says its reason in one line.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from clustersite import calendar, cms, feeds, search, sitefiles
from clustersite.cache import PostCache, code_digest
from clustersite.engine import files as view_files
from clustersite.engine import i18n_adapter, incremental, material, photos, preview, theme
from clustersite.engine.parallel import LanguageWorkers
from clustersite.engine.preview import BrokenContent
from clustersite.engine.render_cache import PageRenderCache
from clustersite.errors import ContentError, build_failure
from clustersite.images import ImageCache, promote_first_image, size_and_defer_images
from clustersite.media import MEDIA_FOLDER, MediaLibrary
from clustersite.messages import editor_language, say
from clustersite.model import Site, load_site
from clustersite.pagecontext import PageContext, PageContextBuilder, PageSource, not_found_languages
from clustersite.routes import url_of
from clustersite.settings import SiteIdentity, SiteSettings
from clustersite.strings import Translator
from clustersite.views import LanguageViews, View

__all__ = ["ClusterSiteConfig", "ClusterSitePlugin"]

log = get_plugin_logger(__name__)


# One post cache per cache file, for every plugin object of this process (one per `mkdocs build`).
_POST_CACHES: dict[Path | None, PostCache] = {}


class ClusterSiteConfig(Config):
    """Options of the ``clustersite`` plugin in ``mkdocs.yml``."""

    news_per_page = c.Type(int, default=10)
    """Posts on each page of the news index."""
    data_dir = c.Type(str, default="data/projects")
    """Folder of the project files, relative to mkdocs.yml."""
    feed_items = c.Type(int, default=20)
    """Newest posts in each language's RSS and Atom feed."""
    parallel = c.Type(bool, default=True)
    """Build the languages in parallel processes (where there is more than one core)."""
    cache = c.Type(bool, default=True)
    """Reuse rendered pages whose every input is unchanged (see clustersite/cache/render.py)."""
    timezone = c.Type(str, default="Europe/Riga")
    """Time zone of events that name none (a tz database name)."""
    cache_dir = c.Type(str, default=".cache/plugin/clustersite")
    """Where the cache lives, relative to mkdocs.yml; `make clean` removes it."""
    cms = c.Type(bool, default=True)
    """Write the browser editor at /admin/ (see clustersite/cms)."""
    cms_repo = c.Type(str, default="")
    """GitHub repository (owner/name) the editor saves to; default: from repo_url or CI."""
    cms_branch = c.Type(str, default="main")
    """Branch the editor saves to."""
    cms_editorial_workflow = c.Type(bool, default=False)
    """Save as pull requests for review instead of committing directly."""
    locales = c.Type(dict, default={})
    """The locale variant of a language (``en: en_GB``): dates, numbers and og:locale."""


class ClusterSitePlugin(BasePlugin[ClusterSiteConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.site: Site | None = None
        self.lang = ""  # the language of this build
        self.views: dict[str, LanguageViews] = {}
        self.generated: dict[str, View] = {}  # src_uri -> view, this language build
        self.workers = LanguageWorkers()
        self.default_index: bytes | None = None  # the default language's search index
        self.render_cache = PageRenderCache()
        self.media: dict[str, str] = {}  # image URL -> file, this language build
        self.library: MediaLibrary | None = None  # photos and cards, this language build
        self.writes: preview.ChangedFilesOnly | None = None  # serving: unchanged files kept
        self.withheld: dict[str, str] = {}  # URL -> file of editors' photos, never copied as is
        self.text_media: photos.TextMedia | None = None  # the photos in pages' text
        self.retained = incremental.RetainedBuild()  # serving: this language's last build
        self.all_views: set[str] = set()  # src_uri of every view, this language build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Once per `mkdocs build` or `serve` (this object then lives through every rebuild)."""
        self.serving = command == "serve"
        if self.serving and not dirty:  # `serve --dirty` skips unchanged pages: none to remove
            self.writes = preview.ChangedFilesOnly()

    @event_priority(-110)  # after static-i18n has set the language of this build
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        i18n_adapter.i18n_plugin(config)
        self.lang = str(config.theme["language"])
        if self.serving:  # seen before anything is read: an edit saved during the build counts
            self.retained.begin(config, self._watched(config))
        if not i18n_adapter.is_nested_build(config) or self.site is None:
            self.site = self._read_site(config)
            self.views = {}
        theme.install(config)
        self.render_cache.start(
            config,
            self._root(config) / self.config.cache_dir if self.config.cache else None,
            theme.template_dirs(config),
            self.lang,
            self.serving,
        )
        assert self.site is not None
        theme.one_not_found_page(config, self.lang == self.site.settings.default_language)
        return config

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent if config.config_file_path else Path.cwd()

    def _post_cache(self, root: Path) -> PostCache:
        """Parsed posts: kept in memory between `serve` rebuilds and, with the cache on, on disk
        between processes (named after clustersite's own code)."""
        path = (
            root / self.config.cache_dir / f"posts-{code_digest()[:16]}.pickle"
            if self.config.cache
            else None
        )
        if path not in _POST_CACHES:
            _POST_CACHES[path] = PostCache(path)
        return _POST_CACHES[path]

    def _read_site(self, config: MkDocsConfig) -> Site:
        """Read and validate all content (once per site build, in the outer language build)."""
        material.check_bundle()
        root = self._root(config)
        try:
            settings = SiteSettings.from_i18n(
                root,
                config.docs_dir,
                self.config.data_dir,
                i18n_adapter.languages(config),
                self.config.news_per_page,
                config.site_url or "",
                self.config.timezone,
                config.theme.custom_dir,
                self.config.locales,
                config.extra.get("status"),
                tuple(Path(folder) for folder in config.theme.dirs),
            )
        except ContentError as error:  # a wrong option in mkdocs.yml
            raise BrokenContent(str(error), error.problems, None) from None
        site = load_site(settings, self._post_cache(root))
        if site.errors:
            raise BrokenContent(
                build_failure(site.errors, settings.default_language),
                site.errors,
                settings.default_language,
            )
        editor_lang = editor_language(None, settings.default_language)
        for warning in site.warnings:
            log.warning(str(warning.in_language(editor_lang)))
        return site

    def _watched(self, config: MkDocsConfig) -> incremental.Snapshot:
        """The files an editor or maintainer changes: content, project files, templates."""
        custom_dir = config.theme.custom_dir
        return incremental.snapshot(
            [
                Path(config.docs_dir),
                self._root(config) / self.config.data_dir,
                *([Path(custom_dir)] if custom_dir else []),
            ],
            [Path(config.config_file_path or "mkdocs.yml")],
        )

    @event_priority(100)  # first, once the site folder has been cleaned
    def _start_language_workers(self, files: Files, config: MkDocsConfig) -> Files:
        if self.writes is not None and not i18n_adapter.is_nested_build(config):
            self.writes.begin(Path(config.site_dir))
        if (
            self.config.parallel
            and not i18n_adapter.is_nested_build(config)
            and LanguageWorkers.possible()
            and self.site is not None
        ):
            self.workers.start(
                config,
                self.site.settings.languages[1:],
                self._refresh_worker if self._retaining() else None,
            )
        return files

    @event_priority(-50)  # before static-i18n sorts the files (-100): less to sort
    def _drop_other_languages(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        view_files.drop_other_languages(files, self.site, self.lang)
        return files

    @event_priority(-150)  # after static-i18n has re-created the files from disk (-100)
    def _add_views(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self.library, views = self._language_views(config, self.site)
        self.views[self.lang] = views
        self.all_views = {view_files.view_src_uri(view, self.lang) for view in views.views()}
        self.generated = view_files.add_views(files, config, self.site, views)
        self.withheld = photos.withhold_original_photos(files, config, self.site)
        self.media = {f.url: f.abs_src_path for f in files.media_files() if f.abs_src_path}
        self.render_cache.note_files(files)
        return files

    on_files = CombinedEvent(_start_language_workers, _drop_other_languages, _add_views)

    def _language_views(
        self, config: MkDocsConfig, site: Site
    ) -> tuple[MediaLibrary, LanguageViews]:
        """This language's generated views, with the library of the photos they show."""
        library = MediaLibrary(
            ImageCache(self._root(config) / self.config.cache_dir / "images"),
            self.lang,
            site.media,
            Translator(self.lang),
            config.site_name,
        )
        # `mkdocs serve` shows drafts (marked); static-i18n builds the other languages without
        # the serve flag, so only the default language can show them.
        views = LanguageViews(
            site,
            self.lang,
            include_drafts=self.serving and self.lang == site.settings.default_language,
            media=library,
        )
        return library, views

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        """Watch the project files and the template overrides too; show a failed rebuild's
        problems in the browser (engine/preview.py)."""
        assert self.site is not None
        custom_dir = config.theme.custom_dir
        preview.watch(
            server,
            [
                self._root(config) / self.config.data_dir,
                *([Path(custom_dir)] if custom_dir else []),
            ],
        )
        preview.Preview(
            server,
            self.site.settings.default_language,
            self.refresh_preview if self._retaining() else None,
        )
        return server

    def on_build_error(self, *, error: Exception) -> None:
        """The default language failed: stop the other languages' builds too."""
        self.workers.stop()
        self.retained.complete = False

    @event_priority(-110)  # after static-i18n has translated the navigation's titles (-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.render_cache.note_nav(nav)
        if self.serving:
            self.retained.note_structure(files, nav)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        locale = self.site.settings.babel_locale(self.lang) if self.site else self.lang
        theme.install_filters(env, locale)
        # Each build (each rebuild of `serve` too) makes its own environment, and a template
        # edit makes a full build: no need to look at every template file for each page.
        env.auto_reload = False
        self.render_cache.use_bytecode_cache(env)
        if self.library is not None and self.site is not None:
            self.text_media = photos.TextMedia(self.library, env, self.lang, self.site)
        if self.serving:
            self.retained.note_env(env)
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Pick the template of an editor's page from where it lives."""
        assert self.site is not None
        if "template" not in page.meta:
            template = view_files.template_for(i18n_adapter.norm_src_uri(page.file), self.site)
            if template:
                page.meta["template"] = template
        self.render_cache.hook_markdown(page, markdown)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        theme.escape_front_matter(page)
        return size_and_defer_images(html, page.url, self.media)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        cs = self._page_context(page, config)
        if self.serving:
            self.retained.note_page(page)
        if self.text_media is not None and page.content:  # needs the theme: after on_env
            page.content = self.text_media.rewrite(page.content, page, self.withheld, self.media)
            shown = tuple(self.text_media.shown[page.file.src_uri])
            cs = replace(cs, text_media=shown)
            if self.serving:
                self.retained.text_media[page.file.src_uri] = shown
        theme.context_dict(context)["cs"] = cs
        self.render_cache.hook_page(page, context)
        return context

    def _page_context(self, page: Page, config: MkDocsConfig) -> PageContext:
        """The ``cs`` of a page's template (before its text's photos are known)."""
        assert self.site is not None
        builder = PageContextBuilder(self.site, self.views[self.lang], _identity(config))
        source = PageSource(
            norm=i18n_adapter.norm_src_uri(page.file),
            written_in=i18n_adapter.file_locale(page.file, self.lang),
            url=page.url,
            title=theme.title_text(page),
            meta=theme.front_matter_text(page.meta),
        )
        return builder.build(source, self.generated.get(page.file.src_uri))

    @event_priority(100)  # before any other plugin changes the rendered page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = promote_first_image(output)
        self.render_cache.store_page(page, output)
        return output

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if template_name == "404.html" and self.site is not None:
            theme.context_dict(context)["cs_not_found"] = not_found_languages(
                self.site.settings, config.site_url or ""
            )
        return context

    @event_priority(100)  # before static-i18n starts the next language (-100)
    def _write_feeds(self, config: MkDocsConfig) -> None:
        feeds.write_feeds(
            self.views[self.lang], Path(config.site_dir), _identity(config), self.config.feed_items
        )
        calendar.write_calendars(
            self.views[self.lang].events, Path(config.site_dir), _identity(config)
        )

    @event_priority(100)  # each language build copies what its pages show (same names, same bytes)
    def _publish_media(self, config: MkDocsConfig) -> None:
        if self.library is not None:
            self.library.publish(Path(config.site_dir))
            if self.writes is not None:  # the unchanged ones were left as they are
                folder = Path(config.site_dir) / MEDIA_FOLDER
                self.writes.kept(folder / name for name in self.library.used)

    @event_priority(-50)  # after Material's search plugin has indexed this language
    def _write_search_index(self, config: MkDocsConfig) -> None:
        assert self.site is not None
        index = material.search_index(config)
        if index is None:
            return
        data = search.write_language_index(
            material.index_data(index), Path(config.site_dir), self.site.settings, self.lang
        )
        if self.lang == self.site.settings.default_language:
            self.default_index = data

    @event_priority(-90)  # just before static-i18n builds the remaining languages (-100)
    def _before_other_languages(self, config: MkDocsConfig) -> None:
        self.render_cache.finish()
        if self.serving:
            self.retained.finish()
        self.workers.hand_over(config, handed=True)

    @event_priority(-200)  # last: after static-i18n's nested builds of every language
    def _write_site_files(self, config: MkDocsConfig) -> None:
        if i18n_adapter.is_nested_build(config) or self.site is None:
            return  # another language build is still running; the outer build finishes last
        self.workers.hand_over(config, handed=False)
        self.workers.wait()
        self._write_cross_language_files(config)
        if self.writes is not None:
            self.writes.finish(Path(config.site_dir))

    def _write_cross_language_files(self, config: MkDocsConfig, same_pages: bool = False) -> None:
        """``same_pages``: the preview after an edit that changed no page's existence, so the
        sitemap already on disk is the one it would write."""
        assert self.site is not None
        site_dir = Path(config.site_dir)
        if self.default_index is not None:  # static-i18n has written its merged index there
            (site_dir / url_of("search-index")).write_bytes(self.default_index)
        sitefiles.write_projects_json(self.site, site_dir)
        sitefiles.write_projects_csv(self.site, site_dir)
        sitefiles.copy_logos(self.site, site_dir)
        default_views = self.views[self.site.settings.default_language]  # the parent built it
        if not same_pages:
            sitefiles.write_sitemap(
                self.site, default_views.view_sources(), site_dir, config.site_url or ""
            )
        material.patch_bundle(site_dir)
        if self.config.cms:
            options = cms.CmsOptions(
                repo=self.config.cms_repo,
                branch=self.config.cms_branch,
                editorial_workflow=self.config.cms_editorial_workflow,
                site_url=config.site_url or "",
                repo_url=config.repo_url or "",
            )
            extra_css = [str(sheet) for sheet in config.extra_css]
            cms.write_admin(self.site, site_dir, options, config.site_name, extra_css)

    on_post_build = CombinedEvent(
        _write_feeds,
        _publish_media,
        _write_search_index,
        _before_other_languages,
        _write_site_files,
    )

    # -- the preview after an edit (engine/incremental.py) ---------------------------------

    def _retaining(self) -> bool:
        """Whether the preview keeps each language's build for the next edit: it needs the
        render cache's page digests and, with more than one language, resident workers."""
        return (
            self.serving
            and self.writes is not None
            and self.config.cache
            and self.site is not None
            and (
                len(self.site.settings.languages) == 1
                or (self.config.parallel and LanguageWorkers.possible())
            )
        )

    def refresh_preview(self) -> bool:
        """After a save: apply the edits to every language's kept build; False when a full
        build must be made instead. An editor's mistake raises BrokenContent, as a full
        build would (the kept builds stay as they were)."""
        retained, site = self.retained, self.site
        if not retained.complete or retained.config is None or site is None:
            return False
        if len(site.settings.languages) > 1 and not self.workers.resident:
            return False
        config = retained.config
        now = self._watched(config)
        if self._edits(now) is None:
            return False
        edited_site = self._read_site(config)
        self.workers.begin_refresh((edited_site, now))  # read once, for every language
        try:
            applied = self._apply_edits(edited_site, now)
        except Exception as error:  # a full build follows, and reports it if it persists
            log.info(f"the preview is built again in full ({error})")
            applied = False
        if not (self.workers.end_refresh() and applied):
            self.workers.stop()
            retained.complete = False
            return False
        self._write_cross_language_files(config, same_pages=True)
        log.info(say("preview.updated", editor_language(None, site.settings.default_language)))
        return True

    def _refresh_worker(self, edit: tuple[Site, incremental.Snapshot]) -> bool:
        """In a language worker: apply the edit (the content as the parent read it, and the
        files as they were then) to this language's kept build."""
        site, now = edit
        return self.retained.complete and self._apply_edits(site, now)

    def _edits(self, now: incremental.Snapshot) -> set[str] | None:
        config = self.retained.config
        assert config is not None
        return incremental.edits_since(
            self.retained.snapshot,
            now,
            Path(config.docs_dir),
            self._root(config) / self.config.data_dir,
        )

    def _apply_edits(self, site: Site, now: incremental.Snapshot) -> bool:
        """Build again the pages of this language whose inputs the edits changed, and its
        feeds, photos and search index; False when the edit changed which pages exist."""
        retained, old_site = self.retained, self.site
        config, edited = retained.config, self._edits(now)
        assert config is not None and old_site is not None
        assert retained.env is not None and retained.nav is not None
        if edited is None or site.draft_sources() != old_site.draft_sources():
            return False
        library, views = self._language_views(config, site)
        by_src = {view_files.view_src_uri(view, self.lang): view for view in views.views()}
        if set(by_src) != self.all_views or any(
            by_src[uri].path_url != view.path_url for uri, view in self.generated.items()
        ):
            return False  # a page appears, moves or goes: a full build
        self.site, self.library = site, library
        self.views[self.lang] = views
        self.generated = {uri: by_src[uri] for uri in self.generated}
        self.text_media = photos.TextMedia(library, retained.env, self.lang, site)
        read_again = []
        for uri, page in retained.pages.items():
            view = self.generated.get(uri)
            if view is not None:
                text = view_files.front_matter(view)
                if text != page.file.content_string:
                    page.file.content_string = text
                    read_again.append(uri)
            elif page.file.abs_src_path and os.path.normpath(page.file.abs_src_path) in edited:
                read_again.append(uri)
        for uri in read_again:
            incremental.read_page(retained, retained.pages[uri])
        self.render_cache.note_nav(retained.nav)
        build = [uri for uri in retained.pages if uri in read_again or self._changed(uri)]
        for uri in build:
            incremental.build_page(retained, retained.pages[uri], uri in read_again)
        self._write_feeds(config)
        self._publish_media(config)
        retained.write_search_index()
        self._write_search_index(config)
        self.render_cache.finish()
        retained.snapshot = now
        return True

    def _changed(self, uri: str) -> bool:
        """Whether an input of a page's template changed (the page's Markdown did not)."""
        page, config = self.retained.pages[uri], self.retained.config
        assert config is not None
        cs = self._page_context(page, config)
        if uri in self.retained.text_media:
            cs = replace(cs, text_media=self.retained.text_media[uri])
        return self.render_cache.page_key(page, cs) != self.render_cache.built_keys.get(uri)


def _identity(config: MkDocsConfig) -> SiteIdentity:
    return SiteIdentity(
        name=config.site_name,
        url=config.site_url or "",
        description=config.site_description or "",
        author=config.site_author or "",
    )


logging.getLogger("mkdocs.plugins.clustersite").setLevel(logging.INFO)
