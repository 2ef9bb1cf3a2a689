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
	it('there are the templates, one per core flow', () => {
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

	it('2: the hourly incremental sync copies every contact with tasks and notes, then writes only the contact GHL changed', async () => {
		const { id } = await importAndActivate(templateFiles().find((f) => f.startsWith('2-')) as string);
		const ghlContacts = ghl.store.contactsOf(ghl.locationId);
		const ghlChildren = (store: Map<string, { contactId: string }>, contactId: string) => [...store.values()].filter((x) => x.contactId === contactId);
		const enrichment = (rankrId: string) => notesOf(rankrId).filter((n) => n.body.startsWith('Enrichment from GHL'));
		// Runs overlap when one takes longer than the schedule's 3 s: wait until none is running.
		let runs = (await finishedExecutions(id, 1, 90_000)).length;
		while ((await n8n.executions(id)).length > runs || runs < 2) {
			await sleep(300);
			runs = (await finishedExecutions(id, runs)).length;
		}
		// The first run: every contact with its GHL tasks and notes, business data and one enrichment note.
		for (const c of ghlContacts) {
			const synced = rankrContact(refOf(c.id));
			expect(synced).toBeDefined();
			expect(synced!.customFields).toHaveProperty('businessEmail');
			expect(tasksOf(synced!.id).filter((t) => t.externalRef?.startsWith(`ghl:${ghl.locationId}:task:`))).toHaveLength(ghlChildren(ghl.store.tasks, c.id).length);
			expect(notesOf(synced!.id).filter((n) => n.externalRef?.startsWith(`ghl:${ghl.locationId}:note:`))).toHaveLength(ghlChildren(ghl.store.notes, c.id).length);
			expect(enrichment(synced!.id)).toHaveLength(1);
		}

		// A change in GHL: the next scheduled run writes that contact only (and a run after it nothing).
		const ghlMark = ghl.requests.length;
		const rankrMark = rankr.requests.length;
		const changed = ghlContacts[2];
		// A new web domain: a Rankr field for Sync Location, and new business data (companyDomain) for the template.
		ghl.store.updateContact(changed.id, { website: 'https://changed-company.example' });
		const deadline = Date.now() + 60_000;
		while (rankrContact(refOf(changed.id))?.website !== 'https://changed-company.example' || enrichment(rankrContact(refOf(changed.id))!.id).length < 2) {
			if (Date.now() > deadline) throw new Error('the change did not reach Rankr within 60 s');
			await sleep(300);
		}
		const seen = (await finishedExecutions(id, runs)).length;
		await finishedExecutions(id, seen + 1, 60_000);
		await n8n.api('POST', `/workflows/${id}/deactivate`);

		const written = rankr.requests.slice(rankrMark).filter((r) => r.method !== 'GET');
		const body = (r: (typeof written)[number]) => r.body as Record<string, Array<{ externalRef?: string; contactId?: string }>>;
		const upserts = written.filter((r) => r.path === '/v1/contacts/batch-upsert');
		expect(upserts.length).toBeGreaterThanOrEqual(1);
		for (const r of upserts) expect(body(r).contacts.map((x) => x.externalRef)).toEqual([refOf(changed.id)]);
		const rankrId = rankrContact(refOf(changed.id))!.id;
		for (const r of written.filter((x) => /\/(tasks|notes)\/batch-upsert$/.test(x.path))) {
			for (const record of Object.values(body(r)).flat()) expect(record.contactId).toBe(rankrId);
		}
		// The business-data step ran for that contact alone: one upsert, one more enrichment note.
		expect(written.filter((r) => r.path === '/v1/contacts/upsert').map((r) => (r.body as { externalRef: string }).externalRef)).toEqual([refOf(changed.id)]);
		expect(enrichment(rankrId)).toHaveLength(2);
		expect(rankrContact(refOf(changed.id))!.customFields).toMatchObject({ companyDomain: 'changed-company.example' });
		for (const c of ghlContacts.filter((x) => x.id !== changed.id)) expect(enrichment(rankrContact(refOf(c.id))!.id)).toHaveLength(1);
		// GHL: searches, and reads of that contact only.
		const reads = ghl.requests.slice(ghlMark).filter((r) => r.method === 'GET').map((r) => r.path);
		expect(reads.length).toBeGreaterThanOrEqual(2);
		for (const path of reads) expect(path.startsWith(`/contacts/${changed.id}`)).toBe(true);
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
		// A GHL change no sync has copied yet (a new task on a contact already in Rankr), so the first report has a difference.
		const target = ghl.store.contactsOf(ghl.locationId).find((c) => rankrContact(refOf(c.id)))!;
		ghl.store.addTask(target.id, { title: 'Call back after the sync', body: '', dueDate: '2031-01-01T00:00:00.000Z' });
		const { id } = await importAndActivate(templateFiles().find((f) => f.startsWith('4-')) as string);
		const executions = await finishedExecutions(id, 2, 120_000);
		await n8n.api('POST', `/workflows/${id}/deactivate`);
		const reportOf = (e: { data?: any }) => e.data.resultData.runData['Write the Report'][0].data.main[0][0].json;
		const [first, second] = [...executions].sort((a, b) => Number(a.id) - Number(b.id)).map(reportOf);
		// …the first report says so…
		expect(first.inParity).toBe(false);
		expect(first.report).toContain('GHL ↔ Rankr parity');
		// …Sync Contact copied them, and the second run finds nothing to repair.
		expect(second).toMatchObject({ inParity: true, missing: [], extra: [], duplicated: [], different: [] });
		const synced = rankrContact(refOf(target.id));
		expect(tasksOf(synced!.id).map((t) => t.title)).toContain('Call back after the sync');
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

	it('6: Clio (via Rankr) reaches GHL: contact, task with status and due date, note; completion, merge and delete follow; the sync’s own writes are not run', async () => {
		const { id, workflow } = await importAndActivate(templateFiles().find((f) => f.startsWith('6-')) as string);
		const url = webhookUrlOf(workflow, 'n8n-nodes-ghl-rankr.rankrTrigger');
		await n8n.waitForWebhook(url.slice(`${n8n.url}/webhook/`.length));
		const hook = [...rankr.store.webhooks.values()].find((h) => h.url === url)!;
		const originOf = (d: (typeof rankr.deliveries)[number]) => (d.body as unknown as { origin: string }).origin;
		const ours = () => rankr.deliveries.filter((d) => d.webhookId === hook.id);
		/** One change through the sandbox's Clio endpoint, then every execution it started (one per event not from GHL). */
		const clio = async (action: string, body: Record<string, unknown>) => {
			const res = await fetch(`${rankr.url}/_sandbox/clio/${action}`, {
				method: 'POST',
				headers: { authorization: `Bearer ${rankr.apiKey}`, 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			expect(res.status).toBe(200);
			await rankr.flushWebhooks();
			await finishedExecutions(id, ours().filter((d) => originOf(d) !== 'ghl').length);
		};
		const ghlByEmail = (email: string) => ghl.store.contactsOf(ghl.locationId).find((c) => c.email === email)!;
		const ghlTasksOf = (contactId: string) => [...ghl.store.tasks.values()].filter((t) => t.contactId === contactId);
		const ghlNotesOf = (contactId: string) => [...ghl.store.notes.values()].filter((n) => n.contactId === contactId);

		await clio('contact', { clioId: 'clio-ann', email: 'ann@law.example', firstName: 'Ann', lastName: 'Lee', companyName: 'Lee & Co' });
		await clio('task', { contactClioId: 'clio-ann', clioTaskId: 'clio-t1', title: 'File motion', status: 'in_progress', dueAt: '2030-02-01T09:00:00.000Z' });
		await clio('note', { contactClioId: 'clio-ann', clioNoteId: 'clio-n1', body: 'Retainer signed' });
		const ann = ghlByEmail('ann@law.example');
		expect(ann).toMatchObject({ firstName: 'Ann', lastName: 'Lee', companyName: 'Lee & Co' });
		expect(ghlTasksOf(ann.id)).toEqual([expect.objectContaining({ title: 'File motion', dueDate: '2030-02-01T09:00:00.000Z', completed: false })]);
		expect(ghlNotesOf(ann.id).map((n) => n.body)).toEqual(['Retainer signed']);

		await clio('task', { contactClioId: 'clio-ann', clioTaskId: 'clio-t1', status: 'complete' });
		expect(ghlTasksOf(ann.id)).toEqual([expect.objectContaining({ title: 'File motion', completed: true })]);

		// A second Clio contact, merged by Clio into Ann: Ann's GHL contact gets its task and note, its own GHL contact is soft-deleted.
		await clio('contact', { clioId: 'clio-bo', email: 'bo@law.example', firstName: 'Bo' });
		await clio('task', { contactClioId: 'clio-bo', clioTaskId: 'clio-t2', title: 'Sign engagement letter', status: 'pending', dueAt: '2030-03-01T09:00:00.000Z' });
		await clio('note', { contactClioId: 'clio-bo', clioNoteId: 'clio-n2', body: 'Referred by Ann' });
		const bo = ghlByEmail('bo@law.example');
		await clio('merge', { survivorClioId: 'clio-ann', mergedClioId: 'clio-bo' });
		expect(ghlTasksOf(ann.id).map((t) => t.title).sort()).toEqual(['File motion', 'Sign engagement letter']);
		expect(ghlNotesOf(ann.id).map((n) => n.body).sort()).toEqual(['Referred by Ann', 'Retainer signed']);
		expect(ghl.store.contacts.get(bo.id)).toMatchObject({ tags: expect.arrayContaining(['deleted-in-rankr']), dnd: true });

		// Clio deletes Ann: a soft delete in GHL, the contact and what it holds kept.
		await clio('delete', { clioId: 'clio-ann' });
		expect(ghl.store.contacts.get(ann.id)).toMatchObject({ tags: expect.arrayContaining(['deleted-in-rankr']), dnd: true });
		expect(ghlTasksOf(ann.id)).toHaveLength(2);
		expect(ghl.store.contacts.get(bo.id)).toBeDefined();

		// The loop guard: the sync's own Rankr writes (its links) fired events with origin ghl, answered 200 and not run.
		await rankr.flushWebhooks();
		await sleep(1000);
		const echoes = ours().filter((d) => originOf(d) === 'ghl');
		expect(echoes.length).toBeGreaterThan(0);
		expect(echoes.every((d) => d.status === 200)).toBe(true);
		expect((await n8n.executions(id)).length).toBe(ours().length - echoes.length);
		await n8n.api('POST', `/workflows/${id}/deactivate`);
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
