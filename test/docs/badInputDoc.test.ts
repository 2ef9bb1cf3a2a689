import fs from 'node:fs';

import { badInputDoc, CORPORA, DOC_PATH, readablePattern } from '../../scripts/badInputDoc';

describe('docs/bad-input.md', () => {
	it('lists every bad-input case the tests run (run `npm run docs:bad-input` after changing them)', () => {
		expect(fs.readFileSync(DOC_PATH, 'utf8')).toBe(badInputDoc());
	});

	it('counts at least 40 cases', () => {
		expect(CORPORA.reduce((n, c) => n + c.cases.length, 0)).toBeGreaterThanOrEqual(40);
	});

	it('shows patterns as readable messages', () => {
		expect(readablePattern(/^Contact: "a\/b" is not a Rankr contact ID \[item 0\]/)).toBe('Contact: "a/b" is not a Rankr contact ID [item 0]');
	});
});
