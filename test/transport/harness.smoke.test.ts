import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { GHL_PROBE } from '../harness/probeNode';
import { runNode } from '../harness/runNode';

describe('test harness', () => {
	it('runs a node in n8n-core and authenticates through the credential', async () => {
		const seen: http.IncomingHttpHeaders[] = [];
		const server = http.createServer((req, res) => {
			seen.push(req.headers);
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ ok: true, path: req.url }));
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const port = (server.address() as AddressInfo).port;
		try {
			const result = await runNode({
				type: GHL_PROBE,
				parameters: { authentication: 'privateIntegration', method: 'GET', path: '/contacts/abc' },
				credentials: { ghlApi: { authType: 'location', token: 'pit-secret-1234', locationId: 'loc1', baseUrl: `http://127.0.0.1:${port}` } },
				items: [{ a: 1 }, { a: 2 }],
			});
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([
				{ ok: true, path: '/contacts/abc' },
				{ ok: true, path: '/contacts/abc' },
			]);
			expect(seen[0].authorization).toBe('Bearer pit-secret-1234');
			expect(seen[0].version).toBe('2021-07-28');
		} finally {
			server.close();
		}
	});
});
