#!/usr/bin/env node
// Build step: copies each node's output schemas (nodes/<Node>/__schema__/…, made by `npm run schemas`) into
// dist beside the compiled node, where n8n serves them to the editor's Schema view. Its own script so the
// build (tsc today, perhaps n8n-node-cli later) only has to call it.
const fs = require('fs');
const path = require('path');

function copySchemas(root, dist) {
  const nodes = path.join(root, 'nodes');
  let copied = 0;
  for (const node of fs.readdirSync(nodes)) {
    const from = path.join(nodes, node, '__schema__');
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(dist, 'nodes', node, '__schema__'), { recursive: true, filter: (f) => fs.statSync(f).isDirectory() || f.endsWith('.json') });
    copied++;
  }
  return copied;
}

module.exports = { copySchemas };

if (require.main === module) {
  const root = path.resolve(__dirname, '../..');
  copySchemas(root, path.join(root, 'dist'));
}
