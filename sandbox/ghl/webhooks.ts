/** Signed GHL webhook events for trigger tests: payloads per GHL's event docs, test keys, a sender. */
import { createSign, generateKeyPairSync, randomUUID, sign as edSign } from 'node:crypto';

import type { GhlStore } from './store';

interface TestKeys {
	ed25519: { privateKey: string; publicKey: string };
	rsa: { privateKey: string; publicKey: string };
}

let keys: TestKeys | undefined;
/** Generated once per process: test keys only, never GHL's. */
function testKeys(): TestKeys {
	keys ??= {
		ed25519: generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }),
		rsa: generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }),
	};
	return keys;
}

export function signBody(rawBody: string): { 'x-ghl-signature': string; 'x-wh-signature': string } {
	const k = testKeys();
	const ed = edSign(null, Buffer.from(rawBody), k.ed25519.privateKey).toString('base64');
	const rsa = createSign('sha256').update(rawBody).end().sign(k.rsa.privateKey, 'base64');
	return { 'x-ghl-signature': ed, 'x-wh-signature': rsa };
}

export function publicKeys() {
	const k = testKeys();
	return { ed25519: k.ed25519.publicKey, rsa: k.rsa.publicKey };
}

const CONTACT_FIELDS = ['id', 'address1', 'city', 'state', 'companyName', 'country', 'source', 'dateAdded', 'dateOfBirth', 'dnd', 'dndSettings', 'email', 'name', 'firstName', 'lastName', 'phone', 'postalCode', 'tags', 'website', 'assignedTo', 'customFields'];

const pick = (record: Record<string, unknown> | undefined, fields: string[]) =>
	Object.fromEntries(fields.filter((f) => record?.[f] !== undefined).map((f) => [f, record?.[f]]));

/** The payload GHL sends for `type` about this contact, task or note (as its webhook docs list the fields). */
export function eventOf(type: string, locationId: string, record: Record<string, unknown>): Record<string, unknown> {
	const base = { type, locationId, webhookId: randomUUID(), timestamp: new Date().toISOString() };
	if (type.startsWith('Contact')) return { ...base, ...pick(record, CONTACT_FIELDS), attachments: [] };
	if (type.startsWith('Task')) return { ...base, ...pick(record, ['id', 'assignedTo', 'body', 'contactId', 'title', 'dateAdded', 'dueDate', 'completed']) };
	return { ...base, ...pick(record, ['id', 'body', 'contactId', 'dateAdded']) };
}

/** A payload of `type` as GHL sends it, about a real record of the store where there is one. */
export function buildEvent(store: GhlStore, locationId: string, type: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	const base = { type, locationId, webhookId: randomUUID(), timestamp: new Date().toISOString() };
	const contact = store.contactsOf(locationId)[0];
	if (type.startsWith('Contact')) {
		return { ...base, ...pick(contact, CONTACT_FIELDS), attachments: [], ...overrides };
	}
	if (type.startsWith('Task')) {
		const task = [...store.tasks.values()].find((t) => t.contactId === contact?.id) ?? [...store.tasks.values()][0];
		return { ...base, ...pick(task, ['id', 'assignedTo', 'body', 'contactId', 'title', 'dateAdded', 'dueDate', 'completed']), ...(type === 'TaskComplete' ? { completed: true } : {}), ...overrides };
	}
	if (type.startsWith('Note')) {
		const note = [...store.notes.values()].find((n) => n.contactId === contact?.id) ?? [...store.notes.values()][0];
		return { ...base, ...pick(note, ['id', 'body', 'contactId', 'dateAdded']), ...overrides };
	}
	if (type.startsWith('Appointment')) {
		const now = new Date().toISOString();
		return {
			...base,
			appointment: { id: `appt${Date.now()}`, title: 'Intro call', calendarId: 'cal1', contactId: contact?.id, appointmentStatus: 'confirmed', startTime: now, endTime: now, dateAdded: now, dateUpdated: now },
			...overrides,
		};
	}
	return { ...base, ...overrides };
}

export async function sendEvent(
	targetUrl: string,
	payload: Record<string, unknown>,
	opts: { signWith?: 'ed25519' | 'rsa' | 'both' | 'none'; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<{ status: number; body: string }> {
	const raw = opts.rawBody ?? JSON.stringify(payload);
	const signatures = signBody(raw);
	const signWith = opts.signWith ?? 'both';
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signWith === 'ed25519' || signWith === 'both') headers['x-ghl-signature'] = signatures['x-ghl-signature'];
	if (signWith === 'rsa' || signWith === 'both') headers['x-wh-signature'] = signatures['x-wh-signature'];
	const response = await fetch(targetUrl, { method: 'POST', headers: { ...headers, ...opts.headers }, body: raw });
	return { status: response.status, body: await response.text() };
}
