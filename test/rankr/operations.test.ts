/**
 * Every Rankr node operation against the Rankr sandbox, which checks each request against the contract
 * (docs/rankr-openapi.yaml) and each answer too: any mismatch lands in `contractViolations`.
 */
import fs from 'node:fs';

import { parse } from 'yaml';

import { addNote, addRule, addTask, addWebhook, changeScore, RANKR_CONTRACT_PATH } from '../../sandbox/rankr';
import { byId, byRef, rankrSuite } from './setup';

const { state, run, ok } = rankrSuite();
const exercised = new Set<string>();

afterEach(() => {
	for (const r of state.sb.requests) if (r.operationId) exercised.add(r.operationId);
	expect(state.sb.contractViolations).toEqual([]);
});

const seedContact = (extra: Record<string, unknown> = {}) =>
	state.sb.store.addContact({ email: 'ada@example.test', firstName: 'Ada', externalRef: 'ghl:loc1:c1', ...extra });

describe('Rankr node: account and contacts', () => {
	it('Account → Get answers who the key belongs to', async () => {
		const [me] = await ok({ resource: 'account', operation: 'get' });
		expect(me).toMatchObject({ accountId: expect.any(String), keyId: expect.any(String) });
	});

	it('creates a contact, simplified by default and whole when asked', async () => {
		const [simple] = await ok({ resource: 'contact', operation: 'create', email: 'Grace@Example.test', additionalFields: { firstName: 'Grace', tags: 'VIP, lead', country: 'us', customFields: { field: [{ key: 'industry', value: 'navy' }] } } });
		expect(simple).toMatchObject({ email: 'grace@example.test', firstName: 'Grace', tags: ['vip', 'lead'], score: 0 });
		expect(simple).not.toHaveProperty('customFields');
		const [whole] = await ok({ resource: 'contact', operation: 'create', email: 'x@example.test', simplify: false, additionalFields: { phone: '+1 415 555 0100' } });
		expect(whole).toMatchObject({ phone: '+1 415 555 0100', customFields: {}, createdAt: expect.any(String) });
		const create = state.sb.requests.find((r) => r.operationId === 'createContact');
		expect(create?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('gets a contact by ID and by External Ref', async () => {
		const c = seedContact();
		expect((await ok({ resource: 'contact', operation: 'get', contactId: byId(c.id) }))[0]).toMatchObject({ id: c.id, email: 'ada@example.test' });
		expect((await ok({ resource: 'contact', operation: 'get', contactId: byRef('ghl:loc1:c1') }))[0]).toMatchObject({ id: c.id });
	});

	it('an unknown External Ref is a clear error, not an empty item', async () => {
		const result = await run({ resource: 'contact', operation: 'get', contactId: byRef('ghl:loc1:nobody') });
		expect(result.error?.message).toBe('Contact: no Rankr contact has External Ref "ghl:loc1:nobody" [item 0]');
	});

	it('lists contacts with filters, Limit across pages and Return All', async () => {
		state.sb.store.seedContacts(230);
		seedContact({ tags: ['pioneer'] });
		const limited = await ok({ resource: 'contact', operation: 'getMany', limit: 120 });
		expect(limited).toHaveLength(120);
		expect(new Set(limited.map((c) => c.id)).size).toBe(120);
		expect(await ok({ resource: 'contact', operation: 'getMany', returnAll: true })).toHaveLength(231);
		const pioneers = await ok({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { tag: 'PIONEER' } });
		expect(pioneers.map((c) => c.email)).toEqual(['ada@example.test']);
		const prefixed = await ok({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { externalRefPrefix: 'ghl:loc1:', email: 'ADA@example.test', q: 'ada', updatedSince: '2000-01-01T00:00:00Z' } });
		expect(prefixed).toHaveLength(1);
		const exact = await ok({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { externalRef: 'ghl:loc1:c1' } });
		expect(exact).toHaveLength(1);
	});

	it('updates only the fields given, and deletes', async () => {
		const c = seedContact({ city: 'London' });
		const [updated] = await ok({ resource: 'contact', operation: 'update', contactId: byId(c.id), updateFields: { lastName: 'Lovelace', dnd: true }, simplify: false });
		expect(updated).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', city: 'London', dnd: true });
		expect(await ok({ resource: 'contact', operation: 'delete', contactId: byId(c.id) })).toEqual([{ deleted: true, id: c.id }]);
		expect(state.sb.store.contacts.size).toBe(0);
	});

	it('Archive keeps the contact with its tasks and notes, Get Many filters on it, and Unarchive restores it', async () => {
		const c = seedContact();
		const other = state.sb.store.addContact({ email: 'grace@example.test' });
		addTask(state.sb.store, c.id, { title: 'Call' });
		addNote(state.sb.store, c.id, { body: 'Met' });
		const [archived] = await ok({ resource: 'contact', operation: 'archive', contactId: byRef('ghl:loc1:c1') });
		expect(archived).toMatchObject({ id: c.id, archivedAt: expect.any(String) });
		expect(state.sb.store.tasks.size + state.sb.store.notes.size).toBe(2);
		const list = async (archivedFilter?: string) =>
			(await ok({ resource: 'contact', operation: 'getMany', returnAll: true, filters: archivedFilter ? { archived: archivedFilter } : {} })).map((x) => x.id);
		expect(await list()).toEqual([c.id, other.id]);
		expect(await list('only')).toEqual([c.id]);
		expect(await list('exclude')).toEqual([other.id]);
		const [restored] = await ok({ resource: 'contact', operation: 'unarchive', contactId: byId(c.id) });
		expect(restored).toMatchObject({ id: c.id, archivedAt: null });
		expect(await list('only')).toEqual([]);
	});

	it('Create or Update Many upserts every item by External Ref in one batch request, a result per item', async () => {
		const items = [{ ref: 'ghl:loc1:m1', name: 'Mo' }, { ref: 'ghl:loc1:m2', name: 'Noor' }];
		const out = await ok({ resource: 'contact', operation: 'upsertMany', externalRef: '={{ $json.ref }}', additionalFields: { firstName: '={{ $json.name }}' } }, items);
		expect(out).toMatchObject([{ upsertAction: 'created', firstName: 'Mo' }, { upsertAction: 'created', firstName: 'Noor' }]);
		expect(state.sb.requests.filter((r) => r.operationId === 'batchUpsertContacts')).toHaveLength(1);
	});

	it('upserts by External Ref and by email, saying what happened', async () => {
		const params = { resource: 'contact', operation: 'upsert', matchBy: 'externalRef', externalRef: 'ghl:loc1:c9', additionalFields: { email: 'lin@example.test', firstName: 'Lin' } };
		expect((await ok(params))[0]).toMatchObject({ upsertAction: 'created', firstName: 'Lin' });
		expect((await ok(params))[0]).toMatchObject({ upsertAction: 'unchanged' });
		const [raw] = await ok({ resource: 'contact', operation: 'upsert', matchBy: 'email', email: 'lin@example.test', additionalFields: { city: 'Oslo' }, simplify: false });
		expect(raw).toMatchObject({ action: 'updated', contact: { city: 'Oslo', externalRef: 'ghl:loc1:c9' } });
		expect(state.sb.store.contacts.size).toBe(1);
	});
});

describe('Rankr node: tasks, notes, tags, scores', () => {
	it('task create, get, list (status filter, Limit), update, complete, reopen, delete', async () => {
		const c = seedContact();
		const contactId = byId(c.id);
		const [task] = await ok({ resource: 'task', operation: 'create', contactId, title: 'Call Ada', additionalFields: { dueAt: '2030-05-01T09:00:00Z', assignee: 'sam', externalRef: 'ghl:loc1:task:t1', description: 'About the quote' } });
		expect(task).toMatchObject({ title: 'Call Ada', dueAt: '2030-05-01T09:00:00.000Z', completed: false, externalRef: 'ghl:loc1:task:t1' });
		addTask(state.sb.store, c.id, { title: 'Second', completed: true });
		expect((await ok({ resource: 'task', operation: 'get', contactId, taskId: task.id }))[0]).toMatchObject({ id: task.id });
		expect(await ok({ resource: 'task', operation: 'getMany', contactId, returnAll: true })).toHaveLength(2);
		expect(await ok({ resource: 'task', operation: 'getMany', contactId, limit: 1 })).toHaveLength(1);
		const open = await ok({ resource: 'task', operation: 'getMany', contactId, returnAll: true, filters: { status: 'open', externalRef: 'ghl:loc1:task:t1' } });
		expect(open.map((t) => t.title)).toEqual(['Call Ada']);
		expect((await ok({ resource: 'task', operation: 'update', contactId, taskId: task.id, updateFields: { title: 'Call Ada back' } }))[0]).toMatchObject({ title: 'Call Ada back' });
		expect((await ok({ resource: 'task', operation: 'complete', contactId, taskId: task.id }))[0]).toMatchObject({ completed: true, completedAt: expect.any(String) });
		expect((await ok({ resource: 'task', operation: 'complete', contactId, taskId: task.id, completed: false }))[0]).toMatchObject({ completed: false });
		expect(await ok({ resource: 'task', operation: 'delete', contactId: byRef('ghl:loc1:c1'), taskId: task.id })).toEqual([{ deleted: true, id: task.id }]);
	});

	it('note create, get, list, update, delete', async () => {
		const c = seedContact();
		const contactId = byId(c.id);
		const [note] = await ok({ resource: 'note', operation: 'create', contactId, body: 'Met at the fair', additionalFields: { externalRef: 'ghl:loc1:note:n1' } });
		addNote(state.sb.store, c.id, { body: 'Other' });
		expect((await ok({ resource: 'note', operation: 'get', contactId, noteId: note.id }))[0]).toMatchObject({ body: 'Met at the fair' });
		expect(await ok({ resource: 'note', operation: 'getMany', contactId, returnAll: true })).toHaveLength(2);
		expect(await ok({ resource: 'note', operation: 'getMany', contactId, returnAll: true, filters: { externalRef: 'ghl:loc1:note:n1' } })).toHaveLength(1);
		expect((await ok({ resource: 'note', operation: 'update', contactId, noteId: note.id, updateFields: { body: 'Met at the spring fair' } }))[0]).toMatchObject({ body: 'Met at the spring fair' });
		expect(await ok({ resource: 'note', operation: 'delete', contactId, noteId: note.id })).toEqual([{ deleted: true, id: note.id }]);
	});

	it('tags: add, set, remove several, list the account’s', async () => {
		const c = seedContact({ tags: ['lead'] });
		const contactId = byId(c.id);
		expect((await ok({ resource: 'tag', operation: 'add', contactId, tags: 'Hot, webinar, lead' }))[0]).toEqual({ contactId: c.id, tags: ['lead', 'hot', 'webinar'] });
		expect((await ok({ resource: 'tag', operation: 'remove', contactId, tags: ['hot', 'webinar'] }))[0]).toEqual({ contactId: c.id, tags: ['lead'] });
		expect((await ok({ resource: 'tag', operation: 'set', contactId, tags: ['a b', 'c'] }))[0]).toEqual({ contactId: c.id, tags: ['a b', 'c'] });
		state.sb.store.addContact({ email: 'b@example.test', tags: ['c'] });
		const tags = await ok({ resource: 'tag', operation: 'getMany', returnAll: true });
		expect(tags).toEqual(expect.arrayContaining([{ name: 'c', contactCount: 2 }, { name: 'a b', contactCount: 1 }]));
		expect(await ok({ resource: 'tag', operation: 'getMany', returnAll: true, filters: { prefix: 'A' } })).toEqual([{ name: 'a b', contactCount: 1 }]);
		expect((await ok({ resource: 'tag', operation: 'set', contactId, tags: '' }))[0]).toEqual({ contactId: c.id, tags: [] });
	});

	it('scores: get, set, adjust with a reason, history', async () => {
		const c = seedContact();
		const contactId = byId(c.id);
		expect((await ok({ resource: 'score', operation: 'get', contactId }))[0]).toMatchObject({ score: 0 });
		expect((await ok({ resource: 'score', operation: 'set', contactId, score: 40, reason: 'imported' }))[0]).toMatchObject({ score: 40 });
		expect((await ok({ resource: 'score', operation: 'adjust', contactId, delta: -5, reason: 'bounced email' }))[0]).toMatchObject({ score: 35 });
		changeScore(state.sb.store, c.id, 1, { source: 'api', reason: 'seed' });
		const history = await ok({ resource: 'score', operation: 'getHistory', contactId, returnAll: true });
		expect(history.map((h) => h.delta)).toEqual([40, -5, 1]);
		expect(await ok({ resource: 'score', operation: 'getHistory', contactId, limit: 2 })).toHaveLength(2);
	});
});

describe('Rankr node: rules, events, webhooks', () => {
	it('rule create (conditions typed), get, list with filters, update, delete', async () => {
		const [rule] = await ok({
			resource: 'rule',
			operation: 'create',
			name: 'Task done → +10',
			eventType: 'ghl.TaskComplete',
			conditions: { condition: [{ field: 'task.title', valueType: 'string', equals: 'Demo' }, { field: 'attempt', valueType: 'number', equals: '2' }, { field: 'vip', valueType: 'boolean', equals: 'TRUE' }] },
			actions: { action: [{ type: 'adjustScore', delta: 10, reason: 'task done' }, { type: 'addTag', tag: 'Engaged' }, { type: 'createTask', title: 'Follow up', dueInDays: 2 }] },
		});
		expect(rule).toMatchObject({
			enabled: true,
			conditions: [{ field: 'task.title', equals: 'Demo' }, { field: 'attempt', equals: 2 }, { field: 'vip', equals: true }],
			actions: [{ type: 'adjustScore', delta: 10, reason: 'task done' }, { type: 'addTag', tag: 'engaged' }, { type: 'createTask', title: 'Follow up', dueInDays: 2 }],
		});
		addRule(state.sb.store, { name: 'Other', eventType: 'ghl.ContactTagUpdate', enabled: false, actions: [{ type: 'addTag', tag: 'x' }] });
		expect((await ok({ resource: 'rule', operation: 'get', ruleId: rule.id }))[0]).toMatchObject({ name: 'Task done → +10' });
		expect(await ok({ resource: 'rule', operation: 'getMany', returnAll: true })).toHaveLength(2);
		expect(await ok({ resource: 'rule', operation: 'getMany', returnAll: true, filters: { state: 'disabled' } })).toHaveLength(1);
		expect(await ok({ resource: 'rule', operation: 'getMany', returnAll: true, filters: { eventType: 'ghl.TaskComplete', state: 'enabled' } })).toHaveLength(1);
		const [updated] = await ok({ resource: 'rule', operation: 'update', ruleId: rule.id, updateFields: { enabled: false, actions: { action: [{ type: 'removeTag', tag: 'cold' }] } } });
		expect(updated).toMatchObject({ enabled: false, actions: [{ type: 'removeTag', tag: 'cold' }] });
		expect(await ok({ resource: 'rule', operation: 'delete', ruleId: rule.id })).toEqual([{ deleted: true, id: rule.id }]);
	});

	it('sends an event by External Ref and returns what the rules did', async () => {
		const c = seedContact();
		addRule(state.sb.store, { name: 'r', eventType: 'ghl.TaskComplete', actions: [{ type: 'adjustScore', delta: 10, reason: 'done' }, { type: 'addTag', tag: 'engaged' }] });
		const [result] = await ok({ resource: 'event', operation: 'send', eventType: 'ghl.TaskComplete', contactId: byRef('ghl:loc1:c1'), payload: '{"task": {"title": "Demo"}}', additionalFields: { occurredAt: '2026-11-01T10:00:00Z' } });
		expect(result).toMatchObject({ contactId: c.id, matchedRules: [expect.any(String)], actions: [{ type: 'adjustScore', delta: 10, score: 10 }, { type: 'addTag', tag: 'engaged' }] });
		const sent = state.sb.requests.find((r) => r.operationId === 'sendEvent');
		expect(sent?.body).toMatchObject({ contactExternalRef: 'ghl:loc1:c1', payload: { task: { title: 'Demo' } }, occurredAt: '2026-11-01T10:00:00.000Z' });
		const [byContactId] = await ok({ resource: 'event', operation: 'send', eventType: 'other', contactId: byId(c.id) });
		expect(byContactId).toMatchObject({ matchedRules: [], actions: [] });
	});

	it('webhooks: create (never outputs the signing secret), get, list, delete', async () => {
		const [hook] = await ok({ resource: 'webhook', operation: 'create', url: 'http://127.0.0.1:9/hook', events: ['contact.created', 'score.changed'], description: 'test' });
		expect(hook).toMatchObject({ id: expect.stringMatching(/^whk_/), secret: null, secretNote: expect.stringContaining('Rankr Trigger') });
		expect(state.sb.store.webhooks.get(String(hook.id))?.secret).toMatch(/^whsec_/);
		addWebhook(state.sb.store, { url: 'http://127.0.0.1:9/other', events: ['tag.added'] });
		const [got] = await ok({ resource: 'webhook', operation: 'get', webhookId: hook.id });
		expect(got).toMatchObject({ url: 'http://127.0.0.1:9/hook', events: ['contact.created', 'score.changed'] });
		expect(got).not.toHaveProperty('secret');
		expect(await ok({ resource: 'webhook', operation: 'getMany', returnAll: true })).toHaveLength(2);
		expect(await ok({ resource: 'webhook', operation: 'delete', webhookId: hook.id })).toEqual([{ deleted: true, id: hook.id }]);
	});
});

/** The task and note batch upserts serve GHL Rankr Sync → Sync Location (test/sync/syncLocation*.test.ts) only. */
const SYNC_ONLY = ['batchUpsertTasks', 'batchUpsertNotes'];

describe('the contract is covered', () => {
	it('every operation of docs/rankr-openapi.yaml but the sync’s task and note batch upserts was exercised by the node above', () => {
		const contract = parse(fs.readFileSync(RANKR_CONTRACT_PATH, 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> };
		const operationIds = Object.values(contract.paths).flatMap((methods) =>
			Object.values(methods).map((op) => op?.operationId).filter((id): id is string => Boolean(id)),
		);
		expect(operationIds).toHaveLength(39);
		expect(operationIds.filter((id) => !exercised.has(id) && !SYNC_ONLY.includes(id))).toEqual([]);
	});
});
