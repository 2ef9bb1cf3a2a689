/**
 * What counts as "deleted in GHL": only the contact's own read answering not found, twice. A "not found"
 * from the tasks or notes read (GHL answers some of those with 400 "… not found", SPEC-QUIRKS 9) must never
 * cost Rankr its contact, its Rankr-made tasks or anything else.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { addTask } from '../../sandbox/rankr';
import type { SyncSandboxes } from './setup';
import { byId, rankrWrites, runRankr, startSandboxes, syncAll } from './setup';

let sb: SyncSandboxes;
let proxy: http.Server;
let proxyUrl: string;
/** Paths (regex) the proxy answers 400 "not found" for, instead of asking the GHL sandbox. */
let refuse: RegExp[] = [];

beforeEach(async () => {
	sb = await startSandboxes({ seed: { contacts: 2, tasksPerContact: 2, notesPerContact: 2 } });
	refuse = [];
	const target = new URL(sb.ghl.url);
	proxy = http.createServer((req, res) => {
		if (refuse.some((r) => r.test(req.url ?? ''))) {
			res.writeHead(400, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ statusCode: 400, message: 'Contact not found' }));
			return;
		}
		const upstream = http.request(
			{ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterEach(async () => {
	expect(sb.rankr.contractViolations).toEqual([]);
	await new Promise((resolve) => proxy.close(resolve));
	await Promise.all([sb.ghl.close(), sb.rankr.close()]);
});

const ref = (id: string) => `ghl:${sb.ghl.locationId}:${id}`;

async function syncThroughProxy(ghlContactId: string) {
	const ghlUrl = sb.ghl.url;
	(sb.ghl as { url: string }).url = proxyUrl;
	try {
		return await runRankr(sb, { operation: 'syncContact', contactId: byId(ghlContactId) }, [{}], true);
	} finally {
		(sb.ghl as { url: string }).url = ghlUrl;
	}
}

describe('GHL Sync: what counts as deleted in GHL', () => {
	for (const read of ['notes', 'tasks']) {
		it(`a 400 'not found' on the ${read} read leaves the Rankr contact and its Rankr-made tasks in place`, async () => {
			await syncAll(sb);
			const [ghl] = sb.ghl.store.contactsOf(sb.ghl.locationId);
			const rankr = sb.rankr.store.contactBy('externalRef', ref(ghl.id))!;
			const own = addTask(sb.rankr.store, rankr.id, { title: 'Made in Rankr' });
			const before = sb.rankr.requests.length;
			refuse = [new RegExp(`/contacts/${ghl.id}/${read}`)];

			const { items } = await syncThroughProxy(ghl.id);

			expect(items[0].json.changes).toBeUndefined();
			expect(items[0].json.error).toBeDefined();
			expect(rankrWrites(sb, before)).toEqual([]);
			expect(sb.rankr.store.contacts.has(rankr.id)).toBe(true);
			expect(sb.rankr.store.tasks.get(own.id)).toBeDefined();
		});
	}

	it('a contact GHL reports missing once but finds on the second read is synced, not deleted', async () => {
		await syncAll(sb);
		const [ghl] = sb.ghl.store.contactsOf(sb.ghl.locationId);
		const rankr = sb.rankr.store.contactBy('externalRef', ref(ghl.id))!;
		let refusals = 0;
		const once = new RegExp(`/contacts/${ghl.id}$`);
		refuse = [{ test: (url: string) => once.test(url) && refusals++ === 0 } as unknown as RegExp];

		const { items } = await syncThroughProxy(ghl.id);

		expect(items[0].json).toMatchObject({ rankrContactId: rankr.id, changes: { contact: 'unchanged' } });
		expect(sb.rankr.store.contacts.has(rankr.id)).toBe(true);
	});
});
