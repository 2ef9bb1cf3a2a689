#!/usr/bin/env node
// Build = tsc, then copy the files tsc does not emit (icons, codex .node.json) next to the compiled nodes.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
  cwd: root,
  stdio: 'inherit',
});

function copyAssets(dir) {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(rel);
    else if (/\.(svg|png)$/.test(entry.name) || /\.node\.json$/.test(entry.name)) {
      fs.mkdirSync(path.join(dist, dir), { recursive: true });
      fs.copyFileSync(path.join(root, rel), path.join(dist, rel));
    }
  }
}
copyAssets('nodes');
copyAssets('credentials');
// Output schemas for the editor's Schema view: a separate step (scripts/schemas/copy.js).
require('./schemas/copy').copySchemas(root, dist);
