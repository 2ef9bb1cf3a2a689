/// <reference lib="dom" />
/**
 * The n8n editor as a user meets this package: a real headless Chromium (Debian's, driven by playwright-core)
 * against one real n8n with both sandboxes. Every node is added by hand from the nodes panel, through the
 * action the panel lists, its panel opened and each resource and operation walked; the pickers are opened
 * and must list what the sandbox holds; GHL → Get Many and GHL Rankr Sync → Sync Contact are set up by hand
 * (credentials typed into n8n's credential dialog) and run with Execute step; the Schema view is read before
 * a run; templates are opened on the canvas. Screenshots land in docs/images/ (overwritten, never compared;
 * README shows each). Only loopback requests leave the browser.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Browser } from 'playwright-core';

import { startGhlSandbox } from '../../../sandbox/ghl';
import type { GhlSandbox } from '../../../sandbox/ghl';
import { startRankrSandbox } from '../../../sandbox/rankr';
import type { RankrSandbox } from '../../../sandbox/rankr';
import { readmeSection } from '../../../scripts/operationTable';
import { registerSecret } from '../../security/secrets';
import type { N8n } from '../harness/n8n';
import { PACKAGE, ROOT, startN8nWithPackage } from '../harness/n8n';
import { readTemplate, templateFiles } from '../harness/templates';
import { launchChromium } from './chromium';
import type { Session } from './editor';
import {
	Editor,
	IMAGES,
	T,
	addFromPanel,
	brokenIcons,
	choose,
	chooseOperation,
	closeToasts,
	credentialIn,
	credentialSlot,
	credentialSlots,
	executeStep,
	fillCredentialField,
	locatorRows,
	openNewCredentialDialog,
	optionsOf,
	parameterIssues,
	pickCredential,
	renameCredential,
	saveCredential,
	screenshot,
	unmaskedSecrets,
} from './editor';

let n8n: N8n;
let ghl: GhlSandbox;
let rankr: RankrSandbox;
let browser: Browser;
let editor: Editor;

beforeAll(async () => {
	[ghl, rankr, n8n, browser] = await Promise.all([
		startGhlSandbox({ seed: { contacts: 5, tasksPerContact: 1, notesPerContact: 1 } }),
		startRankrSandbox({ validateResponses: true }),
		startN8nWithPackage('browser'),
		launchChromium(),
	]);
	editor = new Editor(browser, n8n);
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

/** Adds a node by hand: trigger nodes onto the empty canvas, action nodes after a manual trigger. */
async function addNodeByHand(s: Session, node: NodeCase): Promise<void> {
	if (node.trigger) {
		await editor.newWorkflow(s.page);
		return await addFromPanel(s.page, 'canvas-add-button', node.search, node.item, node.action);
	}
	await editor.newWorkflowWithManualTrigger(s.page);
	await addFromPanel(s.page, 'node-creator-plus-button', node.search, node.item, node.action);
}

interface NodeCase {
	label: string;
	search: string;
	item: RegExp;
	/** The action the nodes panel lists for it, which the test clicks. */
	action: RegExp;
	trigger: boolean;
	/** Credential types a required slot must offer: shown as the sandbox credentials' names. */
	offers: string[];
	resources: boolean;
	/** The README operation table (npm run docs:operations) whose rows the walk must meet, each once. */
	table?: string;
	image: string;
}

/** "Resource | Operation" for each row of a README operation table. */
function documentedOperations(table: string): string[] {
	const section = readmeSection(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), table) ?? '';
	return section.split('\n').slice(2).map((row) => row.split('|').slice(1, 3).map((c) => c.trim()).join(' | ')).sort();
}

const NODES: NodeCase[] = [
	{ label: 'GHL', search: 'GHL', item: /^GHL$/, action: /Get many contacts/i, trigger: false, offers: ['GHL sandbox'], resources: true, table: 'ghl', image: 'node-ghl.png' },
	{ label: 'GHL Trigger', search: 'GHL', item: /^GHL$/, action: /On contact create/i, trigger: true, offers: ['GHL sandbox'], resources: false, image: 'node-ghl-trigger.png' },
	{ label: 'GHL Polling Trigger', search: 'GHL Polling', item: /^GHL Polling/, action: /On contact created/i, trigger: true, offers: ['GHL sandbox'], resources: false, image: 'node-ghl-polling-trigger.png' },
	{ label: 'Rankr', search: 'Rankr', item: /^Rankr$/, action: /Get many contacts/i, trigger: false, offers: ['Rankr sandbox'], resources: true, table: 'rankr', image: 'node-rankr.png' },
	{ label: 'GHL Rankr Sync', search: 'GHL Rankr', item: /^GHL Rankr Sync$/, action: /^Sync a contact$/, trigger: false, offers: ['Rankr sandbox', 'GHL sandbox'], resources: true, table: 'ghlRankrSync', image: 'node-ghl-rankr-sync.png' },
	{ label: 'Rankr Trigger', search: 'Rankr', item: /^Rankr$/, action: /^On /i, trigger: true, offers: ['Rankr sandbox'], resources: false, image: 'node-rankr-trigger.png' },
];

describe('the n8n editor with this package (real Chromium)', () => {
	it.each(NODES)('$label: added by hand, every resource and operation shows no issue on defaults, its credential slot offers the sandbox credential, icons load in light and dark', async (node) => {
		for (const theme of ['light', 'dark'] as const) {
			const s = await editor.openSession(theme);
			try {
				await addNodeByHand(s, node);
				// The panel as a user first sees it (before the walk leaves it on the last operation).
				if (theme === 'light') await screenshot(s.page, node.image);
				const problems: string[] = [];
				const slots = await credentialSlots(s.page);
				for (const wanted of node.offers) {
					if (!slots.some((slot) => slot.offers.some((o) => o.startsWith(wanted)))) problems.push(`no credential slot offers "${wanted}": ${JSON.stringify(slots)}`);
				}
				if (node.resources && theme === 'light') {
					const walked: string[] = [];
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
								if (operation !== 'Custom API Call') walked.push(`${resource} | ${operation}`);
								const issues = await parameterIssues(s.page);
								if (issues.length) problems.push(`${resource} → ${operation}: ${issues.join('; ')}`);
								const slotsHere = await s.page.locator(T('node-credentials-slot')).count();
								if (!slotsHere) problems.push(`${resource} → ${operation}: no credential slot`);
							}
						}
					}
					// Every operation the README documents (e.g. Rankr Contact → Archive / Unarchive) is one the editor offers, and no other.
					if (node.table) {
						const documented = documentedOperations(node.table);
						problems.push(...documented.filter((o) => !walked.includes(o)).map((o) => `${o}: documented, not offered by the editor`));
						problems.push(...walked.filter((o) => !documented.includes(o)).map((o) => `${o}: offered by the editor, not in the README table`));
					}
				} else if (theme === 'light') {
					const issues = await parameterIssues(s.page);
					if (issues.length) problems.push(`defaults: ${issues.join('; ')}`);
				}
				problems.push(...(await brokenIcons(s.page)).map((src) => `${theme}: icon did not load: ${src}`));
				problems.push(...s.failedImages.filter((u) => /ghl|rankr/i.test(u)).map((u) => `${theme}: image request failed: ${u}`));
				problems.push(...editor.ourErrors(s).map((e) => `${theme}: console error: ${e}`));
				expect(problems).toEqual([]);
			} finally {
				await s.context.close();
			}
		}
	});

	it.each(templateFiles())('template %s opens on the canvas with no sticky note over a node', async (file) => {
		const template = readTemplate(file);
		const id = await n8n.importWorkflow(template as unknown as Record<string, unknown>);
		const s = await editor.openSession();
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
			expect(editor.ourErrors(s)).toEqual([]);
		} finally {
			await s.context.close();
		}
	});

	it('the GHL pickers list what the sandbox holds: contacts, tags, users, custom fields, campaigns, workflows', async () => {
		const s = await editor.openSession();
		const names = <V extends { locationId: string; name: string }>(m: Map<string, V>) => [...m.values()].filter((v) => v.locationId === ghl.locationId).map((v) => v.name).sort();
		try {
			await editor.newWorkflowWithManualTrigger(s.page);
			await addFromPanel(s.page, 'node-creator-plus-button', 'GHL', /^GHL$/, /^Get a contact$/);
			const contacts = [...ghl.store.contacts.values()].map((c) => `${String(c.firstName)} ${String(c.lastName)} (${String(c.email)})`);
			const shown: Record<string, string[]> = { contacts: await locatorRows(s.page, 'contactId', contacts[0]) };
			await s.page.keyboard.press('Escape');
			const tags = names(ghl.store.tags);
			await chooseOperation(s.page, 'Tag', 'Add to Contact');
			shown.tags = await optionsOf(s.page, 'tags', tags[0]);
			const users = names(ghl.store.users);
			await chooseOperation(s.page, 'Follower', 'Add');
			shown.users = await optionsOf(s.page, 'followers', users[0]);
			const campaigns = names(ghl.store.campaigns);
			await chooseOperation(s.page, 'Campaign', 'Add Contact');
			shown.campaigns = await optionsOf(s.page, 'campaignId', campaigns[0]);
			const workflows = names(ghl.store.workflows);
			await chooseOperation(s.page, 'Workflow', 'Add Contact');
			shown.workflows = await optionsOf(s.page, 'workflowId', workflows[0]);
			const fields = [...ghl.store.customFields.values()].filter((f) => f.locationId === ghl.locationId).map((f) => `${f.name} (${f.fieldKey})`).sort();
			await chooseOperation(s.page, 'Contact', 'Create');
			await s.page.getByRole('button', { name: 'Add Custom Field' }).click();
			shown.customFields = await optionsOf(s.page, 'id', fields[0]);
			expect({ ...shown, contacts: shown.contacts.sort(), tags: shown.tags.sort(), users: shown.users.sort() }).toEqual({
				contacts: contacts.sort(),
				tags,
				users,
				campaigns,
				workflows,
				customFields: fields,
			});
			expect(editor.ourErrors(s)).toEqual([]);
		} finally {
			await s.context.close();
		}
	});

	it('GHL → Contact → Get Many, set up by hand with a GHL API credential made in its dialog (token masked), shows the sandbox contacts on Execute step', async () => {
		const s = await editor.openSession();
		try {
			await editor.newWorkflowWithManualTrigger(s.page);
			await addFromPanel(s.page, 'node-creator-plus-button', 'GHL', /^GHL$/, /^Get many contacts$/);
			const dialog = await openNewCredentialDialog(s.page, 'GHL Credential');
			await renameCredential(s.page, dialog, 'GHL Private Integration');
			await fillCredentialField(dialog, 'token', ghl.token);
			await fillCredentialField(dialog, 'locationId', ghl.locationId);
			await fillCredentialField(dialog, 'baseUrl', ghl.url);
			expect(await unmaskedSecrets(dialog, [ghl.token])).toEqual([]);
			await screenshot(s.page, 'credential-ghl-api.png');
			await saveCredential(s.page, dialog);
			expect(await credentialIn(s.page, 'GHL Credential')).toBe('GHL Private Integration');
			const output = await executeStep(s.page);
			await closeToasts(s.page);
			await screenshot(s.page, 'execution-ghl-contact-get-many.png');
			const emails = [...ghl.store.contacts.values()].map((c) => String(c.email));
			const text = await output.innerText();
			expect({ items: text.match(/(\d+) items?/)?.[1], missing: emails.filter((e) => !text.includes(e)) }).toEqual({ items: String(emails.length), missing: [] });
			expect(editor.ourErrors(s)).toEqual([]);
		} finally {
			await s.context.close();
		}
	});

	it('GHL Rankr Sync → Sync Contact, set up by hand with a Rankr API credential made in its dialog (key masked), shows the sync result on Execute step and Rankr holds the contact', async () => {
		const s = await editor.openSession();
		try {
			await editor.newWorkflowWithManualTrigger(s.page);
			await addFromPanel(s.page, 'node-creator-plus-button', 'GHL Rankr', /^GHL Rankr Sync$/, /^Sync a contact$/);
			const dialog = await openNewCredentialDialog(s.page, 'Rankr Credential');
			await renameCredential(s.page, dialog, 'Rankr production');
			await fillCredentialField(dialog, 'apiKey', rankr.apiKey);
			await fillCredentialField(dialog, 'baseUrl', rankr.url);
			expect(await unmaskedSecrets(dialog, [rankr.apiKey])).toEqual([]);
			await screenshot(s.page, 'credential-rankr-api.png');
			await saveCredential(s.page, dialog);
			expect(await credentialIn(s.page, 'Rankr Credential')).toBe('Rankr production');
			await pickCredential(s.page, 'GHL Credential', 'GHL sandbox');
			const contact = [...ghl.store.contacts.values()][0];
			await locatorRows(s.page, 'contactId', String(contact.email));
			await s.page.locator(T('rlc-item'), { hasText: String(contact.email) }).click();
			const output = await executeStep(s.page);
			await output.locator(T('radio-button-json')).click();
			await closeToasts(s.page);
			await screenshot(s.page, 'execution-ghl-rankr-sync-contact.png');
			const inRankr = rankr.store.contactBy('externalRef', `ghl:${ghl.locationId}:${contact.id}`);
			const json = (await output.innerText()).replace(/\s+/g, '');
			expect({ inRankr: Boolean(inRankr), shows: ['ghlContactId', 'rankrContactId', 'contact', 'changed'].map((k) => json.match(new RegExp(`"${k}":("[^"]*"|true|false)`))?.[1]) }).toEqual({
				inRankr: true,
				shows: [`"${contact.id}"`, `"${inRankr?.id}"`, '"created"', 'true'],
			});
			expect(rankr.contractViolations).toEqual([]);
			expect(editor.ourErrors(s)).toEqual([]);
		} finally {
			await s.context.close();
		}
	});

	it('the GHL OAuth2 API credential dialog shows the redirect URL to register and masks the client secret', async () => {
		const s = await editor.openSession();
		try {
			await editor.newWorkflowWithManualTrigger(s.page);
			await addFromPanel(s.page, 'node-creator-plus-button', 'GHL', /^GHL$/, /^Get many contacts$/);
			await choose(s.page, 'authentication', 'OAuth2 (Marketplace App)');
			const dialog = await openNewCredentialDialog(s.page, 'GHL Credential');
			await fillCredentialField(dialog, 'clientId', ghl.oauth.clientId);
			await fillCredentialField(dialog, 'clientSecret', ghl.oauth.clientSecret);
			expect(await dialog.innerText()).toContain(`${n8n.url}/rest/oauth2-credential/callback`);
			expect(await unmaskedSecrets(dialog, [ghl.oauth.clientSecret])).toEqual([]);
			await screenshot(s.page, 'credential-ghl-oauth2.png');
		} finally {
			await s.context.close();
		}
	});

	it('GHL Trigger → Source: GHL Workflow Custom Webhook asks for a GHL Webhook Secret credential, made in its dialog (secret masked, its test passes), and shows no issue', async () => {
		const secret = `whsec-browser-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
		registerSecret(secret, 'GHL webhook secret typed in the browser suite');
		const s = await editor.openSession();
		try {
			await editor.newWorkflow(s.page);
			await addFromPanel(s.page, 'canvas-add-button', 'GHL', /^GHL$/, /On contact create/i);
			expect(await credentialSlot(s.page, 'GHL Webhook Secret').count()).toBe(0);
			await choose(s.page, 'source', 'GHL Workflow Custom Webhook (Shared Secret)');
			const dialog = await openNewCredentialDialog(s.page, 'GHL Webhook Secret');
			await fillCredentialField(dialog, 'secret', secret);
			expect(await unmaskedSecrets(dialog, [secret])).toEqual([]);
			await screenshot(s.page, 'credential-ghl-webhook-secret.png');
			await saveCredential(s.page, dialog);
			expect(await credentialIn(s.page, 'GHL Webhook Secret')).toMatch(/^GHL Webhook Secret/);
			const slots = await credentialSlots(s.page);
			expect(slots.map((slot) => ({ label: slot.label, offersSandbox: slot.offers.some((o) => o.startsWith('GHL sandbox')) }))).toEqual([
				{ label: 'GHL Credential', offersSandbox: true },
				{ label: 'GHL Webhook Secret', offersSandbox: false },
			]);
			expect(await parameterIssues(s.page)).toEqual([]);
			expect(editor.ourErrors(s)).toEqual([]);
		} finally {
			await s.context.close();
		}
	});

	it('Schema view before a run: the node after GHL Rankr Sync → Sync Contact previews its output fields (the schema URL the editor asks resolves)', async () => {
		const s = await editor.openSession();
		const schemaAnswers: string[] = [];
		s.page.on('response', (r) => {
			if (r.url().includes('/schemas/')) schemaAnswers.push(`${r.status()} ${new URL(r.url()).pathname}`);
		});
		try {
			await editor.newWorkflowWithManualTrigger(s.page);
			await addFromPanel(s.page, 'node-creator-plus-button', 'GHL Rankr', /^GHL Rankr Sync$/, /^Sync a contact$/);
			await s.page.keyboard.press('Escape');
			// The input panel previews a parent's schema only for a node outside n8n's Core Nodes: a Rankr node.
			await addFromPanel(s.page, 'node-creator-plus-button', 'Rankr', /^Rankr$/, /^Get a contact$/);
			const input = s.page.locator(T('ndv-input-panel'));
			await input.locator(T('schema-preview-warning')).waitFor();
			const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'nodes/GhlRankrSync/__schema__/v1.0.0/ghlSync/syncContact.json'), 'utf8')) as { properties: Record<string, unknown> };
			const shown = (await input.locator(T('run-data-schema-item')).allTextContents()).map((t) => t.trim());
			await screenshot(s.page, 'schema-preview-ghl-rankr-sync.png');
			expect({
				asked: schemaAnswers.filter((a) => a.includes('ghlRankrSync')),
				missing: Object.keys(schema.properties).filter((k) => !shown.some((t) => t.startsWith(k))),
			}).toEqual({ asked: [`200 /schemas/${PACKAGE}.ghlRankrSync/1.0.0/ghlSync/syncContact.json`], missing: [] });
			// The preview the issue saw answer 404 (GHL → Contact → Get Many) answers too.
			expect((await fetch(`${n8n.url}/schemas/${PACKAGE}.ghl/1.0.0/contact/getMany.json`)).status).toBe(200);
		} finally {
			await s.context.close();
		}
	});
});
