/**
 * Imported first by every benchmark entry point: n8n-core writes its settings under N8N_USER_FOLDER,
 * so it is pointed at a temporary folder before n8n-core loads (as test/setup-env.js does for jest).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

if (!process.env.N8N_USER_FOLDER) {
	const dir = path.join(os.tmpdir(), 'n8n-nodes-ghl-rankr-bench');
	fs.mkdirSync(dir, { recursive: true });
	process.env.N8N_USER_FOLDER = dir;
}

// `import '../nodes/Ghl/Ghl.node'` must load Ghl.node.ts, not the codex Ghl.node.json beside it: Node tries
// extensions in registration order and ts-node registers `.ts` last, so `.json` is moved behind it.
const extensions = require.extensions as Record<string, NodeJS.RequireExtensions[string] | undefined>;
const loadJson = extensions['.json'];
delete extensions['.json'];
extensions['.json'] = loadJson as NodeJS.RequireExtensions[string];
