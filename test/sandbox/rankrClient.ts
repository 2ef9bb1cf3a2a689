/** A tiny fetch wrapper for the Rankr sandbox tests: JSON in and out, the sandbox key by default. */
import type { RankrSandbox } from '../../sandbox/rankr';

/** A fetch response's headers as a plain record (lower-case names). */
function headerRecord(headers: Headers): Record<string, string> {
	const record: Record<string, string> = {};
	headers.forEach((value, name) => {
		record[name] = value;
	});
	return record;
}

export interface RankrAnswer<T = any> {
	status: number;
	body: T;
	headers: Record<string, string>;
}

export function rankrClient(sb: () => RankrSandbox) {
	return async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RankrAnswer<T>> {
		const res = await fetch(`${sb().url}${path}`, {
			method,
			headers: { Authorization: `Bearer ${sb().apiKey}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: headerRecord(res.headers) };
	};
}
