/** What the Rankr sandbox does beyond the shapes: upsert, pages, idempotency, uniqueness, limits, faults, violations. */
import type { Contact, RankrSandbox } from '../../sandbox/rankr';
import { addNote, addTask, changeScore, startRankrSandbox } from '../../sandbox/rankr';
import { rankrClient } from './rankrClient';

describe('Rankr sandbox behaviour', () => {
	let sb: RankrSandbox;
	const call = rankrClient(() => sb);
	beforeEach(async () => {
		sb = await startRankrSandbox({ validateResponses: true });
	});
	afterEach(async () => sb.close());

	describe('upsert', () => {
		it('says created, then unchanged for the same values (any email case, tags in any order), then updated', async () => {
			const body = { externalRef: 'ghl:loc:1', email: 'Ada@Example.com', firstName: 'Ada', tags: ['VIP', 'lead'] };
			const created = await call('POST', '/v1/contacts/upsert', body);
			expect(created.status).toBe(201);
			expect(created.body.action).toBe('created');
			expect(created.body.contact).toMatchObject({ email: 'ada@example.com', tags: ['vip', 'lead'] });

			const again = await call('POST', '/v1/contacts/upsert', { ...body, email: 'ADA@example.com', tags: ['lead', ' vip '] });
			expect(again.status).toBe(200);
			expect(again.body.action).toBe('unchanged');
			expect(again.body.contact.updatedAt).toBe(created.body.contact.updatedAt);

			const updated = await call('POST', '/v1/contacts/upsert', { externalRef: 'ghl:loc:1', lastName: 'Lovelace' });
			expect(updated.body.action).toBe('updated');
			expect(updated.body.contact).toMatchObject({ id: created.body.contact.id, firstName: 'Ada', lastName: 'Lovelace', tags: ['vip', 'lead'] });
			expect(sb.store.contacts.size).toBe(1);
			expect(sb.contractViolations).toEqual([]);
		});

		it('matches by email when asked, requires the matchBy field, and refuses to take another contact’s email', async () => {
			sb.store.addContact({ email: 'grace@example.com', externalRef: 'ghl:loc:g' });
			const byEmail = await call('POST', '/v1/contacts/upsert', { matchBy: 'email', email: 'grace@example.com', externalRef: 'ghl:loc:g', city: 'Arlington' });
			expect(byEmail.body.action).toBe('updated');
			const missing = await call('POST', '/v1/contacts/upsert', { matchBy: 'email', externalRef: 'ghl:loc:x' });
			expect(missing.status).toBe(400);
			expect(missing.body.error.details).toEqual([{ field: 'email', message: expect.stringContaining('matchBy') }]);
			const taken = await call('POST', '/v1/contacts/upsert', { externalRef: 'ghl:loc:other', email: 'grace@example.com' });
			expect(taken.status).toBe(409);
			expect(taken.body.error).toMatchObject({ code: 'conflict', details: [{ field: 'email' }] });
			expect(sb.contractViolations).toEqual([expect.stringContaining('(upsertContact): email: is required when matchBy is email')]);
		});
	});

	it('pages over more than 100 contacts with opaque cursors, in creation order, without repeats', async () => {
		const seeded = sb.store.seedContacts(230);
		const seen: string[] = [];
		let cursor: string | null = null;
		const sizes: number[] = [];
		do {
			const page: { body: { data: Contact[]; nextCursor: string | null } } = await call('GET', `/v1/contacts?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
			sizes.push(page.body.data.length);
			seen.push(...page.body.data.map((c) => c.id));
			cursor = page.body.nextCursor;
			if (cursor) expect(cursor).not.toMatch(/^\d+$/);
		} while (cursor);
		expect(sizes).toEqual([100, 100, 30]);
		expect(seen).toEqual(seeded.map((c) => c.id));
		expect((await call('GET', '/v1/contacts')).body.data).toHaveLength(50);
		const bad = await call('GET', '/v1/contacts?cursor=bm90LW91cnM');
		expect(bad.status).toBe(400);
		expect(bad.body.error.details[0].field).toBe('query.cursor');
	});

	it('filters contacts by externalRefPrefix, tag, q and email', async () => {
		sb.store.addContact({ externalRef: 'ghl:A:1', email: 'one@example.com', firstName: 'Ada', tags: ['vip'] });
		sb.store.addContact({ externalRef: 'ghl:B:2', email: 'two@example.com', companyName: 'Analytical Engines' });
		const ids = async (q: string) => (await call('GET', `/v1/contacts?${q}`)).body.data.map((c: Contact) => c.externalRef);
		expect(await ids('externalRefPrefix=ghl:A:')).toEqual(['ghl:A:1']);
		expect(await ids('tag=VIP')).toEqual(['ghl:A:1']);
		expect(await ids('q=engines')).toEqual(['ghl:B:2']);
		expect(await ids('email=TWO@example.com')).toEqual(['ghl:B:2']);
	});

	describe('Idempotency-Key', () => {
		it('replays the first answer for the same key and body, and refuses another body with 409', async () => {
			const headers = { 'Idempotency-Key': 'sync-42' };
			const first = await call('POST', '/v1/contacts', { email: 'once@example.com' }, headers);
			const replay = await call('POST', '/v1/contacts', { email: 'once@example.com' }, headers);
			expect(first.status).toBe(201);
			expect(replay.status).toBe(201);
			expect(replay.body).toEqual(first.body);
			expect(replay.headers['idempotent-replayed']).toBe('true');
			expect(first.headers['idempotent-replayed']).toBeUndefined();
			expect(sb.store.contacts.size).toBe(1);
			const other = await call('POST', '/v1/contacts', { email: 'twice@example.com' }, headers);
			expect(other.status).toBe(409);
			expect(other.body.error.code).toBe('idempotency_conflict');
		});

		it('does not apply a score adjustment twice', async () => {
			const c = sb.store.addContact({ email: 'score@example.com' });
			for (let i = 0; i < 3; i++) await call('POST', `/v1/contacts/${c.id}/score/adjust`, { delta: 10, reason: 'Opened' }, { 'Idempotency-Key': 'evt-1' });
			expect(sb.store.contacts.get(c.id)?.score).toBe(10);
			expect(sb.store.scoreHistory).toHaveLength(1);
		});
	});

	it('keeps externalRef unique per account for contacts and per contact for tasks and notes', async () => {
		const a = sb.store.addContact({ externalRef: 'ghl:l:a' });
		const b = sb.store.addContact({ externalRef: 'ghl:l:b' });
		expect((await call('POST', '/v1/contacts', { externalRef: 'ghl:l:a' })).status).toBe(409);
		expect((await call('PATCH', `/v1/contacts/${b.id}`, { externalRef: 'ghl:l:a' })).status).toBe(409);
		expect((await call('POST', `/v1/contacts/${a.id}/tasks`, { title: 'T', externalRef: 'ghl:task:1' })).status).toBe(201);
		expect((await call('POST', `/v1/contacts/${a.id}/tasks`, { title: 'T', externalRef: 'ghl:task:1' })).status).toBe(409);
		expect((await call('POST', `/v1/contacts/${b.id}/tasks`, { title: 'T', externalRef: 'ghl:task:1' })).status).toBe(201);
		expect((await call('POST', `/v1/contacts/${a.id}/notes`, { body: 'N', externalRef: 'ghl:note:1' })).status).toBe(201);
		expect((await call('POST', `/v1/contacts/${a.id}/notes`, { body: 'N', externalRef: 'ghl:note:1' })).status).toBe(409);
		const listed = await call('GET', `/v1/contacts/${a.id}/tasks?externalRef=ghl:task:1`);
		expect(listed.body.data).toHaveLength(1);
	});

	it('deletes a contact with its tasks, notes and score history', async () => {
		const c = sb.store.addContact({ email: 'gone@example.com' });
		const keep = sb.store.addContact({ email: 'keep@example.com' });
		addTask(sb.store, c.id, { title: 'T' });
		addNote(sb.store, c.id, { body: 'N' });
		addTask(sb.store, keep.id, { title: 'Kept' });
		changeScore(sb.store, c.id, 5, { source: 'api' });
		expect((await call('DELETE', `/v1/contacts/${c.id}`)).status).toBe(204);
		expect([...sb.store.tasks.values()].map((t) => t.title)).toEqual(['Kept']);
		expect(sb.store.notes.size).toBe(0);
		expect(sb.store.scoreHistory).toEqual([]);
		expect((await call('GET', `/v1/contacts/${c.id}/tasks`)).status).toBe(404);
	});

	describe('archiving', () => {
		it('keeps the contact with its tasks, notes, tags and score history, sets archivedAt once, and restores it', async () => {
			const c = sb.store.addContact({ email: 'old@example.com', tags: ['vip'] });
			addTask(sb.store, c.id, { title: 'T' });
			addNote(sb.store, c.id, { body: 'N' });
			changeScore(sb.store, c.id, 5, { source: 'api' });
			const archived = await call('PATCH', `/v1/contacts/${c.id}`, { archived: true });
			expect(archived.body).toMatchObject({ id: c.id, tags: ['vip'], score: 5, archivedAt: expect.any(String) });
			const again = await call('PATCH', `/v1/contacts/${c.id}`, { archived: true, city: 'Paris' });
			expect(again.body.archivedAt).toBe(archived.body.archivedAt);
			expect(sb.store.tasks.size).toBe(1);
			expect(sb.store.notes.size).toBe(1);
			expect(sb.store.scoreHistory).toHaveLength(1);
			const restored = await call('POST', '/v1/contacts/upsert', { matchBy: 'email', email: 'old@example.com', archived: false });
			expect(restored.body).toMatchObject({ action: 'updated', contact: { archivedAt: null } });
			expect(sb.contractViolations).toEqual([]);
		});

		it('lists archived contacts too unless filtered (archived=true only them, archived=false the others)', async () => {
			const live = sb.store.addContact({ email: 'live@example.com' });
			const old = sb.store.addContact({ email: 'old@example.com', archived: true });
			const ids = async (qs: string) => ((await call('GET', `/v1/contacts${qs}`)).body.data as Contact[]).map((c) => c.id);
			expect(await ids('')).toEqual([live.id, old.id]);
			expect(await ids('?archived=true')).toEqual([old.id]);
			expect(await ids('?archived=false')).toEqual([live.id]);
			expect(sb.contractViolations).toEqual([]);
		});
	});

	it('stores externalTags as the integration sends them (a set, lower case), null until one is sent', async () => {
		const created = await call('POST', '/v1/contacts', { externalRef: 'ghl:l:t', tags: ['Own'] });
		expect(created.body).toMatchObject({ tags: ['own'], externalTags: null });
		const set = await call('PATCH', `/v1/contacts/${created.body.id}`, { externalTags: ['VIP', 'lead'] });
		expect(set.body).toMatchObject({ tags: ['own'], externalTags: ['vip', 'lead'] });
		const same = await call('POST', '/v1/contacts/upsert', { externalRef: 'ghl:l:t', externalTags: ['lead', 'vip'] });
		expect(same.body.action).toBe('unchanged');
		const none = await call('PATCH', `/v1/contacts/${created.body.id}`, { externalTags: [] });
		expect(none.body.externalTags).toEqual([]);
		expect(sb.contractViolations).toEqual([]);
	});

	it('answers 429 with RateLimit-* and Retry-After past the limit, and RateLimit-* on every answer', async () => {
		sb.setRateLimit({ max: 3, intervalMs: 1000 });
		const answers = [];
		for (let i = 0; i < 4; i++) answers.push(await call('GET', '/v1/whoami'));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
		expect(answers.map((a) => a.headers['ratelimit-remaining'])).toEqual(['2', '1', '0', '0']);
		expect(answers[0].headers['ratelimit-limit']).toBe('3');
		expect(Number(answers[2].headers['ratelimit-reset'])).toBe(1);
		expect(Number(answers[3].headers['retry-after'])).toBeGreaterThanOrEqual(1);
		expect(answers[3].body.error.code).toBe('rate_limited');
		expect(sb.contractViolations).toEqual([]);
	});

	it('uses the contract’s 600 per 60 s by default, and sends no RateLimit headers when disabled', async () => {
		expect((await call('GET', '/v1/whoami')).headers['ratelimit-limit']).toBe('600');
		sb.setRateLimit(false);
		expect((await call('GET', '/v1/whoami')).headers['ratelimit-limit']).toBeUndefined();
	});

	it('records every request the contract does not allow, and answers it in the error shape', async () => {
		const c = sb.store.addContact({ email: 'v@example.com' });
		expect((await call('POST', `/v1/contacts/${c.id}/tasks`, { title: 'T', priority: 'high' })).status).toBe(400);
		expect((await call('GET', '/v1/contacts?limt=5')).status).toBe(400);
		expect((await call('GET', '/v1/nothing')).status).toBe(404);
		const wrongMethod = await call('PUT', '/v1/rules');
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.headers.allow).toBe('GET, POST');
		const badJson = await fetch(`${sb.url}/v1/contacts`, { method: 'POST', headers: { Authorization: `Bearer ${sb.apiKey}`, 'Content-Type': 'application/json' }, body: '{"email":' });
		expect(badJson.status).toBe(400);
		expect(sb.contractViolations).toEqual([
			expect.stringContaining('createTask): priority: is not allowed'),
			expect.stringContaining('listContacts): query.limt: is not a parameter'),
			expect.stringContaining('GET /v1/nothing'),
			expect.stringContaining('PUT /v1/rules'),
			expect.stringContaining('body: is not valid JSON'),
		]);
	});

	it('with validateResponses, records an answer that breaks the contract', async () => {
		const c = sb.store.addContact({ email: 'odd@example.com' });
		(sb.store.contacts.get(c.id) as { score: number }).score = 1.5;
		expect((await call('GET', `/v1/contacts/${c.id}`)).status).toBe(200);
		expect(sb.contractViolations).toEqual([expect.stringMatching(/^response 200 to GET .*\(getContact\): score: must be integer/)]);
	});

	it('injects faults in the error shape, drops connections, and stops when told', async () => {
		sb.setFaults({ rate503: 1 });
		const failed = await call('GET', '/v1/whoami');
		expect(failed.status).toBe(503);
		expect(failed.body.error.code).toBe('internal');
		sb.setFaults({ rate429: 1, retryAfterSeconds: 2 });
		const limited = await call('GET', '/v1/whoami');
		expect([limited.status, limited.headers['retry-after']]).toEqual([429, '2']);
		sb.setFaults({ rateReset: 1 });
		await expect(call('GET', '/v1/whoami')).rejects.toThrow();
		sb.setFaults(undefined);
		expect((await call('GET', '/v1/whoami')).status).toBe(200);
		expect(sb.requests.filter((r) => r.fault).map((r) => r.fault)).toEqual(['503', '429', 'reset']);
	});

	it('reset() empties the account and the logs', async () => {
		sb.store.seedContacts(3);
		await call('GET', '/v1/nothing');
		sb.reset();
		expect([sb.store.contacts.size, sb.requests.length, sb.contractViolations.length]).toEqual([0, 0, 0]);
	});
});
