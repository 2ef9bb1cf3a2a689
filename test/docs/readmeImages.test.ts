/** README pictures and docs/images agree: every picture the README shows exists, and every image is shown. */
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
});
