/** Simplified Rankr contacts lead with name, email and phone, as the table view shows keys in order. */
import { byId, rankrSuite } from '../rankr/setup';

const { state, ok } = rankrSuite();

it('Contact → Get (simplified) starts with first name, last name, email, phone', async () => {
	const c = state.sb.store.addContact({ email: 'jane@example.test', firstName: 'Jane', lastName: 'Doe', phone: '+14155550123' });
	const [out] = await ok({ resource: 'contact', operation: 'get', contactId: byId(c.id) });
	expect(Object.keys(out).slice(0, 4)).toEqual(['firstName', 'lastName', 'email', 'phone']);
	expect(out).toMatchObject({ id: c.id, email: 'jane@example.test' });
});
