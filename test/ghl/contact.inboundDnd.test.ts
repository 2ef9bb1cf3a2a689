/**
 * Contact → Create / Update / Create or Update with Inbound Do Not Disturb: GHL's `inboundDndSettings`
 * is one setting for all channels, `{all: {status, message}}`, next to the per-channel `dndSettings`.
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 2 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const last = () => sb().requests[sb().requests.length - 1];

describe('Contact → Inbound Do Not Disturb', () => {
	it('create sends it beside the per-channel settings and GHL stores it', async () => {
		const result = await run({
			resource: 'contact',
			operation: 'create',
			fields: { email: 'quiet@example.test' },
			dndSettings: { channel: [{ channel: 'SMS', status: 'active', message: '', code: '' }] },
			inboundDndSettings: { all: { status: 'active', message: 'no inbound' } },
		});
		expect(result.error).toBeUndefined();
		expect(last()).toMatchObject({ method: 'POST', path: '/contacts/', status: 201 });
		expect(last().body).toEqual({
			locationId: sb().locationId,
			email: 'quiet@example.test',
			dndSettings: { SMS: { status: 'active' } },
			inboundDndSettings: { all: { status: 'active', message: 'no inbound' } },
		});
		const id = String(result.items[0].json.id);
		expect(sb().store.contacts.get(id)).toMatchObject({ inboundDndSettings: { all: { status: 'active', message: 'no inbound' } } });
	});

	it('is enough on its own for an update, and the empty message is not sent', async () => {
		const c = sb().store.contactsOf(sb().locationId)[0];
		const result = await run({ resource: 'contact', operation: 'update', contactId: byId(c.id), updateFields: {}, inboundDndSettings: { all: { status: 'inactive', message: '' } } });
		expect(result.error).toBeUndefined();
		expect(last()).toMatchObject({ method: 'PUT', path: `/contacts/${c.id}`, status: 200 });
		expect(last().body).toEqual({ inboundDndSettings: { all: { status: 'inactive' } } });
	});

	it('upsert carries it too', async () => {
		const result = await run({ resource: 'contact', operation: 'upsert', fields: { phone: '+14155550199' }, inboundDndSettings: { all: { status: 'active' } } });
		expect(result.error).toBeUndefined();
		expect(last()).toMatchObject({ method: 'POST', path: '/contacts/upsert' });
		expect(last().body).toMatchObject({ phone: '+14155550199', inboundDndSettings: { all: { status: 'active' } } });
	});

	it('is left out when not set', async () => {
		await run({ resource: 'contact', operation: 'create', fields: { name: 'Plain' } });
		expect(last().body).not.toHaveProperty('inboundDndSettings');
	});

	it('refuses "permanent", which GHL has only per channel, before any request', async () => {
		const result = await run({ resource: 'contact', operation: 'create', fields: { name: 'X' }, inboundDndSettings: { all: { status: '={{ "permanent" }}' } } });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('Inbound Do Not Disturb Status: "permanent" is not one of active, inactive [item 0]');
		expect(sb().requests).toHaveLength(0);
	});
});
