/**
 * Walks docs/rankr-openapi.yaml: for every operation, the Rankr sandbox answers a valid request with a
 * documented success whose body matches the documented schema, an invalid one with 400 in the error shape,
 * a request without the key with 401, and (where the path names a record) an unknown ID with 404.
 */
import { OpenApiValidator } from '../../sandbox/shared/openapi';
import type { Contact, Note, RankrSandbox, Rule, Task, Webhook } from '../../sandbox/rankr';
import { addNote, addRule, addTask, addWebhook, RANKR_CONTRACT_PATH, startRankrSandbox } from '../../sandbox/rankr';

/** A fetch response's headers as a plain record (lower-case names). */
function headerRecord(headers: Headers): Record<string, string> {
	const record: Record<string, string> = {};
	headers.forEach((value, name) => {
		record[name] = value;
	});
	return record;
}

interface Call {
	method: string;
	path: string;
	body?: unknown;
	headers?: Record<string, string>;
}

interface Fixture {
	contact: Contact;
	task: Task;
	note: Note;
	rule: Rule;
	webhook: Webhook;
}

const C = (f: Fixture) => `/v1/contacts/${f.contact.id}`;
const T = (f: Fixture) => `${C(f)}/tasks/${f.task.id}`;
const N = (f: Fixture) => `${C(f)}/notes/${f.note.id}`;

/** A valid request per operation, and an invalid one (a bad body, or a bad parameter when there is no body). */
const cases: Record<string, { valid: (f: Fixture) => Call; invalid: (f: Fixture) => Call }> = {
	whoami: { valid: () => ({ method: 'GET', path: '/v1/whoami' }), invalid: () => ({ method: 'GET', path: '/v1/whoami?verbose=1' }) },
	listContacts: {
		valid: () => ({ method: 'GET', path: '/v1/contacts?limit=10&tag=vip&q=ada&updatedSince=2020-01-01T00:00:00Z&archived=false&link=ghl:abc' }),
		invalid: () => ({ method: 'GET', path: '/v1/contacts?limit=0' }),
	},
	createContact: {
		valid: () => ({ method: 'POST', path: '/v1/contacts', body: { email: 'new@example.com', firstName: 'New', tags: ['Lead'], customFields: { plan: 'pro' } } }),
		invalid: () => ({ method: 'POST', path: '/v1/contacts', body: { email: 'not-an-email' } }),
	},
	upsertContact: {
		valid: (f) => ({ method: 'POST', path: '/v1/contacts/upsert', body: {
				externalRef: f.contact.externalRef,
				city: 'Paris',
				externalTags: ['vip'],
				links: [{ system: 'ghl', id: 'ada', account: 'loc', version: '2026-01-01T00:00:00.000Z', syncedAt: '2026-01-01T00:00:00Z', snapshot: { city: 'Paris', tags: ['vip'] } }],
			},
			headers: { 'Rankr-Origin': 'ghl' },
		}),
		invalid: () => ({ method: 'POST', path: '/v1/contacts/upsert', body: { firstName: 'No key' } }),
	},
	batchUpsertContacts: {
		valid: (f) => ({
			method: 'POST',
			path: '/v1/contacts/batch-upsert',
			body: { contacts: [{ externalRef: f.contact.externalRef, city: 'Paris', syncExternalTags: ['vip'] }, { externalRef: 'ghl:loc:new', email: 'new@example.com', archived: false }] },
		}),
		invalid: () => ({ method: 'POST', path: '/v1/contacts/batch-upsert', body: { contacts: [{ email: 'no-ref@example.com' }] } }),
	},
	batchUpsertTasks: {
		valid: (f) => ({ method: 'POST', path: '/v1/tasks/batch-upsert', body: { tasks: [{ contactId: f.contact.id, externalRef: 'ghl:loc:task:1', title: 'Call', completed: true }] } }),
		invalid: (f) => ({ method: 'POST', path: '/v1/tasks/batch-upsert', body: { tasks: [{ contactId: f.contact.id, title: 'No ref' }] } }),
	},
	batchUpsertNotes: {
		valid: (f) => ({ method: 'POST', path: '/v1/notes/batch-upsert', body: { notes: [{ contactId: f.contact.id, externalRef: 'ghl:loc:note:1', body: 'Hi' }] } }),
		invalid: () => ({ method: 'POST', path: '/v1/notes/batch-upsert', body: { notes: [] } }),
	},
	getContact: { valid: (f) => ({ method: 'GET', path: C(f) }), invalid: () => ({ method: 'GET', path: '/v1/contacts/not-an-id' }) },
	updateContact: {
		valid: (f) => ({ method: 'PATCH', path: C(f), body: { lastName: 'Byron', archived: true, sourceSystem: 'clio' }, headers: { 'Rankr-Origin': 'clio' } }),
		invalid: (f) => ({ method: 'PATCH', path: C(f), body: { links: [{ system: 'salesforce', id: '1' }] } }),
	},
	deleteContact: { valid: (f) => ({ method: 'DELETE', path: C(f) }), invalid: () => ({ method: 'DELETE', path: '/v1/contacts/ctc_' }) },
	listTasks: { valid: (f) => ({ method: 'GET', path: `${C(f)}/tasks?completed=false` }), invalid: (f) => ({ method: 'GET', path: `${C(f)}/tasks?completed=maybe` }) },
	createTask: {
		valid: (f) => ({ method: 'POST', path: `${C(f)}/tasks`, body: { title: 'Call back', dueAt: '2030-01-01T09:00:00Z', status: 'in_review', source: 'clio', links: [{ system: 'clio', id: '77' }] } }),
		invalid: (f) => ({ method: 'POST', path: `${C(f)}/tasks`, body: { title: '' } }),
	},
	getTask: { valid: (f) => ({ method: 'GET', path: T(f) }), invalid: (f) => ({ method: 'GET', path: `${C(f)}/tasks/nte_wrongPrefix` }) },
	updateTask: {
		valid: (f) => ({ method: 'PATCH', path: T(f), body: { assignee: 'sam', status: 'in_progress' } }),
		invalid: (f) => ({ method: 'PATCH', path: T(f), body: { status: 'done' } }),
	},
	deleteTask: {
		valid: (f) => ({ method: 'DELETE', path: T(f), headers: { 'Rankr-Origin': 'ghl' } }),
		invalid: (f) => ({ method: 'DELETE', path: T(f), headers: { 'Rankr-Origin': 'rankr-sync' } }),
	},
	completeTask: { valid: (f) => ({ method: 'POST', path: `${T(f)}/complete` }), invalid: (f) => ({ method: 'POST', path: `${T(f)}/complete`, body: { completed: 'yes' } }) },
	listNotes: { valid: (f) => ({ method: 'GET', path: `${C(f)}/notes?limit=5` }), invalid: (f) => ({ method: 'GET', path: `${C(f)}/notes?limit=101` }) },
	createNote: {
		valid: (f) => ({ method: 'POST', path: `${C(f)}/notes`, body: { body: 'Met at the fair', source: 'clio' } }),
		invalid: (f) => ({ method: 'POST', path: `${C(f)}/notes`, body: { body: 'From where?', source: 'hubspot' } }),
	},
	getNote: { valid: (f) => ({ method: 'GET', path: N(f) }), invalid: (f) => ({ method: 'GET', path: `${C(f)}/notes/tsk_wrongPrefix` }) },
	updateNote: { valid: (f) => ({ method: 'PATCH', path: N(f), body: { body: 'Edited' } }), invalid: (f) => ({ method: 'PATCH', path: N(f), body: { body: 42 } }) },
	deleteNote: { valid: (f) => ({ method: 'DELETE', path: N(f) }), invalid: (f) => ({ method: 'DELETE', path: `${C(f)}/notes/x` }) },
	listTags: { valid: () => ({ method: 'GET', path: '/v1/tags?prefix=v' }), invalid: () => ({ method: 'GET', path: '/v1/tags?prefix=' }) },
	addContactTags: { valid: (f) => ({ method: 'POST', path: `${C(f)}/tags`, body: { tags: ['Hot'] } }), invalid: (f) => ({ method: 'POST', path: `${C(f)}/tags`, body: { tags: [] } }) },
	setContactTags: { valid: (f) => ({ method: 'PUT', path: `${C(f)}/tags`, body: { tags: [] } }), invalid: (f) => ({ method: 'PUT', path: `${C(f)}/tags`, body: { tags: 'vip' } }) },
	removeContactTag: { valid: (f) => ({ method: 'DELETE', path: `${C(f)}/tags/vip` }), invalid: (f) => ({ method: 'DELETE', path: `${C(f)}/tags/${'x'.repeat(65)}` }) },
	getScore: { valid: (f) => ({ method: 'GET', path: `${C(f)}/score` }), invalid: () => ({ method: 'GET', path: '/v1/contacts/bad/score' }) },
	setScore: { valid: (f) => ({ method: 'PUT', path: `${C(f)}/score`, body: { score: 40, reason: 'Manual' } }), invalid: (f) => ({ method: 'PUT', path: `${C(f)}/score`, body: { score: 1.5 } }) },
	adjustScore: {
		valid: (f) => ({ method: 'POST', path: `${C(f)}/score/adjust`, body: { delta: -3, reason: 'Bounced' } }),
		invalid: (f) => ({ method: 'POST', path: `${C(f)}/score/adjust`, body: { delta: 0, reason: 'Nothing' } }),
	},
	listScoreHistory: { valid: (f) => ({ method: 'GET', path: `${C(f)}/score/history` }), invalid: (f) => ({ method: 'GET', path: `${C(f)}/score/history?cursor=` }) },
	listRules: { valid: () => ({ method: 'GET', path: '/v1/rules?enabled=true&eventType=ghl.TaskComplete' }), invalid: () => ({ method: 'GET', path: '/v1/rules?enabled=1' }) },
	createRule: {
		valid: () => ({ method: 'POST', path: '/v1/rules', body: { name: 'Hot lead', eventType: 'ghl.ContactTagUpdate', actions: [{ type: 'adjustScore', delta: 5 }] } }),
		invalid: () => ({ method: 'POST', path: '/v1/rules', body: { name: 'Bad', eventType: 'x', actions: [{ type: 'addTag', tag: '' }] } }),
	},
	getRule: { valid: (f) => ({ method: 'GET', path: `/v1/rules/${f.rule.id}` }), invalid: () => ({ method: 'GET', path: '/v1/rules/123' }) },
	updateRule: { valid: (f) => ({ method: 'PATCH', path: `/v1/rules/${f.rule.id}`, body: { enabled: false } }), invalid: (f) => ({ method: 'PATCH', path: `/v1/rules/${f.rule.id}`, body: { actions: [] } }) },
	deleteRule: { valid: (f) => ({ method: 'DELETE', path: `/v1/rules/${f.rule.id}` }), invalid: () => ({ method: 'DELETE', path: '/v1/rules/ctc_1' }) },
	sendEvent: {
		valid: (f) => ({ method: 'POST', path: '/v1/events', body: { type: 'ghl.TaskComplete', contactId: f.contact.id, payload: { task: { title: 'Call' } } } }),
		invalid: (f) => ({ method: 'POST', path: '/v1/events', body: { type: 'ghl.TaskComplete', contactId: f.contact.id, contactExternalRef: 'x' } }),
	},
	listWebhooks: { valid: () => ({ method: 'GET', path: '/v1/webhooks?limit=100' }), invalid: () => ({ method: 'GET', path: '/v1/webhooks?limit=many' }) },
	createWebhook: {
		valid: () => ({ method: 'POST', path: '/v1/webhooks', body: { url: 'http://127.0.0.1:9/hook', events: ['contact.created'], description: 'n8n' } }),
		invalid: () => ({ method: 'POST', path: '/v1/webhooks', body: { url: 'ftp://example.com', events: ['contact.exploded'] } }),
	},
	getWebhook: { valid: (f) => ({ method: 'GET', path: `/v1/webhooks/${f.webhook.id}` }), invalid: () => ({ method: 'GET', path: '/v1/webhooks/rul_1' }) },
	deleteWebhook: { valid: (f) => ({ method: 'DELETE', path: `/v1/webhooks/${f.webhook.id}` }), invalid: () => ({ method: 'DELETE', path: '/v1/webhooks/whk_' }) },
};

/** Well-formed IDs that name nothing, per path parameter. */
const UNKNOWN: Record<string, string> = { contactId: 'ctc_missing', taskId: 'tsk_missing', noteId: 'nte_missing', ruleId: 'rul_missing', webhookId: 'whk_missing' };

describe('Rankr sandbox conformance to docs/rankr-openapi.yaml', () => {
	const validator = OpenApiValidator.fromFile(RANKR_CONTRACT_PATH);
	let sb: RankrSandbox;
	let f: Fixture;

	beforeAll(async () => {
		sb = await startRankrSandbox({ validateResponses: true, rateLimit: false });
	});
	afterAll(async () => sb.close());
	beforeEach(() => {
		sb.reset();
		const contact = sb.store.addContact({ email: 'ada@example.com', externalRef: 'ghl:loc:ada', firstName: 'Ada', tags: ['vip'] });
		f = {
			contact,
			task: addTask(sb.store, contact.id, { title: 'Call' }),
			note: addNote(sb.store, contact.id, { body: 'First note' }),
			rule: addRule(sb.store, { name: 'Call done', eventType: 'ghl.TaskComplete', conditions: [{ field: 'task.title', equals: 'call' }], actions: [{ type: 'addTag', tag: 'called' }] }),
			webhook: addWebhook(sb.store, { url: 'http://127.0.0.1:9/hook', events: ['note.created'] }),
		};
	});

	async function send(call: Call, auth = true) {
		const headers: Record<string, string> = { ...(auth ? { Authorization: `Bearer ${sb.apiKey}` } : {}), ...call.headers };
		if (call.body !== undefined) headers['Content-Type'] = 'application/json';
		const res = await fetch(`${sb.url}${call.path}`, { method: call.method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) });
		const text = await res.text();
		return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: headerRecord(res.headers) };
	}

	it('has a case for every operation in the contract, and the contract has 39', () => {
		expect(validator.operations.map((o) => o.operationId).sort()).toEqual(Object.keys(cases).sort());
		expect(validator.operations).toHaveLength(39);
	});

	describe.each(validator.operations.map((o) => [o.operationId, o] as const))('%s', (operationId, operation) => {
		it('answers a valid request with a documented success matching its schema', async () => {
			const call = cases[operationId].valid(f);
			expect(validator.validateRequest({ ...call, headers: { ...call.headers, authorization: 'Bearer x' } }).errors).toEqual([]);
			const res = await send(call);
			expect(res.status).toBeGreaterThanOrEqual(200);
			expect(res.status).toBeLessThan(300);
			expect(Object.keys(operation.responses)).toContain(String(res.status));
			expect(validator.validateResponse(operation, res.status, res.body, res.headers)).toEqual([]);
			expect(sb.contractViolations).toEqual([]);
		});

		it('answers an invalid request with 400 validation_failed, naming the field, and records it', async () => {
			const call = cases[operationId].invalid(f);
			const res = await send(call);
			expect(res.status).toBe(400);
			expect(validator.validateResponse(operation, 400, res.body)).toEqual([]);
			const error = (res.body as { error: { code: string; details: { field: string }[] } }).error;
			expect(error.code).toBe('validation_failed');
			expect(error.details.length).toBeGreaterThan(0);
			expect(sb.contractViolations).toHaveLength(1);
			expect(sb.contractViolations[0]).toContain(operationId);
		});

		it('answers 401 without the API key, and with a wrong one', async () => {
			const call = cases[operationId].valid(f);
			const missing = await send(call, false);
			expect(missing.status).toBe(401);
			expect((missing.body as { error: { code: string } }).error.code).toBe('unauthorized');
			expect(validator.validateResponse(operation, 401, missing.body)).toEqual([]);
			const wrong = await fetch(`${sb.url}${call.path}`, { method: call.method, headers: { Authorization: 'Bearer rk_wrong' } });
			expect(wrong.status).toBe(401);
			expect(sb.contractViolations).toEqual([]);
		});

		if (operation.pathKeys.length > 0 && operation.responses['404']) {
			it('answers 404 not_found for a well-formed ID that names nothing', async () => {
				const key = operation.pathKeys[operation.pathKeys.length - 1];
				const path = operation.pathTemplate.replace(/\{(\w+)\}/g, (_m, k: string) => {
					if (k === key) return UNKNOWN[k] ?? 'missing-tag';
					return { contactId: f.contact.id, taskId: f.task.id, noteId: f.note.id }[k] ?? '';
				});
				const call = cases[operationId].valid(f);
				const res = await send({ ...call, path: key === 'tag' ? path.replace(`/${f.contact.id}/`, '/ctc_missing/') : path });
				expect(res.status).toBe(404);
				expect((res.body as { error: { code: string } }).error.code).toBe('not_found');
				expect(validator.validateResponse(operation, 404, res.body, res.headers)).toEqual([]);
			});
		}
	});
});
