/**
 * The GHL sandbox answers tasks in the shape GHL's spec documents (TaskSchema) unless `taskTimestamps` asks
 * for the undocumented dateAdded / dateUpdated / completedAt, so nodes are not built on fields GHL may not send.
 */
import fs from 'node:fs';
import path from 'node:path';

import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';

const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/ghl-api/contacts.json'), 'utf8'));
const DOCUMENTED = Object.keys(spec.components.schemas.TaskSchema.properties);
const TIMESTAMPS = ['dateAdded', 'dateUpdated', 'completedAt'];

describe.each([
	['by default', undefined, false],
	['with taskTimestamps', true, true],
])('GHL sandbox task answers, %s', (_label, taskTimestamps, stamped) => {
	let sb: GhlSandbox;
	beforeEach(async () => {
		sb = await startGhlSandbox({ seed: { contacts: 2, tasksPerContact: 2 }, rateLimit: false, taskTimestamps });
	});
	afterEach(async () => sb.close());

	const call = async (method: string, p: string, body?: unknown) => {
		const response = await fetch(`${sb.url}${p}`, {
			method,
			headers: { Authorization: `Bearer ${sb.token}`, Version: '2021-07-28', 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		expect(response.status).toBeLessThan(300);
		return (await response.json()) as Record<string, any>;
	};

	it(stamped ? 'add the undocumented timestamps' : 'carry only the fields TaskSchema documents', async () => {
		const [task] = [...sb.store.tasks.values()];
		const base = `/contacts/${task.contactId}/tasks`;
		const answers = [
			(await call('GET', `${base}/${task.id}`)).task,
			...(await call('GET', base)).tasks,
			(await call('POST', base, { title: 'New', dueDate: '2030-01-01T00:00:00Z', completed: false })).task,
			(await call('PUT', `${base}/${task.id}`, { title: 'Renamed' })).task,
			(await call('PUT', `${base}/${task.id}/completed`, { completed: true })).task,
			...(await call('POST', `/locations/${sb.locationId}/tasks/search`, { limit: 100 })).tasks,
		];
		for (const answer of answers) {
			const undocumented = Object.keys(answer).filter((k) => !DOCUMENTED.includes(k));
			if (stamped) expect(undocumented).toEqual(expect.arrayContaining(['dateAdded', 'dateUpdated']));
			else expect(undocumented).toEqual([]);
			if (!stamped) for (const k of TIMESTAMPS) expect(answer[k]).toBeUndefined();
		}
	});
});
