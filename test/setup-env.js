// n8n-core writes its settings under N8N_USER_FOLDER; keep it out of the user's home.
const os = require('os');
const path = require('path');
const fs = require('fs');
if (!process.env.N8N_USER_FOLDER) {
  const dir = path.join(os.tmpdir(), 'n8n-nodes-ghl-rankr-test');
  fs.mkdirSync(dir, { recursive: true });
  process.env.N8N_USER_FOLDER = dir;
}
