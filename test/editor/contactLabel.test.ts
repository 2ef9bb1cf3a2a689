/** How a contact reads in the pickers' lists. */
import { contactLabel } from '../../nodes/shared/fields';

it.each([
	[{ firstName: 'Jane', lastName: 'Doe', email: 'jane@x.com' }, 'Jane Doe (jane@x.com)'],
	[{ name: 'Jane Doe', email: 'jane@x.com' }, 'Jane Doe (jane@x.com)'],
	[{ firstName: 'Jane' }, 'Jane'],
	[{ email: 'jane@x.com', phone: '+1415' }, 'jane@x.com'],
	[{ phone: '+14155550100' }, '+14155550100'],
	[{}, 'ctc_1'],
])('%j reads "%s"', (contact, label) => {
	expect(contactLabel(contact, 'ctc_1')).toBe(label);
});
