"""The engine layer: the only code that knows MkDocs, Material and mkdocs-static-i18n.

Everything here adapts the engine-free core (model, views, page context, feeds, site files)
to one engine. Moving to another engine replaces this package and, at most, the templates;
see docs/architecture.md.
"""
