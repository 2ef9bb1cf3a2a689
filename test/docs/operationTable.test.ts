import fs from 'node:fs';
import path from 'node:path';

import { operationTable, readmeSection, tableSources } from '../../scripts/operationTable';

describe('README operation tables', () => {
	it('match the operations the nodes really have (run `npm run docs:operations` to refresh)', async () => {
		const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
		for (const source of await tableSources()) {
			expect(readmeSection(readme, source.name)).toBe(operationTable(source));
		}
	});
});
