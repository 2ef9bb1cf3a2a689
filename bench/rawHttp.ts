/** The reference every "ours ÷ raw" ratio divides by: plain node:http with a keep-alive Agent, no n8n. */
import http from 'node:http';

import type { GhlSandbox } from '../sandbox/ghl';

export interface RawRequest {
	method: string;
	path: string;
	body?: unknown;
}

function send(agent: http.Agent, sb: GhlSandbox, request: RawRequest): Promise<{ status: number; body: unknown }> {
	const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
	return new Promise((resolve, reject) => {
		const req = http.request(
			`${sb.url}${request.path}`,
			{
				method: request.method,
				agent,
				headers: {
					authorization: `Bearer ${sb.token}`,
					version: '2021-07-28',
					accept: 'application/json',
					...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
				},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

/** Sends the requests `concurrency` at a time over kept-alive sockets; returns the non-2xx count. */
export async function rawLoop(sb: GhlSandbox, requests: RawRequest[], concurrency: number): Promise<{ failures: number }> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	let next = 0;
	let failures = 0;
	const worker = async () => {
		while (next < requests.length) {
			const { status } = await send(agent, sb, requests[next++]);
			if (status < 200 || status >= 300) failures++;
		}
	};
	try {
		await Promise.all(Array.from({ length: concurrency }, worker));
	} finally {
		agent.destroy();
	}
	return { failures };
}

/** Sequential pages, each asked for after the previous one answered (as any Return All must). */
export async function rawPages(sb: GhlSandbox, pages: RawRequest[]): Promise<{ failures: number }> {
	return await rawLoop(sb, pages, 1);
}
