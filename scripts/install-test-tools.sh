#!/usr/bin/env bash
# Installs what the browser and site-quality tests need, and nothing that is already there:
#   - from Debian, only what is missing: Chromium (the tests and Lighthouse drive
#     /usr/bin/chromium; no browser is ever downloaded by npm or Playwright), a Java runtime
#     for vnu.jar, Node and npm;
#   - the npm devDependencies of package.json (vnu-jar, axe-core, lighthouse) with `npm ci`,
#     only when node_modules is missing or older than package-lock.json.
# Safe to run again and again; prints what it does. Run from anywhere: it works in the
# repository root.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf 'install-test-tools: %s\n' "$*"; }

# Debian packages for what is missing: Chromium, a Java runtime (vnu.jar), Node and npm.
install_debian_packages() {
    local missing=()
    [[ -x /usr/bin/chromium ]] || missing+=(chromium)
    command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    if [[ ${#missing[@]} -eq 0 ]]; then
        say "chromium, java, node and npm already installed ($(/usr/bin/chromium --version 2>/dev/null || echo chromium))"
        return
    fi
    say "installing from Debian: ${missing[*]}"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# npm ci writes node_modules/.package-lock.json last; it is newer than package-lock.json
# exactly when the install finished after the lock file last changed.
node_modules_fresh() {
    [[ -f node_modules/.package-lock.json ]] &&
        [[ node_modules/.package-lock.json -nt package-lock.json ]] &&
        [[ node_modules/.package-lock.json -nt package.json ]]
}

install_node_modules() {
    if node_modules_fresh; then
        say "node_modules is up to date with package-lock.json"
        return
    fi
    say "running npm ci (node_modules missing or stale)"
    # --ignore-scripts: the only install script in the tree is vnu-jar's, which would fetch
    # a Java runtime from outside the registries when none is found; Debian provides Java.
    # PUPPETEER_SKIP_DOWNLOAD: belt and braces, lighthouse uses puppeteer-core (no browser).
    PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund
}

install_debian_packages
install_node_modules
say "done"
