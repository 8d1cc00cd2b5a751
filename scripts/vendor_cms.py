"""Vendor the browser editor: copy Sveltia CMS from node_modules into clustersite/cms/vendor/.

The version is the one locked in package-lock.json (`npm ci` installs it). The bundle loads
its fonts and some of its modules from CDNs; the fonts are copied from the matching
@fontsource packages, the modules /admin/ needs (:data:`MODULES`) from their npm packages
(all locked), and the bundle is pointed at the copies, so /admin/ loads nothing from another
host. Modules not vendored stay blocked by the page's Content-Security-Policy (the features
that use them, such as code highlighting and maps, are not offered).

    python scripts/vendor_cms.py            # rewrite src/clustersite/cms/vendor/
    python scripts/vendor_cms.py --check    # exit 1 if the vendored files are out of date
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
TARGET = ROOT / "src" / "clustersite" / "cms" / "vendor"
PACKAGE = "@sveltia/cms"
BUNDLE = "dist/sveltia-cms.js"
# Modules the bundle imports at run time from unpkg.com, and which of them /admin/ serves:
# Immutable.js is what the CMS hands event listeners (our checks before saving).
MODULE_BASE = "`https://unpkg.com/${e}`"
LOCAL_MODULE_BASE = "`./modules/${e}`"
MODULES = {"immutable": "dist/immutable.es.js"}
FONT_URL = re.compile(
    r"https://cdn\.jsdelivr\.net/fontsource/fonts/(?P<name>[a-z0-9-]+)(?P<vf>:vf)?"
    r"@(?P<version>[0-9.]+)/(?P<file>[a-z0-9-]+\.woff2)"
)


def _version(package: Path) -> str:
    return str(json.loads((package / "package.json").read_text(encoding="utf-8"))["version"])


def vendored_files(node_modules: Path = NODE_MODULES) -> dict[str, bytes]:
    """The files of cms/vendor/, by relative path, made from what npm installed."""
    cms = node_modules / PACKAGE
    bundle = (cms / BUNDLE).read_text(encoding="utf-8")
    files: dict[str, bytes] = {}

    def local_font(match: re.Match[str]) -> str:
        scope = "@fontsource-variable" if match["vf"] else "@fontsource"
        package = node_modules / scope / match["name"]
        if _version(package) != match["version"]:
            raise SystemExit(
                f"{scope}/{match['name']} is {_version(package)}, the bundle wants "
                f"{match['version']}: lock that version in package.json"
            )
        name = f"{match['name']}-{match['file']}"
        files[f"fonts/{name}"] = (package / "files" / name).read_bytes()
        return f"fonts/{name}"

    rewritten = FONT_URL.sub(local_font, bundle)
    if "cdn.jsdelivr.net" in rewritten:
        raise SystemExit("the bundle still names cdn.jsdelivr.net: update FONT_URL")
    if rewritten.count(MODULE_BASE) != 1:
        raise SystemExit(f"the bundle's module loader changed: update MODULE_BASE ({MODULE_BASE})")
    rewritten = rewritten.replace(MODULE_BASE, LOCAL_MODULE_BASE)
    wanted = json.loads((cms / "package.json").read_text(encoding="utf-8"))["dependencies"]
    for name, file in MODULES.items():
        version = wanted[name].lstrip("^~")  # the bundle asks for the lowest of the range
        if _version(node_modules / name) != version:
            raise SystemExit(
                f"{name} is {_version(node_modules / name)}, the bundle wants {version}"
            )
        files[f"modules/{name}@{version}/{file}"] = (node_modules / name / file).read_bytes()
    files["sveltia-cms.js"] = rewritten.encode("utf-8")
    files["LICENSE.txt"] = (cms / "LICENSE.txt").read_bytes()
    files["VERSION"] = f"{PACKAGE} {_version(cms)}\n".encode()
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args()
    wanted = vendored_files()
    present = {
        p.relative_to(TARGET).as_posix(): p.read_bytes() for p in TARGET.rglob("*") if p.is_file()
    }
    if args.check:
        stale = sorted(set(wanted.items()) ^ set(present.items()))
        for name in sorted({name for name, _ in stale}):
            print(f"out of date: {TARGET.relative_to(ROOT) / name}")
        return 1 if stale else 0
    for name in present.keys() - wanted.keys():
        (TARGET / name).unlink()
    for name, content in wanted.items():
        (TARGET / name).parent.mkdir(parents=True, exist_ok=True)
        (TARGET / name).write_bytes(content)
    print(f"vendored {PACKAGE} {_version(NODE_MODULES / PACKAGE)} into {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
