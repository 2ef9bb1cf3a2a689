/**
 * What the GHL Trigger emits: one item per event, normalised (event, locationId, the record's ids,
 * camelCase fields, ISO dates), optionally the raw body and the latest record read from GHL.
 */
import type { IDataObject } from 'n8n-workflow';

import { deliver } from '../harness/webhookContext';
import { marketplace, SECRET, signed, useSandbox, workflowAction } from './ghlTriggerSetup';

const sandbox = useSandbox();

describe('GHL Trigger: output items', () => {
	it('a contact event as GHL documents it', async () => {
		const sb = sandbox();
		// The example of GHL's ContactCreate doc, for this location, plus the envelope GHL adds.
		const payload = {
			type: 'ContactCreate',
			locationId: sb.locationId,
			id: 'nmFmQEsNgz6AVpgLVUJ0',
			address1: '3535 1st St N',
			city: 'ruDolomitebika',
			state: 'AL',
			companyName: 'Loram ipsum',
			country: 'DE',
			source: 'xyz form',
			dateAdded: '2021-11-26T12:41:02.193Z',
			dateOfBirth: '2000-01-05T00:00:00.000Z',
			dnd: true,
			email: 'JohnDeo@gmail.comm',
			name: 'John Deo',
			firstName: 'John',
			lastName: 'Deo',
			phone: '+919509597501',
			postalCode: '452001',
			tags: ['id magna sed Lorem', 'Duis dolor commodo aliqua'],
			website: 'https://www.google.com/',
			attachments: [],
			assignedTo: 'nmFmQEsNgz6AVpgLVUJ0',
			customFields: [{ id: 'BcdmQEsNgz6AVpgLVUJ0', value: 'XYZ Corp' }],
			webhookId: 'wh-contact-1',
			timestamp: new Date().toISOString(),
		};
		const { raw, headers } = signed(sb, payload);
		const [item] = (await deliver(marketplace(sb), raw, headers)).items;
		const { type: _type, webhookId: _w, timestamp, locationId: _l, ...fields } = payload;
		expect(item).toEqual({
			event: 'ContactCreate',
			locationId: sb.locationId,
			contactId: 'nmFmQEsNgz6AVpgLVUJ0',
			...fields,
			webhookId: 'wh-contact-1',
			timestamp,
			receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			verifiedBy: 'ed25519',
		});
	});

	it('an appointment: flattened, its ids lifted, offset dates turned into UTC ISO', async () => {
		const sb = sandbox();
		const contactId = sb.store.contactsOf(sb.locationId)[0].id;
		const payload = sb.webhooks.build('AppointmentUpdate', {
			appointment: { id: 'appt-1', title: 'Call', calendarId: 'cal-1', contactId, startTime: '2023-09-25T16:00:00+05:30', endTime: '2023-09-25T16:30:00+05:30', users: ['u1'] },
			timestamp: Math.floor(Date.now() / 1000),
		});
		const { raw, headers } = signed(sb, payload);
		const [item] = (await deliver(marketplace(sb), raw, headers)).items;
		expect(item).toMatchObject({
			event: 'AppointmentUpdate',
			appointmentId: 'appt-1',
			contactId,
			title: 'Call',
			startTime: '2023-09-25T10:30:00.000Z',
			endTime: '2023-09-25T11:00:00.000Z',
			users: ['u1'],
			timestamp: expect.stringMatching(/Z$/),
		});
		expect(item.appointment).toBeUndefined();
		expect(item.type).toBeUndefined();
	});

	it('a task and a note carry their own id and the contact\'s', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb);
		const task = sb.webhooks.build('TaskComplete');
		const note = sb.webhooks.build('NoteDelete');
		const a = signed(sb, task);
		const b = signed(sb, note);
		expect((await deliver(trigger, a.raw, a.headers)).items[0]).toMatchObject({ event: 'TaskComplete', taskId: task.id, contactId: task.contactId, id: task.id });
		expect((await deliver(trigger, b.raw, b.headers)).items[0]).toMatchObject({ event: 'NoteDelete', noteId: note.id, contactId: note.contactId });
	});

	it('a GHL Workflow webhook body in snake_case comes out camelCase, location taken from location.id', async () => {
		const sb = sandbox();
		const body = {
			type: 'ContactUpdate',
			contact_id: 'c-123',
			first_name: 'Ada',
			full_name: 'Ada Stone',
			date_created: '2024-05-01T10:00:00+02:00',
			location: { id: sb.locationId, name: 'Main Street Dental' },
			customData: { Lead_Source: 'ads' },
		};
		const [item] = (await deliver(workflowAction(sb), JSON.stringify(body), { 'x-ghl-secret': SECRET })).items;
		expect(item).toMatchObject({
			event: 'ContactUpdate',
			locationId: sb.locationId,
			contactId: 'c-123',
			firstName: 'Ada',
			fullName: 'Ada Stone',
			dateCreated: '2024-05-01T08:00:00.000Z',
			location: { id: sb.locationId, name: 'Main Street Dental' },
			customData: { Lead_Source: 'ads' },
			webhookId: null,
			timestamp: null,
			verifiedBy: 'secret',
		});
		expect(item.contact_id).toBeUndefined();
	});

	it('Include Raw Payload adds the body exactly as GHL sent it', async () => {
		const sb = sandbox();
		const { type, webhookId, timestamp, ...inner } = sb.webhooks.build('ContactCreate');
		const body = { type, webhookId, timestamp, data: inner };
		const { raw, headers } = signed(sb, body);
		const [item] = (await deliver(marketplace(sb, { includeRaw: true }), raw, headers)).items;
		expect(item.raw).toEqual(body);
		// A fresh event: the same webhookId would (rightly) be taken for a retry of the first.
		const again = signed(sb, sb.webhooks.build('ContactCreate'));
		const [plain] = (await deliver(marketplace(sb), again.raw, again.headers)).items;
		expect(plain.raw).toBeUndefined();
	});
});

describe('GHL Trigger: Fetch Latest Record', () => {
	const latestOf = async (sb: ReturnType<typeof sandbox>, payload: Record<string, unknown>) => {
		const { raw, headers } = signed(sb, payload);
		sb.clearRequests();
		const delivery = await deliver(marketplace(sb, { fetchLatest: true }), raw, headers);
		expect(delivery.started).toBe(1);
		return { item: delivery.items[0], requests: sb.requests.map((r) => `${r.method} ${r.path}`) };
	};

	it('reads the contact as it is now, with its tasks and notes', async () => {
		const sb = sandbox();
		const payload = sb.webhooks.build('ContactUpdate');
		sb.store.updateContact(String(payload.id), { firstName: 'Changed Since' });
		const { item, requests } = await latestOf(sb, payload);
		const latest = item.latest as IDataObject;
		expect(item.firstName).toBe(payload.firstName);
		expect(latest).toMatchObject({ id: payload.id, firstName: 'Changed Since' });
		expect(latest.tasks).toHaveLength(1);
		expect(latest.notes).toHaveLength(1);
		expect(requests.sort()).toEqual([`GET /contacts/${payload.id}`, `GET /contacts/${payload.id}/notes`, `GET /contacts/${payload.id}/tasks`]);
	});

	it('reads the task, the note and the appointment', async () => {
		const sb = sandbox();
		const task = sb.webhooks.build('TaskCreate');
		sb.store.updateTask(String(task.id), { title: 'Renamed' });
		expect((await latestOf(sb, task)).item.latest).toMatchObject({ id: task.id, title: 'Renamed' });

		const note = sb.webhooks.build('NoteUpdate');
		expect((await latestOf(sb, note)).item.latest).toMatchObject({ id: note.id, body: expect.any(String) });

		const contactId = sb.store.contactsOf(sb.locationId)[0].id;
		sb.store.appointments.set('appt-9', { id: 'appt-9', contactId, locationId: sb.locationId, title: 'Moved', startTime: '2030-01-01T09:00:00+01:00' });
		const appointment = sb.webhooks.build('AppointmentUpdate', { appointment: { id: 'appt-9', contactId, title: 'Old title' } });
		const { item, requests } = await latestOf(sb, appointment);
		expect(item.latest).toMatchObject({ id: 'appt-9', title: 'Moved', startTime: '2030-01-01T08:00:00.000Z' });
		expect(requests).toEqual([`GET /contacts/${contactId}/appointments`]);
	});

	it('a delete event has nothing to read; a record deleted meanwhile gives latest: null', async () => {
		const sb = sandbox();
		const deleted = await latestOf(sb, sb.webhooks.build('ContactDelete'));
		expect(deleted.item.latest).toBeNull();
		expect(deleted.requests).toEqual([]);

		const payload = sb.webhooks.build('ContactUpdate');
		sb.store.deleteContact(String(payload.id));
		const gone = await latestOf(sb, payload);
		expect(gone.item).toMatchObject({ latest: null, latestMissing: true });
	});

	it('when GHL cannot be read, the delivery is answered 429 (GHL retries only that) and the retry still runs', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb, { fetchLatest: true });
		const { raw, headers } = signed(sb, sb.webhooks.build('ContactCreate'));
		sb.setFaults({ rate500: 1 });
		expect(await deliver(trigger, raw, headers)).toMatchObject({ started: 0, status: 429 });
		expect(trigger.staticData().seenWebhookIds ?? {}).toEqual({});
		sb.setFaults(undefined);
		expect((await deliver(trigger, raw, headers)).started).toBe(1);
	});
});
