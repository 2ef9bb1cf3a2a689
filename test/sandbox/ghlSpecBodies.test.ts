/** The GHL sandbox holds request bodies to GHL's spec: a required body must be sent, fields in their declared types. */
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';

let sb: GhlSandbox;
beforeEach(async () => {
	sb = await startGhlSandbox({ seed: { contacts: 1 }, rateLimit: false });
});
afterEach(async () => sb.close());

async function call(method: string, path: string, body?: string) {
	const response = await fetch(sb.url + path, {
		method,
		headers: { Authorization: `Bearer ${sb.token}`, Version: '2021-07-28', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
		body,
	});
	return { status: response.status, body: (await response.json()) as { message?: unknown } };
}

describe('GHL sandbox: request bodies as the spec declares them', () => {
	it('refuses Campaign add and Workflow remove without the body the spec requires, accepts "{}"', async () => {
		const contact = sb.store.contactsOf(sb.locationId)[0].id;
		const campaign = [...sb.store.campaigns.values()][0].id;
		const workflow = [...sb.store.workflows.values()][0].id;
		for (const [method, path] of [
			['POST', `/contacts/${contact}/campaigns/${campaign}`],
			['DELETE', `/contacts/${contact}/workflow/${workflow}`],
		]) {
			expect(await call(method, path)).toEqual({ status: 422, body: expect.objectContaining({ message: ['body should not be empty'] }) });
			expect((await call(method, path, '{}')).status).toBeLessThan(300);
		}
	});

	it('refuses a number where the spec declares a string, naming the field as GHL does', async () => {
		const created = await call('POST', '/contacts/', JSON.stringify({ locationId: sb.locationId, firstName: 42, postalCode: 35061 }));
		expect(created).toEqual({ status: 422, body: expect.objectContaining({ message: ['firstName must be a string', 'postalCode must be a string'] }) });
		const contact = sb.store.contactsOf(sb.locationId)[0].id;
		const note = await call('POST', `/contacts/${contact}/notes`, JSON.stringify({ body: 7 }));
		expect(note).toEqual({ status: 422, body: expect.objectContaining({ message: ['body must be a string'] }) });
		const tags = await call('POST', `/contacts/${contact}/tags`, JSON.stringify({ tags: ['ok', 5] }));
		expect(tags).toEqual({ status: 422, body: expect.objectContaining({ message: ['tags.1 must be a string'] }) });
		const dnd = await call('PUT', `/contacts/${contact}`, JSON.stringify({ dndSettings: { Email: { status: 'active', code: 12 } } }));
		expect(dnd).toEqual({ status: 422, body: expect.objectContaining({ message: ['dndSettings.Email.code must be a string'] }) });
	});

	it('takes dateOfBirth as a date string and custom field values of any type (SPEC-QUIRKS 3)', async () => {
		const field = [...sb.store.customFields.values()][0].id;
		const created = await call('POST', '/contacts/', JSON.stringify({ locationId: sb.locationId, name: 'Q', dateOfBirth: '1990-09-25', customFields: [{ id: field, field_value: 7 }] }));
		expect(created.status).toBe(201);
	});
});
