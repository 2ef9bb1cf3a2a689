/**
 * Values in the types GHL's spec declares, whatever type an expression gave them. Every request body the
 * GHL node sends (one case per operation with a body in the spec) is built from number-valued inputs
 * (`{{ 35061 }}` for Postal Code, `{{ 42 }}` for a name) and sent to the sandbox, which refuses a field
 * of another type than the spec's (422 "postalCode must be a string", as GHL's validator); each field of
 * what arrived is then checked against the spec's schema. The table of declared types the node uses is
 * generated from the spec and must be current.
 */
import fs from 'node:fs';

import { GHL_BODY_TYPES } from '../../nodes/shared/ghlBodyTypes';
import type { GhlSandbox } from '../../sandbox/ghl';
import { specBodyErrors } from '../../sandbox/ghl/specBodies';
import { bodyTypesSource, OUTPUT } from '../../scripts/ghlBodyTypes';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 2, tasksPerContact: 1, notesPerContact: 1 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const n = (value: unknown) => `={{ ${JSON.stringify(value)} }}`;
/** A user and a business whose IDs are digits, so an expression may give them as numbers. */
const USER = 1001;

interface Ids {
	contact: string;
	task: string;
	note: string;
	tag: string;
	business: string;
	workflow: string;
}

/** Per spec route: the node parameters that send it, every free-text value given as a number. */
const CASES: Record<string, (ids: Ids) => Record<string, unknown>> = {
	'POST /contacts/': () => ({
		resource: 'contact',
		operation: 'create',
		fields: { firstName: n(42), lastName: n(7), name: n(42), postalCode: n(35061), address1: n(12), city: n(1), state: n(2), source: n(3), companyName: n(4), phone: n(14155550100) },
		dndSettings: { channel: [{ channel: 'Email', status: 'active', message: n(5), code: n(6) }] },
		inboundDndSettings: { all: { status: 'active', message: n(8) } },
	}),
	'PUT /contacts/{contactId}': (ids) => ({ resource: 'contact', operation: 'update', contactId: byId(ids.contact), updateFields: { postalCode: n(35061), firstName: n(42), tags: n([2024, 'vip']) } }),
	'POST /contacts/upsert': () => ({ resource: 'contact', operation: 'upsert', fields: { phone: n(14155550199), postalCode: n(35061), name: n(42) } }),
	'POST /contacts/bulk/business': (ids) => ({ resource: 'contact', operation: 'addToBusiness', contactIds: n([ids.contact]), businessId: n(ids.business) }),
	'POST /contacts/bulk/tags/update/{type}': (ids) => ({ resource: 'tag', operation: 'bulkUpdate', bulkAction: 'add', contactIds: n([ids.contact]), tags: n([2024]) }),
	'POST /contacts/{contactId}/tags': (ids) => ({ resource: 'tag', operation: 'add', contactId: byId(ids.contact), tags: n([2024, 7]) }),
	'DELETE /contacts/{contactId}/tags': (ids) => ({ resource: 'tag', operation: 'remove', contactId: byId(ids.contact), tags: n([2024]) }),
	'POST /contacts/{contactId}/followers': (ids) => ({ resource: 'follower', operation: 'add', contactId: byId(ids.contact), followers: n([USER]) }),
	'DELETE /contacts/{contactId}/followers': (ids) => ({ resource: 'follower', operation: 'remove', contactId: byId(ids.contact), followers: n([USER]) }),
	'POST /contacts/{contactId}/notes': (ids) => ({ resource: 'note', operation: 'create', contactId: byId(ids.contact), body: n(42), additionalFields: { userId: n(USER), title: n(7) } }),
	'PUT /contacts/{contactId}/notes/{id}': (ids) => ({ resource: 'note', operation: 'update', contactId: byId(ids.contact), noteId: ids.note, updateFields: { body: n(43), title: n(8) } }),
	'POST /contacts/{contactId}/tasks': (ids) => ({ resource: 'task', operation: 'create', contactId: byId(ids.contact), title: n(42), dueDate: '2030-01-02T10:00:00Z', additionalFields: { body: n(7), assignedTo: n(USER) } }),
	'PUT /contacts/{contactId}/tasks/{taskId}': (ids) => ({ resource: 'task', operation: 'update', contactId: byId(ids.contact), taskId: ids.task, updateFields: { title: n(43), body: n(8) } }),
	'PUT /contacts/{contactId}/tasks/{taskId}/completed': (ids) => ({ resource: 'task', operation: 'setCompleted', contactId: byId(ids.contact), taskId: ids.task, completed: n('true') }),
	'POST /contacts/{contactId}/workflow/{workflowId}': (ids) => ({ resource: 'workflow', operation: 'add', contactId: byId(ids.contact), workflowId: ids.workflow, additionalFields: { eventStartTime: n(1893578400) } }),
	'DELETE /contacts/{contactId}/workflow/{workflowId}': (ids) => ({ resource: 'workflow', operation: 'remove', contactId: byId(ids.contact), workflowId: ids.workflow }),
	'POST /locations/{locationId}/tags': () => ({ resource: 'tag', operation: 'createLocation', name: n(2024) }),
	'PUT /locations/{locationId}/tags/{tagId}': (ids) => ({ resource: 'tag', operation: 'updateLocation', tagId: ids.tag, name: n(2025) }),
	'POST /locations/{locationId}/tasks/search': () => ({ resource: 'task', operation: 'searchLocation', returnAll: false, limit: n(5), filters: { query: n(42), assignedTo: n([USER]) } }),
};

function seedIds(): Ids {
	const s = sb();
	const L = s.locationId;
	s.store.users.set(String(USER), { id: String(USER), locationId: L, name: 'Numeric User', email: 'numeric@sandbox.test' });
	const contact = s.store.contactsOf(L)[0].id;
	s.store.contacts.get(contact)?.followers.push(String(USER));
	return {
		contact,
		task: [...s.store.tasks.values()].find((t) => t.contactId === contact)!.id,
		note: [...s.store.notes.values()].find((x) => x.contactId === contact)!.id,
		tag: [...s.store.tags.values()].find((t) => t.locationId === L)!.id,
		business: [...s.store.businesses.values()][0].id,
		workflow: [...s.store.workflows.values()][0].id,
	};
}

describe('GHL bodies in the types of the spec', () => {
	it('the table of declared types (nodes/shared/ghlBodyTypes.ts) is generated from the spec as it is (npm run spec:body-types)', () => {
		expect(fs.readFileSync(OUTPUT, 'utf8')).toBe(bodyTypesSource());
	});

	it('every request body the node sends that the spec types has a case here', () => {
		expect(Object.keys(CASES).sort()).toEqual(Object.keys(GHL_BODY_TYPES).sort());
	});

	it.each(Object.keys(CASES))('%s: numbers from expressions arrive in the declared types', async (route) => {
		const ids = seedIds();
		const result = await run(CASES[route](ids));
		expect(result.error?.message).toBeUndefined();
		const [method, template] = route.split(' ');
		const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
		const sent = sb().requests.filter((r) => r.method === method && pattern.test(r.path));
		expect(sent.length).toBeGreaterThan(0);
		for (const r of sent) expect({ route, errors: specBodyErrors(r.method, r.path, r.rawBody, r.body) }).toEqual({ route, errors: [] });
	});

	it('Postal Code 35061 and a name 42 from expressions are stored as text', async () => {
		const result = await run(CASES['POST /contacts/'](seedIds()));
		expect(result.items[0].json).toMatchObject({ postalCode: '35061', firstName: '42', name: '42', companyName: '4' });
	});
});
