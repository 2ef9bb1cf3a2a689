/// <reference lib="dom" />
/**
 * The n8n editor as a user meets this package: a real headless Chromium (Debian's, driven by playwright-core)
 * against one real n8n with both sandboxes. Every node is added by hand from the nodes panel, its panel is
 * opened and each resource and operation walked; templates are opened on the canvas. Screenshots land in
 * docs/images/ (overwritten, never compared). Only loopback requests leave the browser.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { startGhlSandbox } from '../../../sandbox/ghl';
import type { GhlSandbox } from '../../../sandbox/ghl';
import { startRankrSandbox } from '../../../sandbox/rankr';
import type { RankrSandbox } from '../../../sandbox/rankr';
import type { N8n } from '../harness/n8n';
import { ROOT, startN8nWithPackage } from '../harness/n8n';
import { readTemplate, templateFiles } from '../harness/templates';
import { launchChromium } from './chromium';

const IMAGES = path.join(ROOT, 'docs/images');
const T = (id: string) => `[data-test-id="${id}"]`;

let n8n: N8n;
let ghl: GhlSandbox;
let rankr: RankrSandbox;
let browser: Browser;
const blocked: string[] = [];

beforeAll(async () => {
	[ghl, rankr, n8n, browser] = await Promise.all([
		startGhlSandbox({ seed: { contacts: 5, tasksPerContact: 1, notesPerContact: 1 } }),
		startRankrSandbox({ validateResponses: true }),
		startN8nWithPackage('browser'),
		launchChromium(),
	]);
	await n8n.createCredential('GHL sandbox', 'ghlApi', { authType: 'location', token: ghl.token, locationId: ghl.locationId, baseUrl: ghl.url });
	await n8n.createCredential('Rankr sandbox', 'rankrApi', { apiKey: rankr.apiKey, baseUrl: rankr.url });
	fs.mkdirSync(IMAGES, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	await ghl?.close();
	await rankr?.close();
});

interface Session {
	context: BrowserContext;
	page: Page;
	/** Console errors of the page, with the URL they came from. */
	errors: Array<{ text: string; url: string }>;
	failedImages: string[];
}

/** A logged-in page in a fresh context (theme light or dark) that aborts every non-loopback request. */
async function openSession(theme: 'light' | 'dark' = 'light'): Promise<Session> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	await context.route('**/*', async (route) => {
		const url = new URL(route.request().url());
		if (['127.0.0.1', 'localhost'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:') return await route.continue();
		blocked.push(url.href);
		return await route.abort();
	});
	await context.addInitScript((t) => window.localStorage.setItem('N8N_THEME', t), theme);
	const [name, ...rest] = n8n.cookie.split('=');
	await context.addCookies([{ name, value: rest.join('='), url: n8n.url }]);
	const page = await context.newPage();
	const session: Session = { context, page, errors: [], failedImages: [] };
	page.on('console', (m) => {
		if (m.type() === 'error') session.errors.push({ text: m.text(), url: m.location().url });
	});
	page.on('requestfailed', (r) => {
		if (r.resourceType() === 'image' && isLoopback(r.url())) session.failedImages.push(r.url());
	});
	page.on('response', (r) => {
		if (r.request().resourceType() === 'image' && r.status() >= 400) session.failedImages.push(`${r.status()} ${r.url()}`);
	});
	return session;
}

const isLoopback = (u: string) => ['127.0.0.1', 'localhost'].includes(new URL(u).hostname);

/** Console errors that concern this package (a blocked call to a public host is expected and not ours). */
function ourErrors(s: Session): string[] {
	return s.errors.filter((e) => /ghl|rankr/i.test(`${e.text} ${e.url}`) && !blocked.includes(e.url)).map((e) => `${e.text} (${e.url})`);
}

async function newWorkflow(page: Page): Promise<void> {
	await page.goto(`${n8n.url}/workflow/new`);
	await page.waitForSelector(T('canvas-add-button'));
}

/** Types into the nodes panel and picks the item whose name is exactly `item`, then `action` if the node lists actions. */
async function addFromPanel(page: Page, opener: string, search: string, item: RegExp, action?: RegExp): Promise<void> {
	await page.click(T(opener));
	await page.fill(T('node-creator-search-bar'), search);
	await page.locator(T('node-creator-item-name'), { hasText: item }).first().click();
	if (action) await page.locator(T('node-creator-item-name'), { hasText: action }).first().click();
	// A node whose panel entry lists no actions (GHL Rankr Sync: its one resource is hidden) shows its details instead.
	else await page.getByRole('button', { name: 'Add to workflow' }).click();
	await page.waitForSelector(T('node-parameters'));
}

/** Adds a node by hand: trigger nodes onto the empty canvas, action nodes after a manual trigger. */
async function addNodeByHand(page: Page, node: NodeCase): Promise<void> {
	await newWorkflow(page);
	if (node.trigger) return await addFromPanel(page, 'canvas-add-button', node.search, node.item, node.action);
	await page.click(T('canvas-add-button'));
	await page.fill(T('node-creator-search-bar'), 'Manual');
	await page.locator(T('node-creator-item-name')).first().click();
	await page.keyboard.press('Escape');
	await addFromPanel(page, 'node-creator-plus-button', node.search, node.item, node.action);
}

/** The options of the select in parameter `name`, read off its open dropdown (then closed again). */
async function optionsOf(page: Page, name: string): Promise<string[]> {
	await page.locator(`${T(`parameter-input-${name}`)} input`).first().click();
	const items = page.locator('.el-select-dropdown__item:visible');
	await items.first().waitFor();
	const texts = (await items.allTextContents()).map((t) => t.trim());
	await page.keyboard.press('Escape');
	await items.first().waitFor({ state: 'hidden' });
	return texts;
}

async function choose(page: Page, name: string, option: string): Promise<void> {
	await page.locator(`${T(`parameter-input-${name}`)} input`).first().click();
	await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
}

/** Parameter issues the panel shows right now (the red triangles), with the field they belong to. */
async function parameterIssues(page: Page): Promise<string[]> {
	return await page.locator(`${T('node-parameters')} ${T('parameter-issues')}`).evaluateAll((els) =>
		els.map((e) => `${e.closest('[data-test-id="parameter-item"]')?.querySelector('label')?.textContent?.trim() ?? '?'}: ${e.getAttribute('title') ?? e.textContent ?? ''}`),
	);
}

/** Credential slots of the open panel: label and the credentials each offers. */
async function credentialSlots(page: Page): Promise<Array<{ label: string; offers: string[] }>> {
	const slots = page.locator(T('node-credentials-slot'));
	const out: Array<{ label: string; offers: string[] }> = [];
	for (let i = 0; i < (await slots.count()); i++) {
		const slot = slots.nth(i);
		const label = ((await slot.locator(T('credentials-label')).textContent()) ?? '').trim();
		await slot.locator(`${T('node-credentials-select')} input`).first().click();
		const items = page.locator('.el-select-dropdown__item:visible');
		await items.first().waitFor();
		out.push({ label, offers: (await items.allTextContents()).map((t) => t.trim()) });
		await page.keyboard.press('Escape');
		await items.first().waitFor({ state: 'hidden' });
	}
	return out;
}

/** Icons on the canvas and in the panel that did not load (naturalWidth 0). */
async function brokenIcons(page: Page): Promise<string[]> {
	return await page.locator('img').evaluateAll((imgs) =>
		(imgs as HTMLImageElement[]).filter((i) => /ghl|rankr/i.test(i.src) && (!i.complete || i.naturalWidth === 0)).map((i) => i.src),
	);
}

async function screenshot(page: Page, file: string): Promise<void> {
	await page.screenshot({ path: path.join(IMAGES, file) });
}

interface NodeCase {
	label: string;
	search: string;
	item: RegExp;
	action?: RegExp;
	trigger: boolean;
	/** Credential types a required slot must offer: shown as the sandbox credentials' names. */
	offers: string[];
	resources: boolean;
	image: string;
}

const NODES: NodeCase[] = [
	{ label: 'GHL', search: 'GHL', item: /^GHL$/, action: /Get many contacts/i, trigger: false, offers: ['GHL sandbox'], resources: true, image: 'node-ghl.png' },
	{ label: 'GHL Trigger', search: 'GHL', item: /^GHL$/, action: /On contact create/i, trigger: true, offers: ['GHL sandbox'], resources: false, image: 'node-ghl-trigger.png' },
	{ label: 'GHL Polling Trigger', search: 'GHL Polling', item: /^GHL Polling/, action: /On contact created/i, trigger: true, offers: ['GHL sandbox'], resources: false, image: 'node-ghl-polling-trigger.png' },
	{ label: 'Rankr', search: 'Rankr', item: /^Rankr$/, action: /Get many contacts/i, trigger: false, offers: ['Rankr sandbox'], resources: true, image: 'node-rankr.png' },
	{ label: 'GHL Rankr Sync', search: 'GHL Rankr', item: /^GHL Rankr Sync$/, trigger: false, offers: ['Rankr sandbox', 'GHL sandbox'], resources: false, image: 'node-ghl-rankr-sync.png' },
	{ label: 'Rankr Trigger', search: 'Rankr', item: /^Rankr$/, action: /^On /i, trigger: true, offers: ['Rankr sandbox'], resources: false, image: 'node-rankr-trigger.png' },
];

describe('the n8n editor with this package (real Chromium)', () => {
	it.each(NODES)('$label: added by hand, every resource and operation shows no issue on defaults, its credential slot offers the sandbox credential, icons load in light and dark', async (node) => {
		for (const theme of ['light', 'dark'] as const) {
			const s = await openSession(theme);
			try {
				await addNodeByHand(s.page, node);
				// The panel as a user first sees it (before the walk leaves it on the last operation).
				if (theme === 'light') await screenshot(s.page, node.image);
				const problems: string[] = [];
				const slots = await credentialSlots(s.page);
				for (const wanted of node.offers) {
					if (!slots.some((slot) => slot.offers.some((o) => o.startsWith(wanted)))) problems.push(`no credential slot offers "${wanted}": ${JSON.stringify(slots)}`);
				}
				if (node.resources && theme === 'light') {
					if (!(await s.page.locator(T('parameter-input-resource')).count())) problems.push('no Resource field');
					else {
						// "Custom API Call" is n8n's own entry (an HTTP Request with our credential), not one of ours.
						for (const resource of (await optionsOf(s.page, 'resource')).filter((r) => r !== 'Custom API Call')) {
							await choose(s.page, 'resource', resource);
							if (!(await s.page.locator(T('parameter-input-operation')).count())) {
								problems.push(`${resource}: no Operation field`);
								continue;
							}
							for (const operation of await optionsOf(s.page, 'operation')) {
								await choose(s.page, 'operation', operation);
								const issues = await parameterIssues(s.page);
								if (issues.length) problems.push(`${resource} → ${operation}: ${issues.join('; ')}`);
								const slotsHere = await s.page.locator(T('node-credentials-slot')).count();
								if (!slotsHere) problems.push(`${resource} → ${operation}: no credential slot`);
							}
						}
					}
				} else if (theme === 'light') {
					const issues = await parameterIssues(s.page);
					if (issues.length) problems.push(`defaults: ${issues.join('; ')}`);
				}
				problems.push(...(await brokenIcons(s.page)).map((src) => `${theme}: icon did not load: ${src}`));
				problems.push(...s.failedImages.filter((u) => /ghl|rankr/i.test(u)).map((u) => `${theme}: image request failed: ${u}`));
				problems.push(...ourErrors(s).map((e) => `${theme}: console error: ${e}`));
				expect(problems).toEqual([]);
			} finally {
				await s.context.close();
			}
		}
	});

	it.each(templateFiles())('template %s opens on the canvas with no sticky note over a node', async (file) => {
		const template = readTemplate(file);
		const id = await n8n.importWorkflow(template as unknown as Record<string, unknown>);
		const s = await openSession();
		try {
			await s.page.goto(`${n8n.url}/workflow/${id}`);
			await s.page.waitForSelector(T('canvas-node'));
			await s.page.click(T('zoom-to-fit'));
			await s.page.waitForTimeout(300);
			const overlaps = await s.page.evaluate(() => {
				const rect = (e: Element) => e.getBoundingClientRect();
				const nodes = Array.from(document.querySelectorAll('[data-test-id="canvas-node"]')).map((e) => ({ name: e.getAttribute('data-node-name'), r: rect(e) }));
				const stickies = Array.from(document.querySelectorAll('.vue-flow__node-canvas-node [data-test-id="sticky"], [data-test-id="sticky"]')).map((e) => rect(e));
				const hit: string[] = [];
				for (const st of stickies)
					for (const n of nodes)
						if (st.left < n.r.right && n.r.left < st.right && st.top < n.r.bottom && n.r.top < st.bottom) hit.push(String(n.name));
				return hit;
			});
			expect(await s.page.locator(T('canvas-node')).count()).toBe(template.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').length);
			await screenshot(s.page, `template-${file.replace(/\.json$/, '')}.png`);
			expect({ file, stickyNotesOverNodes: overlaps }).toEqual({ file, stickyNotesOverNodes: [] });
			expect(ourErrors(s)).toEqual([]);
		} finally {
			await s.context.close();
		}
	});
});
