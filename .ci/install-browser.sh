#!/usr/bin/env bash
# Installs what the browser tests (Summit.Tests/Browser) need, idempotently:
#  - Debian's chromium (Playwright drives it at /usr/bin/chromium; Playwright never downloads a browser here)
#  - fonts, so screenshots show real glyphs
#  - axe-core from npm into Summit.Tests/Browser/.tools (git-ignored), for the accessibility test
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
axe_version="4.14.1"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s fonts-liberation >/dev/null 2>&1 || need_apt+=(fonts-liberation)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "install-browser: apt-get install ${need_apt[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | head -1 || { echo "install-browser: chromium did not install" >&2; exit 1; }

tools="$root/Summit.Tests/Browser/.tools"
axe="$tools/node_modules/axe-core/axe.min.js"
if [ ! -f "$axe" ] || ! grep -q "\"version\": \"$axe_version\"" "$tools/node_modules/axe-core/package.json" 2>/dev/null; then
  command -v npm >/dev/null || { echo "install-browser: npm is needed to fetch axe-core" >&2; exit 1; }
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{ "private": true }' > "$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --no-save --loglevel=error "axe-core@$axe_version"
fi
echo "install-browser: axe-core $axe_version at $axe"
