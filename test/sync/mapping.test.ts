/** The pure parts of the sync: externalRefs, the field table, and the parity comparison. */
import { contactFields, differingFields, noteFields, tagSet, taskFields } from '../../nodes/shared/sync/mapping';
import { childDifferences, compareContacts } from '../../nodes/shared/sync/parityCompare';
import { childIdOfRef, childRef, contactIdOfRef, contactRef } from '../../nodes/shared/sync/refs';
import { ghlSourcedTags, planTags } from '../../nodes/shared/sync/tags';

describe('externalRefs', () => {
	it('name GHL contacts, tasks and notes of one location, and nothing else', () => {
		expect(contactRef('loc1', 'c1')).toBe('ghl:loc1:c1');
		expect(childRef('loc1', 'task', 't1')).toBe('ghl:loc1:task:t1');
		expect(contactIdOfRef('loc1', 'ghl:loc1:c1')).toBe('c1');
		expect(contactIdOfRef('loc1', 'ghl:loc2:c1')).toBeUndefined();
		expect(contactIdOfRef('loc1', 'ghl:loc1:task:t1')).toBeUndefined();
		expect(contactIdOfRef('loc1', null)).toBeUndefined();
		expect(childIdOfRef('loc1', 'note', 'ghl:loc1:note:n1')).toBe('n1');
		expect(childIdOfRef('loc1', 'note', 'ghl:loc1:task:n1')).toBeUndefined();
		expect(childIdOfRef('loc1', 'task', 'crm:1')).toBeUndefined();
	});
});

describe('field mapping', () => {
	it('copies what Rankr accepts and leaves out what it would refuse', () => {
		const fields = contactFields({ firstName: ' Ada ', email: 'ADA@Example.COM', phone: 'call me', country: 'Atlantis', postalCode: '', dnd: true, city: 'x'.repeat(300) });
		expect(fields).toMatchObject({ firstName: 'Ada', email: 'ada@example.com', postalCode: null, dnd: true });
		expect(fields).not.toHaveProperty('phone');
		expect(fields).not.toHaveProperty('country');
		expect(String(fields.city)).toHaveLength(255);
		expect(contactFields({ country: 'fr' }).country).toBe('FR');
	});

	it('country USA is written as US, and other country names as their ISO code', () => {
		const cases: Record<string, string> = { USA: 'US', 'United States': 'US', Deutschland: 'DE', France: 'FR', 'united kingdom': 'GB', UK: 'GB', Japan: 'JP', Brazil: 'BR' };
		for (const [name, code] of Object.entries(cases)) expect([name, contactFields({ country: name }).country]).toEqual([name, code]);
	});

	it('maps tasks and notes, giving an empty note a body Rankr accepts', () => {
		expect(taskFields({ title: 'Call', body: 'soon', dueDate: '2030-01-01T10:00:00+02:00', assignedTo: 'u1', completed: true })).toEqual({
			title: 'Call',
			description: 'soon',
			dueAt: '2030-01-01T08:00:00.000Z',
			assignee: 'u1',
			completed: true,
		});
		expect(noteFields({ body: '' })).toEqual({ body: '(empty note)' });
	});

	it('compares instants, not spellings, and tags as sets', () => {
		expect(differingFields({ dueAt: '2030-01-01T08:00:00.000Z', title: 'a' }, { dueAt: '2030-01-01T10:00:00+02:00', title: 'b' })).toEqual(['title']);
		expect(tagSet(['B', 'a', ' b ', ''])).toEqual(['a', 'b']);
		expect(planTags(['a', 'c'], { tags: ['A', 'b'], externalTags: ['a', 'b'] })).toMatchObject({ add: ['c'], remove: ['b'] });
	});
});

describe('parity comparison', () => {
	const ghl = [{ id: 'c1', firstName: 'Ada', email: 'ada@x.test', tags: ['vip'] }, { id: 'c2', firstName: 'Bob' }];
	const rankr = (id: string, ref: string | null, extra: Record<string, unknown> = {}) => ({
		id,
		externalRef: ref,
		createdAt: '2026-01-01T00:00:00Z',
		...contactFields(ghl.find((g) => ref?.endsWith(`:${g.id}`)) ?? {}),
		tags: ['vip'],
		...extra,
	});

	it('ignores Rankr contacts that are not from this location', () => {
		const { report } = compareContacts('loc', ghl, [rankr('r1', 'ghl:loc:c1'), rankr('r2', 'ghl:loc:c2', { tags: [] }), rankr('r3', null), rankr('r4', 'ghl:other:c9')], { compareTags: true, reportExtras: true });
		expect(report).toMatchObject({ ghlCount: 2, rankrCount: 2, inParity: true });
	});

	it('does not report extras when asked not to (a text search narrows only GHL)', () => {
		const copy = { ...rankr('r3', 'ghl:loc:c2'), createdAt: '2026-02-01T00:00:00Z' };
		const { report } = compareContacts('loc', ghl.slice(0, 1), [rankr('r1', 'ghl:loc:c1'), rankr('r2', 'ghl:loc:c2'), copy], { compareTags: false, reportExtras: false });
		expect(report).toMatchObject({ ghlCount: 1, rankrCount: 1, inParity: true });
		const all = compareContacts('loc', ghl, [rankr('r1', 'ghl:loc:c1'), rankr('r2', 'ghl:loc:c2'), copy], { compareTags: false, reportExtras: true }).report;
		expect(all).toMatchObject({ rankrCount: 3, duplicated: [{ ghlContactId: 'c2', rankrContactIds: ['r2', 'r3'] }], extra: [{ rankrContactId: 'r3', reason: 'duplicate' }] });
	});

	it('leaves Rankr-only tasks out of the child comparison', () => {
		const rankrTasks = [{ id: 'tsk_1', externalRef: null, title: 'Mine' }, { id: 'tsk_2', externalRef: 'ghl:loc:task:gone', title: 'Old' }];
		expect(childDifferences('loc', 'task', [], rankrTasks)).toEqual([{ field: 'task:gone', ghl: null, rankr: 'Old', externalRef: 'ghl:loc:task:gone' }]);
	});
});

describe('tags that came from GHL', () => {
	it('never drops a Rankr tag to make room: GHL tags beyond Rankr’s 100 are skipped and named', () => {
		const own = Array.from({ length: 99 }, (_, n) => `own-${String(n).padStart(2, '0')}`);
		const plan = planTags(['ghl-a', 'ghl-b'], { tags: own, externalTags: [] });
		expect(plan).toEqual({ add: ['ghl-a'], remove: [], externalTags: ['ghl-a', 'ghl-b'], skipped: ['ghl-b'] });
	});

	it('compares only the Rankr tags that came from GHL', () => {
		expect(ghlSourcedTags({ tags: ['a', 'mine', 'old'], externalTags: ['a', 'old'] }, ['a'])).toEqual(['a', 'old']);
		expect(ghlSourcedTags({ tags: ['a', 'mine'], externalTags: null }, ['a', 'b'])).toEqual(['a']);
	});
});
