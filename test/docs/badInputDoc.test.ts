import fs from 'node:fs';

import { badInputSections, describeMessage, DOC_PATH, renderDoc, SOURCES } from '../../scripts/badInputDoc';
import { GHL_BAD_INPUT_CASES } from '../ghl/badInputCases';

describe('docs/bad-input.md', () => {
	let sections: Awaited<ReturnType<typeof badInputSections>>;
	beforeAll(async () => {
		// n8n-core would log each of the ~150 refusals.
		process.env.N8N_LOG_LEVEL ??= 'silent';
		sections = await badInputSections();
	}, 120_000);

	it('lists every bad-input case the tests run, with the message the node gives (run `npm run docs:bad-input` after changing them)', () => {
		expect(fs.readFileSync(DOC_PATH, 'utf8')).toBe(renderDoc(sections));
	});

	it('counts at least 40 distinct cases, and has a section per node', () => {
		expect(sections.reduce((n, s) => n + s.cases.length, 0)).toBeGreaterThanOrEqual(40);
		expect(sections.map((s) => s.node)).toEqual(SOURCES.map((s) => s.node));
	});

	it('takes every GHL table the tests iterate', () => {
		expect(SOURCES.find((s) => s.node === 'GHL')?.cases).toBe(GHL_BAD_INPUT_CASES);
	});

	it('reads the field and the bad value from a message', () => {
		expect(describeMessage('Custom Fields [1] Field Key: "lead score!" is not a field key [item 0]')).toEqual({ field: 'Custom Fields [1] Field Key', badValue: '"lead score!"' });
		expect(describeMessage('Tags: is required but empty [item 0]')).toEqual({ field: 'Tags', badValue: '(empty)' });
		expect(describeMessage('Limit: must be at least 1 [item 0]')).toEqual({ field: 'Limit', badValue: '—' });
		expect(describeMessage('Limit: must be at least 1 [item 0]', { resource: 'note', limit: 0 })).toEqual({ field: 'Limit', badValue: '0' });
		expect(describeMessage('Contact: External Ref is longer than 255 characters [item 0]', { contactId: { __rl: true, mode: 'externalRef', value: 'x'.repeat(300) } }).badValue).toMatch(/^"x+… \(302 characters\)$/);
	});
});
