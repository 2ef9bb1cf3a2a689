/**
 * Every shared template imported into a real n8n, given the credentials a user would pick, activated and
 * run against both sandboxes; each run must succeed and leave the sandboxes as the template promises.
 */
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { changeScore, clioChange, startRankrSandbox } from '../../sandbox/rankr';
import type { RankrSandbox } from '../../sandbox/rankr';
import type { N8n } from './harness/n8n';
import { startN8nWithPackage } from './harness/n8n';
import { prepareTemplate, readTemplate, templateFiles } from './harness/templates';

let n8n: N8n;
let ghl: GhlSandbox;
let rankr: RankrSandbox;
let setup: Parameters<typeof prepareTemplate>[1];

beforeAll(async () => {
	ghl = await startGhlSandbox({ seed: { contacts: 12, tasksPerContact: 1, notesPerContact: 1 } });
	rankr = await startRankrSandbox({ validateResponses: true });
	n8n = await startN8nWithPackage('templates');
	setup = {
		ghlCredential: await n8n.createCredential('GHL sandbox', 'ghlApi', { authType: 'location', token: ghl.token, locationId: ghl.locationId, baseUrl: ghl.url }),
		rankrCredential: await n8n.createCredential('Rankr sandbox', 'rankrApi', { apiKey: rankr.apiKey, baseUrl: rankr.url }),
		ghlPublicKeys: { ed25519: ghl.webhooks.ed25519PublicKeyPem, rsa: ghl.webhooks.rsaPublicKeyPem },
		scheduleSeconds: 3,
	};
});

afterAll(async () => {
	await n8n?.stop();
	await ghl?.close();
	await rankr?.close();
});

afterEach(() => expect(rankr.contractViolations).toEqual([]));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for at least `count` finished executions of a workflow; fails on any that did not succeed. */
async function finishedExecutions(workflowId: string, count: number, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const all = await n8n.executions(workflowId);
		const done = all.filter((e) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting');
		if (done.length >= count) {
			for (const e of done) if (e.status !== 'success') throw new Error(`execution ${e.id} ended ${e.status}: ${JSON.stringify(e.data?.resultData?.error ?? {}).slice(0, 600)}`);
			return done;
		}
		if (Date.now() > deadline) throw new Error(`only ${done.length} of ${count} executions finished`);
		await sleep(300);
	}
}

async function importAndActivate(file: string): Promise<{ id: string; workflow: ReturnType<typeof prepareTemplate> }> {
	const workflow = prepareTemplate(readTemplate(file), setup);
	const id = await n8n.importWorkflow(workflow as unknown as Record<string, unknown>);
	await n8n.api('POST', `/workflows/${id}/activate`);
	return { id, workflow };
}

function webhookUrlOf(workflow: ReturnType<typeof prepareTemplate>, type: string): string {
	const node = workflow.nodes.find((n) => n.type === type) as { webhookId?: string } | undefined;
	if (!node?.webhookId) throw new Error(`template has no ${type} with a webhookId`);
	return `${n8n.url}/webhook/${node.webhookId}/webhook`;
}

const refOf = (contactId: string) => `ghl:${ghl.locationId}:${contactId}`;
const rankrContact = (ref: string) => [...rankr.store.contacts.values()].find((c) => c.externalRef === ref);
const tasksOf = (id: string) => [...rankr.store.tasks.values()].filter((t) => t.contactId === id);
const notesOf = (id: string) => [...rankr.store.notes.values()].filter((n) => n.contactId === id);

describe('workflow templates run in n8n', () => {
	it('there are at least five templates, one per core flow', () => {
		expect(templateFiles().length).toBeGreaterThanOrEqual(5);
	});

	it('1: a new GHL contact becomes a Rankr contact with two starter tasks and a note, once', async () => {
		const { id, workflow } = await importAndActivate(templateFiles().find((f) => f.startsWith('1-')) as string);
		const url = webhookUrlOf(workflow, 'n8n-nodes-ghl-rankr.ghlTrigger');
		await n8n.waitForWebhook(url.slice(`${n8n.url}/webhook/`.length));
		const event = ghl.webhooks.build('ContactCreate');
		expect((await ghl.webhooks.send(url, event)).status).toBe(200);
		await finishedExecutions(id, 1);
		const contact = rankrContact(refOf(String(event.id)));
		expect(contact).toMatchObject({ email: String(event.email).toLowerCase(), source: 'ghl' });
		expect(tasksOf(contact!.id).map((t) => t.title).sort()).toEqual(['Book the onboarding call', 'Send the welcome pack']);
		expect(notesOf(contact!.id)).toHaveLength(1);
		// The same contact announced again (a new delivery): updated at most, no second set of tasks.
		expect((await ghl.webhooks.send(url, ghl.webhooks.build('ContactCreate'))).status).toBe(200);
		await finishedExecutions(id, 2);
		expect(tasksOf(contact!.id)).toHaveLength(2);
		await n8n.api('POST', `/workflows/${id}/deactivate`);
	});

	it('2: the scheduled pull upserts every GHL contact with business data and notes only new or changed ones', async () => {
		const { id } = await importAndActivate(templateFiles().find((f) => f.startsWith('2-')) as string);
		await finishedExecutions(id, 2, 90_000);
		await n8n.api('POST', `/workflows/${id}/deactivate`);
		const ghlContacts = ghl.store.contactsOf(ghl.locationId);
		for (const c of ghlContacts) {
			const synced = rankrContact(refOf(c.id));
			expect(synced).toBeDefined();
			expect(synced!.customFields).toHaveProperty('businessEmail');
			// Two runs, one note: the second run found every contact unchanged.
			expect(notesOf(synced!.id).filter((n) => n.body.startsWith('Enrichment from GHL'))).toHaveLength(1);
		}
	});

	it('3: a completed GHL task raises the Rankr score, tags the contact and writes the tag back to GHL', async () => {
		const { id, workflow } = await importAndActivate(templateFiles().find((f) => f.startsWith('3-')) as string);
		const url = webhookUrlOf(workflow, 'n8n-nodes-ghl-rankr.ghlTrigger');
		await n8n.waitForWebhook(url.slice(`${n8n.url}/webhook/`.length));
		const event = ghl.webhooks.build('TaskComplete');
		const before = rankrContact(refOf(String(event.contactId)))?.score ?? 0;
		expect((await ghl.webhooks.send(url, event)).status).toBe(200);
		await finishedExecutions(id, 1);
		await n8n.api('POST', `/workflows/${id}/deactivate`);
		const contact = rankrContact(refOf(String(event.contactId)));
		expect(contact?.score).toBe(before + 10);
		expect(contact?.tags).toContain('task-completed');
		expect(ghl.store.contacts.get(String(event.contactId))?.tags).toContain('task-completed');
	});

	it('4: the parity report finds what differs, re-syncs it, and the next day finds the two in parity', async () => {
		const { id } = await importAndActivate(templateFiles().find((f) => f.startsWith('4-')) as string);
		const executions = await finishedExecutions(id, 2, 120_000);
		await n8n.api('POST', `/workflows/${id}/deactivate`);
		const reportOf = (e: { data?: any }) => e.data.resultData.runData['Write the Report'][0].data.main[0][0].json;
		const [first, second] = [...executions].sort((a, b) => Number(a.id) - Number(b.id)).map(reportOf);
		// Templates 1–3 copied contacts but not their GHL tasks and notes: the first report says so…
		expect(first.inParity).toBe(false);
		expect(first.report).toContain('GHL ↔ Rankr parity');
		// …Sync Contact copied them, and the second run finds nothing to repair.
		expect(second).toMatchObject({ inParity: true, missing: [], extra: [], duplicated: [], different: [] });
		const c = ghl.store.contactsOf(ghl.locationId)[0];
		const synced = rankrContact(refOf(c.id));
		expect(tasksOf(synced!.id).some((t) => t.externalRef?.startsWith(`ghl:${ghl.locationId}:task:`))).toBe(true);
	});

	it('5: a Rankr score change reaches GHL: custom field written, call task created; the trigger subscribes and unsubscribes', async () => {
		const { id, workflow } = await importAndActivate(templateFiles().find((f) => f.startsWith('5-')) as string);
		const url = webhookUrlOf(workflow, 'n8n-nodes-ghl-rankr.rankrTrigger');
		expect([...rankr.store.webhooks.values()]).toEqual([expect.objectContaining({ url, events: ['score.changed'] })]);
		await n8n.waitForWebhook(url.slice(`${n8n.url}/webhook/`.length));
		const ghlContact = ghl.store.contactsOf(ghl.locationId)[1];
		const contact = rankrContact(refOf(ghlContact.id));
		const before = contact!.score;
		changeScore(rankr.store, contact!.id, 60, { source: 'api', reason: 'booked a demo' });
		await rankr.flushWebhooks();
		await finishedExecutions(id, 1);
		await n8n.api('POST', `/workflows/${id}/deactivate`);
		expect(rankr.store.webhooks.size).toBe(0);
		const field = [...ghl.store.customFields.values()].find((f) => f.fieldKey === 'contact.lead_score');
		expect(ghl.store.contacts.get(ghlContact.id)?.customFields).toContainEqual({ id: field!.id, value: before + 60 });
		const tasks = [...ghl.store.tasks.values()].filter((t) => t.contactId === ghlContact.id);
		expect(tasks.some((t) => String(t.title).includes(`Rankr lead score ${before + 60}`))).toBe(true);
	});

	it('8: the two-way reconcile brings a Clio-made Rankr contact to GHL and a GHL-only contact to Rankr; the next run finds parity and repairs nothing', async () => {
		const clioContact = clioChange(rankr.store, 'contact', { clioId: 'e2e-clio-8', email: 'clio.eight@law.example', firstName: 'Clio', lastName: 'Eight' }) as { id: string };
		clioChange(rankr.store, 'task', { contactClioId: 'e2e-clio-8', clioTaskId: 'e2e-t8', title: 'Prepare the filing', status: 'pending', dueAt: '2030-05-01T09:00:00.000Z' });
		const ghlOnly = ghl.store.addContact(ghl.locationId, { firstName: 'Ghl', lastName: 'Eight', email: 'ghl.eight@example.test' });
		const file = templateFiles().find((f) => f.startsWith('8-')) as string;
		const reportOf = (e: { data?: any }) => e.data.resultData.runData['Write the Report'][0].data.main[0][0].json;
		// One run at a time: a run that checks and repairs every contact at the sandbox's GHL pace takes longer
		// than the suite's 3-second schedule, and runs started on top of each other would repair the same contacts.
		const id = await n8n.importWorkflow(prepareTemplate(readTemplate(file), { ...setup, scheduleSeconds: 30 }) as unknown as Record<string, unknown>);
		const runOnce = async (before: number) => {
			await n8n.api('POST', `/workflows/${id}/activate`);
			await finishedExecutions(id, before + 1, 180_000);
			await n8n.api('POST', `/workflows/${id}/deactivate`);
			for (let i = 0; i < 200 && (await n8n.executions(id)).some((e) => e.status === 'running' || e.status === 'new'); i++) await sleep(300);
			return [...(await finishedExecutions(id, before + 1))].sort((a, b) => Number(a.id) - Number(b.id));
		};
		const first = await runOnce(0);
		expect(first).toHaveLength(1);
		const reports = first.map(reportOf);
		const firstReport = reports[0];
		expect(firstReport.subject).toContain('GHL ↔ Rankr reconcile');
		for (const r of reports) expect(r.repairFailures).toEqual([]);
		const repaired = reports.flatMap((r) => r.repaired);
		if (!repaired.some((x) => x.rankrContactId === clioContact.id)) process.stdout.write(`template 8 reports: ${JSON.stringify(reports.map((r) => ({ ...r, report: undefined }))).slice(0, 6000)}\n`);
		expect(repaired).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ rankrContactId: clioContact.id, direction: 'rankrToGhl' }),
				expect.objectContaining({ ghlContactId: ghlOnly.id, direction: 'ghlToRankr' }),
			]),
		);
		const inGhl = ghl.store.contactsOf(ghl.locationId).filter((c) => c.email === 'clio.eight@law.example');
		expect(inGhl).toHaveLength(1);
		expect([...ghl.store.tasks.values()].filter((t) => t.contactId === inGhl[0].id).map((t) => t.title)).toEqual(['Prepare the filing']);
		expect(rankrContact(refOf(ghlOnly.id))).toMatchObject({ email: 'ghl.eight@example.test' });

		const all = await runOnce(first.length);
		expect(all).toHaveLength(2);
		const last = reportOf(all[all.length - 1]);
		expect(last).toMatchObject({ inParity: true, repaired: [], repairFailures: [], missing: [], extra: [], duplicated: [], different: [], complete: true });
		expect(last.rankrToGhl).toMatchObject({ missing: [], extra: [], duplicated: [], different: [] });
		expect(last.report).toContain('in parity');
	});
});
