/// <reference lib="dom" />
/**
 * What a user does in the n8n editor, as functions for the browser suite: open a logged-in page, add a node
 * from the nodes panel, read and pick dropdown options, open pickers, fill a credential dialog, run a step.
 * Selectors are n8n's own data-test-id attributes (the ones its Playwright tests use).
 */
import path from 'node:path';

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import type { N8n } from '../harness/n8n';
import { ROOT } from '../harness/n8n';

export const IMAGES = path.join(ROOT, 'docs/images');
export const T = (id: string) => `[data-test-id="${id}"]`;
const VISIBLE_OPTION = '.el-select-dropdown__item:visible';

export interface Session {
	context: BrowserContext;
	page: Page;
	/** Console errors of the page, with the URL they came from. */
	errors: Array<{ text: string; url: string }>;
	failedImages: string[];
}

const isLoopback = (u: string) => ['127.0.0.1', 'localhost'].includes(new URL(u).hostname);

/** Opens logged-in pages on one n8n; every request to a non-loopback host is aborted and remembered. */
export class Editor {
	readonly blocked: string[] = [];

	constructor(
		private readonly browser: Browser,
		readonly n8n: N8n,
	) {}

	/** A logged-in page in a fresh context (theme light or dark). */
	async openSession(theme: 'light' | 'dark' = 'light'): Promise<Session> {
		const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 } });
		await context.route('**/*', async (route) => {
			const url = new URL(route.request().url());
			if (isLoopback(url.href) || url.protocol === 'data:' || url.protocol === 'blob:') return await route.continue();
			this.blocked.push(url.href);
			return await route.abort();
		});
		await context.addInitScript((t) => window.localStorage.setItem('N8N_THEME', t), theme);
		const [name, ...rest] = this.n8n.cookie.split('=');
		await context.addCookies([{ name, value: rest.join('='), url: this.n8n.url }]);
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

	/** Console errors that concern this package (a blocked call to a public host is expected and not ours). */
	ourErrors(s: Session): string[] {
		return s.errors.filter((e) => /ghl|rankr/i.test(`${e.text} ${e.url}`) && !this.blocked.includes(e.url)).map((e) => `${e.text} (${e.url})`);
	}

	async newWorkflow(page: Page): Promise<void> {
		await page.goto(`${this.n8n.url}/workflow/new`);
		await page.waitForSelector(T('canvas-add-button'));
	}

	/** A new workflow with a manual trigger, the nodes panel closed: where an action node is added by hand. */
	async newWorkflowWithManualTrigger(page: Page): Promise<void> {
		await this.newWorkflow(page);
		await page.click(T('canvas-add-button'));
		await page.fill(T('node-creator-search-bar'), 'Manual');
		await page.locator(T('node-creator-item-name')).first().click();
		await page.keyboard.press('Escape');
	}
}

/**
 * Types into the nodes panel, picks the item whose name is `item`, then the action `action` the panel lists
 * for it (an action node whose entry lists no actions fails here), and waits for the node's panel.
 */
export async function addFromPanel(page: Page, opener: string, search: string, item: RegExp, action: RegExp): Promise<void> {
	await page.click(T(opener));
	await page.fill(T('node-creator-search-bar'), search);
	await page.locator(T('node-creator-item-name'), { hasText: item }).first().click();
	await page.locator(T('node-creator-item-name'), { hasText: action }).first().click();
	await page.waitForSelector(T('node-parameters'));
	// The nodes panel slides away behind the node's panel; screenshots wait for it to be gone.
	await page.locator(T('node-creator')).waitFor({ state: 'hidden' });
}

/** An option's name: its headline when it has a description under it. */
async function optionNames(items: Locator): Promise<string[]> {
	return await items.evaluateAll((els) => els.map((e) => (e.querySelector('.option-headline') ?? e).textContent?.trim() ?? ''));
}

/** The visible option whose name is exactly `name`. */
function optionNamed(page: Page, name: string): Locator {
	const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
	const withHeadline = page.locator(VISIBLE_OPTION).filter({ has: page.locator('.option-headline', { hasText: exact }) });
	return withHeadline.or(page.locator(VISIBLE_OPTION, { hasText: exact })).first();
}

/**
 * Opens the select inside `container` and waits for its list. n8n disables a select while its options load,
 * so it waits for that to end; a multi-select's tag area lies over its input, so the select box itself is
 * clicked then; and on a busy machine a click that lands while the panel re-renders (a credential
 * auto-selected, a field appearing) leaves the list closed, so it clicks again.
 */
async function openSelect(page: Page, container: Locator): Promise<void> {
	await container.locator('.is-disabled').first().waitFor({ state: 'detached', timeout: 60_000 });
	const firstOption = page.locator(VISIBLE_OPTION).first();
	for (let attempt = 1; ; attempt++) {
		await container
			.locator('input')
			.first()
			.click({ timeout: 5_000 })
			.catch(async () => await container.locator('.el-select').first().click({ force: true }));
		try {
			return await firstOption.waitFor({ timeout: 10_000 });
		} catch (error) {
			if (attempt === 3) throw error;
		}
	}
}

/** Opens the select of parameter `name` and returns its options' names once `until` (if given) is among them, then closes it. */
export async function optionsOf(page: Page, name: string, until?: string): Promise<string[]> {
	await openSelect(page, page.locator(T(`parameter-input-${name}`)).first());
	const items = page.locator(VISIBLE_OPTION);
	if (until) await optionNamed(page, until).waitFor();
	const names = await optionNames(items);
	await page.keyboard.press('Escape');
	await items.first().waitFor({ state: 'hidden' });
	return names;
}

/** Picks the option named `option` in the select of parameter `name`. */
export async function choose(page: Page, name: string, option: string): Promise<void> {
	await openSelect(page, page.locator(T(`parameter-input-${name}`)).first());
	await optionNamed(page, option).click();
	// Until its list has closed, its options would count as the next select's.
	await page.locator(VISIBLE_OPTION).first().waitFor({ state: 'hidden' });
}

/** Resource and Operation as a user sets them. */
export async function chooseOperation(page: Page, resource: string, operation: string): Promise<void> {
	await choose(page, 'resource', resource);
	await choose(page, 'operation', operation);
}

/** The rows a resource locator's "From list" offers (switching it to Fixed / From list first, as a user would). */
export async function locatorRows(page: Page, name: string, until: string): Promise<string[]> {
	const locator = page.locator(T(`resource-locator-${name}`));
	const item = page.locator(T('parameter-item')).filter({ has: locator }).first();
	if (await locator.locator('[data-test-id="inline-expression-editor-input"]').count()) {
		await item.hover();
		await item.locator(T('radio-button-fixed')).first().click();
	}
	await locator.locator(`${T('rlc-mode-selector')} input`).click();
	await page.locator(VISIBLE_OPTION, { hasText: 'From list' }).first().click();
	await locator.locator(T('rlc-input')).click();
	await page.locator(T('rlc-item'), { hasText: until }).first().waitFor();
	return (await page.locator(T('rlc-item')).allTextContents()).map((t) => t.trim());
}

/** Parameter issues the panel shows right now (the red triangles), with the field they belong to. */
export async function parameterIssues(page: Page): Promise<string[]> {
	return await page.locator(`${T('node-parameters')} ${T('parameter-issues')}`).evaluateAll((els) =>
		els.map((e) => `${e.closest('[data-test-id="parameter-item"]')?.querySelector('label')?.textContent?.trim() ?? '?'}: ${e.getAttribute('title') ?? e.textContent ?? ''}`),
	);
}

/** Credential slots of the open panel: label and the credentials each offers. */
export async function credentialSlots(page: Page): Promise<Array<{ label: string; offers: string[] }>> {
	const slots = page.locator(T('node-credentials-slot'));
	const out: Array<{ label: string; offers: string[] }> = [];
	for (let i = 0; i < (await slots.count()); i++) {
		const slot = slots.nth(i);
		const label = ((await slot.locator(T('credentials-label')).textContent()) ?? '').trim();
		const items = page.locator(VISIBLE_OPTION);
		await openSelect(page, slot.locator(T('node-credentials-select')));
		out.push({ label, offers: (await items.allTextContents()).map((t) => t.trim()) });
		await page.keyboard.press('Escape');
		await items.first().waitFor({ state: 'hidden' });
	}
	return out;
}

export function credentialSlot(page: Page, label: string): Locator {
	return page.locator(T('node-credentials-slot')).filter({ has: page.locator(T('credentials-label'), { hasText: label }) });
}

/** The credential the slot labelled `label` holds now (its select's value). */
export async function credentialIn(page: Page, label: string): Promise<string> {
	return await credentialSlot(page, label).locator(`${T('node-credentials-select')} input`).first().inputValue();
}

/** Picks an existing credential in the slot labelled `label`. */
export async function pickCredential(page: Page, label: string, credential: string): Promise<void> {
	await openSelect(page, credentialSlot(page, label).locator(T('node-credentials-select')));
	await page.locator(VISIBLE_OPTION, { hasText: credential }).first().click();
}

/** Opens the credential dialog for a new credential from the slot labelled `label` (the select's "Create new", or the "Connect to" button when there is none yet). */
export async function openNewCredentialDialog(page: Page, label: string): Promise<Locator> {
	const slot = credentialSlot(page, label);
	const connect = slot.getByRole('button', { name: /^Connect to / });
	if (await connect.count()) await connect.click();
	else {
		await openSelect(page, slot.locator(T('node-credentials-select')));
		await page.locator(`${T('node-credentials-select-item-new')}:visible`).click();
	}
	const dialog = page.locator(T('editCredential-modal'));
	await dialog.locator(T('credential-connection-parameter')).first().waitFor();
	return dialog;
}

/** Fills a credential dialog field by its parameter name. */
export async function fillCredentialField(dialog: Locator, name: string, value: string): Promise<void> {
	await dialog.locator(`${T(`parameter-input-${name}`)} input`).first().fill(value);
}

export async function renameCredential(page: Page, dialog: Locator, name: string): Promise<void> {
	await dialog.locator(T('credential-name')).click();
	await dialog.locator(`${T('credential-name')} input`).fill(name);
	await page.keyboard.press('Enter');
}

/**
 * The dialog's inputs that would show a secret: any input holding one of `secrets` that is not a password
 * field (n8n draws those as dots), and any secret in the dialog's visible text.
 */
export async function unmaskedSecrets(dialog: Locator, secrets: string[]): Promise<string[]> {
	const inputs = await dialog.locator('input, textarea').evaluateAll((els) => (els as HTMLInputElement[]).map((e) => ({ type: e.type, value: e.value, field: e.closest('[data-test-id^="parameter-input-"]')?.getAttribute('data-test-id') ?? '?' })));
	const text = await dialog.innerText();
	const hits = inputs.filter((i) => i.type !== 'password' && secrets.some((s) => i.value.includes(s))).map((i) => `${i.field} shows its secret`);
	if (secrets.some((s) => text.includes(s))) hits.push('a secret is in the dialog text');
	return hits;
}

/**
 * Saves the new credential: n8n tests it and, when the test passes, closes the dialog and fills the slot
 * (a failed test keeps the dialog open with its error, and this fails).
 */
export async function saveCredential(page: Page, dialog: Locator): Promise<void> {
	await dialog.locator(T('credential-save-button')).click();
	await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
}

/** Clicks Execute step in the open panel and waits for the run to end; fails with the panel's error if it failed. */
export async function executeStep(page: Page): Promise<Locator> {
	await page.click(T('node-execute-button'));
	const output = page.locator(T('output-panel'));
	await output.locator(`${T('node-run-status-success')}, ${T('node-error-message')}`).first().waitFor({ timeout: 60_000 });
	const error = output.locator(T('node-error-message'));
	if (await error.count()) throw new Error(`Execute step failed: ${await error.first().innerText()}`);
	return output;
}

/** Closes n8n's toasts so a screenshot shows what is under them. */
export async function closeToasts(page: Page): Promise<void> {
	for (const close of await page.locator('.el-notification .el-notification__closeBtn').all()) await close.click().catch(() => undefined);
	await page.locator('.el-notification').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
}

/** Icons on the canvas and in the panel that did not load (naturalWidth 0). */
export async function brokenIcons(page: Page): Promise<string[]> {
	return await page.locator('img').evaluateAll((imgs) =>
		(imgs as HTMLImageElement[]).filter((i) => /ghl|rankr/i.test(i.src) && (!i.complete || i.naturalWidth === 0)).map((i) => i.src),
	);
}

/** A picture of the page once its transitions have ended (a dialog caught fading in shows the panel through it). */
export async function screenshot(page: Page, file: string): Promise<void> {
	// Spinners run forever: wait a few seconds at most.
	await page
		.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 5_000 })
		.catch(() => undefined);
	await page.screenshot({ path: path.join(IMAGES, file) });
}
