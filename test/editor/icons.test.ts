/**
 * Node and credential icons as n8n's own: the mark fills the viewBox (no padding, no opaque tile that shows
 * as a square on the dark canvas), and every icon has a dark variant of its own colours.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');

function svgFiles(dir: string): string[] {
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
		const rel = path.join(dir, e.name);
		return e.isDirectory() ? svgFiles(rel) : e.name.endsWith('.svg') ? [rel] : [];
	});
}

const icons = [...svgFiles('nodes'), ...svgFiles('credentials')];

const num = (s: string | undefined) => Number.parseFloat(s ?? '0');
const attr = (el: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1];

/** The extent of the shapes' own coordinates (rect, circle, and the points of M/L/H/V paths). */
function extent(svg: string): { minX: number; maxX: number; minY: number; maxY: number } {
	const xs: number[] = [];
	const ys: number[] = [];
	for (const el of svg.match(/<rect[^>]*>/g) ?? []) {
		const x = num(attr(el, 'x'));
		const y = num(attr(el, 'y'));
		xs.push(x, x + num(attr(el, 'width')));
		ys.push(y, y + num(attr(el, 'height')));
	}
	for (const el of svg.match(/<circle[^>]*>/g) ?? []) {
		const r = num(attr(el, 'r'));
		xs.push(num(attr(el, 'cx')) - r, num(attr(el, 'cx')) + r);
		ys.push(num(attr(el, 'cy')) - r, num(attr(el, 'cy')) + r);
	}
	for (const el of svg.match(/<path[^>]*>/g) ?? []) {
		let x = 0;
		let y = 0;
		for (const [, cmd, args] of (attr(el, 'd') ?? '').matchAll(/([MLHVAZ])([^MLHVAZ]*)/g)) {
			const n = args.trim().split(/[\s,]+/).filter(Boolean).map(Number);
			if (cmd === 'M' || cmd === 'L') [x, y] = n;
			else if (cmd === 'H') x = n[0];
			else if (cmd === 'V') y = n[0];
			else if (cmd === 'A') [x, y] = n.slice(5);
			else continue;
			xs.push(x);
			ys.push(y);
		}
	}
	return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

describe.each(icons)('%s', (file) => {
	const svg = fs.readFileSync(path.join(ROOT, file), 'utf8');
	const [, , width, height] = (attr(svg, 'viewBox') ?? '').split(/\s+/).map(Number);

	it('has no background tile (no rect as large as the icon)', () => {
		for (const el of svg.match(/<rect[^>]*>/g) ?? []) {
			expect(num(attr(el, 'width')) >= width * 0.9 && num(attr(el, 'height')) >= height * 0.9).toBe(false);
		}
	});

	it('draws its mark at full size: edge to edge in at least one direction', () => {
		const e = extent(svg);
		const spanX = (e.maxX - e.minX) / width;
		const spanY = (e.maxY - e.minY) / height;
		expect(Math.max(spanX, spanY)).toBeGreaterThanOrEqual(0.95);
		expect(e.minX).toBeGreaterThanOrEqual(0);
		expect(e.maxX).toBeLessThanOrEqual(width);
	});

	it('has a dark variant in other colours (light icons), or is one', () => {
		const dark = file.replace(/(?<!\.dark)\.svg$/, '.dark.svg');
		expect(fs.existsSync(path.join(ROOT, dark))).toBe(true);
		if (dark !== file) expect(fs.readFileSync(path.join(ROOT, dark), 'utf8')).not.toBe(svg);
	});
});

it('every node and credential names a light and a dark icon that exist', () => {
	const sources = [...fs.readdirSync(path.join(ROOT, 'nodes')).map((d) => `nodes/${d}`), 'credentials'];
	let checked = 0;
	for (const dir of sources) {
		for (const f of fs.readdirSync(path.join(ROOT, dir)).filter((n) => /\.(node|credentials)\.ts$/.test(n))) {
			const text = fs.readFileSync(path.join(ROOT, dir, f), 'utf8');
			const icon = /icon(?::\s*Icon\s*=|:)\s*\{\s*light:\s*'file:([^']+)',\s*dark:\s*'file:([^']+)'/.exec(text);
			expect(icon).not.toBeNull();
			for (const name of icon!.slice(1)) expect(fs.existsSync(path.join(ROOT, dir, name))).toBe(true);
			checked++;
		}
	}
	expect(checked).toBe(10); // 6 nodes, 4 credentials (GHL Webhook Secret added with the GHL Trigger's Custom Webhook source)
});
