/** The Rankr node's contact picker, through n8n-core's load-options context against the sandbox. */
import { LoadOptionsContext } from 'n8n-core';
import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { Rankr } from '../../nodes/Rankr/Rankr.node';
import { TestCredentialsHelper } from '../harness/credentials';
import { nodeTypes } from '../harness/nodeTypes';
import { additionalDataFor } from '../harness/runNode';
import { RANKR, rankrSuite } from './setup';

const { state } = rankrSuite({ rateLimit: false, validateResponses: true, seedContacts: 120 });
const methods = new Rankr().methods;

function context() {
	const node: INode = { id: 'n', name: 'Rankr', type: RANKR, typeVersion: 1, position: [0, 0], parameters: {}, credentials: { rankrApi: { id: 'c', name: 'rankr' } } };
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, nodeTypes, active: false });
	const helper = new TestCredentialsHelper({ rankrApi: { apiKey: state.sb.apiKey, baseUrl: state.sb.url } });
	return new LoadOptionsContext(workflow, node, additionalDataFor(helper, undefined as never), '');
}

describe('listSearch.searchContacts (the Rankr contact locator\'s list)', () => {
	it('pages with Rankr\'s cursor, 50 at a time, to the end', async () => {
		const seen: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await methods.listSearch.searchContacts.call(context(), '', token);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken as string | undefined;
			pages++;
		} while (token);
		expect(pages).toBe(3);
		expect(new Set(seen).size).toBe(120);
		expect(seen.every((id) => /^ctc_/.test(id))).toBe(true);
		expect(state.sb.contractViolations).toEqual([]);
	});

	it('searches what the user typed and names contacts "Name (email)", with the External Ref beside', async () => {
		state.sb.store.addContact({ email: 'zelda@example.test', firstName: 'Zelda', lastName: 'Quux', externalRef: 'ghl:loc:z' });
		const found = await methods.listSearch.searchContacts.call(context(), '  zelda ');
		expect(found.results).toEqual([{ name: 'Zelda Quux (zelda@example.test)', value: expect.stringMatching(/^ctc_/), description: 'ghl:loc:z' }]);
		expect(found.paginationToken).toBeUndefined();
		expect(state.sb.requests[state.sb.requests.length - 1].query).toMatchObject({ q: 'zelda', limit: '50' });
	});
});
