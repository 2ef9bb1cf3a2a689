/**
 * README pictures and docs/images agree: every picture the README shows exists, every image is shown, and
 * each picture is where a user decides (What's inside, each credential's set-up, the sync node, the templates).
 * The browser suite (test/e2e/browser) writes them.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const IMAGES = path.join(ROOT, 'docs/images');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);

describe('README pictures', () => {
	it('every picture the README shows is in the repository', () => {
		expect(pictures.filter((p) => !fs.existsSync(path.join(ROOT, p)))).toEqual([]);
	});

	it('every file in docs/images is shown in the README', () => {
		const files = fs.existsSync(IMAGES) ? fs.readdirSync(IMAGES).filter((f) => f.endsWith('.png')) : [];
		expect(files.filter((f) => !pictures.includes(`docs/images/${f}`))).toEqual([]);
	});

	/** The pictures a README section (from its heading to the next one of the same or higher level) shows. */
	function picturesIn(heading: string): string[] {
		const lines = readme.split('\n');
		const start = lines.findIndex((l) => l.trim() === heading);
		if (start < 0) return [];
		const level = heading.indexOf(' ');
		const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
		const text = lines.slice(start, end < 0 ? undefined : end).join('\n');
		return [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
	}

	it.each([
		['## What\'s inside', ['node-ghl.png', 'node-ghl-trigger.png', 'node-ghl-polling-trigger.png', 'node-rankr.png', 'node-rankr-trigger.png', 'node-ghl-rankr-sync.png', 'execution-ghl-contact-get-many.png']],
		['### Private Integration token', ['credential-ghl-api.png']],
		['### OAuth2 (Marketplace app)', ['credential-ghl-oauth2.png']],
		['### Rankr API', ['credential-rankr-api.png']],
		['### GHL Webhook Secret', ['credential-ghl-webhook-secret.png']],
		['## GHL → Rankr sync (GHL Rankr Sync node)', ['execution-ghl-rankr-sync-contact.png']],
		['## Workflow templates', fs.readdirSync(path.join(ROOT, 'templates')).filter((f) => f.endsWith('.json')).map((f) => `template-${f.replace(/\.json$/, '')}.png`)],
	])('"%s" shows its pictures', (heading, files) => {
		const shown = picturesIn(heading);
		expect(files.filter((f) => !shown.includes(`docs/images/${f}`))).toEqual([]);
	});
});
