"""clustersite: a trilingual news and project site for organisations that run EU-funded projects.

The package is an MkDocs plugin (:mod:`clustersite.engine.plugin`) plus a command-line tool
(:mod:`clustersite.cli`). Both read the same model (:mod:`clustersite.model`), validated in
one place, so ``clustersite check`` and ``mkdocs build`` report the same problems.
The layers, the data flow of a build and the event timeline: docs/architecture.md.
"""

__version__ = "0.1.0"
