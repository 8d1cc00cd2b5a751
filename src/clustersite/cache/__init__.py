"""Caching, in one place: render-cache keys and storage, and the parsed-post cache.

The engine's hooks that use them are in clustersite/engine/render_cache.py; the cached
page's layout is theme/clustersite/cached.html. See docs/architecture.md.
"""

from clustersite.cache import render
from clustersite.cache.posts import PostCache as PostCache
from clustersite.cache.render import RenderCache as RenderCache
from clustersite.cache.render import WarningCounter as WarningCounter
from clustersite.cache.render import code_digest as code_digest
from clustersite.cache.render import digest as digest
from clustersite.cache.render import environment_digest as environment_digest
from clustersite.cache.render import object_digest as object_digest

__all__ = ["PostCache", *render.__all__]
