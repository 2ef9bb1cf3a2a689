/**
 * Walks GHL's published Contacts API spec: every operation must be answered by the sandbox as documented
 * (status and top-level response fields, with SPEC-QUIRKS corrections), and invalid requests refused.
 */
import fs from 'node:fs';
import path from 'node:path';

import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';

type Spec = {
	paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>;
	components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};
const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/ghl-api/contacts.json'), 'utf8')) as Spec;

let sb: GhlSandbox;
let ids: Record<string, string>;

async function call(method: string, p: string, body?: unknown, headers: Record<string, string> = {}) {
	const response = await fetch(sb.url + p, {
		method,
		headers: { Authorization: `Bearer ${sb.token}`, Version: '2021-07-28', 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A valid request for each operation, with ids of records that exist. */
function validRequest(method: string, specPath: string): { path: string; body?: unknown } {
	const L = sb.locationId;
	const fill = (p: string) =>
		p
			.replace('{contactId}', ids.contact)
			.replace('{taskId}', ids.task)
			.replace('{id}', ids.note)
			.replace('{businessId}', ids.business)
			.replace('{campaignId}', ids.campaign)
			.replace('{workflowId}', ids.workflow)
			.replace('{type}', 'add');
	const key = `${method} ${specPath}`;
	const bodies: Record<string, unknown> = {
		'POST /contacts/search': { locationId: L, pageLimit: 10 },
		'POST /contacts/{contactId}/tasks': { title: 'Call', dueDate: '2030-01-01T10:00:00Z', completed: false },
		'PUT /contacts/{contactId}/tasks/{taskId}': { title: 'Call again' },
		'PUT /contacts/{contactId}/tasks/{taskId}/completed': { completed: true },
		'POST /contacts/{contactId}/tags': { tags: ['vip'] },
		'DELETE /contacts/{contactId}/tags': { tags: ['vip'] },
		'POST /contacts/{contactId}/notes': { body: 'Hello' },
		'PUT /contacts/{contactId}/notes/{id}': { body: 'Hello again' },
		'POST /contacts/bulk/tags/update/{type}': { locationId: L, contacts: [ids.contact], tags: ['bulk'], removeAllTags: false },
		'POST /contacts/bulk/business': { locationId: L, ids: [ids.contact], businessId: ids.business },
		'PUT /contacts/{contactId}': { firstName: 'Changed' },
		'POST /contacts/upsert': { locationId: L, email: 'upsert@example.test', firstName: 'Up' },
		'POST /contacts/{contactId}/followers': { followers: [ids.user] },
		'DELETE /contacts/{contactId}/followers': { followers: [ids.user] },
		'POST /contacts/{contactId}/campaigns/{campaignId}': {},
		'POST /contacts/{contactId}/workflow/{workflowId}': { eventStartTime: '2030-01-01T10:00:00Z' },
		'DELETE /contacts/{contactId}/workflow/{workflowId}': {},
		'POST /contacts/': { locationId: L, firstName: 'New', email: 'new@example.test' },
	};
	const queries: Record<string, string> = {
		'GET /contacts/search/duplicate': `?locationId=${L}&email=${encodeURIComponent(String(sb.store.contacts.get(ids.contact)?.email))}`,
		'GET /contacts/business/{businessId}': `?locationId=${L}&limit=10&skip=0`,
		'GET /contacts/': `?locationId=${L}&limit=10`,
	};
	return { path: fill(specPath) + (queries[key] ?? ''), body: bodies[key] };
}

/** The top-level fields the spec documents for the success answer (quirk fixes applied). */
function documentedFields(op: Spec['paths'][string][string]): { status: number; fields: string[] } {
	const [status, response] = Object.entries(op.responses).find(([s]) => s.startsWith('2')) ?? ['200', {}];
	const ref = response.content?.['application/json']?.schema?.$ref;
	const schema = ref ? spec.components.schemas[ref.split('/').pop() as string] : undefined;
	return { status: Number(status), fields: Object.keys(schema?.properties ?? {}) };
}

const QUIRK_FIELDS: Record<string, string[]> = {
	// quirk 2: the spec gives no response schema; GHL answers contacts + total.
	'POST /contacts/search': ['contacts', 'total'],
	// quirk 6: the legacy list also carries meta.
	'GET /contacts/': ['contacts', 'count', 'meta'],
	// the duplicate search has no schema; GHL answers {contact}.
	'GET /contacts/search/duplicate': ['contact'],
};

const operations = Object.entries(spec.paths).flatMap(([p, methods]) =>
	Object.entries(methods)
		.filter(([m]) => ['get', 'post', 'put', 'delete'].includes(m))
		.map(([m, op]) => ({ method: m.toUpperCase(), path: p, op })),
);

beforeEach(async () => {
	sb = await startGhlSandbox({ seed: { contacts: 3, tasksPerContact: 1, notesPerContact: 1 }, rateLimit: false });
	const contact = sb.store.contactsOf(sb.locationId)[0];
	const business = [...sb.store.businesses.values()][0];
	sb.store.updateContact(contact.id, { businessId: business.id, tags: ['vip'] });
	ids = {
		contact: contact.id,
		task: [...sb.store.tasks.values()].find((t) => t.contactId === contact.id)!.id,
		note: [...sb.store.notes.values()].find((n) => n.contactId === contact.id)!.id,
		business: business.id,
		campaign: [...sb.store.campaigns.values()][0].id,
		workflow: [...sb.store.workflows.values()][0].id,
		user: [...sb.store.users.values()][0].id,
	};
});
afterEach(async () => sb.close());

describe('GHL sandbox conformance with the Contacts API spec', () => {
	it('the spec lists 32 operations', () => expect(operations).toHaveLength(32));

	it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))('%s answers as documented', async (key, o) => {
		const request = validRequest(o.method, o.path);
		const response = await call(o.method, request.path, request.body);
		const documented = documentedFields(o.op);
		expect({ key, status: response.status }).toEqual({ key, status: documented.status });
		for (const field of QUIRK_FIELDS[key] ?? documented.fields) {
			expect({ key, field, present: field in response.body }).toEqual({ key, field, present: true });
		}
	});

	it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))('%s refuses a missing token, a missing Version and a bad id', async (_key, o) => {
		const request = validRequest(o.method, o.path);
		expect((await call(o.method, request.path, request.body, { Authorization: 'Bearer wrong' })).status).toBe(401);
		expect((await call(o.method, request.path, request.body, { Version: '' })).status).toBe(401);
		if (o.path.includes('{')) {
			const bad = request.path.replace(ids.contact, 'nope').replace(ids.business, 'nope');
			if (bad !== request.path) expect((await call(o.method, bad, request.body)).status).toBeGreaterThanOrEqual(400);
		}
	});

	it.each([
		['POST', '/contacts/', { firstName: 'No location' }, 422],
		['POST', '/contacts/', { locationId: 'otherLocation', firstName: 'x' }, 403],
		['POST', '/contacts/', { locationId: 've9EPM428h8vShlRW1KT', email: 'not-an-email' }, 422],
		['POST', '/contacts/', { locationId: 've9EPM428h8vShlRW1KT', unknownField: 1 }, 422],
		['POST', '/contacts/search', { locationId: 've9EPM428h8vShlRW1KT' }, 422],
		['POST', '/contacts/search', { pageLimit: 10 }, 422],
		['POST', '/contacts/search', { locationId: 've9EPM428h8vShlRW1KT', pageLimit: 501 }, 422],
		['POST', '/contacts/search', { locationId: 've9EPM428h8vShlRW1KT', pageLimit: 500, page: 21 }, 422],
		['POST', '/contacts/search', { locationId: 've9EPM428h8vShlRW1KT', pageLimit: 10, page: 2, searchAfter: [1] }, 422],
		['POST', '/contacts/upsert', { locationId: 've9EPM428h8vShlRW1KT', firstName: 'no key' }, 422],
		['POST', '/contacts/bulk/tags/update/sideways', { locationId: 've9EPM428h8vShlRW1KT', contacts: [], tags: [] }, 400],
		['POST', '/contacts/bulk/business', { locationId: 've9EPM428h8vShlRW1KT', ids: 'x', businessId: null }, 422],
		['PUT', '/contacts/{contactId}', { companyName: 'not in UpdateContactDto' }, 422],
		['POST', '/contacts/{contactId}/tasks', { title: 'no due date', completed: false }, 422],
		['POST', '/contacts/{contactId}/notes', {}, 422],
		['POST', '/contacts/{contactId}/tags', { tags: 'vip' }, 422],
		['PUT', '/contacts/{contactId}/tasks/{taskId}/completed', {}, 422],
		['GET', '/contacts/?locationId=ve9EPM428h8vShlRW1KT&limit=101', undefined, 422],
	])('refuses %s %s with %j', async (method, p, body, status) => {
		const filled = p.replace('{contactId}', ids.contact).replace('{taskId}', ids.task);
		expect((await call(method, filled, body)).status).toBe(status);
	});

	it('keeps records of another location out of reach', async () => {
		const other = await startGhlSandbox({ extraLocations: [{ locationId: 'loc2', token: 'pit-loc2' }], rateLimit: false });
		try {
			const foreign = other.store.contactsOf('loc2')[0];
			const response = await fetch(`${other.url}/contacts/${foreign.id}`, { headers: { Authorization: `Bearer ${other.token}`, Version: '2021-07-28' } });
			expect(response.status).toBe(400);
		} finally {
			await other.close();
		}
	});

	it('pages search by number and then by searchAfter without losing or repeating anyone', async () => {
		const big = await startGhlSandbox({ seed: { contacts: 230 }, rateLimit: false });
		try {
			const seen: string[] = [];
			let searchAfter: unknown[] | undefined;
			for (;;) {
				const r = await fetch(`${big.url}/contacts/search`, {
					method: 'POST',
					headers: { Authorization: `Bearer ${big.token}`, Version: '2021-07-28', 'content-type': 'application/json' },
					body: JSON.stringify({ locationId: big.locationId, pageLimit: 50, sort: [{ field: 'dateAdded', direction: 'asc' }], ...(searchAfter ? { searchAfter } : {}) }),
				});
				const page = (await r.json()) as { contacts: Array<{ id: string; searchAfter: unknown[] }>; total: number };
				expect(page.total).toBe(230);
				seen.push(...page.contacts.map((c) => c.id));
				if (page.contacts.length < 50) break;
				searchAfter = page.contacts[page.contacts.length - 1].searchAfter;
			}
			expect(seen).toHaveLength(230);
			expect(new Set(seen).size).toBe(230);
		} finally {
			await big.close();
		}
	});
});
