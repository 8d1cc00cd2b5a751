"""clustersite/engine/material.py: every use of Material's internals is checked, loudly."""

from __future__ import annotations

import difflib
import hashlib
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from clustersite.engine import material
from clustersite.engine.theme import THEME_DIR


def test_every_forked_partial_is_listed_with_its_upstream():
    """A partial replaced whole must name the Material file it came from."""
    ours = {p.relative_to(THEME_DIR).as_posix() for p in (THEME_DIR / "partials").rglob("*.html")}
    assert ours == set(material.FORKED_PARTIALS)


@pytest.mark.parametrize("template", sorted(material.FORKED_PARTIALS))
def test_forked_partial_matches_the_upstream_it_was_forked_from(template):
    """When Material changes a partial we replace, this fails and shows today's difference."""
    upstream = material.MATERIAL_TEMPLATES / template
    assert upstream.is_file(), f"Material {material.material_version()} has no {template}"
    sha = hashlib.sha256(upstream.read_bytes()).hexdigest()
    if sha != material.FORKED_PARTIALS[template]:
        diff = "".join(
            difflib.unified_diff(
                upstream.read_text(encoding="utf-8").splitlines(keepends=True),
                (THEME_DIR / template).read_text(encoding="utf-8").splitlines(keepends=True),
                f"material/templates/{template}",
                f"clustersite/theme/{template}",
            )
        )
        pytest.fail(
            f"Material {material.material_version()} changed {template} since clustersite "
            f"forked it: carry the change over, then update FORKED_PARTIALS.\n{diff}"
        )


def test_installed_bundle_is_known():
    material.check_bundle()  # raises for an unknown bundle


def _site_with_bundle(tmp_path: Path, name: str, code: str) -> Path:
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    (folder / name).write_text(code, encoding="utf-8")
    return tmp_path


def test_patch_refuses_an_unknown_bundle(tmp_path):
    site = _site_with_bundle(tmp_path, "bundle.00000000.min.js", "console.log(1)")
    with pytest.raises(PluginError) as raised:
        material.patch_bundle(site)
    message = str(raised.value)
    assert material.material_version() in message
    assert "bundle.00000000.min.js" in message
    assert (site / "assets/javascripts/bundle.00000000.min.js").read_text() == "console.log(1)"


def test_patch_refuses_a_known_name_whose_code_changed(tmp_path):
    name = next(iter(material.KNOWN_BUNDLES))
    site = _site_with_bundle(tmp_path, name, "console.log(1)")
    with pytest.raises(PluginError, match="does not have the code the patch expects"):
        material.patch_bundle(site)


def test_patch_of_the_installed_bundle(tmp_path):
    name = next(iter(material.KNOWN_BUNDLES))
    source = material.MATERIAL_TEMPLATES / material.BUNDLES / name
    site = tmp_path
    (site / material.BUNDLES).mkdir(parents=True)
    shutil.copy(source, site / material.BUNDLES / name)
    assert material.patch_bundle(site)
    patched = (site / material.BUNDLES / name).read_text(encoding="utf-8")
    assert patched.startswith(material.PATCH_MARKER)
    assert "window.__csSearchReady" in patched
    assert 'new URL("search/search_index.json",' not in patched.removeprefix(material.PATCH_MARKER)
    assert material.patch_bundle(site)  # a second run leaves it as it is
    assert (site / material.BUNDLES / name).read_text(encoding="utf-8") == patched


def _config(plugin):
    return SimpleNamespace(plugins={"material/search": plugin} if plugin else {})


def _plugin(index, enabled=True):
    return SimpleNamespace(config={"enabled": enabled}, search_index=index)


class _Index:
    def __init__(self, data):
        self.entries = []
        self.data = data

    def add_entry_from_context(self, page):
        pass

    def generate_search_index(self, prev):
        return json.dumps(self.data)


def test_no_search_plugin_means_no_index():
    assert material.search_index(_config(None)) is None
    assert material.search_index(_config(_plugin(None, enabled=False))) is None


def test_search_index_of_a_changed_shape_fails_loudly():
    with pytest.raises(PluginError, match="search_index"):
        material.search_index(_config(_plugin(None)))
    changed = SimpleNamespace(entries=[], generate_search_index=lambda prev: "{}")
    with pytest.raises(PluginError, match="add_entry_from_context"):
        material.search_index(_config(_plugin(changed)))
    good = _Index({"config": {}, "docs": []})
    assert material.search_index(_config(_plugin(good))) is good


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"config": {}},
        {"config": [], "docs": []},
        {"config": {}, "docs": [{"location": "a/", "title": "A"}]},
    ],
)
def test_index_data_of_a_changed_shape_fails_loudly(data):
    with pytest.raises(PluginError, match="index data"):
        material.index_data(_Index(data))


def test_index_data_as_material_writes_it():
    data = {"config": {"lang": ["en"]}, "docs": [{"location": "", "title": "T", "text": "x"}]}
    assert material.index_data(_Index(data)) == data


def test_check_refuses_an_unknown_installed_bundle(tmp_path, monkeypatch):
    _site_with_bundle(tmp_path, "bundle.ffffffff.min.js", "")
    monkeypatch.setattr(material, "MATERIAL_TEMPLATES", tmp_path)
    with pytest.raises(PluginError, match=r"bundle\.ffffffff\.min\.js is not one"):
        material.check_bundle()
